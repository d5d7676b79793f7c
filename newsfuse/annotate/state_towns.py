"""Towns of the article's own state that the model left without a place entity.

Local news names the towns around its story in passing, often where the small model sees
no entity: "Rock Falls teen Brady Osborne", "his Dixon-based therapist", "between Ronan
and St. Ignatius". Once the article is set in a first-order region for sure (a state or
province it names, or a county or town whose name no other gazetteer place has, the
dateline's town included), a run of two or three capitalised words that is the main name
of a populated place of that region, or one such word before "-based", names that town:
a local reader knows it as a town of the state, as the writer meant, whatever entity the
model made of it ("Rock Falls" PERSON). Words inside a longer person's name stay the
person's.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import gazetteer, own_name_is
from newsfuse.geo.places import normalise_place

_RUN = re.compile(r"(?<![\w.])[A-Z][a-z]+\.?(?:[ \t]+[A-Z][a-z]+){1,2}(?![\w-])")
_BASED = re.compile(r"(?<![\w.-])([A-Z][a-z]+)-based\b")


def _certain_region(name: str) -> str | None:
    """The region (``"US.MT"``) a name sets the article in: a first-order region, or a
    county or town whose name no other gazetteer place has."""
    info = lookup_place(name)
    if info.admin1 is None or info.geonameid is None:
        return None
    if info.feature_code == "ADM1":
        return info.admin1
    if info.feature_class in ("P", "A") and len(gazetteer().candidates(name)) == 1:
        return info.admin1
    return None


def _town_in(name: str, regions: set[str]) -> bool:
    key = normalise_place(name)
    return any(
        e.feature_class == "P" and own_name_is(e, key) and f"{e.iso2}.{e.admin1}" in regions
        for e in gazetteer().candidates(key)
    )


def state_towns(doc: Doc, places: list[Span], dateline: str | None = None) -> list[Span]:
    """Spans of towns of the article's certain regions that no entity marks as a place."""
    names = [p.text for p in places] + ([dateline] if dateline else [])
    regions = {r for r in map(_certain_region, names) if r}
    if not regions:
        return []
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]

    def in_a_name(start: int, end: int) -> bool:
        # a person's name holding more than the town's ("Forest Hill Jones")
        return any(a < end and start < b and (a, b) != (start, end) for a, b in people)

    text = doc.text  # spaCy builds it anew on each access
    found: list[Span | None] = []
    for m in _RUN.finditer(text):
        words = m.group().split()
        for k in range(len(words) - 1):  # the longest town name the run ends with
            start = m.end() - len(" ".join(words[k:]))
            if _town_in(text[start : m.end()], regions) and not in_a_name(start, m.end()):
                found.append(doc.char_span(start, m.end()))
                break
    for m in _BASED.finditer(text):
        if _town_in(m.group(1), regions):
            found.append(doc.char_span(m.start(1), m.end(1)))
    return [s for s in found if s is not None]
