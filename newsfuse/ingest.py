"""Ingest: the pipeline's runner (:mod:`newsfuse.pipeline`) into the database, for paths,
for documents already read, and for stored articles to finish.

Every run first finishes the work an earlier, interrupted one left (see
:mod:`newsfuse.store.work` and :class:`~newsfuse.sinks.StoreSink`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from newsfuse.cluster.config import ClusterConfig
from newsfuse.model import RawDocument, Reject
from newsfuse.pipeline import IngestReport, failure_reason, run_pipeline
from newsfuse.readers import expand_paths
from newsfuse.sinks import StoreSink
from newsfuse.store import Store

__all__ = [
    "IngestReport",
    "annotate_stored",
    "failure_reason",
    "finish_pending",
    "ingest_documents",
    "ingest_paths",
]


def ingest_documents(
    docs: Iterable[RawDocument | Reject],
    store: Store,
    *,
    annotate: bool = True,
    cluster: bool = False,
    n_process: int = 1,
    revisions: bool = False,
) -> IngestReport:
    """Store, annotate and (with ``cluster``) cluster documents already read; with
    ``revisions``, a stored id given with other text is kept as a later version."""
    return run_pipeline(
        docs,
        StoreSink(store, revisions=revisions),
        annotate=annotate,
        cluster=cluster,
        n_process=n_process,
    )


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    *,
    suffix: str | None = None,
    annotate: bool = True,
    cluster: bool = True,
    cluster_config: ClusterConfig | None = None,
    n_process: int = 1,
    on_file: Callable[[str, int, int], None] | None = None,
    revisions: bool = False,
) -> IngestReport:
    """Ingest every file under ``paths``; ``on_file(path, done, total)`` reports progress.

    First the work an interrupted run left is finished. With ``annotate`` (the default)
    stored articles go through the annotate and code stages, ``n_process`` spaCy
    processes at a time; with ``cluster`` (the default) every article in no story yet
    then joins one, clustered with ``cluster_config`` (None: the shipped settings). With
    ``revisions`` an input that gives a stored article's id with other text is kept as a
    later version of it; without, it is refused.
    """
    items = list(expand_paths(paths))

    def progress(done: int) -> None:
        if on_file is not None:
            item = items[done - 1]
            on_file(item if isinstance(item, str) else item.source, done, len(items))

    return run_pipeline(
        items,
        StoreSink(store, revisions=revisions),
        suffix=suffix,
        annotate=annotate,
        n_process=n_process,
        resume=annotate,
        cluster=cluster,
        cluster_config=cluster_config,
        on_input=progress,
    )


def annotate_stored(
    store: Store,
    ids: list[str],
    n_process: int = 1,
    *,
    only_if_pending: bool = False,
    report: IngestReport | None = None,
) -> int:
    """Annotate and code stored articles by id again; how many were stored. With
    ``only_if_pending`` an article another run has finished meanwhile is left as it is."""
    report = report if report is not None else IngestReport()
    before = report.annotated
    articles = (store.load_article(i) for i in ids)
    run_pipeline(
        [],
        StoreSink(store),
        stored=articles,
        overwrite=not only_if_pending,
        n_process=n_process,
        cluster=False,
        report=report,
    )
    return report.annotated - before


def finish_pending(
    store: Store, report: IngestReport, n_process: int = 1, *, retry_failed: bool = False
) -> int:
    """Annotate the articles an interrupted run stored but did not annotate (with
    ``retry_failed`` also those whose annotation failed before); how many."""
    before = report.recovered
    run_pipeline(
        [],
        StoreSink(store),
        resume=True,
        retry_failed=retry_failed,
        n_process=n_process,
        cluster=False,
        report=report,
    )
    return report.recovered - before
