"""Readers for plain text, HTML and JSON / JSON Lines articles."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsfuse.model import RawDocument, Reject
from newsfuse.readers.registry import MAX_DOCUMENT_BYTES, OverlongLine, register_reader

# Our field name ← the names inputs use for it (interchange format first, then news-please).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "url": ("url",),
    "outlet": ("outlet", "source_domain", "site_name", "sitename"),
    "title": ("title", "title_page", "title_rss"),
    "published": ("published", "date_publish", "date", "pubdate"),
    "author": ("author", "authors"),
    "language": ("language", "lang"),
    "agency": ("agency",),
    "description": ("description",),
}
TEXT_FIELDS = ("text", "maintext", "body", "content")
HTML_FIELDS = ("html", "raw_html")


def _present(value: Any) -> bool:
    return value not in (None, "", [], "None", "null")


def record_to_document(record: Any, source: str) -> RawDocument | Reject:
    """One JSON object (interchange or news-please fields) to a document."""
    if not isinstance(record, Mapping):
        return Reject(source, f"expected a JSON object per article, got {type(record).__name__}")
    meta: dict[str, Any] = {}
    for ours, names in FIELD_ALIASES.items():
        for name in names:
            value = record.get(name)
            if _present(value):
                if isinstance(value, list):
                    value = ", ".join(str(v) for v in value)
                meta[ours] = str(value).strip() if not isinstance(value, str) else value.strip()
                break
    for name in TEXT_FIELDS:
        if _present(record.get(name)) and isinstance(record[name], str):
            return RawDocument(source, "text", record[name], meta)
    for name in HTML_FIELDS:
        if _present(record.get(name)) and isinstance(record[name], str):
            return RawDocument(source, "html", record[name], meta)
    return Reject(
        source,
        "the JSON record has no article text: give it a 'text' (or news-please 'maintext') "
        "or an 'html' field",
    )


@register_reader(".txt", ".text", "")
def read_text(text: str, source: str) -> Iterator[RawDocument]:
    yield RawDocument(source, "text", text)


@register_reader(".html", ".htm", ".xhtml")
def read_html(text: str, source: str) -> Iterator[RawDocument]:
    yield RawDocument(source, "html", text)


@register_reader(".json")
def read_json(text: str, source: str) -> Iterator[RawDocument | Reject]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Reject(
            source,
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "fix the file, or name it .jsonl if it holds one article per line",
        )
        return
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, start=1):
        where = source if len(records) == 1 else f"{source}[{n}]"
        yield record_to_document(record, where)


@register_reader(".jsonl", ".ndjson", streaming=True)
def read_jsonl(lines: Iterable[str], source: str) -> Iterator[RawDocument | Reject]:
    for lineno, line in enumerate(lines, start=1):
        where = f"{source}:{lineno}"
        if isinstance(line, OverlongLine):
            yield Reject(
                where,
                f"line longer than {MAX_DOCUMENT_BYTES // 2**20} MB skipped; "
                "one article per line is expected",
            )
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(
                where,
                f"not valid JSON: {exc.msg.removesuffix(' at')} (column {exc.colno}); "
                "each line must be one JSON object; the other lines were read",
            )
            continue
        yield record_to_document(record, where)
