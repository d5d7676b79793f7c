"""Canonical events: the mentions of one happening, across the articles of a story, as one.

Two coded events are mentions of the same happening when they have the same type,
the same polarity (one negated and one not are different happenings; "will resume"
and "agreed to resume" are not), actors that do not contradict each
other with at least one country in common on some side (or none named on either
side and the same stated day), and dates and places that can be the same. A mention dated on its own report's publication day may carry
that day only because its sentence gave none (the coder falls back on the article's
date): such a date is an upper bound, and fits a mention dated up to a week earlier
(``REPORT_LOOKBACK_DAYS``, the week the cluster stage also reads a lead's dates in).
Mentions are joined transitively (union-find), in a fixed
order, so the result does not depend on the order articles arrived in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsfuse.events.ontology import quad_class

REPORT_LOOKBACK_DAYS = 7


def _countries(actors: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset(a["code"] for a in actors if a.get("code"))


def _dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown fits anything; "2024-12" fits "2024-12-16"; two days fit when one day apart."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) == len(b) == 10 and a[:8] == b[:8]:
        return abs(int(a[8:]) - int(b[8:])) <= 1
    return False


def _ordinal(day: str | None) -> int | None:
    if not day or len(day) != 10:
        return None
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def _dated_by_report(e: dict[str, Any]) -> bool:
    """Whether a mention's date is its article's publication day (perhaps only that)."""
    return bool(e.get("date")) and e.get("date") == e.get("published")


def _within_report_week(report: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether ``other``'s day falls in the week up to ``report``'s publication day."""
    bound, day = _ordinal(report.get("date")), _ordinal(other.get("date"))
    if bound is None or day is None:
        return False
    return bound - REPORT_LOOKBACK_DAYS <= day <= bound


def _event_dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if _dates_compatible(a.get("date"), b.get("date")):
        return True
    return (_dated_by_report(a) and _within_report_week(a, b)) or (
        _dated_by_report(b) and _within_report_week(b, a)
    )


def _unnamed(e: dict[str, Any]) -> bool:
    return not _countries(e["source"]) and not _countries(e["target"])


def _both_unnamed_same_day(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two mentions that name no country on either side ("a clash two days ago left three
    soldiers dead"), from two reports, are one happening only on the same stated day (a
    day of their own sentences, not their reports' publication days, which may be only a
    fallback) and with the same toll or place, none different. Mentions with actors
    never join through them, so no chain links two named events."""
    if not (_unnamed(a) and _unnamed(b)) or a.get("article_id") == b.get("article_id"):
        return False  # one report's two unnamed attacks are two
    if _dated_by_report(a) or _dated_by_report(b):
        return False
    day_a, day_b = _ordinal(a.get("date")), _ordinal(b.get("date"))
    if day_a is None or day_a != day_b:
        return False
    # and something of their own in common, nothing against: the toll or the place
    shared = False
    for key in ("dead", "injured", "location"):
        x, y = a.get(key), b.get(key)
        if x is not None and y is not None:
            if x != y:
                return False
            shared = True
    return shared


def same_happening(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["event_type"] != b["event_type"]:
        return False
    if bool(a.get("negated")) != bool(b.get("negated")):
        return False
    shared = False
    for role in ("source", "target"):
        x, y = _countries(a[role]), _countries(b[role])
        if x and y:
            if not x & y:
                return False
            shared = True
    if not shared and not _both_unnamed_same_day(a, b):
        return False
    if not _event_dates_compatible(a, b):
        return False
    la, lb = a.get("location_country"), b.get("location_country")
    return not (la and lb and la != lb)


@dataclass
class CanonicalEvent:
    """One happening and every mention of it in the story."""

    event_type: str
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def _most_common(self, key: str) -> Any:
        values = Counter(m[key] for m in self.mentions if m.get(key))
        return min(values.items(), key=lambda kv: (-kv[1], str(kv[0])))[0] if values else None

    def _actors(self, role: str) -> list[str]:
        counts = Counter(c for m in self.mentions for c in _countries(m[role]))
        return [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def has_actors(self) -> bool:
        return any(a.get("code") for m in self.mentions for r in ("source", "target") for a in m[r])

    @property
    def sources(self) -> list[str]:
        return sorted({m["origin"] for m in self.mentions})

    @property
    def date(self) -> str | None:
        """The most precise, most often stated date; a date that may be only the
        report's own publication day counts when no mention states another."""
        stated = [m for m in self.mentions if m.get("date") and not _dated_by_report(m)]
        dates = Counter(m["date"] for m in stated or self.mentions if m.get("date"))
        return max(dates, key=lambda d: (len(d), dates[d]), default=None)

    def summary(self) -> str:
        src = "+".join(self._actors("source")) or "?"
        tgt = "+".join(self._actors("target")) or "?"
        return f"{self.event_type} {src} → {tgt}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event_type,
            "quad_class": quad_class(self.event_type),
            "summary": self.summary(),
            "source": self._actors("source"),
            "target": self._actors("target"),
            "date": self.date,
            "location": self._most_common("location"),
            "dead": max((m["dead"] for m in self.mentions if m.get("dead")), default=None),
            "injured": max((m["injured"] for m in self.mentions if m.get("injured")), default=None),
            "sources": self.sources,
            "mentions": [
                {
                    "event_id": m["id"],
                    "article_id": m["article_id"],
                    "source": m["origin"],
                    "evidence": m["evidence"],
                    "attribution": m.get("attribution"),
                }
                for m in self.mentions
            ],
        }


def _signature(e: dict[str, Any]) -> tuple:
    """All that :func:`same_happening` reads of an event: equal signatures match alike."""
    return (
        e["event_type"],
        bool(e.get("negated")),
        _countries(e["source"]),
        _countries(e["target"]),
        e.get("date"),
        e.get("location_country"),
        _dated_by_report(e),
        # what an unnamed mention is matched by besides its day
        (e.get("article_id"), e.get("dead"), e.get("injured"), e.get("location"))
        if _unnamed(e)
        else None,
    )


def _joins_unnamed(signature: tuple) -> bool:
    """Whether a signature names no country and has a stated day (see
    :func:`_both_unnamed_same_day`)."""
    _, _, source, target, day, _, by_report, _ = signature
    return not source and not target and not by_report and _ordinal(day) is not None


def fuse_events(events: Iterable[dict[str, Any]]) -> list[CanonicalEvent]:
    """Group stored events (each with an ``origin``) into canonical events, biggest first.

    Mentions are joined when :func:`same_happening` says so, transitively. Events with
    equal signatures are compared once, and only signatures that share a country on
    one side (or, naming none, a stated day) are compared at all (no other pair can
    match), so a story of thousands of
    copies of one report costs little more than the report.
    """
    items = sorted(events, key=lambda e: (e["article_id"], e["sentence"], e["id"]))
    signatures: dict[tuple, int] = {}
    sig_of = [signatures.setdefault(_signature(e), len(signatures)) for e in items]
    keys = list(signatures)
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # A pair can match only with a country in common on one side: index signatures so.
    by_country: dict[tuple, list[int]] = {}
    for k, (etype, negated, source, target, day, *_) in enumerate(keys):
        for role, codes in (("source", source), ("target", target)):
            for code in codes:
                by_country.setdefault((etype, negated, role, code), []).append(k)
        if _joins_unnamed(keys[k]):  # no actor named: only the same stated day
            by_country.setdefault((etype, negated, "day", day), []).append(k)
    first_event = {}
    for i, k in enumerate(sig_of):
        first_event.setdefault(k, items[i])
    for bucket in by_country.values():
        for x, a in enumerate(bucket):
            for b in bucket[x + 1 :]:
                ra, rb = find(a), find(b)
                if ra != rb and same_happening(first_event[a], first_event[b]):
                    parent[max(ra, rb)] = min(ra, rb)
    joined = Counter(find(k) for k in range(len(keys)))
    groups: dict[tuple[int, int | None], CanonicalEvent] = {}
    for i, e in enumerate(items):
        k = sig_of[i]
        # A signature with no country matches nothing, not even its equals (one report's
        # unnamed mentions are its own), unless it joined another report's signature.
        joins = keys[k][2] or keys[k][3] or (_joins_unnamed(keys[k]) and joined[find(k)] > 1)
        root = (find(k), None) if joins else (k, i)
        groups.setdefault(root, CanonicalEvent(e["event_type"])).mentions.append(e)
    return sorted(
        groups.values(),
        key=lambda c: (-len(c.sources), -len(c.mentions), c.event_type, c.mentions[0]["id"]),
    )
