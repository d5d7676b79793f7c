"""Where :func:`newsfuse.pipeline.run_pipeline` puts what the stages made: the database
(:class:`StoreSink`) or Parquet files (:class:`ParquetSink`)."""

from newsfuse.sinks.database import StoreSink
from newsfuse.sinks.parquet import ParquetSink

__all__ = ["ParquetSink", "StoreSink"]
