"""Names no table places, kept as places only where the text says they are places.

A name the gazetteer, the country tables and the region tables all miss gets no point;
the model's GPE label is then all that calls it a place, and on business and
international news that label often falls on companies, brands and products ("Yugansk
was sold", "Rover's Longbridge plant", "Hoodia extract"). Such a name is kept where at
least half of its mentions in the article read as a place: after a preposition of place
("in Perchesk", "from Kfraya", "near the Kalahari"), or before a word for a kind of place
("the Kalahari desert", "the Humboldt Park neighborhood"). One sense per article: the
name is kept or dropped everywhere. The dateline's place is always kept.

A kept name with no point that the text puts inside a larger place ("the villages of Foua
and Kfraya in Idlib province", "the town of Qatraneh in the Karak district", "Qatraneh, in
Karak") is placed there (:func:`place_inside`): "X in Y" is how news says where a little-
known place lies, by the known area it lies in. It takes that area's point, country and
first-order region, and no id of its own. "X near Y" says no such thing and is left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.places import normalise_place
from newsfuse.model import PlaceMention

_KINDS = (
    r"desert|river|valley|region|area|province|district|neighbou?rhood|village|town|city|county"
    r"|coast|island|islands|mountains?|sea|lake|bay|peninsula|camp|community|suburb|borough"
    r"|township|parish|state|governorate|oblast|basin|plain|plateau|border|frontier|crossing"
)
_BEFORE = re.compile(
    r"\b(?:in|near|from|to|into|across|around|outside|inside|throughout|toward|towards|through"
    r"|via|between|along|within|off|outskirts\s+of|(?:north|south|east|west)\s+of"
    r"|(?:reach|enter|visit|leav|flee|fled|shell|bomb|captur|besieg|seiz|storm|evacuat|liberat"
    r"|occupi|occupy|recaptur|retak|retook|overran|overrun|surround)(?:e|es|ed|ing|s)?"
    rf"|(?:{_KINDS})e?s\s+of|(?:{_KINDS})\s+of)"
    r"(?:\s+the)?(?:\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*(?:,|and|or))?\s+\Z",
    re.I,
)
"""Before a place: a preposition of place or "the town of", "the villages of Foua and",
perhaps with "the" and another name of a list between."""
_AFTER = re.compile(rf"\A(?:'s|’s)?\s+(?:{_KINDS})\b", re.I)
"""After a place: a word for a kind of place ("the Kalahari desert")."""
_OWNER = re.compile(r"(?:'s|’s)\s+\Z")


def _unplaced(p: PlaceMention) -> bool:
    return p.lat is None and p.geonameid is None and p.country is None and p.kind == "place"


def _reads_as_place(p: PlaceMention, text: str, towns: set[int]) -> bool:
    if _BEFORE.search(text, max(0, p.start - 50), p.start):
        return True
    if _AFTER.match(text[p.end : p.end + 30]):
        return True
    owner = _OWNER.search(text, max(0, p.start - 4), p.start)
    return owner is not None and owner.start() in towns  # "Whittier's Penn Park"


def keep_placed(
    places: Sequence[PlaceMention], text: str, header_end: int = 0
) -> list[PlaceMention]:
    """``places`` less the unplaced names the text does not read as places."""
    towns = {p.end for p in places if p.feature_class == "P"}
    mentions: dict[str, list[PlaceMention]] = defaultdict(list)
    for p in places:
        if _unplaced(p):
            mentions[normalise_place(p.name)].append(p)
    dropped = {
        key
        for key, ps in mentions.items()
        if not any(p.start < header_end for p in ps)
        and 2 * sum(_reads_as_place(p, text, towns) for p in ps) < len(ps)
    }
    return [p for p in places if not (_unplaced(p) and normalise_place(p.name) in dropped)]


_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_IN = re.compile(rf"(?:\s*(?:,|and|or)\s+{_NAME}){{0,3}},?\s+in\s+(?:the\s+)?")
"""After a place: "in Idlib", ", in the Karak district", or so after the rest of a list
("Foua and Kfraya in Idlib")."""
_FROM = re.compile(r"\b(?:from|fled|fleeing|left|leaving)\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a place: it is where someone came from."""
_UNIT = re.compile(
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:district|province|governorate|region"
    r"|county|state|oblast|prefecture|department)\b"
)
"""An administrative unit named as such ("the Karak district"): read as the unit even where
the model found a town of its name there."""


def _area_after(p: PlaceMention, text: str, starts: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place with a point that the text says ``p`` lies in, if it says so ("from
    Kfraya in Lebanon" says where someone came from and now is, not where Kfraya lies)."""
    match = _IN.match(text, p.end)
    if match is None or _FROM.search(text, max(0, p.start - 20), p.start):
        return None
    area = starts.get(match.end())
    unit = _UNIT.match(text, match.end())
    info = lookup_place(unit.group()) if unit is not None else None
    if unit is not None and info is not None and info.feature_class == "A":
        # the unit as written ("the Karak district"), over a town the model found in it
        area = PlaceMention(
            unit.start(), unit.end(), unit.group(), info.name, info.country, info.kind,
            info.admin1, info.lat, info.lon, p.sentence, info.geonameid,
            info.feature_class, info.feature_code,
        )  # fmt: skip
    if area is None or area is p or area.lat is None or area.kind in ("sea", "feature"):
        return None
    return area


def place_inside(places: Sequence[PlaceMention], text: str) -> list[PlaceMention]:
    """``places`` with each name that has no point placed at the area the text puts it
    in (every mention of the name: one sense per article)."""
    starts = {p.start: p for p in places}
    areas: dict[str, PlaceMention] = {}
    for p in places:
        if p.lat is None and p.kind != "country":
            area = _area_after(p, text, starts)
            if area is not None:
                areas.setdefault(normalise_place(p.name), area)
    if not areas:
        return list(places)
    out = []
    for p in places:
        area = areas.get(normalise_place(p.name)) if p.lat is None else None
        if area is None:
            out.append(p)
            continue
        out.append(
            replace(
                p, country=area.country, lat=area.lat, lon=area.lon, geonameid=None,
                admin1=area.admin1 if area.kind != "country" else None,
                feature_class=None, feature_code=None,
            )
        )  # fmt: skip
    return out
