"""Names made of compass words: parts of some country, named relative to it.

"The North East", "the South West", "Eastern", "the Midlands", "Central" say where in a
country a place lies, not which country: they are first-order regions of Botswana, Ghana,
Cameroon, Zimbabwe, Uganda and England alike. Such a name means a region of that name in
the country the article is about, and nothing when the article is about none
(:mod:`newsfuse.geo.compass_regions` reads the article). A compass name followed by the
name of a continent or an ocean, or its adjective, is that area ("South East Asia",
"the South East Asian city-state"), not the bare compass region (:func:`area_names`).

A world area named with compass words and no country ("the Middle East") is no part of a
country; the region table names those (:mod:`newsfuse.geo.regions`, rows with no
country), and they are read before this rule.
"""

from __future__ import annotations

import re

from newsfuse.geo.places import normalise_place

__all__ = ["COMPASS_WORDS", "area_names", "compass_key", "is_compass_name"]

_POINTS = ("north", "south", "east", "west")
COMPASS_WORDS = frozenset(
    [
        *_POINTS,
        *(f"{p}ern" for p in _POINTS),
        *(f"{a}{b}" for a in ("north", "south") for b in ("east", "west")),
        *(f"{a}{b}ern" for a in ("north", "south") for b in ("east", "west")),
        "central", "mid", "midlands", "midwest", "far", "upper", "lower",
    ]
)  # fmt: skip
"""Words that say where a part lies in a whole: the points of the compass and their
adjectives ("North", "Eastern", "Northeast"), the middle ("Central", "the Midlands", "the
Midwest"), and "far", "upper", "lower" ("the Far North", "Upper East")."""
_SPLIT = re.compile(r"^(north|south)(east|west)(ern)?$")


def compass_key(name: str) -> str | None:
    """The folded compass name ``name`` is ("the North-East" -> "north east", "Northeast" ->
    "north east", "the Eastern Province" -> "eastern"), or None when a word of it is no
    compass word."""
    words = normalise_place(name).split()
    if words and words[0] == "the":
        words = words[1:]
    if not words or any(w not in COMPASS_WORDS for w in words):
        return None
    out: list[str] = []
    for w in words:
        split = _SPLIT.match(w)
        out.extend((split.group(1), split.group(2) + (split.group(3) or "")) if split else (w,))
    return " ".join(out)


def is_compass_name(name: str) -> bool:
    """Whether ``name`` is made of compass words only ("the North East", "Midlands")."""
    return compass_key(name) is not None


def area_names(compass: str, word: str) -> list[str]:
    """The names a compass name and the word after it may make of an area: the word as
    written ("South East" + "Asia") and, for an adjective in -n, the name it is made from
    ("Asian" -> "Asia", "African" -> "Africa", "European" -> "Europe")."""
    stems = [word]
    if word.endswith("an") and len(word) > 4:
        stems += [word[:-1], word[:-2]]
    return [f"{compass} {stem}" for stem in stems]
