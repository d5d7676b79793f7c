"""Stage "code": PLOVER events from parsed sentences, by rules over the dependency parse.

For every token that the trigger lexicon (``data/triggers.tsv``) names, in the
sense its object allows ("sign" a *pact* is AGREE, "send" *troops* is AID):

* **who and whom**: the subject and object of a verb; the agent of a passive
  ("was attacked by X") and its subject as target; for a nominalisation the
  possessor ("Moscow's training of ..."), "by X", and "of / on / against / to /
  between X"; coordinated names give compound actors. Actors are the article's
  resolved actor mentions inside those phrases, the least embedded first ("the
  withdrawal of Serbian forces from Bosnia" is aimed at the forces), or the phrase
  itself resolved.
* **PLOVER's conventions for who and whom**: a reciprocal act ("X telephoned Y")
  has every party on both sides; where no target is named, the place a named actor
  acts in is the target ("arrived in Amman"), a protest is against the first actor
  named after it ("a hunger strike to protest President Assad's failure"), a
  concession is made to whom it was negotiated with; actors named by role only take
  the country where they act on the ground, else the sentence's only country;
  international bodies take none.
* **framing**: an event inside the complement of a demand, threat, refusal or
  promise ("urged X to withdraw", "threatened to strike") is not coded as the
  act itself; the framing verb is the event. Speech verbs are never events.
* **who said it**: the subject of the speech verb that governs the clause
  ("Ukraine said ...", "..., the Pentagon said"), or "according to X".
  Possessive pronouns in reported speech ("its troops") belong to the speaker;
  "we" / "they" take the speaker, else the previous event's source.
* **flags**: a negation on the trigger sets ``negated``; a modal, a conditional,
  or a framing verb above it sets ``hypothetical``.
* **magnitudes**: quantities whose verb is kill / die (dead), wound / injure
  (injured), or that count the actors of a protest, arrest, deployment (size); a
  vague amount ("thousands") goes to ``dead_text`` / ``injured_text`` / ``size_text``
  with the count None. Money and percentages are never a magnitude: PLOVER's ``size``
  is the number of participants (or, for ASSAULT, of casualties), not a sum.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

from newsfuse.annotate.actors import ActorResolver
from newsfuse.annotate.quantities import CURRENCIES
from newsfuse.annotate.quantities import lexicon as quantity_lexicon
from newsfuse.events.cameo_verbs import cameo_match
from newsfuse.events.lexicon import Trigger, mode_for, triggers
from newsfuse.events.nonevents import non_event_reason
from newsfuse.model import Annotations, Event, EventActor, Quantity, as_count

SPEECH_VERBS = frozenset(
    "say tell state announce add report claim note write quote confirm reiterate explain "
    "declare comment stress acknowledge believe think".split()
)
FRAMING_TYPES = frozenset({"DEMAND", "THREATEN", "REJECT", "AGREE", "SANCTION"})
"""Events whose complement or object is an act that does not (yet) happen: demanded,
threatened, refused, promised, or cut off ("cancelled a visit", "halted aid")."""
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
MODALS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "can"})
PLANNING_VERBS = frozenset(
    "plan intend want expect hope seek aim try consider prepare ready willing prepared offer decide "
    "agree promise pledge vow".split()
)
COOPERATIVE_TYPES = frozenset({"SUPPORT", "AID", "CONCEDE", "RETREAT", "COOPERATE", "CONSULT"})
FORCEFUL_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE"})
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
OBLIGATION_MODALS = frozenset({"must", "should"})
MILITARY_SECTORS = frozenset({"MIL", "REB"})
MILITARY_MEANS = frozenset(
    "artillery mortar rocket missile aircraft gunship helicopter tank shell shelling gunbattle airstrike "
    "warplane jet drone".split()
)
LIGHT_VERBS = frozenset(
    "impose unveil announce launch carry conduct stage hold sign reach make issue order "
    "begin start continue step intensify resume approve adopt mount enter give pay open complete "
    "finish".split()
)
NAME_ENTITIES = frozenset(
    {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "NORP"}
)
"""A word inside a name is part of the name, not an event ("... Cooperation (APEC)")."""
STATEMENT_TYPES = frozenset({"DISAPPROVE", "DEMAND", "SUPPORT", "REJECT", "THREATEN", "AGREE"})
"""Verbal acts: a group that makes one ("the foreign ministers of ... condemn") is "we" later."""
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "along"})
PRONOUNS = frozenset({"we", "they", "it", "he", "she", "i", "you", "us", "them"})


POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
TARGET_PREPS = frozenset(
    {"on", "against", "with", "at", "to", "into", "toward", "towards", "upon", "from"}
)
NOUN_TARGET_PREPS = frozenset(
    {"of", "on", "against", "with", "to", "into", "between", "over", "upon"}
)
STATIVE_PASSIVES = frozenset({"oppose"})
"""Participles that are adjectives after "be": "X is opposed to Y" is X opposing Y."""
THEME_TYPES = frozenset({"AID", "MOBILIZE", "RETREAT"})
"""Types whose "of"-object is the source's own forces or goods ("deployment of DPRK troops")."""
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "FIGHT"})
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
TOLL_VERBS = frozenset({"claim", "take", "cost", "lose"})
"""Verbs whose object "lives" counts the dead ("claimed 44 lives", "lives were lost")."""
DEAD_VERBS = frozenset({"kill", "die", "dead", "death", "fatality", "massacre", "execute"})
INJURED_VERBS = frozenset({"wound", "injure", "hurt", "injury"})
COLLECTIVE_NOUNS = frozenset(
    "group union party government authority police army movement coalition people crowd family "
    "organization organisation front council committee".split()
)
SIZE_TYPES = frozenset({"PROTEST", "COERCE", "MOBILIZE", "AID", "RETREAT"})
NOT_PEOPLE_NOUNS = frozenset(CURRENCIES.values()) | frozenset(
    "percent rupee yuan renminbi rouble ruble franc peso rand dinar riyal won lira krona krone "
    "shekel cent penny pence tonne ton barrel gallon litre liter kilogram kilo kg gram ounce "
    "mile kilometre kilometer km metre meter foot feet acre hectare megawatt kilowatt".split()
)
"""Nouns of quantities that count no one (money, shares, weights, volumes, distances,
areas, power): never an event's dead, injured or size."""
CONTEXT_WORDS = {
    "military": "military troop soldier army missile weapon arm war defense defence navy artillery",
    "economic": "trade economic economy tariff oil gas bank investment market loan",
    "diplomatic": "diplomatic ambassador embassy envoy foreign minister summit talks",
    "humanitarian": "humanitarian refugee aid food relief",
    "legal": "court law legal judge trial sentence",
    "political": "election vote party parliament government political",
}


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_Item = TypeVar("_Item", bound=_Located)


class _ByStart(Generic[_Item]):
    """Annotations (mentions, places, times, quantities) found by where they start, in
    logarithmic time: the coder asks for those of one sentence or phrase many times per
    article, and a scan of the whole article's list each time made coding quadratic."""

    def __init__(self, items: Sequence[_Item]) -> None:
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._items = [items[i] for i in self._order]
        self._starts = [item.start for item in self._items]

    def starting_in(self, lo: int, hi: int) -> list[_Item]:
        """Those with ``lo <= start < hi``, in their original order."""
        first, last = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        picked = sorted(range(first, last), key=self._order.__getitem__)
        return [self._items[k] for k in picked]


@dataclass
class _Context:
    """What the coder knows about the article while it codes its sentences."""

    annotations: Annotations | None
    resolver: ActorResolver
    when: str | None
    last_source: tuple[EventActor, ...] = ()
    group: tuple[EventActor, ...] = ()
    """The last multi-party source named in the article: who "we" in a joint statement is."""
    _chunks: dict[int, Span] | None = field(default=None, repr=False)
    _indexes: dict[str, _ByStart] = field(default_factory=dict, repr=False)

    def chunk_rooted_at(self, token: Token) -> Span | None:
        """The noun chunk whose root is ``token``, if any (the doc's chunks found once)."""
        if self._chunks is None:
            self._chunks = {}
            for chunk in token.doc.noun_chunks:
                self._chunks.setdefault(chunk.root.i, chunk)
        return self._chunks.get(token.i)

    def starting_in(self, kind: str, lo: int, hi: int) -> list:
        """The article's ``kind`` (actors, places, times, quantities) that start in ``[lo, hi)``."""
        if self.annotations is None:
            return []
        if kind not in self._indexes:
            self._indexes[kind] = _ByStart(getattr(self.annotations, kind))
        return self._indexes[kind].starting_in(lo, hi)


# -- triggers -----------------------------------------------------------------------------


def _pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


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
        return any(_territorial(o, named) for o in _prep_objects(noun, frozenset({"of"})))
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
        ) or (child.dep_ in ("prep", "prt") and not _temporal(child)):
            lemmas.update(t.lemma_.lower() for t in child.subtree)
            if child.dep_ == "dobj" and (
                child.ent_type_ == "MONEY" or child.lemma_.lower() in MONEY_NOUNS
            ):
                lemmas.add("@money")  # the sum is what is given, not a price ("for $9bn")
        elif child.dep_ in ("advmod", "acomp"):  # "set ablaze"
            lemmas.add(child.lemma_.lower())
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and _pos(token) == "NOUN":
        lemmas.add(token.lemma_.lower())
    patients = _children(token, "dobj", "nsubjpass")
    if _reduced_passive(token):  # "shells fired by the army": the noun is the object
        noun = _counted(token.head)
        patients.append(noun)
        lemmas.update(t.lemma_.lower() for t in (noun, *_children(noun, "compound")))
    if any(_counted(s).lemma_.lower() in BOMBS for s in _children(token, "nsubj")):
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
        c.dep_ in ("prt", "prep") and c.lower_ == particle and not _temporal(c)
        for c in token.children
    )


def _temporal(prep: Token) -> bool:
    """ "on Monday", "in June": a preposition whose object is a date is no particle."""
    return any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def match_trigger(token: Token, cameo: bool = False) -> Trigger | None:
    """The trigger sense ``token`` has here, if any; with ``cameo``, falling back on the
    CAMEO verb table as :data:`CAMEO_FALLBACK` says."""
    pos = _pos(token)
    if pos is None or (pos == "NOUN" and token.dep_ == "compound"):
        return None  # "battle experience": a modifier, not an event
    if token.ent_type_ in NAME_ENTITIES:
        return None  # "Asia-Pacific Economic Cooperation", "Ceasefire Violations Committee"
    lemma = token.lemma_.lower()
    undone = _undoes_agreement(token) if pos == "VERB" else None
    if undone is not None:
        return undone
    candidates = list(triggers().get((lemma, pos), ()))
    if pos == "NOUN":  # "air strike": the compound is the phrase head
        for child in token.children:
            if child.dep_ == "compound":
                candidates = [
                    t for t in triggers().get((child.lower_, pos), ()) if t.lemma.endswith(lemma)
                ] + candidates
    if lemma == "oppose" and token.i > 0 and token.doc[token.i - 1].lower_ == "as":
        return None  # "4% as opposed to 5%": a comparison
    if lemma == "leave" and pos == "VERB" and (state := _resultative(token)) is not None:
        # "left N dead" tells a toll; "left N homeless" a condition, of no one's act
        return RESULTATIVE_TRIGGER if state in CASUALTY_STATES else None
    objects: set[str] | None = None
    for trigger in candidates:
        if not _phrase_ok(token, trigger):
            continue
        if trigger.event_type == "AGREE" and pos == "NOUN" and _agreement_ended(token):
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


AGREEMENT_NOUNS = frozenset("treaty pact accord agreement deal memorandum".split())
TRUCE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
ENDING_VERBS = {
    "abandon": "discontinue",
    "scrap": "discontinue",
    "annul": "discontinue",
    "terminate": "discontinue",
    "renounce": "discontinue",
    "repudiate": "discontinue",
    "abrogate": "discontinue",
    "revoke": "discontinue",
    "cancel": "discontinue",
    "suspend": "discontinue",
    "ditch": "discontinue",
    "tear": "discontinue",  # "tore up the accord"
    "break": "discontinue",  # only "broke off / broke down": a bare "broke" breaches
    "withdraw": "withdraw",
    "pull": "withdraw",
    "quit": "withdraw",
    "exit": "withdraw",
    "leave": "withdraw",
}
"""Verbs that end an agreement in force: PLOVER's SANCTION, "reduce or break existing
relations" (mode: what ends them). Making one is AGREE; ending one is its opposite."""
BREACH_VERBS = frozenset("break violate breach flout infringe contravene".split())
"""Verbs that break the terms of an agreement without ending it: no agreement is made, and
the breach itself (the shelling, the raid) is coded from its own words."""
ENDING_PARTICLES = {"break": {"off", "down"}, "tear": {"up"}, "pull": {"out"}}


def _agreements_acted_on(verb: Token) -> list[Token]:
    """The agreement nouns a verb takes as object ("scrapped the deal", "the pact was
    annulled", "withdrew from the treaty", "pulled out of the accord")."""
    nouns = _children(verb, "dobj", "nsubjpass")
    nouns += _prep_objects(verb, frozenset({"from", "of", "out"}))
    nouns += [  # "pulled out of the deal": a preposition inside a particle or preposition
        o
        for p in _children(verb, "prt", "prep")
        for q in _children(p, "prep")
        for o in _children(q, "pobj")
    ]
    return [n for n in nouns if n.lemma_.lower() in AGREEMENT_NOUNS | TRUCE_NOUNS]


def _ending_sense(verb: Token) -> str | None:
    """The SANCTION mode of a verb that ends an agreement, None if it does not end one."""
    lemma = verb.lemma_.lower()
    mode = ENDING_VERBS.get(lemma)
    if mode is None:
        return None
    particles = ENDING_PARTICLES.get(lemma)
    if particles is not None and not any(
        c.dep_ in ("prt", "prep") and c.lower_ in particles for c in verb.children
    ):
        return None
    return mode


def _undoes_agreement(verb: Token) -> Trigger | None:
    """ "Russia scrapped its treaty with Ukraine", "withdrew from the pact": SANCTION, not
    AGREE nor RETREAT; "violated the ceasefire": FIGHT (CAMEO 196, under FIGHT's root)."""
    lemma = verb.lemma_.lower()
    if lemma not in ENDING_VERBS and lemma not in BREACH_VERBS:
        return None
    nouns = _agreements_acted_on(verb)
    if not nouns:
        return None
    if lemma in BREACH_VERBS and any(_truce(n) for n in nouns):
        # CAMEO 196 "violate ceasefire" is under FIGHT: the breach is a use of force
        return Trigger("FIGHT", lemma, "VERB", None, frozenset())
    mode = _ending_sense(verb)
    if mode is not None and any(n.lemma_.lower() in AGREEMENT_NOUNS for n in nouns):
        return Trigger("SANCTION", lemma, "VERB", mode, frozenset())
    return None


def _truce(noun: Token) -> bool:
    """ "the ceasefire", "the truce", "the ceasefire agreement"."""
    words = [noun, *_children(noun, "compound", "amod")]
    return any(w.lemma_.lower() in TRUCE_NOUNS for w in words)


def _agreement_ended(noun: Token) -> bool:
    """Whether an agreement noun is what a verb of ending or breach acts on."""
    verb = _verb_of(noun)
    if verb is noun or noun not in _agreements_acted_on(verb):
        return False
    return _ending_sense(verb) is not None or verb.lemma_.lower() in BREACH_VERBS


CASUALTY_STATES = frozenset({"dead", "injured", "wounded", "hurt"})
CASUALTY_RESULTS = CASUALTY_STATES | {"homeless", "missing", "stranded", "destitute"}
RESULTATIVE_TRIGGER = Trigger("ASSAULT", "leave", "VERB", None, frozenset())
"""ASSAULT is PLOVER's type for violence whose casualties a report gives without naming a
fight ("the attacks have left nine people dead"); FIGHT still follows from its means or
armed parties (:func:`_recast`), and a disaster's toll is no event at all (nonevents)."""


def _resultative(token: Token) -> str | None:
    """The state "leave" puts people in ("left N dead", "were left homeless"): the cause of
    a condition, not a departure (RETREAT needs the departure sense: "left the city")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
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


def cameo_trigger(token: Token) -> Trigger | None:
    """A trigger from the CAMEO verb table, None where it codes no PLOVER event."""
    match = cameo_match(token)
    if match is None or match.plover is None:
        return None
    if CAMEO_PATTERNS_ONLY and match.pattern is None:
        return None
    return Trigger(match.plover, match.verb, "VERB", None, frozenset())


def _framing_ancestor(token: Token, found: dict[int, Trigger]) -> Trigger | None:
    """A demand / threat / refusal / promise trigger whose complement or object holds ``token``."""
    current = token
    for _ in range(4):
        head = current.head
        if head is current or current.dep_ not in (
            "xcomp",
            "ccomp",
            "dobj",
            "pobj",
            "prep",
            "pcomp",
            "advcl",
            "conj",
        ):
            return None
        framing = found.get(head.i)
        if framing is not None and framing.event_type in FRAMING_TYPES:
            return framing
        current = head
    return None


# -- actors -------------------------------------------------------------------------------


def _mentions_in(span_start: int, span_end: int, ctx: _Context) -> list[EventActor]:
    return [actor for actor, _ in _mentions_with_starts(span_start, span_end, ctx)]


def _dedupe(actors: Iterable[EventActor]) -> tuple[EventActor, ...]:
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for actor in actors:
        key = (actor.country, actor.sector) if actor.country or actor.sector else (actor.text, None)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return tuple(out)


def _subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _is_pronoun(text: str) -> bool:
    """ "us" is a pronoun, "US" (or "U.S.") the United States."""
    return text.lower() in PRONOUNS and not (len(text) > 1 and text.isupper())


def _phrase_actors(
    token: Token, ctx: _Context, speaker: tuple[EventActor, ...], core: bool = False
) -> tuple[EventActor, ...]:
    """Actors named in the phrase headed by ``token`` (coordinated phrases included); with
    ``core``, only in its core words (:func:`_core_words`), not its adjuncts."""
    if _is_pronoun(token.text):
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
        return _dedupe(_people_of_place(token, _phrase_sector(token, found, ctx), ctx))
    chunk = ctx.chunk_rooted_at(token)
    text = chunk.text if chunk is not None else token.text
    actor = ctx.resolver.resolve(text)
    return (EventActor(text, actor.country, actor.sector),) if actor.country or actor.sector else ()


DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "FIGHT"})
"""Acts a country's people, police or armed groups do to its own people: where only the
place names a country, it stands for both sides ("a bomb outside Basra", Iraq to Iraq)."""


def _actor_key(actor: EventActor) -> tuple[str | None, ...]:
    """Who an actor is: a country named alone is the country, whatever its name ("the DPRK",
    "North Korea"); anyone else is also their words (Boeing and Lockheed are two US firms)."""
    if actor.country and not actor.sector:
        return (actor.country,)
    return (actor.country, actor.sector, actor.text.lower())


def _not_self(
    source: tuple[EventActor, ...], target: tuple[EventActor, ...], event_type: str
) -> tuple[EventActor, ...]:
    """PLOVER codes what one actor does to another: an actor is not its own target (a
    "cooperation" of the DPRK with the DPRK is a misread partner). A mutual act between
    several parties lists each on both sides; a domestic protest or repression is aimed at
    the country's own people (:func:`_domestic`, after this)."""
    own = {_actor_key(a) for a in source}
    if not own:
        return target
    if event_type in SYMMETRIC_TYPES and len(own | {_actor_key(a) for a in target}) > 1:
        return target
    return tuple(a for a in target if _actor_key(a) not in own)


def _people_of_place(token: Token, found: list[EventActor], ctx: _Context) -> list[EventActor]:
    """ "The Albanians of southern Serbia", "the Kurds of Syria": a people named with "of"
    and the place they live in are of that place's country (not so "Albanian rebels in
    Macedonia": "in" says where they act, not where they belong)."""
    if token.tag_ not in ("NNS", "NNPS"):
        return found
    places = [o for p in _children(token, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
    if len(places) != 1:
        return found
    span = _subtree_span(places[0])
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


def _phrase_sector(token: Token, found: list[EventActor], ctx: _Context) -> list[EventActor]:
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


def _later_countries(
    token: Token,
    sentence: Span,
    ctx: _Context,
    source: tuple[EventActor, ...],
    event_type: str = "",
) -> tuple[EventActor, ...]:
    """The first country actor after the trigger in its clause (with those coordinated
    with it), other than the source's countries: "sanctions on nine people over their
    support to North Korea". Countries named further on ("... unrest in Montenegro")
    are the circumstances, not the target."""
    clause = _subtree_span(_verb_of(token))
    taken = {a.country for a in source}
    # "military support for use against Ukraine": the adversary is not whom aid goes to
    adversaries = [
        _subtree_span(t)
        for t in clause
        if event_type == "AID" and t.dep_ == "prep" and t.lower_ == "against"
    ]
    found = [
        (a, start)
        for a, start in _mentions_with_starts(token.idx, clause.end_char, ctx)
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
    return _dedupe(
        a
        for (a, _), span in zip(found, roots, strict=True)
        if a is found[0][0] or (span is not None and span.root.i in group)
    )


def _protested(
    token: Token, ctx: _Context, source: tuple[EventActor, ...]
) -> tuple[EventActor, ...]:
    """Whom a protest with no target of its own is against: the first actor named after
    the trigger in its clause, not where it happens and not the protesters ("a hunger
    strike to protest President Assad's failure ...", "rallies ... against the party's
    leader", "calling for the removal of President Mubarak", "in defiance of Chinese
    authorities")."""
    clause = _subtree_span(_verb_of(token))
    own = {a.text for a in source}
    for actor, start in _mentions_with_starts(token.idx + len(token.text), clause.end_char, ctx):
        span = token.doc.char_span(start, start + len(actor.text), alignment_mode="expand")
        if actor.text in own or span is None or _place_of_event(span.root):
            continue
        return (actor,)
    return ()


def _place_of_event(token: Token) -> bool:
    """A name that is the object of "in", "at", "near" ...: where something happens."""
    head = token.head
    return token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS


def _argument_actors(token: Token, ctx: _Context, core: bool = False) -> list[EventActor]:
    """Actor mentions in the phrase headed by ``token``, minus places and embedded clauses.

    A possessor decides alone: "Serbia's suppression of Albanian unrest" is Serbia's.
    Only words of the phrase count, not others its span runs over when the parse
    attaches a later word to it ("Serbia eased measures in Montenegro province, the
    scene of ...", with "the scene" read as Serbia's apposition).
    """
    owners = _owners(token)
    noun = _pos(token) == "NOUN"
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
    span = _subtree_span(token)
    excluded = _excluded_ranges(token)
    mentions = _mentions_with_starts(span.start_char, span.end_char, ctx)
    kept = [(a, start) for a, start in mentions if not any(lo <= start < hi for lo, hi in excluded)]
    # "Doctors from two American aid groups": a role named with no country takes the one
    # its own prepositional phrase names, when that phrase names just one
    adjunct = {
        t.idx
        for p in _children(token, "prep")
        for o in _children(p, "pobj")
        for t in _core_words(o)
    }
    countries = {a.country for a, start in kept if a.country and start in adjunct}
    for words in tiers:
        found = [a for a, start in kept if start in words]
        if found and len(countries) == 1 and not any(a.country for a in found):
            (country,) = countries
            return [EventActor(a.text, country, a.sector) for a in found]
        if found:
            return found
    return []


def _owners(token: Token) -> list[Token]:
    """The named possessors of a noun ("Serbia's suppression"), not a possessive pronoun
    nor a word of the same name ("the Democratic People's Republic of Korea ... and the
    Russian Federation": "People's" is part of the name, not its owner)."""
    return [
        c
        for c in _children(token, "poss")
        if c.lower_ not in POSSESSIVE_PRONOUNS
        and not (token.ent_iob_ == "I" and c.ent_type_ == token.ent_type_ and c.i < token.i)
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
    while current.i != top.i and current.head is not current:
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
        locative = t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS and not _temporal(t)
        if t.dep_ in CLAUSE_DEPS or locative:  # "in late February to Iran" is no place
            span = _subtree_span(t)
            ranges.append((span.start_char, span.end_char))
    return ranges


def _mentions_with_starts(
    span_start: int, span_end: int, ctx: _Context
) -> list[tuple[EventActor, int]]:
    return [
        (EventActor(m.text, m.actor.country, m.actor.sector), m.start)
        for m in ctx.starting_in("actors", span_start, span_end + 1)
        if m.end <= span_end
    ]


def _sentence_countries(sentence: Span, ctx: _Context) -> set[str]:
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
STATELESS_SECTORS = frozenset({"IGO", "NGO"})
"""International bodies belong to no country, wherever they act ("the IAEA ... in Iran")."""


def _of_country(actor: EventActor, country: str) -> EventActor:
    """A role-only actor ("leaders", "police") placed in ``country``; not one that says it
    is someone else's ("its forces") or from elsewhere ("an international force")."""
    if actor.country or not actor.sector or actor.sector in STATELESS_SECTORS:
        return actor
    if not NOT_LOCAL.isdisjoint(actor.text.lower().split()):
        return actor
    return EventActor(actor.text, country, actor.sector)


def _domestic(
    source: tuple[EventActor, ...],
    target: tuple[EventActor, ...],
    event_type: str,
    sentence: Span,
    ctx: _Context,
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
    location = _location(sentence, sentence.root, ctx)[1]
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


def _located(
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
    if not any(a.country for a in source) and event_type in FORCEFUL_TYPES:
        source = (*source, EventActor(location, country, None))
    return source, target


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of ``token``'s prepositions among ``preps``; "on Saturday" names nobody."""
    out = []
    for prep in _children(token, "prep", "agent"):
        if prep.lower_ in preps and not _temporal(prep):
            out.extend(_children(prep, "pobj"))
    return out


def _subject(token: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp, conj and relative clauses, and
    through a preposition's verb ("resorted to throwing stones": who resorted throws).

    A sentence the parser gives a noun for root and the verb as that noun's modifier
    ("Palestinian youths [ROOT] resorted [acl] to ...") has that noun for subject.
    """
    current = token
    for _ in range(4):
        subjects = _children(current, "nsubj", "csubj")
        if subjects:
            return subjects[0]
        if current.dep_ == "relcl":
            return current.head
        root = current.sent.root
        if current.dep_ == "acl" and root.pos_ in ("NOUN", "PROPN") and root.i < current.i:
            return root
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head
            continue
        if (
            current.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp")
            and current.head is not current
        ):
            current = current.head
            continue
        return None
    return None


MUNITIONS = frozenset(
    "shell round rocket missile mortar bomb grenade projectile bullet shot gunshot salvo barrage "
    "munition explosive container canister barrel bomblet gas chemical".split()
)
"""What is fired or dropped: the instrument of a violent act, never its target ("fired two
artillery shells at the village": the village is the target)."""
BOMBS = MUNITIONS | frozenset({"device", "ied", "mine", "landmine", "car", "truck", "vehicle"})
"""What goes off: a munition, an improvised device, a car or truck bomb ("a car bomb went
off": spaCy makes "car" the compound or the head)."""
VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})


AMOUNT_HEADS = frozenset(
    "dozen hundred thousand score number series barrage volley salvo hail wave round".split()
)


def _counted(noun: Token) -> Token:
    """What an amount counts: "dozens of rocket shells" → "shells"; else the noun itself."""
    if noun.lemma_.lower() in AMOUNT_HEADS or noun.like_num:
        objects = _prep_objects(noun, frozenset({"of"}))
        if objects:
            return objects[0]
    return noun


def _instrument(noun: Token) -> bool:
    return _counted(noun).lemma_.lower() in MUNITIONS


def _reduced_passive(token: Token) -> bool:
    """ "shells fired by the army", "a town captured by rebels": a past participle that
    modifies a noun is a passive verb whose subject is that noun."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head is not token


def _verb_arguments(token: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    sources, targets = _voice_arguments(token, trigger)
    if trigger.event_type in VIOLENT_TYPES and any(_instrument(t) for t in targets):
        # what was fired or dropped is the means: the target is what it was aimed at
        aimed = [t for t in targets if not _instrument(t)]
        targets = aimed or _prep_objects(token, TARGET_PREPS - {"with", "from"})
    return sources, targets


def _voice_arguments(token: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    passive = _children(token, "nsubjpass")
    # "troops deployed to Russia" moves the source's own troops (THEME_TYPES), unless an
    # agent says whose act it is ("aid delivered by the UN")
    own_theme = trigger.event_type in THEME_TYPES and not _children(token, "agent")
    if not passive and _reduced_passive(token) and not own_theme:
        passive = [token.head]
    if passive and token.lemma_ in STATIVE_PASSIVES and not _children(token, "agent"):
        return passive, _prep_objects(token, frozenset({"to"}))  # "Israel is opposed to X"
    if passive:
        agents = [p for prep in _children(token, "agent") for p in _children(prep, "pobj")]
        return agents, passive
    subject = _subject(token)
    sources = [subject] if subject is not None else []
    objects = _children(token, "dobj", "dative")
    if not objects:  # "killed or wounded 30 soldiers": coordinated verbs share the object
        objects = [o for c in _children(token, "conj") for o in _children(c, "dobj")]
    if trigger.event_type == "DEMAND" and not objects:
        objects = _prep_objects(token, frozenset({"on", "upon"}))
    recipients = _prep_objects(token, TARGET_PREPS)
    recipients += [
        p for o in objects for p in _prep_objects(o, frozenset({"to", "for", "against", "on"}))
    ]
    if trigger.event_type in THEME_TYPES or not objects:
        objects = recipients or objects  # "sent arms to Pakistan": Pakistan is the target
    if not objects and trigger.event_type in FRAMING_TYPES:
        # "refused to meet Jordan's king"; "demanded that the United States match ...": the
        # complement's subject when it has one, else the whole complement
        objects = [_subject_or_self(c) for c in _children(token, "xcomp", "ccomp")]
    return sources, objects


ALLY_PREPS = frozenset({"alongside", "beside"})


def _allies(token: Token) -> list[Token]:
    """Who acts on the same side ("entered combat in Kursk alongside Russian forces"):
    the objects of "alongside" on the trigger or the verb that governs it. They are no
    target, nor is the ground they hold."""
    heads = {token.i: token, _verb_of(token).i: _verb_of(token)}
    return [o for head in heads.values() for o in _prep_objects(head, ALLY_PREPS)]


HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def _harmed(token: Token) -> list[Token]:
    """The objects of the participles of harm that follow an act ("exploded ..., killing
    two soldiers and wounding several others"), which the coder does not code apart."""
    verbs = [c for c in _children(token, "advcl", "conj") if c.lemma_.lower() in HARM_VERBS]
    verbs += [c for v in verbs for c in _children(v, "conj") if c.lemma_.lower() in HARM_VERBS]
    return [o for v in verbs for o in _children(v, "dobj")]


def _subject_or_self(clause: Token) -> Token:
    subjects = _children(clause, "nsubj", "nsubjpass")
    return subjects[0] if subjects else clause


def _event_agent(token: Token) -> Token | None:
    """Who does the event a noun names, when an act is aimed at it: "prevented the
    demonstration staged by students", "banned rallies by the Kifaya group", "welcomed
    Reagan's statement" are aimed at the students, Kifaya, Reagan."""
    if _pos(token) != "NOUN" or match_trigger(token) is None:
        return None
    agents = _children(token, "poss") + _prep_objects(token, frozenset({"by"}))
    agents += [o for c in _children(token, "acl") for o in _prep_objects(c, frozenset({"by"}))]
    agents = [a for a in agents if a.lower_ not in POSSESSIVE_PRONOUNS]
    return agents[0] if agents else None


CONCESSION_TYPES = frozenset({"CONCEDE", "RETREAT", "AGREE"})
NEGOTIATION_NOUNS = frozenset(
    "talk negotiation deliberation consultation discussion meeting mediation".split()
)


def _negotiated_with(verb: Token) -> list[Token]:
    """ "called off the strike after deliberations with the government": a concession
    made after talks with someone is made to them."""
    return [
        partner
        for prep in _children(verb, "prep")
        if prep.lower_ in ("after", "following", "in")
        for talks in _children(prep, "pobj")
        if talks.lemma_.lower() in NEGOTIATION_NOUNS
        for partner in _prep_objects(talks, frozenset({"with"}))
    ]


def _nationality_named(token: Token) -> bool:
    """Whether a noun or its modifiers are a name ("DPRK troops", "Russia", not "some forces")."""
    words = [token, *(c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod"))]
    return any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in words)


def _noun_arguments(token: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    # "The committee completed its investigation": "its" is the governing verb's subject
    owners = _owners(token)
    sources = owners + _prep_objects(token, frozenset({"by"}))
    if not sources and token.dep_ == "conj" and _pos(token.head) == "NOUN":
        # "the DPRK's deployment of troops ... and the provision of military support":
        # coordinated acts share their author
        sources = _owners(token.head) + _prep_objects(token.head, frozenset({"by"}))
    targets = _prep_objects(token, NOUN_TARGET_PREPS)
    if trigger.event_type not in SYMMETRIC_TYPES:
        # "the blockade of Serbia ... with Albania's help": "with" names a partner, the
        # target only when nothing else does (talks, clashes with X are symmetric)
        others = _prep_objects(token, NOUN_TARGET_PREPS - {"with"})
        targets = others or targets
    themes: list[Token] = []
    if trigger.event_type in THEME_TYPES:
        # "the deployment of DPRK troops": the troops' country acts; "the United States
        # speeded up the withdrawal of some invasion forces from Panama": forces named by
        # no country leave it to the governing verb's subject, and Panama is left
        themes = _prep_objects(token, frozenset({"of"}))
        targets = [t for t in targets if t not in themes]
        if trigger.event_type == "RETREAT":
            origin = frozenset({"from"})
            targets = targets or [p for t in (token, *themes) for p in _prep_objects(t, origin)]
        sources = sources or [t for t in themes if _nationality_named(t)]
    anchor = token  # "launched artillery, mortar and rocket fire": conjuncts share the verb
    while anchor.dep_ == "conj" and anchor.head is not anchor:
        anchor = anchor.head
    if not sources and anchor.dep_ in ("dobj", "nsubjpass", "attr", "pobj"):
        # "X staged rallies", "X remained on alert": the governing verb's subject acts,
        # unless that verb is an event of its own ("X condemned the attack").
        verb = _verb_of(anchor)
        light = verb.lemma_ in LIGHT_VERBS
        if verb.pos_ == "VERB" and verb is not token and (light or match_trigger(verb) is None):
            subject = _subject(verb)
            sources = [subject] if subject is not None else []
            if light:
                targets = targets or _prep_objects(verb, TARGET_PREPS)
    sources = sources or themes
    if not sources:
        sources = [
            c
            for c in token.children
            if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")
        ]
    return sources, targets


# -- attribution, flags, magnitudes ---------------------------------------------------------


def _speaker(token: Token, ctx: _Context) -> tuple[str | None, tuple[EventActor, ...]]:
    """Who said the clause ``token`` is in: a speech verb's subject, or "according to X"."""
    current = token
    for _ in range(5):
        for prep in _children(current, "prep"):
            if prep.lower_ == "according":
                objects = [o for p in _children(prep, "prep") for o in _children(p, "pobj")]
                if objects:
                    return _subtree_span(objects[0]).text, _phrase_actors(objects[0], ctx, ())
        head = current.head
        if head is current:
            return None, ()
        if head.lemma_.lower() in SPEECH_VERBS and current.dep_ in (
            "ccomp",
            "parataxis",
            "dobj",
            "advcl",
        ):
            subject = _subject(head) or _quoted(head)
            if subject is not None:
                return _subtree_span(subject).text, _phrase_actors(subject, ctx, ())
            return None, ()
        current = head
    return None, ()


def _quoted(speech: Token) -> Token | None:
    """Who "was quoted as saying" or "is reported to have said": the passive subject of
    the speech verb that frames this one."""
    verb = speech.head.head if speech.dep_ == "pcomp" else speech.head
    if speech.dep_ not in ("pcomp", "xcomp") or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    subjects = _children(verb, "nsubjpass")
    return subjects[0] if subjects else None


def _negated(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or c.lower_ in ("never", "no")
        for c in token.children
        if c.dep_ in ("neg", "det", "advmod")
    )


def _hypothetical(token: Token) -> bool:
    if token.pos_ != "VERB" and token.dep_ in ("dobj", "nsubjpass", "pobj", "attr"):
        verb = _verb_of(token)  # "will extend the curfew": the verb carries the modal
        if verb is not token and verb.pos_ == "VERB":
            return _hypothetical(verb)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
        return True
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in PLANNING_VERBS:
        return True
    return _under_modal(token)


def _under_modal(token: Token) -> bool:
    """ "will continue to act ..., including (by) imposing sanctions": the act is one of the
    means of a future or conditional act, itself not (yet) real."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("pcomp", "pobj", "prep") or current.head is current:
            return False
        current = current.head
        lemma = current.lemma_.lower()
        if current.pos_ in ("VERB", "AUX") and lemma not in SPEECH_VERBS | {"include"}:
            return any(c.dep_ == "aux" and c.lower_ in MODALS for c in current.children)
    return False


TROOP_MOVES = frozenset({"march"})
PLUNDER = frozenset({"loot", "looting", "ransack"})
"""Plunder is a riot (CAMEO 145, PLOVER PROTEST mode riot) when a crowd or no one named does
it, a seizure (COERCE confiscate) when the state or an armed group does. Setting property on
fire is COERCE (destroy) whoever does it, as the PLOVER gold codes settlers' arson."""
STATE_FORCE_SECTORS = frozenset({"GOV", "MIL", "COP", "REB"})


def _recast(event: Event, sentence: Span, lemma: str = "") -> Event:
    """PLOVER's conventions for what a trigger's plain sense gets wrong.

    A promise or offer of cooperation is AGREE and a conditional or announced use of
    force is THREATEN; refusing to cooperate is REJECT; violence with military weapons,
    or between armed forces, is FIGHT, not ASSAULT.
    """
    armed = any(a.sector in MILITARY_SECTORS for a in event.source)
    if lemma in TROOP_MOVES and event.event_type == "PROTEST" and armed:
        # PROTEST is civilian dissent; an armed force marching is a move of forces
        event = replace(event, event_type="MOBILIZE", mode="troops")
    state = any(a.sector in STATE_FORCE_SECTORS for a in event.source)
    if lemma in PLUNDER and event.event_type == "PROTEST" and state:
        # soldiers or militias looting a town: a seizure of property, not a riot
        event = replace(event, event_type="COERCE", mode="confiscate")
    kind = event.event_type
    if event.negated and kind in COOPERATIVE_TYPES | {"AGREE"}:
        return replace(event, event_type="REJECT", negated=False)
    if event.hypothetical and not event.negated:
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
    return event


def _verb_of(token: Token) -> Token:
    current = token
    for _ in range(4):
        if current.pos_ == "VERB" or current.head is current:
            return current
        current = current.head
    return current


def _vague_amount(q: Quantity) -> str:
    """The amount of a vague quantity, with its qualifier, without what it counts:
    "Hundreds of thousands of people" → "hundreds of thousands", "several lawmakers" →
    "several", "at least dozens of homes" → "at least dozens"."""
    words = [w.strip(",;:.").lower() for w in q.text.split()]
    for i in range(len(words)):
        for phrase, _condition in quantity_lexicon().vague_by_first_word.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return " ".join(words[: i + len(phrase)])
    amount = []
    for i, word in enumerate(words):
        if word == "of" and i + 1 < len(words) and words[i + 1] not in _AMOUNT_WORDS:
            break
        amount.append(word)
    return " ".join(amount)


_AMOUNT_WORDS = frozenset({"thousands", "hundreds", "millions", "dozens", "tens", "scores"})


def _role(lemmas: set[str], agent: bool, q: Quantity, event_type: str) -> str | None:
    """Which magnitude a quantity gives: dead, injured, size, or none."""
    if lemmas & DEAD_VERBS and lemmas & INJURED_VERBS:
        return None  # "killed or wounded 30": neither count alone
    if (lemmas & DEAD_VERBS or (q.noun or "") in ("dead", "death", "fatality")) and not agent:
        return "dead"
    if (q.noun or "").lower() in ("life", "lives") and lemmas & TOLL_VERBS and not agent:
        return "dead"
    if lemmas & INJURED_VERBS and not agent:
        return "injured"
    if event_type in SIZE_TYPES and not lemmas & (DEAD_VERBS | INJURED_VERBS):
        return "size"
    return None


def _counts_no_one(q: Quantity, span: Span) -> bool:
    """Money, percentages and measures: PLOVER's ``size`` is the number of participants
    (of a protest, a deployment; for ASSAULT the casualties), never a sum or a weight."""
    if (q.noun or "").lower() in NOT_PEOPLE_NOUNS:
        return True
    return any(t.ent_type_ in ("MONEY", "PERCENT") for t in span)


def _magnitudes(
    sentence: Span, quantities: Sequence[Quantity], event_type: str
) -> dict[str, int | str]:
    """dead / injured from the objects of kill / wound (or the subject of die), size otherwise;
    the first quantity that fits a role fills it, with a count, or with its words
    (``*_text``) when it has no number ("thousands") or one too large to store."""
    found: dict[str, int | str] = {}
    filled: set[str] = set()
    doc = sentence.doc
    for q in quantities:
        if not (sentence.start_char <= q.start < sentence.end_char):
            continue
        if q.value is None and not q.vague:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or _counts_no_one(q, span):
            continue
        number = next((t for t in span if t.like_num), span.root)
        verb = _verb_of(number)
        lemmas = {verb.lemma_.lower(), span.root.lemma_.lower(), (q.noun or "").lower()}
        if not _children(verb, "dobj") or span.root.dep_ != "dobj":
            # "killed or wounded 30" shares one object; "destroyed 400 homes and killed 13"
            # has one per verb, and the homes are no one's death
            lemmas |= {c.lemma_.lower() for c in verb.children if c.dep_ == "conj"}
        if verb.dep_ == "conj" and not _children(verb.head, "dobj"):
            # "killed or wounded at least 30": one object shared by both verbs ("killed two
            # and arrested 50" has two objects, one per verb)
            lemmas |= {verb.head.lemma_.lower()}
        lemmas |= {  # "left seven people dead": the state the verb leaves them in
            _casualty_lemma(c)
            for c in (*verb.children, *span.root.children)  # "shot dead two protesters"
            if c.lower_ in CASUALTY_RESULTS
        }
        agent = span.root.dep_ in ("nsubj", "csubj") and verb.lemma_.lower() != "die"
        role = _role(lemmas, agent, q, event_type)
        if role is None or role in filled:
            continue
        filled.add(role)
        count = None if q.value is None else as_count(q.value)
        if count is not None:
            found[role] = count
        elif q.value is None:
            found[f"{role}_text"] = _vague_amount(q)
        else:
            found[f"{role}_text"] = f"{q.text} (too large to store as a count)"
    return found


def _casualty_lemma(token: Token) -> str:
    """ "dead" stays "dead"; "wounded", "injured", "hurt" are the verb of injury."""
    word = token.lower_
    return "dead" if word == "dead" else "wound" if word in ("wounded", "injured", "hurt") else word


def _one_person(tokens: Sequence[Token]) -> bool:
    """A single named or singular person-like noun phrase ("a member of parliament", "Sidhoum")."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    if any(c.dep_ == "conj" for c in token.children) or token.lemma_.lower() in COLLECTIVE_NOUNS:
        return False
    return token.tag_ in ("NN", "NNP") and (token.ent_type_ in ("PERSON", "") or token.tag_ == "NN")


def _single_victim(sentence: Span, event: Event) -> Event:
    """ "A journalist has been killed", "a prisoner died": one dead when no number is given."""
    if event.dead is not None or event.dead_text or event.event_type not in ("ASSAULT", "FIGHT"):
        return event
    for token in sentence:
        lemma = token.lemma_.lower()
        victims = _children(token, "nsubjpass") if lemma in ("kill", "assassinate") else []
        victims = victims or (_children(token, "nsubj") if lemma == "die" else [])
        if victims and _one_person(victims):
            return replace(event, dead=1)
    return event


def _context(sentence: Span) -> str | None:
    lemmas = {t.lemma_.lower() for t in sentence}
    scores = {name: len(lemmas & set(words.split())) for name, words in CONTEXT_WORDS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else None


def _location(sentence: Span, token: Token, ctx: _Context) -> tuple[str | None, str | None]:
    """The place named by a locative phrase that belongs to ``token``'s event: one in its
    subtree or attached to a word that governs it. In "said after talks in Geneva,
    following a deadly clash" Geneva is where the talks were, not the clash."""
    if ctx.annotations is None:
        return None, None
    governing = {token.i, *(t.i for t in token.ancestors)}
    below = {t.i for t in token.subtree}
    for place in ctx.starting_in("places", sentence.start_char, sentence.end_char):
        span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
        prep = _locative(span.root) if span is not None else None
        if prep is not None and (prep.i in below or prep.head.i in governing):
            return place.name, place.country
    return None, None


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
        if current.head is current:
            return None
        current = current.head
    return None


def _date(sentence: Span, ctx: _Context) -> tuple[str | None, str | None]:
    for time in ctx.starting_in("times", sentence.start_char, sentence.end_char):
        return time.value, time.end_value
    return ctx.when, None


# -- coding -------------------------------------------------------------------------------


def _confidence(event: Event, is_verb: bool) -> float:
    score = 0.4 + 0.1 * is_verb
    score += 0.2 if any(a.country for a in event.source) else 0.0
    score += (
        0.2 if any(a.country for a in event.target) or event.event_type in ("PROTEST",) else 0.0
    )
    score -= 0.2 if event.hypothetical else 0.0
    return round(max(min(score, 1.0), 0.05), 2)


def _code_trigger(
    token: Token, trigger: Trigger, sentence: Span, ctx: _Context, index: int
) -> Event:
    attribution, speaker = _speaker(token, ctx)
    if trigger.pos == "VERB":
        source_tokens, target_tokens = _verb_arguments(token, trigger)
    else:
        source_tokens, target_tokens = _noun_arguments(token, trigger)
    target_tokens = [_event_agent(t) or t for t in target_tokens]
    source = _dedupe(a for t in source_tokens for a in _phrase_actors(t, ctx, speaker))
    # "captured part of a Karen guerrilla stronghold on the Thai border": the ground is
    # taken from whom its own words name, not from what lies beside it
    occupy = trigger.mode == "occupy"
    target = _dedupe(a for t in target_tokens for a in _phrase_actors(t, ctx, speaker, occupy))
    if not any(a.country for a in target) and trigger.pos == "VERB":
        # "offered its troops to Lebanon's president": whom it goes to, if the object names nobody
        recipients = _prep_objects(token, TARGET_PREPS) + [
            p
            for o in target_tokens
            for p in _prep_objects(o, frozenset({"to", "for", "against", "on"}))
        ]
        if occupy:  # "captured the town from the rebels"
            recipients = _prep_objects(token, frozenset({"from"}))
        alternative = _dedupe(a for t in recipients for a in _phrase_actors(t, ctx, speaker))
        if any(a.country for a in alternative):
            target = alternative
    if not any(a.country for a in target) and trigger.event_type in CONCESSION_TYPES:
        partners = _negotiated_with(_verb_of(token))
        target = _dedupe(a for t in partners for a in _phrase_actors(t, ctx, speaker)) or target
    if not any(a.country or a.sector for a in target) and trigger.event_type in VIOLENT_TYPES:
        # "a bomb exploded, killing two soldiers": the victims of its harm are its target
        victims = _harmed(token)
        target = _dedupe(a for t in victims for a in _phrase_actors(t, ctx, speaker)) or target
    if trigger.event_type in SYMMETRIC_TYPES and not target and len(source) > 1:
        target = source
    if (
        trigger.lemma in RECIPROCAL_TRIGGERS
        and any(a.country for a in source)
        and any(a.country for a in target)
    ):
        source = target = _dedupe((*source, *target))
    if not any(a.country for a in target) and trigger.event_type in REACH_TYPES:
        target = target + _later_countries(token, sentence, ctx, source, trigger.event_type)
    target = _not_self(source, target, trigger.event_type)
    if (
        trigger.event_type == "PROTEST"
        and source
        and not any(a.country or a.sector for a in target)
    ):
        target = _protested(token, ctx, source)
    allies = {a.country for t in _allies(token) for a in _phrase_actors(t, ctx, speaker)}
    allies -= {a.country for a in source}
    if allies:  # "fought alongside Russian forces": Russia is on the source's side
        target = tuple(a for a in target if a.country not in allies)
    location, location_country = _location(sentence, token, ctx)
    # "in Kursk alongside Russian forces": the allies' ground is not the target
    ground = None if location_country in allies else location_country
    source, target = _located(source, target, trigger.event_type, location, ground)
    source, target = _domestic(source, target, trigger.event_type, sentence, ctx)
    if trigger.event_type not in DOMESTIC_TYPES:  # a place that stood in for both sides
        target = _not_self(source, target, trigger.event_type)
    if token.lower_ == "between" or any(c.lower_ == "between" for c in token.children):
        source = source or target
    date, date_end = _date(sentence, ctx)
    quantities = ctx.starting_in("quantities", sentence.start_char, sentence.end_char)
    event = Event(
        event_type=trigger.event_type,
        trigger=token.text,
        evidence=sentence.text.strip(),
        source=source,
        target=target,
        mode=trigger.mode,
        context=_context(sentence),
        location=location,
        location_country=location_country,
        date=date,
        date_end=date_end,
        attribution=attribution,
        attribution_actor=speaker[0] if speaker else None,
        negated=_negated(token),
        hypothetical=_hypothetical(token),
        sentence=index,
        start=sentence.start_char,
        end=sentence.end_char,
        trigger_start=token.idx,
        trigger_end=token.idx + len(token.text),
        **_magnitudes(sentence, quantities, trigger.event_type),
    )
    if (
        trigger.event_type == "PROTEST"
        and event.size is None
        and event.size_text is None
        and _one_person(source_tokens)
    ):
        event = replace(event, size=1)  # one person's hunger strike
    event = _single_victim(sentence, event)
    event = _recast(event, sentence, token.lemma_.lower())
    kept_mode = event.mode != trigger.mode  # set by _recast with the type it gave
    if event.mode is None or (event.event_type != trigger.event_type and not kept_mode):
        event = replace(
            event, mode=mode_for(event.event_type, {t.lemma_.lower() for t in sentence})
        )
    return _with_confidence(event, trigger.pos == "VERB")


def _with_confidence(event: Event, is_verb: bool) -> Event:
    return replace(event, confidence=_confidence(event, is_verb))


def _obligations(
    sentence: Span, ctx: _Context, index: int, found: dict[int, Trigger]
) -> list[Event]:
    """ "X said Y must do Z": X demands Z of Y. The obliged act itself is not coded."""
    events = []
    for token in sentence:
        obliged = any(c.lower_ in OBLIGATION_MODALS for c in _children(token, "aux"))
        if token.pos_ not in ("VERB", "AUX") or not obliged:
            continue
        attribution, speaker = _speaker(token, ctx)
        if not speaker:
            continue
        for obliged in token.subtree:  # what the target must do is not itself an event
            found.pop(obliged.i, None)
        subject = _subject(token)
        target = _phrase_actors(subject, ctx, speaker) if subject is not None else ()
        event = Event(
            event_type="DEMAND",
            trigger=token.text,
            evidence=sentence.text.strip(),
            source=speaker,
            target=target,
            context=_context(sentence),
            date=_date(sentence, ctx)[0],
            attribution=attribution,
            attribution_actor=speaker[0],
            sentence=index,
            start=sentence.start_char,
            end=sentence.end_char,
            trigger_start=token.idx,
            trigger_end=token.idx + len(token.text),
        )
        events.append(_with_confidence(event, True))
    return events


MAX_SENTENCE_TOKENS = 400
"""Longer "sentences" are not coded. The longest of 26,305 sentences of BBC and news_cluster
articles has 191 tokens; what the parser leaves longer is a list, a table or junk
("attacked attacked ..."), where walking the parse (children, subtrees, paths) for every
trigger costs time quadratic in the sentence's length: 2,200 tokens took 15 s."""

SUBORDINATE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl", "pcomp", "conj"})


def _subordinate(token: Token, found: dict[int, Trigger]) -> bool:
    """Whether ``token`` only qualifies another event of its sentence.

    A purpose or manner clause ("blocked roads demanding ...", "to protest ..."), a
    participle that describes a thing ("the alleged bombers", "the visiting king"),
    or a noun in an adverbial phrase ("after 12 days of battles", "in protest of
    the arrest", "sanctions over their provision of support") is the context of the
    main event, which is the one coded.
    """
    if token.dep_ in ("amod", "compound"):
        return True
    if token.dep_ in ("advcl", "xcomp") and any(
        c.i in found for c in _children(token.head, "dobj")
    ):
        return True  # "began a hunger strike to protest ...": the strike is the event
    current, via_prep = token, False
    for _ in range(4):
        head = current.head
        if head is current:
            return False
        if current.dep_ == "pobj":
            via_prep = True
        elif current.dep_ not in SUBORDINATE_DEPS and current.dep_ not in (
            "prep",
            "dobj",
            "npadvmod",
        ):
            return False
        trigger = found.get(head.i)
        if trigger is not None and head.i != token.i:
            if (
                current.dep_ == "conj"
                and current is token
                and trigger.event_type != found[token.i].event_type
            ):
                return False  # "jailed 52 and banned ...": coordinated events of their own
            return (
                via_prep
                or token.dep_ in SUBORDINATE_DEPS - {"conj"}
                or current.dep_ in SUBORDINATE_DEPS
            )
        current = head
    return False


def source_tokens_named(event: Event) -> bool:
    """Whether the event's source was named in its sentence (not taken from a pronoun)."""
    return not any(_is_pronoun(a.text) for a in event.source)


def code_span(sentence: Span, ctx: _Context, index: int) -> list[Event]:
    """Events in one sentence, in trigger order."""
    by_sentence = CAMEO_SCOPE == "sentence"
    found = {t.i: trig for t in sentence if (trig := match_trigger(t, not by_sentence))}
    if not found and by_sentence:
        found = {t.i: trig for t in sentence if (trig := match_trigger(t, True))}
    events = _obligations(sentence, ctx, index, found)
    for i, trigger in found.items():
        token = sentence.doc[i]
        if token.lemma_.lower() in SPEECH_VERBS and not trigger.needs:
            continue  # "declared that ..." is speech; "declared a ceasefire" is an act
        if _framing_ancestor(token, found) is not None:
            continue  # the demand / threat / refusal is the event, not what it asks for
        if _subordinate(token, found):
            continue
        head_trigger = found.get(token.head.i) if token.head.i != token.i else None
        same_as_head = head_trigger is not None and head_trigger.event_type == trigger.event_type
        if same_as_head and (trigger.pos == "NOUN" or token.dep_ == "conj"):
            continue  # "imposed sanctions", "killed or wounded": the head codes it
        event = _code_trigger(token, trigger, sentence, ctx, index)
        reason = non_event_reason(token, event)
        if reason is not None:
            events.append(replace(event, extra={**event.extra, "non_event": reason}))
            continue  # not a source for a later "they" either
        if event.source and source_tokens_named(event):
            ctx.last_source = event.source
            if (
                sum(1 for a in event.source if a.country) > 1
                and event.event_type in STATEMENT_TYPES
            ):
                ctx.group = event.source
        events.append(event)
    return events


WEAPON_MODES = frozenset({"explosives", "aerial", "artillery", "heavy-weapons", "primitive"})


def _has_actor(event: Event) -> bool:
    """Who did what to whom needs a who: an event naming no actor at all is not kept,
    except violence that a report gives by its toll or its weapon with the perpetrator
    unknown ("14 were killed in an air strike", "a bomb went off, killing five"): PLOVER
    codes the attack and leaves the source empty. Disasters and common crime have been
    set apart before this (:mod:`newsfuse.events.nonevents`)."""
    if any(a.country or a.sector for a in (*event.source, *event.target)):
        return True
    if event.event_type not in VIOLENT_TYPES:
        return False
    toll = (event.dead, event.injured, event.dead_text, event.injured_text)
    return any(x is not None for x in toll) or event.mode in WEAPON_MODES


def is_non_event(event: Event) -> bool:
    """Whether the coder flagged ``event`` as a mention PLOVER does not code (see
    :mod:`newsfuse.events.nonevents`; the reason is ``event.extra["non_event"]``)."""
    return "non_event" in event.extra


def code_doc(
    doc: Doc,
    annotations: Annotations | None,
    resolver: ActorResolver,
    when: str | None = None,
    keep_non_events: bool = False,
) -> list[Event]:
    """Every event in a parsed article (or sentence). Mentions that are no event by
    PLOVER's codebook (disasters, accidents, common crime, speculation, concern) are left
    out, or with ``keep_non_events`` kept flagged (:func:`is_non_event`)."""
    ctx = _Context(annotations, resolver, when)
    events: list[Event] = []
    for index, sentence in enumerate(doc.sents):
        if len(sentence) > MAX_SENTENCE_TOKENS:
            continue
        events.extend(
            e
            for e in code_span(sentence, ctx, index)
            if _has_actor(e) and (keep_non_events or not is_non_event(e))
        )
    if annotations is not None:
        events = [_with_article(e, annotations.article_id) for e in events]
    return events


def _with_article(event: Event, article_id: str) -> Event:
    return replace(event, article_id=article_id)
