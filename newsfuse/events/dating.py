"""When an event happened: the time expression of its sentence that dates its trigger.

PLOVER dates an event by when it happened. A sentence's times may belong to other acts
(clauses below the trigger), open a background span ("since October"), or date the act
the trigger is measured from ("two days after a clash": the clash is two days before the
main clause's time).
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from newsfuse.annotate.time_words import NUMBER_WORDS
from newsfuse.events.context import ArticleContext

CLAUSES = frozenset({"xcomp", "ccomp", "relcl", "acl", "advcl"})
"""Clauses of their own below a trigger: what was agreed, promised or demanded ("agreed to
convene the commission in April"), what a participant does ("a commission that is to meet
again in April"). Coordinated verbs are not among them: conjuncts share their adjuncts
("were killed and five wounded on Sunday"), which the parser hangs on the last one.
PLOVER dates an event by when it happened, so a time inside such a clause dates that
clause's action, not the trigger's. A relative clause on a noun trigger itself ("a clash
in which three soldiers were killed on Sunday") still tells the trigger's time."""

SPAN_STARTS = frozenset({"since"})
"""A time after "since" starts a span that runs to the time of reporting ("their first
meeting since October"): background, not when the event happened."""


def _own_clause_ranges(trigger: Token) -> list[tuple[int, int]]:
    """Character ranges of the clauses below ``trigger`` that are not its own."""
    ranges = []
    for token in trigger.subtree:
        if token.i == trigger.i or token.dep_ not in CLAUSES:
            continue
        if token.dep_ not in ("xcomp", "ccomp") and token.pos_ not in ("VERB", "AUX"):
            continue
        if token.dep_ in ("relcl", "acl", "advcl") and token.head.i == trigger.i:
            continue  # "a clash in which ... were killed on Sunday": the trigger's own time
        ranges.append((token.left_edge.idx, token.right_edge.idx + len(token.right_edge)))
    return ranges


def _background(time, doc: Doc) -> bool:
    """Whether ``time`` opens a span ("since October"): the word before it. (Token
    lookup, not ``doc.text``, which spaCy rebuilds from every token on each call.)"""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in SPAN_STARTS


def event_date(
    sentence: Span, ctx: ArticleContext, trigger: Token | None = None
) -> tuple[str | None, str | None]:
    """The first time expression of the sentence that is neither background ("since
    October") nor inside a clause of its own below ``trigger``, else the article's date."""
    if trigger is not None and (measured := relative_date(sentence, ctx, trigger)) is not None:
        return measured, None
    inside = _own_clause_ranges(trigger) if trigger is not None else []
    for time in ctx.starting_in("times", sentence.start_char, sentence.end_char):
        if _background(time, sentence.doc):
            continue
        if not any(lo <= time.start < hi for lo, hi in inside):
            return time.value, time.end_value
    return ctx.when, None


RELATIVE_PREPS = {"after": -1, "before": 1}
"""Sign of an act's offset from the clause it is measured from: "two days after a clash"
puts the clash two days before that clause's time."""

UNIT_DAYS = {"day": 1, "week": 7}


def _relative_prep(trigger: Token) -> Token | None:
    """The "after"/"before" the trigger's act is measured from: the preposition whose
    object it is ("came two days after a clash"), or that introduces the clause whose
    verb or subject it is ("two days after a clash ... left three dead")."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in RELATIVE_PREPS:
        return trigger.head
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else trigger
    for child in verb.children:
        subordinator = child.dep_ in ("prep", "mark") and child.lower_ in RELATIVE_PREPS
        if subordinator and not any(c.dep_ == "pobj" for c in child.children):
            return child
    return None


def offset_days(trigger: Token) -> int | None:
    """Days from the measuring clause's time to the trigger's act ("two days after" -2,
    "a week before" +7), None when the trigger is not measured that way."""
    prep = _relative_prep(trigger)
    if prep is None:
        return None
    # "two days after a clash left ...": with "after" a mark, the amount hangs on the verb
    amounts = [*prep.children, *(prep.head.children if prep.dep_ == "mark" else ())]
    for amount in amounts:
        unit = UNIT_DAYS.get(amount.lemma_.lower())
        if amount.dep_ != "npadvmod" or unit is None:
            continue
        for word in amount.children:
            if word.dep_ in ("nummod", "det"):
                text = word.lower_
                count = int(text) if text.isdigit() else NUMBER_WORDS.get(text)
                if count is not None:
                    return RELATIVE_PREPS[prep.lower_] * count * unit
    return None


def _shifted(day: str | None, days: int) -> str | None:
    """``day`` (YYYY-MM-DD) moved by ``days``; None when it is not a whole day."""
    try:
        return (date.fromisoformat(day or "") + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def relative_date(sentence: Span, ctx: ArticleContext, trigger: Token) -> str | None:
    """The trigger's date when it is measured from its clause's ("two days after a clash",
    in an article or sentence dated Tuesday): that day moved by the offset."""
    days = offset_days(trigger)
    if days is None:
        return None
    prep = _relative_prep(trigger)
    lo, hi = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge)
    anchor = ctx.when
    for time in ctx.starting_in("times", sentence.start_char, sentence.end_char):
        if not (lo <= time.start < hi) and not _background(time, sentence.doc):
            anchor = time.value
            break
    return _shifted(anchor, days)
