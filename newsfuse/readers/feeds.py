"""RSS and Atom feeds (``.rss``, ``.atom``, ``.rdf``, or XML sniffed as a feed).

Each item is one document: its full content where the feed carries it
(``content:encoded``, Atom ``content``), else its summary, with the item's title,
link, date, author and id, and the feed's title as the outlet. Parsing is
feedparser's, which copes with the malformed feeds found in the wild.

Hostile XML is harmless here: feedparser 6 drops the DOCTYPE before parsing, so entity
declarations are never expanded ("billion laughs") and external entities are never
fetched or read; an undefined entity stays as literal text. Its cost is bounded by
reading at most :data:`~newsfuse.readers.limits.MAX_FEED_BYTES` of a feed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from newsfuse.errors import MalformedRecord
from newsfuse.model import RawDocument, Reject
from newsfuse.readers.limits import MAX_FEED_BYTES, quote
from newsfuse.readers.registry import register_reader

_TAG = re.compile(r"<[A-Za-z/!]")


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def _body(entry: Any) -> str | None:
    for content in entry.get("content") or ():
        if content.get("value", "").strip():
            return content["value"]
    summary = entry.get("summary")
    return summary if summary and summary.strip() else None


@register_reader(".rss", ".atom", ".rdf", ".feed", ".xml", max_bytes=MAX_FEED_BYTES)
def read_feed(text: str, source: str) -> Iterator[RawDocument | Reject]:
    try:
        parsed = feedparser.parse(text)
    except (RecursionError, ValueError, TypeError) as exc:
        raise MalformedRecord(f"cannot parse the feed ({quote(exc)}); is it RSS or Atom?") from exc
    if not parsed.entries:
        reason = f" ({quote(parsed.bozo_exception)})" if parsed.get("bozo") else ""
        yield Reject(source, f"no feed items found{reason}; is this an RSS or Atom feed?")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{n}"
        body = _body(entry)
        if body is None:
            yield Reject(where, "the feed item has neither content nor a summary; nothing to read")
            continue
        meta = {
            "id": entry.get("id") or entry.get("link"),
            "url": entry.get("link"),
            "title": entry.get("title"),
            "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            # when the feed declares the item updated (Atom <updated>; not RSS's pubDate)
            "updated": _iso(dict.get(entry, "updated_parsed")),
            "author": entry.get("author"),
            "outlet": outlet,
        }
        kind = "html" if _TAG.search(body) else "text"  # many summaries are plain text
        yield RawDocument(where, kind, body, {k: v for k, v in meta.items() if v})
