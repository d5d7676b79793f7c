"""Actor and place mentions in a parsed article, with in-article coreference.

An entity (PERSON, ORG, GPE, NORP) is widened to the noun phrase it heads or
modifies when that phrase's head is a role word ("North Korean soldiers",
"Pentagon spokesman Major General Pat Ryder"); role phrases without a name
("paramedics", "the smuggling gang") are mentions too. A person's apposition
("Ri Chang Ho, a general ...") informs the resolution without joining the span.
Later short mentions take the resolution of the earlier full one: a surname
("Ryder"), "the North" after "North Korea", a bare repeat of an unresolved name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsfuse.annotate.actors import COMPASS_LETTERS, ActorResolver, ArticleContext
from newsfuse.annotate.dateline_spans import dateline_spans, header_abbreviation
from newsfuse.annotate.gazetteer import name_key, sector_words, singular_forms
from newsfuse.annotate.place_spans import place_spans
from newsfuse.annotate.written_places import party_tags
from newsfuse.geo.abbreviation_context import in_context
from newsfuse.geo.abbreviations import is_form
from newsfuse.geo.city_regions import city_or_region
from newsfuse.geo.compass import area_names, compass_key
from newsfuse.geo.compass_regions import place_compass_names
from newsfuse.geo.context import resolve_in_context
from newsfuse.geo.gazetteer import PlaceInfo, from_entry, lookup_place, placed_as
from newsfuse.geo.geonames import gazetteer
from newsfuse.geo.neighbourhoods import place_neighbourhoods
from newsfuse.geo.places import normalise_place
from newsfuse.geo.regions import regions
from newsfuse.geo.unplaced import keep_placed, place_inside
from newsfuse.model import Actor, ActorMention, PlaceMention

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DETERMINERS = frozenset(
    "the a an its their his her this that these those both all each either".split()
)
_REGION_TAIL = frozenset(
    {"region", "province", "oblast", "border", "district", "area", "governorate"}
)
_COUNTY_WORDS = frozenset({"County", "COUNTY", "Parish", "PARISH", "Co.", "CO."})
"""A word that, after a place the model found, may make it a county's name."""
_NORTH_SOUTH = re.compile(r"^(?:the\s+)?(north|south)$", re.I)
_NORTH_SOUTH_INSIDE = re.compile(r"\b(North|South)(?:'s|’s)?\b")


_CURRENCY_WORDS = frozenset(
    "$ £ € ¥ dollar dollars pound pounds euro euros yen yuan rupee rupees rouble roubles ruble "
    "rubles franc francs peso pesos shekel shekels dinar dinars riyal riyals lira".split()
)


def _currency_qualifier(ent: Span) -> bool:
    """ "US $50 million", "HK$", "Hong Kong dollars", "Canadian dollars": a name that says
    which currency an amount is in names no actor. Before a bare symbol only an
    abbreviation counts ("gave Israel $3 billion" names Israel)."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    following = doc[ent.end]
    if following.lower_ in _CURRENCY_WORDS - {"$", "£", "€", "¥"}:
        return True
    letters = ent.text.replace(".", "")
    return following.is_currency and letters.isupper() and len(letters) <= 3


_PATRON_PREFIXES = frozenset({"pro", "pro-", "anti", "anti-"})
_PATRON_SUFFIXES = frozenset(
    "backed sponsored funded supported allied aligned armed trained".split()
)


def _patron(ent: Span) -> bool:
    """ "pro-Iranian Hizbollah", "the Syrian-backed Amal militia": the nationality names
    who the actor sides with or is helped by, not an actor of the sentence."""
    doc = ent.doc
    words = ent.text.lower().replace("\u2010", "-").replace("\u2013", "-")
    if words.rstrip("-") in {"pro", "anti"}:
        return True
    before = [t.lower_ for t in doc[max(ent.start - 2, 0) : ent.start]]
    if before and (before[-1] in _PATRON_PREFIXES or "".join(before) in {"pro-", "anti-"}):
        return True
    after = doc[ent.end : ent.end + 2]
    return (
        len(after) == 2 and after[0].text in "-\u2010\u2013" and after[1].lower_ in _PATRON_SUFFIXES
    )


def _is_role(token_text: str) -> bool:
    table = sector_words()
    return any(form in table for form in singular_forms(name_key(token_text)))


def _trim(span: Span) -> Span:
    """Drop leading determiners and possessive pronouns from a span."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in _DETERMINERS:
        start += 1
    return span.doc[start : span.end]


def _titled(ent: Span) -> Span:
    """A person's name with the title words that modify it ("President Reagan" in
    "President Reagan's latest policy statement"), which say what office they hold."""
    doc, start = ent.doc, ent.start
    inside = range(ent.start, ent.end)
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in inside:
        if not _is_role(doc[start - 1].text):
            break
        start -= 1
    return doc[start : ent.end]


def _mass_force(token: Token) -> bool:
    """ "use force", "by force", "excessive force": the mass noun, no armed body ("the
    force", "a force of 300", "UN force" name one)."""
    return (
        token.lower_ == "force"
        and token.tag_ == "NN"
        and not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in token.children)
    )


def _chunk_of(doc: Doc) -> dict[int, Span]:
    return {token.i: chunk for chunk in doc.noun_chunks for token in chunk}


def _appositive(span: Span) -> str:
    """Text of an apposition or clause after a comma ("Ri Chang Ho, a general said to be ...")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return ""
    following = [
        c for c in span.root.children if c.i > span.end and c.dep_ in ("appos", "relcl", "acl")
    ]
    if not following:
        return ""
    return doc[span.end + 1 : max(c.right_edge.i for c in following) + 1].text


def _start(span: Span) -> int:
    return span.start


def _coordinated(chunk: Span, places: list[Span]) -> list[Span]:
    """Two or more nationalities or countries sharing one head ("Hungarian and Romanian officials").

    ``places`` are the doc's NORP and GPE entities in text order (found once per doc, not
    once per chunk; those inside the chunk are found by bisection, not by a scan).
    """
    ents = []
    for k in range(bisect_left(places, chunk.start, key=_start), len(places)):
        e = places[k]
        if e.start >= chunk.end:
            break
        if e.end <= chunk.end and e.root.i != chunk.root.i:
            ents.append(e)
    return ents if len(ents) > 1 and _is_role(chunk.root.text) else []


def _conjoined_org(ent: Span) -> bool:
    """An organisation coordinated with another name before a shared head: "Israeli and
    Hamas delegations" are Israeli delegations and Hamas delegations."""
    root = ent.root
    linked = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
    return ent.label_ == "ORG" and linked and root.head.i != root.i and root.dep_ != "ROOT"


def resolution_text(span: Span, extra: str) -> str:
    """What the resolver reads for a mention: its text, plus a shared head or an apposition."""
    if extra.startswith("+"):
        return f"{span.text} {extra[1:]}"
    return f"{span.text}, {extra}" if extra else span.text


def _actor_spans(doc: Doc) -> list[tuple[Span, str, str]]:
    """(span, label, extra context) for each candidate actor phrase, widest first, no overlaps.

    ``extra`` is an apposition to read with a person's name, or "+head" for one of
    several coordinated nationalities that share a head noun.
    """
    chunks = _chunk_of(doc)
    nations = [e for e in doc.ents if e.label_ in ("NORP", "GPE") or _conjoined_org(e)]
    found: list[tuple[Span, str, str]] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS or _currency_qualifier(ent) or _patron(ent):
            continue
        chunk = chunks.get(ent.root.i)
        span, extra = ent, _appositive(ent) if ent.label_ == "PERSON" else ""
        if ent.label_ == "PERSON":
            span = _titled(ent)
        covers = chunk is not None and chunk.start <= ent.start and chunk.end >= ent.end
        if covers and _coordinated(chunk, nations):
            extra = f"+{chunk.root.text}"
        elif covers and (chunk.root.i == ent.root.i or _is_role(chunk.root.text)):
            span = _trim(chunk)
        found.append((span, ent.label_, extra))
    for chunk in dict.fromkeys(chunks.values()):
        role = (
            _is_role(chunk.root.text)
            and chunk.root.pos_ in ("NOUN", "PROPN")
            and not _mass_force(chunk.root)
        )
        if (role and not _coordinated(chunk, nations)) or _NORTH_SOUTH.match(chunk.text):
            found.append((_trim(chunk), "NOUN", ""))
    found.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
    kept: list[tuple[Span, str, str]] = []
    last_end = -1
    for span, label, extra in found:
        if span.start >= last_end:
            kept.append((span, label, extra))
            last_end = span.end
    return kept


class _Antecedents:
    """The earlier, fuller mentions a short one can take its actor from ("Ryder" after
    "Pentagon spokesman Major General Pat Ryder", "the North" after "North Korea").

    The nearest earlier one wins. Found through indexes rather than by walking back over
    every earlier mention, which made a long article's actors quadratic in its mentions.
    """

    def __init__(self) -> None:
        self._north_south: dict[str, ActorMention] = {}
        # by last word: (minus length, mention), the nearest last, each longer than those
        # after it: a mention nearer and at least as long hides an earlier one for good
        self._by_last_word: dict[tuple[str, ...], list[tuple[int, ActorMention]]] = {}

    def add(self, mention: ActorMention) -> None:
        if not mention.actor.country:
            return
        full = mention.text.casefold()
        for word in ("north", "south"):
            if full.startswith(word + " "):
                self._north_south[word] = mention
        if " " in full and mention.label in ("PERSON", "ORG", "NOUN"):
            stack = self._by_last_word.setdefault(tuple(full.split()[-1:]), [])
            while stack and -stack[-1][0] <= len(full):
                stack.pop()
            stack.append((-len(full), mention))

    def find(self, text: str) -> Actor | None:
        """The actor of the nearest earlier mention that ``text`` refers back to."""
        ns = _NORTH_SOUTH.match(text) or _NORTH_SOUTH_INSIDE.search(text)
        if ns:
            mention = self._north_south.get(ns.group(1).casefold())
            if mention is None:
                return None
            return (
                Actor(text, mention.actor.country, None) if text != mention.text else mention.actor
            )
        folded = text.casefold()
        stack = self._by_last_word.get(tuple(folded.split()[-1:]), [])
        longer = bisect_left(stack, (-len(folded),))  # those longer than ``text``
        return stack[longer - 1][1].actor if longer else None


def find_actors(
    doc: Doc,
    resolver: ActorResolver,
    when: date | None,
    sentence_of: Callable[[int], int],
) -> list[ActorMention]:
    """Actor mentions in ``doc`` resolved in two passes: alone, then with the article's countries."""
    spans = _actor_spans(doc)
    first = [resolver.resolve(resolution_text(span, extra), when) for span, _, extra in spans]
    context = ArticleContext(Counter(a.country for a in first if a.country))
    mentions: list[ActorMention] = []
    antecedents = _Antecedents()
    for (span, label, extra), alone in zip(spans, first, strict=True):
        actor = alone
        if _NORTH_SOUTH.match(span.text):
            actor = antecedents.find(span.text) or Actor(span.text)
        elif alone.country is not None:
            actor = resolver.resolve(resolution_text(span, extra), when, context)
        else:
            ref = antecedents.find(span.text)
            actor = Actor(alone.name, ref.country, alone.sector or ref.sector) if ref else alone
        if extra and actor.name != span.text:
            actor = replace(actor, name=span.text)
        mention = ActorMention(
            span.start_char, span.end_char, span.text, actor, label, sentence_of(span.start_char)
        )
        mentions.append(mention)
        antecedents.add(mention)
    return [m for m in mentions if m.actor.country or m.actor.sector]


def _whole_name_start(doc: Doc, start: int, end: int) -> int:
    """Where a place name really starts: one capitalised word earlier when that word and
    the name together are the main name of a gazetteer place ("Western Australia", "New
    Mexico", "North America"), since the longer name is the place meant."""
    if start == 0 or end - start > 4:
        return start
    word = doc[start - 1]
    if not word.is_title or not word.is_alpha:
        return start
    key = normalise_place(doc[start - 1 : end].text)
    if key in regions() or any(normalise_place(e.name) == key for e in gazetteer().candidates(key)):
        return start - 1  # also a region of the region table: "West Midlands"
    return start


def _compass_letter(doc: Doc, start: int, end: int) -> tuple[int, PlaceInfo | None]:
    """A compass word cut to its letter before the name ("N Korea", "S Africa", "N Ireland",
    as headlines write them): the place is the whole name the letter abbreviates, where that
    is a country or region called exactly so ("N Ireland" is Northern Ireland)."""
    if end - start >= 2 and doc[start].text.rstrip(".") in COMPASS_LETTERS:
        letter = start  # the model took the letter in: "S Africa" as one entity
    elif start > 0 and doc[start - 1].text.rstrip(".") in COMPASS_LETTERS:
        letter = start - 1
    else:
        return start, None
    rest = doc[letter + 1 : end].text
    if not doc[letter].whitespace_ or not rest[:1].isupper():
        return start, None
    for word in COMPASS_LETTERS[doc[letter].text.rstrip(".")]:
        name = f"{word} {rest}"
        info = lookup_place(name)
        if info.kind in ("country", "region") and normalise_place(info.name) == normalise_place(
            name
        ):
            return letter, info
    return start, None


def _compass_area(doc: Doc, start: int, end: int) -> tuple[int, PlaceInfo | None]:
    """A compass name the model ended before the name of a continent, ocean or world area
    or its adjective ("the South East" of "the South East Asian city-state"): the name is
    that area, one word longer, not the bare compass region."""
    compass = compass_key(doc[start:end].text)
    if compass is None or end >= len(doc) or not (doc[end].is_title and doc[end].is_alpha):
        return end, None
    for name in area_names(compass, doc[end].text):
        info = lookup_place(name)
        if info.lat is not None and (info.kind in ("region", "sea") or info.feature_code == "CONT"):
            return end + 1, info
    return end, None


def find_places(
    doc: Doc,
    sentence_of: Callable[[int], int],
    dateline_place: str | None = None,
    dateline_country: str | None = None,
    home_country: str | None = None,
) -> list[PlaceMention]:
    """GPE, LOC and FAC entities, widened over "region"/"border region" and the like,
    resolved in the context of the article's other places, its dateline and the outlet's
    home country."""
    places: list[PlaceMention] = []
    spans = place_spans(doc)
    tagged = party_places(doc, spans, sentence_of)
    for ent, widen in spans:
        if any(p.start == ent.start_char for p in tagged):
            continue
        end = ent.end
        while widen and end < len(doc) and doc[end].lower_ in _REGION_TAIL:
            end += 1
        if end > ent.end and doc[end - 1].lower_ == "border":
            end -= 1  # "the Lebanon border" is Lebanon's; "the Kursk border region" a region
        if (
            widen
            and end < len(doc)
            and doc[end].text in _COUNTY_WORDS
            and lookup_place(doc[ent.start : end + 1].text).feature_code == "ADM2"
        ):
            end += 1  # "Plymouth" of "The Plymouth County Sheriff's Office"
        start = (
            ent.start - 1
            if ent.start > 0 and doc[ent.start - 1].lower_ == "the" and end > ent.end
            else ent.start
        )
        start = _whole_name_start(doc, start, end)
        start, abbreviated = _compass_letter(doc, start, end)
        end, area = _compass_area(doc, start, end)
        span = doc[start:end]
        info = abbreviated or area or lookup_place(span.text)
        places.append(_mention(span, info, sentence_of))
    places, header_end = _with_dateline(places, doc.text, sentence_of)
    places = _read_abbreviations(places, doc.text)
    places = resolve_in_context(
        places, doc.text, dateline_place, dateline_country, home_country, header_end
    )
    places = place_compass_names(places, dateline_country, home_country)
    places = city_or_region(places, doc.text)
    places = place_neighbourhoods(places, doc.text, dateline_place)
    places = place_inside(keep_placed(places, doc.text, header_end), doc.text)
    # a legislator's state is no evidence for the article's other names: it joins after
    return sorted([*places, *tagged], key=lambda p: p.start)


def party_places(
    doc: Doc, spans: list[tuple[Span, bool]], sentence_of: Callable[[int], int]
) -> list[PlaceMention]:
    """The states of the party tags that ``spans`` (:func:`place_spans`) keep as places
    (rule 14), each the US state the tag names ("Georgia" of "D-Georgia" is the state)."""
    kept = {(s.start_char, s.end_char) for s, _ in spans}
    out = []
    for span, state in party_tags(doc):
        if (span.start_char, span.end_char) not in kept:
            continue
        out.append(_mention(span, from_entry(state, span.text), sentence_of))
    return out


def _mention(span: Span, info: PlaceInfo, sentence_of: Callable[[int], int]) -> PlaceMention:
    """The place mention of ``span`` read as ``info`` (a gazetteer reading)."""
    return PlaceMention(
        span.start_char, span.end_char, span.text, info.name, info.country, info.kind,
        info.admin1, info.lat, info.lon, sentence_of(span.start_char),
        info.geonameid, info.feature_class, info.feature_code,
    )  # fmt: skip


def _with_dateline(
    places: list[PlaceMention], text: str, sentence_of: Callable[[int], int]
) -> tuple[list[PlaceMention], int]:
    """``places`` with those of the dateline header near the start of ``text`` (see
    :mod:`newsfuse.annotate.dateline_spans`) in place of what the model found inside it,
    and where that header ends (0: none)."""
    header_start, header_end, spans = dateline_spans(text)
    if not spans:
        return places, 0
    kept = [p for p in places if p.end <= header_start or p.start >= header_end]
    found = []
    for n, (start, end) in enumerate(spans):
        name = text[start:end]
        info = lookup_place(name)
        region = header_abbreviation(name, text[spans[0][0] : spans[0][1]]) if n else None
        if region is not None and info.kind != "country" and info.feature_code != "ADM1":
            info = from_entry(region, name)  # a qualifier is a region: "Mo" is no town here
        found.append(
            PlaceMention(
                start, end, name, info.name, info.country, info.kind, info.admin1, info.lat,
                info.lon, sentence_of(start), info.geonameid, info.feature_class,
                info.feature_code,
            )
        )  # fmt: skip
    return [*found, *kept], header_end


def _read_abbreviations(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Region abbreviations read by the places next to them ("Perth, WA", "Winnipeg, Man.",
    "Tasmania or the ACT"): each becomes the first-order region it names there."""
    out = list(places)
    for i, p in enumerate(places):
        if not is_form(p.text):
            continue
        before = (places[i - 1].text, text[places[i - 1].end : p.start]) if i > 0 else None
        after = (
            (places[i + 1].text, text[p.end : places[i + 1].start]) if i + 1 < len(places) else None
        )
        entry = in_context(p.text, before, after)
        if entry is None:
            continue
        info = from_entry(entry, p.text)
        out[i] = placed_as(p, info, rename=True)
    return out
