"""Region abbreviations read by the places next to them: "Louisville, KY" is Kentucky,
"Perth, WA" Western Australia, "Tasmania or the ACT" the Australian Capital Territory.

The table and the readings of a form alone are in :mod:`~newsfuse.geo.abbreviations`; this
module also asks the gazetteer (:func:`~newsfuse.geo.gazetteer.lookup_place`) what the
neighbouring place is, which in turn reads abbreviations, so it sits above both.
"""

from __future__ import annotations

import re

from newsfuse.geo.abbreviations import read_abbreviation, readings_of, region
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import Entry, gazetteer

__all__ = ["in_context", "next_to_place"]

_AFTER_PLACE = re.compile(r"[ \t]*,[ \t]*")
"""The gap between a place and the abbreviation that qualifies it: "Louisville, KY"."""
_IN_A_LIST = re.compile(r"\s*(?:,|and|or|&|/)\s*(?:the\s+)?")
"""The gap between two members of a list: "Tasmania or the ACT", "NSW and Victoria" (in
lower case: a headline's "TEXAS AND IN" is no list of states)."""


def next_to_place(
    text: str,
    before: tuple[str, str] | None = None,
    after: tuple[str, str] | None = None,
) -> Entry | None:
    """The region abbreviation ``text`` names by the places next to it: ``before`` and
    ``after`` are those places, each as (its text, the text between it and ``text``). A
    qualifier after a place and a comma is read by that place ("Louisville, KY"); a member
    of a list next to a first-order region names the region of that region's country
    ("Tasmania or the ACT"). None where neither holds."""
    readings = readings_of(text)
    if not readings:
        return None
    if before is not None and _AFTER_PLACE.fullmatch(before[1]):
        found = read_abbreviation(text, before[0])
        if found is not None:
            return found
    for near in (before, after):
        if near is None or not _IN_A_LIST.fullmatch(near[1]):
            continue
        country = _region_country(near[0])
        for reading in readings:
            if reading.iso2 == country:
                return region(reading)
    return None


def in_context(
    text: str,
    before: tuple[str, str] | None = None,
    after: tuple[str, str] | None = None,
) -> Entry | None:
    """The region abbreviation ``text`` names where it stands: by the places next to it
    (:func:`next_to_place`), else alone if the form names one region anywhere."""
    return next_to_place(text, before, after) or read_abbreviation(text)


def _region_country(text: str) -> str | None:
    """The ISO alpha-2 country of ``text`` if it names a first-order region."""
    info = lookup_place(text)
    if info.feature_code != "ADM1" or info.geonameid is None:
        return None
    entry = gazetteer().by_id(info.geonameid)
    return entry.iso2 if entry is not None else None
