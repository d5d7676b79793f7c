"""Place details for annotation: kind, country, point, GeoNames id and feature.

Abbreviations of first-order regions that name one wherever they stand ("Ky.", "B.C.",
"NSW", see :mod:`newsfuse.geo.abbreviations`); the regions and seas of
:mod:`newsfuse.geo.regions` (``data/regions.tsv`` and the UN M49 areas, each with a stated
point; one that is a GeoNames first-order region, "Crimea", takes that region's id and
point), also before a region word ("the Kashmir region"); countries from our name
tables; then the GeoNames gazetteer of :mod:`newsfuse.geo.geonames` (first-order regions,
counties, populated places of 500 people or more, continents, airports): without context
the most populous place of a name wins (a region counts the people of its places). A
trailing word for an administrative unit ("the Kursk border region", "Enfield Borough")
is dropped when the whole name is unknown; where that word names a unit ("district",
"province", not "area"), a region of the name comes before a town of it ("the Karak
district" is Jordan's governorate, not Karak, Pakistan), and "the Province of Quebec" is
read as "the Quebec province". A name made of compass words only ("the North East",
"the Midlands") is a part of some country, placed only by the article
(:mod:`newsfuse.geo.compass_regions`), never by the name alone; a world area the region
table names so ("the Middle East") stays that area. A name no table knows that is a compass part of a
country, first-order region, region or sea ("Far North Queensland", "eastern Ukraine",
"the eastern Mediterranean") is placed at that country, region or sea; a valley or basin
named after a known place ("the Peace River Valley") at that place's point, without its
id. A country whose code leads to no gazetteer country is found by its name (Kosovo,
Antarctica). Anything else a dateline or the alias table knows still gets its country from
:func:`country_of_place`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from newsfuse.annotate.gazetteer import names
from newsfuse.countries import iso2_of_iso3
from newsfuse.geo.abbreviations import read_abbreviation
from newsfuse.geo.compass import compass_key, is_compass_name
from newsfuse.geo.geonames import Entry, gazetteer, prior
from newsfuse.geo.places import country_of_place, normalise_place
from newsfuse.geo.regions import Region, regions
from newsfuse.model import PlaceMention

_REGION_WORDS = re.compile(
    r"\s+(border\s+)?(region|province|oblast|state|district|governorate|area|borough)$", re.I
)
_ADMINISTRATIVE = re.compile(r"(region|province|oblast|state|district|governorate|borough)$", re.I)
"""Region words that name an administrative unit ("the Karak district"), not just a
neighbourhood of a place ("the Dallas area")."""
_LANDFORM = re.compile(r"\s+(valley|basin)$", re.I)
_LANDFORM_CODES = {"valley": "VAL", "basin": "BSN"}
_UNIT_OF = re.compile(
    r"^(province|state|region|oblast|governorate|district|county)\s+of\s+(?=\S)", re.I
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


def placed_as(place: PlaceMention, info: PlaceInfo, *, rename: bool = False) -> PlaceMention:
    """``place`` resolved as ``info``: its country, kind, region, point, GeoNames id and
    feature (and, with ``rename``, its gazetteer name)."""
    return replace(
        place, name=info.name if rename else place.name, country=info.country, kind=info.kind,
        admin1=info.admin1, lat=info.lat, lon=info.lon, geonameid=info.geonameid,
        feature_class=info.feature_class, feature_code=info.feature_code,
    )  # fmt: skip


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
    core = _REGION_WORDS.sub("", name)
    is_region = core != name
    compass = is_compass_name(name) or (
        is_region and is_compass_name(core) and not _own_region_name(key)
    )
    region = regions().get(key)
    if region is not None and not (
        compass and region.country and _compass_elsewhere(name, region.country)
    ):
        return _region_info(region, name)  # "the West Midlands": no other country's region
    if compass:
        # "the North East", "the North West region": a part of whichever country the
        # article is about, placed by the article (newsfuse.geo.compass_regions)
        return PlaceInfo(core, None, "region")
    core_key = normalise_place(core)
    region = regions().get(core_key) if is_region else None
    if region is not None:
        return _region_info(region, core)  # "the Kashmir region"
    country = _country_name(core_key)
    unit = _unit_named(core_key) if is_region and _ADMINISTRATIVE.search(name) else None
    if country is not None and unit is not None and unit.iso2 != iso2_of_iso3(country):
        # "Zaire province", "Luxembourg province": the text says the place is an
        # administrative unit, and a country of the name is none; another country's
        # first-order region of that name is meant (Angola's, Belgium's)
        return from_entry(unit, core, is_region)
    if country is not None:
        entry = _country_entry(country)
        if entry is None:
            return _country_by_name(core, core_key, country)
        part = _constituent(core_key, entry)
        if part is not None:
            return replace(from_entry(part, core), country=country)
        return replace(from_entry(entry, core), country=country)
    candidates = gazetteer().candidates(core_key)
    if candidates and is_region and _ADMINISTRATIVE.search(name):
        # "the Karak district", "Aleppo province": the text says the place is an
        # administrative unit, so a region of the name comes before a town of it.
        candidates = [e for e in candidates if e.feature_class == "A"] or candidates
    if candidates:
        return from_entry(max(candidates, key=lambda e: prior(e, core_key)), core, is_region)
    municipality = _MUNICIPALITY.match(core)
    if municipality is not None:
        return _the_municipality(core[municipality.end() :], core)
    unit = _UNIT_OF.match(core)
    if unit is not None:  # "the Province of Quebec" is "the Quebec province"
        found = lookup_place(f"{core[unit.end() :]} {unit.group(1)}")
        if found.feature_class == "A":  # a unit, not a town of the name ("State of the Union")
            return replace(found, name=core)
        return PlaceInfo(core, country_of_place(core), "region" if is_region else "place")
    part_of = _compass_part(core) or _landform(core)
    if part_of is not None:
        return part_of
    return PlaceInfo(core, country_of_place(core), "region" if is_region else "place")


def _unit_named(key: str) -> Entry | None:
    """The first-order region whose own name is ``key`` (folded), when exactly one is."""
    units = [
        e
        for e in gazetteer().candidates(key)
        if e.feature_code == "ADM1" and normalise_place(e.name) == key
    ]
    return units[0] if len(units) == 1 else None


def _compass_elsewhere(name: str, country: str) -> bool:
    """Whether a first-order region of a country other than ``country`` (ISO alpha-3) has
    the compass name ``name`` ("North East": Botswana's), so that the region table's row of
    it is one reading among several (see :mod:`newsfuse.geo.compass_regions`); "West
    Midlands" names England's region only."""
    compass = compass_key(name)
    if compass is None:
        return False
    iso2 = iso2_of_iso3(country)
    return any(
        e.feature_code == "ADM1" and e.iso2 and e.iso2 != iso2 and compass_key(e.name) == compass
        for variant in {compass, compass.replace(" ", "-"), compass.replace(" ", "")}
        for e in gazetteer().candidates(variant)
    )


def _own_region_name(key: str) -> bool:
    """Whether ``key`` (folded) is the main name of a region ("Eastern Province")."""
    return any(
        e.feature_class == "A" and normalise_place(e.name) == key
        for e in gazetteer().candidates(key)
    )


def _the_municipality(name: str, text: str) -> PlaceInfo:
    """ "the Town of Wallkill", "the City of Detroit": how a municipality's own legal name
    is written in US and Canadian news, naming the populated place ``name``."""
    key = normalise_place(name)
    towns = [e for e in gazetteer().candidates(key) if e.feature_class == "P"]
    if not towns:
        return PlaceInfo(text, country_of_place(name), "place")
    return from_entry(max(towns, key=lambda e: prior(e, key)), text)


def _region_info(region: Region, name: str) -> PlaceInfo:
    """A region or sea of :mod:`newsfuse.geo.regions` as a :class:`PlaceInfo`: the
    first-order region it is, where it is one, else its stated point with no id."""
    if region.place is not None:
        return replace(from_entry(region.place, name), country=region.country)
    return PlaceInfo(
        name, region.country, region.kind, lat=region.lat, lon=region.lon,
        feature_class=region.feature_class, feature_code=region.feature_code,
    )  # fmt: skip


def _compass_part(name: str) -> PlaceInfo | None:
    """ "Far North Queensland", "eastern Ukraine": a compass word before the name of a
    country or first-order region names a part of it, placed at its point."""
    match = _COMPASS.match(name)
    if match is None:
        return None
    whole = lookup_place(name[match.end() :])
    if whole.kind == "country" or whole.feature_code == "ADM1":
        return whole
    if whole.kind in ("region", "sea") and whole.lat is not None:
        return whole  # "the eastern Mediterranean", "northern Kashmir"
    return None


def _landform(name: str) -> PlaceInfo | None:
    """ "the Peace River Valley", "the Napa Valley", "the Ferghana Basin": a valley or basin
    no table knows, named after a place that one does, placed at that place's point, in its
    country, with no id of its own (the valley is not the town)."""
    match = _LANDFORM.search(name)
    if match is None:
        return None
    named_for = lookup_place(name[: match.start()])
    if named_for.lat is None or named_for.feature_class not in ("P", "A"):
        return None
    code = _LANDFORM_CODES[match.group(1).lower()]
    return PlaceInfo(
        name, named_for.country, "region", named_for.admin1, named_for.lat, named_for.lon,
        feature_class="T", feature_code=code,
    )  # fmt: skip


def _country_by_name(name: str, key: str, country: str) -> PlaceInfo:
    """A country whose code leads to no gazetteer country: found by its name instead
    (Kosovo, whose ISO alpha-3 "XKX" is no ISO code; Antarctica, a continent in GeoNames)."""
    for entry in gazetteer().candidates(key):
        if entry.feature_code in ("PCLI", "CONT"):
            return replace(from_entry(entry, name), country=country)
    return PlaceInfo(name, country, "country")
