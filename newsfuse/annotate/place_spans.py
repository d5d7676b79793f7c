"""Which spans of a parsed article name places, beyond the model's GPE/LOC/FAC entities.

spaCy's small English model often labels a place by the company it keeps: "Edmonton
needs to start eating its vegetables" (ORG), "the Cairns police force" (PERSON), "from
Aleppo" (NORP), and it gives a place inside an organisation's name no entity of its own
("Kentucky State Police", "the University of Manitoba"). It also takes unknown surnames
for places ("Oudshoorn said"). The rules, each by definition:

1. **A name that is a place**: an entity of another label (ORG, PERSON, NORP, PRODUCT,
   LANGUAGE, EVENT, WORK_OF_ART) whose whole text (less "the" and a possessive) is a
   country, a first-order region, a populated place of at least ``MIN_POPULATION``
   people called so by its main GeoNames name, or an airport by a name that says it is
   one ("Macdonald-Cartier International Airport", ORG), and which our actor tables do
   not know as a person or organisation. A PERSON entity after a title or
   role word ("Mr", "coach") stays a person.
2. **A place at the head of an organisation's name**: the longest run of leading words
   of an ORG entity that is a place by rule 1, or a county ("Metcalfe County Coroner's
   Office"), followed by more words ("Kentucky State Police", "Oxford Police",
   "Texas A&M University"), or a town of any size before a word of a town's own
   services ("Aransas Pass Police Department", "Roy Fire Chief": police and fire
   departments, sheriffs, mayors and councils are named for their town); and a county at
   the head of a name the model took for a place as a whole though it is none
   ("Metcalfe County Sheriff's Office", FAC).
3. **A place after "of" in an organisation's name**: "the University of Manitoba",
   "the Coptic Orthodox Church of Alexandria", the longest place right after any "of"
   ("the University of Michigan Center for Computer Security"); or after a
   broadcaster's initials ("CBC Toronto", "CTV Edmonton"). Rules 2 and 3 read an
   event's name as they read an organisation's: an event named for where it is held
   ("the Venice International Film Festival", EVENT) names that place.
4. **One sense per article**: a name the article names as a place elsewhere (rules
   above, the model, or the dateline: "TORRINGTON —" … "Torrington businesses") is a
   place wherever else it stands as a whole entity of another label or as capitalised
   words outside every entity; a name written in capitals, as datelines write it, also
   where it is written in title case.
5. **A person is no place**: a GPE/LOC/FAC entity that begins with or follows a title or
   role word ("Ms Raggi", "coach Darren Ripley") or a person's initial ("B Lima", "H Paul"
   in a team sheet: a lone capital tagged a proper noun, not N, S, E or W, which abbreviate
   compass words before places: "S Korea"; "St." and "Saint" only where the whole
   name is no gazetteer place, for they open place names: "St. Louis", "Saint John"), or that is the surname of a PERSON
   entity of the same article ("Oudshoorn" after "Abe Oudshoorn"), the subject of a
   verb of saying ("Oudshoorn said") or written after an age ("17-year-old Dontay
   Jordan": news gives people's ages) while no table knows it as a place, is dropped.
6. **A region's abbreviation next to a place** (:mod:`newsfuse.geo.abbreviations`): a
   state or province abbreviation that qualifies a place after a comma ("Louisville,
   KY", "Melville, Sask.") or stands in a list next to a first-order region of its
   country ("in Tasmania or the ACT") is a place, though the model gave it no entity.
7. **A town before a region's abbreviation**: "Wainwright, Alta." names a town of
   Alberta when a populated place of that name lies there, whatever entity the model
   made of "Wainwright" (here PERSON) or of its pieces ("ST" and "LOUIS" of "ST. LOUIS,
   Mo."): a town, a comma and a dotted state or province abbreviation is how news writes
   where a town is.
8. **A name cut short after an abbreviation**: a place entity of the model that ends in
   an abbreviation ("Fort St.", then "John" as PERSON) is widened over the one or two
   capitalised words after it that make it a gazetteer name ("Fort St. John"): "St.",
   "Mt." and the like open names, they do not end them.
9. **A person's name the model split**: a one-word PERSON entity right before a one-word
   place entity, a space between ("Barry" PERSON, "Washington" GPE), is one person's given
   name and surname, as English puts no place right after a given name without a word or
   a comma between; neither is a place, and the surname is the person's elsewhere in the
   article too. A known place written as the surname of a person the article names in full
   is that person where it is possessive or says something ("Washington's death", "Brown
   said"), as news refers back to a named person by surname.
10. **A county written as one** (with rule 12 in :mod:`newsfuse.annotate.written_places`): capitalised words ending in "County" or "Parish" that
   name a GeoNames second-order region ("The Gwinnett County Police Department") are
   that county where the model made no place of them; and a county heading a model
   place entity is kept even where the whole name says something ("The Stafford County
   Sheriff's Office said"), for rule 5 reads the office, not the county.
11. **Towns of the article's own state** (:mod:`newsfuse.annotate.state_towns`): "Rock
   Falls teen", "his Dixon-based therapist" where the article is set in Illinois for sure.
12. **A neighbourhood written as one**: capitalised words between "the" and
   "neighborhood" or "community" ("in the Penrose neighborhood", "the Olde Towne East
   neighbourhood", "the Creekwood community")
   name a part of a town, whatever entity the model made of them, unless they are a
   people's name ("the Jewish neighborhood", NORP); :mod:`newsfuse.geo.neighbourhoods`
   places them at the article's city.
13. **A name the model cut short or split**: a place entity and the capitalised words
   before it (or a place entity of their own: "New South" LOC, "Wales" GPE) are one place
   where the whole is a gazetteer name ("New South Wales"), as a name is the longest run
   of its words.
14. **A legislator's state**: "Sen. Tom Harkin, D-Iowa", "(R-N.Y.)": AP style gives a US
   legislator's party initial, a hyphen and the state represented, which the model rarely
   makes an entity of; the state, no evidence for where the article's other places are
   (:func:`newsfuse.annotate.written_places.party_tags`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsfuse.annotate.dateline_spans import dateline_spans
from newsfuse.annotate.gazetteer import names
from newsfuse.annotate.not_places import not_places
from newsfuse.annotate.state_towns import state_towns
from newsfuse.annotate.written_places import (
    LEADING_THE,
    POSSESSIVE,
    party_state_of,
    party_states,
    place_key,
    without_party_states,
    written_counties,
    written_neighbourhoods,
)
from newsfuse.geo.abbreviation_context import next_to_place
from newsfuse.geo.abbreviations import form_pattern, read_abbreviation
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import gazetteer, own_name_is

MIN_POPULATION = 50_000
"""Populated places smaller than this are not taken from an entity of another label: the
names of small towns are too often also surnames and common words ("Alliance", "Green")."""
SAINT_TOWN = 15_000
"""A name opening with "St." or "Saint" that the model took for a place is one when a town
of this many people has the name (GeoNames' own cut for its ``cities15000`` file)."""
_DEDICATED_TO_SAINTS = frozenset(
    "church cathedral basilica chapel abbey monastery convent parish shrine feast day order "
    "school college hospital".split()
)
_POSITION_WORDS = frozenset(
    "north south east west northern southern eastern western central upper lower middle "
    "coast coastal lakes metro metropolitan".split()
)
"""Single words that name first-order regions somewhere ("Central", "Southern") but in an
organisation's name say where in general ("Southern Poverty Law Center", "Louisville
Metro Police")."""
_OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "LANGUAGE", "EVENT", "WORK_OF_ART"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAMED_FOR_PLACES = frozenset({"ORG", "EVENT"})
"""Labels of names that rules 2 and 3 read for a place: an organisation's or an event's
("the Venice International Film Festival", "the Battle of Mosul")."""
_TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady coach chief officer sergeant sgt "
    "sgt. detective constable judge justice senator sen. rep. representative governor gov. "
    "mayor councillor councilor sheriff deputy president minister premier professor prof. "
    "reverend rev. father pastor pope saint st. apostle".split()
)
_SAINT = frozenset({"st.", "st", "saint"})
"""Title words that also open place names ("St. Louis", "Saint John")."""
_SAYING = frozenset(
    "say said says tell told told note noted notes explain explained explains add added adds "
    "ask asked asks write wrote writes".split()
)
_COUNTY = re.compile(r"^(?:[A-Z][\w.'-]*\s+){1,3}(?:County|Parish|Co\.)$")
_AGE_BEFORE = re.compile(r"\b\d+-year-old[ \t]+\Z")
"""An age right before a name ("17-year-old Dontay Jordan"): news gives people's ages."""
_MUNICIPAL_SERVICES = frozenset(
    "police fire sheriff sheriff's sheriff’s mayor council township village borough schools".split()
)
"""Words after a name that make an organisation a town's own service ("Aransas Pass Police
Department", "Roy Fire Department", "Overland City Council"): its head is the town."""
_COURTS = frozenset({"crown", "magistrates", "coroner", "coroners"})
"""Words that, with "Court" after them, make an organisation a town's court ("Wood Green
Crown Court", "Bromley Magistrates' Court", "Chippenham Coroner's Court": England's
courts are named for the town they sit in)."""
_INITIALS = re.compile(r"^[A-Z]{2,5}$")
_WORDS_BEFORE_COMMA = re.compile(r"((?:[A-Z][\w'.-]*[ \t]+){0,2}[A-Z][\w'-]*)[ \t]*,[ \t]*$")


def _actor_name(key: str) -> bool:
    entry = names().get(key)
    return entry is not None and entry.kind in ("person", "org")


def is_place_name(text: str) -> bool:
    """Rule 1's test: a country, first-order region, a populated place of at least
    ``MIN_POPULATION`` people by its main name, or an airport by a name ending in
    "Airport", that is no known person or organisation. A town's name takes no "the"
    unless the town's own name has it ("The Hague"): "the Union" of "the State of the
    Union" is no town called Union."""
    key = place_key(text)
    if not key or _actor_name(key):
        return False
    the = bool(LEADING_THE.match(text.strip()))
    info = lookup_place(POSSESSIVE.sub("", text.strip()))
    if info.kind == "country" and info.geonameid is not None:
        return True
    if key in _POSITION_WORDS:
        return False
    for e in gazetteer().candidates(key):
        if e.feature_code in ("PCLI", "ADM1", "ADM2"):
            return True
        if the and e.feature_class == "P":
            continue
        if own_name_is(e, key) and e.population >= MIN_POPULATION:
            return True
        if e.feature_code == "AIRP" and key.endswith(" airport"):
            return True
    return False


def is_town_name(text: str) -> bool:
    """A populated place of any size by its main name, no known person or organisation."""
    key = place_key(text)
    if not key or _actor_name(key) or key in _POSITION_WORDS:
        return False
    return any(e.feature_class == "P" and own_name_is(e, key) for e in gazetteer().candidates(key))


def _is_county(text: str) -> bool:
    return bool(_COUNTY.match(LEADING_THE.sub("", text)))


def _strip(span: Span) -> Span:
    """``span`` less a leading "the" and a trailing possessive token."""
    start, end = span.start, span.end
    doc = span.doc
    if start < end and doc[start].lower_ == "the":
        start += 1
    if end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def _saint_place(text: str) -> bool:
    """Whether a name opening with "St." or "Saint" is a place rather than a saint: a
    country or first-order region, or a populated place of ``SAINT_TOWN`` people or more
    ("St. Louis", "St. Thomas"), by the whole name; a saint's name is also that of many a
    hamlet ("St. Peter", Minnesota) and of churches ("the church of St. Peter")."""
    info = lookup_place(text)
    if info.geonameid is None:
        return False
    return info.feature_class == "A" or (info.population or 0) >= SAINT_TOWN


def _dedicated(span: Span) -> bool:
    """Whether ``span`` follows "of" after a word for what is dedicated to a saint ("the
    church of St. Peter and St. Paul", "the Feast of St. Francis"), the first name's or
    the one it is coordinated with."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and (doc[i].lower_ in ("and", "&", ",") or doc[i].ent_type_):
        i -= 1  # back over "St. Peter and" to the "of" before the first saint
        if i < span.start - 8:
            return False
    return i > 0 and doc[i].lower_ == "of" and doc[i - 1].lemma_.lower() in _DEDICATED_TO_SAINTS


def _after_title(span: Span) -> bool:
    doc = span.doc
    first = _strip(span)
    if len(first) and first[0].lower_ in _TITLES and len(first) > 1:
        return not (first[0].lower_ in _SAINT and _saint_place(first.text) and not _dedicated(span))
    return span.start > 0 and (
        doc[span.start - 1].lower_ in _TITLES or _initial(doc[span.start - 1])
    )


_INITIAL = re.compile(r"^[A-Z]$")
_NO_INITIALS = frozenset("NSEWAI")
"""N, S, E, W abbreviate compass words before places ("N Ireland", "S Korea"); "A" and "I"
are words."""


def _initial(token: Token) -> bool:
    """A person's initial: a lone capital letter with no full stop, tagged a proper noun ("H
    Paul", "B Lima" in a team sheet); not a compass abbreviation, not "A" or "I". A dotted
    letter may end a sentence ("Plan B. London officials said"), so it is none."""
    return (
        bool(_INITIAL.match(token.text))
        and token.text[0] not in _NO_INITIALS
        and token.pos_ == "PROPN"
        and token.whitespace_ != ""
        and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].is_sent_start)
    )  # "Plan B. London officials said": the letter ends a sentence


def _a_court(core: Span, n: int) -> bool:
    """Whether ``core`` goes on after its first ``n`` words as a court's name: a word of
    :data:`_COURTS`, perhaps a possessive, then "Court"."""
    if core[n].lower_ not in _COURTS:
        return False
    after = [t.lower_ for t in core[n + 1 : n + 3] if t.text not in ("'s", "’s", "'", "’")]
    return after[:1] == ["court"]


def _inside_org(ent: Span) -> list[Span]:
    """Rules 2 and 3: the places an ORG entity's name holds."""
    core = _strip(ent)
    out: list[Span] = []
    words = len(core)
    for n in range(min(words - 1, 4), 0, -1):
        head = core[:n]
        if head[-1].is_punct:
            continue
        if (
            is_place_name(head.text)
            or _is_county(head.text)
            or (
                (core[n].lower_ in _MUNICIPAL_SERVICES or _a_court(core, n))
                and is_town_name(head.text)
            )
        ):
            out.append(head)
            break
    for of in (t.i for t in core if t.lower_ == "of"):
        # "the University of Manitoba", and "the University of Michigan Center for ..."
        for end in range(min(core.end, of + 5), of + 1, -1):
            after = core.doc[of + 1 : end]
            if after[-1].is_punct or (end < core.end and core.doc[end].text in ("-", "'s")):
                continue
            if is_place_name(after.text) or _is_county(after.text):
                out.append(after)
                break
    if words >= 2 and _INITIALS.match(core[0].text) and is_place_name(core[1:].text):
        out.append(core[1:])
    return out


def _joined_places(doc: Doc) -> list[Span]:
    """The model's entities, a place entity widened to the left over the capitalised
    words before it (or a place entity of its own, "New South" LOC) where the whole is a
    name the gazetteer knows (rule 13): "New South Wales", which the model reads as
    "Wales" after two words, or as two places. A name is the longest run of its words."""
    out: list[Span] = []
    for e in doc.ents:
        if e.label_ in _PLACE_LABELS:
            e = _widened_left(doc, e, out[-1] if out else None)
            while out and out[-1].start >= e.start:
                out.pop()  # a piece of the name widened over
        out.append(e)
    return out


_MAX_LEFT_WORDS = 3


def _widened_left(doc: Doc, ent: Span, before: Span | None) -> Span:
    for k in range(max(0, ent.start - _MAX_LEFT_WORDS), ent.start):
        words = doc[k : ent.start]
        if not all(t.is_alpha and (t.is_title or t.is_upper) for t in words):
            continue
        if any(t.ent_type_ and t.ent_type_ not in _PLACE_LABELS for t in words):
            continue
        if before is not None and before.start < k < before.end:
            continue  # the name would cut another place in two
        if doc[ent.start - 1].whitespace_ and is_place_name(doc[k : ent.end].text):
            return Span(doc, k, ent.end, label=ent.label_)
    return ent


def _cut_short(ent: Span) -> Span | None:
    """Rule 8: a model place entity that ends in an abbreviation that opens names ("Fort
    St." before "John", the model's PERSON), widened over the capitalised words after it
    that make it a gazetteer name ("Fort St. John")."""
    if not ent[-1].text.endswith(".") or lookup_place(ent.text).geonameid is not None:
        return None
    doc = ent.doc
    end = ent.end
    while end < len(doc) and end - ent.end < 2 and doc[end].is_title:
        end += 1
        if lookup_place(doc[ent.start : end].text).geonameid is not None:
            return doc[ent.start : end]
    return None


def _county_head(ent: Span) -> Span | None:
    """Rule 2 for a model place entity that is no place as a whole: its leading words
    that name a county ("Metcalfe County" of "Metcalfe County Sheriff's Office")."""
    core = _strip(ent)
    info = lookup_place(ent.text)
    if len(core) < 3 or info.geonameid is not None or info.country is not None:
        return None
    for n in range(min(len(core) - 1, 4), 1, -1):
        head = core[:n]
        if _is_county(head.text) and lookup_place(head.text).feature_code == "ADM2":
            return head
    return None


def _person_like(ent: Span, surnames: set[str]) -> bool:
    """Rule 5 for one GPE/LOC/FAC entity."""
    if _after_title(ent):
        return True
    info = lookup_place(ent.text)
    if info.geonameid is not None or info.country is not None:
        return False
    core = _strip(ent)
    if not len(core):
        return False
    before = ent.doc[max(0, ent.start - 6) : ent.start].text_with_ws
    if core[-1].lower_ in surnames or _AGE_BEFORE.search(before):
        return True
    root = core.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _SAYING


def _surnames(doc: Doc, split: Sequence[tuple[Span, Span]] = ()) -> set[str]:
    """Every word of the article's PERSON entities of two words or more ("Jenny Palma"), and
    of the names rule 9 joins."""
    words = {
        t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 for t in e if t.is_alpha
    }
    return words | {e[0].lower_ for pair in split for e in pair}


def _split_names(doc: Doc) -> list[tuple[Span, Span]]:
    """Rule 9: (given name, surname) entity pairs of one person's name the model split."""
    ents = doc.ents
    return [
        (a, b)
        for a, b in pairwise(ents)
        if a.label_ == "PERSON"
        and b.label_ in _PLACE_LABELS
        and len(a) == 1
        and len(b) == 1
        and b.start == a.end
        and a[0].whitespace_ == " "
        and a[0].is_title
        and b[0].is_title
    ]


def _family_names(doc: Doc, split: list[tuple[Span, Span]]) -> set[str]:
    """The last word of each full name of a person in the article (rule 9)."""
    last = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    return last | {b[0].lower_ for _, b in split}


def _surname_use(ent: Span, family: set[str]) -> bool:
    """Rule 9's second half: a one-word known place that is a person's family name in this
    article, possessive or the subject of a verb of saying."""
    core = _strip(ent)
    if len(core) != 1 or core[0].lower_ not in family:
        return False
    doc = ent.doc
    possessive = core.end < len(doc) and doc[core.end].text in ("'s", "’s")
    root = core.root
    return possessive or (root.dep_ == "nsubj" and root.head.lemma_.lower() in _SAYING)


def _a_person(span: Span, surnames: set[str]) -> bool:
    """Rule 5's tests that hold whatever the name: a title before it, a word of a person's
    name in the same article, the subject of a verb of saying."""
    core = _strip(span)
    if not len(core) or _after_title(span):
        return True
    if len(core) == 1 and core[0].lower_ in surnames:
        return True
    root = core.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _SAYING


def _free(spans: Iterable[Span], taken: list[tuple[int, int]]) -> list[Span]:
    out = []
    for s in spans:
        if not any(s.start < b and a < s.end for a, b in taken):
            out.append(s)
            taken.append((s.start, s.end))
    return out


def place_spans(doc: Doc) -> list[tuple[Span, bool]]:
    """The spans of ``doc`` that name places, in text order, each with whether it is one of
    the model's own place entities (which annotation widens over "region" and the like)."""
    split = _split_names(doc)
    in_names = {e.start for pair in split for e in pair}
    surnames = _surnames(doc, split)
    family = _family_names(doc, split)
    model: list[Span] = []
    party = party_states(doc)
    for e in _joined_places(doc):
        if e.label_ not in _PLACE_LABELS or e.start in in_names:
            continue
        head = _county_head(e)  # a county heads the name whoever speaks
        if head is not None:
            model.append(head)
        elif not _person_like(e, surnames) and not _surname_use(e, family):
            model.append(party_state_of(_cut_short(e) or e, party))  # "D-Ga." GPE
    taken = [(e.start, e.end) for e in model]
    added: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in _OTHER_LABELS or ent.start in in_names:
            continue
        core = _strip(ent)
        wider = doc[ent.start : ent.end + 1] if ent.end < len(doc) else None
        if (
            ent.label_ == "NORP"
            and wider is not None
            and wider[-1].is_title
            and is_place_name(wider.text)
        ):  # "British Columbia"
            added += _free([wider], taken)
        elif len(core) and is_place_name(core.text):
            if not _a_person(ent, surnames):
                added += _free([core], taken)
        elif ent.label_ in _NAMED_FOR_PLACES:
            added += _free(_inside_org(ent), taken)
    dateline = _dateline_place(doc.text)
    again = [
        s for s in _same_names(doc, model + added, dateline)
        if not _a_person(s, surnames)
    ]  # fmt: skip
    added += _free(again, taken)
    towns = _towns_before_abbreviations(doc, model + added)
    pieces = [m for m in model if any(t.start <= m.start and m.end <= t.end for t in towns)]
    if pieces:  # "ST" and "LOUIS" of "ST. LOUIS, Mo.": the town is the whole name
        model = [m for m in model if m not in pieces]
        taken = [(a, b) for a, b in taken if not any(t.start <= a and b <= t.end for t in towns)]
    added += _free(towns, taken)
    added += _free(written_counties(doc), taken)
    added += _free(written_neighbourhoods(doc), taken)
    added += _free(party, taken)
    added += _free(state_towns(doc, without_party_states(model + added, party), dateline), taken)
    added += _free(_abbreviations(doc, without_party_states(model + added, party)), taken)
    spans = [(s, True) for s in model] + [(s, False) for s in added]
    spans = not_places(doc, spans, surnames, MIN_POPULATION)
    return sorted(spans, key=lambda pair: pair[0].start)


def _dateline_place(text: str) -> str | None:
    """The place of the dateline header that opens ``text`` ("TORRINGTON"), if any."""
    _, _, spans = dateline_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else None


def _same_names(doc: Doc, places: list[Span], dateline: str | None = None) -> list[Span]:
    """Rule 4: other occurrences of the names found as places, and of the dateline's
    place; a name in capitals (as datelines write it) also where it is not."""
    names = {_strip(p).text for p in places if len(_strip(p))}
    if dateline:
        names.add(dateline)
    names = {n for n in names if n[:1].isupper() and not _actor_name(place_key(n))}
    if not names:
        return []
    in_ent = {}
    for e in doc.ents:
        for i in range(e.start, e.end):
            in_ent[i] = e
    out = []
    for n in sorted(names, key=len, reverse=True):
        capitals = n.isupper() and len(n) > 3
        pattern = re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.I if capitals else 0)
        for m in pattern.finditer(doc.text):
            if capitals and (m.group().isupper() or not m.group()[:1].isupper()):
                continue  # "TORRINGTON" itself, or "torrington" in lower case
            span = doc.char_span(m.start(), m.end())
            if span is None:
                continue
            ents = {in_ent.get(i) for i in range(span.start, span.end)}
            if ents == {None}:
                out.append(span)
            elif len(ents) == 1:
                e = ents.pop()
                if e is not None and e.label_ in _OTHER_LABELS and _strip(e).text == m.group():
                    out.append(span)
    return out


def _towns_before_abbreviations(doc: Doc, places: list[Span]) -> list[Span]:
    """Rule 7: "Wainwright, Alta.": capitalised words, a comma and the abbreviation of a
    first-order region with a dot name a town in that region (how news writes a town
    and its state or province), when a populated place of that name lies there, whatever
    entity the model made of the words."""
    out = []
    text = doc.text  # spaCy builds it anew on each access
    for m in form_pattern().finditer(text):
        if "." not in m.group():
            continue
        words = _WORDS_BEFORE_COMMA.search(text, max(0, m.start() - 120), m.start())
        if words is None:
            continue
        tokens = words.group(1).split()
        for n in range(len(tokens), 0, -1):
            name = " ".join(tokens[-n:])
            region = read_abbreviation(m.group(), name)
            if region is None or not any(
                e.feature_class == "P" and (e.iso2, e.admin1) == (region.iso2, region.admin1)
                for e in gazetteer().candidates(name)
            ):
                continue
            town = doc.char_span(words.end(1) - len(name), words.end(1))
            if town is not None and not any(
                p.start <= town.start and town.end <= p.end for p in places
            ):
                out.append(town)
            break
    return out


def _abbreviations(doc: Doc, places: list[Span]) -> list[Span]:
    """Rule 6: region abbreviations that qualify a place or stand in a list with a region."""
    spans = sorted(places, key=lambda s: s.start_char)
    out = []
    for m in form_pattern().finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or any(p.start < span.end and span.start < p.end for p in spans):
            continue
        before = [p for p in spans if p.end_char <= m.start()]
        after = [p for p in spans if p.start_char >= m.end()]
        near_before = (
            (before[-1].text, doc.text[before[-1].end_char : m.start()]) if before else None
        )
        near_after = (after[0].text, doc.text[m.end() : after[0].start_char]) if after else None
        if next_to_place(m.group(), near_before, near_after) is not None:
            out.append(span)
    return out
