"""Which words of a sentence are a trigger's source and target.

For a verb (:func:`verb_arguments`): its subject and object, the agent and subject of
a passive, the recipient of what is sent ("sent arms to Pakistan"), what a weapon was
aimed at rather than the weapon. For a nominalisation (:func:`noun_arguments`): its
possessor, "by X", "of / on / against / to / between X", and the subject of a light
verb that governs it ("X staged rallies"). Also the allies named with "alongside", the
victims of an act's harm ("..., killing two soldiers"), the author of an event a
noun names, and whom a concession was negotiated with.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.events.conventions import SYMMETRIC_TYPES
from newsfuse.events.framing import FRAMING_TYPES
from newsfuse.events.lexicon import Trigger
from newsfuse.events.syntax import (
    POSSESSIVE_PRONOUNS,
    children,
    coarse_pos,
    counted,
    is_reduced_passive,
    named_owners,
    postposed_speaker,
    prep_objects,
    subject_of,
    undergoing_verb,
    verb_of,
)
from newsfuse.events.triggers import CASUALTY_STATES, MUNITIONS, match_trigger, resultative_state

LIGHT_VERBS = frozenset(
    "impose unveil announce launch carry conduct stage hold sign reach make issue order "
    "begin start continue step intensify resume approve adopt mount enter give pay open complete "
    "finish".split()
)

TARGET_PREPS = frozenset(
    {"on", "against", "with", "at", "to", "into", "toward", "towards", "upon", "from"}
)

SIDE_PREPS = frozenset({"between", "among", "amongst"})
"""Prepositions that name the sides of an act: "between" two, "among" more ("talks among
the Afghan factions", "mediation among Serbia's feuding republics")."""

NOUN_TARGET_PREPS = (
    frozenset({"of", "on", "against", "with", "to", "into", "over", "upon"}) | SIDE_PREPS
)


def side_preps(trigger: Trigger) -> frozenset[str]:
    """The prepositions naming the sides of ``trigger``'s act: "between" for any act; "among"
    only for a mutual one (fighting, talks, mediation among factions). Elsewhere "among"
    says where or whom ("protests among students", "troops deployed among the ruins")."""
    return SIDE_PREPS if trigger.event_type in SYMMETRIC_TYPES else frozenset({"between"})


STATIVE_PASSIVES = frozenset({"oppose"})
"""Participles that are adjectives after "be": "X is opposed to Y" is X opposing Y."""

UNDERGOING_VERBS = frozenset("face suffer die endure experience undergo starve flee".split())
"""Verbs whose subject undergoes what is complained of rather than does it: a complaint
"that civilians were dying" is not aimed at the civilians. A clause that says what its
subject is or has ("that the government was slow") is about that subject."""

REPORTED_TYPES = FRAMING_TYPES | {"DISAPPROVE"}
"""Types whose trigger can be a reporting verb: what it reports is what it is aimed at."""

THEME_TYPES = frozenset({"AID", "MOBILIZE", "RETREAT"})
"""Types whose "of"-object is the source's own forces or goods ("deployment of DPRK troops")."""

VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})


def _moves_own(trigger: Trigger) -> bool:
    """Whether the trigger moves the source's own forces or goods (THEME_TYPES), not
    people it releases: "released 90 prisoners to the Red Cross" is aimed at the
    prisoners."""
    return trigger.event_type in THEME_TYPES and trigger.mode != "release"


def _instrument(noun: Token) -> bool:
    return counted(noun).lemma_.lower() in MUNITIONS


def verb_arguments(token: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    sides = prep_objects(token, side_preps(trigger))
    if sides and token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass"):
        # "Fighting between the army and the RSF continued": a gerund named as the subject
        # of what happened, with its sides after "between" / "among"
        return sides, sides
    undergone = _undergone(token)  # "came under shelling from X": a gerund, undergone
    if undergone is not None:
        return undergone
    sources, targets = _voice_arguments(token, trigger)
    if trigger.event_type in VIOLENT_TYPES and any(_instrument(t) for t in targets):
        # what was fired or dropped is the means: the target is what it was aimed at
        aimed = [t for t in targets if not _instrument(t)]
        targets = aimed or prep_objects(token, TARGET_PREPS - {"with", "from"})
    return sources, targets


def _voice_arguments(token: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    passive = children(token, "nsubjpass")
    if not passive and children(token, "auxpass"):
        # "died after being beaten by police": a passive with its subject elsewhere; the
        # subject it inherits is whom it was done to
        patient = subject_of(token)
        passive = [patient] if patient is not None else []
    # "troops deployed to Russia" moves the source's own troops (THEME_TYPES), unless an
    # agent says whose act it is ("aid delivered by the UN")
    own_theme = _moves_own(trigger) and not children(token, "agent")
    speaker = postposed_speaker(token) if trigger.event_type in REPORTED_TYPES else None
    if speaker is not None:  # "X is failing to ..., a rights group protested"
        return [speaker], _aimed_at([token.sent.root])
    if not passive and is_reduced_passive(token) and not own_theme:
        passive = [token.head]
    if passive and token.lemma_ in STATIVE_PASSIVES and not children(token, "agent"):
        return passive, prep_objects(token, frozenset({"to"}))  # "Israel is opposed to X"
    if passive:
        agents = [p for prep in children(token, "agent") for p in children(prep, "pobj")]
        return agents, passive
    subject = subject_of(token)
    sources = [subject] if subject is not None else []
    objects = children(token, "dobj", "dative")
    if not objects:  # "killed or wounded 30 soldiers": coordinated verbs share the object
        objects = [o for c in children(token, "conj") for o in children(c, "dobj")]
    if trigger.event_type == "DEMAND" and not objects:
        objects = prep_objects(token, frozenset({"on", "upon"}))
    # "mediated between Israel and Hamas": the sides, when nothing else is aimed at
    recipients = prep_objects(token, TARGET_PREPS)
    if not recipients and not objects:
        recipients = prep_objects(token, side_preps(trigger))
    recipients += [
        p for o in objects for p in prep_objects(o, frozenset({"to", "for", "against", "on"}))
    ]
    if _moves_own(trigger) or not objects:
        objects = recipients or objects  # "sent arms to Pakistan": Pakistan is the target
    if not objects and trigger.event_type in FRAMING_TYPES:
        # "refused to meet Jordan's king"; "demanded that the United States match ...": the
        # complement's subject when it has one, else the whole complement
        objects = [_subject_or_self(c) for c in children(token, "xcomp", "ccomp")]
    if not objects and trigger.event_type == "DISAPPROVE":
        # "Croatian authorities are failing to ..., a rights group complained": what is
        # complained of is the complement clause, before the verb or after it ("complained
        # that ..."); whom, its subject, when the clause says what that subject does (the
        # victims in "that refugees face abuse" are not whom the complaint is aimed at)
        objects = _aimed_at(children(token, "ccomp"))
    return sources, objects


def _aimed_at(clauses: list[Token]) -> list[Token]:
    """Whom a complaint about these clauses is aimed at: their subjects, unless the clause
    says what its subject undergoes."""
    return [
        s for c in clauses if c.lemma_.lower() not in UNDERGOING_VERBS for s in children(c, "nsubj")
    ]


ALLY_PREPS = frozenset({"alongside", "beside"})


def ally_tokens(token: Token) -> list[Token]:
    """Who acts on the same side ("entered combat in Kursk alongside Russian forces"):
    the objects of "alongside" on the trigger or the verb that governs it. They are no
    target, nor is the ground they hold."""
    heads = {token.i: token, verb_of(token).i: verb_of(token)}
    return [o for head in heads.values() for o in prep_objects(head, ALLY_PREPS)]


HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def _told_within(clause: Token) -> bool:
    """Whether a relative clause tells what happened in the event it hangs on ("in which",
    "during which", "where"), not something else about it ("which came a day after ...")."""
    return any(
        (c.dep_ == "prep" and any(o.lower_ == "which" for o in children(c, "pobj")))
        or (c.dep_ == "advmod" and c.lower_ == "where")
        for c in clause.subtree
        if c.head.i == clause.i or c.head.head.i == clause.i
    )


def _clause_verbs(clause: Token) -> list[Token]:
    """The clause's own verbs: it and what it reports or coordinates ("Armenia said three
    soldiers were killed"), not clauses nested deeper."""
    verbs, todo = [], [clause]
    while todo:
        verb = todo.pop()
        verbs.append(verb)
        todo += [c for c in verb.children if c.dep_ in ("ccomp", "conj")]
    return verbs


def harmed_tokens(token: Token) -> list[Token]:
    """The objects of the participles of harm that follow an act ("exploded ..., killing
    two soldiers and wounding several others") or of a relative clause on the act ("a
    clash in which three soldiers were killed"), which the coder does not code apart, and
    the people an act "left dead" when it is the subject of that toll."""
    verbs = [c for c in children(token, "advcl", "conj") if c.lemma_.lower() in HARM_VERBS]
    verbs += [c for v in verbs for c in children(v, "conj") if c.lemma_.lower() in HARM_VERBS]
    head = token.head
    for clause in children(token, "relcl"):  # "a clash in which three were killed"
        if _told_within(clause):
            verbs += [v for v in _clause_verbs(clause) if v.lemma_.lower() in HARM_VERBS]
    toll = token.dep_ == "nsubj" and head.lemma_.lower() == "leave"
    if toll and resultative_state(head) in CASUALTY_STATES:  # "the attacks left 7 people dead"
        verbs.append(head)
    return [o for v in verbs for o in children(v, "dobj", "nsubjpass")]


def _subject_or_self(clause: Token) -> Token:
    subjects = children(clause, "nsubj", "nsubjpass")
    return subjects[0] if subjects else clause


def event_agent(token: Token) -> Token | None:
    """Who does the event a noun names, when an act is aimed at it: "prevented the
    demonstration staged by students", "banned rallies by the Kifaya group", "welcomed
    Reagan's statement" are aimed at the students, Kifaya, Reagan."""
    if coarse_pos(token) != "NOUN" or match_trigger(token) is None:
        return None
    agents = children(token, "poss") + prep_objects(token, frozenset({"by"}))
    agents += [o for c in children(token, "acl") for o in prep_objects(c, frozenset({"by"}))]
    agents = [a for a in agents if a.lower_ not in POSSESSIVE_PRONOUNS]
    return agents[0] if agents else None


CONCESSION_TYPES = frozenset({"CONCEDE", "RETREAT", "AGREE"})

NEGOTIATION_NOUNS = frozenset(
    "talk negotiation deliberation consultation discussion meeting mediation".split()
)


def negotiated_with(verb: Token) -> list[Token]:
    """ "called off the strike after deliberations with the government": a concession
    made after talks with someone is made to them."""
    return [
        partner
        for prep in children(verb, "prep")
        if prep.lower_ in ("after", "following", "in")
        for talks in children(prep, "pobj")
        if talks.lemma_.lower() in NEGOTIATION_NOUNS
        for partner in prep_objects(talks, frozenset({"with"}))
    ]


def _nationality_named(token: Token) -> bool:
    """Whether a noun or its modifiers are a name ("DPRK troops", "Russia", not "some forces")."""
    words = [token, *(c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod"))]
    return any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in words)


OCCURRENCE_VERBS = frozenset(
    "break erupt flare rage continue intensify resume occur escalate spread".split()
)
"""Verbs that say an event happened: its sides hang on them ("clashes erupted between")."""


def _undergone(token: Token) -> tuple[list[Token], list[Token]] | None:
    """ "A convoy came under attack by gunmen", "the town came under shelling from Russian
    forces": to come, be or remain under an act is to undergo it, so the subject is its
    target and the object of "from" or "by" its source (an agent a verb like "placed him
    under arrest" names is its own subject, so only verbs of state count)."""
    verb = undergoing_verb(token)
    if verb is None:
        return None
    return _given(token, verb), _subjects(verb)


AGENT_PREPS = frozenset({"from", "by"})
"""Prepositions that name who does an act one undergoes or receives ("aid from Germany")."""


def _first_conjunct(token: Token) -> Token:
    """The first of coordinated nouns, which holds their shared role ("food and medicine")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _given(act: Token, verb: Token) -> list[Token]:
    """Who does an act that ``verb``'s subject undergoes: named in the act's own phrase or
    after from/by on the act or the verb."""
    return _doers(act) + prep_objects(act, AGENT_PREPS) + prep_objects(verb, AGENT_PREPS)


def _subjects(verb: Token) -> list[Token]:
    subject = subject_of(verb)
    return [subject] if subject is not None else []


def _doers(noun: Token) -> list[Token]:
    """Who an act's own phrase says does it: a possessor ("Russia's attack"), or a nation,
    state or body named before it ("Russian attack", "U.S. sanctions", "EU criticism")."""
    named = [
        c
        for c in noun.children
        if c.i < noun.i
        and (
            (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
            or (c.dep_ == "compound" and c.ent_type_ == "ORG")
        )
    ]
    return named_owners(noun) + named


RECEIVING_VERBS = frozenset(
    "receive get obtain accept face suffer sustain endure incur draw attract win earn".split()
)
"""Verbs whose subject receives or undergoes the act their object names ("received aid
from Germany", "faced sanctions from the EU", "drew criticism from Amnesty")."""


UNDERGONE_VERBS = frozenset({"face", "suffer", "endure", "sustain", "incur"})
"""Verbs of receiving whose subject always undergoes the act, whoever does it."""


def _received(token: Token) -> tuple[list[Token], list[Token]] | None:
    """ "Ukraine received military aid from Germany", "Iran faced fresh sanctions from the
    European Union", "the mayor received death threats from a cartel": an act named as the
    object of a verb of receiving or undergoing is done to that verb's subject; its source
    is whom "from" or "by" names, else whose act it is ("won the backing of Washington",
    "faced the EU's sanctions")."""
    noun = _first_conjunct(token)  # "received food and medicine"
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in RECEIVING_VERBS:
        return None
    verb = noun.head
    sources = _given(token, verb)
    if not sources and _of_names_agent(token):
        sources = prep_objects(token, frozenset({"of"}))
    if not sources and verb.lemma_.lower() not in UNDERGONE_VERBS:
        # "won the battle", "obtained an indictment against X", "got a meeting with X":
        # with no one named who gives it, the subject may be the one who acts
        return None
    return sources, _subjects(verb)


def _of_names_agent(token: Token) -> bool:
    """Whether the "of"-object of an act names who does it rather than what it moves: a
    shipment "of weapons" carries them, the backing "of Washington" is Washington's."""
    trigger = match_trigger(token)
    return trigger is not None and trigger.event_type not in THEME_TYPES


def noun_arguments(token: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    undergone = _undergone(token) or _received(token)
    if undergone is not None:
        return undergone
    # "The committee completed its investigation": "its" is the governing verb's subject
    owners = named_owners(token)
    sources = owners + prep_objects(token, frozenset({"by"}))
    if not sources and token.dep_ == "conj" and coarse_pos(token.head) == "NOUN":
        # "the DPRK's deployment of troops ... and the provision of military support":
        # coordinated acts share their author
        sources = named_owners(token.head) + prep_objects(token.head, frozenset({"by"}))
    targets = prep_objects(token, NOUN_TARGET_PREPS - SIDE_PREPS | side_preps(trigger))
    if trigger.event_type not in SYMMETRIC_TYPES:
        # "the blockade of Serbia ... with Albania's help": "with" names a partner, the
        # target only when nothing else does (talks, clashes with X are symmetric)
        others = prep_objects(
            token, (NOUN_TARGET_PREPS - SIDE_PREPS | side_preps(trigger)) - {"with"}
        )
        targets = others or targets
    themes: list[Token] = []
    if trigger.event_type in THEME_TYPES:
        # "the deployment of DPRK troops": the troops' country acts; "the United States
        # speeded up the withdrawal of some invasion forces from Panama": forces named by
        # no country leave it to the governing verb's subject, and Panama is left
        themes = prep_objects(token, frozenset({"of"}))
        targets = [t for t in targets if t not in themes]
        if trigger.event_type == "RETREAT":
            origin = frozenset({"from"})
            targets = targets or [p for t in (token, *themes) for p in prep_objects(t, origin)]
        sources = sources or [t for t in themes if _nationality_named(t)]
    anchor = token  # "launched artillery, mortar and rocket fire": conjuncts share the verb
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    if not sources and anchor.dep_ in ("dobj", "nsubjpass", "attr", "pobj"):
        # "X staged rallies", "X remained on alert": the governing verb's subject acts,
        # unless that verb is an event of its own ("X condemned the attack").
        verb = verb_of(anchor)
        light = verb.lemma_ in LIGHT_VERBS
        if verb.pos_ == "VERB" and verb.i != token.i and (light or match_trigger(verb) is None):
            subject = subject_of(verb)
            sources = [subject] if subject is not None else []
            if light:
                targets = targets or prep_objects(verb, TARGET_PREPS)
    if not sources and token.dep_ == "nsubj" and token.head.lemma_ in OCCURRENCE_VERBS:
        # "fighting broke out between the army and the RSF": the parser hangs the sides
        # on the verb that says the fighting happened
        sources = prep_objects(token.head, side_preps(trigger))
    if not sources and trigger.event_type == "PROTEST":
        sources = _drawn(token)
    sources = sources or themes
    if not sources:
        sources = [
            c
            for c in token.children
            if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")
        ]
    return sources, targets


TURNOUT_VERBS = frozenset({"draw", "attract", "bring"})
"""Verbs whose object is who came to a protest ("the rally drew 5,000 people")."""


def _drawn(token: Token) -> list[Token]:
    """Who a protest drew: the object of "drew" whose subject is the protest, or of a
    relative clause on it ("the demonstration, which drew about 800 people")."""
    verbs = [token.head] if token.dep_ == "nsubj" else []
    verbs += [c for c in token.children if c.dep_ == "relcl"]
    return [o for v in verbs if v.lemma_.lower() in TURNOUT_VERBS for o in children(v, "dobj")]
