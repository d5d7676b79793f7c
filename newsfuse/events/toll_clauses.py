"""Which clause a count of harm or people belongs to: the vocabulary of harm (verbs of
killing and injury, "to death") and the clause rules of :mod:`newsfuse.events.magnitudes`.

English news attaches a count to one act: the object of a verb is that verb's ("killed 30
militants and arrested 12 others"), a relative clause on a participant tells of another
act ("the militants, who killed 15 people last month, claimed the attack"), a subject of
"be among" is part of the group counted, and verbs of different fates joined by "or"
("killed or captured") leave the dead uncounted. A body of people "N-strong" counts N.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from newsfuse.events.syntax import children
from newsfuse.events.triggers import match_trigger
from newsfuse.model import Quantity

DEAD_VERBS = frozenset(
    "kill die dead death fatality massacre execute murder behead assassinate slaughter slay "
    "lynch".split()
)


INJURED_VERBS = frozenset({"wound", "injure", "hurt", "injury"})


EITHER = "<either>"
"""Marks a count shared by verbs of different fates joined by "or" ("killed or captured")."""


def other_fate(verb: Token, shared: Sequence[Token]) -> bool:
    """Whether verbs joined by "or" share a count while naming different fates: "600
    soldiers were killed or captured" counts those who met one fate or the other, so the
    dead among them are not counted (as "killed or wounded" fills neither field)."""
    if not any(c.lower_ == "or" for v in (verb, *shared) for c in children(v, "cc")):
        return False
    return any(harm_of(c) != harm_of(verb) for c in shared)


def to_death(verb: Token) -> bool:
    """ "shot to death", "stabbed to death", "beaten to death": a verb of harm whose result
    is death is a killing."""
    return any(
        p.lower_ == "to" and any(o.lemma_.lower() == "death" for o in children(p, "pobj"))
        for p in children(verb, "prep")
    )


def part_among(root: Token, verb: Token) -> bool:
    """ "Six journalists were among 50 people detained", "two Americans were among the 12
    killed": the subject of "be among" names part of the group the "among" phrase counts;
    the count of the event is the group's."""
    return (
        root.dep_ == "nsubj"
        and root.head.i == verb.i
        and verb.lemma_.lower() == "be"
        and any(p.lower_ == "among" for p in children(verb, "prep"))
    )


def part_included(root: Token) -> bool:
    """ "27 people, including 11 children, died": a count after "including" names part of a
    group, never the event's count (the group's is; when no count is given for the group,
    none is)."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "including two women and a child"
    return root.dep_ == "pobj" and root.head.lower_ in ("including", "excluding")


def another_act(verb: Token, root: Token, trigger: Token | None) -> bool:
    """Whether a count is the object of another act than the trigger's: "killed 30
    militants and arrested 12 others" coordinates two verbs of one subject, each with an
    object of its own, so each object is what its own verb did (the 30 are the killing's
    dead, not the arrest's), as a verb shares an object only when none follows it. Two
    verbs of harm are one act's toll ("killed four and injured six": PLOVER gives one
    attack its dead and its injured), and so is a verb of harm beside another act of
    violence ("kidnapped 40 students and killed two teachers": one attack). A count that is
    the subject of a coordinated clause of its own ("20 protesters were arrested and five
    were killed") is that clause's when the trigger's clause has a subject of its own."""
    if trigger is None or verb.i == trigger.i or root.head.i != verb.i:
        return False
    if root.dep_ not in ("dobj", "nsubj", "nsubjpass") or verb not in trigger.conjuncts:
        return False
    if harm_of(verb) is not None and (harm_of(trigger) is not None or _violent(trigger)):
        return False
    # a verb shares its neighbour's object or subject only when it has none of its own
    # ("were knifed and shot to death": seven, the subject of both)
    own = ("dobj",) if root.dep_ == "dobj" else ("nsubj", "nsubjpass")
    return bool(children(trigger, *own))


def _violent(trigger: Token) -> bool:
    """Whether the trigger names an act of violence (PLOVER ASSAULT or FIGHT)."""
    found = match_trigger(trigger)
    return found is not None and found.event_type in ("ASSAULT", "FIGHT")


def in_event_clause(number: Token, trigger: Token | None) -> bool:
    """Whether a count may be the size of the event ``trigger`` names: not when it lies in
    a relative clause on another noun ("the union, which represents 2,300 workers, will
    strike"): such a clause says what its noun is, here how many a union represents, not
    who took part (PLOVER's size is the event's participants). A clause on the trigger
    itself describes the event ("the demonstration, which drew about 800 people")."""
    if trigger is None:
        return True
    for token in (number, *number.ancestors):
        if token.dep_ == "relcl":
            return token.head == trigger or trigger in token.subtree
    return True


def toll_of_another_act(number: Token, root: Token, trigger: Token | None) -> bool:
    """Whether a toll belongs to another act than the trigger's, as English marks it: a
    relative clause on another noun says what that noun did or underwent ("the militants,
    who killed 15 people last month, claimed the attack"; "arrested 12 people over the
    bombing, which killed 30"), and a reduced relative with its own agent on a noun inside
    another's phrase ("the funeral of 14 protesters killed by police") tells of the act of
    that agent. Each counts for the trigger only when it holds the trigger, or, for a
    relative clause, when its noun is in the trigger's own phrase or scene
    (:func:`_in_phrase_of`)."""
    if trigger is None:
        return False
    for token in (number, *number.ancestors):
        if token.dep_ == "relcl":
            return not (trigger in token.subtree or _in_phrase_of(token.head, trigger, token))
    if root.dep_ != "pobj":  # "and one wounded by Israeli fire": a participant's own state
        return False
    return any(
        acl.tag_ == "VBN" and children(acl, "agent") and trigger not in root.subtree
        for acl in children(root, "acl")
    )


def _in_phrase_of(noun: Token, trigger: Token, clause: Token) -> bool:
    """Whether a relative ``clause`` on ``noun`` tells of the trigger's act: ``noun`` is the
    trigger or a noun within the trigger's noun phrase ("a bus" in "the attack on a bus"),
    no verb between them. For a verb trigger, a noun of its prepositional phrases when the
    clause tells the place or time of the act ("took to the streets, where dozens of lives
    were lost"), or when the trigger is a verb of harm ("were killed in a bombing that also
    wounded 30": the circumstance of the harm, the same attack). The victim's or the
    agent's relative clause ("shot dead a man who had killed three"), a cause ("arrested 12
    over the bombing, which killed 30") and another happening ("arrested 11 after the
    clashes, in which two officers were hurt") tell of another act."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        if noun.i == trigger.i:
            return True
        if noun.dep_ != "pobj" or (harm_of(trigger) is None and not _tells_scene(clause)):
            return False
    for token in (noun, *noun.ancestors):
        if token.i == trigger.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _tells_scene(clause: Token) -> bool:
    """A relative clause opened by "where" or "when": it tells what happened at its noun's
    place or time, not what its noun did. ("in which" is left out: on a noun of an event,
    "the clashes, in which two officers were hurt", it tells of that event.)"""
    return any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in clause.children)


def harm_of(verb: Token) -> str | None:
    """ "dead" for a verb of killing or one whose result is death ("shot dead", "beaten to
    death"), "wound" for a verb of injury, else None."""
    lemma = verb.lemma_.lower()
    if lemma in DEAD_VERBS or to_death(verb) or any(c.lower_ == "dead" for c in verb.children):
        return "dead"
    return "wound" if lemma in INJURED_VERBS else None


def strength_counts(sentence: Span, trigger: Token | None) -> list[Quantity]:
    """ "A 5,000-strong force was sent", "a 3,000-strong crowd marched": English gives the
    head count of a body of people as "N-strong" before its noun, which the quantity
    annotator leaves out (a number glued to "-" is no count there: "a 12-member team").
    It is the event's size only when that body is the trigger's subject or object, the
    participants of the act; "cuts in the 4,000-strong workforce" counts a workforce."""
    if trigger is None:
        return []
    found = []
    for token in sentence:
        strong = token.doc[token.i + 2] if token.i + 2 < len(token.doc) else None
        if not token.like_num or strong is None or strong.lower_ != "strong":
            continue
        if token.doc[token.i + 1].text != "-" or token.whitespace_:
            continue
        body = strong.head
        if strong.dep_ != "amod" or body.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if body.head.i != trigger.i:
            continue
        value = _number(token.text)
        if value is None:
            continue
        found.append(
            Quantity(
                start=token.idx,
                end=body.idx + len(body.text),
                text=token.doc[token.i : body.i + 1].text,
                value=value,
                qualifier=None,
                noun=body.lemma_.lower(),
            )
        )
    return found


def _number(text: str) -> float | None:
    """The value of a numeral written in digits ("5,000"), else None."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None
