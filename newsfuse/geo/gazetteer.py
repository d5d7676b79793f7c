"""Place details for annotation: kind, country, point, GeoNames id and feature.

Abbreviations of first-order regions that name one wherever they stand ("Ky.", "B.C.",
"NSW", see :mod:`newsfuse.geo.abbreviations`); the hand-kept regions and seas of
``data/regions.tsv`` (a region there that is a GeoNames first-order region of its
country, "Crimea", "Tigray", takes that region's id and point); countries from our name
tables; then the GeoNames gazetteer of :mod:`newsfuse.geo.geonames` (first-order regions,
counties, populated places of 500 people or more, continents, airports): without context
the most populous place of a name wins (a region counts the people of its places). A
trailing word for an administrative unit ("the Kursk border region", "Enfield Borough")
is dropped when the whole name is unknown. A name no
table knows that is a compass part of a country or first-order region ("Far North
Queensland", "eastern Ukraine", "Southern California") is placed at that country or
region. Anything else a dateline or the alias table knows still gets its country from
:func:`country_of_place`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from newsfuse.annotate.gazetteer import names
from newsfuse.countries import iso2_of_iso3
from newsfuse.geo.abbreviations import read_abbreviation
from newsfuse.geo.geonames import Entry, gazetteer, prior
from newsfuse.geo.places import country_of_place, normalise_place
from newsfuse.tables import read_table

_REGION_WORDS = re.compile(
    r"\s+(border\s+)?(region|province|oblast|state|district|governorate|area|borough)$", re.I
)
_LEADING_THE = re.compile(r"^the\s+", re.I)
_MUNICIPALITY = re.compile(
    r"^(?:town|city|village|township|borough|municipality)\s+of\s+(?=\S)", re.I
)
_COMPASS = re.compile(
    r"^(?:far[\s-]+)?(?:(?:north|south)[\s-]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?"
    r"|east(?:ern)?|west(?:ern)?|central)[\s-]+(?=\S)",
    re.I,
)


@dataclass(frozen=True)
class PlaceInfo:
    name: str
    country: str | None
    kind: str  # country, city, region, sea, place
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonameid: int | None = None
    feature_class: str | None = None
    """GeoNames feature class: A (country, region), P (populated place), L (continent, area)."""
    feature_code: str | None = None
    """GeoNames feature code: PCLI (country), ADM1 (first-order region), PPL, PPLC, CONT."""


_KINDS = {
    "PCLI": "country", "ADM1": "region", "ADM2": "region", "CONT": "region", "AIRP": "feature",
}  # fmt: skip


def from_entry(entry: Entry, name: str, region_words: bool = False) -> PlaceInfo:
    """A gazetteer entry as annotation's :class:`PlaceInfo`. An airport has no GeoNames id
    here (its gazetteer id is negative) and no people of its own (its gazetteer population
    is its city's, for ranking)."""
    kind = _KINDS.get(entry.feature_code, "region" if region_words else "city")
    admin1 = f"{entry.iso2}.{entry.admin1}" if entry.iso2 and entry.admin1 else None
    feature = entry.feature_code == "AIRP"
    return PlaceInfo(
        name, entry.country, kind, admin1, entry.lat, entry.lon,
        None if feature else entry.population or None,
        None if entry.geonameid < 0 else entry.geonameid, entry.feature_class, entry.feature_code,
    )  # fmt: skip


def _country_entry(iso3: str) -> Entry | None:
    iso2 = iso2_of_iso3(iso3)
    return gazetteer().country(iso2) if iso2 else None


@cache
def _regions() -> dict[str, tuple[str | None, str]]:
    rows = read_table("regions.tsv")
    return {normalise_place(n): (None if c == "-" else c, k) for n, c, k in rows}


def _country_name(key: str) -> str | None:
    entry = names().get(key)
    return entry.country if entry is not None and entry.kind == "country" else None


def _constituent(key: str, country: Entry) -> Entry | None:
    """The first-order region of ``country`` whose own name is ``key``, when ``key`` is not
    the country's own name: "England", "Scotland", "Wales" name GeoNames first-order regions
    of the United Kingdom, not the kingdom."""
    if normalise_place(country.name) == key:
        return None
    for entry in gazetteer().candidates(key):
        if (
            entry.feature_code == "ADM1"
            and entry.iso2 == country.iso2
            and normalise_place(entry.name) == key
        ):
            return entry
    return None


@lru_cache(maxsize=2**14)
def lookup_place(text: str) -> PlaceInfo:
    """What ``text`` ("Kursk", "the Kursk border region", "the Korean Peninsula") is and where."""
    name = _LEADING_THE.sub("", " ".join(text.split()))
    abbreviated = read_abbreviation(name)
    if abbreviated is not None:
        return from_entry(abbreviated, name)
    key = normalise_place(name)
    if key in _regions():
        country, kind = _regions()[key]
        entry = _region_entry(key, country) if kind == "region" else None
        if entry is not None:
            return replace(from_entry(entry, name), country=country)
        return PlaceInfo(name, country, kind)
    core = _REGION_WORDS.sub("", name)
    is_region = core != name
    core_key = normalise_place(core)
    country = _country_name(core_key)
    if country is not None:
        entry = _country_entry(country)
        if entry is None:
            return PlaceInfo(core, country, "country")
        part = _constituent(core_key, entry)
        if part is not None:
            return replace(from_entry(part, core), country=country)
        return replace(from_entry(entry, core), country=country)
    candidates = gazetteer().candidates(core_key)
    if candidates:
        return from_entry(max(candidates, key=lambda e: prior(e, core_key)), core, is_region)
    municipality = _MUNICIPALITY.match(core)
    if municipality is not None:
        return _the_municipality(core[municipality.end() :], core)
    part_of = _compass_part(core)
    if part_of is not None:
        return part_of
    return PlaceInfo(core, country_of_place(core), "region" if is_region else "place")


def _the_municipality(name: str, text: str) -> PlaceInfo:
    """ "the Town of Wallkill", "the City of Detroit": how a municipality's own legal name
    is written in US and Canadian news, naming the populated place ``name``."""
    key = normalise_place(name)
    towns = [e for e in gazetteer().candidates(key) if e.feature_class == "P"]
    if not towns:
        return PlaceInfo(text, country_of_place(name), "place")
    return from_entry(max(towns, key=lambda e: prior(e, key)), text)


def _region_entry(key: str, iso3: str | None) -> Entry | None:
    """The GeoNames first-order region of country ``iso3`` called ``key`` (by its name or an
    alternate name), if there is one."""
    iso2 = iso2_of_iso3(iso3) if iso3 else None
    if iso2 is None:
        return None
    for entry in gazetteer().candidates(key):
        if entry.feature_code == "ADM1" and entry.iso2 == iso2:
            return entry
    return None


def _compass_part(name: str) -> PlaceInfo | None:
    """ "Far North Queensland", "eastern Ukraine": a compass word before the name of a
    country or first-order region names a part of it, placed at its point."""
    match = _COMPASS.match(name)
    if match is None:
        return None
    whole = lookup_place(name[match.end() :])
    if whole.kind == "country" or whole.feature_code == "ADM1":
        return whole
    return None
