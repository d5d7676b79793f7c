"""Names no table places, kept as places only where the text says they are places.

A name the gazetteer, the country tables and the region tables all miss gets no point;
the model's GPE label is then all that calls it a place, and on business and
international news that label often falls on companies, brands and products ("Yugansk
was sold", "Rover's Longbridge plant", "Hoodia extract"). Such a name is kept where at
least half of its mentions in the article read as a place: after a preposition of place
("in Perchesk", "from Kfraya", "near the Kalahari"), or before a word for a kind of place
("the Kalahari desert", "the Humboldt Park neighborhood"). One sense per article: the
name is kept or dropped everywhere. The dateline's place is always kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

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
