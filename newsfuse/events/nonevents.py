"""What the PLOVER codebook does not code as an event, though a trigger word says so.

PLOVER codes interactions between political actors: an act someone *did* (or threatened,
promised, demanded, refused) to someone. Four kinds of trigger are not that, and are kept
out of coded events (:func:`non_event_reason` names the reason; the coder keeps the
mention only when asked, flagged with ``extra["non_event"]``):

* ``disaster``: harm done by a natural hazard or an accident (an earthquake, a flood, a
  storm, a crash, a fire that nobody set): no actor acted, so no ASSAULT or FIGHT.
* ``crime``: violence in a common crime (a robbery, a burglary) with no political or
  armed actor named as its author: PLOVER's actors are political, not private persons.
* ``speculation``: an act that someone else believes, fears or suspects *may* be taking
  place ("could be supplying", "may be providing"): the act is neither reported as real
  nor promised or threatened by its author (which PLOVER codes as AGREE or THREATEN).
* ``concern``: the act a statement of concern is about ("worried about any weapons that
  X may be selling"): neither the concern nor its object is an event.

and by the mood of the trigger's clause (:mod:`~newsfuse.events.modality`): acts the text
says did not happen, denials, questions, counterfactuals, conditions, conditionals on the
author's own situation, others' predictions, and acts named only as one possible means of
a future course.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.events.modality import modality_reason

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from newsfuse.model import Event

__all__ = ["HAZARDS", "non_event_reason"]

HAZARDS = frozenset(
    "earthquake quake tremor aftershock flood flooding flash-flood storm cyclone hurricane "
    "typhoon tornado landslide landslip mudslide avalanche tsunami drought heatwave wildfire "
    "bushfire forest-fire blaze fire lightning eruption volcano rain rainfall downpour snowstorm blizzard "
    "monsoon snow snowfall ice fog heat crash collision accident derailment stampede capsize outbreak epidemic "
    "collapse cave-in".split()
)
"""Natural hazards and accidents: what harms without an actor."""
HAZARD_VERBS = frozenset("crash collide derail capsize collapse erupt sink".split())
"""Verbs of an accident: "a bus crashed ..., killing 23" has no one who killed."""
ACCIDENT_VERBS = frozenset({"crash", "derail", "capsize"})
OFF_THE_RAILS = frozenset({"rail", "rails", "track", "tracks"})
"""What a train or tram "jumped" when it left the line: a derailment."""
"""Verbs that tell an accident wherever they stand in a sentence; "collapse", "sink" and
"erupt" may follow an attack ("a bomb brought the building down"; "clashes erupted")."""
EXPLOSIONS = frozenset({"explosion", "blast", "leak"})
ACCIDENT_SOURCES = frozenset(
    "gas boiler pipeline tanker factory plant barge ship boat cylinder transformer reactor "
    "firework fireworks warehouse refinery".split()
)
"""An explosion is an accident when what exploded was a gas main, a boiler or a plant
("a gas explosion"); a bomb or a landmine's explosion has an author and stays an event."""
WEAPONS = frozenset(
    "rocket missile mortar shell grenade bomb landmine mine ied drone airstrike gunman gunfire "
    "bullet artillery".split()
)
"""Words of a weapon or an attacker, whose presence makes an overturned vehicle no accident."""
FIRING_VERBS = frozenset("open exchange return trade come".split())
"""Verbs whose "fire" is gunfire ("opened fire on", "came under fire"), not a blaze."""
CRIMES = frozenset(
    "robbery robber burglary burglar theft thief mugging carjacking heist gang-related "
    "domestic".split()
)
SPORT_WORDS = frozenset(
    "match goalkeeper keeper wicket wickets innings inning bowler bowlers batsman batsmen batter "
    "striker midfielder tournament league referee umpire quarterback touchdown pitcher "
    "scorer kickoff kick-off semi-final quarter-final hat-trick athlete athletes athletics "
    "marathon olympic olympics medallist medalist sprinter footballer cricketer golfer "
    "goalscorer hurdler doping prix".split()
)
"""Words of a sports report, whose strikes, shots, attacks and deals are play and trade,
not political events (forms as written; "strikers" may be workers on strike)."""
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "PTY", "JUD", "IGO", "LEG"})
EPISTEMIC_MODALS = frozenset({"may", "might", "could"})
CONCERN_WORDS = frozenset(
    "concern concerned worry worried fear afraid alarm alarmed suspect suspicion "
    "speculate speculation rumour rumor".split()
)
VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE"})


def _noun_lemmas(phrases: list[Token]) -> set[str]:
    """Lemmas of the nouns in ``phrases``; a capitalised plural the tagger took for a name
    ("Wildfires in Chile") also counts in the singular."""
    found = set()
    for token in (t for phrase in phrases for t in phrase.subtree):
        if token.pos_ in ("NOUN", "PROPN"):
            found.add(token.lemma_.lower())
            if token.pos_ == "PROPN" and token.lower_.endswith("s"):
                found.add(token.lower_[:-1])
    return found


RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def _subjects(verb: Token) -> list[Token]:
    """The subject phrases of ``verb``; in a relative clause whose subject is the relative
    pronoun, the noun the clause hangs on ("the tsunami which killed")."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if verb.dep_ == "relcl" and any(c.lower_ in RELATIVE_PRONOUNS for c in found):
        return [verb.head]
    return found


def _subject_lemmas(token: Token) -> set[str]:
    """Lemmas of the subject phrase of ``token``'s clause ("Floods in X have killed",
    "a bus crashed ..., killing": the subject of the verb the participle hangs on)."""
    verb = token
    for _ in range(3):
        subjects = _subjects(verb)
        if subjects:
            return _noun_lemmas(subjects)
        if verb.dep_ == "acl" and (verb.tag_ != "VBN" or verb.head.dep_ == "ROOT"):
            # "a fire swept through a factory, leaving 12 dead" parsed as a noun phrase (no
            # finite verb): the noun an active participle, or the sentence's only verb, hangs
            # on is its subject (its own words, not the clause); "shells fired by" stay objects
            noun = verb.head
            words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
            return {t.lemma_.lower() for t in words if not _gunfire(t)}
        if verb.dep_ not in ("advcl", "conj", "xcomp", "acl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return set()


def _acts(event: Event) -> bool:
    """Whether a political or armed actor (by sector) is the event's source."""
    return any(a.sector in POLITICAL_SECTORS for a in event.source)


def _gunfire(token: Token) -> bool:
    """ "opened fire", "came under heavy fire", "artillery fire on", "fire against": shooting,
    not a blaze; a blaze is "a fire at a factory", "the fire spread"."""
    if token.lemma_.lower() != "fire":
        return False
    if token.head.lemma_.lower() in FIRING_VERBS or token.head.lower_ == "under":
        return True
    exchanged = token.head.lower_ == "of" and token.head.head.lemma_.lower() in FIRING_VERBS
    if token.dep_ == "pobj" and exchanged:  # "an exchange of fire"
        return True
    return any(
        c.dep_ in ("compound", "amod") or (c.dep_ == "prep" and c.lower_ != "at")
        for c in token.children
    )


def _own_subject(token: Token) -> set[str]:
    return _noun_lemmas([c for c in _subjects(token) if c.dep_ != "nsubjpass"])


CAUSE_PREPS = frozenset({"in", "by", "after", "following", "during", "from", "amid"})


def _hazard_nouns(phrase: Token) -> set[str]:
    """The hazards a phrase names; gunfire is none ("in an exchange of fire")."""
    found = _noun_lemmas([phrase]) & HAZARDS
    if "fire" in found and any(_gunfire(t) for t in phrase.subtree if t.lemma_.lower() == "fire"):
        found.discard("fire")
    return found


def _hazard_cause(token: Token) -> bool:
    """ "killed in the earthquake", "died after floods": a hazard named as the cause. A harm
    with no cause of its own shares the cause of a harm coordinated with it ("killed or
    injured in flooding"), when that harm names no agent and the cause's own head noun is
    the hazard (not "in clashes and a stampede", nor "in clashes during a strike ... after
    an earthquake")."""
    verbs = [token] if token.dep_ not in ("advcl", "conj") else [token, token.head]
    if any(_cause_is_hazard(verb, _hazard_nouns) for verb in verbs):
        return True
    if token.lemma_.lower() not in HARM_VERBS or _causes(token):
        return False
    shared = [
        c
        for c in token.children
        if c.dep_ == "conj"
        and c.lemma_.lower() in HARM_VERBS
        and not any(g.dep_ == "agent" for g in c.children)
    ]
    return any(_cause_is_hazard(verb, _head_hazard) for verb in shared)


HARM_VERBS = frozenset("kill injure wound hurt maim die".split())
"""Verbs of harm whose coordinated forms share one cause."""


def _causes(verb: Token) -> list[Token]:
    """What ``verb`` says it was done in, by, after or amid: the objects of its cause
    prepositions, and the agent of a passive ("were killed by floods")."""
    return [
        o
        for p in verb.children
        if (p.dep_ == "prep" and p.lower_ in CAUSE_PREPS) or (p.dep_ == "agent")
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _cause_is_hazard(verb: Token, hazards: Callable[[Token], set[str]]) -> bool:
    return any(hazards(o) for o in _causes(verb))


def _head_hazard(noun: Token) -> set[str]:
    """The hazard a cause's own head noun names ("flooding"; gunfire is none)."""
    lemma = noun.lemma_.lower()
    return {lemma} if lemma in HAZARDS and not _gunfire(noun) else set()


def _hazard_clause(token: Token) -> bool:
    """ "were killed when their bus crashed", "died as a storm hit": a clause on the harm
    that tells an accident or a hazard as its cause."""
    # "were killed and millions left homeless after an earthquake sent waves": the clause
    # may hang on a verb coordinated with the harm
    verbs = [token, *(c for c in token.children if c.dep_ == "conj")]
    clauses = [c for verb in verbs for c in verb.children if c.dep_ == "advcl"]
    return any(c.lemma_.lower() in HAZARD_VERBS or _accidental(_own_subject(c)) for c in clauses)


def _accidental(subject: set[str]) -> bool:
    """Whether a subject phrase's nouns name a hazard, or an explosion of something that
    blows up by accident ("a gas explosion"; "a bomb blast" has an author)."""
    return bool(subject & HAZARDS) or bool(subject & EXPLOSIONS and subject & ACCIDENT_SOURCES)


def _accident_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    objects = {c.lower_ for c in token.children if c.dep_ == "dobj"}
    if lemma == "jump":  # "the tram jumped the rails"
        return bool(objects & OFF_THE_RAILS)
    if lemma == "catch":  # "a barge carrying fireworks caught fire"
        return "fire" in objects
    if lemma == "overturn":  # "a truck overturned"; "rioters overturned cars" is no accident,
        # nor a truck that overturned after a rocket hit it
        return not objects and not any(t.lemma_.lower() in WEAPONS for t in token.sent)
    if lemma in ("explode", "blow"):  # "a barge explodes", "the boiler blew up"
        return bool(_own_subject(token) & ACCIDENT_SOURCES)
    return lemma in ACCIDENT_VERBS


def _addresses_reader(token: Token) -> bool:
    """ "You agree to receive occasional updates": a page speaking to its reader, never a
    political actor's act."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.lower_ == "you" for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _disaster(token: Token, event: Event) -> bool:
    lemma = token.lemma_.lower()
    if lemma in HAZARDS and token.pos_ == "NOUN":
        return not _gunfire(token)
    if token.pos_ == "VERB" and not _acts(event):
        if _own_subject(token) & HAZARDS:
            return True  # "heavy snow blocked roads": a hazard does not act, whatever the verb
        if token.dep_ == "xcomp" and _subject_lemmas(token.head) & HAZARDS:
            return True  # "wildfires forced thousands to flee": what a hazard made people do
    if event.event_type not in VIOLENT_TYPES or _acts(event):
        return False
    verb = token
    for _ in range(3):
        if verb.lemma_.lower() in HAZARD_VERBS:
            return True
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    if _hazard_cause(token) or _hazard_clause(token):
        return True
    if _in_hazard_clause(token):
        return True
    if any(t.pos_ == "VERB" and _accident_verb(t) for t in token.sent):
        # "killed ... after a tram, believed to have been going too fast, crashed": however
        # the parser hangs it, an accident in the sentence of a harm no actor did is its cause
        return True
    subject = _subject_lemmas(token)
    if token.pos_ != "VERB":  # a noun trigger: the clause it heads or sits in
        subject |= _subject_lemmas(token.head)
    return _accidental(subject)


def _in_hazard_clause(token: Token) -> bool:
    """ "an earthquake which struck Japan killed one": the parser may hang the harm in the
    hazard's relative clause (as its complement or conjunct); a harm told in the nearest
    relative clause above it, when that clause is on a hazard, is the hazard's. Any other
    clause on the way ("where a bombing killed 20", "an attack that killed six") tells of
    another act."""
    current = token
    while current.head.i != current.i:
        if current.dep_ == "relcl":
            return current.head.lemma_.lower() in HAZARDS
        if current.dep_ not in ("ccomp", "conj"):
            return False
        current = current.head
    return False


def _crime(token: Token, event: Event) -> bool:
    if event.event_type != "ASSAULT" or _acts(event):
        return False
    return any(t.lemma_.lower() in CRIMES for t in token.sent)


def _speculation(token: Token, event: Event) -> bool:
    """An epistemic modal on the act whose author is not the one who says it."""
    verb = token
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not modals & EPISTEMIC_MODALS:
        return False
    progressive = any(c.dep_ == "aux" and c.lower_ in ("be", "have") for c in verb.children)
    speaker = event.attribution_actor
    own_word = speaker is not None and any(
        a.country and a.country == speaker.country for a in event.source
    )
    return progressive or not own_word


def _concern(token: Token) -> bool:
    """Inside what a statement of concern, fear or suspicion is about."""
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return False
        if head.lemma_.lower() in CONCERN_WORDS and head.i < token.i:
            return current.dep_ != "conj"  # "fears X and wants Y": Y is no object of fear
        if current.dep_ == "prep" and _voices_concern(head):
            return True  # "expressed alarm at reports of ...": the parser hangs "at" on the verb
        current = head
    return False


def _voices_concern(verb: Token) -> bool:
    """A verb whose object is a concern ("expressed alarm", "voiced concern", "raised fears"):
    what its prepositions name is what the concern is about."""
    return any(o.lemma_.lower() in CONCERN_WORDS for o in verb.children if o.dep_ == "dobj")


def _sport(token: Token, event: Event) -> bool:
    """A sports report's play ("the striker fired a shot past the keeper") with no
    political or armed actor."""
    return not _acts(event) and any(t.lower_ in SPORT_WORDS for t in token.sent)


def _going_home(token: Token, event: Event) -> bool:
    """Civilians going back ("residents returned to their homes after the floods"): PLOVER's
    RETREAT is de-escalation by a party (forces withdrawn, captives released, property
    returned), and people going home give nothing back to anyone."""
    if event.event_type != "RETREAT" or token.lemma_.lower() != "return":
        return False
    if any(c.dep_ == "dobj" for c in token.children):
        return False  # "returned the seized land": property given back
    return bool(event.source) and all(a.sector == "CVL" for a in event.source)


def non_event_reason(token: Token, event: Event) -> str | None:
    """Why the event ``token`` triggers is not one PLOVER codes, or None if it is one."""
    if _sport(token, event):
        return "sport"
    if _going_home(token, event):
        return "civilian"
    if _addresses_reader(token):
        return "furniture"
    if _disaster(token, event):
        return "disaster"
    if _crime(token, event):
        return "crime"
    if _concern(token):
        return "concern"
    if _speculation(token, event):
        return "speculation"
    return modality_reason(token, event.negated)
