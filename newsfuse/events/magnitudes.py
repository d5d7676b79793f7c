"""An event's magnitudes: its dead, injured and size.

Quantities whose verb is kill / die count the dead, wound / injure the injured, and
those that count the actors of a protest, arrest or deployment its size; a vague
amount ("thousands") goes to ``dead_text`` / ``injured_text`` / ``size_text`` with the
count None. Money, percentages and measures are never a magnitude: PLOVER's ``size`` is
the number of participants (or, for ASSAULT, of casualties), not a sum. One person
named ("a journalist was killed", "his hunger strike") counts one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from newsfuse.annotate.amounts import CURRENCIES
from newsfuse.annotate.amounts import lexicon as quantity_lexicon
from newsfuse.events.syntax import children, subject_of, verb_of
from newsfuse.events.triggers import CASUALTY_RESULTS
from newsfuse.model import Event, Quantity, as_count

TOLL_VERBS = frozenset({"claim", "take", "cost", "lose"})
"""Verbs whose object "lives" counts the dead ("claimed 44 lives", "lives were lost")."""

DEAD_VERBS = frozenset(
    "kill die dead death fatality massacre execute murder behead assassinate slaughter slay "
    "lynch".split()
)

TOLL_NOUNS = frozenset({"toll"})
"""A death toll that "rose to 35" or "stands at 35" counts the dead."""

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


def _role(lemmas: set[str], agent: bool, noun: str, event_type: str) -> str | None:
    """Which magnitude a quantity gives: dead, injured, size, or none; ``noun`` is what
    it counts."""
    if lemmas & DEAD_VERBS and lemmas & INJURED_VERBS:
        return None  # "killed or wounded 30": neither count alone
    if (lemmas & DEAD_VERBS or noun in ("dead", "death", "fatality")) and not agent:
        return "dead"
    if noun in ("life", "lives") and lemmas & TOLL_VERBS and not agent:
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


def magnitudes(
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
        verb = verb_of(number)
        noun = (q.noun or "").lower()
        of = span.root.head
        if span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() == "life":
            noun = "lives"  # "claimed the lives of nine soldiers"
        lemmas = {verb.lemma_.lower(), span.root.lemma_.lower(), noun}
        subject = subject_of(verb)
        if subject is not None and subject.lemma_.lower() in TOLL_NOUNS:
            lemmas.add("death")  # "the death toll rose to 35"
        if not children(verb, "dobj") or span.root.dep_ != "dobj":
            # "killed or wounded 30" shares one object; "destroyed 400 homes and killed 13"
            # has one per verb, and the homes are no one's death
            lemmas |= {
                c.lemma_.lower()
                for c in verb.children
                if c.dep_ == "conj" and not _own_argument(c)  # "and five wounded": its own
            }
        if verb.dep_ == "conj" and not children(verb.head, "dobj") and not _elided_passive(verb):
            # "killed or wounded at least 30": one object shared by both verbs ("killed two
            # and arrested 50" has two objects, one per verb)
            lemmas |= {verb.head.lemma_.lower()}
        lemmas |= {  # "left seven people dead": the state the verb leaves them in
            _casualty_lemma(c)
            for c in (*verb.children, *span.root.children)  # "shot dead two protesters"
            if c.lower_ in CASUALTY_RESULTS and c.dep_ != "conj"  # "and five wounded"
        }
        agent = (
            span.root.dep_ in ("nsubj", "csubj")
            and verb.lemma_.lower() != "die"
            and not _elided_passive(verb)
        )
        role = _role(lemmas, agent, noun, event_type)
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


def _elided_passive(verb: Token) -> bool:
    """ "were killed and five wounded": a participle coordinated with a passive shares its
    "were", so its subject is a patient, not who wounded."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def _own_argument(verb: Token) -> bool:
    """Whether a coordinated verb has a subject or object of its own ("killed and five
    wounded"), so that it does not share the first verb's count."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _casualty_lemma(token: Token) -> str:
    """ "dead" stays "dead"; "wounded", "injured", "hurt" are the verb of injury."""
    word = token.lower_
    return "dead" if word == "dead" else "wound" if word in ("wounded", "injured", "hurt") else word


def is_one_person(tokens: Sequence[Token]) -> bool:
    """A single named or singular person-like noun phrase ("a member of parliament", "Sidhoum")."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    if any(c.dep_ == "conj" for c in token.children) or token.lemma_.lower() in COLLECTIVE_NOUNS:
        return False
    return token.tag_ in ("NN", "NNP") and (token.ent_type_ in ("PERSON", "") or token.tag_ == "NN")


KILLINGS = frozenset("kill assassinate murder behead execute slay lynch".split())
"""Verbs whose one named victim ("gunmen killed a judge") is one dead."""


def with_single_victim(sentence: Span, event: Event) -> Event:
    """ "A journalist has been killed", "gunmen killed a judge", "a prisoner died": one dead
    when no number is given."""
    if event.dead is not None or event.dead_text or event.event_type not in ("ASSAULT", "FIGHT"):
        return event
    for token in sentence:
        lemma = token.lemma_.lower()
        killing = lemma in KILLINGS or (
            lemma == "shoot" and any(c.lower_ == "dead" for c in token.children)
        )
        victims = children(token, "nsubjpass") or children(token, "dobj") if killing else []
        victims = victims or (children(token, "nsubj") if lemma == "die" else [])
        if victims and is_one_person(victims):
            return replace(event, dead=1)
    return event
