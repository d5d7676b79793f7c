"""Compass names placed by the article: "the North East" of the country the article is about.

A name made of compass words (:mod:`newsfuse.geo.compass`) names a part of some country
relative to it; news writes it bare only when the reader knows which country: one the
article already places, by its other places, its dateline or the outlet's home country (a
BBC reader is in the United Kingdom). The name is the first-order region so called
(GeoNames' "North East" of Botswana, the region table's "North East" of England) in the
country of those that has one which the article places most (each other place there, the
dateline's country and the outlet's home country count one each); nothing on a tie. Where
no country the article places has a region so called, the name is a part of the country
the article places most, with no point of its own ("the Northeast" of the United States).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from newsfuse.countries import iso3_of_iso2
from newsfuse.geo.compass import compass_key
from newsfuse.geo.gazetteer import PlaceInfo, from_entry, placed_as
from newsfuse.geo.geonames import gazetteer
from newsfuse.geo.regions import regions
from newsfuse.model import PlaceMention

__all__ = ["compass_regions", "place_compass_names"]


def _unplaced_compass(p: PlaceMention) -> str | None:
    if p.lat is not None or p.geonameid is not None or p.country is not None:
        return None
    return compass_key(p.name)


@lru_cache(maxsize=256)
def compass_regions(key: str) -> dict[str, PlaceInfo]:
    """ISO alpha-3 → the region of compass name ``key`` (folded, see
    :func:`~newsfuse.geo.compass.compass_key`) in that country: GeoNames' first-order
    regions so called, and the region table's rows of a country; a country with two
    regions so called (none is known) keeps neither."""
    found: dict[str, list[PlaceInfo]] = {}
    seen: set[int] = set()
    g = gazetteer()
    for name in {key, key.replace(" ", "-"), key.replace(" ", "")}:
        for e in g.candidates(name):
            if e.feature_code != "ADM1" or e.geonameid in seen or not e.iso2:
                continue
            if compass_key(e.name) != key:  # "North-West" is "North West"; not "Northern"
                continue
            seen.add(e.geonameid)
            country = iso3_of_iso2(e.iso2)
            if country:
                found.setdefault(country, []).append(from_entry(e, e.name))
    for name, region in regions().items():
        if region.country and compass_key(name) == key:
            info = (
                from_entry(region.place, region.name)
                if region.place is not None
                else PlaceInfo(
                    region.name, region.country, region.kind, lat=region.lat, lon=region.lon,
                    feature_class=region.feature_class, feature_code=region.feature_code,
                )
            )  # fmt: skip
            found.setdefault(region.country, []).append(replace(info, country=region.country))
    return {country: infos[0] for country, infos in found.items() if len(infos) == 1}


BARE_POINTS = frozenset({"north", "south", "east", "west"})
"""Compass names that are a bare point of the compass ("the West", "the North")."""


def _support(
    places: Sequence[PlaceMention], dateline_country: str | None, home_country: str | None
) -> Counter[str]:
    """How much the article places each country: its other places there, one more for the
    dateline's country and one for the outlet's home country."""
    counts: Counter[str] = Counter(
        p.country for p in places if p.country and compass_key(p.name) is None
    )
    for country in (dateline_country, home_country):
        if country:
            counts[country] += 1
    return counts


def _most(counts: Counter[str], among: Sequence[str]) -> str | None:
    """The one country of ``among`` the article places most, None on a tie or none."""
    ranked = sorted(((counts[c], c) for c in among if counts[c]), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def place_compass_names(
    places: Sequence[PlaceMention], dateline_country: str | None, home_country: str | None
) -> list[PlaceMention]:
    """``places`` with each compass name (no country, no point: as
    :func:`~newsfuse.geo.gazetteer.lookup_place` leaves it) placed in the article's country."""
    keys = [_unplaced_compass(p) for p in places]
    if not any(keys):
        return list(places)
    counts = _support(places, dateline_country, home_country)
    out = []
    for p, key in zip(places, keys, strict=True):
        if key is None:
            out.append(p)
            continue
        known = compass_regions(key)
        country = _most(counts, list(known))
        if country is not None:
            info = known[country]
            out.append(placed_as(p, info))
            continue
        # a part of the article's country that no table places ("the Northeast" of the US);
        # a bare point of the compass is as often a bloc or a rival state ("pressure from
        # the West", "the North launched a missile"), so it stays with no country
        country = None if key in BARE_POINTS else _most(counts, list(counts))
        out.append(replace(p, country=country) if country else p)
    return out
