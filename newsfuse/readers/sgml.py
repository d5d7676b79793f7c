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
_DATE = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{4} \d{1,2}:\d{2}:\d{2}")
_TEXT_OPEN = re.compile(r"<TEXT(?:\s[^<>]{0,200})?>")


def _element(story: str, tag: str) -> str | None:
    """The unescaped content of the first ``<tag>...</tag>`` in ``story``, or None."""
    opening = f"<{tag}>"
    start = story.find(opening)
    if start < 0:
        return None
    start += len(opening)
    end = story.find(f"</{tag}>", start)
    return html.unescape(story[start:end]) if end >= 0 else None


def _text_element(story: str) -> tuple[str, bool]:
    """The unescaped content of the story's ``<TEXT ...>`` element and whether it is
    ``TYPE="UNPROC"``: text the collection left unparsed, whose first line is the headline
    and the rest the story as sent (no ``<TITLE>``, no ``<BODY>``). A ``TYPE="BRIEF"``
    holds a headline and a placeholder line, no story: nothing."""
    opening = _TEXT_OPEN.search(story)
    if opening is None or 'TYPE="BRIEF"' in opening.group(0):
        return "", False
    end = story.find("</TEXT>", opening.end())
    content = story[opening.end() : end] if end >= 0 else ""
    return html.unescape(content), 'TYPE="UNPROC"' in opening.group(0)


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
    """The story's ``<DATE>`` ("26-FEB-1987 15:01:01.79", " 2-MAR-1987 09:39:50.97": the
    day may have one digit) as ISO 8601, or None."""
    found = _DATE.search(raw or "")
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(0), "%d-%b-%Y %H:%M:%S").isoformat()
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
    title = (_element(story, "TITLE") or "").strip() or None
    if body is None:
        text_el, unprocessed = _text_element(story)
        body = _CONTROL.sub("", text_el).strip()
        if unprocessed and title is None and "\n" in body:
            headline, body = body.split("\n", 1)
            title = headline.strip() or None
        body = _TAG.sub(" ", body)
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
        "title": title,
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
