"""Readers for plain text, HTML and JSON / JSON Lines articles.

JSON is checked before and after parsing: nesting deeper than
:data:`~newsfuse.readers.limits.MAX_JSON_DEPTH` is refused unparsed (the parser would
otherwise recurse until Python stops it), numbers too long to convert are refused, and
each field must have a type that makes sense for it: the article text a string, the id a
string or a finite number. A metadata field of the wrong type (a title that is an object)
is ignored with a note, so the article is kept.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate
from typing import Any

from newsfuse.errors import MalformedRecord, TooComplex
from newsfuse.model import RawDocument, Reject
from newsfuse.readers.limits import MAX_JSON_DEPTH, quote, size
from newsfuse.readers.registry import OverlongLine, register_reader

# Our field name ← the names inputs use for it (interchange format first, then news-please).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "url": ("url",),
    "outlet": ("outlet", "source_domain", "site_name", "sitename"),
    "title": ("title", "title_page", "title_rss"),
    "published": (
        "published",
        "date_publish",
        "date",
        "pubdate",
        "published_at",
        "publish_date",
        "date_published",
        "publishedAt",
        "datePublished",
        "pub_date",
    ),
    "author": ("author", "authors"),
    "language": ("language", "lang"),
    "agency": ("agency",),
    "description": ("description",),
}
TEXT_FIELDS = ("text", "maintext", "body", "content")
HTML_FIELDS = ("html", "raw_html")

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _present(value: Any) -> bool:
    return value not in (None, "", [], "None", "null")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number" if math.isfinite(value) else "a non-finite number (NaN or infinity)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def json_too_deep(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether arrays and objects in ``text`` nest deeper than ``limit`` (strings ignored).

    Linear in the length of ``text`` and without recursion, so it is safe to run before
    :func:`json.loads` on anything.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    skeleton = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_DEPTH_STEP.__getitem__, skeleton)), default=0) > limit


def parse_json(text: str) -> Any:
    """``json.loads`` that raises only :class:`MalformedRecord` or :class:`TooComplex`."""
    if json_too_deep(text):
        raise TooComplex(
            f"JSON nested more than {MAX_JSON_DEPTH} levels deep; an article record needs 3; "
            "this is not article data"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError as exc:
        raise TooComplex("JSON nested too deeply to read; this is not article data") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise MalformedRecord(f"cannot read a JSON value ({quote(exc)}); fix the record") from exc


def _scalar(value: Any) -> str | None:
    """A string, or a finite number as text; None for anything else."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return None


def _field_text(value: Any) -> str | None:
    """A metadata value as text: a scalar, or a list of scalars joined by commas."""
    if isinstance(value, list):
        parts = [_scalar(v) for v in value]
        if all(p is not None for p in parts):
            return ", ".join(p for p in parts if p)
        return None
    return _scalar(value)


def record_to_document(record: Any, source: str) -> RawDocument | Reject:
    """One JSON object (interchange or news-please fields) to a document."""
    if not isinstance(record, Mapping):
        return Reject(source, f"expected a JSON object per article, got {_type_name(record)}")
    meta: dict[str, Any] = {}
    notes: list[str] = []
    raw_id = record.get("id")
    if _present(raw_id) and _scalar(raw_id) is None:
        return Reject(
            source,
            f"the 'id' field is {_type_name(raw_id)}; an id must be a string (or a whole "
            "number); fix the record",
        )
    for ours, names in FIELD_ALIASES.items():
        for name in names:
            value = record.get(name)
            if not _present(value):
                continue
            text = _field_text(value)
            if text is None:
                notes.append(
                    f"{source}: ignored the '{name}' field: it is {_type_name(value)}, not text."
                )
                continue
            if text:
                meta[ours] = text
                break
    for fields, kind in ((TEXT_FIELDS, "text"), (HTML_FIELDS, "html")):
        for name in fields:
            value = record.get(name)
            if not _present(value):
                continue
            if not isinstance(value, str):
                return Reject(
                    source,
                    f"the '{name}' field is {_type_name(value)}; it must be the article's "
                    f"{'text' if kind == 'text' else 'HTML'} as a string; fix the record",
                )
            return RawDocument(source, kind, value, meta, tuple(notes))  # type: ignore[arg-type]
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


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg.removesuffix(' at')} (line {exc.lineno}, column {exc.colno})"


@register_reader(".json")
def read_json(text: str, source: str) -> Iterator[RawDocument | Reject]:
    try:
        data = parse_json(text)
    except json.JSONDecodeError as exc:
        yield Reject(
            source,
            f"not valid JSON ({_json_error(exc)}); "
            "fix the file, or name it .jsonl if it holds one article per line",
        )
        return
    except (MalformedRecord, TooComplex) as exc:
        yield Reject(source, str(exc))
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield Reject(source, "the JSON array is empty; nothing to ingest")
    for n, record in enumerate(records, start=1):
        where = source if len(records) == 1 else f"{source}[{n}]"
        yield record_to_document(record, where)


@register_reader(".jsonl", ".ndjson", streaming=True)
def read_jsonl(lines: Iterable[str], source: str) -> Iterator[RawDocument | Reject]:
    max_line = getattr(lines, "max_line", None)
    for counted, line in enumerate(lines, start=1):
        lineno = getattr(lines, "lineno", counted)  # DecodedLines counts the blank lines it merges
        where = f"{source}:{lineno}"
        if isinstance(line, OverlongLine):
            limit = f"{size(max_line)}" if max_line else "the limit"
            yield Reject(
                where,
                f"line longer than {limit} skipped; one article per line is expected; "
                "the other lines were read",
            )
            continue
        if not line.strip():
            continue
        try:
            record = parse_json(line)
        except json.JSONDecodeError as exc:
            yield Reject(
                where,
                f"not valid JSON: {exc.msg.removesuffix(' at')} (column {exc.colno}); "
                "each line must be one JSON object; the other lines were read",
            )
            continue
        except (MalformedRecord, TooComplex) as exc:
            yield Reject(where, f"{exc}; the other lines were read")
            continue
        yield record_to_document(record, where)
