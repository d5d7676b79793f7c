"""The number in a quantity: figures ("10,000", "1.5", "$284m"), number words ("two hundred
and fifty thousand", "a dozen") and vague amounts ("thousands", "scores of"), matched on
spaCy tokens. The words live in ``data/quantity_words.tsv``; the qualifier and the counted
noun around a number are found by :mod:`~newsfuse.annotate.quantities`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from newsfuse.tables import read_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "CURRENCIES",
    "Lexicon",
    "NumberMatch",
    "Phrases",
    "lexicon",
    "match_amount",
    "phrase_at",
]

Phrases = tuple[tuple[tuple[str, ...], str], ...]

DIGITS = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-zA-Z]{0,3})$")
CURRENCIES = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}


@dataclass(frozen=True)
class Lexicon:
    """The contents of ``data/quantity_words.tsv``, ready for matching."""

    units: dict[str, float]
    tens: dict[str, float]
    scales: dict[str, float]
    dozens: dict[str, float]
    suffixes: dict[str, float]
    money_suffixes: frozenset[str]  # suffixes that scale only after a currency sign
    vague: Phrases  # (tokens, condition), longest first
    qualifiers: Phrases  # (tokens, normalised qualifier), longest first

    @cached_property
    def vague_by_first_word(self) -> dict[str, Phrases]:
        """The vague phrases grouped by first word, longest first: one dict lookup a token."""
        index: dict[str, list] = {}
        for phrase, condition in self.vague:
            index.setdefault(phrase[0], []).append((phrase, condition))
        return {word: tuple(items) for word, items in index.items()}


@cache
def lexicon() -> Lexicon:
    """Read ``data/quantity_words.tsv`` once."""
    tables: dict[str, dict[str, str]] = {}
    conditions: dict[str, str] = {}
    for kind, phrase, value, condition in read_table("quantity_words.tsv"):
        tables.setdefault(kind, {})[phrase] = value
        conditions[phrase] = condition

    def numbers(kind: str) -> dict[str, float]:
        return {word: float(value) for word, value in tables.get(kind, {}).items()}

    def phrases(kind: str, values: dict[str, str]) -> Phrases:
        rows = [(tuple(p.split()), values[p]) for p in tables.get(kind, {})]
        return tuple(sorted(rows, key=lambda row: -len(row[0])))

    return Lexicon(
        units=numbers("unit"),
        tens=numbers("tens"),
        scales=numbers("scale"),
        dozens=numbers("dozen"),
        suffixes=numbers("suffix"),
        money_suffixes=frozenset(p for p, c in conditions.items() if c == "money"),
        vague=phrases("vague", conditions),
        qualifiers=phrases("qualifier", tables.get("qualifier", {})),
    )


@dataclass(frozen=True)
class NumberMatch:
    """Tokens ``start``..``end`` (exclusive) of one number expression."""

    start: int
    end: int
    value: float | None
    condition: str = ""  # for vague amounts: "of" or "noun" (see the data file)
    digits: bool = False  # written in figures


# -- matching the number itself ------------------------------------------------------


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_


def phrase_at(doc: Doc, i: int, end: int, phrase: tuple[str, ...]) -> bool:
    """Whether the tokens from ``i`` (before ``end``) read ``phrase``."""
    if i + len(phrase) > end:
        return False
    return all(_lower(doc, i + k) == word for k, word in enumerate(phrase))


def _match_vague(doc: Doc, i: int, end: int, lex: Lexicon) -> NumberMatch | None:
    for phrase, condition in lex.vague_by_first_word.get(_lower(doc, i), ()):
        if phrase_at(doc, i, end, phrase):
            return NumberMatch(i, i + len(phrase), None, condition)
    return None


def _digit_value(text: str, lex: Lexicon, money: bool) -> float | None:
    """The value of a number in figures, with a glued suffix: "10,000", "1.5", "96bn", "$1.2k"."""
    found = DIGITS.match(text)
    if not found:
        return None
    suffix = found.group(2).lower()
    if suffix and not _suffix_ok(suffix, lex, money):
        return None
    value = float(found.group(1).replace(",", "")) * lex.suffixes.get(suffix, 1.0)
    return value if math.isfinite(value) else None


def _suffix_ok(suffix: str, lex: Lexicon, money: bool) -> bool:
    """ "bn" always scales; "m" and "k" only after a currency sign ("$284m", not "100m race")."""
    return suffix in lex.suffixes and (money or suffix not in lex.money_suffixes)


def _word_kind(doc: Doc, i: int, lex: Lexicon, money: bool = False) -> tuple[str, float] | None:
    """What one token is in a number: ("digits"|"unit"|"tens"|"scale"|"dozen"|"suffix", value)."""
    word = _lower(doc, i)
    value = _digit_value(doc[i].text, lex, money)
    if value is not None:
        return "digits", value
    suffix = word.removesuffix(".")  # "$284m." at the end of a sentence is one token "m."
    if i > 0 and not doc[i - 1].whitespace_ and _suffix_ok(suffix, lex, money):
        return "suffix", lex.suffixes[suffix]
    for kind, table in (
        ("unit", lex.units),
        ("tens", lex.tens),
        ("scale", lex.scales),
        ("dozen", lex.dozens),
    ):
        if word in table:
            return kind, table[word]
    return None


def _follows(prev: tuple[str, float] | None, kind: str, value: float) -> bool:
    """Whether a number part of ``kind`` may come after the part ``prev``."""
    if prev is None:
        return kind in {"digits", "unit", "tens"}
    prev_kind, prev_value = prev
    if prev_kind == "digits":
        return kind in {"scale", "dozen", "suffix"}
    if prev_kind == "unit":
        return kind in {"scale", "dozen"}
    if prev_kind == "tens":
        return kind in {"unit", "scale", "dozen"}
    if prev_kind == "scale":
        return kind in {"unit", "tens"} or (kind == "scale" and value > prev_value)
    return False


def _combine(parts: list[tuple[str, float]]) -> float:
    """The value of a sequence of number parts: two hundred and fifty thousand → 250000."""
    total, current = 0.0, 0.0
    for kind, value in parts:
        if kind in {"digits", "unit", "tens"}:
            current += value
        elif kind in {"dozen", "suffix"} or value < 1000:
            current = (current or 1.0) * value
        else:
            total += (current or 1.0) * value
            current = 0.0
    return total + current


def _skip_joiner(doc: Doc, i: int, end: int, prev: tuple[str, float], lex: Lexicon) -> int:
    """Step over "and" after a scale or a glued hyphen after tens; return the next part's index."""
    if i + 1 >= end or _word_kind(doc, i + 1, lex) is None:
        return i
    if prev[0] == "scale" and _lower(doc, i) == "and":
        return i + 1
    glued = not doc[i - 1].whitespace_ and not doc[i].whitespace_
    if prev[0] == "tens" and doc[i].text in {"-", "–"} and glued:
        return i + 1
    return i


def _match_number(doc: Doc, i: int, end: int, lex: Lexicon) -> NumberMatch | None:
    """A number written in figures and/or words starting at token ``i``."""
    start = i
    money = i > 0 and doc[i - 1].lower_ in CURRENCIES
    half = _lower(doc, i) == "half" and i + 1 < end and _lower(doc, i + 1) in {"a", "an"}
    if half:  # "half a million": half of what "a million" is
        i += 1
    article = i
    if _lower(doc, i) in {"a", "an"}:
        nxt = _word_kind(doc, i + 1, lex) if i + 1 < end else None
        if nxt is None or nxt[0] not in {"scale", "dozen"}:
            return None
        i += 1
    parts: list[tuple[str, float]] = []
    prev: tuple[str, float] | None = ("unit", 1.0) if i > start else None
    while i < end:
        j = _skip_joiner(doc, i, end, prev, lex) if prev else i
        part = _word_kind(doc, j, lex, money)
        if part is None or not _follows(prev, *part):
            break
        parts.append(part)
        prev, i = part, j + 1
    if not parts:
        return None
    if _lower(doc, article) in {"a", "an"}:
        parts.insert(0, ("unit", 1.0))
    value = _combine(parts) * (0.5 if half else 1.0)
    digits = parts[0][0] == "digits"
    return NumberMatch(start, i, value if math.isfinite(value) else None, digits=digits)


def match_amount(doc: Doc, i: int, end: int, lex: Lexicon) -> NumberMatch | None:
    """A vague amount or a number starting at token ``i``."""
    return _match_vague(doc, i, end, lex) or _match_number(doc, i, end, lex)
