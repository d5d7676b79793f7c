"""The places of the dateline that opens an article's stored text.

Cleaning keeps a story's dateline header where it opened the story ("TORRINGTON, Conn.
(AP) —", "LAUREL COUNTY, Ky. -", "OTTAWA —"). The model seldom tags those capitals as
places, yet the header names where the story happens: its place, and each qualifier after
a comma that is a country or a first-order region ("Conn.", "Ky.", "Ukraine"), are place
spans of the article like any other, resolved with the rest (the qualifier reads the
place before it). A dotted state abbreviation may come without its full stop in a header
("METCALFE COUNTY, Ky (LEX 18) -"): there it reads as the dotted form ("Ky."). A press
release's header runs a dash of two hyphens on ("LOUISVILLE, KY--(Marketwire)"): the
qualifier ends before it.
"""

from __future__ import annotations

import re

from newsfuse.clean.dateline import MAX_OFFSET, find_dateline
from newsfuse.geo.abbreviations import read_abbreviation
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import Entry

_WORD = r"[^\W\d_](?:[\w.'’]|-(?=\w))*"
"""A qualifier's word: a hyphen joins words ("Baden-Württemberg") but one before no letter
is punctuation ("AUSTIN, TX--(BUSINESS WIRE)--": a double hyphen stands for a dash)."""
_QUALIFIER = re.compile(rf"[ \t]*,[ \t]*(?P<q>{_WORD}(?:[ \t]+{_WORD}){{0,2}})")


def dateline_spans(text: str) -> tuple[int, int, list[tuple[int, int]]]:
    """Where the dateline header near the start of ``text`` starts and ends (0, 0 if there
    is none) and the spans of the places it names: its place, then its qualifiers that
    are regions or countries."""
    head = text[:MAX_OFFSET]
    found = find_dateline(head)
    if found is None or not found.place:
        return 0, 0, []
    place, at = found.place, found.start
    if head[at : at + len(place)].casefold() != place.casefold():
        return found.start, found.end, []
    spans = [(at, at + len(place))]
    at += len(place)
    while at < found.end:
        match = _QUALIFIER.match(head, at)
        if match is None or match.end() > found.end:
            break
        qualifier = match.group("q").rstrip()
        info = lookup_place(qualifier)
        if (
            info.kind != "country"
            and info.feature_code != "ADM1"
            and read_abbreviation(qualifier, place) is None  # "HOLLIDAY, Mo."
            and header_abbreviation(qualifier, place) is None  # "METCALFE COUNTY, Ky"
        ):
            break
        spans.append((match.start("q"), match.start("q") + len(qualifier)))
        at = match.end("q")
    return found.start, found.end, spans


def header_abbreviation(qualifier: str, place: str) -> Entry | None:
    """The region a header's qualifier names as a dotted abbreviation written without its
    full stop ("Ky" after "METCALFE COUNTY"), else None."""
    if qualifier.endswith(".") or not qualifier[:1].isupper() or not qualifier.isalpha():
        return None
    return read_abbreviation(qualifier + ".", place)
