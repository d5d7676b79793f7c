"""The Parquet sink: what ``newsfuse batch`` writes, and how a batch is read back.

    OUT/articles/*.parquet   one row per cleaned article: its fields, where it came from
                             (``file_no``, ``doc_no``), ``annotations_json``, ``events_json``
                             (or ``annotate_failed``, the reason its annotation failed)
    OUT/rejects/*.parquet    one row per input that did not become an article, with its reason

The rows are made by the same functions whether the batch runs in this process
(:class:`ParquetSink`) or on Ray Data (:mod:`newsfuse.batch`). :func:`replay` reads them
back in input order, as the runner's input, to load them into a database.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfuse.actors import ActorDictionary
from newsfuse.annotate.actors import ActorResolver
from newsfuse.errors import MissingDependency
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
from newsfuse.pipeline import Cleaned, Failed, Kept, Place, Refused

if TYPE_CHECKING:
    import pyarrow as pa

ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
_LIST_FIELDS = ("boilerplate", "notes")
ROW_COLUMNS = ("kind", "file_no", "doc_no", "input_id", *ARTICLE_FIELDS, "reason")
"""Every row of a cleaned document has these keys (Ray builds blocks from them)."""
REJECT_COLUMNS = ("kind", "file_no", "doc_no", "source", "reason", "notes")
_FOUND_COLUMNS = ("annotations_json", "events_json", "annotate_failed")
ANALYSED_COLUMNS = ("kind", "file_no", "doc_no", "input_id", *ARTICLE_FIELDS, *_FOUND_COLUMNS)
ROWS_PER_FILE = 256
"""Rows in each Parquet file the in-process run writes."""


# -- rows ---------------------------------------------------------------------------------


def _row(kind: str, place: Place, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ROW_COLUMNS)
    row.update(kind=kind, file_no=place.file_no, doc_no=place.doc_no, input_id=False)
    row.update(boilerplate=[], notes=[])
    row.update(values)
    return row


def reject_row(reject: Reject, place: Place, notes: Iterable[str] = ()) -> dict[str, Any]:
    return _row("reject", place, source=reject.source, reason=reject.reason, notes=list(notes))


def article_row(article: Article, place: Place, input_id: bool) -> dict[str, Any]:
    values = dataclasses.asdict(article)
    for key in _LIST_FIELDS:
        values[key] = list(values[key])
    return _row("article", place, input_id=input_id, **values)


def article_of(row: dict[str, Any]) -> Article:
    values = {key: row[key] for key in ARTICLE_FIELDS}
    for key in _LIST_FIELDS:
        values[key] = tuple(values[key] or ())
    return Article(**values)


def analysed_row(row: dict[str, Any], found: Analysis | Failed) -> dict[str, Any]:
    """An article row with what the annotate and code stages found in it (or why not)."""
    out = {key: row[key] for key in ANALYSED_COLUMNS if key not in _FOUND_COLUMNS}
    if isinstance(found, Failed):
        return {
            **out,
            "annotations_json": None,
            "events_json": None,
            "annotate_failed": found.reason,
        }
    return {
        **out,
        "annotations_json": annotations_to_json(found.annotations),
        "events_json": events_to_json(found.events),
        "annotate_failed": None,
    }


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
        annotated_chars=data.get("annotated_chars"),  # absent from cells of older batches
        notes=tuple(data.get("notes") or ()),
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


def pyarrow_modules():
    """``pyarrow`` and ``pyarrow.parquet``, or a :class:`MissingDependency` saying what to install."""
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
    pa, _ = pyarrow_modules()
    types = {"file_no": pa.int64(), "doc_no": pa.int64(), "input_id": pa.bool_()}
    types.update({key: pa.list_(pa.string()) for key in _LIST_FIELDS})
    return pa.schema([(name, types.get(name, pa.string())) for name in ANALYSED_COLUMNS])


def reject_schema() -> pa.Schema:
    pa, _ = pyarrow_modules()
    types = {"file_no": pa.int64(), "doc_no": pa.int64(), "notes": pa.list_(pa.string())}
    return pa.schema([(name, types.get(name, pa.string())) for name in REJECT_COLUMNS])


def parquet_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []


def count_rows(folder: Path) -> int:
    _, pq = pyarrow_modules()
    return sum(pq.ParquetFile(f).metadata.num_rows for f in parquet_files(folder))


def read_rows(folder: Path) -> list[dict[str, Any]]:
    """Every row of every Parquet file in ``folder`` (read file by file: Ray may write
    files whose inferred types differ, e.g. a column that is null in one of them)."""
    _, pq = pyarrow_modules()
    rows: list[dict[str, Any]] = []
    for path in parquet_files(folder):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def write_rows(path: Path, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    pa, pq = pyarrow_modules()
    table = pa.Table.from_pylist([{k: r[k] for k in schema.names} for r in rows], schema=schema)
    pq.write_table(table, path)


class PartWriter:
    """Writes rows to numbered Parquet files of :data:`ROWS_PER_FILE` rows."""

    def __init__(self, folder: Path, schema: pa.Schema) -> None:
        self.folder, self.schema, self.parts = folder, schema, 0
        self.rows: list[dict[str, Any]] = []

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
        write_rows(self.folder / f"part-{self.parts:05d}.parquet", rows, self.schema)
        self.parts += 1


def resolver_for(dictionary_rows: list[dict[str, Any]] | None) -> ActorResolver:
    """A resolver that knows a database's imported actor dictionaries (``Store.dictionary_rows()``)."""
    return ActorResolver(ActorDictionary.from_rows(dictionary_rows) if dictionary_rows else None)


# -- the sink -----------------------------------------------------------------------------


class ParquetSink:
    """Writes article rows (with their analysis) to ``folders[0]`` and reject rows to
    ``folders[1]``. It keeps every article: duplicates are decided when it is loaded."""

    store = None  # no database: nothing to cluster

    def __init__(
        self, folders: tuple[Path, Path], dictionary_rows: list[dict[str, Any]] | None = None
    ) -> None:
        self.articles = PartWriter(folders[0], analysed_schema())
        self.rejects = PartWriter(folders[1], reject_schema())
        self.dictionary_rows = dictionary_rows

    def resolver(self) -> ActorResolver:
        return resolver_for(self.dictionary_rows)

    def unfinished(self, *, retry_failed: bool) -> Iterator[Kept]:
        return iter(())

    def reject(self, reject: Reject, place: Place, notes: tuple[str, ...] = ()) -> None:
        self.rejects.add([reject_row(reject, place, notes)])

    def article(self, article: Article, place: Place, *, input_id: bool, pending: bool) -> Kept:
        return Kept(article, token=article_row(article, place, input_id))

    def analysis(self, kept: Kept, analysis: Analysis) -> bool:
        self.articles.add([analysed_row(kept.token, analysis)])
        return True

    def analyses(self, pairs: list[tuple[Kept, Analysis]]) -> list[bool | Refused]:
        self.articles.add([analysed_row(kept.token, analysis) for kept, analysis in pairs])
        return [True] * len(pairs)

    def failed(self, kept: Kept, reason: str) -> None:
        self.articles.add([analysed_row(kept.token, Failed(kept.article, reason))])

    def close(self) -> None:
        self.articles.close()
        self.rejects.close()


def replay(folders: tuple[Path, Path]) -> Iterator[Cleaned]:
    """The rows of a batch, in input order (``file_no``, ``doc_no``), whatever order the
    Parquet holds them in, as the runner's input: cleaned, with what annotate and code found."""
    rows = read_rows(folders[0]) + read_rows(folders[1])
    rows.sort(key=lambda r: (r["file_no"], r["doc_no"]))
    for row in rows:
        notes = tuple(row.get("notes") or ())
        if row["kind"] == "reject":
            yield Cleaned(Reject(row["source"], row["reason"]), notes=notes)
            continue
        failed = row.get("annotate_failed")
        analysis = None
        if not failed:
            analysis = Analysis(
                annotations_from_json(row["annotations_json"]),
                events_from_json(row["events_json"]),
            )
        yield Cleaned(
            article_of(row), bool(row["input_id"]), notes, analysis=analysis, failed=failed
        )
