"""Reuters-21578 SGML: many ``<REUTERS>`` stories a file, streamed one story at a time."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from typing import IO

from newsfuse.model import RawDocument, Reject
from newsfuse.readers.registry import MAX_DOCUMENT_BYTES, register_reader

_STORY_END = "</REUTERS>"
_NEWID = re.compile(r'NEWID="(\d+)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _element(story: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", story, re.S)
    return html.unescape(match.group(1)) if match else None


def _reuters_date(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return datetime.strptime(raw.strip()[:20], "%d-%b-%Y %H:%M:%S").isoformat()
    except ValueError:
        return None


def parse_story(story: str, source: str) -> RawDocument | Reject:
    """One ``<REUTERS ...>...</REUTERS>`` block to a document: dateline followed by body."""
    newid = _NEWID.search(story)
    sid = newid.group(1) if newid else "?"
    where = f"{source}#{sid}"
    body = _element(story, "BODY")
    if body is None:
        text_el = _element(story, "TEXT") or ""
        body = re.sub(r"<[^>]+>", " ", text_el)
    dateline = _element(story, "DATELINE") or ""
    body = _CONTROL.sub("", body).replace("\x03", "")
    body = re.sub(r"\s*reuter\s*$", "", body.strip(), flags=re.I)
    if not body.strip():
        return Reject(
            where, "this Reuters story has no body text (title-only brief); nothing to ingest"
        )
    places = re.findall(r"<D>(.*?)</D>", _element(story, "PLACES") or "")
    meta = {
        "id": f"reuters-{sid}",
        "title": (_element(story, "TITLE") or "").strip() or None,
        "published": _reuters_date(_element(story, "DATE")),
        "agency": "Reuters",
        "dateline": dateline,
        "places": places,
    }
    return RawDocument(source=where, kind="text", content=dateline + body, meta=meta)


@register_reader(".sgm", ".sgml", streaming=True)
def read_sgml(stream: IO[str], source: str) -> Iterator[RawDocument | Reject]:
    buffer: list[str] = []
    size = 0
    for line in stream:
        buffer.append(line)
        size += len(line)
        if _STORY_END in line:
            yield parse_story("".join(buffer), source)
            buffer, size = [], 0
        elif size > MAX_DOCUMENT_BYTES:
            yield Reject(
                source,
                f"an SGML story longer than {MAX_DOCUMENT_BYTES // 2**20} MB without "
                "</REUTERS>; the file is truncated or not Reuters SGML",
            )
            buffer, size = [], 0
