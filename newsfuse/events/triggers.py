"""Trigger matching: which PLOVER event a word names, in the sense its object allows.

:func:`match_trigger` looks a verb or noun up in the trigger lexicon
(``data/triggers.tsv``) and keeps the first sense whose phrase and object needs fit
("sign" a *pact* is SUPPORT, "send" *troops* is AID). What a trigger acts on is read as
lemmas plus marks for kinds of object (``@money``, ``@territory``, ``@ground``,
``@munition``). It also holds "left N dead" (a toll, ASSAULT) and the fallback on the
CAMEO verb table (:mod:`newsfuse.events.cameo_verbs`) with the switches that govern it;
ending or breaking an agreement is in :mod:`newsfuse.events.agreements`.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.annotate.amounts import CURRENCIES
from newsfuse.annotate.gazetteer import name_key, sector_words, singular_forms
from newsfuse.events.agreements import agreement_ended, undoes_agreement
from newsfuse.events.cameo_verbs import cameo_match
from newsfuse.events.lexicon import Trigger, triggers
from newsfuse.events.syntax import (
    children,
    coarse_pos,
    counted,
    is_reduced_passive,
    is_temporal,
    prep_objects,
    subject_of,
    under_something,
    undergoing_verb,
)

NAME_ENTITIES = frozenset(
    {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "NORP"}
)
"""A word inside a name is part of the name, not an event ("... Cooperation (APEC)")."""

MONEY_NOUNS = frozenset(CURRENCIES.values()) | frozenset(
    "money cash fund funding rupee yuan renminbi rouble ruble franc peso rand dinar riyal rial "
    "won lira krona krone shekel taka naira shilling ringgit rupiah baht dirham".split()
)
"""Nouns of a sum: "contribute a million rupees to" gives money (PLOVER AID)."""

TERRITORY_NOUNS = frozenset(
    "town city village territory area base stronghold position district neighbourhood "
    "neighborhood province region airport port hill outpost garrison checkpoint border crossing "
    "capital suburb quarter enclave pocket valley island peninsula oilfield highway road "
    "bridge front frontline headquarters barracks camp county municipality settlement".split()
)
"""What is held by force: capturing one is PLOVER's FIGHT (mode occupy), not an arrest."""

SHARE_NOUNS = frozenset({"control", "part", "most", "half", "parts", "much", "all"})

TERRITORY_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _territorial(noun: Token, named: bool = True) -> bool:
    """A place held by someone: a territory noun ("a central town"), a named place (unless
    not ``named``: "took over Yugansk" is a firm), or control of / part of one ("seized
    control of the northern town")."""
    if noun.lemma_.lower() in TERRITORY_NOUNS or (named and noun.ent_type_ in TERRITORY_ENTITIES):
        return True
    if noun.lemma_.lower() in SHARE_NOUNS:
        return any(_territorial(o, named) for o in prep_objects(noun, frozenset({"of"})))
    return False


def _object_lemmas(token: Token) -> set[str]:
    """Lemmas of what a trigger acts on: its objects, passive subject, attributes, their PPs
    (not a date: "on Monday"). Marks stand for kinds of direct object: ``@money`` a sum
    ("a million rupees"), ``@territory`` a held place (:func:`_territorial`), ``@ground`` one
    named by a territory noun (for the looser verbs: "took the town", not "took over Yugansk")."""
    lemmas: set[str] = set()
    for child in token.children:
        if child.dep_ in (
            "dobj",
            "nsubjpass",
            "attr",
            "oprd",
            "dative",
            "pobj",
            "compound",
        ) or (child.dep_ in ("prep", "prt") and not is_temporal(child)):
            lemmas.update(t.lemma_.lower() for t in child.subtree)
            if child.dep_ == "dobj" and (
                child.ent_type_ == "MONEY" or child.lemma_.lower() in MONEY_NOUNS
            ):
                lemmas.add("@money")  # the sum is what is given, not a price ("for $9bn")
        elif child.dep_ in ("advmod", "acomp"):  # "set ablaze"
            lemmas.add(child.lemma_.lower())
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and coarse_pos(token) == "NOUN":
        lemmas.add(token.lemma_.lower())
    patients = children(token, "dobj", "nsubjpass")
    if is_reduced_passive(token):  # "shells fired by the army": the noun is the object
        noun = counted(token.head)
        patients.append(noun)
        lemmas.update(t.lemma_.lower() for t in (noun, *children(noun, "compound")))
    if any(counted(s).lemma_.lower() in BOMBS for s in children(token, "nsubj")):
        lemmas.add("@munition")  # "a bomb went off": what went off is the weapon
    if any(_territorial(o) for o in patients):
        lemmas.add("@territory")
    if any(_territorial(o, named=False) for o in patients):
        lemmas.add("@ground")
    return lemmas


def _needed(need: str, lemmas: set[str]) -> bool:
    """Whether an object lemma satisfies ``need`` ("ties" is needed, spaCy says "tie")."""
    return need in lemmas or f"{need}s" in lemmas or (need.endswith("s") and need[:-1] in lemmas)


def _phrase_ok(token: Token, trigger: Trigger) -> bool:
    particle = trigger.particle
    if particle is None:
        return True
    if trigger.pos == "NOUN":
        return any(c.dep_ == "compound" and c.lower_ == trigger.head for c in token.children)
    return any(
        c.dep_ in ("prt", "prep") and c.lower_ == particle and not is_temporal(c)
        for c in token.children
    )


IRREGULAR_FORMS = {"retook": "retake", "retaken": "retake", "overran": "overrun"}
"""Past forms of prefixed irregular verbs that spaCy's lemmatizer leaves as they are."""


def match_trigger(token: Token, cameo: bool = False) -> Trigger | None:
    """The trigger sense ``token`` has here, if any; with ``cameo``, falling back on the
    CAMEO verb table as :data:`CAMEO_FALLBACK` says."""
    pos = coarse_pos(token)
    if pos is None or (pos == "NOUN" and token.dep_ == "compound"):
        return None  # "battle experience": a modifier, not an event
    if token.ent_type_ in NAME_ENTITIES:
        return None  # "Asia-Pacific Economic Cooperation", "Ceasefire Violations Committee"
    lemma = token.lemma_.lower()
    if pos == "VERB":
        lemma = IRREGULAR_FORMS.get(lemma, lemma)
    if lemma == "march" and (token.ent_type_ == "DATE" or token.text == "March"):
        return None  # "in late March": the month
    undone = undoes_agreement(token) if pos == "VERB" else None
    if undone is not None:
        return undone
    candidates = list(triggers().get((lemma, pos), ()))
    if pos == "NOUN":  # "air strike": the compound is the phrase head
        for child in token.children:
            if child.dep_ == "compound":
                candidates = [
                    t for t in triggers().get((child.lower_, pos), ()) if t.lemma.endswith(lemma)
                ] + candidates
    if lemma in DRILLS and pos == "NOUN":
        return _drill(token)
    if lemma in SENDING and pos == "VERB" and _sent_near(token):
        return SHOW_OF_FORCE_SENT  # "sent 30 warplanes towards Taiwan": no one receives them
    if lemma in GATHERING_VERBS and pos == "VERB" and _protesters_gathered(token):
        return PROTESTERS_GATHERED  # "protesters gathered outside parliament": a demonstration
    if lemma == "order" and pos == "VERB" and _forces_ordered_in(token):
        return DEPLOYMENT_ORDERED  # "ordered thousands of troops into the refineries"
    if lemma == "order" and pos == "VERB" and _orders_another(token):
        return ORDER_GIVEN  # "ordered Niger's junta to reinstate the president"
    if lemma == "storm" and any(c.lower_ in ("out", "off") for c in token.children):
        return None  # "stormed out of parliament": a walkout, no attack
    if lemma == "strike" and pos == "VERB" and _walkout(token):
        return LABOUR_STRIKE  # "pilots are striking in protest at working conditions"
    if lemma == "strike" and pos == "NOUN" and _aimed(token):
        return MILITARY_STRIKE  # "Israel's strikes on Gaza": attacks, not a walkout
    lodged = token.dep_ == "dobj" and token.head.lemma_.lower() in COMPLAINT_VERBS
    if lemma == "protest" and pos == "NOUN" and lodged:  # CAMEO "LODGE * PROTEST" [110]
        return FORMAL_PROTEST
    if lemma == "talk" and pos == "NOUN" and prep_objects(token, frozenset({"of"})):
        return None  # "talk of a deal between the firms": rumour, no talks held
    if lemma == "oppose" and token.i > 0 and token.doc[token.i - 1].lower_ == "as":
        return None  # "4% as opposed to 5%": a comparison
    if lemma == "fire" and pos == "NOUN" and undergoing_verb(token) is not None:
        return FIRE_UNDERGONE  # "came under fire from X": X's fire aimed at the subject
    if lemma == "leave" and pos == "VERB" and _left_without(token):
        return None  # "left millions without power": a condition, not a departure
    if lemma == "leave" and pos == "VERB" and (state := resultative_state(token)) is not None:
        # "left N dead" tells a toll; "left N homeless" a condition, of no one's act
        return RESULTATIVE_TRIGGER if state in CASUALTY_STATES else None
    if lemma == "charge" and pos == "VERB" and _object_lemmas(token) & PRICES:
        return None  # "charge a patent royalty": a price, no accusation
    if (
        lemma == "disperse"
        and pos == "VERB"
        and not children(token, "dobj", "nsubjpass", "auxpass")
    ):
        return None  # "the crowd dispersed": it broke up, no one dispersed it
    if lemma in MOVES and pos == "VERB" and not _coded_actor_goes(token):
        return None  # "the flight left Los Angeles", "he returned to Detroit": no withdrawal
    objects: set[str] | None = None
    for trigger in candidates:
        if not _phrase_ok(token, trigger):
            continue
        if trigger.event_type == "AGREE" and pos == "NOUN" and agreement_ended(token):
            continue  # "abandoned the treaty", "violated the accord": no agreement is made
        if trigger.needs:
            objects = objects if objects is not None else _object_lemmas(token)
            if not any(_needed(need, objects) for need in trigger.needs):
                continue
        return trigger
    if (
        cameo
        and pos == "VERB"
        and CAMEO_FALLBACK != "off"
        and not (CAMEO_FALLBACK == "unknown" and candidates)
    ):
        return cameo_trigger(token)
    return None


DRILLS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame"})
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})
MILITARY_WORDS = frozenset(
    "military naval navy army air war live missile amphibious combat artillery force troop".split()
)
JOINT_DRILL = Trigger("COOPERATE", "exercise", "NOUN", None, frozenset())
SHOW_OF_FORCE = Trigger("MOBILIZE", "exercise", "NOUN", None, frozenset())


def _drill(token: Token) -> Trigger | None:
    """Military exercises held with others are cooperation (PLOVER COOPERATE, military);
    held alone they demonstrate military power (CAMEO 150, PLOVER MOBILIZE)."""
    words = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    verb = token.head if token.dep_ in ("dobj", "nsubjpass") else token
    partners = any(  # "held exercises with the US", "Russia and Belarus held exercises"
        c.dep_ == "prep" and c.lower_ == "with" for t in {token, verb} for c in t.children
    ) or any(c.dep_ == "conj" for s in children(verb, "nsubj") for c in s.children)
    if words & JOINT_WORDS or partners:
        return JOINT_DRILL
    if words & MILITARY_WORDS:
        return SHOW_OF_FORCE
    return None


SENDING = frozenset({"send", "dispatch", "move"})
NEAR_PREPS = frozenset({"towards", "toward", "near", "around", "off", "close"})
FORCE_WORDS = frozenset(
    "troop soldier force warplane warship plane jet aircraft bomber fighter ship vessel "
    "destroyer frigate carrier submarine drone tank".split()
)
CIVILIAN_CRAFT = frozenset(
    "aid rescue firefighting humanitarian evacuation relief medical hospital cargo "
    "passenger".split()
)
"""Words that make a plane or ship sent somewhere a civilian one ("firefighting planes", "a
rescue ship"): help or transport, no show of force."""
SHOW_OF_FORCE_SENT = Trigger("MOBILIZE", "send", "VERB", None, frozenset())


def _sent_near(verb: Token) -> bool:
    """Forces sent towards, near or around a place and to no one (CAMEO 150, show of
    force; PLOVER MOBILIZE), or "to" a border, a sea or a region, where no one receives
    them, unlike troops sent "to" an ally (AID)."""
    # the parser may hang the destination on what is sent, or call it a dative ("sent
    # warships to the eastern Mediterranean")
    heads = [verb, *children(verb, "dobj")]
    preps = [
        c
        for h in heads
        for c in h.children
        if c.dep_ in ("prep", "dative") and c.pos_ == "ADP" and not is_temporal(c)
    ]
    near = any(p.lower_ in NEAR_PREPS for p in preps)
    to = [o for p in preps if p.lower_ == "to" for o in children(p, "pobj")]
    if not near and not (to and all(_unreceiving(o) for o in to)):
        return False
    sent = {t.lemma_.lower() for o in children(verb, "dobj") for t in o.subtree}
    return bool(sent & FORCE_WORDS) and not sent & CIVILIAN_CRAFT


UNRECEIVING_PLACES = frozenset(
    "border frontier sea ocean waters coast gulf strait region area zone mediterranean "
    "peninsula island".split()
)


def _unreceiving(place: Token) -> bool:
    """A place no actor stands for ("its border with Belarus", "the eastern
    Mediterranean"), not a state or city that receives what is sent ("to Ukraine")."""
    if place.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return False
    return place.ent_type_ == "LOC" or place.lemma_.lower() in UNRECEIVING_PLACES


DEPLOYED = FORCE_WORDS | frozenset({"police", "policeman", "army", "militia", "reservist"})
"""Who can be ordered somewhere: a deployment (the object, or what its amount counts)."""
DEPLOY_PREPS = frozenset({"into", "to", "onto", "towards", "toward"})
DEPLOYMENT_ORDERED = Trigger("MOBILIZE", "order", "VERB", None, frozenset())


def _forces_ordered_in(verb: Token) -> bool:
    """ "ordered thousands of troops into the refineries": forces moved somewhere at their
    commander's order, a deployment (PLOVER MOBILIZE: "deploy"). "ordered troops to
    withdraw" orders an act (its own event) and "ordered an inquiry into the army" moves no
    force: the forces must be the object and a place the object of "into" / "to"."""
    if not any(
        prep.lower_ in DEPLOY_PREPS and children(prep, "pobj") and not is_temporal(prep)
        for prep in children(verb, "prep")
    ):
        return False
    return any(counted(o).lemma_.lower() in DEPLOYED for o in children(verb, "dobj"))


GATHERING_VERBS = frozenset({"gather", "assemble", "converge", "congregate", "throng", "mass"})
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
PLACE_ADVERBS = frozenset({"outside", "inside", "near", "around", "opposite", "beside"})
PROTESTERS_GATHERED = Trigger("PROTEST", "gather", "VERB", "demo", frozenset())
"""People protesting who come together in public are a demonstration (CAMEO 141, PLOVER
PROTEST demo) whether or not the sentence says what for; who else gathers ("officials
gathered in Geneva", "students gathered for the ceremony") is no event."""


def _purpose_trigger(clause: Token) -> bool:
    """A "to" clause of purpose whose verb is itself a trigger ("gathered to denounce")."""
    return (
        clause.dep_ in ("xcomp", "advcl")
        and clause.pos_ == "VERB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        and match_trigger(clause) is not None
    )


def _protesters_gathered(verb: Token) -> bool:
    """The subject of ``verb`` is protesters ("protesters", "hundreds of demonstrators",
    "a crowd of protesters"), and no clause of purpose carries the event ("gathered to
    denounce ...": that clause's verb is the trigger)."""
    collected = [  # "gathered outside parliament" misparsed as an object is a place
        o for o in children(verb, "dobj") if not any(c.lower_ in PLACE_ADVERBS for c in o.children)
    ]
    if verb.lemma_.lower() in ("gather", "assemble") and collected:
        return False  # "gathered signatures", "gathered their belongings": collecting things
    if any(_purpose_trigger(c) for c in verb.children):
        return False
    for subject in children(verb, "nsubj"):
        heads = [subject, *(o for p in children(subject, "prep") if p.lower_ == "of"
                            for o in children(p, "pobj"))]  # fmt: skip
        if any(h.lemma_.lower() in PROTESTERS for h in heads):
            return True
    return False


ORDER_GIVEN = Trigger("DEMAND", "order", "VERB", None, frozenset())


def _orders_another(verb: Token) -> bool:
    """ "ordered the junta to reinstate the president": an order to another actor to act
    (PLOVER DEMAND: "demand or order"), not a commander moving or tasking their own forces
    ("ordered troops to withdraw") nor an order for a thing ("ordered an inquiry")."""
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    objects = [counted(o) for o in children(verb, "dobj")]
    return bool(objects) and not any(
        o.lemma_.lower() in DEPLOYED or _own(o) for o in objects
    )  # "ordered his men to ...", "ordered its troops to ...": its own people, a command


OWN_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})


def _own(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in noun.children)


STRIKE_AIMS = frozenset({"on", "against"})
STRIKE_KINDS = frozenset(
    "drone missile rocket military retaliatory pre-emptive preemptive precision "
    "nuclear naval artillery cruise aerial unmanned".split()
)
MILITARY_STRIKE = Trigger("ASSAULT", "strike", "NOUN", None, frozenset())


def _aimed(strike: Token) -> bool:
    """A strike aimed at a place or a party ("strikes on Gaza", "a drone strike"), not a
    labour strike ("a strike by teachers", "a strike at the plant", "a general strike")."""
    if {c.lower_ for c in strike.children if c.dep_ in ("amod", "compound")} & STRIKE_KINDS:
        return True
    return any(
        _attackable(target)
        for prep in strike.children
        if prep.dep_ == "prep" and prep.lower_ in STRIKE_AIMS and not is_temporal(prep)
        for target in children(prep, "pobj")
    )


LABOUR_STRIKE = Trigger("PROTEST", "strike", "VERB", "strike", frozenset())
WALKOUT_BLOCKERS = frozenset({"at", "on", "upon", "against", "into", "back"})
STRIKERS_NOT = frozenset(
    "militant rebel insurgent gunman bomber attacker guerrilla assailant fighter jet "
    "earthquake quake storm hurricane typhoon cyclone tornado lightning disaster tragedy "
    "virus disease".split()
)
"""Subjects whose striking is an attack or a blow of fate, never a walkout."""


def _walkout(verb: Token) -> bool:
    """ "Workers struck for higher pay", "pilots are striking in protest": a strike with
    nothing struck (no object, no passive, no "at" / "on" / "against" a target, no one
    killed; "in protest" names the grievance instead) by people who are no armed force is a
    labour strike (CAMEO 143, PLOVER PROTEST mode strike); an attack ("militants struck a
    convoy", "jets struck overnight") has a target or an armed author."""
    if children(verb, "dobj", "nsubjpass", "auxpass", "dative", "prt"):
        return False
    preps = children(verb, "prep")
    in_protest = any(
        p.lower_ == "in" and any(o.lemma_.lower() == "protest" for o in children(p, "pobj"))
        for p in preps
    )  # "striking ... in protest at working conditions": the "at" is the grievance
    if not in_protest and any(p.lower_ in WALKOUT_BLOCKERS and not is_temporal(p) for p in preps):
        return False
    if any(c.lemma_.lower() in HARMS for c in children(verb, "advcl", "conj")):
        return False
    subject = subject_of(verb)
    if subject is None:
        return False
    noun = counted(subject).lemma_.lower()
    return noun not in FORCE_WORDS | BOMBS | STRIKERS_NOT and subject.pos_ != "PRON"


HARMS = frozenset({"kill", "wound", "injure", "hurt", "maim"})

STRIKE_TARGETS = frozenset(
    "target site infrastructure hospital facility depot convoy ship vessel school refinery "
    "plant airfield militant rebel fighter".split()
)
NOT_TARGET_ENTITIES = frozenset({"ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def _attackable(noun: Token) -> bool:
    """A place or an armed party, what a military strike hits ("on Gaza", "on hospitals",
    "against Houthi positions"), not a policy or a firm ("against the pension reform",
    "against Ford")."""
    if noun.ent_type_ in TERRITORY_ENTITIES | {"NORP"}:
        return True
    if noun.pos_ == "PROPN" and noun.ent_type_ not in NOT_TARGET_ENTITIES:
        return True  # a place the model did not tag ("strikes on Bahawalpur")
    return noun.lemma_.lower() in STRIKE_TARGETS or _territorial(noun, named=False)


COMPLAINT_VERBS = frozenset({"lodge", "file", "register", "deliver", "submit", "send", "issue"})

FORMAL_PROTEST = Trigger("DISAPPROVE", "protest", "NOUN", None, frozenset())
"""A protest lodged, filed or delivered is a formal complaint (CAMEO 110, PLOVER
DISAPPROVE), not a demonstration."""

CASUALTY_STATES = frozenset({"dead", "injured", "wounded", "hurt"})

CASUALTY_RESULTS = CASUALTY_STATES | {"homeless", "missing", "stranded", "destitute"}

RESULTATIVE_TRIGGER = Trigger("ASSAULT", "leave", "VERB", None, frozenset())
"""ASSAULT is PLOVER's type for violence whose casualties a report gives without naming a
fight ("the attacks have left nine people dead"); FIGHT still follows from its means or
armed parties (:func:`~newsfuse.events.recast.recast`), and a disaster's toll is no event at all (nonevents)."""


PRICES = frozenset(
    "fee royalty price rate tariff tax interest premium commission toll fare rent @money".split()
)
"""What a seller charges: "charge a fee" is a price, "charged with murder" an accusation."""

MOVES = frozenset({"leave", "return"})
"""Verbs of going that are PLOVER RETREAT only when an actor that PLOVER codes goes
("troops left the city", "the delegation left Geneva") or something held is given back
("returned the seized weapons"); "the flight left Los Angeles" is travel."""


def _coded_actor_goes(token: Token) -> bool:
    """Whether a coded actor (a country, an organisation, a role) goes, or something is
    given back."""
    if token.lemma_.lower() == "return" and children(token, "dobj"):
        return True
    subject = subject_of(token)
    if subject is None:
        return False
    if any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in subject.subtree):
        return True
    return any(
        form in sector_words() for t in subject.subtree for form in singular_forms(name_key(t.text))
    )


def _left_without(token: Token) -> bool:
    """ "left X without Y": the state an act leaves someone in."""
    return bool(children(token, "dobj")) and any(
        c.dep_ == "prep" and c.lower_ == "without" for c in token.children
    )


def resultative_state(token: Token) -> str | None:
    """The state "leave" puts people in ("left N dead", "were left homeless"): the cause of
    a condition, not a departure (RETREAT needs the departure sense: "left the city")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for obj in objects:
        # "left 12 dead": the adjective standing for the people, with the toll on it
        if obj.lower_ in CASUALTY_RESULTS and any(c.dep_ == "nummod" for c in obj.children):
            return obj.lower_
    return next(
        (
            c.lower_
            for c in (*token.children, *(d for o in objects for d in o.children))
            if c.dep_ not in ("dobj", "nsubjpass") and c.lower_ in CASUALTY_RESULTS
        ),
        None,
    )


CAMEO_FALLBACK = "unmatched"
"""When the CAMEO verb table (:mod:`newsfuse.events.cameo_verbs`) types a verb: ``unknown``,
for verbs the hand lexicon does not list; ``unmatched``, also for listed verbs none of whose
senses fits here; ``off``, never."""

CAMEO_PATTERNS_ONLY = True
"""Whether only a matched CAMEO pattern types a verb, not the verb's own code. A verb's own
code is its block's generic sense ("expect", "plan" 030; "die" 190), which PETRARCH2 codes
only with both actors found; on 120 BBC articles it more than doubled the events coded
(290 to 617), mostly not events, where patterns alone added a fifth (348)."""

CAMEO_SCOPE = "sentence"
"""``sentence``: the CAMEO table is read only in sentences where the hand lexicon finds no
trigger; ``token``: for any verb the lexicon does not type."""


FIRE_UNDERGONE = Trigger("ASSAULT", "fire", "NOUN", None, frozenset())
"""Fire one comes under is fire aimed at one, as "fired at" is: ASSAULT, which PLOVER's
conventions (:func:`~newsfuse.events.recast.recast`) make FIGHT where both sides are armed
or the means are military ("troops came under rocket fire"); a party that can only speak
("came under fire from the opposition") is recast as CAMEO 111 criticism, as CAMEO codes
"come * (under fire)"."""


def cameo_trigger(token: Token) -> Trigger | None:
    """A trigger from the CAMEO verb table, None where it codes no PLOVER event."""
    if under_something(token):
        # "came under fire", "fell under the control of": to come under an act is to
        # undergo it (CAMEO itself codes "come * (under fire)" and "(under pressure)" in the
        # reverse direction, which the table leaves out), so the verb of ARRIVE says no
        # arrival; the act, when it is one, is the noun's event
        return None
    if children(token, "nsubjpass") and not children(token, "agent"):
        # CAMEO's patterns read "SOURCE verb TARGET"; with no "by", a passive's subject is
        # whom it was done to ("were rushed to hospital"), and no source acts
        return None
    match = cameo_match(token)
    if match is None or match.plover is None:
        return None
    if CAMEO_PATTERNS_ONLY and match.pattern is None:
        return None
    return Trigger(match.plover, match.verb, "VERB", None, frozenset())


MUNITIONS = frozenset(
    "shell round rocket missile mortar bomb grenade projectile bullet shot gunshot salvo barrage "
    "munition explosive container canister barrel bomblet gas chemical".split()
)
"""What is fired or dropped: the instrument of a violent act, never its target ("fired two
artillery shells at the village": the village is the target)."""

BOMBS = MUNITIONS | frozenset({"device", "ied", "mine", "landmine", "car", "truck", "vehicle"})
"""What goes off: a munition, an improvised device, a car or truck bomb ("a car bomb went
off": spaCy makes "car" the compound or the head)."""
