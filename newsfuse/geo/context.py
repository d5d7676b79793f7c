"""Resolve ambiguous place names with the rest of the article.

A name that several gazetteer places share ("Paris", "London", "Georgetown", "Georgia") is
resolved once per article (one name, one place), in two steps:

1. "Paris, Texas": a name followed by a comma and a region or country names which region
   or country it is in; that settles it, for every use of the name in the article. When
   no gazetteer place of the name lies there ("HOLLIDAY, Mo.": cities500 has only
   Holliday, Texas), the town is where the comma says: at the region's or country's
   point, with no id of its own. A dateline is written so by definition; in running text
   this holds only when no namesake has ``BIG_NAMESAKE`` people, since a list ("Kyiv,
   Poland and Hungary") also puts a comma between a city and a country.
2. Otherwise each namesake gets a score: how likely the name means it before context is
   read (its own name rather than an alternate one, a national capital or a country, its
   people on a log scale), plus the support of the article's geography: how many of the
   article's other place names lie in the namesake's country and in its first-order
   region, counting the dateline's region and country and the outlet's home country (from
   its web address) as names too. Support grows with the log of the count, so one other
   name matters and ten are not ten times that. The best-scoring namesake wins; a second
   pass lets names resolved in the first support each other ("Edmonton" among Tottenham
   and Walthamstow is the London one).

Airports are weighed so too ("Logan Airport" in a Boston story is Boston's, not
Billings'). The dateline's own place ("GEORGETOWN" over a story that names Kentucky) is
resolved the same way, as one more name of the article. A country name is weighed against a
first-order region of the same name elsewhere ("Georgia" among Virginia and Atlanta). A
county name goes to a namesake in the region the article's other names lie in most, when
one lies in any (:func:`_counties_in_named_regions`), before the score is read.
The weights were chosen on the tune half of the trnews corpus (``newsfuse eval places``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsfuse.geo.distance import haversine_km
from newsfuse.geo.gazetteer import from_entry, lookup_place, placed_as, prior
from newsfuse.geo.geonames import Entry, gazetteer, main_name_is
from newsfuse.geo.places import normalise_place
from newsfuse.model import PlaceMention

_COMMA = re.compile(r",\s*")

MAIN_NAME = 3.0
"""Prior weight of a place called so by its main name rather than an alternate one."""
CAPITAL = 1.0
"""Prior weight of a national capital or a country."""
POPULATION = 1.0
"""Prior weight of each tenfold of people."""
SAME_COUNTRY = 2.0
"""Weight of log(1 + the article's other names in the namesake's country)."""
SAME_REGION = 1.5
"""Weight of log(1 + the article's other names in the namesake's first-order region)."""

BIG_NAMESAKE = 50_000
"""In running text, "Name, Region" moves a name to a region none of its namesakes lies in
only when each has fewer people than this: a list ("Kyiv, Poland and Hungary") is no
town and its state. A dateline's "CITY, State" always does."""

WORLD_CITY = 1_000_000
"""A populated place this big, or a national capital, is what its bare name means unless the
article names the first-order region of a smaller namesake (:func:`_world_city_unless_anchored`)."""
SMALLER = 100
"""...when that namesake has under a hundredth of the world city's people."""

Region = tuple[str, str]  # ISO alpha-2 and GeoNames admin1 code


@dataclass(frozen=True)
class _Where:
    country: str | None
    region: Region | None
    town: tuple[float, float] | None = None
    """The point of a populated place (none for a region or country)."""


def _admin1_of(place: PlaceMention) -> Region | None:
    if place.feature_code == "ADM1" and place.admin1 and "." in place.admin1:
        cc, code = place.admin1.split(".", 1)
        return cc, code
    return None


def _region_of(place: PlaceMention) -> Region | None:
    if place.admin1 and "." in place.admin1:
        cc, code = place.admin1.split(".", 1)
        return cc, code
    return None


def _entry_where(e: Entry) -> _Where:
    region = (e.iso2, e.admin1) if e.iso2 and e.admin1 else None
    return _Where(e.country, region, (e.lat, e.lon) if e.feature_class == "P" else None)


def _dateline_context(qualifiers: Sequence[str]) -> tuple[set[Region], set[str]]:
    """Regions and countries that a dateline's qualifiers ("Ky.", "Ontario") name."""
    regions: set[Region] = set()
    countries: set[str] = set()
    for part in qualifiers:
        info = lookup_place(part)
        if info.country:
            countries.add(info.country)
        if info.admin1 and "." in info.admin1 and info.feature_code in ("ADM1", "PPL", "PPLC"):
            cc, code = info.admin1.split(".", 1)
            regions.add((cc, code))
    return regions, countries


def prior_score(e: Entry, key: str) -> float:
    """How likely ``key`` means ``e`` before the article is read."""
    return (
        MAIN_NAME * main_name_is(e, key)
        + CAPITAL * (e.feature_code in ("PPLC", "PCLI"))
        + POPULATION * math.log10(max(e.population, 1))
    )


def _candidates(p: PlaceMention, key: str) -> list[Entry]:
    found = sorted(gazetteer().candidates(key), key=lambda e: prior(e, key), reverse=True)
    if p.kind == "country":
        # A country is weighed only against a first-order region of the same main name.
        found = [
            e
            for e in found
            if e.geonameid == p.geonameid
            or (e.feature_code == "ADM1" and normalise_place(e.name) == key)
        ]
    return found if len(found) > 1 else []


def _named_area(p: PlaceMention, text: str, starts: dict[int, PlaceMention]) -> PlaceMention | None:
    """The first-order region or country that "Name, Region" or "Name, Country" names."""
    comma = _COMMA.match(text, p.end)
    after = starts.get(comma.end()) if comma else None
    if after is None:
        return None
    if _admin1_of(after) is not None or (after.kind == "country" and after.country):
        return after
    return None


def _by_comma(area: PlaceMention, candidates: list[Entry]) -> Entry | None:
    """The namesake that lies in ``area``, the region or country after the comma."""
    region = _admin1_of(area)
    if region is not None:
        chosen = [e for e in candidates if (e.iso2, e.admin1) == region]
    else:
        chosen = [e for e in candidates if e.country == area.country]
    return chosen[0] if chosen else None


def _airport(p: PlaceMention) -> bool:
    return p.feature_code == "AIRP"


def _same(e: Entry, p: PlaceMention) -> bool:
    """Whether ``e`` is the place ``p`` was looked up as (an airport, which has no GeoNames
    id here, by its point)."""
    if e.feature_code == "AIRP":
        return _airport(p) and (e.lat, e.lon) == (p.lat, p.lon)
    return p.geonameid is not None and e.geonameid == p.geonameid


def _town_like(p: PlaceMention) -> bool:
    return p.kind in ("city", "place") and p.feature_code not in ("ADM1", "ADM2", "PCLI", "CONT")


def _in_area(p: PlaceMention, area: PlaceMention) -> PlaceMention:
    """``p``, a town no gazetteer place of its name in ``area`` stands for, placed at the
    point of ``area`` with no id of its own: the comma says where it is."""
    return replace(
        p, country=area.country, kind="city", admin1=area.admin1 if _admin1_of(area) else None,
        lat=area.lat, lon=area.lon, geonameid=None, feature_class=None, feature_code=None,
    )  # fmt: skip


FEATURES = ("main_name", "capital", "population", "same_country", "same_region", "nearby")
"""What :func:`candidate_features` measures of a namesake, in :data:`WEIGHTS`' order."""

NEARBY = 0.0
"""Weight of -log10(1 + km to the nearest of the article's other towns)."""

WEIGHTS = (MAIN_NAME, CAPITAL, POPULATION, SAME_COUNTRY, SAME_REGION, NEARBY)
"""The weight of each of :data:`FEATURES` in a namesake's score."""


def candidate_features(
    e: Entry,
    key: str,
    others: dict[str, _Where],
    regions: set[Region],
    countries: set[str],
) -> tuple[float, ...]:
    """What the score of namesake ``e`` of ``key`` weighs (:data:`FEATURES`): its own name
    or not, a national capital or country or not, log10 of its people, log(1 + the
    article's other names in its country), log(1 + those in its first-order region) and
    -log10(1 + km to the nearest of the article's other towns)."""
    where = _entry_where(e)
    in_country = sum(1 for w in others.values() if w.country and w.country == where.country)
    in_country += where.country in countries
    in_region = 0
    if where.region is not None:
        in_region = sum(1 for w in others.values() if w.region == where.region)
        in_region += where.region in regions
    towns = [w.town for w in others.values() if w.town is not None]
    km = min((haversine_km(e.lat, e.lon, *t) for t in towns), default=0.0)
    return (
        float(main_name_is(e, key)),
        float(e.feature_code in ("PPLC", "PCLI")),
        math.log10(max(e.population, 1)),
        math.log1p(in_country),
        math.log1p(in_region),
        -math.log10(1 + km),
    )


def _choose(
    found: list[Entry],
    key: str,
    others: dict[str, _Where],
    regions: set[Region],
    countries: set[str],
) -> Entry:
    """The namesake of best score: :data:`WEIGHTS` times :func:`candidate_features`."""

    def score(e: Entry) -> float:
        features = candidate_features(e, key, others, regions, countries)
        return sum(w * f for w, f in zip(WEIGHTS, features, strict=True))

    return max(found, key=score)


def _counties_in_named_regions(
    found: list[Entry], others: dict[str, _Where], regions: set[Region]
) -> list[Entry]:
    """Of a county name's namesakes (an airport named for a county is none), those in the
    first-order regions the article's other names lie in most often, when any lies in one: a US state has one county of a name,
    and news names a county among the places of its state ("Lake County" among Ronan and
    St. Ignatius is Montana's, whatever Illinois' people)."""
    counties = [e for e in found if e.feature_code == "ADM2"]
    if not counties:
        return found
    support = {
        e.geonameid: sum(1 for w in others.values() if w.region == _entry_where(e).region)
        + (_entry_where(e).region in regions)
        for e in counties
    }
    most = max(support.values())
    return [e for e in counties if support[e.geonameid] == most] if most else found


def _anchored_regions(
    places: Sequence[PlaceMention], keys: list[str], settled: dict[str, Entry | PlaceMention]
) -> set[Region]:
    """First-order regions the article is set in for sure: a county's (a state's name alone
    is often only mentioned: "the swing state of Ohio"), a town's placed by "Town, State",
    a town's whose name no other gazetteer place has."""
    out: set[Region] = set()
    for p, key in zip(places, keys, strict=False):
        region = _region_of(p)
        if region is None:
            continue
        choice = settled.get(key)
        if (
            p.feature_code == "ADM2"
            or isinstance(choice, Entry)
            or (p.feature_class == "P" and len(gazetteer().candidates(key)) == 1)
        ):
            out.add(region)
    return out


def _world_city_unless_anchored(
    found: list[Entry], best: Entry, key: str, anchors: set[Region]
) -> Entry:
    """``best``, or the name's world city where context alone chose a far smaller namesake
    in a first-order region the article does not name for sure: "London, Frankfurt and
    Paris" in a story that names Ohio and New York are no towns of Kentucky. News means a
    national capital or a city of a million by its bare name unless it names the small
    namesake's county, its "Town, State" or a neighbour no other place is named after.
    """
    top = max(found, key=lambda e: prior_score(e, key))
    if best is top or not (top.feature_code == "PPLC" or top.population >= WORLD_CITY):
        return best
    if best.population * SMALLER >= top.population or _entry_where(best).region in anchors:
        return best
    return top


def resolve_in_context(
    places: Sequence[PlaceMention],
    text: str,
    dateline_place: str | None = None,
    dateline_country: str | None = None,
    home_country: str | None = None,
    header_end: int = 0,
) -> list[PlaceMention]:
    """``places`` with ambiguous names resolved by the article's other places, its
    dateline and the outlet's home country (ISO alpha-3). ``header_end`` is where the
    dateline header at the start of ``text`` ends (0: none)."""
    places = list(places)
    parts = [x.strip() for x in (dateline_place or "").split(",") if x.strip()]
    regions, countries = _dateline_context(parts[1:])
    countries |= {c for c in (dateline_country, home_country) if c}
    starts = {p.start: p for p in places}
    keys = [normalise_place(p.name) for p in places]
    chosen: dict[int, Entry] = {}
    settled: dict[str, Entry | PlaceMention] = {}  # a namesake, or the area of an id-less town
    open_names: dict[str, list[int]] = defaultdict(list)
    candidates: dict[str, list[Entry]] = {}
    where: dict[int, _Where] = {}
    for i, p in enumerate(places):
        town = (p.lat, p.lon) if p.feature_class == "P" and p.lat is not None else None
        where[i] = _Where(p.country, _region_of(p), town)  # type: ignore[arg-type]
        area = _named_area(p, text, starts)
        if area is not None and _town_like(p) and keys[i] not in settled:
            # "Paris, Texas" settles the name for the whole article.
            namesakes = list(gazetteer().candidates(keys[i])) if p.geonameid is not None else []
            namesakes.sort(key=lambda e: prior(e, keys[i]), reverse=True)
            in_area = _by_comma(area, namesakes)
            if in_area is not None:
                settled[keys[i]] = in_area
            elif p.start < header_end or all(e.population < BIG_NAMESAKE for e in namesakes):
                settled[keys[i]] = area
        if p.feature_class not in ("P", "A", "S") or (p.geonameid is None and not _airport(p)):
            continue
        found = candidates.get(keys[i]) or _candidates(p, keys[i])
        if not any(_same(e, p) for e in found):
            # none of the name's namesakes: read otherwise ("Alta." by the town before it)
            continue
        candidates[keys[i]] = found
        open_names[keys[i]].append(i)
    for i, key in enumerate(keys):
        if key in settled:
            open_names.pop(key, None)
            choice = settled[key]
            if isinstance(choice, Entry):
                chosen[i] = choice
                where[i] = _entry_where(choice)
            else:
                where[i] = _Where(choice.country, _admin1_of(choice))
    if parts:
        # The dateline's place is one more name of the article, resolved with the rest.
        key = normalise_place(parts[0])
        found = sorted(gazetteer().candidates(key), key=lambda e: prior(e, key), reverse=True)
        if found and key not in keys:
            i = len(keys)
            keys.append(key)
            where[i] = _entry_where(found[0])
            if len(found) > 1:
                candidates[key] = found
                open_names[key].append(i)
    anchors = _anchored_regions(places, keys, settled) | regions
    for _ in range(2):
        for key, members in open_names.items():
            others: dict[str, _Where] = {}
            for j, w in where.items():
                if keys[j] != key:
                    others.setdefault(keys[j], w)
            found = _counties_in_named_regions(candidates[key], others, regions)
            best = _choose(found, key, others, regions, countries)
            best = _world_city_unless_anchored(found, best, key, anchors)
            for i in members:
                chosen[i] = best
                where[i] = _entry_where(best)
    out = []
    for i, p in enumerate(places):
        area = settled.get(keys[i])
        if isinstance(area, PlaceMention):
            out.append(_in_area(p, area))
            continue
        e = chosen.get(i)
        if e is None or _same(e, p):
            out.append(p)
            continue
        info = from_entry(e, p.name, p.kind == "region")
        out.append(placed_as(p, info))
    return out
