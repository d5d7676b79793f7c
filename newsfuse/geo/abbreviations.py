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
Western Australia; "NT") is read by the place next to it
(:mod:`~newsfuse.geo.abbreviation_context`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsfuse.geo.geonames import Entry, gazetteer, prior
from newsfuse.geo.places import normalise_place
from newsfuse.tables import read_table

__all__ = [
    "Abbreviation",
    "abbreviations",
    "form_pattern",
    "is_form",
    "read_abbreviation",
    "readings_of",
    "region",
]

_SPACE = re.compile(r"\s+")


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


def readings_of(text: str) -> tuple[Abbreviation, ...]:
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
    readings = readings_of(text)
    if not readings:
        return None
    if neighbour is None:
        only = readings[0]
        return region(only) if len(readings) == 1 and only.anywhere else None
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
    return bool(readings_of(text))
