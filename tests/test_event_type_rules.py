"""Event types by PLOVER's definitions where the trigger alone says too little or nothing:
an arrest with no one named, a crowd taking to the streets or fighting police, forces
ordered somewhere; and the type figures of ``eval magnitudes``."""

from __future__ import annotations

import pytest

from newsfuse import code_sentence
from newsfuse.evaluate.magnitudes import _type_figures, score_record

DATE = "2025-03-04"


def _types(sentence: str) -> list[str]:
    return [e.event_type for e in code_sentence(sentence, DATE) if not e.negated]


@pytest.mark.parametrize(
    "sentence",
    [
        "Three former customs officers have been arrested.",
        "In all, five hackers were detained and two of them were later jailed.",
    ],
)
def test_an_arrest_with_no_one_named_is_the_states_coercion(sentence):
    events = code_sentence(sentence, DATE)
    assert [e.event_type for e in events][:1] == ["COERCE"], events
    assert events[0].mode == "arrest"


def test_other_acts_with_no_one_named_stay_out():
    assert _types("The book was banned.") == []
    # violence in a common crime is still no event (newsfuse.events.nonevents)
    assert _types("A shopkeeper was stabbed during a robbery in Leeds.") == []


def test_taking_to_the_streets_is_a_demonstration():
    events = code_sentence(
        "Thousands of nurses took to the streets of Madrid to protest against pay cuts.", DATE
    )
    assert events[0].event_type == "PROTEST" and events[0].mode == "demo"
    assert "DISAPPROVE" not in [e.event_type for e in events]
    # the verb keeps its other senses
    assert _types("Rebels took the town after heavy fighting.")[:1] == ["FIGHT"]


@pytest.mark.parametrize("verb", ["fought", "battled with"])
def test_a_crowd_fighting_police_is_a_riot(verb):
    (event,) = code_sentence(f"Hundreds of students {verb} riot police in Jakarta.", DATE)
    assert (event.event_type, event.mode) == ("PROTEST", "riot")
    assert _types("Government troops fought rebels near the border.") == ["FIGHT"]


def test_forces_ordered_somewhere_are_deployed():
    (event,) = code_sentence("The president ordered 4,000 soldiers into the capital.", DATE)
    assert event.event_type == "MOBILIZE" and event.size == 4000
    assert "MOBILIZE" not in _types("The president ordered an inquiry into the army's conduct.")
    assert "MOBILIZE" not in _types("The president ordered troops to withdraw from the border.")


def test_type_figures_read_the_first_event_and_the_unlabelled_sentences():
    labelled = {"id": "a", "text": "...", "event": "PROTEST", "trigger": "marched"}
    unlabelled = {"id": "b", "text": "...", "event": None, "not": [1987]}
    rows = [
        score_record(labelled, [{"event": "DISAPPROVE"}, {"event": "PROTEST"}]),
        score_record(labelled, [{"event": "PROTEST"}]),
        score_record(labelled, []),
        score_record(unlabelled, [{"event": "AGREE"}]),
        score_record(unlabelled, []),
    ]
    figures = _type_figures(rows)
    assert figures["first"]["correct"] == 1 and figures["first"]["n"] == 3
    assert figures["any"]["correct"] == 2
    assert figures["none"]["correct"] == 1
    assert (figures["spurious"]["correct"], figures["spurious"]["n"]) == (1, 2)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dock workers struck for higher pay on Monday.",
        "Teachers in Lagos are striking for a week in protest at unpaid salaries.",
    ],
)
def test_a_strike_with_nothing_struck_is_a_walkout(sentence):
    event = code_sentence(sentence, DATE)[0]
    assert (event.event_type, event.mode) == ("PROTEST", "strike")


@pytest.mark.parametrize(
    "sentence",
    [
        "Insurgents struck a police convoy near Mosul.",
        "Syrian jets struck overnight, killing four.",
        "A commander was killed in an unmanned aerial strike near the border.",
    ],
)
def test_a_strike_with_a_target_or_an_armed_author_is_no_walkout(sentence):
    assert "PROTEST" not in _types(sentence)


def test_a_deed_done_to_protest_is_a_protest_and_a_word_is_not():
    types = _types("Fishermen blocked the harbour and shunned work to protest against quotas.")
    assert types[:1] == ["PROTEST"]
    assert _types("Olive farmers dumped oranges on the streets to protest against taxes.")[:1] == [
        "PROTEST"
    ]
    assert "PROTEST" not in _types("China summoned the Japanese ambassador to protest.")


def test_the_dead_of_a_riot_are_the_riots():
    (event,) = code_sentence("Twelve people were killed in Harare during fuel riots.", DATE)
    assert (event.event_type, event.mode, event.dead) == ("PROTEST", "riot", 12)
    # a killer named, or a background ("amid protests"), keeps the killing an assault
    assert _types("Police shot dead two students during the protests in Dhaka.")[:1] == ["ASSAULT"]
    assert "PROTEST" not in _types(
        "A judge was beheaded in Tehran amid protests by activists against executions."
    )
