"""Places a text writes as such whatever entity the model made of them (rules 10 and 12 of
:mod:`newsfuse.annotate.place_spans`): "Name County" / "Name Parish" that names a GeoNames
second-order region, "the Name neighborhood", and a US legislator's party and state
("Sen. Tom Harkin, D-Iowa")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsfuse.annotate.gazetteer import names
from newsfuse.geo.abbreviations import readings_of, region
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import Entry, gazetteer, own_name_is
from newsfuse.geo.neighbourhoods import COMMUNITY_WORD, NEIGHBOURHOOD_WORD
from newsfuse.geo.places import normalise_place

_WRITTEN_COUNTY = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:County|Parish))\b")
_WRITTEN_NEIGHBOURHOOD = re.compile(
    r"\b[Tt]he[ \t]+(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]+"
    rf"(?:{NEIGHBOURHOOD_WORD}|{COMMUNITY_WORD})\b"
)
"""Rule 12: "the Name neighborhood", and "the Name community", by the words that say so
(:mod:`newsfuse.geo.neighbourhoods`, which also places them)."""
_PARTY_STATE = re.compile(
    r"(?:,|\()[ \t]*[DRI][ \t]*-[ \t]*(?P<name>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})"
)
"""A party initial and a hyphen after a comma or bracket ("Harkin, D-Iowa", "(R-N.Y.)"):
AP style for a US legislator's party and the state the legislator represents, of up to
three words ("D-Northern Mariana Islands")."""
US_TERRITORIES = frozenset("AS GU MP PR VI".split())
"""American Samoa, Guam, the Northern Mariana Islands, Puerto Rico and the US Virgin
Islands: countries of their own in GeoNames and ISO 3166-1, and subdivisions of the US in
ISO 3166-2:US (outlying areas), each sending a member to the House (a delegate, Puerto
Rico's resident commissioner) whose party tag names it ("Del. Ann Roe, D-Guam")."""
_TERRITORY_FORMS = {"P.R.": "PR", "Virgin Islands": "VI"}
"""Forms of a territory a party tag writes that name no GeoNames country: the AP Stylebook's
abbreviation of Puerto Rico, and the Virgin Islands' name less the "U.S." that the tag's
party initial makes needless (the British Virgin Islands send no one to Congress)."""
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
LEADING_THE = re.compile(r"^the\s+", re.I)


def place_key(text: str) -> str:
    """A name as the gazetteer indexes it, less a leading "the" and a possessive."""
    return normalise_place(POSSESSIVE.sub("", LEADING_THE.sub("", text.strip())))


def written_counties(doc: Doc) -> list[Span]:
    """Rule 10: "Name County" where the model made no place of it."""
    out = []
    for m in _WRITTEN_COUNTY.finditer(doc.text):
        name = m.group("name").rstrip()
        words = name.split()
        end = m.start("name") + len(name)
        for k in range(len(words) - 1):  # the longest county name the words end with
            if words[k] in ("The", "THE"):
                continue
            span = doc.char_span(end - len(" ".join(words[k:])), end)
            if span is not None and lookup_place(span.text).feature_code == "ADM2":
                out.append(span)
                break
    return out


_WHO_LIVES_THERE = frozenset(
    "jewish arab muslim christian catholic sunni shiite shia alawite druze sikh hindu yazidi "
    "bedouin haredi hasidic orthodox roma latino hispanic black white asian amish mormon "
    "coptic chaldean assyrian maronite gay immigrant lgbt lgbtq lgbtqia lgbtq+ deaf "
    "international".split()
)
"""Words of a people, faith or group before "neighborhood" or "community" that say who
lives there or who belongs, not where it is ("the Jewish neighborhood", "the Druze neighbourhood"), beside the nationality
words of our demonym table."""


def written_neighbourhoods(doc: Doc) -> list[Span]:
    """Rule 12: "the Name neighborhood" or "the Name community", the name no people's name (NORP, our demonyms,
    :data:`_WHO_LIVES_THERE`) and no person or organisation our tables know."""
    peoples = {t.i for e in doc.ents if e.label_ == "NORP" for t in e}
    out = []
    for m in _WRITTEN_NEIGHBOURHOOD.finditer(doc.text):
        span = doc.char_span(m.start("name"), m.end("name"))
        if span is None or any(t.i in peoples for t in span):
            continue
        key = place_key(span.text)
        entry = names().get(key)
        if key in _WHO_LIVES_THERE or (entry is not None and entry.kind != "capital"):
            continue  # a people, a person, an organisation, a country
        out.append(span)
    return out


def party_state(name: str) -> Entry | None:
    """The US state that ``name``, written after a party initial ("D-Ga.", "R-Wash.",
    "I-Vt.", "D-Georgia"), names: a D-/R-/I- tag names a US state by definition, so any
    US state's abbreviation is read there, also one that elsewhere names a state only as a
    qualifier ("Wash.", "Pa.", "La."), and a US state's name over a country of that name
    ("Georgia"). A US territory that elects a member of the House (:data:`US_TERRITORIES`)
    is read there too ("R-P.R.", "D-Guam")."""
    for reading in readings_of(name):
        if reading.iso2 == "US":
            return region(reading)
    if name in _TERRITORY_FORMS:
        return gazetteer().country(_TERRITORY_FORMS[name])
    key = normalise_place(name)
    for entry in gazetteer().candidates(key):
        if not own_name_is(entry, key):
            continue
        if (entry.iso2 == "US" and entry.feature_code == "ADM1") or (
            entry.iso2 in US_TERRITORIES and entry.feature_code == "PCLI"
        ):
            return entry
    return None


def party_tags(doc: Doc) -> list[tuple[Span, Entry]]:
    """Rule 14: the state of "Name, D-State" / "(R-St.)", with the US first-order region it
    names (the longest of the one or two words after the hyphen that names one, less a
    sentence's full stop: "R-Texas.")."""
    out = []
    for m in _PARTY_STATE.finditer(doc.text):
        words = m.group("name").split()
        for k in range(len(words), 0, -1):
            name = " ".join(words[:k])
            if name.endswith(".") and not readings_of(name) and name not in _TERRITORY_FORMS:
                name = name[:-1]  # a full stop, no abbreviation's
            state = party_state(name)
            if state is not None:
                span = doc.char_span(m.start("name"), m.start("name") + len(name))
                if span is not None:
                    out.append((span, state))
                break
    return out


def party_states(doc: Doc) -> list[Span]:
    """The spans of :func:`party_tags`."""
    return [span for span, _ in party_tags(doc)]


def party_state_of(span: Span, party: list[Span]) -> Span:
    """The state of a party tag the model took in with its initial ("D-Ga." GPE): the
    state alone, as rule 14 reads it; any other span as it is."""
    for state in party:
        inside = span.start <= state.start and state.end <= span.end
        if inside and span.start >= state.start - 2 and len(span) > len(state):
            return state
    return span


def without_party_states(spans: list[Span], party: list[Span]) -> list[Span]:
    """``spans`` less the states of party tags: a legislator's home state says nothing of
    where the story's other places are, so it is no evidence for the towns and
    abbreviations near it."""
    tags = {(s.start, s.end) for s in party}
    return [s for s in spans if (s.start, s.end) not in tags]
