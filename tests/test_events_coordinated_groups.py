"""Coordinated organisations before a shared head (issue 12, sentences written for these
tests): "FARC and ELN guerrillas" name two armed groups, each a source of its own, though
both are COL REB; mentions of one organisation, or of one country's body, stay one actor."""

from __future__ import annotations

import pytest

from newsfuse import code_sentence
from newsfuse.events.actor_phrases import organisation_named

DATE = "2025-06-10"


def _event(text: str, types: tuple[str, ...] = ("ASSAULT", "FIGHT")) -> dict:
    found = [e.to_plover() for e in code_sentence(text, DATE) if e.event_type in types]
    assert found, f"no {types} in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("FARC and ELN guerrillas attacked a police station in Cauca.", {"FARC", "ELN"}),
        ("Boko Haram and ISWAP fighters attacked an army base near Maiduguri.", {"Boko", "ISWAP"}),
        (
            "Lashkar-e-Taiba and Jaish-e-Mohammed militants attacked Indian soldiers in Kashmir.",
            {"Lashkar", "Jaish"},
        ),
    ],
)
def test_two_groups_before_one_head_are_two_sources(text, groups):
    sources = _event(text)["source"]
    assert len(sources) == 2, sources
    named = {g for g in groups for a in sources if g in a["actorText"]}
    assert named == groups, sources


def test_one_country_s_forces_named_twice_are_one_source():
    sources = _event("Russian troops and Russian soldiers shelled a Ukrainian village.")["source"]
    assert [(a["code"], a["sector"]) for a in sources] == [("RUS", "MIL")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ELN guerrillas", "ELN"),
        ("the Haqqani network's commanders", "Haqqani network"),
        ("Colombian soldiers", None),
        ("Nigeria", None),
    ],
)
def test_the_organisation_an_actor_names(text, name):
    assert organisation_named(text) == name
