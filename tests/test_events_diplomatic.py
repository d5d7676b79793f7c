"""Event typing of diplomatic and other non-violent wire leads by PLOVER's definitions, on
sentences written for these tests (not those of ``tests/data/events/diplomatic_reports.jsonl``):
signing and ratifying are SUPPORT, investing and sharing data COOPERATE, demolition COERCE,
allowing access and giving back RETREAT, orders to another DEMAND, promised easing CONCEDE,
forces sent to a border MOBILIZE; and the hand-written reports' check-half quality gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse import code_sentence

DATE = "2025-05-20"
REPORTS = Path(__file__).resolve().parent / "data" / "events" / "diplomatic_reports.jsonl"
TYPES = set(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT INVESTIGATE DEMAND DISAPPROVE REJECT "
    "THREATEN SANCTION PROTEST MOBILIZE COERCE ASSAULT FIGHT none".split()
)


def _types(text: str) -> list[str]:
    return [str(e.event_type) for e in code_sentence(text, DATE)]


def _first(text: str) -> str:
    return (_types(text) or ["none"])[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SUPPORT: "sign or ratify an agreement"; a promise to sign is AGREE
        ("Chad and Sudan signed a border security pact in N'Djamena on Monday.", ["SUPPORT"]),
        ("Ghana's parliament ratified the trade accord with Togo.", ["SUPPORT"]),
        ("Chad and Sudan agreed to sign a border security pact.", ["AGREE"]),
        ("Chile praised the fisheries accord with Peru.", ["SUPPORT"]),
        # SUPPORT: "defend" another
        ("Moscow defended Minsk against Western accusations of election fraud.", ["SUPPORT"]),
        # COOPERATE: "trade and investment", "intelligence cooperation"
        ("Qatar invested $2 billion in Turkish lenders.", ["COOPERATE"]),
        ("Peru and Bolivia exchanged intelligence on drug flights.", ["COOPERATE"]),
        # COERCE destroy
        ("Indian authorities demolished the homes of 30 Muslim families in Haldwani.", ["COERCE"]),
        # RETREAT: "allow access", "return property"
        ("Myanmar allowed U.N. inspectors into Rakhine state on Friday.", ["RETREAT"]),
        ("The return of 12 seized trawlers by Argentina to Spain ended the dispute.", ["RETREAT"]),
        # DEMAND: "demand or order", an order to another actor
        ("The AU ordered Mali's military leaders to hold elections within a year.", ["DEMAND"]),
        # CONCEDE: "promised easing of restrictions"
        ("Vietnam said it would lift its ban on Chinese poultry imports.", ["CONCEDE"]),
        # MOBILIZE: forces sent where no one receives them
        ("Greece moved 5,000 troops to its border with Turkey.", ["MOBILIZE"]),
        ("France dispatched two frigates to the eastern Mediterranean.", ["MOBILIZE"]),
        # ... also where the parser hangs "to" on the ships or calls it a dative
        ("Turkey sent warships to the eastern Mediterranean on Monday.", ["MOBILIZE"]),
        ("Russia sent troops to Belarus for joint drills.", ["AID"]),  # received by an ally
        # civilian craft sent to a region help; they are no show of force
        ("Italy sent two firefighting planes to the region to fight the wildfires.", ["AID"]),
        # CONSULT: talks, and a phase verb's modal makes them future (AGREE)
        ("Talks between the Serbian and Kosovar negotiators ended in Brussels.", ["CONSULT"]),
        ("Officials said talks with the rebels would resume in Doha.", ["AGREE"]),
        # PROTEST: a civilian crowd occupying a building
        ("Hundreds of students occupied the rector's office in Santiago.", ["PROTEST"]),
        # AID: deliveries of arms or relief
        ("Tents and medicine were flown to Malawi by South Africa.", ["AID"]),
    ],
)
def test_types_by_plover_definitions(text, expected):
    assert _types(text)[: len(expected)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The commander ordered his men to hold their positions.",  # a command, no demand
        "Human rights groups expressed alarm at reports of mass arrests in Minsk.",  # concern
    ],
)
def test_commands_and_concerns_are_no_demand_or_act(text):
    assert "DEMAND" not in _types(text) and "COERCE" not in _types(text)


def test_talk_of_a_deal_is_rumour_not_talks():
    assert "CONSULT" not in _types("Talk of a merger between the two airlines lifted shares.")


def test_parties_signing_together_are_each_on_both_sides():
    # Signing is SUPPORT, not AGREE, but several parties signing one agreement is as mutual
    # as their agreeing: PLOVER lists each as source and target, none is left without one.
    (event,) = code_sentence("Chad and Sudan signed a border security pact on Monday.", DATE)
    assert event.event_type == "SUPPORT"
    assert (
        {a.country for a in event.source}
        == {a.country for a in event.target}
        == {
            "TCD",
            "SDN",
        }
    )
    (event,) = code_sentence("Japan ratified the treaty with South Korea.", DATE)
    assert [a.country for a in event.source] == ["JPN"]
    assert [a.country for a in event.target] == ["KOR"]


def _reports() -> list[dict]:
    return [json.loads(line) for line in REPORTS.read_text(encoding="utf-8").splitlines()]


def test_diplomatic_reports_set_is_whole():
    rows = _reports()
    assert [r["id"] for r in rows] == list(range(1, 186))
    assert {r["expected"] for r in rows} <= TYPES
    assert all(len(r[k]) in (0, 3) for r in rows for k in ("source_country", "target_country"))
    assert sum(r["expected"] == "none" for r in rows) == 26


def test_diplomatic_reports_check_half_quality_gate():
    """The CHECK half (odd ids; never read to choose a rule): the first coded type is right
    as often as when this gate was set (0.753, less 0.02, rounded down)."""
    rows = [r for r in _reports() if r["id"] % 2 == 1]
    right = sum(_first(r["text"]) == r["expected"] for r in rows)
    assert right / len(rows) >= 0.73
