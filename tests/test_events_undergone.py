"""Acts one comes under (issue 12, sentences written for these tests): "X came under fire /
shelling / attack from Y" is Y's act on X, never X's arrival (the CAMEO verb table's ARRIVE
block must not read "came" as troops arriving, CAMEO 072 AID), and fire from a party that
only speaks is criticism (CAMEO 111), as CAMEO codes "come * (under fire)"."""

from __future__ import annotations

import pytest

from newsfuse import code_sentence

DATE = "2025-06-10"


def _events(text: str) -> list[dict]:
    return [e.to_plover() for e in code_sentence(text, DATE)]


def _countries(event: dict, side: str) -> set[str | None]:
    return {a["code"] for a in event[side]}


@pytest.mark.parametrize(
    "text",
    [
        "Turkish soldiers came under heavy fire from Kurdish militants near the Iraqi border.",
        "A Malian army patrol came under shelling from jihadist fighters outside Gao.",
        "Ukrainian troops remained under attack from Russian forces throughout the night.",
        "Nigerian soldiers came under rocket fire from Boko Haram fighters on Sunday.",
    ],
)
def test_who_comes_under_an_act_is_its_target(text):
    events = _events(text)
    assert events, text
    assert not [e for e in events if e["event"] in ("AID", "CONSULT", "COOPERATE")]
    violent = [e for e in events if e["event"] in ("ASSAULT", "FIGHT")]
    assert violent, text
    target = _countries(violent[0], "target")
    source = _countries(violent[0], "source")
    # the soldiers undergo it: they are the target, not the source
    assert target & {"TUR", "MLI", "UKR", "NGA"}, violent[0]
    assert not source & {"TUR", "MLI", "UKR", "NGA"} or source == target, violent[0]


def test_a_gerund_under_under_is_undergone():
    # spaCy parses "under shelling" as a clause ("shelling" a verb): still undergone
    (event,) = [
        e
        for e in _events("Syrian troops came under shelling from Turkish artillery units.")
        if e["event"] in ("ASSAULT", "FIGHT")
    ]
    assert _countries(event, "source") == {"TUR"}
    assert _countries(event, "target") == {"SYR"}


def test_coming_under_fire_from_a_party_is_criticism():
    events = _events("The finance minister came under fire from the opposition party.")
    assert [e["event"] for e in events] == ["DISAPPROVE"]


@pytest.mark.parametrize(
    "text",
    [
        "The health minister came under fire over the hospital waiting lists.",
        "Canada came under fire from Mexico for its new tariffs on steel.",
        "The airline has come under fire after cancelling hundreds of flights.",
        "The chief of police came under fire from local residents over the response.",
    ],
)
def test_fire_with_a_reason_or_no_sign_of_arms_is_criticism(text):
    # news mostly means criticism by "came under fire": shooting shows in a weapon, an
    # armed source or harm; one is shot at for no reason a sentence gives
    events = _events(text)
    assert not [e for e in events if e["event"] in ("ASSAULT", "FIGHT")], events
    assert "DISAPPROVE" in {e["event"] for e in events}, text


def test_coming_under_pressure_is_no_arrival():
    events = _events("French troops came under pressure from the junta to leave Niger.")
    assert not [e for e in events if e["event"] == "AID"]


def test_fire_on_the_unarmed_is_one_sided():
    # PLOVER: ASSAULT is force against those who do not fight back, FIGHT between armed sides
    events = _events("Villagers came under fire from soldiers near Bamako.")
    assert [e["event"] for e in events][:1] == ["ASSAULT"]
    assert _countries(events[0], "target") == {"MLI"}


def test_fire_between_armed_sides_is_fighting():
    events = _events("Colombian soldiers came under fire from ELN guerrillas in Arauca.")
    assert [e["event"] for e in events][:1] == ["FIGHT"]
