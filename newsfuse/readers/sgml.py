"""Reuters-21578 SGML: many ``<REUTERS>`` stories a file, streamed one story at a time.

A story is at most :data:`~newsfuse.readers.limits.MAX_SGML_STORY_BYTES`; a longer one is
refused and the reader goes on at the next ``</REUTERS>``. A file that ends inside a story
(truncated) gives a reject for that story, and a file without any story says so. Elements
are found with plain string search, so no input can make the parsing quadratic.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from newsfuse.model import RawDocument, Reject
from newsfuse.readers.limits import MAX_SGML_STORY_BYTES, size
from newsfuse.readers.registry import OverlongLine, register_reader

_STORY_START = "<REUTERS"
_STORY_END = "</REUTERS>"
_NEWID = re.compile(r'NEWID="(\d{1,12})"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TAG = re.compile(r"<[^<>]+>")
_SIGN_OFF = re.compile(r"\s*reuter\s*$", re.I)


def _element(story: str, tag: str) -> str | None:
    """The unescaped content of the first ``<tag>...</tag>`` in ``story``, or None."""
    opening = f"<{tag}>"
    start = story.find(opening)
    if start < 0:
        return None
    start += len(opening)
    end = story.find(f"</{tag}>", start)
    return html.unescape(story[start:end]) if end >= 0 else None


def _all_elements(text: str, tag: str) -> list[str]:
    """The contents of every ``<tag>...</tag>`` in ``text``, in order."""
    out: list[str] = []
    opening, closing = f"<{tag}>", f"</{tag}>"
    pos = text.find(opening)
    while pos >= 0:
        end = text.find(closing, pos + len(opening))
        if end < 0:
            break
        out.append(text[pos + len(opening) : end])
        pos = text.find(opening, end + len(closing))
    return out


def _reuters_date(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return datetime.strptime(raw.strip()[:20], "%d-%b-%Y %H:%M:%S").isoformat()
    except ValueError:
        return None


def _story_id(story: str) -> str:
    newid = _NEWID.search(story[:2000])
    return newid.group(1) if newid else "?"


def parse_story(story: str, source: str) -> RawDocument | Reject:
    """One ``<REUTERS ...>...</REUTERS>`` block to a document: dateline followed by body."""
    sid = _story_id(story)
    where = f"{source}#{sid}"
    body = _element(story, "BODY")
    if body is None:
        text_el = _element(story, "TEXT") or ""
        body = _TAG.sub(" ", text_el)
    dateline = _element(story, "DATELINE") or ""
    body = _CONTROL.sub("", body).strip()
    tail = _SIGN_OFF.search(body[-64:])
    if tail:
        body = body[: len(body) - 64 + tail.start()] if len(body) > 64 else body[: tail.start()]
    if not body.strip():
        return Reject(
            where, "this Reuters story has no body text (title-only brief); nothing to ingest"
        )
    places = _all_elements(_element(story, "PLACES") or "", "D")
    meta = {
        "id": f"reuters-{sid}",
        "title": (_element(story, "TITLE") or "").strip() or None,
        "published": _reuters_date(_element(story, "DATE")),
        "agency": "Reuters",
        "dateline": dateline,
        "places": places,
    }
    return RawDocument(source=where, kind="text", content=dateline + body, meta=meta)


@register_reader(".sgm", ".sgml", streaming=True, max_bytes=MAX_SGML_STORY_BYTES)
def read_sgml(lines: Iterable[str], source: str) -> Iterator[RawDocument | Reject]:
    buffer: list[str] = []
    held = 0  # characters in ``buffer``
    stories = 0
    skipping = False  # inside a story that was too long: wait for its end
    for line in lines:
        if isinstance(line, OverlongLine) or held + len(line) > MAX_SGML_STORY_BYTES:
            if not skipping:
                pending = "".join(buffer)
                sid = _story_id(pending) if _STORY_START in pending else "?"
                yield Reject(
                    f"{source}#{sid}",
                    f"an SGML story longer than {size(MAX_SGML_STORY_BYTES)} without "
                    "</REUTERS>; skipped to the next story (the file may be damaged or not "
                    "Reuters SGML)",
                )
                stories += 1
            buffer, held, skipping = [], 0, True
            if isinstance(line, OverlongLine) or _STORY_END not in line:
                continue
            line = line[line.index(_STORY_END) + len(_STORY_END) :]
            skipping = False
        elif skipping:
            if _STORY_END not in line:
                continue
            line = line[line.index(_STORY_END) + len(_STORY_END) :]
            skipping = False
        buffer.append(line)
        held += len(line)
        if _STORY_END in line:
            *complete, rest = "".join(buffer).split(_STORY_END)
            for story in complete:
                stories += 1
                yield parse_story(story + _STORY_END, source)
            buffer, held = [rest], len(rest)
    rest = "".join(buffer)
    if _STORY_START in rest:
        yield Reject(
            f"{source}#{_story_id(rest)}",
            "the file ends inside this story (no </REUTERS>): it is truncated; "
            "the stories before it were read",
        )
    elif stories == 0:
        yield Reject(
            source,
            "no Reuters <REUTERS> story found; is this Reuters-21578 SGML? "
            "(for other text use the .txt suffix)",
        )
