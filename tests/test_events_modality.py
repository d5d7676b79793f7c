"""Mentions whose clause does not report an act as done, nor is an act of its own by
PLOVER (``newsfuse.events.modality``), are flagged, never coded; PLOVER's own future
forms (threats, promises, refusals) stay events."""

from __future__ import annotations

import pytest

from newsfuse.events.coder import is_non_event

from .coding_support import coded

DATE = "2025-03-04"


def _coded(text: str) -> list:
    return coded(text, DATE)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Rebels did not attack the garrison town on Sunday, the army said.", "negated"),
        ("Minsk denied sending troops across the border.", "denial"),
        ("Will Russia invade Moldova this year?", "question"),
        ("Journalists asked whether India would deport the activists.", "question"),
        ("Nobody was arrested after the rally in Minsk, police said.", "negated"),
        (
            "The candidate said he would impose tariffs on Chinese goods if re-elected.",
            "conditional",
        ),
        ('Did Russia shell the "humanitarian corridor" near Mariupol?', "question"),
        ("Had the rebels disarmed, the army would have withdrawn its troops.", "counterfactual"),
        ("If Serbia arrests the suspects, the region could calm down, analysts said.", "condition"),
        ("If elected, the candidate would expel the Chinese ambassador.", "conditional"),
        ("Analysts expect Egypt will send troops to Somalia next year.", "speculation"),
        (
            "Canada will continue to act, including through sanctions on Iranian banks.",
            "hypothetical",
        ),
    ],
)
def test_unreal_acts_are_flagged_not_coded(text, reason):
    events = _coded(text)
    assert events and all(is_non_event(e) for e in events), [e.event_type for e in events]
    assert reason in {e.extra["non_event"] for e in events}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Iran said it would strike back at Israel if its territory were attacked.", "THREATEN"),
        ("Japan said it would send emergency relief supplies to Turkey.", "AGREE"),
        ("Hungary did not agree to the new sanctions package, diplomats said.", "REJECT"),
        ("Serbia threatened to recall its ambassador if Montenegro recognised Kosovo.", "THREATEN"),
        # a "when" clause under a verb of asking tells the time, it asks nothing
        ("Ukraine asked Germany for more tanks when Russian troops massed nearby.", "DEMAND"),
    ],
)
def test_plover_s_own_future_forms_stay_events(text, event_type):
    events = [e for e in _coded(text) if not is_non_event(e)]
    assert events and events[0].event_type == event_type, [e.event_type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        # what stops, claims, confirms or authorises an act presupposes it
        "Hamas did not claim the bombing in Jerusalem.",
        "Israel did not stop its strikes on Rafah despite US pressure.",
        "The protest in Minsk was not authorised by the city council.",
        # no one hurt: a toll of none, not the absence of the strike
        "No one was killed in the Israeli air strike on the building in Gaza City.",
        # "not ... until" says when
        "Rebels did not attack the town until dawn on Sunday.",
        # a wh-question takes its act as given; a question mark that closes another clause
        "Lawmakers asked why police had arrested the journalists in Minsk.",
        "Why did Russia attack the Kakhovka dam?",
        "Israeli jets struck Gaza on Monday, killing 12 people - is the ceasefire over?",
        'Police arrested 40 protesters in Tehran, and one mother asked: "What did my son do?"',
        # a hedge is no condition: the threat stands
        "Turkey said it would launch a new offensive in northern Syria if necessary.",
    ],
)
def test_acts_a_clause_presupposes_stay_events(text):
    events = [e for e in _coded(text) if not is_non_event(e)]
    assert any(e.event_type != "DEMAND" for e in events), text  # the asking is no DEMAND


def test_a_refusal_needs_someone_who_refuses():
    assert not [e for e in _coded("No country has recognised the Taliban government.")
                if not is_non_event(e)]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # what is yet to come or still open: "not ... until" is a refusal
        "Ukraine will not sign any peace deal until Russian troops leave its territory.",
        "The rebels will not release the hostages until their demands are met.",
        "Israel has not allowed aid trucks into northern Gaza until now.",
    ],
)
def test_not_until_of_what_is_to_come_is_a_refusal(text):
    assert [e.event_type for e in _coded(text) if not is_non_event(e)] == ["REJECT"], text


def test_no_one_hurt_in_a_named_act_is_no_count_of_one():
    text = "No one was killed in the Israeli air strike on a building in Gaza City, medics said."
    events = [e for e in _coded(text) if not is_non_event(e)]
    assert events and all(e.dead is None for e in events)
    # with no act named, nothing happened
    assert not [e for e in _coded("No one was killed, police said.") if not is_non_event(e)]


def test_asking_when_is_no_demand():
    events = _coded("Journalists asked when troops would withdraw from the city.")
    assert not [e for e in events if e.event_type == "DEMAND" and not is_non_event(e)]


def test_people_going_home_is_no_retreat():
    text = "Residents returned to their homes in Oklahoma after a week of severe flooding."
    assert not [e for e in _coded(text) if not is_non_event(e)]
    # a party giving back, or forces going back, still de-escalates
    assert [e.event_type for e in _coded("Rebels returned the seized land to farmers.")] == [
        "RETREAT"
    ]
