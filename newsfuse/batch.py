"""Stage "batch": read → clean → annotate → code over many files into Parquet, then load it.

:func:`run_batch` runs the same stage functions as ``newsfuse ingest`` (the readers,
:data:`~newsfuse.pipeline.CLEAN`, :func:`~newsfuse.annotate.stage.annotate_articles`)
over shards of files, on Ray Data across a cluster or in this process, and writes

    OUT/articles/*.parquet   one row per cleaned article: its fields, where it came from
                             (``file_no``, ``doc_no``), ``annotations_json``, ``events_json``
    OUT/rejects/*.parquet    one row per input that did not become an article, with its reason

:func:`load_batch` stores such a folder in a database the way ingest would have:
duplicates by content hash, id conflicts and rejects are decided in input order
(``file_no``, ``doc_no``), whatever order the Parquet rows come in, then the new
articles are clustered. Ray is imported only when it is used (``pip install
'newsfuse[ray]'``).
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfuse.errors import InputError, MissingDependency
from newsfuse.ingest import (
    ANNOTATE_BATCH,
    IngestReport,
    clean,
    cluster_pending,
    finish_pending,
    flush_rejects,
    read_documents,
    record_reject,
    store_article,
)
from newsfuse.model import (
    Actor,
    ActorMention,
    Analysis,
    Annotations,
    Article,
    Event,
    EventActor,
    PlaceMention,
    Quantity,
    Reject,
    TimeMention,
)
from newsfuse.readers import expand_paths

if TYPE_CHECKING:
    import pyarrow as pa

    from newsfuse.store import Store

__all__ = ["Analyse", "load_batch", "process_file", "run_batch"]

ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
_LIST_FIELDS = ("boilerplate", "notes")
ROW_COLUMNS = ("kind", "file_no", "doc_no", "input_id", *ARTICLE_FIELDS, "reason")
"""Every row :func:`process_file` returns has these keys (Ray builds blocks from them)."""
REJECT_COLUMNS = ("kind", "file_no", "doc_no", "source", "reason", "notes")
ANALYSED_COLUMNS = (
    "kind",
    "file_no",
    "doc_no",
    "input_id",
    *ARTICLE_FIELDS,
    "annotations_json",
    "events_json",
)
ROWS_PER_FILE = 256
"""Rows in each Parquet file the in-process run writes."""


# -- read and clean -------------------------------------------------------------------


def _row(kind: str, file_no: int, doc_no: int, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ROW_COLUMNS)
    row.update(kind=kind, file_no=file_no, doc_no=doc_no, input_id=False, boilerplate=[], notes=[])
    row.update(values)
    return row


def _reject_row(reject: Reject, file_no: int, doc_no: int, notes: Iterable[str] = ()) -> dict:
    return _row(
        "reject", file_no, doc_no, source=reject.source, reason=reject.reason, notes=list(notes)
    )


def _article_row(article: Article, file_no: int, doc_no: int, input_id: bool) -> dict:
    values = dataclasses.asdict(article)
    for key in _LIST_FIELDS:
        values[key] = list(values[key])
    return _row("article", file_no, doc_no, input_id=input_id, **values)


def process_file(path: str, file_no: int = 0) -> list[dict[str, Any]]:
    """Read one file and clean every document in it: one row per document.

    Articles carry the :class:`~newsfuse.model.Article` fields (``kind="article"``),
    inputs that could not be used ``kind="reject"`` with ``source`` and ``reason``.
    ``file_no`` and each row's ``doc_no`` record the input order for the loader.
    """
    rows = []
    for doc_no, doc in enumerate(read_documents(path)):
        if isinstance(doc, Reject):
            rows.append(_reject_row(doc, file_no, doc_no))
            continue
        result = clean(doc)
        if isinstance(result, Reject):
            rows.append(_reject_row(result, file_no, doc_no, doc.notes))
        else:
            rows.append(_article_row(result, file_no, doc_no, "id" in doc.meta))
    return rows


def _process_item(item: dict[str, Any]) -> list[dict[str, Any]]:
    """:func:`process_file` on one ``{"path", "file_no"}`` item (Ray's ``flat_map``)."""
    return process_file(item["path"], int(item["file_no"]))


def _inputs(paths: Iterable[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Files to process as ``{"path", "file_no"}`` items, and reject rows for paths that
    name nothing (numbered in the same sequence, so the loader keeps their place)."""
    items, rejects = [], []
    for file_no, item in enumerate(expand_paths(paths)):
        if isinstance(item, Reject):
            rejects.append(_reject_row(item, file_no, 0))
        elif item == "-":
            rejects.append(
                _reject_row(
                    Reject("<stdin>", "a batch reads files; use `newsfuse ingest -`"), file_no, 0
                )
            )
        else:
            items.append({"path": item, "file_no": file_no})
    return items, rejects


# -- annotate and code ----------------------------------------------------------------


def _article(row: dict[str, Any]) -> Article:
    values = {key: row[key] for key in ARTICLE_FIELDS}
    for key in _LIST_FIELDS:
        values[key] = tuple(values[key] or ())
    return Article(**values)


class Analyse:
    """The annotate and code stages on a batch of article rows (Ray's ``map_batches``).

    The spaCy pipeline is loaded once per instance, that is once per Ray actor.
    ``dictionary_rows`` are imported actor dictionaries (``Store.dictionary_rows()``),
    so that actors resolve as they would in that database.
    """

    def __init__(self, dictionary_rows: list[dict[str, Any]] | None = None) -> None:
        from newsfuse.actors import ActorDictionary
        from newsfuse.annotate.actors import ActorResolver
        from newsfuse.annotate.nlp import load_nlp

        self.resolver = ActorResolver(
            ActorDictionary.from_rows(dictionary_rows) if dictionary_rows else None
        )
        load_nlp()

    def analyse_rows(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The article rows among ``rows``, with ``annotations_json`` and ``events_json``."""
        from newsfuse.annotate.stage import annotate_articles

        rows = [row for row in rows if row["kind"] == "article"]
        found = annotate_articles([_article(r) for r in rows], resolver=self.resolver)
        return [
            {
                **{key: row[key] for key in ANALYSED_COLUMNS[:-2]},
                "annotations_json": annotations_to_json(analysis.annotations),
                "events_json": events_to_json(analysis.events),
            }
            for row, analysis in zip(rows, found, strict=True)
        ]

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        return pa.Table.from_pylist(self.analyse_rows(batch.to_pylist()), schema=analysed_schema())


# -- serialising what annotate and code found -------------------------------------------


def annotations_to_json(annotations: Annotations) -> str:
    return json.dumps(dataclasses.asdict(annotations), ensure_ascii=False)


def events_to_json(events: Iterable[Event]) -> str:
    return json.dumps([dataclasses.asdict(e) for e in events], ensure_ascii=False)


def _actor(data: dict[str, Any] | None) -> Actor | None:
    return Actor(**data) if data else None


def annotations_from_json(text: str) -> Annotations:
    data = json.loads(text)
    return Annotations(
        article_id=data["article_id"],
        sentences=tuple((start, end) for start, end in data["sentences"]),
        actors=tuple(ActorMention(**{**m, "actor": Actor(**m["actor"])}) for m in data["actors"]),
        places=tuple(PlaceMention(**p) for p in data["places"]),
        times=tuple(TimeMention(**t) for t in data["times"]),
        quantities=tuple(
            Quantity(**{**q, "actor": _actor(q["actor"])}) for q in data["quantities"]
        ),
    )


def _event_actor(data: dict[str, Any] | None) -> EventActor | None:
    return EventActor(**data) if data else None


def events_from_json(text: str) -> tuple[Event, ...]:
    """The events of an ``events_json`` cell. Cells written before typed magnitudes (no
    ``*_text`` keys, a size of "millions") read as typed events: :class:`Event` moves
    such words to ``size_text``."""
    return tuple(
        Event(
            **{
                **e,
                "source": tuple(EventActor(**a) for a in e["source"]),
                "target": tuple(EventActor(**a) for a in e["target"]),
                "attribution_actor": _event_actor(e["attribution_actor"]),
            }
        )
        for e in json.loads(text)
    )


# -- Parquet ----------------------------------------------------------------------------


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise MissingDependency(
            "batch runs write Parquet and need pyarrow: pip install 'newsfuse[parquet]' "
            "(or 'newsfuse[ray]', which brings it)"
        ) from exc
    return pa, pq


def analysed_schema() -> pa.Schema:
    """The columns of ``OUT/articles``: typed, so that no batch infers a null column."""
    pa, _ = _pyarrow()
    types = {"file_no": pa.int64(), "doc_no": pa.int64(), "input_id": pa.bool_()}
    types.update({key: pa.list_(pa.string()) for key in _LIST_FIELDS})
    return pa.schema([(name, types.get(name, pa.string())) for name in ANALYSED_COLUMNS])


def reject_schema() -> pa.Schema:
    pa, _ = _pyarrow()
    types = {"file_no": pa.int64(), "doc_no": pa.int64(), "notes": pa.list_(pa.string())}
    return pa.schema([(name, types.get(name, pa.string())) for name in REJECT_COLUMNS])


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


def _parquet_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []


def _count_rows(folder: Path) -> int:
    _, pq = _pyarrow()
    return sum(pq.ParquetFile(f).metadata.num_rows for f in _parquet_files(folder))


def _read_rows(folder: Path) -> list[dict[str, Any]]:
    """Every row of every Parquet file in ``folder`` (read file by file: Ray may write
    files whose inferred types differ, e.g. a column that is null in one of them)."""
    _, pq = _pyarrow()
    rows: list[dict[str, Any]] = []
    for path in _parquet_files(folder):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


class _PartWriter:
    """Writes rows to numbered Parquet files of :data:`ROWS_PER_FILE` rows."""

    def __init__(self, folder: Path, schema: pa.Schema) -> None:
        self.folder, self.schema, self.parts, self.rows = folder, schema, 0, []

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        while len(self.rows) >= ROWS_PER_FILE:
            self._write(self.rows[:ROWS_PER_FILE])
            self.rows = self.rows[ROWS_PER_FILE:]

    def close(self) -> None:
        if self.rows:
            self._write(self.rows)
            self.rows = []

    def _write(self, rows: list[dict[str, Any]]) -> None:
        pa, pq = _pyarrow()
        table = pa.Table.from_pylist(
            [{k: r[k] for k in self.schema.names} for r in rows], schema=self.schema
        )
        pq.write_table(table, self.folder / f"part-{self.parts:05d}.parquet")
        self.parts += 1


# -- running ----------------------------------------------------------------------------


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_here(
    items: list[dict[str, Any]],
    rejects: list[dict[str, Any]],
    folders: tuple[Path, Path],
    dictionary_rows: list[dict[str, Any]] | None,
) -> None:
    """The batch in this process: the same functions as on Ray, the same Parquet layout."""
    articles_out = _PartWriter(folders[0], analysed_schema())
    rejects_out = _PartWriter(folders[1], reject_schema())
    rejects_out.add(rejects)
    analyse = Analyse(dictionary_rows)

    def article_rows() -> Iterator[dict[str, Any]]:
        for item in items:
            for row in _process_item(item):
                if row["kind"] == "article":
                    yield row
                else:
                    rejects_out.add([row])

    for chunk in _chunks(article_rows(), ANNOTATE_BATCH):
        articles_out.add(analyse.analyse_rows(chunk))
    articles_out.close()
    rejects_out.close()


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
    items: list[dict[str, Any]],
    rejects: list[dict[str, Any]],
    folders: tuple[Path, Path],
    dictionary_rows: list[dict[str, Any]] | None,
    *,
    address: str | None,
    num_cpus: int | None,
    batch_size: int,
) -> None:
    ray = _import_ray()
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
            pa, pq = _pyarrow()
            table = pa.Table.from_pylist(
                [{k: r[k] for k in REJECT_COLUMNS} for r in rejects], schema=reject_schema()
            )
            pq.write_table(table, folders[1] / "part-00000.parquet")
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
) -> dict[str, Any]:
    """Read, clean, annotate and code every file under ``paths`` into Parquet under ``out_dir``.

    With ``use_ray`` the work runs on Ray Data: on the cluster at ``address``, on the
    one this process is already connected to, or on a local one started (and stopped)
    here with ``num_cpus`` CPUs. Without it, the same functions run in this process.
    Parquet left in ``out_dir`` by an earlier run is replaced. Returns a summary:
    files, articles, rejects, seconds.
    """
    if use_ray:
        _import_ray()  # fail before any work is done
    _pyarrow()
    began = time.perf_counter()
    items, rejects = _inputs(paths)
    folders = _prepare(Path(out_dir))
    if use_ray:
        _run_on_ray(
            items,
            rejects,
            folders,
            dictionary_rows,
            address=address,
            num_cpus=num_cpus,
            batch_size=batch_size,
        )
    else:
        _run_here(items, rejects, folders, dictionary_rows)
    return {
        "files": len(items),
        "articles": _count_rows(folders[0]),
        "rejects": _count_rows(folders[1]),
        "seconds": round(time.perf_counter() - began, 3),
        "out": str(out_dir),
        "ray": use_ray,
    }


# -- loading ----------------------------------------------------------------------------


def load_batch(out_dir: str | Path, store: Store) -> IngestReport:
    """Store a batch folder written by :func:`run_batch` as ``newsfuse ingest`` would have.

    Rows are taken in input order (``file_no``, ``doc_no``), so duplicates and id
    conflicts are decided as ingest decides them, whatever order the Parquet holds them
    in. Articles that are stored get their annotations and events; then the new
    articles join stories.
    """
    out = Path(out_dir)
    folders = out / "articles", out / "rejects"
    if not any(f.is_dir() for f in folders):
        raise InputError(
            f"{out} holds no batch output (articles/ and rejects/); run `newsfuse batch` first"
        )
    rows = _read_rows(folders[0]) + _read_rows(folders[1])
    rows.sort(key=lambda r: (r["file_no"], r["doc_no"]))
    report = IngestReport()
    finish_pending(store, report)  # what an interrupted run (a load or an ingest) left
    for row in rows:
        report.notes.extend(row.get("notes") or ())
        if row["kind"] == "reject":
            record_reject(store, report, Reject(row["source"], row["reason"]))
            continue
        stored = store_article(
            _article(row), store, report, input_id=bool(row["input_id"]), pending=True
        )
        if stored is not None:
            annotations = annotations_from_json(row["annotations_json"])
            events = [
                dataclasses.replace(e, article_id=stored.id)
                for e in events_from_json(row["events_json"])
            ]
            analysis = Analysis(
                dataclasses.replace(annotations, article_id=stored.id), tuple(events)
            )
            report.annotated += store.save_analysis(analysis, only_if_pending=True)
    flush_rejects(store, report)
    cluster_pending(store, report)
    return report
