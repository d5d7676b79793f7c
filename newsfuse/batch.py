"""Stage "batch": the pipeline over many files into Parquet, on Ray or here, then loaded.

:func:`run_batch` runs the stages of :mod:`newsfuse.pipeline` over shards of files into
the Parquet layout of :mod:`newsfuse.sinks.parquet`: in this process through the
pipeline's runner into a :class:`~newsfuse.sinks.ParquetSink`, or on Ray Data across a
cluster, where :func:`process_file` (read and clean) and :class:`Analyse` (annotate and
code) call the same stage functions.

:func:`load_batch` replays such a folder through the runner into the database (a
:class:`~newsfuse.sinks.StoreSink`), the way ingest would have stored it: duplicates by
content hash, id conflicts and rejects are decided in input order (``file_no``,
``doc_no``), whatever order the Parquet rows come in, then the new articles are
clustered. Ray is imported only when it is used (``pip install 'newsfuse[ray]'``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfuse.annotate.nlp import load_nlp
from newsfuse.errors import InputError, MissingDependency
from newsfuse.model import Reject
from newsfuse.pipeline import (
    ANNOTATE_BATCH,
    IngestReport,
    Place,
    analyse_chunk,
    clean,
    read_path,
    run_pipeline,
)
from newsfuse.readers import expand_paths
from newsfuse.sinks import ParquetSink, StoreSink
from newsfuse.sinks.parquet import (
    REJECT_COLUMNS,
    analysed_row,
    analysed_schema,
    annotations_from_json,
    annotations_to_json,
    article_of,
    article_row,
    count_rows,
    events_from_json,
    events_to_json,
    pyarrow_modules,
    reject_row,
    reject_schema,
    replay,
    resolver_for,
    write_rows,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from newsfuse.store import Store

__all__ = [
    "Analyse",
    "annotations_from_json",
    "annotations_to_json",
    "events_from_json",
    "events_to_json",
    "load_batch",
    "process_file",
    "run_batch",
]

# -- the stages on Ray's rows ------------------------------------------------------------


def process_file(path: str, file_no: int = 0) -> list[dict[str, Any]]:
    """The read and clean stages on one file: one row per document.

    Articles carry the :class:`~newsfuse.model.Article` fields (``kind="article"``),
    inputs that could not be used ``kind="reject"`` with ``source`` and ``reason``.
    ``file_no`` and each row's ``doc_no`` record the input order for the loader.
    """
    rows = []
    for doc_no, doc in enumerate(read_path(path)):
        place, cleaned = Place(file_no, doc_no), clean(doc)
        if isinstance(cleaned.result, Reject):
            rows.append(reject_row(cleaned.result, place, cleaned.notes))
        else:
            rows.append(article_row(cleaned.result, place, cleaned.input_id))
    return rows


def _process_item(item: dict[str, Any]) -> list[dict[str, Any]]:
    """:func:`process_file` on one ``{"path", "file_no"}`` item (Ray's ``flat_map``)."""
    return process_file(item["path"], int(item["file_no"]))


class Analyse:
    """The annotate and code stages on a batch of article rows (Ray's ``map_batches``).

    The spaCy pipeline is loaded once per instance, that is once per Ray actor.
    ``dictionary_rows`` are imported actor dictionaries (``Store.dictionary_rows()``),
    so that actors resolve as they would in that database.
    """

    def __init__(self, dictionary_rows: list[dict[str, Any]] | None = None) -> None:
        self.resolver = resolver_for(dictionary_rows)
        load_nlp()

    def analyse_rows(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The article rows among ``rows``, with what annotate and code found in each."""
        rows = [row for row in rows if row["kind"] == "article"]
        found = analyse_chunk([article_of(r) for r in rows], self.resolver)
        return [analysed_row(row, f) for row, f in zip(rows, found, strict=True)]

    def __call__(self, batch: pa.Table) -> pa.Table:
        pa, _ = pyarrow_modules()
        return pa.Table.from_pylist(self.analyse_rows(batch.to_pylist()), schema=analysed_schema())


# -- running ----------------------------------------------------------------------------


def _inputs(paths: Iterable[str]) -> list[str | Reject]:
    """The files under ``paths``, in input order, and rejects for paths that name nothing
    (in the same sequence, so that the loader keeps their place)."""
    return [
        Reject("<stdin>", "a batch reads files; use `newsfuse ingest -`") if item == "-" else item
        for item in expand_paths(paths)
    ]


def _prepare(out_dir: Path) -> tuple[Path, Path]:
    """``OUT/articles`` and ``OUT/rejects``, created, with the Parquet of an earlier run removed."""
    folders = out_dir / "articles", out_dir / "rejects"
    for folder in folders:
        if folder.exists() and not folder.is_dir():
            raise InputError(f"{folder} is a file; give --out a folder of its own")
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.parquet"):
            old.unlink()
    return folders


def _import_ray():
    try:
        import ray
        import ray.data
    except ModuleNotFoundError as exc:
        raise MissingDependency(
            f"batch runs on Ray need Ray Data ({exc.name} is missing): "
            "pip install 'newsfuse[ray]', or run without Ray (--no-ray, use_ray=False)"
        ) from exc
    return ray


def _rejects_of(rows: Any) -> list[dict[str, Any]]:
    """The reject rows of a materialised dataset, brought to the driver (they are small)."""
    try:
        from ray.data.expressions import col
    except ImportError:  # an older Ray: a row-by-row filter
        kept = rows.filter(lambda row: row["kind"] == "reject")
    else:
        kept = rows.filter(expr=col("kind") == "reject")
    return [
        {**row, "notes": list(row["notes"] if row["notes"] is not None else ())}
        for row in kept.select_columns(list(REJECT_COLUMNS)).take_all()
    ]


def _run_on_ray(
    inputs: list[str | Reject],
    folders: tuple[Path, Path],
    dictionary_rows: list[dict[str, Any]] | None,
    *,
    address: str | None,
    num_cpus: int | None,
    batch_size: int,
) -> None:
    ray = _import_ray()
    items = [{"path": p, "file_no": n} for n, p in enumerate(inputs) if isinstance(p, str)]
    rejects = [reject_row(r, Place(n)) for n, r in enumerate(inputs) if isinstance(r, Reject)]
    started = not ray.is_initialized()
    if started:
        options: dict[str, Any] = {"include_dashboard": False, "ignore_reinit_error": True}
        if address:
            options["address"] = address
        elif num_cpus:
            options["num_cpus"] = num_cpus
        ray.init(**options)
    try:
        cpus = num_cpus or max(int(ray.cluster_resources().get("CPU", 1)), 1)
        if items:
            # read + clean, materialised once: the articles and the rejects both come from it
            blocks = min(len(items), 32 * cpus)
            rows = (
                ray.data.from_items(items, override_num_blocks=blocks)
                .flat_map(_process_item)
                .materialize()
            )
            rejects = rejects + _rejects_of(rows)
            constructor = {"dictionary_rows": dictionary_rows} if dictionary_rows else None
            analysed = rows.map_batches(
                Analyse,  # takes the article rows of each batch, drops the rest
                fn_constructor_kwargs=constructor,
                batch_size=batch_size,
                batch_format="pyarrow",
                concurrency=cpus,
            )
            analysed.write_parquet(str(folders[0]))
        if rejects:
            write_rows(folders[1] / "part-00000.parquet", rejects, reject_schema())
    finally:
        if started:
            ray.shutdown()


def run_batch(
    paths: Iterable[str],
    out_dir: str | Path,
    *,
    use_ray: bool = True,
    address: str | None = None,
    num_cpus: int | None = None,
    batch_size: int = ANNOTATE_BATCH,
    dictionary_rows: list[dict[str, Any]] | None = None,
    n_process: int = 1,
) -> dict[str, Any]:
    """Read, clean, annotate and code every file under ``paths`` into Parquet under ``out_dir``.

    With ``use_ray`` the work runs on Ray Data: on the cluster at ``address``, on the
    one this process is already connected to, or on a local one started (and stopped)
    here with ``num_cpus`` CPUs. Without it, the pipeline's runner does it here, with
    ``n_process`` parsing processes. Parquet left in ``out_dir`` by an earlier run is
    replaced. Returns a summary: files, articles, rejects, seconds.
    """
    if use_ray:
        _import_ray()  # fail before any work is done
    pyarrow_modules()
    began = time.perf_counter()
    inputs = _inputs(paths)
    folders = _prepare(Path(out_dir))
    if use_ray:
        _run_on_ray(
            inputs,
            folders,
            dictionary_rows,
            address=address,
            num_cpus=num_cpus,
            batch_size=batch_size,
        )
    else:
        run_pipeline(inputs, ParquetSink(folders, dictionary_rows), n_process=n_process)
    return {
        "files": sum(isinstance(i, str) for i in inputs),
        "articles": count_rows(folders[0]),
        "rejects": count_rows(folders[1]),
        "seconds": round(time.perf_counter() - began, 3),
        "out": str(out_dir),
        "ray": use_ray,
    }


# -- loading ----------------------------------------------------------------------------


def load_batch(out_dir: str | Path, store: Store) -> IngestReport:
    """Store a batch folder written by :func:`run_batch` as ``newsfuse ingest`` would have.

    The runner replays the rows in input order (``file_no``, ``doc_no``) into the
    database, so duplicates and id conflicts are decided as ingest decides them. Articles
    that are stored get their annotations and events; then the new articles join stories.
    What an interrupted run (a load or an ingest) left is finished first.
    """
    out = Path(out_dir)
    folders = out / "articles", out / "rejects"
    if not any(f.is_dir() for f in folders):
        raise InputError(
            f"{out} holds no batch output (articles/ and rejects/); run `newsfuse batch` first"
        )
    return run_pipeline(replay(folders), StoreSink(store), annotate=False, resume=True)
