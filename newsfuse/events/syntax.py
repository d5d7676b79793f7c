"""Walks of the dependency parse that every part of the event coder shares.

A token's coarse part of speech, its children by relation, the objects of its
prepositions, the subject a verb inherits, the verb that governs a noun, what an amount
counts ("dozens of shells" → "shells"), a noun's named possessors, and the pronoun and
preposition words the coder reads the parse with.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsfuse.annotate.dateline_spans import dateline_spans

LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "along"})

PRONOUNS = frozenset({"we", "they", "it", "he", "she", "i", "you", "us", "them"})

POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def coarse_pos(token: Token) -> str | None:
    """ "VERB" or "NOUN" (proper nouns too), the two parts of speech a trigger can be."""
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def is_temporal(prep: Token) -> bool:
    """ "on Monday", "in June": a preposition whose object is a date is no particle."""
    return any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def subtree_span(token: Token) -> Span:
    """The phrase ``token`` heads, as a span of the doc."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def is_pronoun(text: str) -> bool:
    """ "us" is a pronoun, "US" (or "U.S.") the United States."""
    return text.lower() in PRONOUNS and not (len(text) > 1 and text.isupper())


def named_owners(token: Token) -> list[Token]:
    """The named possessors of a noun ("Serbia's suppression"), not a possessive pronoun
    nor a word of the same name ("the Democratic People's Republic of Korea ... and the
    Russian Federation": "People's" is part of the name, not its owner)."""
    return [
        c
        for c in children(token, "poss")
        if c.lower_ not in POSSESSIVE_PRONOUNS
        and not (token.ent_iob_ == "I" and c.ent_type_ == token.ent_type_ and c.i < token.i)
    ]


def children(token: Token, *deps: str) -> list[Token]:
    """``token``'s children whose relation is one of ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of ``token``'s prepositions among ``preps``; "on Saturday" names nobody."""
    out = []
    for prep in children(token, "prep", "agent"):
        if prep.lower_ in preps and not is_temporal(prep):
            out.extend(children(prep, "pobj"))
    return out


RAISING_PASSIVES = frozenset(
    "believe say report think know allege suspect understand claim rumour rumor".split()
)
"""Passive verbs of saying and believing whose subject is the subject of what follows:
"X is believed to have killed", "X was said to be preparing"."""


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp, conj and relative clauses, and
    through a preposition's verb ("resorted to throwing stones": who resorted throws).

    A sentence the parser gives a noun for root and the verb as that noun's modifier
    ("Palestinian youths [ROOT] resorted [acl] to ...") has that noun for subject.
    """
    current = token
    for _ in range(4):
        subjects = [s for s in children(current, "nsubj", "csubj") if not in_dateline(s)]
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
        if _denied_intention(current):
            # "Turkey has no intention of sending", "X had no plans to halt": who has the
            # plan or intention is who would act; the act is negated (framing.unintended)
            current = current.head
            continue
        raised = children(current.head, "nsubjpass") if current.dep_ == "xcomp" else []
        if raised and current.head.lemma_.lower() in RAISING_PASSIVES:
            return raised[0]  # "the rebels are believed to have killed": the rebels killed
        if (
            current.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp")
            and current.head.i != current.i
        ):
            current = current.head
            continue
        return None
    return None


AMOUNT_HEADS = frozenset(
    "dozen hundred thousand score number series barrage volley salvo hail wave round".split()
)


def counted(noun: Token) -> Token:
    """What an amount counts: "dozens of rocket shells" → "shells"; else the noun itself."""
    if noun.lemma_.lower() in AMOUNT_HEADS or noun.like_num:
        objects = prep_objects(noun, frozenset({"of"}))
        if objects:
            return objects[0]
    return noun


def is_reduced_passive(token: Token) -> bool:
    """ "shells fired by the army", "a town captured by rebels": a past participle that
    modifies a noun is a passive verb whose subject is that noun."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.i != token.i


REPORT_CLAUSE_TAIL = frozenset({"advmod", "npadvmod", "prep", "punct"})

CLAUSE_REPORTING = frozenset(
    "say tell charge allege protest warn complain claim insist argue demand deny report "
    "announce add note state contend maintain assert acknowledge admit urge".split()
)
"""Verbs that can report a that-clause: only they can be the reporting clause of one
("accused", "criticised" and "condemned" take a person or a deed, so "the journalist, a
man accused of spying" is an apposition with a reduced passive)."""


def postposed_speaker(verb: Token) -> Token | None:
    """ "Croatian authorities are failing to ..., a human rights group protested here
    Wednesday": a reporting clause written after what it reports, which the parser may hang
    on its speaker as a modifier (a reduced passive, "a group [that was] protested").

    The noun is the speaker when it opens a clause after a comma that closes a finite
    clause, and the verb closes the sentence with nothing of its own but where and when:
    no object, complement, subject or agent.
    """
    if verb.dep_ != "acl" or verb.head.i >= verb.i or verb.tag_ not in ("VBD", "VBN"):
        return None
    if verb.lemma_.lower() not in CLAUSE_REPORTING:
        return None
    noun = verb.head
    if any(c.dep_ not in REPORT_CLAUSE_TAIL for c in verb.children):
        return None
    start = noun.left_edge.i
    sentence = verb.sent
    if start <= sentence.start or verb.doc[start - 1].text != ",":
        return None
    root = sentence.root
    if root.i >= start or root.pos_ not in ("VERB", "AUX") or not children(root, "nsubj"):
        return None
    if any(not t.is_punct for t in verb.doc[verb.right_edge.i + 1 : sentence.end]):
        return None
    return noun


UNDERGOING_STATES = frozenset({"come", "be", "remain", "stay", "fall"})
"""Verbs of being or coming under an act ("came under fire", "remained under siege"): their
subject undergoes it."""


INTENTION_NOUNS = frozenset({"plan", "intention", "intent"})


def _denied_intention(noun: Token) -> bool:
    """ "no plans" / "no intention" as the object of "have", or "not have any plans": an
    intention denied, whose holder is who would do the act. (An affirmative "has plans to
    attack", "has the means to" leaves the act with no actor: a plan is no act.)"""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in INTENTION_NOUNS:
        return False
    if noun.head.lemma_.lower() != "have":
        return False
    return any(c.lower_ == "no" for c in noun.children) or any(
        c.dep_ == "neg" for c in noun.head.children
    )


def undergoing_verb(token: Token) -> Token | None:
    """The verb of state an act is undergone under ("came under fire", "came under shelling",
    a gerund the parser makes a clause of "under"): "to come under X" is to be subjected to
    X, not to go anywhere."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "under rocket and mortar fire"
    if token.dep_ not in ("pobj", "pcomp") or token.head.lower_ != "under":
        return None
    verb = token.head.head
    return verb if verb.lemma_.lower() in UNDERGOING_STATES else None


def under_something(verb: Token) -> bool:
    """Whether verb ``verb`` is one of state with an "under" phrase ("came under attack")."""
    return verb.lemma_.lower() in UNDERGOING_STATES and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in verb.children
    )


def verb_of(token: Token) -> Token:
    """The nearest verb at or above ``token``, at most four heads up; else the word reached
    there (or the root)."""
    current = token
    for _ in range(4):
        if current.pos_ == "VERB" or current.head.i == current.i:
            return current
        current = current.head
    return current


def header_end(doc: Doc) -> int:
    """Where the dateline header that opens the text ends ("MOSCOW --", "KUNDUZ,
    Afghanistan —"; 0: none), found once per doc."""
    if "newsfuse_header_end" not in doc.user_data:
        doc.user_data["newsfuse_header_end"] = dateline_spans(doc.text)[1]
    return doc.user_data["newsfuse_header_end"]


def in_dateline(token: Token) -> bool:
    """Whether ``token`` is in the dateline header: where the story was filed, never who
    acted, whatever the parser makes of it ("MOSCOW -- Russia condemned": two subjects)."""
    return token.idx < header_end(token.doc)
