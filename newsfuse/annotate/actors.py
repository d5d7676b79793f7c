"""``resolve_actor``: a name or noun phrase → country (ISO3) and sector.

How a phrase is read, left to right, longest name first:

* names we know (people, organisations, countries, nationalities, capitals; see
  :mod:`newsfuse.annotate.gazetteer`) and names from imported actor dictionaries
  give a country, and for people, organisations and capitals a sector too;
* role words (``data/sectors.tsv``) give a sector: the rightmost *head* word
  wins ("government troops" → MIL), *weak* words count only when there is no
  head word ("army spokesman" → MIL, "spokesman" → GOV), and "former" or
  "retired" before a role makes it ELI;
* the country comes from the most specific kind of name (a person or an
  organisation before a country or nationality, those before a capital); a
  name that can mean two countries ("Korea") takes the one the article names
  elsewhere, else its first reading;
* a phrase that is only a capital stands for its government ("Moscow said");
  one that is only a city or region gives its country.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Protocol

from newsfuse.annotate.gazetteer import (
    KIND_PRIORITY,
    NameEntry,
    leader_surnames,
    max_name_words,
    name_key,
    names,
    sector_words,
    singular_forms,
)
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.model import Actor

_TOKEN = re.compile(r"[^\W\d_][\w.'’\-]*|\d[\d,.]*|[,;:()]")
_LEADING = frozenset(
    "the a an some many several few his her its their our your this that these those "
    "one two three four five six seven eight nine ten eleven twelve dozens hundreds "
    "thousands tens of".split()
)
_CASE_SENSITIVE_MAX = 3
_UNIT_NAMED = re.compile(
    r"\b(province|oblast|governorate)\b(?!\s+of\b)|\b(province|oblast|governorate)\s+of\b", re.I
)
"""Words that say a name is an administrative unit's ("Zaire province", "the province of
Zaire")."""
"""Names this short ("US", "UN", "WHO", "AU") only match when written in capitals."""
_MAX_ROLE_WORDS = 3
COMMON_WORD_CAPITALS = frozenset(
    {"Male", "Victoria", "Hamilton", "Kingston", "Douglas", "Stanley", "Nassau"}
)
"""Capitals that are also common words or names: only taken when capitalised."""
MIN_CITY_POPULATION = 100_000
"""A phrase that is only a city name gives its country when the city is at least this big
(small towns share names with common words: "Republic", Missouri)."""


class Dictionary(Protocol):
    """What the resolver needs from an imported actor dictionary."""

    def longest_match(
        self, tokens: list[str], start: int, when: date | None
    ) -> tuple[int, Actor] | None: ...


@dataclass(frozen=True)
class _Hit:
    position: int
    kind: str
    country: str | None
    sector: str | None
    name: str
    alternatives: tuple[str, ...] = ()
    out_of_office: bool = False
    """A person our table dates out of office then (ELI), whatever the text calls them."""


@dataclass
class ArticleContext:
    """What the rest of an article says, for names that need it (ambiguous countries)."""

    countries: Counter[str] = field(default_factory=Counter)


_LED_BY = re.compile(r"(?<=\w)[-\u2010\u2013]led\b", re.I)
_PATRON = re.compile(
    r"\b(?:pro|anti)[-\u2010\u2013][\w.'’]+|[\w.'’]+[-\u2010\u2013]"
    r"(?:backed|sponsored|funded|supported|allied|aligned|armed|trained)\b",
    re.I,
)


def _tokens(text: str) -> list[str]:
    """Words of a phrase. "Vietnamese-led forces" are Vietnamese; "Syrian-backed",
    "pro-Iranian", "anti-Syria" name a patron or an adversary, not the actor's country."""
    return _TOKEN.findall(_PATRON.sub(" ", _LED_BY.sub(" led", text)))


def _strip_leading(tokens: list[str]) -> list[str]:
    start = 0
    while start < len(tokens) - 1 and (
        tokens[start].lower() in _LEADING or tokens[start][0].isdigit()
    ):
        start += 1
    return tokens[start:]


def _case_ok(key: str, surface: str) -> bool:
    """Short names only in capitals ("US", not "us") or dotted ("u.s." is never the pronoun)."""
    letters = key.replace(" ", "")
    dotted = surface.count(".") >= 2
    return len(letters) > _CASE_SENSITIVE_MAX or dotted or surface.replace(".", "").isupper()


def _entry_sector(entry: NameEntry, when: date | None) -> str | None:
    if entry.kind != "person" or when is None or entry.sector in (None, "IGO", "REL"):
        return entry.sector
    return entry.sector if entry.in_office(when) else "ELI"


class ActorResolver:
    """Resolves phrases with our tables plus, optionally, an imported dictionary."""

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        self.dictionary = dictionary

    def _name_at(
        self, tokens: list[str], i: int, when: date | None, lower_case: bool = False
    ) -> tuple[int, _Hit] | None:
        if self.dictionary is not None:
            found = self.dictionary.longest_match(tokens, i, when)
            if found:
                length, actor = found
                name = actor.name.title() if actor.name.isupper() else actor.name
                return length, _Hit(i, "dict", actor.country, actor.sector, name)
        table = names()
        for length in range(min(max_name_words(), len(tokens) - i), 0, -1):
            surface = " ".join(tokens[i : i + length])
            entry = table.get(name_key(surface))
            lower_capital = (
                entry is not None and entry.kind == "capital" and not surface[:1].isupper()
            )
            if lower_capital and (not lower_case or entry.name in COMMON_WORD_CAPITALS):
                continue  # "a male nurse" is not the Maldives
            if entry is not None and _case_ok(name_key(surface), surface):
                sector = _entry_sector(entry, when)
                hit = _Hit(
                    i,
                    entry.kind,
                    entry.country,
                    sector,
                    entry.name,
                    entry.alternatives,
                    out_of_office=sector == "ELI" and entry.sector != "ELI",
                )
                return length, hit
        return None

    def _role_at(self, tokens: list[str], i: int) -> tuple[int, str, str] | None:
        table = sector_words()
        for length in range(min(_MAX_ROLE_WORDS, len(tokens) - i), 0, -1):
            key = name_key(" ".join(tokens[i : i + length]))
            for form in singular_forms(key):
                if form in table and (form != "mp" or tokens[i] == "MP"):
                    if form == "general" and _adjective(tokens, i):
                        continue  # "a general strike", "the general public": no rank
                    sector, weight = table[form]
                    return length, sector, weight
        if self.dictionary is not None:
            agent = self.dictionary.longest_agent_match(tokens, i)
            if agent and agent[1]:
                return agent[0], agent[1], "head"
        return None

    def _scan(
        self, tokens: list[str], when: date | None
    ) -> tuple[list[_Hit], list[tuple[int, str, str]]]:
        hits: list[_Hit] = []
        roles: list[tuple[int, str, str]] = []
        lower_case = all(not t[:1].isupper() for t in tokens)
        i = 0
        while i < len(tokens):
            found = self._name_at(tokens, i, when, lower_case)
            if found:
                length, hit = found
                hits.append(hit)
                i += length
                continue
            role = self._role_at(tokens, i)
            if role:
                length, sector, weight = role
                roles.append((i, sector, weight))
                i += length
                continue
            i += 1
        return hits, roles

    def _compass_letter(self, tokens: list[str], when: date | None) -> list[str]:
        """A compass word cut to its letter before a name ("N Ireland", "S Africa", "E
        Timor", as headlines write them): the name it stands for where that is a country's
        or territory's, else the tokens as they are ("N Ireland" is no Ireland)."""
        words = COMPASS_LETTERS.get(tokens[0].rstrip("."), ()) if len(tokens) > 1 else ()
        if not words or not tokens[1][:1].isupper():
            return tokens
        for word in words:
            expanded = [word, *tokens[1:]]
            found = self._name_at(expanded, 0, when, False)
            if found is not None and found[0] >= 2 and found[1].kind == "country":
                return expanded
        return tokens

    def resolve(
        self, text: str, when: date | None = None, context: ArticleContext | None = None
    ) -> Actor:
        """Country and sector of ``text``; unknown parts are None, never guessed."""
        tokens = _strip_leading(_tokens(text))
        name = " ".join(text.split()) or text
        if not tokens:
            return Actor(name)
        tokens = self._compass_letter(tokens, when)
        hits, roles = self._scan(tokens, when)
        country = _choose_country(hits, context)
        sector = _choose_sector(hits, roles, whole=len(hits) == 1 and not roles)
        if len(hits) == 1 and hits[0].kind == "country" and _UNIT_NAMED.search(name):
            # "Zaire province", "the province of Zaire": a unit another country has of the
            # name, not the country (Angola's province, not the DRC's former name)
            place = lookup_place(" ".join(tokens))
            if place.kind == "region" and place.country:
                country = place.country
        if country is None:
            country = _leader_government(tokens) or _place_of_role(tokens, roles)
        if country is None and not hits and tokens[0][:1].isupper():
            place = lookup_place(" ".join(tokens))
            known = place.kind == "region" or (place.population or 0) >= MIN_CITY_POPULATION
            country = place.country if known else None
        canonical = (
            hits[0].name
            if len(hits) == 1 and not roles and hits[0].kind in ("person", "org", "dict")
            else name
        )
        return Actor(canonical, country, sector)


_FUNCTION_WORDS = frozenset(
    "in of on at to from with by for and or but who which that said says told was is has had "
    "were will would".split()
)


def _adjective(tokens: list[str], i: int) -> bool:
    """``tokens[i]``, written in lower case, modifies the lower-case word after it (not a
    function word: "the general in charge" is the rank)."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return (
        tokens[i] == "general"
        and following.isalpha()
        and following.islower()
        and following not in _FUNCTION_WORDS
        and not following.endswith(("ed", "ing"))  # "the general commanding", "killed"
    )


COMPASS_LETTERS: dict[str, tuple[str, ...]] = {
    "N": ("North", "Northern"),
    "S": ("South", "Southern"),
    "E": ("East", "Eastern"),
    "W": ("West", "Western"),
}
"""The compass words a lone capital letter may abbreviate before a name."""

LEADER_GOVERNMENT_WORDS = frozenset({"administration", "government", "regime", "cabinet", "junta"})


def _leader_government(tokens: list[str]) -> str | None:
    """ "the Bush administration", "the Assad regime": a known leader's surname before a
    word for a government names that leader's country (one country, or none)."""
    for word, following in pairwise(tokens):
        if following.lower() in LEADER_GOVERNMENT_WORDS and word[:1].isupper():
            countries = leader_surnames().get(name_key(word), frozenset())
            if len(countries) == 1:
                return next(iter(countries))
    return None


def _place_of_role(tokens: list[str], roles: list[tuple[int, str, str]]) -> str | None:
    """ "Darfur rebels", "Karachi police", "California Governor Gavin Newsom": a region or
    a large city named before a role word places the role holder in its country."""
    if not roles:
        return None
    words = tokens[: roles[0][0]]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    place = lookup_place(" ".join(words))
    known = place.kind in ("region", "place") or (place.population or 0) >= MIN_CITY_POPULATION
    return place.country if known else None


def _choose_country(hits: Iterable[_Hit], context: ArticleContext | None) -> str | None:
    ranked = sorted(
        (h for h in hits if h.country), key=lambda h: (KIND_PRIORITY.get(h.kind, 9), h.position)
    )
    if not ranked:
        return None
    best = ranked[0]
    if best.alternatives and context is not None:
        options = (best.country, *best.alternatives)
        named = [c for c in options if context.countries.get(c)]
        if named:
            return max(named, key=lambda c: context.countries[c])
    return best.country


def _choose_sector(
    hits: list[_Hit], roles: list[tuple[int, str, str]], *, whole: bool
) -> str | None:
    """Rightmost head word (names with a sector count as heads), else weak words; ELI modifiers.

    A title the text gives a person ("President Reagan") outranks our table's dates for
    them: news writes "former" for a former office holder.
    """
    heads = [(p, s) for p, s, w in roles if w == "head"]
    titled = bool(heads) and not any(w == "modifier" for _, _, w in roles)
    heads += [
        (h.position, h.sector)
        for h in hits
        if h.sector and (h.kind != "capital" or whole) and not (titled and h.out_of_office)
    ]
    weak = [(p, s) for p, s, w in roles if w == "weak"]
    modifiers = [p for p, _, w in roles if w == "modifier"]
    chosen = max(heads) if heads else (max(weak) if weak else None)
    if chosen is None:
        return None
    if any(p < chosen[0] for p in modifiers):
        return "ELI"
    return chosen[1]


_default: ActorResolver | None = None


def default_resolver() -> ActorResolver:
    """The process-wide resolver: our tables plus any dictionary set with :func:`use_dictionary`."""
    global _default
    if _default is None:
        _default = ActorResolver()
    return _default


def use_dictionary(dictionary: Dictionary | None) -> None:
    """Make ``resolve_actor`` consult an imported actor dictionary (None to stop)."""
    global _default
    _default = ActorResolver(dictionary)


def resolve_actor(text: str, date: dt.date | str | None = None) -> Actor:
    """Resolve a name or noun phrase to an :class:`Actor` (``.country``, ``.sector``, ``.name``).

    ``date`` (the article's date) picks date-bounded codes: who held an office then. An
    empty or unreadable date (``""``, ``"yesterday"``, ``"2025-13-01"``) counts as no date.
    """
    return default_resolver().resolve(text, as_date(date))


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a ``date``/``datetime`` or an ISO 8601 string's first ten characters; else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
