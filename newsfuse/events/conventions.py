"""PLOVER's conventions for who and whom, where the parse alone gets them wrong.

An actor is not its own target, but a mutual act lists every party on both sides; a
sanction or demand may be aimed at a country named further on in its clause; a
protest with no target is against the first actor named after it. Where the event
happened (:func:`event_location`) and the countries of its sentence place actors named
by role only (:func:`domestic_sides`), and where nobody is named the place stands for its
people (:func:`located_sides`); international bodies take no country.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsfuse.events.actor_phrases import dedupe, mentions_with_starts
from newsfuse.events.context import ArticleContext
from newsfuse.events.recast import FORCEFUL_TYPES
from newsfuse.events.syntax import (
    LOCATIVE_PREPS,
    POSSESSIVE_PRONOUNS,
    subject_of,
    subtree_span,
    verb_of,
)
from newsfuse.model import EventActor

MATERIAL_TYPES = frozenset(
    {
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "SANCTION",
        "PROTEST",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
        "FIGHT",
    }
)
"""Acts, not words: where one happens says whose people did it and to whom (a meeting in
Geneva says nothing of who met)."""

SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "FIGHT"})
"""Mutual acts: when several parties do one together, each is on both sides."""

SIGNING_TRIGGERS = frozenset({"sign", "ratify", "signing", "ratification"})
"""Signing or ratifying an agreement (PLOVER SUPPORT, "sign or ratify an agreement"), done
by several parties together ("Israel and Hamas signed a ceasefire"), is as mutual as their
agreeing: each is on both sides."""

RECIPROCAL_TRIGGERS = frozenset(
    "meet visit talk talks meeting negotiate negotiation discuss consult telephone summit "
    "cooperate collaborate cooperation share".split()
)
"""Reciprocal acts: "X telephoned Y" is "X and Y spoke", so each party is on both sides
(PLOVER's SRC/TAR), as for "X and Y agreed". Hosting, receiving, welcoming, mediating are
not reciprocal: the host and the guest, the mediator and the parties, differ."""

REACH_TYPES = frozenset({"SANCTION", "DISAPPROVE", "DEMAND", "AID", "THREATEN"})
"""Types whose target country may sit further in the clause ("sanctions on nine people over
their support to North Korea"), when the direct target names no country."""

DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "FIGHT"})
"""Acts a country's people, police or armed groups do to its own people: where only the
place names a country, it stands for both sides ("a bomb outside Basra", Iraq to Iraq)."""


def _actor_key(actor: EventActor) -> tuple[str | None, ...]:
    """Who an actor is: a country named alone is the country, whatever its name ("the DPRK",
    "North Korea"); anyone else is also their words (Boeing and Lockheed are two US firms)."""
    if actor.country and not actor.sector:
        return (actor.country,)
    return (actor.country, actor.sector, actor.text.lower())


def not_self(
    source: tuple[EventActor, ...],
    target: tuple[EventActor, ...],
    event_type: str,
    mutual: bool = False,
) -> tuple[EventActor, ...]:
    """PLOVER codes what one actor does to another: an actor is not its own target (a
    "cooperation" of the DPRK with the DPRK is a misread partner). A mutual act between
    several parties lists each on both sides; a domestic protest or repression is aimed at
    the country's own people (:func:`domestic_sides`, after this). ``mutual``: the act is
    mutual though its type is not (a joint signing, :data:`SIGNING_TRIGGERS`)."""
    own = {_actor_key(a) for a in source}
    if not own:
        return target
    if (mutual or event_type in SYMMETRIC_TYPES) and len(own | {_actor_key(a) for a in target}) > 1:
        return target
    return tuple(a for a in target if _actor_key(a) not in own)


def later_countries(
    token: Token,
    sentence: Span,
    ctx: ArticleContext,
    source: tuple[EventActor, ...],
    event_type: str = "",
) -> tuple[EventActor, ...]:
    """The first country actor after the trigger in its clause (with those coordinated
    with it), other than the source's countries: "sanctions on nine people over their
    support to North Korea". Countries named further on ("... unrest in Montenegro")
    are the circumstances, not the target."""
    clause = subtree_span(verb_of(token))
    taken = {a.country for a in source}
    # "military support for use against Ukraine": the adversary is not whom aid goes to
    adversaries = [
        subtree_span(t)
        for t in clause
        if event_type == "AID" and t.dep_ == "prep" and t.lower_ == "against"
    ]
    found = [
        (a, start)
        for a, start in mentions_with_starts(token.idx, clause.end_char, ctx)
        if a.country
        and a.country not in taken
        and not any(s.start_char <= start < s.end_char for s in adversaries)
    ]
    if not found:
        return ()
    doc = token.doc
    roots = [
        doc.char_span(start, start + len(a.text), alignment_mode="expand") for a, start in found
    ]
    first = roots[0].root if roots[0] is not None else None
    group = {first.i, *(t.i for t in first.conjuncts)} if first is not None else set()
    return dedupe(
        a
        for (a, _), span in zip(found, roots, strict=True)
        if a is found[0][0] or (span is not None and span.root.i in group)
    )


def protested_actors(
    token: Token, ctx: ArticleContext, source: tuple[EventActor, ...]
) -> tuple[EventActor, ...]:
    """Whom a protest with no target of its own is against: the first actor named after
    the trigger in its clause, not where it happens and not the protesters ("a hunger
    strike to protest President Assad's failure ...", "rallies ... against the party's
    leader", "calling for the removal of President Mubarak", "in defiance of Chinese
    authorities")."""
    clause = subtree_span(verb_of(token))
    own = {a.text for a in source}
    for actor, start in mentions_with_starts(token.idx + len(token.text), clause.end_char, ctx):
        span = token.doc.char_span(start, start + len(actor.text), alignment_mode="expand")
        if actor.text in own or span is None or _place_of_event(span.root):
            continue
        return (actor,)
    return ()


def _place_of_event(token: Token) -> bool:
    """A name that is the object of "in", "at", "near" ...: where something happens."""
    head = token.head
    return token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS


def _sentence_countries(sentence: Span, ctx: ArticleContext) -> set[str]:
    countries: set[str] = set()
    for mention in ctx.starting_in("actors", sentence.start_char, sentence.end_char):
        if mention.actor.country:
            countries.add(mention.actor.country)
    for place in ctx.starting_in("places", sentence.start_char, sentence.end_char):
        if place.country:
            countries.add(place.country)
    return countries


def _resident(actor: EventActor, country: str) -> EventActor:
    if "ethnic " in actor.text.lower():
        return EventActor(actor.text, country, actor.sector)
    return actor


NOT_LOCAL = POSSESSIVE_PRONOUNS | {"international", "foreign", "multinational", "overseas"}

SETTLERS = frozenset({"settler", "settlers", "colonist", "colonists"})
"""People who came to live on land from elsewhere (a settler settles a place new to them):
the ground they act on says nothing of their country, as for "foreign" forces."""


def _from_elsewhere(actor: EventActor) -> bool:
    """Whether an actor's words say it is someone else's or from elsewhere ("its forces",
    "an international force", "settlers")."""
    words = set(actor.text.lower().split())
    return not NOT_LOCAL.isdisjoint(words) or not SETTLERS.isdisjoint(words)


STATELESS_SECTORS = frozenset({"IGO", "NGO"})
"""International bodies belong to no country, wherever they act ("the IAEA ... in Iran")."""


def _of_country(actor: EventActor, country: str) -> EventActor:
    """A role-only actor ("leaders", "police") placed in ``country``; not one that says it
    is someone else's ("its forces") or from elsewhere ("an international force")."""
    if actor.country or not actor.sector or actor.sector in STATELESS_SECTORS:
        return actor
    if _from_elsewhere(actor):
        return actor
    return EventActor(actor.text, country, actor.sector)


def domestic_sides(
    source: tuple[EventActor, ...],
    target: tuple[EventActor, ...],
    event_type: str,
    sentence: Span,
    ctx: ArticleContext,
) -> tuple[tuple[EventActor, ...], tuple[EventActor, ...]]:
    """Actors named by role only take the country where they act on the ground, else
    that of a sentence that names just one.

    "Demonstrators in Baghdad blocked a road", "people blocked streets in Hong Kong":
    the demonstrators are Iraqi, the people of Hong Kong (material acts only: a
    meeting in Geneva says nothing of who met). "Opposition leaders agreed to postpone
    the demonstration in Baku": the leaders are Azerbaijani. A protest or a coercion
    aimed at no named country is a domestic one: at its own country, or at people of it.
    """
    countries = _sentence_countries(sentence, ctx)
    location = event_location(sentence, sentence.root, ctx)[1]
    if location is not None:  # "ethnic Albanians in south Serbia" live in Serbia
        source = tuple(_resident(a, location) for a in source)
        target = tuple(_resident(a, location) for a in target)
        if event_type in MATERIAL_TYPES:
            source = tuple(_of_country(a, location) for a in source)
            target = tuple(_of_country(a, location) for a in target)
    if len(countries) == 1:
        (only,) = countries
        source = tuple(_of_country(a, only) for a in source)
        target = tuple(_of_country(a, only) for a in target)
    if event_type in ("PROTEST", "COERCE") and not any(a.country for a in target):
        home = next((a.country for a in source if a.country), None)
        roles = tuple(_of_country(a, home) for a in target if a.sector) if home else ()
        if roles:  # "Turkish police prevented the demonstration staged by students"
            target = roles
        elif home is not None:
            target = (EventActor(home, home, None),)
    return source, target


def located_sides(
    source: tuple[EventActor, ...],
    target: tuple[EventActor, ...],
    event_type: str,
    location: str | None,
    country: str | None,
) -> tuple[tuple[EventActor, ...], tuple[EventActor, ...]]:
    """Where nobody is named, the place stands for its people.

    "Serbia lifted a curfew in Montenegro" is aimed at Montenegro; "three soldiers
    were killed by a bomb outside Basra" comes from Iraq; "Saddam Hussein arrived in
    Amman", "APEC agreed to set up a centre in Tokyo" concern Jordan, Japan. Only when
    a side names no country itself; a verbal act needs a named source (a place alone
    does not make an event of "recognizing victories in Serbian cities").
    """
    if country is None or location is None:
        return source, target
    if event_type not in MATERIAL_TYPES and not any(a.country or a.sector for a in source):
        return source, target
    if not any(a.country for a in target):
        target = (*target, EventActor(location, country, None))
    elsewhere = any(_from_elsewhere(a) for a in source)  # "settlers in the West Bank"
    if not any(a.country for a in source) and event_type in FORCEFUL_TYPES and not elsewhere:
        source = (*source, EventActor(location, country, None))
    return source, target


def event_location(
    sentence: Span, token: Token, ctx: ArticleContext
) -> tuple[str | None, str | None]:
    """The place named by a locative phrase that belongs to ``token``'s event: one in its
    subtree or attached to a word that governs it. In "said after talks in Geneva,
    following a deadly clash" Geneva is where the talks were, not the clash. A place on
    the event's actor counts as on its own subject does, also where the verb shares the
    subject of another ("a mob in Cameroon broke into a school and torched classrooms")."""
    if ctx.annotations is None:
        return None, None
    governing = {token.i, *(t.i for t in token.ancestors)}
    below = {t.i for t in token.subtree}
    subject = subject_of(token) if token.pos_ in ("VERB", "AUX") else None
    actor: set[int] = set()
    if subject is not None and subject.i not in below and subject.dep_ in ("nsubj", "csubj"):
        actor = {t.i for t in subject.subtree}  # the shared subject's, when none is its own
    on_actor: tuple[str | None, str | None] = (None, None)
    for place in ctx.starting_in("places", sentence.start_char, sentence.end_char):
        span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
        prep = _locative(span.root) if span is not None else None
        if prep is None:
            continue
        if prep.i in below or prep.head.i in governing:
            return place.name, place.country
        if prep.i in actor and on_actor == (None, None):
            on_actor = (place.name, place.country)
    return on_actor


def _locative(token: Token) -> Token | None:
    """The locative preposition a place hangs from: "in Kursk", "in the occupied West
    Bank", "outside of the Iraqi city of Basra"; None when it is not in one."""
    current = token
    for _ in range(6):
        if current.dep_ in ("prep", "advmod") and current.lower_ in LOCATIVE_PREPS:
            return current
        if current.dep_ == "prep" and current.lower_ != "of":
            return None  # "in the conflict against Ukraine": Ukraine is no place of it
        if current.dep_ not in ("pobj", "prep", "compound", "appos", "poss"):
            return None  # "poss": "in Nairobi's city centre" is in Nairobi
        if current.head.i == current.i:
            return None
        current = current.head
    return None
