"""An event's magnitudes: its dead, injured and size.

Quantities whose verb is kill / die count the dead, wound / injure the injured, and
those that count the actors of a protest, arrest or deployment its size; a vague
amount ("thousands") goes to ``dead_text`` / ``injured_text`` / ``size_text`` with the
count None. Money, percentages and measures are never a magnitude: PLOVER's ``size`` is
the number of participants (or, for ASSAULT, of casualties), not a sum. One person
named ("a journalist was killed", "his hunger strike") counts one.

Which clause's number is which count: a coordinated clause with a subject of its own
keeps its own count ("four died and 40 were injured"), verbs share an object only when it
follows them ("killed or wounded 30", not the "45 tanks" a later verb destroyed), harm
"to death" is a killing, the people "left ... killed" are dead, coordinated people add up,
dead and injured are people (never tanks or homes), and a count inside a relative clause
the trigger is outside of describes its noun, not the event's participants. A sum of dead
and injured ("killed or wounded 1,500", "casualties") fills neither field: PLOVER counts
the two apart and the split is unknown; so does a count of verbs of different fates joined
by "or" ("killed or captured"). Which act a count belongs to (the object of a coordinated
verb is its own verb's, a relative clause on a participant tells of another act, the
subject of "be among" is part of the group counted) and "N-strong" bodies are in
:mod:`newsfuse.events.toll_clauses`; conjuncts that count things are no more people
("2,000 soldiers and 50 tanks"), and "12 dead and 70 injured" gives each state its count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from newsfuse.annotate.amounts import CURRENCIES
from newsfuse.annotate.amounts import lexicon as quantity_lexicon
from newsfuse.events.syntax import children, subject_of, verb_of
from newsfuse.events.toll_clauses import (
    DEAD_VERBS,
    EITHER,
    INJURED_VERBS,
    another_act,
    harm_of,
    in_event_clause,
    other_fate,
    part_among,
    part_included,
    strength_counts,
    to_death,
    toll_of_another_act,
)
from newsfuse.events.triggers import CASUALTY_RESULTS
from newsfuse.model import Event, Quantity, as_count

TOLL_VERBS = frozenset({"claim", "take", "cost", "lose"})
"""Verbs whose object "lives" counts the dead ("claimed 44 lives", "lives were lost")."""


TOLL_NOUNS = frozenset({"toll"})
"""A death toll that "rose to 35" or "stands at 35" counts the dead."""


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

THINGS = frozenset(
    "tank vehicle carrier truck lorry car bus jeep aircraft plane jet helicopter ship boat "
    "vessel tanker submarine gun rifle weapon shell rocket missile bomb mine round home house "
    "building shop village town website site shipment flight grenade cartridge bullet "
    "ammunition explosive".split()
)
"""Things a report counts beside the people ("destroyed 45 tanks", "shut down 700
websites"): PLOVER's dead, injured and size count people, so a count of things is no
magnitude, whatever verb it hangs from."""


def _counts_things(noun: str) -> bool:
    """A count of things, or of loads of them ("three coachloads of people": three loads)."""
    return noun in THINGS or noun.endswith("load")


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
    if EITHER in lemmas and lemmas & (DEAD_VERBS | INJURED_VERBS):
        return None  # "killed or captured 600": neither
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
    noun = (q.noun or "").lower()
    if noun in NOT_PEOPLE_NOUNS:
        return True
    return any(t.ent_type_ in ("MONEY", "PERCENT") for t in span)


def magnitudes(
    sentence: Span, quantities: Sequence[Quantity], event_type: str, trigger: Token | None = None
) -> dict[str, int | str]:
    """dead / injured from the objects of kill / wound (or the subject of die), size otherwise;
    the first quantity that fits a role fills it, with a count, or with its words
    (``*_text``) when it has no number ("thousands") or one too large to store. A size
    must be a participant of the event ``trigger`` names (:func:`in_event_clause`), and
    coordinated people add up (:func:`_with_conjuncts`)."""
    found: dict[str, int | str] = {}
    filled: set[str] = set()
    doc = sentence.doc
    quantities = sorted(
        (*quantities, *bare_counts(sentence, quantities), *strength_counts(sentence, trigger)),
        key=lambda q: q.start,
    )
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
        if part_included(span.root):
            continue  # "27 people, including 11 children, died": a part of the 27
        if part_among(span.root, verb):
            continue  # "six journalists were among 50 people detained": the 50 were
        if another_act(verb, span.root, trigger):
            continue  # "killed 30 militants and arrested 12 others": the arrest's size is 12
        noun = (q.noun or "").lower()
        of = span.root.head
        if span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() == "life":
            noun = "lives"  # "claimed the lives of nine soldiers"
        lemmas = {verb.lemma_.lower(), span.root.lemma_.lower(), noun}
        for toll in (subject_of(verb), *children(verb, "dobj")):
            if toll is not None and toll.i != span.root.i:
                # "the death toll rose to 35", "put the toll at 35", "the number of
                # people killed has risen to 14"
                lemmas |= _toll_kind(toll)
        if not children(verb, "dobj") or span.root.dep_ != "dobj":
            # "killed or wounded 30" shares one object; "destroyed 400 homes and killed 13"
            # has one per verb, and the homes are no one's death
            shared = [c for c in children(verb, "conj") if not _own_argument(c)]
            lemmas |= {c.lemma_.lower() for c in shared}  # "and five wounded": its own
            if other_fate(verb, shared):
                lemmas.add(EITHER)  # "killed or captured": how many died is not said
            if any(to_death(v) for v in (verb, *shared)):
                lemmas.add("kill")  # "were knifed and shot to death"
        if span.root.dep_ not in OWN_COUNT_DEPS and _shares_head_object(verb):
            # "killed or wounded at least 30": one object shared by both verbs ("killed two
            # and arrested 50" has two objects, one per verb; "12 dead and 70 injured" gives
            # each state its own count)
            sharing = [v for v in verb.conjuncts if v.i < verb.i]  # "killed, wounded or"
            lemmas |= {v.lemma_.lower() for v in sharing}
            if other_fate(verb, sharing):
                lemmas.add(EITHER)  # "killed or captured 200 soldiers"
        lemmas |= {  # "left seven people dead": the state the verb leaves them in
            _casualty_lemma(c)
            for c in (*verb.children, *span.root.children)  # "shot dead two protesters"
            if c.lower_ in CASUALTY_RESULTS and c.dep_ != "conj"  # "and five wounded"
        }
        if span.root.dep_ == "nsubjpass":  # "12 people were reported killed", "are
            # believed to have been killed": the subject of a passive of saying is the
            # subject of the harm it reports
            lemmas |= {
                c.lemma_.lower()
                for c in children(verb, "xcomp", "oprd")
                if c.lemma_.lower() in DEAD_VERBS | INJURED_VERBS
            }
        own = _own_state(span.root, verb)
        if own is not None:  # "killed 20 and injured dozens", "and one wounded": its own
            lemmas = {*own, noun}
        if verb.lemma_.lower() == "leave" and any(
            c.lower_ == "killed" and c.dep_ == "acl" and not children(c, "dobj", "conj")
            for c in span.root.children
        ):
            lemmas.add("kill")  # "leaving 220 men killed": the state they are left in
        agent = (
            span.root.dep_ in ("nsubj", "csubj")
            and verb.lemma_.lower() != "die"
            and not _elided_passive(verb)
            and not _bare_participle(verb)
            and own is None
        )
        role = _role(lemmas, agent, noun, event_type)
        if role is None or role in filled:
            continue
        if role != "size" and _counts_things(noun):
            continue  # "killed ... and destroyed 45 tanks": the dead and injured are people
        if role == "size" and _counts_things(noun) and _beside_people(span.root):
            continue  # "deployed 200 tanks and 3,000 troops": the size is the troops'
        if _counts_things(noun) and span.root.dep_ == "pobj" and span.root.head.lower_ == "with":
            continue  # "arrested with 200 rounds of ammunition": what he had, no participants
        if noun.endswith("load"):
            continue  # "three coachloads of people were detained": a measure, no head count
        if role == "size" and not in_event_clause(number, trigger):
            continue  # "the union, which represents 2,300 workers, will strike"
        if role != "size" and toll_of_another_act(number, span.root, trigger):
            continue  # "the militants, who killed 15 people last month, claimed the attack"
        filled.add(role)
        count = None if q.value is None else as_count(q.value)
        if count is not None:
            count = _with_conjuncts(span.root, count, quantities)
            count += _companions_of(span.root)
        if count is not None:
            found[role] = count
        elif q.value is None:
            found[f"{role}_text"] = _vague_amount(q)
        else:
            found[f"{role}_text"] = f"{q.text} (too large to store as a count)"
    return found


OWN_COUNT_DEPS = frozenset({"nsubj", "nsubjpass", "amod", "npadvmod"})
"""How a count hangs from its own verb or state word rather than sharing an object: as its
subject, or as the number right before a bare participle ("left 12 dead and 70 injured":
the parser hangs "70" from "injured" as a noun-phrase modifier; it is who was injured)."""


TALLIES = frozenset({"number", "figure", "count", "total"})
"""Nouns that tally people: "the number of people killed" is a toll."""


def _toll_kind(noun: Token) -> set[str]:
    """What a toll noun counts: the dead for a (death) toll or the number of the dead or
    of people killed; the injured for the number of the injured; nothing else (news
    writes a toll as "the death toll rose to N", "officials put the toll at N")."""
    lemma = noun.lemma_.lower()
    if lemma in TOLL_NOUNS:
        compounds = {c.lemma_.lower() for c in children(noun, "compound", "amod")}
        if "casualty" in compounds:
            return {"death", "injure"}  # dead and injured with an unknown split: neither
        return {"injure"} if "injury" in compounds else {"death"}
    if lemma not in TALLIES:
        return set()
    for counted in (o for p in children(noun, "prep") if p.lower_ == "of" for o in p.children):
        words = {counted.lower_, *(c.lower_ for c in counted.children if c.dep_ in ("acl", "amod"))}
        if words & {"dead", "killed", "deaths", "fatalities"}:
            return {"death"}
        if words & {"injured", "wounded", "injuries"}:
            return {"injure"}
    return set()


def _shares_head_object(verb: Token) -> bool:
    """Whether a coordinated verb shares the object of the verb it is coordinated with:
    "killed or wounded at least 30" (one object, after the last verb), not "died and 40
    were injured" (a clause with its own subject) nor "killed or wounded 1,500 soldiers
    and destroyed 45 tanks" (the shared object came before it: its own is its own)."""
    if verb.dep_ != "conj" or children(verb.head, "dobj") or _elided_passive(verb):
        return False
    if children(verb, "nsubj", "nsubjpass"):
        return False
    earlier = [c for c in children(verb.head, "conj") if c.i < verb.i]
    return not any(children(c, "dobj") for c in earlier)


def _conjuncts(token: Token) -> list[Token]:
    """The noun phrases coordinated with ``token`` ("Nine men ... and another man"), itself
    included, in order."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    out = [first]
    for item in out:
        out.extend(c for c in children(item, "conj") if c.pos_ in ("NOUN", "PROPN", "NUM"))
    return sorted(out, key=lambda t: t.i)


def _beside_people(root: Token) -> bool:
    """Whether a count of things is coordinated with a count of people ("200 tanks and
    3,000 troops"): PLOVER's size counts people, so theirs is the one to take."""
    return any(
        t.i != root.i
        and not _counts_things(t.lemma_.lower())
        and any(c.like_num for c in t.children if c.dep_ == "nummod")
        for t in _conjuncts(root)
    )


def _with_conjuncts(root: Token, count: int, quantities: Sequence[Quantity]) -> int:
    """A count with the people coordinated with it: "Nine men from West Yorkshire and
    another man from Leicester have been arrested" counts ten (PLOVER counts the event's
    dead, injured, participants, not one phrase of them). Each other conjunct adds its own
    count, or one for a singular person ("another man", "a Chinese", a name); when one of
    them cannot be counted ("and others") the stated count stands. Things coordinated with
    people ("2,000 soldiers and 50 tanks") are left out: heads and vehicles make no one sum."""
    people = _conjuncts(root)
    kind = _counts_things(root.lemma_.lower())
    # "sent 2,000 soldiers and 50 tanks": a count of things is no more people
    others = [t for t in people if t.i != root.i and _counts_things(t.lemma_.lower()) == kind]
    if not others or any(children(t, "acl", "relcl") for t in people):
        return count  # "3,000 men killed or wounded and another 289 captured": two states
    doc = root.doc
    if root.dep_ == "dobj" and any(
        t.i + 1 < len(doc) and doc[t.i + 1].dep_ in ("aux", "auxpass") for t in others
    ):
        # "killed nine soldiers and 14 were captured": an object's conjunct followed by
        # its own auxiliary is the subject of a clause of its own, whatever the parse says
        return count
    values = {}
    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and q.value is not None:
            values[span.root.i] = as_count(q.value)
    total = count
    for token in others:
        value = values.get(token.i)
        if value is None and _one_person(token):
            value = 1
        if value is None:
            return count
        total += value
    return total


COMITATIVES = frozenset({"along", "together"})


def _companions_of(root: Token) -> int:
    """The people a count is "with": "X was arrested (along) with eight men", "killed the
    governor along with two bodyguards" counts X too (nine, three): English joins people
    to one act with "with", and PLOVER counts the event's participants or casualties, not
    one phrase of them. One for a single person named as the verb's patient (the subject
    of a passive, else the object), nothing when that phrase is no single person."""
    noun = root.lemma_.lower()
    if _counts_things(noun) or noun in NOT_PEOPLE_NOUNS:
        return 0  # "arrested with 200 rounds of ammunition": what he had, not who was with him
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "with":
        return 0
    verb = prep.head.head if prep.head.lower_ in COMITATIVES else prep.head
    if verb.pos_ != "VERB":
        return 0
    patients = children(verb, "nsubjpass") or children(verb, "dobj")
    if len(patients) != 1 or root in patients[0].subtree:
        return 0
    return 1 if is_one_person(patients) else 0


def _one_person(token: Token) -> bool:
    """One person with no number: a name, or a person-like noun with a singular
    determiner ("another man", "a Chinese"); the tagger's singular and plural tags are
    not trusted for names of peoples ("Hutus" NNP, "Chinese" NNPS)."""
    if token.lemma_.lower() in COLLECTIVE_NOUNS or _counts_things(token.lemma_.lower()):
        return False
    if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children)


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
    """ "dead" stays "dead"; "killed" is the verb of killing; "wounded", "injured", "hurt"
    the verb of injury."""
    word = token.lower_
    if word in ("dead", "killed"):
        return "dead"
    return "wound" if word in ("wounded", "injured", "hurt") else word


OWN_STATES = frozenset({"dead", "killed", "wounded", "injured", "hurt"})
"""What a count's own participle or adjective says happened to those it counts."""


def _own_state(root: Token, verb: Token) -> set[str] | None:
    """The harm a count's own participle or adjective names, when it is not the verb the
    count hangs from: "killed 20 people and injured dozens" (parsed "injured dozens", a
    conjunct of "killed"), "were killed and one wounded", "leaving 220 men killed": English
    news gives each count of a toll its own state word, and that word, not the verb of the
    coordination, says whether they are the dead or the injured."""
    for child in root.children:
        if child.dep_ in ("acl", "amod") and child.lower_ in OWN_STATES and child.i != verb.i:
            return _states(child)
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i != verb.i:
            # "among three people shot dead", "the 30 people murdered": a reduced passive
            harm = harm_of(child)
            if harm is not None and not children(child, "dobj"):
                return {harm}
    head = root.head  # "and several injured", parsed "several" modifying "injured"
    if root.dep_ in ("amod", "nsubj") and head.lower_ in OWN_STATES and head.i != verb.i:
        return _states(head)
    return None


def _states(word: Token) -> set[str] | None:
    """The harms a state word and its conjuncts name ("killed or wounded": both, so
    neither count alone); None when one of them has an object of its own: then it is a
    verb with its own clause ("brigades, killed or wounded 1,500 soldiers"), no state."""
    words = [word, *(c for c in children(word, "conj") if c.lower_ in OWN_STATES)]
    if any(children(w, "dobj") for w in words):
        return None
    return {_casualty_lemma(w) for w in words}


def _bare_participle(verb: Token) -> bool:
    """ "and 30 wounded", "scores injured": a past participle of harm with no auxiliary and
    no object is the state its subject was left in (a reduced passive), so the subject is
    who was harmed, not who harmed."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in DEAD_VERBS | INJURED_VERBS
        and not children(verb, "aux", "auxpass", "dobj")
    )


BARE_AMOUNTS = {"one": 1.0} | dict.fromkeys("many several scores dozens hundreds thousands".split())
"""Counts news gives with no noun after a toll's verb ("killed two and wounded one",
"left many wounded", "several injured"), which the quantity annotator leaves out (it keeps
"one" and "several" only before a noun)."""


def bare_counts(sentence: Span, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The nounless counts of people harmed: a word of :data:`BARE_AMOUNTS` that is the
    subject or object of a verb of killing or injury, or carries its own state word
    ("one wounded", "many wounded"), and that no quantity covers ("no one" counts no one)."""
    covered = [(q.start, q.end) for q in quantities]
    found = []
    for token in sentence:
        word = token.lower_
        if word not in BARE_AMOUNTS or any(a <= token.idx < b for a, b in covered):
            continue
        if token.i > 0 and token.doc[token.i - 1].lower_ == "no":
            continue
        after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
        if after == "another":
            continue  # "rival gangs killed one another": no count
        head = token.head
        harm = head.lemma_.lower() in DEAD_VERBS | INJURED_VERBS or head.lower_ in OWN_STATES
        argument = token.dep_ in ("nsubj", "nsubjpass", "dobj", "amod") and harm
        if not argument and _own_state(token, head) is None:
            continue
        value = BARE_AMOUNTS[word]
        found.append(
            Quantity(
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                value=value,
                qualifier=None if value is not None else "vague",
                noun=None,
                vague=value is None,
            )
        )
    return found


NOBODY = frozenset({"nobody", "none", "no-one", "noone"})


def is_one_person(tokens: Sequence[Token]) -> bool:
    """A single named or singular person-like noun phrase ("a member of parliament", "Sidhoum")."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    if any(c.dep_ == "conj" for c in token.children) or token.lemma_.lower() in COLLECTIVE_NOUNS:
        return False
    if token.lower_ in NOBODY or any(c.lower_ == "no" for c in token.children):
        return False  # "no one", "nobody": none
    return token.tag_ in ("NN", "NNP") and (token.ent_type_ in ("PERSON", "") or token.tag_ == "NN")


KILLINGS = frozenset("kill assassinate murder behead execute slay lynch".split())
"""Verbs whose one named victim ("gunmen killed a judge") is one dead."""


def _people_named(tokens: Sequence[Token]) -> int | None:
    """How many people a victim phrase without a number names: one for "a judge", two for
    "another Malay and a Chinese"; None when a conjunct is no single person."""
    if len(tokens) != 1:
        return None
    people = _conjuncts(tokens[0])
    if len(people) == 1:
        return 1 if is_one_person(people) else None
    if all(_one_person(token) for token in people):
        return len(people)
    return None


HARMS = frozenset({"wound", "injure"})
"""Verbs whose named victims ("injured another Malay and a Chinese") are the injured."""


def with_single_victim(sentence: Span, event: Event) -> Event:
    """ "A journalist has been killed", "gunmen killed a judge", "a prisoner died": one dead
    when no number is given; "killed one Malay and injured another Malay and a Chinese":
    two injured, one for each person named."""
    if event.event_type not in ("ASSAULT", "FIGHT"):
        return event
    for token in sentence:
        lemma = token.lemma_.lower()
        victims = children(token, "nsubjpass") or children(token, "dobj")
        if event.dead is None and not event.dead_text:
            killing = lemma in KILLINGS or (
                lemma == "shoot" and any(c.lower_ == "dead" for c in token.children)
            )
            named = victims if killing else []
            named = named or (children(token, "nsubj") if lemma == "die" else [])
            if named and is_one_person(named):
                event = replace(event, dead=1)
        if event.injured is None and not event.injured_text and lemma in HARMS:
            count = _people_named(victims) if token.pos_ == "VERB" else None
            if count:
                event = replace(event, injured=count)
    return event
