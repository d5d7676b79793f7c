"""Where issue 12's actor rules must not reach (review rev2): "among" saying where or whom,
a province named after a former state, Northern Rhodesia (Zambia, not Zimbabwe)."""

from __future__ import annotations

import pytest

from newsfuse import code_sentence, resolve_actor

DATE = "2025-06-10"


def _event(text: str, event_type: str) -> dict:
    found = [e.to_plover() for e in code_sentence(text, DATE) if e.event_type == event_type]
    assert found, f"no {event_type} in {text!r}"
    return found[0]


def test_among_after_a_verb_with_an_object_is_where_not_whom():
    event = _event("Ukraine deployed troops among the ruins of Bakhmut.", "MOBILIZE")
    assert [a["actorText"] for a in event["target"]] == ["troops"]


def test_among_after_a_protest_names_its_people_not_its_target():
    event = _event("Protests among students spread in Iran.", "PROTEST")
    assert "students" not in {a["actorText"] for a in event["target"]}


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Zaire province", "AGO"),
        ("the province of Zaire", "AGO"),
        ("Northern Rhodesia", "ZMB"),
        ("Southern Rhodesia", "ZWE"),
    ],
)
def test_names_a_former_state_shares(name, country):
    assert resolve_actor(name).country == country


def test_a_complaint_is_not_aimed_at_those_who_undergo_what_it_complains_of():
    event = _event("The opposition complained that voters faced intimidation.", "DISAPPROVE")
    assert "voters" not in {a["actorText"] for a in event["target"] or []}
    aimed = _event("Manila complained that Chinese warships harassed its fishermen.", "DISAPPROVE")
    assert "CHN" in {a["code"] for a in aimed["target"]}


def test_a_part_that_names_its_own_country_keeps_it():
    event = _event(
        "Russian aircraft including helicopters from Syria's air force bombed rebel positions "
        "in Idlib.",
        "FIGHT",
    )
    helicopters = [a for a in event["source"] if a["actorText"] == "helicopters"]
    assert all(a["code"] != "RUS" for a in helicopters)


def test_a_complaint_about_what_someone_is_is_aimed_at_them():
    event = _event(
        "The opposition complained that the government was slow to help flood victims.",
        "DISAPPROVE",
    )
    assert "government" in {a["actorText"] for a in event["target"] or []}


def test_a_part_from_a_place_takes_its_sets_country():
    event = _event("U.S. aircraft including drones from Qatar struck militia targets.", "FIGHT")
    assert all(a["code"] == "USA" for a in event["source"])
