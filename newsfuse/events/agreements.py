"""Verbs that end or break an agreement, which make no agreement of its noun.

"Russia scrapped its treaty with Ukraine" and "withdrew from the pact" are PLOVER's
SANCTION (mode: what ends the relation), not AGREE; "violated the ceasefire" is FIGHT
(CAMEO 196, under FIGHT's root); "violated the accord" codes no agreement, and the
breach itself is coded from its own words.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.events.lexicon import Trigger
from newsfuse.events.syntax import children, prep_objects, verb_of

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
    nouns = children(verb, "dobj", "nsubjpass")
    nouns += prep_objects(verb, frozenset({"from", "of", "out"}))
    nouns += [  # "pulled out of the deal": a preposition inside a particle or preposition
        o
        for p in children(verb, "prt", "prep")
        for q in children(p, "prep")
        for o in children(q, "pobj")
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


def undoes_agreement(verb: Token) -> Trigger | None:
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
    words = [noun, *children(noun, "compound", "amod")]
    return any(w.lemma_.lower() in TRUCE_NOUNS for w in words)


def agreement_ended(noun: Token) -> bool:
    """Whether an agreement noun is what a verb of ending or breach acts on."""
    verb = verb_of(noun)
    if verb is noun or noun not in _agreements_acted_on(verb):
        return False
    return _ending_sense(verb) is not None or verb.lemma_.lower() in BREACH_VERBS


def agreement_acted_on(token: Token, trigger: Trigger, found: dict[int, Trigger]) -> bool:
    """Whether an agreement noun is what another event of the sentence acts on ("signed a
    pact", "ratified the treaty", "the signing of a treaty", "praised the accord"): the
    agreement is that act's object, and PLOVER codes the act (signing and ratifying are
    SUPPORT, "sign or ratify an agreement"), not a second agreement made."""
    if trigger.event_type != "AGREE" or trigger.pos != "NOUN":
        return False
    if token.lemma_.lower() not in AGREEMENT_NOUNS:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        head = head.head  # "the signing of a treaty"
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return False
    other = found.get(head.i) if head.i != token.i else None
    return other is not None and other.event_type != "AGREE"
