"""Write stored records to JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import IO, Any, Literal

from newsfuse.errors import MissingDependency
from newsfuse.untrusted import csv_cell, inert_json

ExportFormat = Literal["jsonl", "csv", "parquet"]

ARTICLE_FIELDS = (
    "id", "story_id", "url", "outlet", "agency", "author", "title", "published", "dateline_place",
    "dateline_country", "language", "content_hash", "source", "ingested_at", "text",
    "boilerplate", "notes", "duplicate_of", "revision_of",
)  # fmt: skip
"""``duplicate_of``: set on the row of an input that was an exact copy of a stored article
(its own id and source, the stored article's text and story; see ``export articles``).
``revision_of``: set on a later version of a stored article (the input gave the stored
article's id with other text; this row's id has the content hash appended)."""


EVENT_FIELDS = (
    "id", "story_id", "article_id", "sentence", "event_type", "quad_class", "mode", "context",
    "source", "target", "location", "location_country", "date", "date_end", "dead", "injured",
    "size", "dead_text", "injured_text", "size_text", "attribution", "attribution_country",
    "negated", "hypothetical", "confidence", "trigger", "evidence", "location_geonameid",
    "location_feature_code", "location_lat", "location_lon",
)  # fmt: skip
COUNT_FIELDS = frozenset({"dead", "injured", "size"})
"""Event counts: 64-bit integers in Parquet."""

PLACE_FIELDS = (
    "article_id", "start", "end", "text", "name", "kind", "country", "admin1", "geonameid",
    "feature_class", "feature_code", "lat", "lon", "sentence",
)  # fmt: skip
"""One place mention: ``start``/``end`` are offsets into its article's cleaned text, as in
``newsfuse article ID --json`` (``annotations.places[]``)."""

PARQUET_TYPES: dict[str, str] = {
    **dict.fromkeys(COUNT_FIELDS, "int64"),
    "location_geonameid": "int64",
    "location_lat": "float64",
    "location_lon": "float64",
}
"""Columns typed in Parquet (by name); every other column is a string there."""
PLACE_PARQUET_TYPES: dict[str, str] = {
    **dict.fromkeys(("start", "end", "geonameid", "sentence"), "int64"),
    "lat": "float64",
    "lon": "float64",
}

STORY_FIELDS = (
    "id", "title", "first_published", "last_published", "article_count", "independent_sources",
    "actors", "article_ids",
)  # fmt: skip

FIELDS: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_FIELDS,
    "events": EVENT_FIELDS,
    "stories": STORY_FIELDS,
    "places": PLACE_FIELDS,
}
TYPES: dict[str, dict[str, str]] = {"places": PLACE_PARQUET_TYPES}
"""Parquet column types of an export, where they are not :data:`PARQUET_TYPES`."""


def export_rows(
    rows: Iterable[dict[str, Any]],
    fields: tuple[str, ...],
    fmt: ExportFormat,
    out: IO[str] | str,
    types: Mapping[str, str] | None = None,
) -> int:
    """Write ``rows`` (only ``fields``, in that order) as JSON Lines, CSV or Parquet.

    ``out`` is an open text stream, or a file path for Parquet; returns the row count.
    ``types`` names the Parquet type of columns that are not strings (default
    :data:`PARQUET_TYPES`).
    """
    if fmt == "parquet":
        if not isinstance(out, str):
            raise ValueError("Parquet needs a file path")
        return write_parquet(rows, out, fields, types)
    if isinstance(out, str):
        raise ValueError("JSON Lines and CSV need an open stream")
    if fmt == "jsonl":
        return write_jsonl(({k: r.get(k) for k in fields} for r in rows), out)
    return write_csv(rows, out, fields)


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(inert_json(row, default=str) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], fields: tuple[str, ...]) -> int:
    """CSV with a header; a cell a spreadsheet would run as a formula is guarded (``csv_cell``)."""
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: csv_cell(_flat(row.get(k))) for k in fields})
        count += 1
    return count


def write_parquet(
    rows: Iterable[dict[str, Any]],
    path: str,
    fields: tuple[str, ...],
    types: Mapping[str, str] | None = None,
) -> int:
    types = PARQUET_TYPES if types is None else types
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise MissingDependency(
            "Parquet export needs pyarrow: pip install 'newsfuse[parquet]'"
        ) from exc
    batch = [{k: row.get(k) if k in types else _flat(row.get(k)) for k in fields} for row in rows]
    schema = pa.schema([(k, getattr(pa, types.get(k, "string"))()) for k in fields])
    table = pa.Table.from_pylist(batch, schema=schema)
    pq.write_table(table, path)
    return len(batch)


def _flat(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return None if value is None else str(value)
