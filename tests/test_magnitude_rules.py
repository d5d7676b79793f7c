"""Which clause's number is which event's dead, injured or size: the rules the corpus
magnitude set (tests/data/magnitudes) showed on its tune half, on sentences written for
these tests, and that set's scorer and quality gate where ../shared is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse import code_sentence
from newsfuse.cli import app
from newsfuse.evaluate.magnitudes import evaluate_magnitudes, read_gold, score_record

GOLD = Path(__file__).parent / "data" / "magnitudes" / "corpus_magnitudes.jsonl"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def _first(text: str, event_type: str | None = None) -> dict:
    events = [e.to_plover() for e in code_sentence(text)]
    chosen = [e for e in events if event_type is None or e["event"] == event_type]
    assert chosen, f"no {event_type or ''} event in {text!r}: {events}"
    return chosen[0]


def _counts(event: dict) -> tuple:
    return tuple(
        event[name] if event[name] is not None else event[f"{name}Text"]
        for name in ("dead", "injured", "size")
    )


def test_a_coordinated_clause_with_its_own_subject_has_its_own_count() -> None:
    # "and 40 were injured" does not share "died": 40 are the injured, not "none of either"
    event = _first("Four people died and 40 were injured in the blast in the market.")
    assert _counts(event) == (4, 40, None)


def test_harm_to_death_is_a_killing() -> None:
    event = _first("Seven youths were knifed and shot to death in the township on Sunday.")
    assert event["dead"] == 7


def test_leaving_men_killed_counts_the_dead() -> None:
    text = "Government troops fled the town after the rebel attack, leaving 30 men killed."
    assert any(e.dead == 30 for e in code_sentence(text))


def test_killed_or_wounded_is_neither_count_and_tanks_are_no_one() -> None:
    # a sum of dead and injured with an unknown split fills neither field; the tanks
    # destroyed after the shared object are things, not casualties
    text = "Rebels killed or wounded 200 soldiers and destroyed 12 tanks near the border."
    events = code_sentence(text)
    assert events
    for event in events:
        assert (event.dead, event.injured, event.dead_text, event.injured_text) == (None,) * 4
    text = "Iraq said Iran lost 3,000 men killed or wounded and another 289 captured."
    assert all(e.dead is None and e.injured is None for e in code_sentence(text))


def test_coordinated_people_add_up() -> None:
    event = _first(
        "Six men from Bradford and another man from Leicester have been arrested and freed "
        "on bail.",
        "COERCE",
    )
    assert event["size"] == 7
    assert _first("Police detained about 20 journalists and two lawyers on Friday.")["size"] == 22
    # a plural with no number of its own cannot be counted: the stated number stands
    event = _first("About 800,000 Tutsis and moderate Hutus were killed by Hutu militias.")
    assert event["dead"] == 800000


def test_named_victims_of_a_wounding_are_counted() -> None:
    event = _first("A gunman killed one shopkeeper and injured another man and a woman.")
    assert _counts(event)[:2] == (1, 2)


def test_a_count_in_a_relative_clause_is_no_size() -> None:
    text = (
        "The dockers' union, which represents about 5,000 workers, said its members would "
        "strike on Monday."
    )
    assert all(e.size != 5000 for e in code_sentence(text))


# -- the scorer ----------------------------------------------------------------------------


def test_the_event_read_is_the_one_of_the_labelled_trigger() -> None:
    record = {
        "id": "x",
        "text": "t",
        "event": "FIGHT",
        "trigger": "killed",
        "dead": 9,
        "injured": None,
        "size": None,
        "not": [1987],
    }
    events = [
        {"event": "FIGHT", "eventText": "attack", "dead": None, "size": 1987},
        {"event": "ASSAULT", "eventText": "killed", "dead": None, "deadText": None},
    ]
    judged = score_record(record, events)
    assert judged["eventText"] == "killed"
    assert judged["fields"]["dead"] == (9, None)
    assert judged["false_counts"] == ["1987"]
    events[1]["deadText"] = "9"
    assert score_record(record, events)["fields"]["dead"] == (9, 9)


def test_the_gold_holds_no_text_and_a_changed_sentence_is_an_error(tmp_path: Path) -> None:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 195
    for line in lines:
        assert "text" not in json.loads(line)
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    wrong = json.loads(lines[0]) | {"text_sha1": "0" * 40}
    path = tmp_path / "wrong.jsonl"
    path.write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not the labelled text"):
        read_gold(path, CORPUS)


@needs_corpus
def test_eval_magnitudes_cli_on_a_few_sentences(tmp_path: Path) -> None:
    path = tmp_path / "few.jsonl"
    path.write_text("\n".join(GOLD.read_text(encoding="utf-8").splitlines()[:4]) + "\n")
    result = CliRunner().invoke(
        app, ["eval", "magnitudes", str(path), "--texts", str(CORPUS), "--errors"]
    )
    assert result.exit_code == 0, result.output
    assert "together" in result.output and "false counts" in result.output
    assert "type first" in result.output and "type spurious" in result.output


@needs_corpus
def test_corpus_magnitudes_check_half_gate() -> None:
    # figures of 2026-11-29 (issue 12): tune together 0.855, check 0.689 (0.754 / 0.689
    # before the rules above); false counts tune 0.020, check 0.125 (0.059 / 0.143)
    result = evaluate_magnitudes(GOLD, CORPUS)
    tune, check = result["tune"], result["check"]
    assert (tune["sentences"], check["sentences"]) == (98, 97)
    assert check["together"]["accuracy"] >= 0.68
    assert check["false_counts"]["rate"] <= 0.13
    assert check["dead"]["accuracy"] >= 0.93
