"""Resolve one time expression ("on Monday", "over the weekend", "May 2024") against
an article's date into a value that keeps its granularity: :func:`resolve_time`.

Whole sentences are never handed to dateparser: it reads "We" as Wednesday, "may"
as May and "24/7" as a date. It only sees one candidate expression that names a
month or is a numeric date with a four-digit year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from newsfuse.annotate.time_words import (
    HAS_MONTH_RE,
    MOD_ALT,
    MONTH_ALT,
    NUMBER_ALT,
    NUMBER_WORDS,
    PART_OF_DAY,
    RELATIVE_DAY_ALT,
    WEEKDAY_ALT,
    YEAR,
)
from newsfuse.calendar_words import MONTHS, WEEKDAYS
from newsfuse.model import Granularity

Resolution = tuple[str, Granularity, str | None]
"""(value, granularity, end_value): ``end_value`` is set for ranges, weeks and decades."""

DAY_LOOKAHEAD = 90
"""How many days after the article date a day named without a year may lie."""


# -- resolver patterns (matched against a lower-cased, normalised expression) ---------

_LEADING_PREP_RE = re.compile(
    r"^(?:on|in|at|over|during|since|from|by|until|till|as\s+of|throughout|through|for)\s+"
)
_ISO_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?$")
_REL_DAY_RE = re.compile(
    rf"^(?P<word>{RELATIVE_DAY_ALT})"
    rf"(?:\s+(?:{PART_OF_DAY}))?$"
)
_AGO_RE = re.compile(rf"^(?P<n>{NUMBER_ALT})\s+(?P<unit>day|week|month|year)s?\s+ago$")
_REL_PERIOD_RE = re.compile(
    r"^(?:(?P<mod>earlier|later|" + MOD_ALT + r"|the\s+rest\s+of)[\s-]+)?"
    r"(?:(?P<rel>this|last|next|the\s+coming|the\s+current|the)\s+)?"
    r"(?P<unit>week|weekend|month|year)$"
)
_WEEKDAY_RE = re.compile(
    r"^(?:(?P<rel>last|next|this|past|coming|this\s+coming|early|late)\s+)?"
    rf"(?P<wd>{WEEKDAY_ALT})(?:\s+(?:{PART_OF_DAY}))?$"
)
_MONTH_EXPR_RE = re.compile(
    r"^(?:(?P<rel>last|next|this|past|coming)\s+)?"
    r"(?:(?P<mod>" + MOD_ALT + r")[\s-]*)?"
    rf"(?:(?:{WEEKDAY_ALT}),?\s+)?"
    r"(?:"
    rf"(?P<m1>{MONTH_ALT})\.?(?:\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:\s*-\s*(?P<e1>\d{1,2})(?:st|nd|rd|th)?)?)?"
    r"|(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s*-\s*(?P<e2>\d{1,2})(?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?(?P<m2>{MONTH_ALT})\.?"
    r")"
    r"(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?$"
)
_DECADE_RE = re.compile(
    r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<y>(?:1[0-9]|20)\d0)|'(?P<yy>\d0))'?s$"
)
_YEAR_RANGE_RE = re.compile(
    rf"^(?:from\s+|between\s+)?(?P<a>{YEAR})\s*(?:-|to|through|until|and)\s*(?P<b>{YEAR}|\d{{2}})$"
)
_YEAR_ONLY_RE = re.compile(rf"^(?:(?:{MOD_ALT})[\s-]+)?(?:the\s+year\s+)?(?P<y>{YEAR})$")
_DASH_RE = re.compile(r"[‐-―]")
_POSSESSIVE_RE = re.compile(r"'s$")
_SLASH_DATE_RE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{4}$")

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
    if not (HAS_MONTH_RE.search(s) or _SLASH_DATE_RE.match(s)):
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
