"""Time expressions: find them in an article and resolve them against its date.

``find_times`` finds the expressions in a text with our own regexes (plus, optionally,
spaCy DATE spans), checks their context (tense, "Theresa May", "in 2000 people") and
resolves each with ``resolve_time``, which turns one expression ("on Monday", "over the
weekend", "May 2024") into a value that keeps its granularity. The resolver lives in
:mod:`~newsfuse.annotate.time_resolution` and is importable from here too; the words
both use are in :mod:`~newsfuse.annotate.time_words`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from newsfuse.annotate.time_resolution import resolve_time
from newsfuse.annotate.time_words import (
    HAS_MONTH_RE,
    MOD_ALT,
    NUMBER_ALT,
    PART_OF_DAY,
    RELATIVE_DAY_ALT,
    YEAR,
)
from newsfuse.calendar_words import title_month_pattern
from newsfuse.model import TimeMention

__all__ = ["find_times", "resolve_time"]


# -- finder patterns (matched against the original text) --------------------------------

_TITLE_MONTH = title_month_pattern(dot_after_names=False)
_TITLE_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_NUM = r"[0-3]?\d(?:st|nd|rd|th)?(?![\d,.]\d)"
_YEAR_TAIL = rf"(?:,?\s+(?:of\s+)?{YEAR}(?![\d,.]\d))"

_MONTH_FIND_RE = re.compile(
    rf"\b(?P<t>(?:(?i:last|next|this|{MOD_ALT})[\s-]+)?"
    rf"(?:{_TITLE_WEEKDAY},?\s+)?"
    r"(?:"
    rf"(?P<month>{_TITLE_MONTH})(?P<day>\s+{_DAY_NUM}(?:\s*[-–]\s*{_DAY_NUM})?)?"
    rf"|(?:the\s+)?(?P<dday>{_DAY_NUM}(?:\s*[-–]\s*{_DAY_NUM})?)\s+(?:of\s+)?{_TITLE_MONTH}"
    r")"
    rf"(?P<year>{_YEAR_TAIL})?)"
    r"(?![\w-])"
)
_WEEKDAY_FIND_RE = re.compile(
    rf"\b(?P<t>(?:(?i:last|next|this|past|coming|this\s+coming|early|late)\s+)?"
    rf"{_TITLE_WEEKDAY}(?:\s+(?i:{PART_OF_DAY}))?)\b"
)
_REL_DAY_FIND_RE = re.compile(
    rf"(?i)\b(?P<t>{RELATIVE_DAY_ALT})"
    rf"(?:\s+(?:{PART_OF_DAY}))?\b"
)
_REL_PERIOD_FIND_RE = re.compile(
    r"(?i)\b(?P<t>(?:(?:earlier|later|" + MOD_ALT + r"|the\s+rest\s+of)[\s-]+)?"
    r"(?:this|last|next|the\s+coming|the\s+current)\s+(?:week|weekend|month|year)"
    r"|the\s+weekend)\b(?!-)"
)
_AGO_FIND_RE = re.compile(rf"(?i)\b(?P<t>(?:{NUMBER_ALT})\s+(?:day|week|month|year)s?\s+ago)\b")
_DECADE_FIND_RE = re.compile(
    r"\b(?P<t>(?:the\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:(?:1[0-9]|20)\d0'?s\b|'\d0s\b))"
)
_ISO_FIND_RE = re.compile(r"(?<![\d-])(?P<t>\d{4}-\d{2}(?:-\d{2})?)(?![\d-])")
_SLASH_FIND_RE = re.compile(r"(?<![\d/.])(?P<t>\d{1,2}/\d{1,2}/\d{4})(?![\d/])")
_YEAR_RANGE_FIND_RE = re.compile(
    rf"(?:\b(?i:from|between)\s+)?(?<![\d-])"
    rf"(?P<t>{YEAR}\s*(?:[-–]|\s(?i:to|through|until|and)\s)\s*(?:{YEAR}|\d{{2}}))(?![\d-])"
)
_YEAR_FIND_RE = re.compile(
    r"\b(?P<prep>(?i:in|since|by|until|till|during|before|after|from|through|throughout"
    r"|around|circa|as\s+of|the\s+year|the\s+summer\s+of|the\s+spring\s+of"
    r"|the\s+autumn\s+of|the\s+fall\s+of|the\s+winter\s+of))\s+"
    rf"(?P<t>{YEAR})(?![\d,.\-/]\d)(?![\w-])"
    r"|\b(?P<tm>(?i:" + MOD_ALT + rf")[\s-]+{YEAR})(?![\d,.\-/]\d)(?![\w-])"
)

# Context checks.
_MONTH_CONTEXT_RE = re.compile(
    r"\b(?i:in|on|since|by|until|till|from|to|through|throughout|during|of|before|after"
    r"|between|and|or|last|next|this|early|mid|late|around|as\s+of)\s*$"
)
_EVENT_NAME_RE = re.compile(
    r"\b(?:Black|Good|Cyber|Super|Bloody|Ash|Easter|Palm|Holy|Maundy|Shrove|Giving|Blue|Green)\s+$"
)
_COUNTED_NOUN_RE = re.compile(
    r"^\s+(?i:people|persons|troops|soldiers|men|women|children|civilians|units|cases|tons"
    r"|tonnes|km|kilometres|kilometers|miles|metres|meters|dollars|euros|votes|members"
    r"|workers|residents|refugees|migrants|homes|houses|vehicles|rounds|shells|drones)\b"
)
_RESOLUTION_RE = re.compile(r"(?i)\bresolutions?\b[\s\d(),&]*(?:and\s+[\s\d(),]*)?$")
_FUTURE_RE = re.compile(
    r"(?i)\b(?:will|would|shall|won't|(?:is|are|was|were)\s+due\s+to|set\s+to|scheduled"
    r"|expected\s+to|plans?\s+to|planning\s+to|going\s+to|to\s+be\s+held|upcoming"
    r"|(?:is|are)\s+to"  # "is to meet": English's be-to future of arrangements
    # verbs whose infinitive complement is prospective: "agreed to convene ... in April"
    r"|(?:agree[ds]?|decide[ds]?|promise[ds]?|pledge[ds]?|vow(?:ed|s)?|vote[ds]?|planned"
    r"|undert(?:ake|akes|ook)|commit(?:s|ted)?)\s+to"
    r")\b|'ll\b"
)
_PAST_RE = re.compile(r"(?i)\b(?:said|says|told|announced|reported|was|were|had|did)\b")
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
_THE_BEFORE_RE = re.compile(r"(?i)\bthe\s+$")
_AND_RE = re.compile(r"(?i)\sand\s")
_BETWEEN_RE = re.compile(r"(?i)between\b")
_LETTER_RE = re.compile(r"[A-Za-z]")
_NOT_A_TIME_RE = re.compile(r"(?i)year-old|years?\s+old|\bseason\b")
_CLAUSE_OPENERS = frozenset(".!?:;\"“”‘’'([—–-,")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int


def _group_span(m: re.Match[str]) -> tuple[int, int]:
    """The span of the mention part of a match (group ``t`` or ``tm``)."""
    for name in ("t", "tm"):
        if name in m.re.groupindex and m[name] is not None:
            return m.span(name)
    return m.span()


def _month_ok(text: str, m: re.Match[str]) -> bool:
    """A month named alone needs context: "in June" yes, "Theresa May" no."""
    if m["dday"] or m["day"] or m["year"]:
        return True
    month = m["month"]
    if month is None or (len(month.rstrip(".")) <= 3 and month != "May"):
        return False  # a bare abbreviation: "Mar", "Dec"
    start = m.start("t")
    if m.start("month") > start:
        return True  # modifier: "early June", "last March"
    return bool(_MONTH_CONTEXT_RE.search(text[max(0, start - 20) : start]))


def _year_ok(text: str, start: int, end: int) -> bool:
    """Not a counted number ("in 2000 people") nor a UN resolution year."""
    if _COUNTED_NOUN_RE.match(text[end : end + 20]):
        return False
    return not _RESOLUTION_RE.search(text[max(0, start - 60) : start])


def _at_clause_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence, a line, a quote or a clause."""
    head = text[max(0, start - 200) : start]
    stripped = head.rstrip()
    if not stripped or "\n" in head[len(stripped) :]:
        return True
    return stripped[-1] in _CLAUSE_OPENERS


def _relative_ok(text: str, start: int) -> bool:
    """Not "the last week of March" nor a title: "Russia Today", "Radio 4's Today programme"."""
    if _THE_BEFORE_RE.search(text[max(0, start - 20) : start]):
        return False
    return not text[start].isupper() or _at_clause_start(text, start)


def _loose_and(m: re.Match[str]) -> bool:
    """ "2014 and 2016" is two years unless it follows "between"."""
    return bool(_AND_RE.search(m[0])) and not _BETWEEN_RE.match(m[0])


def _regex_candidates(text: str) -> list[_Candidate]:
    """Spans of every time expression our patterns find in ``text``."""
    found: list[_Candidate] = []
    for m in _MONTH_FIND_RE.finditer(text):
        if _month_ok(text, m):
            found.append(_Candidate(*_group_span(m)))
    for m in _WEEKDAY_FIND_RE.finditer(text):
        if not _EVENT_NAME_RE.search(text[max(0, m.start() - 12) : m.start()]):
            found.append(_Candidate(*_group_span(m)))
    for pattern in (_REL_DAY_FIND_RE, _REL_PERIOD_FIND_RE, _AGO_FIND_RE, _DECADE_FIND_RE):
        for m in pattern.finditer(text):
            start, end = _group_span(m)
            if _relative_ok(text, start):
                found.append(_Candidate(start, end))
    for pattern in (_ISO_FIND_RE, _SLASH_FIND_RE, _YEAR_RANGE_FIND_RE, _YEAR_FIND_RE):
        for m in pattern.finditer(text):
            start, end = _group_span(m)
            if _year_ok(text, start, end) and not _loose_and(m):
                found.append(_Candidate(start, end))
    return found


def _span_candidates(
    text: str, spans: Sequence[tuple[int, int]], taken: list[_Candidate]
) -> list[_Candidate]:
    """spaCy DATE spans that our patterns missed and that look like times."""
    found = []
    overlaps = _Overlaps((c.start, c.end) for c in taken)
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        chunk = text[start:end]
        if start >= end or not _LETTER_RE.search(chunk):
            continue  # "2006", "24/7": numbers alone are not trusted
        if _NOT_A_TIME_RE.search(chunk):
            continue
        month = HAS_MONTH_RE.search(chunk.lower())
        if month and not chunk[month.start()].isupper():
            continue  # "may", "march" as verbs
        if overlaps.any(start, end):
            continue
        found.append(_Candidate(start, end))
    return found


def _sentence_index(starts: Sequence[int], position: int) -> int:
    return max(0, bisect_right(starts, position) - 1)


def _is_future(text: str, start: int, sentence_start: int | None) -> bool:
    """Whether the words just before ``start`` put the expression in the future tense."""
    if sentence_start is None:
        ends = list(_SENTENCE_END_RE.finditer(text, max(0, start - 200), start))
        sentence_start = ends[-1].end() if ends else max(0, start - 200)
    window = text[max(sentence_start, start - 60) : start]
    futures = list(_FUTURE_RE.finditer(window))
    if not futures:
        return False
    pasts = list(_PAST_RE.finditer(window))
    return not pasts or pasts[-1].start() < futures[-1].start()


class _Overlaps:
    """Whether a span overlaps any of some spans, by bisection: a long article has
    thousands of time expressions, and comparing each with all the others was quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max, initial=-1))[1:]
        self._disjoint: list[tuple[int, int]] = []

    def any(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps one of the spans given at construction."""
        before = bisect_left(self._starts, end)  # those that start before ``end``
        return before > 0 and self._reach[before - 1] > start

    def add_if_free(self, start: int, end: int) -> bool:
        """Add ``[start, end)`` to a set of disjoint spans unless it overlaps one; whether added."""
        before = bisect_left(self._disjoint, (end,))  # those that start before ``end``
        if before > 0 and self._disjoint[before - 1][1] > start:
            return False
        insort(self._disjoint, (start, end))
        return True


def _dedupe(mentions: list[TimeMention]) -> list[TimeMention]:
    """Drop mentions that overlap a longer one; keep text order."""
    kept: list[TimeMention] = []
    taken = _Overlaps()
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if taken.add_if_free(m.start, m.end):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def find_times(
    text: str,
    base: dt.date,
    spans: Sequence[tuple[int, int]] | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[TimeMention]:
    """Find and resolve the time expressions in ``text`` against the article date ``base``.

    ``spans`` are optional character spans of spaCy DATE entities, used where our
    own patterns found nothing; ``sentences`` are (start, end) offsets used for
    each mention's ``sentence`` index and for the tense check.
    """
    if isinstance(base, dt.datetime):
        base = base.date()
    candidates = _regex_candidates(text)
    if spans:
        candidates += _span_candidates(text, spans, candidates)
    starts = [s for s, _ in sentences] if sentences else []
    mentions = []
    for cand in candidates:
        index = _sentence_index(starts, cand.start) if starts else 0
        sentence_start = starts[index] if starts else None
        future = _is_future(text, cand.start, sentence_start)
        chunk = text[cand.start : cand.end]
        resolved = resolve_time(chunk, base, future=future)
        if resolved is None:
            continue
        value, granularity, end_value = resolved
        mentions.append(
            TimeMention(cand.start, cand.end, chunk, value, granularity, end_value, index)
        )
    return _dedupe(mentions)
