"""Resolve ambiguous place names with the rest of the article.

A name that several gazetteer places share ("Paris", "London", "Dublin") first goes to
its prior choice (:func:`newsfuse.geo.gazetteer.prior`). Then, in this order:

1. "Paris, Texas": a name followed by a comma and a region or country names which
   region or country it is in;
2. a first-order region the article names (or its dateline is in) holds one of the
   namesakes: that one ("Dublin" in an article that names Ohio);
3. the prior choice is no national capital and lies in no country the article names
   (nor its dateline), while a namesake does: that one ("London" in an article about
   Ontario that names Canada, not Britain).

Each step keeps the prior's order among the namesakes it leaves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.geo.gazetteer import from_entry, lookup_place, prior
from newsfuse.geo.geonames import Entry, gazetteer
from newsfuse.geo.places import normalise_place
from newsfuse.model import PlaceMention

_COMMA = re.compile(r",\s*")


def _admin1_of(place: PlaceMention) -> tuple[str, str] | None:
    if place.feature_code == "ADM1" and place.admin1 and "." in place.admin1:
        cc, code = place.admin1.split(".", 1)
        return cc, code
    return None


def _dateline_context(dateline: str | None) -> tuple[set[tuple[str, str]], set[str]]:
    regions: set[tuple[str, str]] = set()
    countries: set[str] = set()
    for part in (dateline or "").split(","):
        if not part.strip():
            continue
        info = lookup_place(part.strip())
        if info.country:
            countries.add(info.country)
        if info.admin1 and "." in info.admin1 and info.feature_code in ("ADM1", "PPL", "PPLC"):
            cc, code = info.admin1.split(".", 1)
            regions.add((cc, code))
    return regions, countries


def resolve_in_context(
    places: Sequence[PlaceMention],
    text: str,
    dateline_place: str | None = None,
    dateline_country: str | None = None,
) -> list[PlaceMention]:
    """``places`` with ambiguous names resolved by the article's other places."""
    regions, countries = _dateline_context(dateline_place)
    if dateline_country:
        countries.add(dateline_country)
    for p in places:
        if _admin1_of(p):
            regions.add(_admin1_of(p))  # type: ignore[arg-type]
        if p.kind == "country" and p.country:
            countries.add(p.country)
    starts = {p.start: p for p in places}
    out = []
    for p in places:
        out.append(_resolve(p, text, starts, regions, countries) or p)
    return out


def _in_region(e: Entry, region: tuple[str, str]) -> bool:
    return (e.iso2, e.admin1) == region


def _resolve(
    p: PlaceMention,
    text: str,
    starts: dict[int, PlaceMention],
    regions: set[tuple[str, str]],
    countries: set[str],
) -> PlaceMention | None:
    if p.feature_class not in ("P", "A") or p.kind == "country" or p.geonameid is None:
        return None
    key = normalise_place(p.name)
    candidates = sorted(gazetteer().candidates(key), key=lambda e: prior(e, key), reverse=True)
    if len(candidates) < 2:
        return None
    chosen: list[Entry] = []
    comma = _COMMA.match(text, p.end)
    after = starts.get(comma.end()) if comma else None
    if after is not None:
        region = _admin1_of(after)
        if region is not None:
            chosen = [e for e in candidates if _in_region(e, region)]
        elif after.kind == "country" and after.country:
            chosen = [e for e in candidates if e.country == after.country]
    if not chosen:
        chosen = [e for e in candidates if (e.iso2, e.admin1) in regions]
    if not chosen:
        top = candidates[0]
        if top.feature_code != "PPLC" and top.country not in countries:
            chosen = [e for e in candidates if e.country in countries]
    if not chosen or chosen[0].geonameid == p.geonameid:
        return None
    info = from_entry(chosen[0], p.name, p.kind == "region")
    return replace(
        p, country=info.country, kind=info.kind, admin1=info.admin1, lat=info.lat,
        lon=info.lon, geonameid=info.geonameid, feature_class=info.feature_class,
        feature_code=info.feature_code,
    )  # fmt: skip
