"""Time expressions: find them in an article and resolve them against its date.

``resolve_time`` turns one expression ("on Monday", "over the weekend", "May 2024")
into a value that keeps its granularity; ``find_times`` finds the expressions in a
text with our own regexes (plus, optionally, spaCy DATE spans) and resolves them.

Whole sentences are never handed to dateparser: it reads "We" as Wednesday, "may"
as May and "24/7" as a date. It only sees one candidate expression that names a
month or is a numeric date with a four-digit year.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from newsfuse.model import Granularity, TimeMention

Resolution = tuple[str, Granularity, str | None]
"""(value, granularity, end_value): ``end_value`` is set for ranges, weeks and decades."""

# -- vocabulary -----------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

DAY_LOOKAHEAD = 90
"""How many days after the article date a day named without a year may lie."""

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)
_NUMBER_ALT = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_MOD_ALT = (
    r"early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|end\s+of|beginning\s+of|start\s+of|middle\s+of"
)
_YEAR = r"(?:1[0-9]|20)\d{2}"
_PART_OF_DAY = r"morning|afternoon|evening|night|overnight"

# -- resolver patterns (matched against a lower-cased, normalised expression) ---------

_LEADING_PREP_RE = re.compile(
    r"^(?:on|in|at|over|during|since|from|by|until|till|as\s+of|throughout|through|for)\s+"
)
_ISO_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?$")
_REL_DAY_RE = re.compile(
    r"^(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
    r"|the\s+day\s+after\s+tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))"
    rf"(?:\s+(?:{_PART_OF_DAY}))?$"
)
_AGO_RE = re.compile(rf"^(?P<n>{_NUMBER_ALT})\s+(?P<unit>day|week|month|year)s?\s+ago$")
_REL_PERIOD_RE = re.compile(
    r"^(?:(?P<mod>earlier|later|" + _MOD_ALT + r"|the\s+rest\s+of)[\s-]+)?"
    r"(?:(?P<rel>this|last|next|the\s+coming|the\s+current|the)\s+)?"
    r"(?P<unit>week|weekend|month|year)$"
)
_WEEKDAY_RE = re.compile(
    r"^(?:(?P<rel>last|next|this|past|coming|this\s+coming|early|late)\s+)?"
    rf"(?P<wd>{_WEEKDAY_ALT})(?:\s+(?:{_PART_OF_DAY}))?$"
)
_MONTH_EXPR_RE = re.compile(
    r"^(?:(?P<rel>last|next|this|past|coming)\s+)?"
    r"(?:(?P<mod>" + _MOD_ALT + r")[\s-]*)?"
    rf"(?:(?:{_WEEKDAY_ALT}),?\s+)?"
    r"(?:"
    rf"(?P<m1>{_MONTH_ALT})\.?(?:\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:\s*-\s*(?P<e1>\d{1,2})(?:st|nd|rd|th)?)?)?"
    r"|(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s*-\s*(?P<e2>\d{1,2})(?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?(?P<m2>{_MONTH_ALT})\.?"
    r")"
    r"(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?$"
)
_DECADE_RE = re.compile(
    r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<y>(?:1[0-9]|20)\d0)|'(?P<yy>\d0))'?s$"
)
_YEAR_RANGE_RE = re.compile(
    rf"^(?:from\s+|between\s+)?(?P<a>{_YEAR})\s*(?:-|to|through|until|and)\s*(?P<b>{_YEAR}|\d{{2}})$"
)
_YEAR_ONLY_RE = re.compile(rf"^(?:(?:{_MOD_ALT})[\s-]+)?(?:the\s+year\s+)?(?P<y>{_YEAR})$")
_DASH_RE = re.compile(r"[‐-―]")
_POSSESSIVE_RE = re.compile(r"'s$")
_SLASH_DATE_RE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{4}$")
_HAS_MONTH_RE = re.compile(rf"\b(?:{_MONTH_ALT})\b")


# -- small date arithmetic -------------------------------------------------------------


def _day(d: dt.date) -> str:
    return d.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) moved ``by`` months."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _week(monday: dt.date) -> Resolution:
    return _day(monday), "week", _day(monday + dt.timedelta(days=6))


def _to_int(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# -- resolver rules: each takes (expression, base, future) ----------------------------


def _rule_iso(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _ISO_RE.match(s)
    if not m:
        return None
    year, month = int(m["y"]), int(m["m"])
    if not 1 <= month <= 12:
        return None
    if m["d"] is None:
        return _month(year, month), "month", None
    found = _safe_date(year, month, int(m["d"]))
    return (_day(found), "day", None) if found else None


def _rule_relative_day(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _REL_DAY_RE.match(s)
    if not m:
        return None
    word = " ".join(m["word"].split())
    offsets = {
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    return _day(base + dt.timedelta(days=offsets.get(word, 0))), "day", None


def _rule_ago(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _AGO_RE.match(s)
    if not m:
        return None
    n, unit = _to_int(m["n"]), m["unit"]
    if unit == "day":
        return _day(base - dt.timedelta(days=n)), "day", None
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday() + 7 * n)
        return _week(monday)
    if unit == "month":
        return _month(*_shift_month(base.year, base.month, -n)), "month", None
    return f"{base.year - n:04d}", "year", None


def _weekend(base: dt.date, rel: str, future: bool) -> Resolution:
    """The Saturday–Sunday meant by "this/last/next weekend" or "the weekend"."""
    wd = base.weekday()
    if rel == "next" or (future and rel != "last"):
        saturday = base + dt.timedelta(days=(5 - wd) % 7)
        if rel != "next" and wd == 6:
            saturday = base - dt.timedelta(days=1)
        elif rel == "next" and wd >= 5:
            saturday = base + dt.timedelta(days=(5 - wd) % 7 or 7)
    else:
        saturday = base - dt.timedelta(days=(wd - 5) % 7)
        if rel == "last" and wd >= 5:
            saturday -= dt.timedelta(days=7)
    return _day(saturday), "range", _day(saturday + dt.timedelta(days=1))


def _rule_relative_period(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _REL_PERIOD_RE.match(s)
    if not m:
        return None
    rel = " ".join((m["rel"] or "").split())
    unit = m["unit"]
    if unit == "weekend":
        return _weekend(base, rel, future)
    if rel in ("", "the"):
        return None  # "week", "the year": no anchor
    by = {"last": -1, "next": 1, "the coming": 1}.get(rel, 0)
    if unit == "week":
        return _week(base - dt.timedelta(days=base.weekday() - 7 * by))
    if unit == "month":
        return _month(*_shift_month(base.year, base.month, by)), "month", None
    return f"{base.year + by:04d}", "year", None


def _rule_weekday(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _WEEKDAY_RE.match(s)
    if not m:
        return None
    rel = " ".join((m["rel"] or "").split())
    target = WEEKDAYS[m["wd"]]
    back = (base.weekday() - target) % 7
    ahead = (target - base.weekday()) % 7
    if rel in ("last", "past"):
        delta = -(back or 7)
    elif rel in ("next", "coming", "this coming", "this"):
        delta = ahead if rel == "this" else ahead or 7
    else:
        delta = ahead if future else -back
    return _day(base + dt.timedelta(days=delta)), "day", None


def _month_year(month: int, base: dt.date, rel: str | None, future: bool) -> int:
    """The year of a month named without one."""
    if rel == "this":
        return base.year
    if rel == "last" or rel == "past":
        return base.year if month < base.month else base.year - 1
    if rel in ("next", "coming"):
        return base.year if month > base.month else base.year + 1
    if future:
        return base.year if month >= base.month else base.year + 1
    return base.year if month <= base.month else base.year - 1


def _day_year(month: int, day: int, base: dt.date, future: bool) -> int:
    """The year of a day and month named without one.

    News style leaves the year out for dates of the current year, so a date up to
    ``DAY_LOOKAHEAD`` days after the article is this year's ("payable May 12") even
    when the sentence does not look like the future tense.
    """
    candidate = _safe_date(base.year, month, day) or _safe_date(base.year, month, 28)
    assert candidate is not None
    if future and candidate < base:
        return base.year + 1
    if not future and (candidate - base).days > DAY_LOOKAHEAD:
        return base.year - 1
    return base.year


def _rule_month(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _MONTH_EXPR_RE.match(s)
    if not m:
        return None
    month = MONTHS[m["m1"] or m["m2"]]
    day_text, end_text = (m["d1"], m["e1"]) if m["m1"] else (m["d2"], m["e2"])
    if m["y"]:
        year = int(m["y"])
    elif day_text and not m["rel"]:
        year = _day_year(month, int(day_text), base, future)
    else:
        year = _month_year(month, base, m["rel"], future)
    if not day_text:
        return _month(year, month), "month", None
    start = _safe_date(year, month, int(day_text))
    if start is None:
        return None
    if not end_text:
        return _day(start), "day", None
    end = _safe_date(year, month, int(end_text))
    if end is None or end <= start:
        return None
    return _day(start), "range", _day(end)


def _rule_decade(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _DECADE_RE.match(s)
    if not m:
        return None
    if m["y"]:
        first = int(m["y"])
    else:
        short = int(m["yy"])
        first = (2000 if short <= base.year % 100 else 1900) + short
    if first % 100 == 0 and first < 2000:
        return f"{first:04d}", "range", f"{first + 99:04d}"  # "the 1800s": a century
    return f"{first:04d}", "decade", f"{first + 9:04d}"


def _rule_year_range(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _YEAR_RANGE_RE.match(s)
    if not m:
        return None
    first = int(m["a"])
    last = int(m["b"]) if len(m["b"]) == 4 else first // 100 * 100 + int(m["b"])
    if last <= first:
        return None
    return f"{first:04d}", "range", f"{last:04d}"


def _rule_year(s: str, base: dt.date, future: bool) -> Resolution | None:
    m = _YEAR_ONLY_RE.match(s)
    return (m["y"], "year", None) if m else None


_RULES: tuple[Callable[[str, dt.date, bool], Resolution | None], ...] = (
    _rule_iso,
    _rule_relative_day,
    _rule_ago,
    _rule_relative_period,
    _rule_weekday,
    _rule_month,
    _rule_decade,
    _rule_year_range,
    _rule_year,
)


# -- dateparser fallback ---------------------------------------------------------------


@cache
def _date_parser(base: dt.date, future: bool) -> Any:
    """A dateparser parser for one article date; imported lazily, cached."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    return DateDataParser(languages=["en"], settings=settings)


def _rule_dateparser(s: str, base: dt.date, future: bool) -> Resolution | None:
    """Explicit dates our rules did not cover ("the 3rd of March"); never free text."""
    if not (_HAS_MONTH_RE.search(s) or _SLASH_DATE_RE.match(s)):
        return None
    try:
        data = _date_parser(base, future).get_date_data(s)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    found = data.date_obj
    if found is None:
        return None
    if data.period == "day":
        return _day(found.date()), "day", None
    if data.period == "month":
        return _month(found.year, found.month), "month", None
    if data.period == "year":
        return f"{found.year:04d}", "year", None
    return None


# -- public: one expression --------------------------------------------------------------


def _normalise(expression: str) -> str:
    """Lower-case, one space, plain hyphens, no possessive or trailing punctuation."""
    s = expression.strip().lower().replace("’", "'")
    s = _DASH_RE.sub("-", s)
    s = " ".join(s.split())
    s = _POSSESSIVE_RE.sub("", s)
    s = s.rstrip(",;:!?)").strip()
    return _LEADING_PREP_RE.sub("", s, count=1)


def resolve_time(
    expression: str, base: dt.date, future: bool = False
) -> tuple[str, Granularity, str | None] | None:
    """Resolve one time expression against the article date ``base``.

    Returns ``(value, granularity, end_value)`` – value ``YYYY-MM-DD``, ``YYYY-MM``
    or ``YYYY``; ``end_value`` for ranges, weeks (Monday–Sunday) and decades – or
    None when the expression is not a time we can place. A weekday or a month named
    alone is the most recent one on or before ``base``, or, with ``future=True``
    (the sentence is in the future tense), the next one on or after it.
    """
    if isinstance(base, dt.datetime):
        base = base.date()
    s = _normalise(expression)
    if not s or len(s) > 80:
        return None
    s_no_dot = s.rstrip(".")
    for rule in _RULES:
        found = rule(s_no_dot, base, future)
        if found is not None:
            return found
    return _rule_dateparser(s, base, future)


# -- finder patterns (matched against the original text) --------------------------------

_TITLE_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_TITLE_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_NUM = r"[0-3]?\d(?:st|nd|rd|th)?(?![\d,.]\d)"
_YEAR_TAIL = rf"(?:,?\s+(?:of\s+)?{_YEAR}(?![\d,.]\d))"

_MONTH_FIND_RE = re.compile(
    rf"\b(?P<t>(?:(?i:last|next|this|{_MOD_ALT})[\s-]+)?"
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
    rf"{_TITLE_WEEKDAY}(?:\s+(?i:{_PART_OF_DAY}))?)\b"
)
_REL_DAY_FIND_RE = re.compile(
    r"(?i)\b(?P<t>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
    r"|the\s+day\s+after\s+tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))"
    rf"(?:\s+(?:{_PART_OF_DAY}))?\b"
)
_REL_PERIOD_FIND_RE = re.compile(
    r"(?i)\b(?P<t>(?:(?:earlier|later|" + _MOD_ALT + r"|the\s+rest\s+of)[\s-]+)?"
    r"(?:this|last|next|the\s+coming|the\s+current)\s+(?:week|weekend|month|year)"
    r"|the\s+weekend)\b(?!-)"
)
_AGO_FIND_RE = re.compile(rf"(?i)\b(?P<t>(?:{_NUMBER_ALT})\s+(?:day|week|month|year)s?\s+ago)\b")
_DECADE_FIND_RE = re.compile(
    r"\b(?P<t>(?:the\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:(?:1[0-9]|20)\d0'?s\b|'\d0s\b))"
)
_ISO_FIND_RE = re.compile(r"(?<![\d-])(?P<t>\d{4}-\d{2}(?:-\d{2})?)(?![\d-])")
_SLASH_FIND_RE = re.compile(r"(?<![\d/.])(?P<t>\d{1,2}/\d{1,2}/\d{4})(?![\d/])")
_YEAR_RANGE_FIND_RE = re.compile(
    rf"(?:\b(?i:from|between)\s+)?(?<![\d-])"
    rf"(?P<t>{_YEAR}\s*(?:[-–]|\s(?i:to|through|until|and)\s)\s*(?:{_YEAR}|\d{{2}}))(?![\d-])"
)
_YEAR_FIND_RE = re.compile(
    r"\b(?P<prep>(?i:in|since|by|until|till|during|before|after|from|through|throughout"
    r"|around|circa|as\s+of|the\s+year|the\s+summer\s+of|the\s+spring\s+of"
    r"|the\s+autumn\s+of|the\s+fall\s+of|the\s+winter\s+of))\s+"
    rf"(?P<t>{_YEAR})(?![\d,.\-/]\d)(?![\w-])"
    r"|\b(?P<tm>(?i:" + _MOD_ALT + rf")[\s-]+{_YEAR})(?![\d,.\-/]\d)(?![\w-])"
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
    r"(?i)\b(?:will|would|shall|won't|(?:is|are|was|were)\s+due\s+to|set\s+to|scheduled|expected\s+to|plans?\s+to"
    r"|planning\s+to|going\s+to|to\s+be\s+held|upcoming)\b|'ll\b"
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
        month = _HAS_MONTH_RE.search(chunk.lower())
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
