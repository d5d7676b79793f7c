"""How the rule coder may use the learned event-type classifier, and how it does.

The classifier (:mod:`newsfuse.events.classifier`) gives each sentence a probability for
every PLOVER type and for "none". A :class:`Combination` says what the coder does with
them, on top of the rule candidates of the sentence (the events its trigger lexicon and
parse walks found):

* ``rerank``: the sentence's rule events ordered by the probability of their type, most
  probable first (the first event is the one a reader of "the sentence's event" takes);
* ``keep_ratio``: a rule event whose type has less than ``keep_ratio`` times the
  probability of the most probable rule type of its sentence is flagged (a second reading
  of the same words, "attack" as ASSAULT and as DISAPPROVE);
* ``override_ratio``: a rule event's type is replaced by the classifier's most probable
  type when P(rule type) < ``override_ratio`` × P(that type); with ``override_weak_only``
  only where the trigger is weak (:func:`weak_trigger`: ambiguous in the hand lexicon, or
  typed by the CAMEO table or a convention rather than by the hand lexicon);
* ``veto_none``: rule events of a sentence with P(none) ≥ ``veto_none`` are flagged as
  non-events (reason ``"classifier"``);
* ``propose``: a sentence where the rules find no event gets one of the classifier's
  most probable type, triggered by its main verb, when that type has probability ≥
  ``propose`` and the parse names a source and a target that resolve to actors.

Flagged events are kept with ``extra["non_event"]`` like the rule coder's own
non-events (:func:`newsfuse.events.coder.is_non_event`). Every threshold was chosen on
tune data only (the synthetic stories' tune templates by grouped cross-validation and
the tune half of the PLOVER dev records) by ``benchmarks/event_combine.py``, which also
reports the check figures; :data:`SHIPPED` is the combination the coder uses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsfuse.events.classifier import NONE, Classifier, load_classifier
from newsfuse.events.lexicon import mode_for, triggers

if TYPE_CHECKING:
    from spacy.tokens import Span

    from newsfuse.model import Event

__all__ = [
    "RULES_ONLY",
    "SHIPPED",
    "Combination",
    "combine",
    "sentence_probabilities",
    "weak_trigger",
]

VETO_REASON = "classifier"


@dataclass(frozen=True)
class Combination:
    """What the coder does with the classifier's probabilities (None / False: nothing)."""

    rerank: bool = False
    keep_ratio: float | None = None
    override_ratio: float | None = None
    override_weak_only: bool = False
    veto_none: float | None = None
    propose: float | None = None

    @property
    def uses_classifier(self) -> bool:
        return bool(
            self.rerank
            or self.keep_ratio is not None
            or self.override_ratio is not None
            or self.veto_none is not None
            or self.propose is not None
        )

    def describe(self) -> str:
        parts = [
            f"{name}={value}"
            for name, value in (
                ("rerank", self.rerank or None),
                ("keep", self.keep_ratio),
                ("override", self.override_ratio),
                ("weak-only", self.override_weak_only or None),
                ("veto", self.veto_none),
                ("propose", self.propose),
            )
            if value is not None
        ]
        return " ".join(parts) or "rules only"


RULES_ONLY = Combination()
"""The rule coder alone."""

SHIPPED = RULES_ONLY
"""The combination the coder uses (see the module docstring and the README for why)."""


def sentence_probabilities(
    sentence: Span, classifier: Classifier | None = None
) -> dict[str, float]:
    """P(label) for every label of the classifier (PLOVER types and "none") for one sentence."""
    model = classifier or load_classifier()
    return dict(model.result(model.features(sentence)).types)


def _flagged(event: Event) -> bool:
    return "non_event" in event.extra


def _flag(event: Event, reason: str) -> Event:
    return replace(event, extra={**event.extra, "non_event": reason})


def weak_trigger(event: Event, sentence: Span) -> bool:
    """Whether the hand lexicon does not settle the event's type by itself: its trigger
    word has several types there, or none that is the event's (the CAMEO table or a
    convention of :mod:`newsfuse.events.recast` gave it)."""
    token = next((t for t in sentence if t.idx == event.trigger_start), None)
    if token is None:
        return True
    lemma = token.lemma_.lower()
    types = {t.event_type for pos in ("VERB", "NOUN") for t in triggers().get((lemma, pos), ())}
    return event.event_type not in types or len(types) > 1


def combine(
    events: list[Event],
    probs: dict[str, float],
    sentence: Span,
    combination: Combination,
) -> list[Event]:
    """The rule events of one sentence after ``combination`` (all but ``propose``, which
    needs the parse: see :func:`newsfuse.events.coder.code_span`)."""
    live = [e for e in events if not _flagged(e)]
    if not live:
        return events
    lemmas = {t.lemma_.lower() for t in sentence}
    out = list(events)
    if combination.veto_none is not None and probs.get(NONE, 0.0) >= combination.veto_none:
        return [e if _flagged(e) else _flag(e, VETO_REASON) for e in out]
    if combination.override_ratio is not None:
        top = max((t for t in probs if t != NONE), key=probs.__getitem__)
        out = [
            _override(e, top, lemmas)
            if not _flagged(e)
            and e.event_type != top
            and probs.get(e.event_type, 0.0) < combination.override_ratio * probs[top]
            and (not combination.override_weak_only or weak_trigger(e, sentence))
            else e
            for e in out
        ]
    if combination.keep_ratio is not None:
        best = max(probs.get(e.event_type, 0.0) for e in out if not _flagged(e))
        out = [
            _flag(e, VETO_REASON)
            if not _flagged(e) and probs.get(e.event_type, 0.0) < combination.keep_ratio * best
            else e
            for e in out
        ]
    if combination.rerank:
        # a stable sort: events of equal probability keep the rules' order
        out.sort(key=lambda e: -probs.get(e.event_type, 0.0) if not _flagged(e) else 0.0)
    return out


def _override(event: Event, event_type: str, lemmas: set[str]) -> Event:
    return replace(
        event,
        event_type=event_type,
        mode=mode_for(event_type, lemmas),
        extra={**event.extra, "rule_type": event.event_type},
    )
