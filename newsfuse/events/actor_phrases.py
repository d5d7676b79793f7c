"""The actors a phrase names: who "X" is in "X attacked Y".

:func:`phrase_actors` gives the article's resolved actor mentions inside the phrase a
token heads, the least embedded first ("the withdrawal of Serbian forces from Bosnia"
is aimed at the forces), without its places and embedded clauses, or the phrase itself
resolved; pronouns take the speaker or the last source. A nationality that only
modifies the head takes the head's role ("Palestinian armed groups"), and a people
named with the place they live in belong to that place's country ("the Kurds of Syria").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from newsfuse.annotate.gazetteer import name_key, names
from newsfuse.events.context import ArticleContext
from newsfuse.events.syntax import (
    LOCATIVE_PREPS,
    POSSESSIVE_PRONOUNS,
    children,
    coarse_pos,
    header_end,
    in_dateline,
    is_pronoun,
    is_temporal,
    named_owners,
    subtree_span,
)
from newsfuse.model import EventActor

CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl"})


def _mentions_in(span_start: int, span_end: int, ctx: ArticleContext) -> list[EventActor]:
    return [actor for actor, _ in mentions_with_starts(span_start, span_end, ctx)]


def dedupe(actors: Iterable[EventActor]) -> tuple[EventActor, ...]:
    """One actor per country and sector ("Israel", "Israeli forces" and "Israel's army" are
    one side), except that organisations the actor dictionary names apart are actors of
    their own: "Hamas and Islamic Jihad fighters" are two (PSE REB) armed groups, "Hamas"
    and "Hamas fighters" one."""
    seen: set[tuple[str | None, ...]] = set()
    out = []
    for actor in actors:
        key = (actor.country, actor.sector) if actor.country or actor.sector else (actor.text, None)
        key = (*key, organisation_named(actor.text))
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return tuple(out)


ORG_NAME_WORDS = 5
"""The longest organisation name looked for in an actor's text, in words."""


def organisation_named(text: str) -> str | None:
    """The dictionary's name of the organisation ``text`` names (the longest found: "Islamic
    Jihad fighters" → "Islamic Jihad"), None when it names none (a country, a role)."""
    words = [w.strip(".,;:'\"()") for w in text.split()]
    for size in range(min(ORG_NAME_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            entry = names().get(name_key(" ".join(words[start : start + size])))
            if entry is not None and entry.kind == "org":
                return entry.name
    return None


def phrase_actors(
    token: Token, ctx: ArticleContext, speaker: tuple[EventActor, ...], core: bool = False
) -> tuple[EventActor, ...]:
    """Actors named in the phrase headed by ``token`` (coordinated phrases included); with
    ``core``, only in its core words (:func:`_core_words`), not its adjuncts."""
    if in_dateline(token):
        return ()  # "MOSCOW --": where the story was filed, not who acted
    if is_pronoun(token.text):
        if token.lower_ in ("we", "they", "us", "them"):
            return speaker or ctx.group or ctx.last_source
        return speaker or ctx.last_source
    found = _argument_actors(token, ctx, core)
    owner = [c for c in token.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS]
    if owner and speaker and not any(a.country for a in found):
        role = ctx.resolver.resolve(token.text)
        return tuple(
            EventActor(f"{owner[0].text} {token.text}", a.country, role.sector or a.sector)
            for a in speaker
        )
    if found:
        return dedupe(_people_of_place(token, _phrase_sector(token, found, ctx), ctx))
    chunk = ctx.chunk_rooted_at(token)
    text = chunk.text if chunk is not None else token.text
    if chunk is not None and chunk.start_char < header_end(token.doc):
        text = token.doc.text[header_end(token.doc) : chunk.end_char].strip(" -–—")
    actor = ctx.resolver.resolve(text)
    if not (actor.country or actor.sector):
        whole = _partitive(token, ctx)
        if whole is not None:  # "Thousands of opposition supporters", "members of the union"
            text, actor = whole, ctx.resolver.resolve(whole)
    return (EventActor(text, actor.country, actor.sector),) if actor.country or actor.sector else ()


PART_WORDS = frozenset(
    "thousand hundred dozen score ten million member group crowd band contingent delegation "
    "unit team some many several most all rest majority handful number couple few part half "
    "remnant faction wing section bulk".split()
)
"""Heads that name a part or a count of what their "of" phrase names ("thousands of",
"members of", "a group of"), unlike "the start of a general strike"."""


def _partitive(token: Token, ctx: ArticleContext) -> str | None:
    """The phrase "N of X" headed by ``token`` up to the end of X's noun chunk, where
    ``token`` is a count or a part (:data:`PART_WORDS`, a number) with an "of" phrase:
    "thousands", "members", "a group" name no actor, the "of" phrase does, and the
    phrase is that actor."""
    if not (token.like_num or token.lemma_.lower() in PART_WORDS):
        return None
    for prep in children(token, "prep"):
        if prep.lower_ != "of" or prep.i != token.i + 1:
            continue
        for obj in children(prep, "pobj"):
            chunk = ctx.chunk_rooted_at(obj)
            end = chunk.end_char if chunk is not None else obj.idx + len(obj.text)
            start = max(token.left_edge.idx, header_end(token.doc))
            return token.doc.text[start:end].strip() or None
    return None


def nations_as_civilians(actors: Iterable[EventActor]) -> tuple[EventActor, ...]:
    """ "Thousands of Nigerians protested", "Palestinians living in Gaza": a nationality in
    the plural with no role is people of that nation, which PLOVER codes CVL.
    :func:`~newsfuse.resolve_actor` leaves them without a sector (CAMEO codes the country
    alone); this is the event coder's convention."""
    return tuple(
        replace(a, sector="CVL") if a.sector is None and _names_a_people(a.text) else a
        for a in actors
    )


def _names_a_people(text: str) -> bool:
    for word in text.split():
        word = word.strip(".,;:'\"()")
        if len(word) > 3 and word[:1].isupper() and word.endswith("s") and not word.endswith("ss"):
            entry = names().get(name_key(word))
            if entry is not None and entry.kind == "demonym":
                return True
    return False


def _people_of_place(
    token: Token, found: list[EventActor], ctx: ArticleContext
) -> list[EventActor]:
    """ "The Albanians of southern Serbia", "the Kurds of Syria": a people named with "of"
    and the place they live in are of that place's country (not so "Albanian rebels in
    Macedonia": "in" says where they act, not where they belong)."""
    if token.tag_ not in ("NNS", "NNPS"):
        return found
    places = [o for p in children(token, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    if len(places) != 1:
        return found
    span = subtree_span(places[0])
    homes = {a.country for a in _mentions_in(span.start_char, span.end_char, ctx) if a.country}
    if len(homes) != 1:
        return found
    (home,) = homes
    people = [
        a for a in found if a.text.split()[-1] == token.text and a.country not in (None, home)
    ]
    if not people:
        return found
    return [EventActor(people[0].text, home, people[0].sector)] + [
        a for a in found if a is not people[0] and a.country != home
    ]


def _phrase_sector(token: Token, found: list[EventActor], ctx: ArticleContext) -> list[EventActor]:
    """A nationality that only modifies the phrase's head takes the head's role:
    in "Ugandan opposition candidates" or "Palestinian armed groups" the mention is
    "Ugandan" / "Palestinian", the actor the whole noun phrase (UGA OPP, PSE REB)."""
    chunk = ctx.chunk_rooted_at(token)
    if chunk is None or not any(a.country and not a.sector for a in found):
        return found
    whole = ctx.resolver.resolve(chunk.text)
    if whole.sector is None:
        return found
    out = []
    for a in found:
        inside = a.text in chunk.text and a.text != chunk.text
        if inside and a.country and not a.sector and whole.country in (None, a.country):
            out.append(EventActor(chunk.text, a.country, whole.sector))
        else:
            out.append(a)
    return out


def _argument_actors(token: Token, ctx: ArticleContext, core: bool = False) -> list[EventActor]:
    """Actor mentions in the phrase headed by ``token``, minus places and embedded clauses.

    A possessor decides alone: "Serbia's suppression of Albanian unrest" is Serbia's.
    Only words of the phrase count, not others its span runs over when the parse
    attaches a later word to it ("Serbia eased measures in Montenegro province, the
    scene of ...", with "the scene" read as Serbia's apposition).
    """
    owners = named_owners(token)
    noun = coarse_pos(token) == "NOUN"
    tiers = [{t.idx for t in owners[0].subtree}] if owners and noun else []
    if noun:  # the noun, its modifiers and its "of" / "by" phrases before the rest
        tiers.append({t.idx for t in _core_words(token)})
    # then its prepositional phrases, the least embedded first: "relations with Congo and
    # Costa Rica" before "... over their ties with Israel"
    if not core:
        tiers.extend({t.idx for t in _core_words(token, depth)} for depth in range(1, 4))
        tiers.append({t.idx for t in token.subtree})
    elif not noun:
        tiers.append({t.idx for t in _core_words(token)})
    span = subtree_span(token)
    excluded = _excluded_ranges(token)
    # "PARIS - A truck rammed ...": the dateline is no part of the phrase the parser hangs it on
    mentions = mentions_with_starts(max(span.start_char, header_end(token.doc)), span.end_char, ctx)
    kept = [(a, start) for a, start in mentions if not any(lo <= start < hi for lo, hi in excluded)]
    # "Doctors from two American aid groups": a role named with no country takes the one
    # its own prepositional phrase names, when that phrase names just one
    adjunct = {
        t.idx for p in children(token, "prep") for o in children(p, "pobj") for t in _core_words(o)
    }
    countries = {a.country for a, start in kept if a.country and start in adjunct}
    members = _member_words(token)
    for words in tiers:
        found = [a for a, start in kept if start in words]
        if found and len(countries) == 1 and not any(a.country for a in found):
            (country,) = countries
            return [EventActor(a.text, country, a.sector) for a in found]
        if found:
            found = [(a, start) for a, start in kept if start in words]
            return _members_of_set(found, members, kept)
    return []


MEMBER_PREPS = frozenset({"including"})
"""Prepositions whose object is a part of the set their head names: "Russian aircraft
including helicopter gunships" ("among" is not one: "mediation among the factions")."""


def _member_words(token: Token) -> list[set[int]]:
    """Character offsets of the words of each "including" phrase of ``token`` and of its
    conjuncts: what they name is a part of the set the head names."""
    heads = [token, *(c for c in token.children if c.dep_ == "conj")]
    return [
        {t.idx for t in prep.subtree}
        for head in heads
        for prep in children(head, "prep")
        if prep.lower_ in MEMBER_PREPS and prep.i > head.i
    ]


def _owner(actor: EventActor) -> bool:
    """A mention that can own a part: a country's body (an air force, troops), not a bare
    country or place name."""
    return bool(actor.country and actor.sector)


def _members_of_set(
    found: list[tuple[EventActor, int]],
    phrases: list[set[int]],
    mentions: list[tuple[EventActor, int]],
) -> list[EventActor]:
    """A part takes the country of the set it is named as a part of: in "Russian aircraft
    including helicopter gunships" the gunships are Russian, whatever the ground they
    fight on. Only when the set names one country and the part's phrase names no owner
    of its own, among all ``mentions``: a body of a country ("including helicopters from
    Syria's air force" are Syria's), not a place they came from ("drones from Qatar")."""
    members = set().union(*phrases) if phrases else set()
    sets = {a.country for a, start in found if start not in members and a.country}
    if len(sets) != 1:
        return [a for a, _ in found]
    (country,) = sets
    bare = set().union(
        *(p for p in phrases if not any(_owner(a) for a, start in mentions if start in p))
    )
    return [
        EventActor(a.text, country, a.sector) if start in bare and not a.country else a
        for a, start in found
    ]


CORE_PREPS = frozenset({"of", "by", "including"})


def _core_words(token: Token, depth: int = 0) -> list[Token]:
    """A noun phrase without its adjuncts: "war crimes by Croatian extremists" without
    "... against Serb civilians", "the withdrawal of Serbian forces" without "... from
    Bosnia". Its possessor, modifiers, conjuncts ("Iran and Libya") and "of" / "by" /
    "including" phrases stay. With ``depth`` n, other prepositional phrases nested up to
    n deep stay too (1: the phrase's own, without those inside them)."""
    return [
        t
        for t in token.subtree
        if sum(a.dep_ == "prep" and a.lower_ not in CORE_PREPS for a in _path(t, token)) <= depth
    ]


def _path(token: Token, top: Token) -> list[Token]:
    """``token`` and its heads up to, not including, ``top``."""
    out = []
    current = token
    while current.i != top.i and current.head.i != current.i:
        out.append(current)
        current = current.head
    return out


def _excluded_ranges(token: Token) -> list[tuple[int, int]]:
    """Character ranges of the places ("soldiers in Kursk") and clauses ("... where Ukraine
    says ...") inside the phrase headed by ``token``: their actors are not its actors."""
    ranges = []
    for t in token.subtree:
        if t.i == token.i:
            continue
        locative = t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS and not is_temporal(t)
        if t.dep_ in CLAUSE_DEPS or locative:  # "in late February to Iran" is no place
            span = subtree_span(t)
            ranges.append((span.start_char, span.end_char))
    return ranges


def mentions_with_starts(
    span_start: int, span_end: int, ctx: ArticleContext
) -> list[tuple[EventActor, int]]:
    return [
        (EventActor(m.text, m.actor.country, m.actor.sector), m.start)
        for m in ctx.starting_in("actors", span_start, span_end + 1)
        if m.end <= span_end
    ]
