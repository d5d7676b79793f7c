"""An act its actor has no plan or intention of doing (issue 12, sentences written for these
tests): "has no plans to", "has no intention of", "does not intend to" deny the intention, so
the act is neither done nor promised or threatened; a denied intention to cooperate is a
refusal (REJECT) only when someone holds it, as a negated cooperation is; "ruled out" is a
refusal (CAMEO 12) whose complement is not coded as the act."""

from __future__ import annotations

import pytest

from newsfuse.events.coder import is_non_event

from .coding_support import coded

DATE = "2025-03-04"


def _coded(text: str) -> list:
    return coded(text, DATE)


def _events(text: str) -> list:
    return [e for e in _coded(text) if not is_non_event(e)]


@pytest.mark.parametrize(
    "text",
    [
        "Norway said it had no plans to suspend its mediation between the Sudanese factions.",
        "Brazil has no plans to impose sanctions on Venezuela, the foreign minister said.",
        "Kenya does not intend to expel the Somali ambassador.",
        "Ghana does not have any plans to sever ties with Mali.",
        "Officials said there were no plans to withdraw peacekeepers from South Sudan.",
    ],
)
def test_an_act_no_one_intends_is_flagged_not_coded(text):
    coded = _coded(text)
    assert not [e for e in coded if not is_non_event(e)], [e.event_type for e in coded]
    assert "negated" in {e.extra.get("non_event") for e in coded}


def test_a_denied_intention_to_cooperate_is_no_refusal():
    # PLOVER REJECT turns down a proposal, demand or offer; none is named here
    coded = _coded("Algeria has no intention of sending troops to Niger.")
    assert not [e for e in coded if not is_non_event(e)], [e.event_type for e in coded]
    assert {a.country for e in coded for a in e.source} == {"DZA"}


@pytest.mark.parametrize(
    "text",
    [
        "The rebels have plans to attack the capital next week.",
        "The rebels had no means to attack the capital.",
        "Police have orders to arrest anyone who breaks the curfew.",
    ],
)
def test_a_plan_or_a_means_held_is_no_act_done(text):
    assert not [e for e in _events(text) if not e.hypothetical], text


def test_ruling_out_an_act_is_a_refusal_not_the_act():
    events = _events("Japan ruled out sending warships to the Red Sea.")
    assert [e.event_type for e in events] == ["REJECT"]


def test_an_intention_stated_is_still_coded():
    # the positive form keeps PLOVER's future forms: a planned sanction is a threat
    events = _events("Brazil plans to impose sanctions on Venezuela.")
    assert [e.event_type for e in events] == ["THREATEN"]
