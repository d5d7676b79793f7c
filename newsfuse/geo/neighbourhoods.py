"""Neighbourhoods named as such: "in the Humboldt Park neighborhood".

Local news places a story in a part of its city by the neighbourhood's name, and says
what the name is by the word after it ("the Old West End neighborhood", "the Kensington
neighbourhood"). No gazetteer of ours holds neighbourhoods, so such a name found with no
place of its own is placed at the point of the article's city: the populated place the
article names most often (its dateline's counting once more; the first named on a tie),
with that city's country and first-order region and no id of its own. Every mention of
the name in the article goes there (one sense per article). A name the gazetteer places
within ``NEAR_KM`` of the city keeps that place (a GeoNames neighbourhood, "Kensington" of
Philadelphia); one it places farther is moved to the city. In an article that names no
populated place the name keeps no point: a namesake elsewhere ("the Penrose
neighborhood": Penrose, Colorado) is no answer.

A town's possessive says the same of the name after it ("London's Docklands", "Whittier's
Penn Park", "Toledo's Old West End"): a part of that town. Such a name with no place of
its own, or one the gazetteer places ``NEAR_KM`` or farther from the town (Melbourne's
Docklands), is placed at the town, for every mention of the name.

"The Name community" says the same of a name no gazetteer place stands for (US local news
so names an unincorporated place or a part of its town: "the Creekwood community"); a
community the gazetteer knows is a town of its own and keeps its place, wherever it lies
from the article's city.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.geo.distance import haversine_km
from newsfuse.geo.places import normalise_place
from newsfuse.model import PlaceMention

NEIGHBOURHOOD_WORD = r"neighbou?rhoods?"
"""The word after a name that says it is a part of a town ("the Kensington neighbourhood")."""
COMMUNITY_WORD = r"communit(?:y|ies)"
"""The word after a name that says it is a community: an unincorporated place or a part of a
town as US local news names one ("the Creekwood community")."""
_NEIGHBOURHOOD = re.compile(rf"[ \t]+{NEIGHBOURHOOD_WORD}\b", re.I)
_COMMUNITY = re.compile(rf"[ \t]+{COMMUNITY_WORD}\b", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s)?[ \t]+")
NEAR_KM = 40.0
"""A gazetteer place of a neighbourhood's name this far from the article's city or farther
is another place ("the West End neighborhood" of St. Louis is no West End, New York)."""


def _city(places: Sequence[PlaceMention], dateline_place: str | None) -> PlaceMention | None:
    towns = [p for p in places if p.feature_class == "P" and p.lat is not None]
    if not towns:
        return None
    counts = Counter(p.geonameid for p in towns)
    first = dateline_place.split(",")[0].strip() if dateline_place else ""
    for p in towns:
        if first and normalise_place(p.text) == normalise_place(first):
            counts[p.geonameid] += 1
            break
    best = max(counts.values())
    return next(p for p in towns if counts[p.geonameid] == best)


def place_neighbourhoods(
    places: Sequence[PlaceMention], text: str, dateline_place: str | None = None
) -> list[PlaceMention]:
    """``places`` with each neighbourhood that has no point placed at the article's city,
    and each part of a town named by the town's possessive placed at that town."""
    places = _town_parts(places, text)
    written = {normalise_place(p.name) for p in places if _NEIGHBOURHOOD.match(text, p.end)}
    written |= {
        normalise_place(p.name) for p in places if p.lat is None and _COMMUNITY.match(text, p.end)
    }
    if not written:
        return list(places)
    city = _city([p for p in places if normalise_place(p.name) not in written], dateline_place)
    if city is None or city.lat is None or city.lon is None:
        # a neighbourhood of no city the article names: a namesake elsewhere is no answer
        return [_unplaced(p) if normalise_place(p.name) in written else p for p in places]
    named = {
        normalise_place(p.name)
        for p in places
        if normalise_place(p.name) in written
        and (
            p.lat is None
            or p.lon is None
            or haversine_km(p.lat, p.lon, city.lat, city.lon) > NEAR_KM
        )
    }
    return [at_city(p, city) if normalise_place(p.name) in named else p for p in places]


def at_city(p: PlaceMention, city: PlaceMention) -> PlaceMention:
    """``p`` at the point of ``city``, in its country and first-order region, no id."""
    return replace(
        p, country=city.country, kind="place", admin1=city.admin1, lat=city.lat,
        lon=city.lon, geonameid=None, feature_class=None, feature_code=None,
    )  # fmt: skip


def _unplaced(p: PlaceMention) -> PlaceMention:
    """``p`` with no point, id, country or region: a place the text names but no table
    places."""
    return replace(
        p, country=None, kind="place", admin1=None, lat=None, lon=None, geonameid=None,
        feature_class=None, feature_code=None,
    )  # fmt: skip


def _far(p: PlaceMention, town: PlaceMention) -> bool:
    if p.lat is None or p.lon is None:
        return True
    return haversine_km(p.lat, p.lon, town.lat, town.lon) > NEAR_KM  # type: ignore[arg-type]


def _town_parts(places: Sequence[PlaceMention], text: str) -> list[PlaceMention]:
    """Names after a town's possessive ("London's Docklands") placed at the town."""
    towns = {p.end: p for p in places if p.feature_class == "P" and p.lat is not None}
    owners: dict[str, PlaceMention] = {}
    for p in places:
        if p.feature_class == "A" or p.kind == "country":
            continue  # "Ohio's Franklin County": a region is no part of a town
        for end in range(max(0, p.start - 4), p.start):
            town = towns.get(end)
            if town is not None and _POSSESSIVE.fullmatch(text, end, p.start):
                owners.setdefault(normalise_place(p.name), town)
                break
    out = []
    for p in places:
        town = owners.get(normalise_place(p.name))
        out.append(at_city(p, town) if town is not None and _far(p, town) else p)
    return out
