"""Abbreviations of first-order regions: "Ky.", "B.C.", "KY", "Qld", "ACT".

One table, ``data/region_abbreviations.tsv``, by definition: AP style abbreviations of US
states, the older GPO forms, USPS two-letter codes, The Canadian Press abbreviations and
Canada Post symbols of Canadian provinces and territories, Australia Post abbreviations
of Australian states and territories. Each form names an ISO 3166-2 code, which leads to
the GeoNames first-order region of the gazetteer (geonameid, admin1 code, point).

A form that is also a word or a common name ("IN", "OR", "ME", "Man.", "ACT", "WA")
names a region only where it stands as a qualifier after a place ("Louisville, KY") or
next to a first-order region of the same country ("in Tasmania or the ACT"); the others
name it wherever they stand as a place. A form several regions share ("WA": Washington,
Western Australia; "NT") is read by the place next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsfuse.geo.geonames import Entry, gazetteer
from newsfuse.geo.places import normalise_place
from newsfuse.tables import read_table

__all__ = [
    "Abbreviation",
    "abbreviations",
    "form_pattern",
    "in_context",
    "is_form",
    "next_to_place",
    "read_abbreviation",
    "region",
]

_SPACE = re.compile(r"\s+")
_AFTER_PLACE = re.compile(r"[ \t]*,[ \t]*")
"""The gap between a place and the abbreviation that qualifies it: "Louisville, KY"."""
_IN_A_LIST = re.compile(r"\s*(?:,|and|or|&|/)\s*(?:the\s+)?")
"""The gap between two members of a list: "Tasmania or the ACT", "NSW and Victoria" (in
lower case: a headline's "TEXAS AND IN" is no list of states)."""


@dataclass(frozen=True)
class Abbreviation:
    form: str
    """As written, spaces removed: "Ky.", "W.Va.", "KY"."""
    subdivision: str
    """ISO 3166-2 code of the region: "US-KY"."""
    anywhere: bool
    """The form names the region wherever it stands as a place (else only as a qualifier
    after a place or next to a region of the same country)."""

    @property
    def iso2(self) -> str:
        return self.subdivision.split("-", 1)[0]


@cache
def abbreviations() -> dict[str, tuple[Abbreviation, ...]]:
    """Every form (spaces removed, case and dots kept) → the regions it may name."""
    out: dict[str, list[Abbreviation]] = {}
    for form, code, where in read_table("region_abbreviations.tsv"):
        form = _SPACE.sub("", form)
        out.setdefault(form, []).append(Abbreviation(form, code, where == "any"))
    return {form: tuple(rows) for form, rows in out.items()}


def _readings(text: str) -> tuple[Abbreviation, ...]:
    return abbreviations().get(_SPACE.sub("", text.strip()), ())


@cache
def form_pattern() -> re.Pattern[str]:
    """Any form as a whole word (longest first; a space may stand after a dot: "W. Va.")."""
    forms = sorted(abbreviations(), key=len, reverse=True)
    parts = [re.escape(f).replace(r"\.", r"\.[ ]?").removesuffix("[ ]?") for f in forms]
    return re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?![\w]|\.\w)")


def region(abbreviation: Abbreviation) -> Entry | None:
    """The gazetteer's first-order region an abbreviation names."""
    return gazetteer().subdivision(abbreviation.subdivision)


def read_abbreviation(text: str, neighbour: str | None = None) -> Entry | None:
    """The region ``text`` names: alone only where the form names one region anywhere;
    with ``neighbour``, the place it qualifies or stands in a list with, the reading whose
    region holds a namesake of the neighbour (most likely namesake first: "Perth, WA" is
    Western Australia, "Seattle, WA" Washington) or, for a neighbour that is a country or
    first-order region, the reading of that country ("Tasmania or the ACT"); failing
    that, the one region a form names ("Smallville, KY")."""
    readings = _readings(text)
    if not readings:
        return None
    if neighbour is None:
        only = readings[0]
        return region(only) if len(readings) == 1 and only.anywhere else None
    from newsfuse.geo.gazetteer import prior

    key = normalise_place(neighbour)
    for near in sorted(gazetteer().candidates(key), key=lambda e: prior(e, key), reverse=True):
        for reading in readings:
            entry = region(reading)
            if entry is None or near.iso2 != entry.iso2:
                continue
            if near.admin1 == entry.admin1 or near.feature_code in ("PCLI", "ADM1"):
                return entry
    return region(readings[0]) if len(readings) == 1 else None


def is_form(text: str) -> bool:
    """Whether ``text`` is written as one of the table's abbreviations."""
    return bool(_readings(text))


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
    readings = _readings(text)
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
    from newsfuse.geo.gazetteer import lookup_place

    info = lookup_place(text)
    if info.feature_code != "ADM1" or info.geonameid is None:
        return None
    entry = gazetteer().by_id(info.geonameid)
    return entry.iso2 if entry is not None else None
