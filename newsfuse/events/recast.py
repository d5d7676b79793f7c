"""PLOVER's conventions for what type an act takes, where a trigger's plain sense is wrong.

:func:`recast` makes a promised or offered cooperation AGREE, an announced or
conditional use of force THREATEN, a refusal to cooperate REJECT, and violence with
military weapons or between armed forces FIGHT rather than ASSAULT; an armed force
marching is MOBILIZE and soldiers looting a seizure (COERCE), not PROTEST.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from newsfuse.events.framing import SPEECH_VERBS, no_one_does, unintended
from newsfuse.events.syntax import is_temporal, prep_objects, subject_of, undergoing_verb
from newsfuse.events.triggers import match_trigger
from newsfuse.model import Event

COOPERATIVE_TYPES = frozenset({"SUPPORT", "AID", "CONCEDE", "RETREAT", "COOPERATE", "CONSULT"})

FORCEFUL_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE"})

MILITARY_SECTORS = frozenset({"MIL", "REB"})

MILITARY_MEANS = frozenset(
    "artillery mortar rocket missile aircraft gunship helicopter tank shell shelling gunbattle airstrike "
    "warplane jet drone".split()
)

TROOP_MOVES = frozenset({"march"})

PLUNDER = frozenset({"loot", "looting", "ransack"})
"""Plunder is a riot (CAMEO 145, PLOVER PROTEST mode riot) when a crowd or no one named does
it, a seizure (COERCE confiscate) when the state or an armed group does. Setting property on
fire is COERCE (destroy) whoever does it, as the PLOVER gold codes settlers' arson."""

STATE_FORCE_SECTORS = frozenset({"GOV", "MIL", "COP", "REB"})


def recast(event: Event, sentence: Span, token: Token) -> Event:
    """PLOVER's conventions for what a trigger's plain sense gets wrong (``token`` is the
    trigger).

    A promise or offer of cooperation is AGREE and a conditional or announced use of
    force is THREATEN; refusing to cooperate is REJECT; violence with military weapons,
    or between armed forces, is FIGHT, not ASSAULT.
    """
    lemma = token.lemma_.lower()
    armed = any(a.sector in MILITARY_SECTORS for a in event.source)
    if lemma in TROOP_MOVES and event.event_type == "PROTEST" and armed:
        # PROTEST is civilian dissent; an armed force marching is a move of forces
        event = replace(event, event_type="MOBILIZE", mode="troops")
    state = any(a.sector in STATE_FORCE_SECTORS for a in event.source)
    if lemma in PLUNDER and event.event_type == "PROTEST" and state:
        # soldiers or militias looting a town: a seizure of property, not a riot
        event = replace(event, event_type="COERCE", mode="confiscate")
    gathered = token.dep_ in ("advcl", "xcomp") and token.head.lemma_.lower() in GATHERINGS
    if (lemma == "protest" or gathered) and event.event_type == "DISAPPROVE" and _crowd(token):
        # PLOVER PROTEST is a demonstration: "thousands of Kenyans protested" is one,
        # "a human rights group protested" a verbal complaint (DISAPPROVE)
        event = replace(event, event_type="PROTEST", mode=None)
    if lemma == "protest" and event.event_type == "DISAPPROVE" and _protest_by_deed(token, event):
        # "growers dumped lemons on the streets to protest", "shunned work to protest": a
        # deed of civilian dissent is PLOVER PROTEST; words of protest stay DISAPPROVE
        event = replace(event, event_type="PROTEST", mode=None)
    if event.event_type == "FIGHT" and _fire_opened_on_unarmed(token, sentence):
        # "police opened fire on protesters": CAMEO 193 (small arms), but PLOVER FIGHT is
        # force between armed sides; fire opened on people who do not fight back is
        # one-sided force (ASSAULT), as "fired shots at villagers" is, with small arms
        event = replace(event, event_type="ASSAULT", mode="firearms")
    if lemma in SCUFFLES and event.event_type == "FIGHT" and _crowd_side(event):
        # PLOVER FIGHT is combat between armed forces; protesters clashing with police is
        # a violent protest (CAMEO 145, PLOVER PROTEST mode riot)
        event = replace(event, event_type="PROTEST", mode="riot")
    if event.event_type in ("ASSAULT", "FIGHT") and _criticism_come_under(event, sentence, token):
        # "the minister came under fire over the scandal": to come under fire is, unless
        # arms or harm show it is shooting, to be criticised (CAMEO 111, PLOVER DISAPPROVE)
        event = replace(event, event_type="DISAPPROVE", mode=None)
    if (
        lemma in WORDS_OF_WAR
        and event.event_type in ("ASSAULT", "FIGHT")
        and _said(event, sentence, token)
    ):
        # "Tories attack EU asylum moves", "top judge clashes with ministers": parties,
        # judges, lawyers, unions, the press wield no force; their attack is criticism
        # (CAMEO 111 "ATTACK * POLICY", PLOVER DISAPPROVE), not PLOVER's use of force
        event = replace(event, event_type="DISAPPROVE", mode=None)
    if lemma in CROWD_ENTRIES and event.event_type == "ASSAULT" and _crowd(token, CROWDS):
        # protesters storming a building: a riot (CAMEO 145, PLOVER PROTEST mode riot);
        # students occupying one: a sit-in (PLOVER PROTEST mode obstruct)
        event = replace(event, event_type="PROTEST", mode=CROWD_ENTRIES[lemma])
    if event.event_type == "FIGHT" and lemma in LAUNCHES and _aimed_at_no_one(token, event):
        # "fired a ballistic missile over Hokkaido", "launched a long-range rocket": a show
        # of force short of its use (CAMEO 15, PLOVER MOBILIZE weapons)
        event = replace(event, event_type="MOBILIZE", mode="weapons")
    if event.event_type == "COERCE" and kills(token):
        # "raided a village, burning houses and killing five": deaths make it violence
        event = replace(event, event_type="ASSAULT", mode=None)
    if lemma in PROMISES and event.event_type == "AGREE" and _promises_force(token):
        # "vowed to retaliate against Israel": a promise of force is a threat (PLOVER)
        event = replace(event, event_type="THREATEN", mode=None)
    kind = event.event_type
    if (
        event.negated
        and kind in COOPERATIVE_TYPES | {"AGREE"}
        and not no_one_does(token)
        and not unintended(token)  # "has no plans to visit": no offer or demand turned down
    ):
        # a refusal needs someone who refuses: "no country has recognised X" is no REJECT
        return replace(event, event_type="REJECT", negated=False)
    if event.hypothetical and not event.negated:
        if kind == "CONCEDE" and lemma in EASINGS:
            return event  # "said it would ease restrictions": a promised easing is CONCEDE
        if kind in COOPERATIVE_TYPES:
            return replace(event, event_type="AGREE")
        if kind in FORCEFUL_TYPES:
            return replace(event, event_type="THREATEN")
    if kind == "ASSAULT":
        # police are armed too: militants against police or troops is a clash of armed forces
        armed_target = any(a.sector in MILITARY_SECTORS | {"COP"} for a in event.target)
        means = {t.lemma_.lower() for t in sentence} & MILITARY_MEANS
        if means or event.mode in ("artillery", "aerial") or (armed and armed_target):
            return replace(event, event_type="FIGHT")
        if _died_in_riot(token) and not any(a.sector for a in event.source):
            # "fifteen people were killed during food riots", no killer named: the deaths
            # are the riot's (a violent protest: CAMEO 145, PLOVER PROTEST mode riot)
            return replace(event, event_type="PROTEST", mode="riot")
        if _harmed_in_fight(token) and (armed_target or not _protest_crowd_in_fight(token)):
            # "killed in fighting between rival militias", "were killed in fighting at a
            # refinery": those harmed in a fight, a clash, a battle are the toll of violence
            # between two sides that both fight (PLOVER FIGHT), whoever they were; "a
            # protester was killed in clashes with police" stays one-sided (a crowd is unarmed)
            return replace(event, event_type="FIGHT")
        if (subject := subject_of(token)) is not None and subject.lemma_.lower() in PLANES:
            # "planes from Afghanistan attacked Pakistani villages": a plane that attacks is
            # a warplane, and an air attack is CAMEO 195 (aerial weapons), PLOVER FIGHT
            return replace(event, event_type="FIGHT", mode="aerial")
    return event


EASINGS = frozenset({"ease", "lift", "relax", "loosen", "remove", "cancel"})
"""PLOVER CONCEDE: "promised easing of restrictions" is itself the (verbal) concession."""

WORDS_OF_WAR = frozenset({"attack", "clash", "battle", "hit", "blast", "fight", "slam", "fire"})
"""Verbs news uses for force and for words alike."""

SPEAKING_SECTORS = frozenset({"PTY", "OPP", "LEG", "JUD", "JRN", "EDU", "NGO", "HRI", "LAB",
                              "ENV", "BUS", "MED", "ELI"})  # fmt: skip
"""Sectors whose members act on others by words, not force (PLOVER's armed and state
sectors, civilians and religious actors left out: villagers and clerics' followers do riot)."""

DOCUMENTS = frozenset(
    "report study editorial survey letter statement article book paper column review audit "
    "memo dossier".split()
)
"""What can attack only in words: "a report attacks defence spending"."""

VIOLENCE_CUES = frozenset(
    "kill die dead death wound injure injured hurt bomb gun gunman gunfire shoot shot stab "
    "knife grenade rocket missile shell explosive blast arson fire beat beating mortar "
    "weapon armed riot machete stone rock stick club sword axe petrol acid baton truncheon "
    "punch kick hostage".split()
)
"""Words of a sentence that make its attack physical whoever the attacker is."""


def _said(event: Event, sentence: Span, token: Token) -> bool:
    """Whether an attack (``token``) is one of words: a document attacks, or every source
    is of a speaking sector, and nothing else in the sentence tells of force or harm."""
    subject = subject_of(token)
    written = subject is not None and subject.lemma_.lower() in DOCUMENTS
    speakers = bool(event.source) and all(a.sector in SPEAKING_SECTORS for a in event.source)
    if not (written or speakers):
        return False
    if any(a.sector in MILITARY_SECTORS | {"COP"} for a in event.target):
        return False  # "clashed with police": a scuffle with armed men, whoever started it
    if any(
        c.dep_ == "prep" and c.lower_ == "with" for c in token.children if token.lemma_ == "attack"
    ):
        return False  # "attacked a station with ...": an instrument
    words = {w for t in sentence if t.i != token.i for w in (t.lemma_.lower(), t.lower_)}
    return not words & VIOLENCE_CUES


ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "CRM"})
"""Sectors that bear arms: their fire is shooting."""

HARM_CUES = frozenset(
    "kill die dead death wound injure injured hurt casualty wounded killed".split()
)
"""Words of a sentence that tell of bodily harm."""


def _criticism_come_under(event: Event, sentence: Span, token: Token) -> bool:
    """Whether fire one comes under (``token``, "came under fire") is criticism, as news
    mostly means it: the fire is for or over a reason ("over the scandal", "for its slow
    delivery of tanks": one is shot at for no reason a sentence gives), or every source
    speaks (:data:`SPEAKING_SECTORS`), or nothing shows shooting: no weapon named with the
    fire ("rocket fire", "sniper fire"), no armed source, no harm or arms in the sentence."""
    verb = undergoing_verb(token) if token.lemma_.lower() == "fire" else None
    if verb is None:
        return False
    reasons = [
        p
        for p in (*verb.children, *token.children)
        if p.dep_ == "prep" and p.lower_ in ("over", "for") and not is_temporal(p)
    ]
    if reasons or (event.source and all(a.sector in SPEAKING_SECTORS for a in event.source)):
        return True
    modifiers = {
        w.lemma_.lower()
        for c in token.children
        if c.dep_ in ("compound", "amod", "nmod")
        for w in c.subtree
    }
    if modifiers & (VIOLENCE_CUES | MILITARY_MEANS | {"sniper", "gun", "small", "live", "enemy"}):
        return False
    if any(a.sector in ARMED_SECTORS for a in event.source):
        return False
    words = {w for t in sentence if t.i != token.i for w in (t.lemma_.lower(), t.lower_)}
    return not words & (HARM_CUES | MILITARY_MEANS)


FIGHT_SETTINGS = frozenset({"in", "during", "amid"})
RIOTS = frozenset({"riot", "rioting", "protest", "demonstration"})
CASUALTIES = frozenset({"kill", "wound", "injure", "die", "hurt"})


def _died_in_riot(token: Token) -> bool:
    """ "were killed in riots", "injured during protests": people killed or hurt in the
    course of a protest (not "amid protests", a background, nor in a "strike", which may
    be an air strike)."""
    if token.lemma_.lower() not in CASUALTIES:
        return False
    return any(
        obj.lemma_.lower() in RIOTS
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


PLANES = frozenset({"plane", "airplane", "aeroplane"})
"""Aircraft words that are not military by themselves (:data:`MILITARY_MEANS` has those)."""

PROTEST_CROWDS = frozenset("protester protestor demonstrator rioter marcher".split())
"""Who protests: harmed in clashes with police, they are harmed by one-sided force or in a
riot, not in a fight of armed sides."""
CROWD_SIDES = PROTEST_CROWDS | frozenset(
    "supporter student mourner resident fan youth crowd mob".split()
)
"""Civilian crowds that, as a side of a clash, make it no fight of armed sides."""


UNARMED = CROWD_SIDES | frozenset(
    "civilian villager worshipper passenger pilgrim shopper motorist bystander refugee "
    "migrant child family people voter patient farmer fisherman".split()
)
"""People who do not bear arms: fire opened on them is one-sided."""


def _fire_opened_on_unarmed(token: Token, sentence: Span) -> bool:
    """ "opened fire on protesters", "opened fire at a crowd of mourners": fire opened on
    people every one of whom is unarmed (:data:`UNARMED`; a crowd by whom it is of), none
    said to be armed, no fire returned in the sentence, and no military means among the
    shooters or what they fired with (a tank or a helicopter opening fire is military
    force)."""
    fire = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire"]
    if token.lemma_.lower() != "open" or not fire:
        return False
    preps = [
        p
        for head in (token, *fire)
        for p in head.children
        if p.dep_ == "prep" and not is_temporal(p)  # "on Friday": when
    ]
    # "on" names whom the fire is aimed at; "at" does where none is given ("opened fire on
    # worshippers at a mosque": the mosque is where)
    aimed = [o for p in preps if p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
    aimed = aimed or [o for p in preps if p.lower_ == "at" for o in p.children if o.dep_ == "pobj"]
    people = [_whom(c) for o in aimed for c in (o, *o.conjuncts)]
    if not people or not all(o.lemma_.lower() in UNARMED for o in people):
        return False
    if any(t.lemma_.lower() == "arm" for o in people for t in o.subtree):
        return False  # "rioters armed with guns", "a crowd of armed men"
    if any(_returned(t) for t in sentence):
        return False  # "..., who fired back": both sides armed
    means = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    means += [c for p in preps if p.lower_ == "with" for c in p.children]
    return not {t.lemma_.lower() for m in means for t in m.subtree} & MILITARY_MEANS


def _whom(noun: Token) -> Token:
    """The people a collective noun ("a crowd of gunmen") is made of, else the noun."""
    if noun.lemma_.lower() in ("crowd", "group", "gathering", "mob", "column"):
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
    return noun


def _returned(token: Token) -> bool:
    """ "returned fire", "fired back", "shot back": fire answered, by an armed side."""
    lemma = token.lemma_.lower()
    if lemma == "return":
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in token.children)
    return lemma in ("fire", "shoot") and any(c.lower_ == "back" for c in token.children)


def _protest_crowd_in_fight(token: Token) -> bool:
    """Whether the harmed are protesters ("a protester was killed in clashes with police")
    or a side of the fight they were harmed in is a civilian crowd ("killed in clashes
    between police and supporters of the opposition", "... and residents protesting a land
    grab"). Only the harm's own words count, not another clause of the sentence; those
    harmed may be civilians in a fight of armed sides ("villagers killed in fighting")."""
    harmed = [c for c in token.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
    if any(t.lemma_.lower() in PROTEST_CROWDS for phrase in harmed for t in phrase.subtree):
        return True
    sides = [t for setting in _fight_settings(token) for t in setting.subtree]
    return any(
        t.lemma_.lower() in CROWD_SIDES or t.lemma_.lower() in ("protest", "demonstrate")
        for t in sides
    )


def _harmed_in_fight(token: Token) -> bool:
    """Whether the harm was done "in clashes", "in an exchange of fire", "during fighting":
    deaths of armed men in a fight between armed sides are that fight's toll, PLOVER FIGHT."""
    return any(
        obj.lemma_.lower() in COMBAT
        or ((trigger := match_trigger(obj)) is not None and trigger.event_type == "FIGHT")
        for obj in _fight_settings(token)
    )


def _fight_settings(token: Token) -> list[Token]:
    """The nouns a harm was done in, during or amid ("clashes", "fighting"), with what a
    span of time is of ("two days of fighting") and what a gerund acts on."""
    # conjuncts share their adjuncts: "were killed and five wounded in an exchange of fire"
    harms = [token, *(c for c in token.children if c.dep_ == "conj")]
    settings = [
        obj
        for harm in harms
        for prep in harm.children
        if prep.dep_ == "prep" and prep.lower_ in FIGHT_SETTINGS
        for obj in prep.children
        if obj.dep_ in ("pobj", "pcomp")
    ]
    # "in checking a new offensive": the fight is the object; "in two days of fighting":
    # the fight is what the span of time is of
    settings += [o for s in settings if s.dep_ == "pcomp" for o in s.children if o.dep_ == "dobj"]
    settings += [o for s in settings for o in prep_objects(s, frozenset({"of"}))]
    return settings


COMBAT = frozenset(
    "offensive combat crossfire firefight gunfight gunbattle shootout battle war".split()
)
"""Nouns of combat between armed sides, trigger words or not ("killed in a new offensive")."""


CROWD_WORDS = frozenset(
    "thousands hundreds dozens scores crowd crowds tens hundred thousand million".split()
)
"""Words that size a crowd ("several hundred farmers": each number word here is at least
:data:`CROWD_COUNT`); a number in figures counts from :data:`CROWD_COUNT`."""

GATHERINGS = frozenset({"gather", "assemble", "converge", "congregate", "throng"})
"""Verbs of a crowd coming together in public: a crowd that gathers to denounce the
government demonstrates (CAMEO 141, PLOVER PROTEST demo)."""

CROWD_COUNT = 50

CROWD_ENTRIES = {"storm": "riot", "occupy": "obstruct"}
"""A civilian crowd entering a building by force or holding it: PLOVER PROTEST, not ASSAULT."""

CROWDS = frozenset(
    "protester protestor demonstrator crowd mob rioter supporter student worker".split()
)
"""Who makes a civilian crowd ("protesters stormed the parliament")."""


def _count(token: Token) -> float | None:
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return None


def _crowd(verb: Token, words: frozenset[str] = CROWD_WORDS) -> bool:
    """Whether the subject of ``verb`` is a crowd: sized by one of ``words`` (lemma or
    form: "thousands of Kenyans", "protesters") or counted at least :data:`CROWD_COUNT`
    ("some 2,000 workers"; "two senators" are no crowd)."""
    subject = subject_of(verb)
    if subject is not None:
        for t in subject.subtree:
            if t.lower_ in words or t.lemma_.lower() in words:
                return True
            if t.like_num and (_count(t) or 0) >= CROWD_COUNT:
                return True
    return False


SCUFFLES = frozenset({"clash", "scuffle", "skirmish", "battle", "fight", "fighting"})
"""Verbs and nouns of a brawl between two sides, which are combat only if both are armed."""


def _crowd_side(event: Event) -> bool:
    """Whether a source or target is a civilian crowd ("protesters", "students")."""
    for actor in (*event.source, *event.target):
        words = {w.strip(".,").lower() for w in actor.text.split()}
        words |= {w[:-1] for w in words if w.endswith("s")}
        if words & CROWDS:
            return True
    return False


OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "IGO", "REB"})


def _protest_by_deed(token: Token, event: Event) -> bool:
    """Whether "to protest" is the purpose of a deed (not a word) of a civilian group
    ("citrus growers dumped lemons on the streets to protest", "Palestinians shunned work
    to protest"): a plural subject, no official or armed source, a head verb that is no
    speech. A state's or an official's protest ("China summoned the envoy to protest") and
    one person's stay verbal (DISAPPROVE)."""
    deed = token.head
    if token.dep_ not in ("advcl", "xcomp") or deed.i == token.i or deed.pos_ != "VERB":
        return False
    if deed.lemma_.lower() in SPEECH_VERBS or match_trigger(deed) is not None:
        return False
    subject = subject_of(deed)
    if subject is None or subject.tag_ not in ("NNS", "NNPS"):
        return False
    return bool(event.source) and not any(a.sector in OFFICIAL_SECTORS for a in event.source)


LAUNCHES = frozenset({"fire", "launch"})

AIMING_PREPS = frozenset({"at", "on", "upon", "towards", "toward", "against"})

WATERS = frozenset("sea ocean gulf bay waters strait pacific atlantic".split())


def _aimed_at_no_one(token: Token, event: Event) -> bool:
    """Whether a launch names no target and harms no one: no "at", "on", "towards",
    "against", no "into" but the sea, no dead or injured, no target actor."""
    if event.dead or event.injured or event.dead_text or event.injured_text:
        return False
    if undergoing_verb(token) is not None:
        return False  # "came under rocket fire": fire aimed at whoever came under it
    waters = ""  # "into the Sea of Japan": the sea is no target, nor the country it names
    for prep in token.children:
        if prep.dep_ != "prep" or is_temporal(prep):
            continue  # "on Friday"
        if prep.lower_ in AIMING_PREPS:
            return False
        if prep.lower_ == "into":
            if not any(t.lemma_.lower() in WATERS for t in prep.subtree):
                return False
            waters += " ".join(t.text for t in prep.subtree)
    return all(a.text in waters for a in event.target)


KILLING = frozenset({"kill", "murder", "execute", "behead", "massacre"})


def kills(token: Token) -> Token | None:
    """The participle of killing that follows an act, if any ("raided a village, burning
    houses and killing five"): the act itself killed. PLOVER COERCE is repression short of
    killing; killing is ASSAULT, and the participle is that act's, not one of its own."""
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        return None  # itself a participle of a larger act ("raided ..., arresting 12")
    verbs = [c for c in token.children if c.dep_ == "advcl"]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "conj"]
    return next((v for v in verbs if v.lemma_.lower() in KILLING and v.tag_ == "VBG"), None)


PROMISES = frozenset({"vow", "pledge", "promise", "swear"})


def _promises_force(token: Token) -> bool:
    """Whether what is promised is a use of force or coercion ("vowed to retaliate")."""
    return any(
        (trigger := match_trigger(c)) is not None and trigger.event_type in FORCEFUL_TYPES
        for c in token.children
        if c.dep_ in ("xcomp", "ccomp")
    )
