"""Datelines and wire headers at the start of an article.

A dateline is the place (and often date and agency credit) that opens a wire
story: ``BOGOTA, March 13 -``, ``KYIV, Ukraine (AP) —``, ``NEW DELHI (PTI):``,
``MOSCOW, March 3 /TASS/.``, ``Washington, Dec 16 (AFP) Dec 16, 2024``.
:func:`find_dateline` looks for one only near the start of a text (the first
few non-empty lines, the first ~600 characters) and says where it sits so the
caller can cut it from the body. :func:`find_agency` names the wire agency of
a credit such as ``(AFP)`` or ``Copyright Agence France-Presse``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from newsfuse.calendar_words import MONTH_NAMES, WEEKDAYS
from newsfuse.countries import iso3_of_iso2
from newsfuse.geo.geonames import gazetteer, own_name_is
from newsfuse.geo.places import country_of_place, normalise_place
from newsfuse.model import Dateline
from newsfuse.tables import read_table

__all__ = ["find_agency", "find_dateline"]

MAX_LINES = 6
MAX_OFFSET = 600
_CASE_SENSITIVE_MAX = 5  # agency names this short match case-sensitively

_LETTERS = re.compile(r"[^\W\d_]+")
_MONTHS = {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)}
_WEEKDAYS = frozenset(WEEKDAYS)
# Lower-case words allowed inside a place name ("RIO DE JANEIRO", "Stratford-upon-Avon").
_CONNECTORS = frozenset((
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "los",
    "las", "el", "al", "am", "an", "upon", "on", "sur", "of", "y", "en", "the"
))  # fmt: skip
# Words that open sentences or page furniture, never a dateline place.
_NOT_PLACE_START = frozenset((
    "on", "in", "at", "by", "for", "from", "and", "but", "as", "since", "until", "before",
    "after", "today", "yesterday", "tomorrow", "updated", "posted", "published", "date",
    "source", "photo", "image", "file", "breaking", "update", "editor", "note", "this", "that",
    "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "its", "our",
    "their", "there", "here", "when", "while", "if", "what", "who", "why", "how",
    # section labels, some of them also towns' names somewhere ("Police", "Metro")
    "police", "metro", "crime", "local", "news", "sports", "weather", "watch", "video", "live",
    "opinion", "exclusive", "analysis", "editorial", "obituary", "obituaries", "correction",
    "alert"
))  # fmt: skip

# A hyphen joins a word's parts ("WINSTON-SALEM"); two are a dash, which ends the word: a
# press release's "NEW YORK--(BUSINESS WIRE)--", "KABUL--Afghan forces ...". A word ends
# in no "/" or "-".
_WORD = r"[^\W\d_](?:[\w'’./]|-(?![-(]))*(?<![/\-])(?![\w'’.]|-(?![-(]))"
_PLACE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_MONTH_WORD = r"(?<![\w.])(?i:[jfmasond][a-z]{2,8})\.?(?![A-Za-z])"
_DAY = r"(?:\d{1,3}|[lI]\d?|\d[lI])(?:st|nd|rd|th)?(?!\w|:\d)"
_YEAR = r"(?:,?[ \t]+\d{4}(?!\d))"
_TIME = r"(?:,?[ \t]+\d{1,2}:\d{2}(?:[ \t]*(?i:[ap]\.?m\.?))?(?:[ \t]+(?i:gmt|utc|ist|est|edt))?)"
_DATE = (
    rf"(?:{_MONTH_WORD},?[ \t]*{_DAY}{_YEAR}?{_TIME}?"
    rf"|\d{{1,2}}[ \t]+{_MONTH_WORD}{_YEAR}?{_TIME}?"
    r"|\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?"
    rf"|{_MONTH_WORD}(?![\w']))"
)
_CREDIT = r"[^\W\d_][\w.&'’\- ]{0,30}?"
# A dash, colon or (after a credit) full stop or AP's old "_", or the end of the line; after a credit
# such as "(IANS)" the body may also follow with no separator but a space.
_SEP = (
    r"(?P<sep>[ \t]*,?[ \t]*(?:--|—|–|-|:|(?<=\))[ \t]_|(?<=[/)])\.)"
    r"""(?=[ \t]|$|[^\W\d_]|[<"“‘'(])[ \t]*|[ \t]*$|(?<=[)/])(?P<nosep>[ \t]+)(?=\S))"""
)
_LATE_DAYS = 7  # a dateline's date is at most this many days after the publication date
_BARE_PLACE_MIN_LETTERS = 4  # "US: Biden says" is a headline, "ROME - " a dateline

_HEADER = re.compile(
    r"(?P<prefix>(?:(?i:date)[: \t]+)?(?P<pdate>\d{4}-\d{2}-\d{2})[ \t]+)?"
    rf"(?P<place>{_PLACE})"
    rf"(?P<quals>(?:[ \t]*,[ \t]*{_PLACE}){{0,2}})"
    r"(?:[ \t]*\[(?P<hint>[A-Za-z][A-Za-z .\-]{1,40})\])?"
    rf"(?:[ \t]*,?[ \t]*(?P<date>{_DATE}))?"
    rf"(?:(?:(?:--|—|–|-)(?=\()|[ \t]*)(?:\((?P<paren>{_CREDIT})\)|/(?P<slash>{_CREDIT})/"
    rf"|,[ \t]*(?P<bare>{_WORD})))?"
    rf"(?:[ \t]*,?[ \t]*(?P<date2>{_DATE}))?"
    rf"{_SEP}",
    re.M,
)
# "Xinhua | Updated: 2017-09-15 17:52" — an agency and time stamp on a line of their own.
_CREDIT_LINE = re.compile(
    r"(?P<credit>[^\W\d_][\w .\-]{0,40}?)[ \t]*\|[ \t]*"
    r"(?:(?i:updated|published|posted)[ \t]*:?[ \t]*)?"
    r"(?P<stamp>\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?)[ \t]*$",
    re.M,
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?")
_MONTH_IN = re.compile(r"[A-Za-z]+")
_DAY_IN = re.compile(r"(?<![\d:])(\d{1,2})(?!\d|:\d)")
_YEAR_IN = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_TIME_IN = re.compile(r"(\d{1,2}):(\d{2})(?:\s*([AaPp])\.?[Mm])?")
_LINE = re.compile(r"[^\n]*\n?")
_ALL_CAPS = re.compile(r"[^a-z]*[A-Z][^a-z]*")


# ---------------------------------------------------------------- agencies


@cache
def _agency_names() -> dict[str, str]:
    """Every agency name in ``data/agencies.tsv`` → its canonical short name."""
    names: dict[str, str] = {}
    for canonical, patterns in read_table("agencies.tsv"):
        for name in (canonical, *patterns.split("|")):
            if name.strip():
                names.setdefault(name.strip(), canonical)
    return names


def _is_case_sensitive(name: str) -> bool:
    return len(name) <= _CASE_SENSITIVE_MAX or any(ch.isupper() for ch in name[1:])


@cache
def _agency_regex() -> re.Pattern[str]:
    """One alternation over all names, longest first, each a whole word."""
    parts = []
    for name in sorted(_agency_names(), key=len, reverse=True):
        body = re.escape(name).replace(r"\ ", r"\s+")
        parts.append(body if _is_case_sensitive(name) else f"(?i:{body})")
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(parts)})(?![\w\-])")


@cache
def _credit_regex() -> re.Pattern[str]:
    """Agency names in credit position: ``(AFP)``, ``/TASS/``, ``-- Reuters``, ``Copyright X``."""
    names = _agency_regex().pattern
    return re.compile(
        rf"\(\s*(?P<a>{names})\s*\)|/\s*(?P<b>{names})\s*/"
        rf"|(?:--|—|–|©|\((?i:c)\)|(?i:copyright)(?:\s+\d{{4}})?)\s*(?P<c>{names})"
    )


@cache
def _folded_agency_names() -> dict[str, str]:
    """The names that match in any case, case-folded."""
    return {k.casefold(): v for k, v in _agency_names().items() if not _is_case_sensitive(k)}


def _canonical_agency(name: str) -> str | None:
    """The canonical agency of one name as written ("Reuter" → "Reuters"), or None."""
    return _agency_names().get(name) or _folded_agency_names().get(name.casefold())


def _normalise_name(matched: str) -> str:
    return re.sub(r"\s+", " ", matched)


_DISTRIBUTORS = frozenset({"Business Wire", "PR Newswire", "GlobeNewswire", "CNW"})
"""Press-release distributors: credited only where a credit stands ("(BUSINESS WIRE)",
"/CNW/"); a bare "CNW" is as often a company's name ("CNW Corp said")."""


def find_agency(text: str) -> str | None:
    """The canonical wire agency a text credits, e.g. "(AFP)" → "AFP", or None.

    A credit-shaped mention (``(AFP)``, ``/TASS/``, ``-- Reuters``, ``Copyright
    Agence France-Presse``) wins; otherwise the first whole-word agency name.
    Short acronyms match case-sensitively, so "ap" or "APEC" never give "AP".
    """
    credit = _credit_regex().search(text)
    if credit:
        name = credit.group("a") or credit.group("b") or credit.group("c")
        return _canonical_agency(_normalise_name(name))
    for bare in _agency_regex().finditer(text):
        agency = _canonical_agency(_normalise_name(bare.group(0)))
        if agency not in _DISTRIBUTORS:
            return agency
    return None


# ---------------------------------------------------------------- dates


def _month_number(word: str) -> int | None:
    """A month name or abbreviation ("Dec", "Sept.", "MARCH") to 1–12; typos give None."""
    word = word.rstrip(".").lower()
    number = _MONTHS.get(word[:3])
    if number is None or len(word) < 3:
        return None
    full = MONTH_NAMES[number - 1]
    return number if full.startswith(word) or word == "sept" else None


def _iso(day: date, time: tuple[int, int] | None) -> str:
    if time is None:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, *time).isoformat(timespec="minutes")


def _time_of(text: str) -> tuple[int, int] | None:
    found = _TIME_IN.search(text)
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2))
    if found.group(3):
        hour = hour % 12 + (12 if found.group(3).lower() == "p" else 0)
    return (hour, minute) if hour < 24 and minute < 60 else None


def _nearest_year(month: int, day: int, hint: str | None) -> date | None:
    """Month and day in the latest year that puts them no later than just after ``hint``."""
    if not hint:
        return None
    try:
        anchor = datetime.fromisoformat(hint[:19]).date()
    except ValueError:
        return None
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    latest = anchor + timedelta(days=_LATE_DAYS)
    return max((d for d in candidates if d <= latest), default=None)


def _parse_date(text: str | None, hint: str | None) -> tuple[str | None, bool]:
    """An extracted date string to ISO, and whether it carried its own year."""
    if not text:
        return None, False
    iso = _ISO.search(text)
    if iso:
        try:
            day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None, False
        time = (int(iso.group(4)), int(iso.group(5))) if iso.group(4) else None
        return _iso(day, time if time and time[0] < 24 and time[1] < 60 else None), True
    month = next((m for w in _MONTH_IN.findall(text) if (m := _month_number(w))), None)
    day_match = _DAY_IN.search(text)
    if month is None or day_match is None:
        return None, False
    year = _YEAR_IN.search(text)
    day_number = int(day_match.group(1))
    if year:
        try:
            return _iso(date(int(year.group(1)), month, day_number), _time_of(text)), True
        except ValueError:
            return None, False
    resolved = _nearest_year(month, day_number, hint)
    return (_iso(resolved, _time_of(text)) if resolved else None), False


def _published(parts: list[str | None], hint: str | None) -> str | None:
    """The first date that gives its own year, else the first resolved from the hint."""
    fallback = None
    for part in parts:
        value, has_year = _parse_date(part, hint)
        if value and has_year:
            return value
        fallback = fallback or value
    return fallback


# ---------------------------------------------------------------- headers


@dataclass(frozen=True)
class _Found:
    place: str | None
    country: str | None
    agency: str | None
    dates: list[str | None]
    start: int
    end: int


def _is_month_only(value: str) -> bool:
    return _month_number(value) is not None and not any(ch.isdigit() for ch in value)


def _place_ok(place: str, lenient_case: bool) -> bool:
    """Place words start upper case (bar connectors) and do not open a sentence."""
    words = place.split()
    first = words[0].rstrip(".").lower()
    if first in _NOT_PLACE_START or first in _WEEKDAYS or _month_number(first):
        return False
    if any(w.lower() in _WEEKDAYS for w in words):
        return False
    if lenient_case and (place == place.lower() or words[0][0].isupper()):
        return True  # Reuters' "omaha, april 7 -" and "New york, March 2 -"
    return all(w[0].isupper() or w in _CONNECTORS for w in words)


def _bare_place_ok(place: str, sep: str, country: str | None) -> bool:
    """A bare "WASHINGTON - " needs a separator, capitals, a few letters and a known place:
    a country, a place our name tables know, or a town of the gazetteer by its own name
    (local papers' "MORRISON –", "RONAN —" head stories from towns of a few thousand)."""
    letters = sum(ch.isalpha() for ch in place)
    return (
        bool(sep)
        and bool(_ALL_CAPS.fullmatch(place))
        and letters >= _BARE_PLACE_MIN_LETTERS
        and (country is not None or _town(place))
    )


def _town(name: str) -> bool:
    key = normalise_place(name)
    return any(e.feature_class == "P" and own_name_is(e, key) for e in gazetteer().candidates(key))


def _qualifiers(quals: str) -> list[str]:
    return [q.strip() for q in quals.split(",") if q.strip() and not _is_month_only(q.strip())]


def _hint_country(hint: str | None) -> str | None:
    if not hint:
        return None
    return iso3_of_iso2(hint) or country_of_place(hint)


def _country(place: str, qualifiers: list[str], hint: str | None) -> str | None:
    """Bracketed hint first, then the last qualifier that is known, then the place."""
    for candidate in (_hint_country(hint), *map(country_of_place, reversed(qualifiers))):
        if candidate:
            return candidate
    return country_of_place(place)


def _credit_agency(match: re.Match[str]) -> tuple[bool, str | None]:
    """Whether the header carries a credit, and the canonical agency it names."""
    credit = match.group("paren") or match.group("slash") or match.group("bare")
    if credit is None:
        return False, None
    credit = credit.strip()
    agency = _canonical_agency(credit)
    if agency is None and (match.group("bare") or not credit[0].isupper()):
        raise ValueError("not a credit")
    return True, agency


def _header_at(text: str, pos: int, hint: str | None) -> _Found | None:
    """A dateline header starting exactly at ``pos``, if the text has one there."""
    match = _HEADER.match(text, pos)
    if not match:
        return None
    try:
        has_credit, agency = _credit_agency(match)
    except ValueError:
        return None
    if match.group("nosep") is not None and not (match.group("paren") or match.group("slash")):
        return None
    if match.group("nosep") is not None and agency is None:
        # "NEW DELHI (IANS) The ..." runs on after an agency we know; "The Homeland Union
        # (Conservatives) began ..." is a name and its gloss, no dateline
        return None
    place = match.group("place")
    sep = match.group("sep").strip(" \t,")
    dated = bool(match.group("date") or match.group("date2") or match.group("pdate"))
    day_dated = any(
        v and not _is_month_only(v) for v in (match.group("date"), match.group("date2"))
    )
    if not _place_ok(place, lenient_case=day_dated and sep == "-"):
        return None
    for value in (match.group("date"), match.group("date2")):
        if value and not any(ch.isdigit() for ch in value) and not _is_month_only(value):
            return None  # a bare word in date position must be a month name
        word = _LETTERS.match(value or "")
        if word and _month_number(word.group()) is None:
            return None  # and so must the word of "March 3": "Police found 48-year-old ..."
    qualifiers = _qualifiers(match.group("quals") or "")
    country = _country(place, qualifiers, match.group("hint"))
    undated_bare = not (dated or has_credit or match.group("hint"))
    if undated_bare and not _bare_place_ok(place, sep, country):
        return None
    return _Found(
        place=place,
        country=country,
        agency=agency,
        dates=[match.group("pdate"), match.group("date2"), match.group("date")],
        start=pos,
        end=match.end(),
    )


def _credit_line_at(text: str, pos: int, hint: str | None) -> _Found | None:
    """An "Agency | Updated: date" line, joined with a dateline on the next line if any."""
    match = _CREDIT_LINE.match(text, pos)
    if not match:
        return None
    agency = _canonical_agency(match.group("credit").strip())
    if agency is None:
        return None
    line_end = match.end()
    following = _first_content(text, line_end)
    header = _header_at(text, following, hint) if following is not None else None
    if header is None:
        return _Found(None, None, agency, [match.group("stamp")], pos, line_end)
    return _Found(
        place=header.place,
        country=header.country,
        agency=header.agency or agency,
        dates=[match.group("stamp"), *header.dates],
        start=pos,
        end=header.end,
    )


def _first_content(text: str, pos: int) -> int | None:
    """Offset of the first non-space character at or after ``pos`` within a few lines."""
    rest = text[pos:]
    offset = pos + len(rest) - len(rest.lstrip())
    return offset if offset < len(text) and offset - pos < MAX_OFFSET else None


def _line_starts(text: str) -> list[int]:
    """Offsets where the first non-empty lines start, after their indentation."""
    starts: list[int] = []
    for line in _LINE.finditer(text):
        if not line.group(0) or line.start() >= MAX_OFFSET or len(starts) >= MAX_LINES:
            break
        content = line.group(0).lstrip(" \t\ufeff\u00a0")
        if content.strip():
            starts.append(line.end() - len(content))
    return starts


def find_dateline(text: str, published_hint: str | None = None) -> Dateline | None:
    """The dateline or wire header near the start of ``text``, or None.

    ``published_hint`` (ISO date) supplies the year when the header gives only
    month and day. Offsets cover the whole header and the separator after it.
    """
    for pos in _line_starts(text):
        found = _credit_line_at(text, pos, published_hint) or _header_at(text, pos, published_hint)
        if found:
            return Dateline(
                place=found.place,
                country=found.country,
                agency=found.agency,
                published=_published(found.dates, published_hint),
                start=found.start,
                end=found.end,
            )
    return None
