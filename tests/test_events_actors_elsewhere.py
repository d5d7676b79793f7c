"""Actors whose words say they come from elsewhere (issue 12, sentences written for these
tests): settlers, like a "foreign" or "international" force, do not take the country of
the ground they act on, nor does that ground stand for them. The actor dictionaries code a
settler or a colonist as a civilian (Phoenix agents: SETTLER, COLONIST [~CVL]) with no
country of its own."""

from __future__ import annotations

import pytest

from newsfuse import code_sentence

DATE = "2025-06-10"


def _first(text: str) -> dict:
    events = [e.to_plover() for e in code_sentence(text, DATE)]
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "place_country"),
    [
        ("Armed settlers in the occupied Golan Heights attacked Druze farmers.", "SYR"),
        ("Settlers near Nablus attacked Palestinian farmers with stones.", "PSE"),
        ("Colonists in northern Kenya attacked Kikuyu labourers.", "KEN"),
    ],
)
def test_settlers_do_not_take_the_country_of_the_ground(text, place_country):
    event = _first(text)
    settlers = [
        a for a in event["source"] if "ettler" in a["actorText"] or "olonist" in a["actorText"]
    ]
    assert settlers, event["source"]
    assert all(a["code"] != place_country for a in settlers), event["source"]
    # nor does the place stand in for them as a source of its own
    assert place_country not in {a["code"] for a in event["source"]}, event["source"]


def test_local_roles_still_take_the_ground_s_country():
    event = _first("Villagers near Nablus attacked a military patrol.")
    assert "PSE" in {a["code"] for a in event["source"]}
