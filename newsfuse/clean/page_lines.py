"""The lines of a plain-text news page, each on its own: how the text splits into lines,
what one line looks like (blank, a furniture pattern from
``newsfuse/data/boilerplate_patterns.txt``, prose, a dateline, a bullet) and the runs
of non-blank lines (blocks), with the two block tests the boilerplate stripper
(:mod:`~newsfuse.clean.boilerplate`) bounds the body with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsfuse.calendar_words import title_month_pattern
from newsfuse.tables import COLUMNS, Row, parse_table, read_table

PATTERNS_TABLE = "boilerplate_patterns.txt"

MAX_PATTERN_WORDS = 40
"""Patterns not marked ``any-length`` only apply to lines of at most this many words."""

LONG_LINE_WORDS = 20
"""A line of at least this many words reads as prose even without a full stop."""

MIN_LEAD_IN_WORDS = 6
"""A line ending in a colon reads as prose ("The winners were:") from this many words."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"\s+")
SENTENCE_END = re.compile(
    r"[.!?…][\"'”’)\]]*"  # final punctuation, maybe closing quotes/brackets
    r"(\s*\([^()]{1,40}\))?"  # then an optional tag such as "(ANI)" or "(Reuters)"
    r"\s*$"
)
ABBREVIATION_END = re.compile(
    r"(\b(?:[A-Z]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Dr|Mr|Mrs|Ms|Gen|Gov|Sen|Rep|No|vs)\.)"
    r"[\"'”’)\]]*\s*$"
)
_COLON_END = re.compile(r":\s*$")
_BULLET = re.compile(r"^([-–—•*·▪●◦‣]|\d{1,2}[.)])\s+\S")
_MONTH = title_month_pattern()
_AGENCY = (
    r"(?:AFP|AP|Reuters|ANI|IANS|PTI|UNI|Xinhua|UPI|dpa|DPA|EFE|ANSA|Kyodo|Yonhap|TASS|Bloomberg)"
)
_DATELINE_PATTERNS = (
    # "Washington, Dec 16 (AFP) Dec 16, 2024", "PARIS, March 3 -"
    re.compile(
        rf"^[A-Z][\w .'’\[\]-]{{1,40}}(,\s*[\w .'’\[\]-]{{1,30}})?,\s*{_MONTH}\s+\d{{1,2}}\b"
    ),
    # "WASHINGTON (Reuters) -", "KYIV —"
    re.compile(
        r"^[A-Z][A-Z .'’-]{2,40}(,\s*[A-Za-z .'’-]{2,30})?\s*(\([^()]{1,20}\))?\s*[-–—:]+\s*$"
    ),
    # any short line carrying an agency tag in brackets
    re.compile(rf"\(\s*{_AGENCY}\s*\)"),
    # a bare date: "Dec 16, 2024", "16 December 2024", "2024-12-16", "Monday, 16 Dec 2024"
    re.compile(
        rf"^(\w+day,?\s+)?({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
        r"|\d{4}-\d{2}-\d{2})\b[\d:apmAPM .,+-]*(GMT|UTC|ET|EST|EDT|BST|CET|IST)?\s*$"
    ),
)
_MAX_DATELINE_WORDS = 14


@dataclass(frozen=True)
class _Pattern:
    reason: str
    regex: re.Pattern[str]
    any_length: bool


@dataclass(frozen=True)
class LineFeatures:
    """What one line looks like on its own."""

    text: str  # stripped, spaces collapsed
    words: int
    blank: bool
    furniture: str | None  # reason from a pattern
    prose: bool  # a sentence, or long enough to be one
    abbreviation_end: bool  # ends with "U.S." and the like: prose only when alone
    bullet: bool
    dateline: bool
    colon_end: bool


def parse_patterns(source: str, where: str = "boilerplate patterns") -> tuple[_Pattern, ...]:
    """Parse text in the pattern file's format (see its header) into compiled patterns;
    ``where`` names the text in errors."""
    return _compile(parse_table(source, where, COLUMNS[PATTERNS_TABLE], tabs=False))


def _compile(rows: tuple[Row, ...]) -> tuple[_Pattern, ...]:
    patterns: list[_Pattern] = []
    reason: str | None = None
    any_length = False
    for row in rows:
        (line,) = row
        if line.startswith("[") and line.endswith("]"):
            name, _, option = line[1:-1].partition("|")
            reason, any_length = name.strip(), option.strip() == "any-length"
            continue
        if reason is None:
            raise row.error("pattern before any [reason]")
        try:
            regex = re.compile(line, re.IGNORECASE)
        except re.error as exc:
            raise row.error(str(exc)) from exc
        patterns.append(_Pattern(reason, regex, any_length))
    return tuple(patterns)


@lru_cache(maxsize=1)
def load_patterns() -> tuple[_Pattern, ...]:
    """The furniture patterns shipped with newsfuse, compiled once."""
    return _compile(read_table(PATTERNS_TABLE))


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: split on any line break, none after a final one."""
    if not text:
        return []
    parts = _LINE_BREAK.split(text)
    if parts[-1] == "":
        parts.pop()
    return parts


def furniture_reason(line: str) -> str | None:
    """The reason a single (stripped) line is page furniture, or None."""
    words = len(line.split())
    for pattern in load_patterns():
        if (pattern.any_length or words <= MAX_PATTERN_WORDS) and pattern.regex.search(line):
            return pattern.reason
    return None


def looks_like_dateline(line: str) -> bool:
    """A short line such as "Washington, Dec 16 (AFP)" or "KYIV (Reuters) -" or a bare date."""
    if not line or len(line.split()) > _MAX_DATELINE_WORDS or SENTENCE_END.search(line):
        return False
    return any(p.search(line) for p in _DATELINE_PATTERNS)


def line_features(raw: str) -> LineFeatures:
    """The features of one raw input line."""
    text = _SPACES.sub(" ", raw).strip()
    words = len(text.split())
    if not text:
        return LineFeatures(text, 0, True, None, False, False, False, False, False)
    abbreviation = bool(ABBREVIATION_END.search(text))
    colon = bool(_COLON_END.search(text))
    sentence = bool(SENTENCE_END.search(text)) and not abbreviation and words >= 2
    lead_in = colon and words >= MIN_LEAD_IN_WORDS
    return LineFeatures(
        text=text,
        words=words,
        blank=False,
        furniture=furniture_reason(text),
        prose=sentence or lead_in or words >= LONG_LINE_WORDS,
        abbreviation_end=abbreviation and words >= 2,
        bullet=bool(_BULLET.search(text)),
        dateline=looks_like_dateline(text),
        colon_end=colon,
    )


def blocks_of(features: list[LineFeatures]) -> list[list[int]]:
    """Runs of consecutive non-blank lines, as lists of 0-based indexes."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for index, feature in enumerate(features):
        if feature.blank:
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(index)
    if current:
        blocks.append(current)
    return blocks


def is_headline_list(members: list[LineFeatures]) -> bool:
    """Two or more short lines that are not sentences: a list of links or headlines.

    One sentence-like line is tolerated in a list of four or more (a headline
    may end in "?" or with a full stop).
    """
    if len(members) < 2 or any(m.words >= LONG_LINE_WORDS for m in members):
        return False
    sentences = sum(1 for m in members if m.prose)
    return sentences == 0 or (sentences == 1 and len(members) >= 4)


def is_prose_line(feature: LineFeatures, block_size: int) -> bool:
    """Prose for bounding the body; a line ending in "U.S." only counts when it stands alone."""
    if feature.furniture or feature.dateline:
        return False
    return feature.prose or (feature.abbreviation_end and block_size == 1)


_CLOCK = r"\d{1,2}(?::\d{2})?[ \t]*(?i:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}"
_ZONE = r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET)\b"
_CALENDAR = (
    r"(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
)
_UPDATE_STAMP = re.compile(
    r"^[ \t]*(?i:(?:last[ \t]+)?(?:updated|posted|published))(?i:[ \t]+(?:on|at))?[ \t]*:?[ \t]*"
    rf"(?:{_CLOCK})[ \t]*(?:{_ZONE})?[ \t]*[:\-\u2013\u2014|]?[ \t]+"
    # the story goes on: a capitalised word that is no weekday, month or zone, at least
    # five more words, and the line ends as a sentence does
    rf"(?=[A-Z\"\u201c])(?!{_CALENDAR}|{_ZONE})"
    r"(?=(?:[^ \t\n]*+[ \t]++){5})(?=[^\n]*[.!?\"\u201d'][ \t]*$)",
    re.MULTILINE,
)


def drop_update_stamps(text: str) -> str:
    """``text`` with the update stamp cut from the front of each line where the story goes on
    after it ("Updated at 4:45 p.m. ET: Officials in Oklahoma said ..."): web pages put the
    time of the last edit before the lead, and the furniture pattern for a stamp would
    otherwise drop the lead with it. A stamp on a line of its own is left to that pattern."""
    return _UPDATE_STAMP.sub("", text)
