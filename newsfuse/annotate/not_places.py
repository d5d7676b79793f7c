"""Spans that look like place names to the model but are none, each by a definition.

:mod:`newsfuse.annotate.place_spans` gathers candidate place spans; these tests take out
the ones that cannot be toponyms:

1. **A toponym is a proper name**: it has a capital letter ("meth", "n't" are common words
   or pieces of them, whatever label the model gave them).
2. **A name's head is a noun**: a span the gazetteer does not know whose last word is no
   noun ("the Golden Globe-nominated", an adjective) names nothing.
3. **A title of nobility before an unknown name** makes it a person's name ("King Bach"),
   as the titles of :mod:`newsfuse.annotate.place_spans` do; only for names the gazetteer
   does not know, since many places carry such a title ("Prince George", "King's Lynn").
4. **A capitalised "The" inside a sentence** starts the name of a work, a publication or
   an organisation ("a video by The Atlantic"): English writes "the" before a place in
   lower case unless it is part of the place's own name ("The Hague", "The Gambia"), which
   the gazetteer and country tables know. A place heading a longer name after it ("The
   Plymouth County Sheriff's Office") is left to the organisation rules.
5. **A place at the head of a publication's name** ("The New York Times", "the Los Angeles
   Times", "the Edmonton Journal") says where the paper is published, not where the news
   happens: a name our tables know as a news medium, or that ends with a masthead word.
6. **One sense per article, for the speakers too**: a name the gazetteer does not know
   that "said" or "reported" something anywhere in the article is a person or an
   organisation wherever it stands ("employed by Swissport" as well as "Swissport said").
7. **A surname is no small town**: a one-word name that is a word of a person's name in
   the same article ("Mayor Ryan Bingham" … "Bingham said") and that the gazetteer knows
   only as a populated place under ``MIN_POPULATION`` people is that person, as the
   threshold of :mod:`newsfuse.annotate.place_spans` holds small towns' names too often to
   be surnames.
8. **One sense per article, for times**: a name the gazetteer does not know that stands
   after "this", "last", "next" or "every" anywhere in the article ("this Easter") is a
   time, as news writes holidays and seasons, wherever it stands ("over Easter"); a place
   takes no such determiner unless it modifies a noun ("this Kfraya convoy").
9. **Page furniture is no place**: a name no table knows made only of the words with which
   pages label their media and links ("Buy Photo", "Photo:", "Video", "Image 1 of 9",
   "Gallery") is that label, whatever entity the model made of it.
10. **An initialism no table knows is no place**: a word of two to five capitals ("a BB
   gun", "UAMS", "LRPD") that neither the gazetteer nor the abbreviation tables place names
   a thing or an organisation; places' own initialisms ("UK", "NSW", "KY") are in them.
11. **A block's street is no town**: what follows "the 1500 block of" is a street, however
   the model labels it or whatever town shares its name ("the 4400 block of Lexington",
   "the 7700 block of Utica"): US police and news give addresses by hundred-blocks.
12. **A street's name is no town**: a name after a street's compass letters ("SE
   Fremont", "S. Harrison"), after "the intersection of", "the corner of" or "the crossing
   of", or joined by "and" or "&" to a street ("Wallace and 33rd Street", "Mathis and
   Prentice Street") names a street, as addresses are written, whatever town shares it.
13. **A street is no place to map**: a name no table knows that ends in "Street",
   "Avenue", "Boulevard", "Road", "Drive", "Lane" or "Parkway" (or their abbreviations:
   "Fremont Street", "Algonquin Parkway") is a street, for which no gazetteer point stands.
14. **A leader's name before the word for the office held is the leader**: "the Bush
   administration", "the Assad regime", "the Obama presidency" name a government by its
   head (a surname of our people table's office holders), whatever town shares the name.
15. **A heavenly body is no place on Earth**: a toponym names a place of the Earth's
   surface, and "on Mars", "from Earth", "the Moon" name the bodies themselves, whatever
   town took the name. News writes such a town with its state or country ("Mars, Pa.",
   "Earth, Texas") or files from it (the dateline "JUPITER (AP) —"), so the name is that
   town throughout an article that writes it so: after a comma, a region, a country or a
   region's abbreviation that holds a town of the name.
16. **A courtesy title is no place**: "Del." before a person's name is the AP Stylebook's
   abbreviation of Delegate, the title of a territory's or the District's member of the
   House ("Del. Eleanor Holmes Norton"), not Delaware, which stands after a town ("Dover,
   Del.") or in a party tag.

A party tag's state or territory ("R-P.R.", :func:`~newsfuse.annotate.written_places.party_tags`)
counts as known to the tables wherever they would not read its form alone: the tag says
what it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from newsfuse.annotate.dateline_spans import dateline_spans
from newsfuse.annotate.gazetteer import leader_surnames, name_key
from newsfuse.annotate.gazetteer import names as name_table
from newsfuse.annotate.written_places import party_states
from newsfuse.countries import iso3_of_iso2
from newsfuse.geo.abbreviations import readings_of
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import gazetteer
from newsfuse.geo.places import normalise_place

_NOBLE_TITLES = frozenset(
    "king queen prince princess duke duchess earl count countess baron baroness emperor "
    "empress sultan emir sheikh shah tsar czar".split()
)
_MASTHEAD_WORDS = frozenset(
    "times post herald tribune journal gazette chronicle inquirer examiner observer courier "
    "telegraph guardian independent bee dispatch register star sun globe mirror express "
    "standard sentinel enquirer picayune advertiser argus mercury leader-post newspaper "
    "magazine".split()
)
_SAYING = frozenset(
    "say said says tell told note noted notes explain explained explains add added adds "
    "ask asked asks write wrote writes report reported reports announce announced "
    "announces".split()
)
_NOUNS = frozenset({"PROPN", "NOUN", "NUM", "X"})
_FURNITURE_WORDS = frozenset(
    "buy photo photos image images video videos caption gallery file slideshow credit "
    "watch share".split()
)
_UPPER = re.compile(r"[A-Z]")
_INITIALISM = re.compile(r"[A-Z]{2,5}")
_TENURE = frozenset(
    "administration administrations regime government presidency era years cabinet "
    "doctrine camp aides".split()
)
_BODIES = frozenset("sun moon mercury venus earth mars jupiter saturn uranus neptune pluto".split())
_QUALIFIER = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)")
_BLOCK_OF = re.compile(
    r"\d[ \t-]*blocks?[ \t]+of[ \t]+(?:(?:[NSEW]|North|South|East|West)\.?[ \t]+)?\Z", re.I
)


def known(text: str) -> bool:
    """Whether our tables place ``text`` at all (a gazetteer entry or a country)."""
    info = lookup_place(text)
    return info.geonameid is not None or info.country is not None


def _small_town_only(key: str, min_population: int) -> bool:
    found = gazetteer().candidates(key)
    return bool(found) and all(
        e.feature_class == "P" and e.population < min_population for e in found
    )


def _qualified_town(core: Span, text: str) -> bool:
    """``core`` is followed by ", <region or country>" holding a town of its name
    ("Mars, Pa.", "Earth, Texas"); "Mars, China's agency said" holds none."""
    after = _QUALIFIER.match(text, core.end_char)
    if after is None:
        return False
    towns = [
        e for e in gazetteer().candidates(normalise_place(core.text)) if e.feature_class == "P"
    ]
    for words in (after.group(1), after.group(1).split()[0]):
        for reading in readings_of(words):
            iso2, _, sub = reading.subdivision.partition("-")
            if any(e.iso2 == iso2 and e.admin1 == sub for e in towns):
                return True
        info = lookup_place(words.rstrip("."))
        if info.kind == "region" and info.admin1:
            iso2, _, sub = info.admin1.partition(".")
            if any(e.iso2 == iso2 and e.admin1 == sub for e in towns):
                return True
        if info.kind == "country" and any(iso3_of_iso2(e.iso2) == info.country for e in towns):
            return True
    return False


def _heavenly_body(core: Span, text: str, towns: set[str]) -> bool:
    """Rule 15: ``core`` names a planet, the Sun or the Moon: no town of its name with
    its region after it here or elsewhere in the article (``towns``)."""
    if len(core) != 1 or core[0].lower_ not in _BODIES:
        return False
    return core[0].lower_ not in towns and not _qualified_town(core, text)


def _speaker(span: Span) -> bool:
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _SAYING


def _publication(org: Span, names: dict) -> bool:
    words = [t for t in org if not t.is_punct]
    if not words:
        return False
    entry = names.get(normalise_place(re.sub(r"^the\s+", "", org.text, flags=re.I)))
    if entry is not None and entry.kind == "org" and entry.sector == "JRN":
        return True
    return words[-1].lower_ in _MASTHEAD_WORDS


_TITLE_FORMS = frozenset({"Del."})
"""Region abbreviations that are also a title written before a name (rule 16)."""


def _courtesy_title(span: Span) -> bool:
    """Rule 16: ``span`` is a title's abbreviation before a person's name, after no comma."""
    doc = span.doc
    if span.text not in _TITLE_FORMS or span.end >= len(doc):
        return False
    before = doc[span.start - 1].text if span.start > 0 else ""
    if before == "," or before.endswith(("-", "–")):
        return False  # "Dover, Del.", "D-Del. Carper said": a town's or a member's state
    after = doc[span.end]
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "B"


def _the_title(span: Span) -> bool:
    """Rule 4: a capitalised "The" inside a sentence opens or precedes ``span``."""
    doc = span.doc
    the = span[0] if span[0].text == "The" else None
    if the is None and span.start > 0 and doc[span.start - 1].text == "The":
        the = doc[span.start - 1]
    if the is None or the.is_sent_start:
        return False
    if span.end < len(doc) and doc[span.end].is_title:
        return False  # a place heading a longer name: "The Plymouth County Sheriff's Office"
    if the.i > 0 and (doc[the.i - 1].is_punct and doc[the.i - 1].text in "\"“‘'(:"):
        return False  # a quotation or a heading may start its own sentence
    name = doc[the.i + 1 : span.end].text
    info = lookup_place(name)
    if info.kind == "country":
        return False
    return not gazetteer().candidates(normalise_place("the " + name))


def not_places(
    doc: Doc, spans: Iterable[tuple[Span, bool]], surnames: set[str], min_population: int
) -> list[tuple[Span, bool]]:
    """``spans`` less those rules 1–15 say are no places."""

    names = name_table()
    spans = list(spans)
    publications = [
        (e.start, e.end) for e in doc.ents if e.label_ == "ORG" and _publication(e, names)
    ]
    speakers = _unknown_speakers(doc, [s for s, _ in spans])
    times = _unknown_times(doc, [s for s, _ in spans])
    kept: list[tuple[Span, bool]] = []
    whole = doc.text  # spaCy builds it anew on each access
    towns = {  # rule 15: a body's name the article writes as a town is that town throughout
        s[-1].lower_ for s, _ in spans if s[-1].lower_ in _BODIES and _qualified_town(s[-1:], whole)
    }
    _, _, header = dateline_spans(whole)  # ...and so is the dateline's place ("JUPITER (AP)")
    towns.update(whole[a:b].lower() for a, b in header[:1])
    tags = {(s.start, s.end) for s in party_states(doc)}
    for span, model in spans:
        text = span.text
        if not _UPPER.search(text):
            continue  # rule 1
        core = span[1:] if span[0].lower_ == "the" and len(span) > 1 else span
        if core[-1].text in ("'s", "’s") and len(core) > 1:
            core = core[:-1]
        if _heavenly_body(core, whole, towns):
            continue  # rule 15
        is_known = known(core.text) or (span.start, span.end) in tags
        if not is_known:
            if core[-1].pos_ not in _NOUNS:
                continue  # rule 2
            if span.start > 0 and doc[span.start - 1].lower_ in _NOBLE_TITLES:
                continue  # rule 3
            if len(core) > 1 and core[0].lower_ in _NOBLE_TITLES:
                continue
            if normalise_place(core.text) in speakers:
                continue  # rule 6
            if normalise_place(core.text) in times:
                continue  # rule 8
            if all(t.lower_ in _FURNITURE_WORDS or not t.is_alpha for t in core):
                continue  # rule 9
            if len(core) == 1 and _INITIALISM.fullmatch(core.text):
                continue  # rule 10
            if len(core) > 1 and _STREET_NAME.search(core.text):
                continue  # rule 13
        if _BLOCK_OF.search(whole, max(0, span.start_char - 40), span.start_char):
            continue  # rule 11
        if (
            len(core) == 1
            and core.end < len(doc)
            and doc[core.end].lower_ in _TENURE
            and name_key(core.text) in leader_surnames()
        ):
            continue  # rule 14
        if _a_street(whole, span.start_char, span.end_char):
            continue  # rule 12
        if _the_title(span):
            continue  # rule 4
        if _courtesy_title(span):
            continue  # rule 16
        if any(a <= span.start and span.end <= b for a, b in publications):
            continue  # rule 5
        key = normalise_place(core.text)
        if len(core) == 1 and core[0].lower_ in surnames and _small_town_only(key, min_population):
            continue  # rule 7
        kept.append((span, model))
    return kept


_STREET = (
    r"(?:Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Road|Rd\.|Drive|Dr\.|Lane|Ln\.|Parkway"
    r"|Pkwy\.|Court|Ct\.|Place|Pl\.|Terrace|Trail|Way|Highway|Hwy\.|Pike|Circle)s?"
    r"(?![ \t]+[A-Z]|\w)"  # "St. Paul" is a saint's town, no street
)
_NAMED_STREET = r"(?:Street|Avenue|Ave\.|Boulevard|Blvd\.|Road|Rd\.|Drive|Lane|Parkway)s?\b"
_STREET_BEFORE = re.compile(
    r"(?:\b(?:NE|NW|SE|SW|[NSEW]\.)"
    r"|\b(?:intersection|corner|crossing)s?[ \t]+of(?:[ \t]+the)?"
    r"(?:(?:[ \t]+[\w.'’-]+){1,4}?[ \t]+(?:and|&))?"
    rf"|{_STREET}[ \t]+(?:and|&))[ \t]+\Z"
)
"""Before a street's name: its compass letters, "the intersection of" (or of another
street and "and"), or a street and "and" ("33rd Street and Wallace")."""
_STREET_AFTER = re.compile(
    rf"\A[ \t]+(?:{_NAMED_STREET}|(?:and|&)[ \t]+(?:[NSEW]\.?[ \t]+)?"
    rf"(?:[A-Z0-9][\w'’.-]*[ \t]+){{0,3}}{_STREET})"
)
"""After a street's name: a word for a street ("Capital Streets"), or "and" and a street
("Wallace and 33rd Street")."""


_STREET_NAME = re.compile(rf"[ \t]{_NAMED_STREET}\Z")


def _a_street(text: str, start: int, end: int) -> bool:
    """Rule 12: the name at ``start:end`` of ``text`` is a street's."""
    return bool(
        _STREET_BEFORE.search(text, max(0, start - 40), start)
        or _STREET_AFTER.match(text[end : end + 80])
    )


_TIME_DETERMINERS = frozenset({"this", "last", "next", "every"})


def _unknown_times(doc: Doc, spans: list[Span]) -> set[str]:
    """Rule 8: keys of unknown names that follow "this", "last", "next" or "every"
    somewhere in ``doc`` and end the phrase there ("this Easter.", not "this Kfraya
    convoy": a name that modifies a noun may be a place's)."""
    names = {re.sub(r"^the\s+", "", s.text.strip(), flags=re.I) for s in spans}
    out: set[str] = set()
    for name in names:
        if not name or known(name):
            continue
        pattern = r"(?i:\b(?:" + "|".join(_TIME_DETERMINERS) + r"))\s+(" + re.escape(name) + ")"
        for m in re.finditer(pattern + r"(?!\w)", doc.text):
            span = doc.char_span(m.start(1), m.end(1))
            if span is not None and (span.end == len(doc) or doc[span.end].pos_ not in _NOUNS):
                out.add(normalise_place(name))
                break
    return out


def _unknown_speakers(doc: Doc, spans: list[Span]) -> set[str]:
    """Rule 6: keys of unknown names that say something somewhere in ``doc``."""
    names = {s.text.strip() for s in spans}
    names = {re.sub(r"^the\s+", "", n, flags=re.I) for n in names}
    out: set[str] = set()
    for name in names:
        if not name or known(name):
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", doc.text):
            occurrence = doc.char_span(m.start(), m.end())
            if occurrence is not None and _speaker(occurrence):
                out.add(normalise_place(name))
                break
    return out
