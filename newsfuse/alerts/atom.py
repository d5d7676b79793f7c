"""Recorded matches as an Atom feed (RFC 4287) a feed reader can subscribe to.

Each entry is one match: a stable id (a name-based UUID of the alert's name and the
match's key, so that a database rebuilt and checked again gives the same ids), the
match's title, the time it was recorded, a link to its story page, and a summary (the
alert, the sources, the events by which it matched). Text from articles is untrusted:
ElementTree escapes it, and characters XML 1.0 cannot hold are dropped.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FEED_ID = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "newsfuse:alerts"))


def entry_id(alert: str, key: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"newsfuse:alert:{alert}:{key}"))


def _xml_text(value: Any) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def _sub(parent: ET.Element, tag: str, text: Any = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _xml_text(v) for k, v in attrs.items()})
    if text is not None:
        node.text = _xml_text(text)
    return node


def _rfc3339(value: str | None) -> str:
    """A stored ISO time as RFC 3339 (Atom's dates): with seconds and a zone."""
    if not value:
        return datetime.now(UTC).isoformat(timespec="seconds")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return datetime.now(UTC).isoformat(timespec="seconds")
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.isoformat(timespec="seconds")


def summary(payload: dict[str, Any]) -> str:
    """One paragraph: which alert, how many sources, and the events by which it matched."""
    parts = [f"Alert {payload.get('alert')}: {payload.get('independent_sources')} independent "
             f"source(s), {payload.get('articles')} article(s)."]  # fmt: skip
    for event in payload.get("events", []):
        parts.append(
            f"{event.get('event')} ({event.get('date') or 'undated'}): {event.get('evidence')}"
        )
    return " ".join(parts)


def atom_feed(
    matches: Sequence[dict[str, Any]], *, base_url: str, self_url: str, title: str
) -> bytes:
    """The feed of ``matches`` (as :meth:`AlertStore.recorded_matches` gives them, newest
    first); links are made absolute with ``base_url`` (``http://host:port``)."""
    base = base_url.rstrip("/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", FEED_ID)
    _sub(feed, "title", title)
    _sub(feed, "updated", _rfc3339(matches[0]["matched_at"] if matches else None))
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=base + "/alerts", type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "newsfuse")
    _sub(feed, "generator", "newsfuse")
    for match in matches:
        payload = match["payload"]
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(match["alert"], match["key"]))
        _sub(entry, "title", match.get("title") or payload.get("title") or match["key"])
        _sub(entry, "updated", _rfc3339(match["matched_at"]))
        _sub(entry, "link", rel="alternate", href=base + payload["link"], type="text/html")
        _sub(entry, "category", term=match["alert"])
        _sub(entry, "summary", summary(payload), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
