"""An in-memory index of actor dictionaries: names → actors, role words → sectors.

Names are matched on a normalised form (:func:`normalise`): case folded, accents dropped,
``.`` and apostrophes removed, any other run of punctuation or spaces made one space. So
"Kim Jong-Un", "KIM JONG UN" and "kim jong un" all find ``KIM_JONG_UN``, and "U.N." finds
``U.N._``. Every look-up is a handful of dict look-ups, never a scan.

An entry's codes may be bounded by dates. :meth:`ActorDictionary.lookup` picks the code
valid on the day asked for (a dated code beats an undated one, a later start beats an
earlier one); with no day it picks the most recent: an open-ended code, the latest start
first. On a day no code covers, the actor keeps its country but has no sector. A code that
maps to neither country nor sector (the null code ``[---]``, say) makes ``lookup`` answer
None, while :meth:`~ActorDictionary.longest_match` still returns the match, as an actor
without country and sector, so that a scanner skips the words ("Indian Ocean" is not
India).

When several entries share a name, the name keeps the first entry's display name and
gets the codes of all of them (the Phoenix files list BAN KI MOON as a South Korean
minister in one file and as UN Secretary-General in another). One-word names of three
letters or fewer (UN, US, IS) only match text written in capitals.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsfuse.actors.cameo import (
    AgentEntry,
    DictEntry,
    cameo_to_actor,
    is_agent_text,
    parse_actor_text,
    parse_agent_text,
    read_dictionary_text,
)
from newsfuse.model import Actor

__all__ = ["ActorDictionary", "load_dictionary_files", "normalise"]

_JOINERS = re.compile(r"[.'`´‘’ʼ]")
_SEPARATORS = re.compile(r"[\W_]+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_CONNECTORS = frozenset("-‐‑–—.'’`/")
_APOSTROPHES = frozenset("'’`ʼ")
_SHORT = 3  # one-word names this short are matched case-sensitively


def normalise(text: str) -> str:
    """The form names are matched on: ``Kim Jong-Un`` → ``kim jong un``, ``U.N.`` → ``un``."""
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    text = _JOINERS.sub("", text.casefold())
    return " ".join(word for word in _SEPARATORS.split(text) if word)


def _name_keys(name: str) -> list[str]:
    """The keys a dictionary name is indexed under: with and without a ``(...)`` part."""
    keys = [normalise(name)]
    if "(" in name:
        keys.append(normalise(_PARENTHESES.sub(" ", name)))
    return [key for key in dict.fromkeys(keys) if key]


@lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[str, ...]:
    """The normalised words of one text token (``Jong-Un`` → ``("jong", "un")``)."""
    return tuple(normalise(token).split())


def _parse_date(value: Any) -> date | None:
    """A date from a row: a date, an ISO string, or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True, slots=True)
class _Sense:
    """What an entry means over a span of time: our country and sector for one code."""

    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def distance(self, day: date) -> int:
        """Days between ``day`` and this sense's span (0 inside it)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day >= self.end:
            return (day - self.end).days + 1
        return 0


@dataclass(frozen=True, slots=True)
class _Record:
    """One dictionary entry as indexed: its display name, names, senses and origin."""

    name: str
    names: tuple[str, ...]
    senses: tuple[_Sense, ...]
    source: str


def _specificity(sense: _Sense) -> tuple[bool, date]:
    """Order among senses valid on a day: dated before undated, then the latest start."""
    dated = sense.start is not None or sense.end is not None
    return dated, sense.start or date.min


def _recency(sense: _Sense) -> tuple[bool, bool, date, date]:
    """Order for "now": open-ended first, then dated, then latest start, then latest end."""
    return (
        sense.end is None,
        sense.start is not None,
        sense.start or date.min,
        sense.end or date.min,
    )


class ActorDictionary:
    """Actor names (with synonyms and dated codes) and agent (role) words, indexed."""

    def __init__(self) -> None:
        self._records: list[_Record] = []
        self._names: dict[str, _Record] = {}
        self._span: dict[str, int] = {}  # first word → most words of a name starting with it
        self._agents: dict[str, str | None] = {}
        self._agent_span: dict[str, int] = {}
        self._agent_rows: list[tuple[str, str | None, str]] = []
        self._agent_sources: set[str] = set()
        self.duplicates = 0  # names shared by entries with other codes (codes merged)

    # -- building --------------------------------------------------------------------------

    def add_entries(self, entries: Iterable[DictEntry]) -> None:
        """Index actor entries; entries without codes are ignored."""
        for entry in entries:
            senses = tuple(self._sense(code.code, code.start, code.end) for code in entry.codes)
            if senses:
                source = f"{entry.source}:{entry.line}"
                self._add_record(_Record(entry.name, entry.names, senses, source))

    def add_agents(self, agents: Iterable[AgentEntry]) -> None:
        """Index agent words and their forms (plurals)."""
        for agent in agents:
            source = f"{agent.source}:{agent.line}"
            for name in agent.names:
                self._add_agent_name(name, agent.sector, source)

    @staticmethod
    def _sense(code: str, start: date | None, end: date | None) -> _Sense:
        country, sector = cameo_to_actor(code)
        return _Sense(country, sector, start, end)

    def _add_record(self, record: _Record) -> None:
        self._records.append(record)
        for name in record.names:
            for key in _name_keys(name):
                known = self._names.get(key)
                if known is None:
                    self._names[key] = record
                    _widen(self._span, key)
                elif known is not record and not set(record.senses) <= set(known.senses):
                    self._names[key] = _merge(known, record)
                    self.duplicates += 1

    def _add_agent_name(self, name: str, sector: str | None, source: str) -> None:
        self._agent_rows.append((name, sector, source))
        self._agent_sources.add(source)
        for key in _name_keys(name):
            if key not in self._agents:
                self._agents[key] = sector
                _widen(self._agent_span, key)

    # -- looking up ------------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of entries: actor entries plus agent lines."""
        return len(self._records) + len(self._agent_sources)

    @property
    def name_count(self) -> int:
        """Number of distinct normalised names (actor names, synonyms, agent forms)."""
        return len(self._names) + len(self._agents)

    def lookup(self, text: str, when: date | None = None) -> Actor | None:
        """The actor a whole name stands for on ``when`` (None: the most recent code)."""
        key = normalise(text)
        record = self._names.get(key)
        if record is None or not _case_ok(key, text):
            return None
        actor = _actor(record, when)
        return actor if actor.country or actor.sector else None

    def longest_match(
        self, tokens: Sequence[str], start: int, when: date | None = None
    ) -> tuple[int, Actor] | None:
        """The longest name starting at ``tokens[start]``: (number of tokens it covers, actor).

        The actor may have neither country nor sector (a deliberately uncoded phrase):
        skip those tokens all the same.
        """
        found = _longest(self._names, self._span, tokens, start)
        if found is None:
            return None
        count, record = found
        return count, _actor(record, when)

    def agent_sector(self, word: str) -> str | None:
        """The sector of a role word or phrase, singular or plural (``soldiers`` → MIL)."""
        return self._agents.get(normalise(word))

    def longest_agent_match(self, tokens: Sequence[str], start: int) -> tuple[int, str] | None:
        """The longest role phrase starting at ``tokens[start]``: (tokens covered, sector)."""
        found = _longest(self._agents, self._agent_span, tokens, start)
        if found is None or found[1] is None:
            return None
        return found[0], found[1]

    # -- rows for the database -------------------------------------------------------------

    def to_rows(self) -> list[dict[str, Any]]:
        """Plain dicts (name, country, sector, start, end, source, is_agent), one per name and code.

        Dates are ISO strings or None. ``source`` (``path:LINE``) ties the rows of one
        entry together; its first row carries the entry's own name.
        """
        rows = []
        for record in self._records:
            for name in record.names:
                rows.extend(_sense_row(name, sense, record.source) for sense in record.senses)
        for name, sector, source in self._agent_rows:
            rows.append(_row(name, None, sector, None, None, source, True))
        return rows

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> ActorDictionary:
        """Rebuild a dictionary from :meth:`to_rows` output (e.g. read back from the database)."""
        dictionary = cls()
        groups: dict[str, tuple[list[str], list[_Sense]]] = {}
        for row in rows:
            if row.get("is_agent"):
                dictionary._add_agent_name(row["name"], row.get("sector"), row.get("source") or "")
                continue
            names, senses = groups.setdefault(row.get("source") or row["name"], ([], []))
            names.append(row["name"])
            senses.append(_row_sense(row))
        for source, (names, senses) in groups.items():
            unique_names = tuple(dict.fromkeys(names))
            record = _Record(unique_names[0], unique_names, tuple(dict.fromkeys(senses)), source)
            dictionary._add_record(record)
        return dictionary


# -- helpers -------------------------------------------------------------------------------


def _widen(span: dict[str, int], key: str) -> None:
    """Remember how many words the longest name starting with ``key``'s first word has."""
    words = key.split(" ")
    if span.get(words[0], 0) < len(words):
        span[words[0]] = len(words)


def _actor(record: _Record, when: date | None) -> Actor:
    """The actor a record stands for on ``when``."""
    senses = record.senses
    if when is None:
        sense = max(senses, key=_recency)
        return Actor(record.name, sense.country, sense.sector)
    valid = [sense for sense in senses if sense.valid_on(when)]
    if valid:
        sense = max(valid, key=_specificity)
        return Actor(record.name, sense.country, sense.sector)
    nearest = min(senses, key=lambda sense: sense.distance(when))
    return Actor(record.name, nearest.country, None)


def _words_at(
    tokens: Sequence[str], start: int, limit: int
) -> Iterator[tuple[int, int, list[str]]]:
    """Walk tokens from ``start``: (tokens used, words so far, words) at each token boundary.

    Punctuation tokens that join words (``-``, ``.``) are passed over; a token starting with
    an apostrophe (``'s``) is glued to the word before it; other punctuation ends the walk.
    """
    words: list[str] = []
    for index in range(start, len(tokens)):
        token = tokens[index]
        parts = _token_words(token)
        if not parts:
            if words and token and set(token) <= _CONNECTORS:
                continue
            return
        if words and token[0] in _APOSTROPHES:
            words[-1] += parts[0]
            parts = parts[1:]
        words.extend(parts)
        if len(words) > limit:
            return
        yield index + 1 - start, len(words), words


def _longest(
    index: Mapping[str, Any], span: Mapping[str, int], tokens: Sequence[str], start: int
) -> tuple[int, Any] | None:
    """The longest indexed name starting at ``tokens[start]``: (tokens covered, value)."""
    if not 0 <= start < len(tokens):
        return None
    first = _token_words(tokens[start])
    limit = span.get(first[0], 0) if first else 0
    if not limit:
        return None
    candidates = [
        (used, " ".join(words[:count])) for used, count, words in _words_at(tokens, start, limit)
    ]
    for used, key in reversed(candidates):
        if key in index and _case_ok(key, tokens[start]):
            return used, index[key]
    return None


def _case_ok(key: str, text: str) -> bool:
    """Short one-word names (UN, US, IS, AID) match only when written in capitals."""
    return len(key) > _SHORT or " " in key or text.isupper()


def _merge(known: _Record, other: _Record) -> _Record:
    """A name two entries share: the first entry's name, the codes of both."""
    senses = tuple(dict.fromkeys(known.senses + other.senses))
    return _Record(known.name, known.names, senses, known.source)


def _row(
    name: str,
    country: str | None,
    sector: str | None,
    start: date | None,
    end: date | None,
    source: str,
    is_agent: bool,
) -> dict[str, Any]:
    return {
        "name": name,
        "country": country,
        "sector": sector,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "source": source,
        "is_agent": is_agent,
    }


def _sense_row(name: str, sense: _Sense, source: str) -> dict[str, Any]:
    return _row(name, sense.country, sense.sector, sense.start, sense.end, source, False)


def _row_sense(row: Mapping[str, Any]) -> _Sense:
    return _Sense(
        row.get("country") or None,
        row.get("sector") or None,
        _parse_date(row.get("start")),
        _parse_date(row.get("end")),
    )


def load_dictionary_files(paths: Iterable[str | Path]) -> tuple[ActorDictionary, list[str]]:
    """Read actor and agents files (told apart by content: ``[~`` codes mean agents).

    Returns the dictionary and every problem found, as ``path:LINE: what is wrong``.
    """
    dictionary = ActorDictionary()
    problems: list[str] = []
    for path in paths:
        try:
            text, notes = read_dictionary_text(path)
        except OSError as exc:
            problems.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        problems.extend(notes)
        if is_agent_text(text):
            agents, more = parse_agent_text(text, str(path))
            dictionary.add_agents(agents)
        else:
            entries, more = parse_actor_text(text, str(path))
            dictionary.add_entries(entries)
        problems.extend(more)
    return dictionary, problems
