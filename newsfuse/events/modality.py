"""The mood of a trigger's clause: acts a text does not report as done, nor as acts of their own.

PLOVER codes acts reported as done, and of the acts not (yet) done only those that are
acts in themselves (``newsfuse/data/plover.tsv``): a threat or an ultimatum (THREATEN), a
promise, offer or stated intention to cooperate (AGREE), a promised easing (CONCEDE), a
demand (DEMAND), a refusal (REJECT). The coder makes those from a trigger's modality
(:mod:`~newsfuse.events.framing`, :mod:`~newsfuse.events.recast`); a negated cooperation
is a refusal (REJECT) before this is asked. :func:`modality_reason` names what an unreal
act left over is, by the grammatical mood of its clause as the parser gives it:

* ``negated``: the text says the act did not happen ("did not attack", "have never
  entered", "did not impose sanctions"), the negation on the trigger or on the verb a
  trigger noun is the object of (:func:`~newsfuse.events.framing.is_negated`), or on the
  intention the act is the complement of ("has no plans to halt", "has no intention of
  sending", "does not intend to impose": :func:`~newsfuse.events.framing.unintended`).
* ``denial``: "denied sending troops", "denied that its forces fired": denying an act is a
  statement about it (CAMEO 016 "deny responsibility", a CAMEO 01 public statement, which
  PLOVER does not code), not a refusal; "denied them entry" stays REJECT, and so, as the
  trigger lexicon has it, does "denied the charge".
* ``question``: the clause asks whether the act happens: a yes/no question (a clause
  opened by its auxiliary, "Will China invade Taiwan?", that the closing question mark
  ends with no colon, semicolon, dash or quotation between), or a clause that a verb of
  asking introduces by "whether" or "if" ("asked whether Turkey would send"), and that
  asking itself (a question asks for an answer, not for an act: no DEMAND). A wh-question
  takes its act as given ("Why did Russia attack the dam?", "questioned why India had
  expelled its diplomats"): the act stays an event, only the asking is none.
* ``counterfactual``: a modal perfect ("would have lifted", "may have supplied"): the act
  did not happen, or others only surmise it did.
* ``condition``: the act is the condition of a conditional ("if Iran attacks Israel,
  ..."; "had Serbia recognised Kosovo, ..."): not asserted.
* ``conditional``: a modal consequence whose condition is the speaker's own situation and
  names no act of anyone's ("if re-elected, he would expel ...", "if she wins the
  election"): no ultimatum (PLOVER's THREATEN makes an act depend on what the target
  does) and no promise to anyone. A hedge ("would use force if necessary") is no
  condition: the threat stands.
* ``speculation``: a future or possible act that others predict, expect or fear ("analysts
  expect Saudi Arabia will restore ties"): no one's intention, so no AGREE or THREATEN.
* ``hypothetical``: an act named only as one possible means of a future course ("will
  continue to act ..., including through sanctions", "keep all options open, including
  the expulsion of ..."): no act is decided, so none is promised or threatened.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.events.framing import (
    ASKING_VERBS,
    CARRYING_VERBS,
    MODALS,
    asked_about,
    clause_verb,
    is_hypothetical,
)
from newsfuse.events.syntax import children, is_pronoun, subject_of
from newsfuse.events.triggers import match_trigger

__all__ = ["modality_reason"]

CONDITION_MARKS = frozenset({"if", "unless"})
DENIALS = frozenset({"deny"})
PREDICTING_VERBS = frozenset(
    "expect predict forecast anticipate believe think estimate fear suspect assume guess "
    "speculate project".split()
)
"""Verbs whose subject foretells or surmises the act in their complement."""
INVERTED_AUX = frozenset({"had", "were", "should"})
"""The auxiliary that opens an inverted condition ("Had Serbia recognised Kosovo, ...")."""
EXAMPLES = frozenset({"including", "include", "like"})
"""Prepositions that name one instance of a course ("including sanctions")."""
SELF_PRONOUNS = frozenset({"i", "we", "he", "she"})
"""Persons speaking or spoken of for themselves: the condition is their own situation."""
OWN_SITUATIONS = frozenset("elect re-elect reelect appoint return choose confirm".split())
"""Participles a subjectless condition names the speaker's own situation with ("if
re-elected", "if appointed", "if returned to power")."""
HEDGES = frozenset("necessary needed required possible appropriate so warranted".split())
"""What "if ___" says when it names no condition but a hedge ("if necessary")."""
SEPARATORS = frozenset({":", ";", "--", "\u2013", "\u2014"})
QUOTES = frozenset({'"', "\u201c", "\u201d"})
"""Tokens that end a clause before a question mark that closes another one (and a hyphen
with a space on each side: a dash)."""


def _denial(token: Token) -> bool:
    """ "denied sending troops", "denied that its forces fired": denying an act."""
    if token.lemma_.lower() not in DENIALS:
        return False
    if children(token, "xcomp", "ccomp"):
        return True
    return any(o.tag_ == "VBG" for o in children(token, "dobj"))


def _asks_whether(token: Token) -> bool:
    """ "asked whether India would ...": a verb of asking whose complement is a question
    asks for an answer, not for an act (no DEMAND)."""
    if token.lemma_.lower() not in ASKING_VERBS:
        return False
    return any(_interrogative(c) for c in children(token, "ccomp", "advcl"))


WH_TAGS = frozenset({"WRB", "WP", "WDT"})


def _yes_no(clause: Token) -> bool:
    """A clause opened by "whether" / "if": it asks whether the act happens."""
    return bool({m.lower_ for m in children(clause, "mark")} & {"whether", "if"})


def _interrogative(clause: Token) -> bool:
    """A clause opened by "whether" / "if" or a wh-word ("asked why troops had entered",
    "asked when troops would withdraw"); elsewhere a "when" adverbial tells a time."""
    asked = clause.dep_ == "advcl" and asked_about(clause)
    wh = (clause.dep_ == "ccomp" or asked) and clause.left_edge.tag_ in WH_TAGS
    return _yes_no(clause) or wh


def _asked_yes_no(token: Token) -> bool:
    """A yes/no question the sentence's closing question mark ends: nothing that closes a
    clause between the act and the mark, and the question opened by its auxiliary ("Will
    China invade Taiwan?", "Did police fire on protesters?"). Not "Israel strikes Gaza:
    what happens next?" nor "..., and a resident asked: 'Who will protect us?'"."""
    verb = clause_verb(token)
    if verb.i != token.i and verb.lemma_.lower() not in CARRYING_VERBS:
        return False  # "Can the UN stop Israel's air strikes?": the strikes are given
    sentence = token.sent
    marks = [t for t in sentence if t.text == "?" and t.i > token.i]
    if not marks:
        return False
    between = sentence.doc[token.i + 1 : marks[-1].i]
    quotes_paired = sum(t.text in QUOTES for t in between) % 2 == 0
    if any(_separates(t, quotes_paired) for t in between):
        return False
    start = token.i
    while start > sentence.start and not _separates(sentence.doc[start - 1], False):
        start -= 1
    first = sentence.doc[start]
    asks = first.lemma_.lower() in ("do", "be", "have") and first.tag_ in ("VBD", "VBZ", "VBP")
    return first.pos_ == "AUX" or first.lower_ in MODALS or asks  # "Did police fire ...?"


def _separates(token: Token, quotes_paired: bool) -> bool:
    """Whether ``token`` ends a clause; a quoted phrase inside one ('the "humanitarian
    corridor"') does not, when its quotation marks pair up."""
    if token.text in QUOTES:
        return not quotes_paired
    if token.text in SEPARATORS:
        return True
    spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text == "-" and spaced and bool(token.whitespace_)


def _question(token: Token, verb: Token) -> bool:
    if _asked_yes_no(token) or _asks_whether(token):
        return True
    current = verb
    for _ in range(4):
        marks = {m.lower_ for m in children(current, "mark")}
        head = current.head
        asked = head.lemma_.lower() in ASKING_VERBS and _yes_no(current)
        if "whether" in marks or asked:
            return True
        if head.i == current.i or current.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            return False
        current = head
    return False


def _modals(verb: Token) -> set[str]:
    return {c.lower_ for c in children(verb, "aux") if c.lower_ in MODALS | {"must"}}


def _counterfactual(verb: Token) -> bool:
    """ "would have lifted", "may have supplied": a modal with a perfect."""
    auxes = {c.lower_ for c in children(verb, "aux")}
    return bool(_modals(verb)) and bool(auxes & {"have", "'ve"}) and verb.tag_ == "VBN"


def _is_condition(clause: Token) -> bool:
    """An adverbial clause that is a condition: "if" / "unless", or an inverted one."""
    if clause.dep_ != "advcl":
        return False
    marks = {m.lower_ for m in children(clause, "mark")}
    if marks & CONDITION_MARKS:
        return clause.head.lemma_.lower() not in ASKING_VERBS
    first = clause.left_edge
    return not marks and first.lower_ in INVERTED_AUX and first.head.i == clause.i


def _in_condition(verb: Token) -> bool:
    current = verb
    for _ in range(3):
        if _is_condition(current):
            return True
        if current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _own_condition(verb: Token) -> bool:
    """A modal consequence ("would expel") whose condition names no party but the author
    and no act ("if re-elected", "if she wins the election")."""
    if not _modals(verb):
        return False
    conditions = [c for c in children(verb, "advcl") if _is_condition(c)]
    if not conditions:
        return False
    conditions = [c for c in conditions if c.lower_ not in HEDGES]  # "if necessary"
    if not conditions:
        return False
    subject = subject_of(verb)
    for condition in conditions:
        if match_trigger(condition) is not None:
            return False  # "if attacked", "if they cross the border": an act of the other side
        own = [c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not own:
            after = condition.doc[condition.i : condition.i + 3]  # "re", "-", "elected"
            words = {t.lemma_.lower() for t in (*condition.subtree, *after)}
            if words & OWN_SITUATIONS:
                continue  # "if re-elected" (tokens "re", "-", "elected"), "if appointed"
            return False
        said = own[0].lower_
        if said in SELF_PRONOUNS or (subject is not None and said == subject.lower_):
            continue
        return False
    return True


def _speculation(verb: Token) -> bool:
    """A future or possible act in the complement of a verb of predicting whose subject is
    someone else ("analysts expect Saudi Arabia will restore ties")."""
    if not _modals(verb) or verb.dep_ != "ccomp":
        return False
    predictor = verb.head
    if predictor.lemma_.lower() not in PREDICTING_VERBS:
        return False
    theirs, own = subject_of(predictor), subject_of(verb)
    if theirs is None or own is None or is_pronoun(own.text):
        return False
    return theirs.lower_ != own.lower_


def _one_means(token: Token) -> bool:
    """Whether ``token`` is named under "including" of a hypothetical course."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("pobj", "pcomp", "prep") or current.head.i == current.i:
            return False
        current = current.head
        if current.lower_ in EXAMPLES and current.dep_ == "prep":
            course = current.head
            return course.pos_ in ("VERB", "AUX") and is_hypothetical(course)
    return False


def modality_reason(token: Token, negated: bool) -> str | None:
    """Why the act ``token`` triggers is not reported as done nor is an act of its own
    (see the module's docstring), or None; ``negated`` is the event's flag after PLOVER's
    conventions made a negated cooperation a refusal
    (:func:`~newsfuse.events.framing.is_negated`, :func:`~newsfuse.events.recast.recast`)."""
    verb = clause_verb(token)
    if _denial(token):
        return "denial"
    if negated:
        return "negated"
    if _question(token, verb):
        return "question"
    if _counterfactual(verb):
        return "counterfactual"
    if _in_condition(verb):
        return "condition"
    if _own_condition(verb):
        return "conditional"
    if _speculation(verb):
        return "speculation"
    if _one_means(token):
        return "hypothetical"
    return None
