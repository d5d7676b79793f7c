"""Who said it, and whether it happened: speech, framing, negation and modality.

An event inside the complement of a demand, threat, refusal or promise is not the
act itself (:func:`framing_ancestor`); speech verbs are never events. The speaker of a
clause is the subject of the speech verb that governs it, or "according to X"
(:func:`speaker_of`). A negation on the trigger makes it negated (:func:`is_negated`);
a modal, a conditional or a verb of planning above it, hypothetical
(:func:`is_hypothetical`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.events.actor_phrases import phrase_actors
from newsfuse.events.context import ArticleContext
from newsfuse.events.lexicon import Trigger
from newsfuse.events.syntax import children, subject_of, subtree_span, verb_of
from newsfuse.model import EventActor

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

OBLIGATION_MODALS = frozenset({"must", "should"})


def framing_ancestor(token: Token, found: dict[int, Trigger]) -> Trigger | None:
    """A demand / threat / refusal / promise trigger whose complement or object holds ``token``."""
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i or current.dep_ not in (
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
        if _indirect_question(current):
            return None  # "asked why police had arrested them": asked about, not demanded
        framing = found.get(head.i)
        if framing is not None and framing.event_type in FRAMING_TYPES:
            return framing
        current = head
    return None


ASKING_VERBS = frozenset("ask wonder question inquire enquire query doubt".split())
"""Verbs whose "whether" / "if" / wh- complement is a question, not a condition or an act."""


def asked_about(clause: Token) -> bool:
    """Whether ``clause`` is what a verb of asking asks: its complement, or an adverbial
    clause when the verb asks nothing else ("asked when troops would withdraw", not
    "asked Germany for tanks when troops massed")."""
    head = clause.head
    if head.lemma_.lower() not in ASKING_VERBS or clause.dep_ not in ("ccomp", "advcl"):
        return False
    if clause.dep_ == "ccomp":
        return True
    return not children(head, "dobj") and not any(
        p.lower_ in ("for", "to") for p in children(head, "prep")
    )


def _indirect_question(clause: Token) -> bool:
    """A complement of a verb of asking opened by a wh-word, "whether" or "if": a
    question, no demanded act ("asked when troops would withdraw")."""
    if not asked_about(clause):
        return False
    marks = {m.lower_ for m in children(clause, "mark")}
    return bool(marks & {"whether", "if"}) or clause.left_edge.tag_ in ("WRB", "WP", "WDT")


def speaker_of(token: Token, ctx: ArticleContext) -> tuple[str | None, tuple[EventActor, ...]]:
    """Who said the clause ``token`` is in: a speech verb's subject, or "according to X"."""
    current = token
    for _ in range(5):
        for prep in children(current, "prep"):
            if prep.lower_ == "according":
                objects = [o for p in children(prep, "prep") for o in children(p, "pobj")]
                if objects:
                    return subtree_span(objects[0]).text, phrase_actors(objects[0], ctx, ())
        head = current.head
        if head.i == current.i:
            return None, ()
        if head.lemma_.lower() in SPEECH_VERBS and current.dep_ in (
            "ccomp",
            "parataxis",
            "dobj",
            "advcl",
        ):
            subject = subject_of(head) or _quoted(head)
            if subject is not None:
                return subtree_span(subject).text, phrase_actors(subject, ctx, ())
            return None, ()
        if _message_content(current):  # "issued a reminder to Iraq that it must ..."
            subject = subject_of(head.head)
            if subject is not None:
                return subtree_span(subject).text, phrase_actors(subject, ctx, ())
            return None, ()
        current = head
    return None, ()


SPEECH_NOUNS = frozenset(
    "reminder warning message statement letter note appeal call ultimatum demand "
    "assurance promise pledge".split()
)
"""Nouns of a message whose content clause says what was said ("a warning that ...")."""


def _message_content(clause: Token) -> bool:
    """Whether ``clause`` is what a message says, the message being the object of a verb
    ("issued a reminder that ...", "sent a message that ...")."""
    message = clause.head
    return (
        clause.dep_ in ("acl", "ccomp")
        and message.lemma_.lower() in SPEECH_NOUNS
        and message.dep_ == "dobj"
    )


def addressee_of(token: Token) -> Token | None:
    """To whom the message holding ``token``'s clause went ("issued a reminder to Iraq
    that it must ..."): the verb's "to" object or dative."""
    current = token
    for _ in range(5):
        if _message_content(current):
            verb = current.head.head
            for child in verb.children:
                if child.dep_ in ("dative", "prep") and child.lower_ == "to":
                    objects = children(child, "pobj")
                    if objects:
                        return objects[0]
                if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN"):
                    return child
            return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _quoted(speech: Token) -> Token | None:
    """Who "was quoted as saying" or "is reported to have said": the passive subject of
    the speech verb that frames this one."""
    verb = speech.head.head if speech.dep_ == "pcomp" else speech.head
    if speech.dep_ not in ("pcomp", "xcomp") or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    subjects = children(verb, "nsubjpass")
    return subjects[0] if subjects else None


def _negation(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or c.lower_ in ("never", "no")
        for c in token.children
        if c.dep_ in ("neg", "det", "advmod")
    )


NO_ONE = frozenset({"nobody", "none", "no-one", "nothing"})

CARRYING_VERBS = frozenset(
    "impose launch carry conduct stage hold sign make issue mount give pay open complete "
    "reach approve adopt enter begin start resume announce lodge file declare deliver grant "
    "extend offer seal send provide ratify establish".split()
)
"""Verbs that perform the act their object names ("impose sanctions", "launch an attack",
"hold talks", "resume talks"): negated, they say the act did not happen. Other verbs over
an act presuppose it: stopping or preventing it ("did not stop its strikes"), claiming,
confirming, authorising or reporting it ("did not claim the bombing")."""

CASUALTY_VERBS = frozenset("kill injure wound hurt harm die".split())
"""A casualty with no one as its subject ("no one was killed in the strike") is a toll of
none, not the absence of the act the sentence names."""


def _no_one(subject: Token) -> bool:
    """A subject that names no one: "no soldiers", "no one", "nobody"."""
    if subject.lower_ in NO_ONE or (subject.lower_ == "one" and _negation(subject)):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def no_one_does(token: Token) -> bool:
    """The act's subject names no one ("nobody was arrested", "no country has recognised")."""
    return any(_no_one(s) for s in children(token, "nsubj", "nsubjpass"))


def _until(verb: Token) -> bool:
    """ "did not attack the town until dawn", "did not open fire until protesters threw
    stones": in a past report, "not ... until" says when the act happened, not that it did
    not. Not for what is yet to come or still open ("will not sign until Russia leaves",
    "has not allowed aid in until now"): those are refusals."""
    auxes = {c.lower_ for c in children(verb, "aux")}
    past = (verb.tag_ == "VBD" or auxes & {"did", "had"}) and not auxes & (MODALS | {"has", "have"})
    if not past:
        return False
    for c in children(verb, "prep"):
        still_open = any(o.lower_ in ("now", "today", "yet") for o in c.children)
        if c.lower_ in ("until", "till") and not still_open:
            return True
    return any(
        m.lower_ in ("until", "till") for c in children(verb, "advcl") for m in children(c, "mark")
    )


def _names_another_act(casualty: Token) -> bool:
    """ "no one was killed in the air strike", "nobody was hurt when a bomb exploded": the
    sentence names the act the casualties would have come from."""
    if children(casualty, "advcl"):
        return True
    return any(c.lower_ in ("in", "during", "after", "by") and children(c, "pobj")
               for c in children(casualty, "prep"))  # fmt: skip


def is_negated(token: Token) -> bool:
    """A negation on the trigger, a subject that names no one ("nobody was arrested"; not
    for a casualty of an act the sentence names), or a negation on the verb that performs the act a trigger noun is the
    object or passive subject of ("did not impose sanctions", :data:`CARRYING_VERBS`): the
    clause says the act did not happen. "Not ... until" is no negation."""
    if _negation(token) and not _until(token):
        return True
    if no_one_does(token) and not (
        token.lemma_.lower() in CASUALTY_VERBS and _names_another_act(token)
    ):
        return True  # a toll of none in a named act keeps the act: "no one was killed in"
    verb = clause_verb(token)
    if unintended(token):
        return True
    return (
        verb.i != token.i
        and verb.lemma_.lower() in CARRYING_VERBS
        and _negation(verb)
        and not _until(verb)
    )


INTENTION_WORDS = frozenset({"plan", "intend", "intention", "intent"})
"""Words of intending: an act its actor has no plan or intention of doing is stated as not
intended, so neither done nor promised or threatened."""


def unintended(token: Token) -> bool:
    """ "had no plans to halt", "has no intention of sending", "does not intend to impose",
    "does not have any plans to", "there are no plans to withdraw": the act (``token`` or
    the verb it is the object of) is the complement of an intention a negation denies."""
    verb = clause_verb(token)
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
        head = head.head  # "no intention of sending"
    elif verb.dep_ not in ("acl", "xcomp") or head.i == verb.i:
        return False
    if head.lemma_.lower() not in INTENTION_WORDS:
        return False
    if _negation(head):  # "no plans to", "does not intend to"
        return True
    return head.pos_ != "VERB" and head.dep_ in ("dobj", "attr") and _negation(head.head)


def clause_verb(token: Token) -> Token:
    """The verb whose clause ``token`` is the act of: itself, or the verb a trigger noun is
    the object or passive subject of."""
    if token.pos_ != "VERB" and token.dep_ in ("dobj", "nsubjpass"):
        verb = verb_of(token)
        if verb.i != token.i and verb.pos_ in ("VERB", "AUX"):
            return verb
    return token


PHASE_VERBS = frozenset("resume begin start continue open end close conclude".split())
"""Verbs that tell an event's phase: "talks would resume" is as future as the talks."""


def is_hypothetical(token: Token) -> bool:
    subject_of_phase = token.dep_ == "nsubj" and token.head.lemma_.lower() in PHASE_VERBS
    if token.pos_ != "VERB" and (
        token.dep_ in ("dobj", "nsubjpass", "pobj", "attr") or subject_of_phase
    ):
        # "will extend the curfew", "talks would resume on Friday": the verb carries the modal
        verb = token.head if subject_of_phase else verb_of(token)
        if verb.i != token.i and verb.pos_ == "VERB":
            return is_hypothetical(verb)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
        return True
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in PLANNING_VERBS:
        return True
    if token.dep_ == "xcomp" and _modal_governor(head):
        return True  # "would not hesitate to strike", "will be ready to attack": not yet done
    return _under_modal(token)


def _modal_governor(head: Token) -> bool:
    """Whether the verb (or the "be ready" that an adjective heads) a complement hangs on
    carries a modal."""
    verbs = [head, head.head] if head.dep_ == "acomp" else [head]
    return any(c.dep_ == "aux" and c.lower_ in MODALS for v in verbs for c in v.children)


def _under_modal(token: Token) -> bool:
    """ "will continue to act ..., including (by) imposing sanctions": the act is one of the
    means of a future or conditional act, itself not (yet) real."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("pcomp", "pobj", "prep") or current.head.i == current.i:
            return False
        current = current.head
        lemma = current.lemma_.lower()
        if current.pos_ in ("VERB", "AUX") and lemma not in SPEECH_VERBS | {"include"}:
            return any(c.dep_ == "aux" and c.lower_ in MODALS for c in current.children)
    return False
