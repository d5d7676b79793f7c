"""A city and the first-order region named alike: "New York", "São Paulo", "Rio de Janeiro".

Where a first-order region and its largest populated place share a name, news writes the
bare name for the city (AP style: "New York" is the city, "New York state" the state) and
says so when it means the region: a word for the unit next to the name ("New York state",
"the state of New York", "upstate New York", "São Paulo province"), or the name as the
qualifier after a comma ("Albany, New York"). So:

- a mention with such a word, or after "Town, ", is the region;
- a bare mention is the region where another mention of the article is so marked and the
  article names nothing of the city: not "X City" ("New York City"), nor another place
  within :data:`CITY_KM` of the city's point (a borough: "Manhattan", "Brooklyn");
- else it is the city.

The people a gazetteer region counts (all its places) would otherwise make the region win
every bare mention.

The two share a name only where the city's own (main) name holds the region's name as
written ("New York City", "Mexico City", "Cluj-Napoca", "Santa Cruz de la Sierra"): a
city that has the region's name only among its alternate names ("Bahia" among Salvador's,
"Pernambuco" ...) is called by its own name in news, and the bare region name is the region
("Bahia cocoa", the state).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsfuse.geo.distance import haversine_km
from newsfuse.geo.gazetteer import from_entry, placed_as
from newsfuse.geo.geonames import Entry, Gazetteer, gazetteer
from newsfuse.geo.places import normalise_place
from newsfuse.model import PlaceMention

__all__ = ["CITY_KM", "city_or_region", "namesake_city"]

CITY_KM = 30.0
"""Another place of the article this near the city's point is part of the city (a borough,
a district): the article is about the city."""
_UNIT = r"(?:state|province|prefecture)"
_REGION_BEFORE = re.compile(rf"\b(?:{_UNIT}\s+of(?:\s+the)?|upstate|downstate)\s+\Z", re.I)
_REGION_AFTER = re.compile(rf"\A(?:'s|’s)?\s+{_UNIT}\b", re.I)
_QUALIFIER = re.compile(r",\s*\Z")
_UNIT_WORD = re.compile(rf"\b{_UNIT}\b", re.I)


@cache
def _largest_places(g: Gazetteer) -> dict[tuple[str, str], Entry]:
    """(ISO alpha-2, admin1 code) → the region's most populous populated place."""
    out: dict[tuple[str, str], Entry] = {}
    for row in range(len(g)):
        e = g.entry(row)
        if e.feature_class != "P" or not e.iso2 or not e.admin1:
            continue
        key = (e.iso2, e.admin1)
        if key not in out or e.population > out[key].population:
            out[key] = e
    return out


def _named_alike(city: Entry, key: str) -> bool:
    """Whether ``city``'s own name holds ``key`` (folded) as whole words."""
    return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", normalise_place(city.name)) is not None


def namesake_city(region: Entry, key: str) -> Entry | None:
    """The largest populated place of first-order region ``region`` when ``key`` (folded)
    names both and the city's own name holds it (see the module docstring), else None."""
    if region.feature_code != "ADM1" or not region.iso2 or not region.admin1:
        return None
    g = gazetteer()
    city = _largest_places(g).get((region.iso2, region.admin1))
    if city is None or all(e.geonameid != city.geonameid for e in g.candidates(key)):
        return None
    return city if _named_alike(city, key) else None


def _marked_region(p: PlaceMention, text: str, places: Sequence[PlaceMention]) -> bool:
    if _UNIT_WORD.search(p.text):
        return True  # the name as found says it: "New York State"
    before = text[max(0, p.start - 30) : p.start]
    if _REGION_BEFORE.search(before) or _REGION_AFTER.match(text[p.end : p.end + 20]):
        return True
    comma = _QUALIFIER.search(before)
    return comma is not None and any(
        q.end == p.start - len(comma.group()) for q in places if q is not p
    )


def _pair(p: PlaceMention, key: str) -> tuple[Entry, Entry] | None:
    """The region and its namesake city that mention ``p`` may be, if it is one of them."""
    g = gazetteer()
    for e in g.candidates(key):
        if e.feature_code != "ADM1":
            continue
        city = namesake_city(e, key)
        if city is not None and p.geonameid in (e.geonameid, city.geonameid):
            return e, city
    return None


def _as(p: PlaceMention, e: Entry) -> PlaceMention:
    if p.geonameid == e.geonameid:
        return p
    return placed_as(p, from_entry(e, p.name))


def city_or_region(places: Sequence[PlaceMention], text: str) -> list[PlaceMention]:
    """``places`` with each name that is both a first-order region and its largest city
    read as one or the other by the article (see the module docstring)."""
    out = list(places)
    groups: dict[str, tuple[tuple[Entry, Entry], list[int]]] = {}
    for i, p in enumerate(places):
        if p.geonameid is None:
            continue
        key = normalise_place(p.name)
        pair = groups[key][0] if key in groups else _pair(p, key)
        if pair is not None and p.geonameid in (pair[0].geonameid, pair[1].geonameid):
            groups.setdefault(key, (pair, []))[1].append(i)
    for key, ((region, city), members) in groups.items():
        marked = {i for i in members if _marked_region(places[i], text, places)}
        named_city = re.search(rf"\b{re.escape(places[members[0]].text)}\s+City\b", text) or any(
            q.lat is not None
            and normalise_place(q.name) != key
            and haversine_km(q.lat, q.lon, city.lat, city.lon) <= CITY_KM
            for q in places
        )
        bare = region if marked - _qualifiers(places, text, members) and not named_city else city
        for i in members:
            out[i] = _as(places[i], region if i in marked else bare)
    return out


def _qualifiers(places: Sequence[PlaceMention], text: str, members: list[int]) -> set[int]:
    """The mentions among ``members`` that qualify a town after a comma ("Albany, New
    York"): they say where the town is, not what the article is about."""
    out = set()
    for i in members:
        p = places[i]
        before = text[max(0, p.start - 30) : p.start]
        comma = _QUALIFIER.search(before)
        if comma and any(q.end == p.start - len(comma.group()) for q in places if q is not p):
            out.add(i)
    return out
