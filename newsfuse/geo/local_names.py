"""A small US town's bare name in a story set elsewhere in the US is a place of the story's
own area.

AP style, which US news follows, writes a US town with its state ("Madisonville, Texas")
unless it is in the state of the story's dateline or one of the few big cities that stand
alone. So a bare name that the gazetteer knows only as small towns of other states, in a
story set in a US city, is no distant town but a place of the story's own area that the
gazetteer lacks: a neighbourhood ("a Madisonville party" in a Cincinnati story, a
neighbourhood of Cincinnati, not the Texas town), an unincorporated community, a street.
It is placed at the article's city (:func:`newsfuse.geo.neighbourhoods.at_city`), for
every mention of the name, unless the article itself names the town's state (then the
bare name may well be that town: "Texas" … "Madisonville") or writes the name with a
region after a comma anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.geo.geonames import gazetteer
from newsfuse.geo.neighbourhoods import at_city, main_city
from newsfuse.geo.places import normalise_place
from newsfuse.model import PlaceMention

STANDALONE = 100_000
"""A town of this many people or more may stand without its state (AP's dateline cities
are all far bigger; a smaller line keeps mid-sized cities as they are)."""
_COMMA = re.compile(r",[ \t]*")


def _people(p: PlaceMention) -> int:
    entry = gazetteer().by_id(int(p.geonameid)) if p.geonameid is not None else None
    return entry.population if entry is not None else 0


def _qualified(places: Sequence[PlaceMention], text: str) -> set[str]:
    """Names that some mention writes as "Name, Region"."""
    starts = {p.start for p in places}
    out = set()
    for p in places:
        comma = _COMMA.match(text, p.end)
        if comma is not None and comma.end() in starts:
            out.add(normalise_place(p.name))
    return out


def _stray(p: PlaceMention, regions: set[str | None], city: PlaceMention) -> bool:
    return (
        p.feature_class == "P"
        and p.country == "USA"
        and p.geonameid is not None
        and p.admin1 not in regions
        and normalise_place(p.name) != normalise_place(city.name)
        and _people(p) < STANDALONE
    )


def place_local_names(
    places: Sequence[PlaceMention], text: str, dateline_place: str | None = None
) -> list[PlaceMention]:
    """``places`` with each bare small US town of a state the article does not name moved
    to the article's US city (see the module docstring)."""
    city = main_city(places, dateline_place)
    if city is None or city.country != "USA" or city.admin1 is None or city.lat is None:
        return list(places)
    regions: set[str | None] = {city.admin1}
    regions |= {p.admin1 for p in places if p.feature_code in ("ADM1", "ADM2")}
    qualified = _qualified(places, text)
    moved = {
        normalise_place(p.name)
        for p in places
        if _stray(p, regions, city) and normalise_place(p.name) not in qualified
    }
    return [at_city(p, city) if normalise_place(p.name) in moved else p for p in places]
