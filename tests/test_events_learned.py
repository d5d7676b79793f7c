"""How the coder combines its rules with the learned classifier (newsfuse/events/learned.py)."""

from __future__ import annotations

from newsfuse.annotate.actors import default_resolver
from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.stage import annotate_doc
from newsfuse.events import learned
from newsfuse.events.coder import code_doc, is_non_event
from newsfuse.events.learned import RULES_ONLY, Combination, combine
from newsfuse.model import Article, Event


def _event(event_type: str, **extra) -> Event:
    return Event(event_type=event_type, trigger="x", evidence="x", extra=dict(extra))


SENTENCE = load_nlp()("Rebels attacked the town.")[:]
PROBS = {"none": 0.1, "ASSAULT": 0.5, "DISAPPROVE": 0.05, "FIGHT": 0.3, "PROTEST": 0.05}


def test_rules_only_uses_no_classifier():
    assert not RULES_ONLY.uses_classifier
    assert RULES_ONLY.describe() == "rules only"
    assert Combination(propose=0.2).uses_classifier


def test_rerank_orders_by_the_classifier_and_keeps_every_event():
    events = [_event("DISAPPROVE"), _event("FIGHT"), _event("ASSAULT")]
    out = combine(events, PROBS, SENTENCE, Combination(rerank=True))
    assert [e.event_type for e in out] == ["ASSAULT", "FIGHT", "DISAPPROVE"]


def test_keep_ratio_flags_the_improbable_reading():
    events = [_event("DISAPPROVE"), _event("ASSAULT")]
    out = combine(events, PROBS, SENTENCE, Combination(keep_ratio=0.25))
    assert [(e.event_type, "non_event" in e.extra) for e in out] == [
        ("DISAPPROVE", True),
        ("ASSAULT", False),
    ]


def test_override_replaces_a_weak_rule_type():
    out = combine([_event("PROTEST")], PROBS, SENTENCE, Combination(override_ratio=0.2))
    assert out[0].event_type == "ASSAULT" and out[0].extra["rule_type"] == "PROTEST"
    kept = combine([_event("FIGHT")], PROBS, SENTENCE, Combination(override_ratio=0.2))
    assert kept[0].event_type == "FIGHT"


def test_veto_flags_every_event_of_a_non_event_sentence():
    probs = {**PROBS, "none": 0.6}
    out = combine([_event("ASSAULT"), _event("FIGHT")], probs, SENTENCE, Combination(veto_none=0.5))
    assert all(e.extra["non_event"] == learned.VETO_REASON for e in out)
    # the rules' own non-events are left as they are
    flagged = [_event("ASSAULT", non_event="disaster")]
    assert combine(flagged, probs, SENTENCE, Combination(veto_none=0.5)) == flagged


def _coded(text: str, combination: Combination) -> list[Event]:
    doc = load_nlp()(text)
    article = Article(id="t", source="<text>", text=text, content_hash="")
    annotations = annotate_doc(article, doc)
    return code_doc(
        doc, annotations, default_resolver(), None, keep_non_events=True, combination=combination
    )


def test_a_proposal_needs_both_actors_and_a_probable_type():
    # "entertained": no trigger of the lexicon (the type proposed is the classifier's
    # business; what is tested here is the mechanism)
    text = "French President Emmanuel Macron entertained Chinese President Xi Jinping in Paris."
    assert _coded(text, RULES_ONLY) == []
    proposed = _coded(text, Combination(propose=0.0))
    assert len(proposed) == 1
    event = proposed[0]
    assert {a.country for a in event.source} == {"FRA"}
    assert {a.country for a in event.target} == {"CHN"}
    assert event.trigger == "entertained" and "learned" in event.extra
    assert _coded(text, Combination(propose=1.0)) == []
    # no actor pair, no proposal
    assert _coded("The weather stayed warm all week.", Combination(propose=0.0)) == []


def test_the_rules_own_non_events_get_no_proposal():
    text = "A strong earthquake killed eight people in the north of the country."
    events = _coded(text, Combination(propose=0.0))
    assert all(is_non_event(e) for e in events)
