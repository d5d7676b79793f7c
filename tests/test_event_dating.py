"""When a coded event happened (newsfuse.events.dating), on sentences written for these
tests: a time that opens a span, a time of another clause, an act measured from another."""

from __future__ import annotations

from newsfuse import code_sentence

DATE = "2025-03-06"  # a Thursday


def _dates(text: str, event_type: str) -> list[str | None]:
    return [e.date for e in code_sentence(text, DATE) if e.event_type == event_type]


def test_a_time_after_since_is_background_not_the_event_day():
    # "their first meeting since October": the meeting is not in October
    dates = _dates(
        "The foreign ministers of Peru and Chile met in Lima on Tuesday, "
        "their first meeting since October.",
        "CONSULT",
    )
    assert dates == ["2025-03-04"]
    assert _dates("Peru and Chile have not met since October.", "CONSULT") != ["2024-10"]


def test_a_time_in_a_relative_clause_dates_that_clause_not_the_trigger():
    dates = _dates(
        "Peru and Chile met in Lima and set up a commission that will meet again in June.",
        "CONSULT",
    )
    assert dates and dates[0] != "2025-06"


def test_adjuncts_shared_by_coordinated_verbs_still_date_the_first():
    dates = _dates(
        "Two Malian soldiers were killed and four wounded on Tuesday in an ambush by "
        "jihadist fighters near Gao.",
        "ASSAULT",
    ) + _dates(
        "Two Malian soldiers were killed and four wounded on Tuesday in an ambush by "
        "jihadist fighters near Gao.",
        "FIGHT",
    )
    assert dates == ["2025-03-04"]


def test_an_act_measured_from_another_is_dated_by_the_offset():
    # the clash is two days before Tuesday's talks
    sentence = (
        "Peru and Chile agreed on Tuesday to reopen border talks, two days after "
        "a clash between Peruvian and Chilean troops near Tacna left two soldiers dead."
    )
    assert _dates(sentence, "FIGHT") == ["2025-03-02"]
    assert _dates(sentence, "AGREE") == ["2025-03-04"]
    # no time in the sentence: measured from the report's day
    assert _dates(
        "The talks came a week after clashes between Kyrgyz and Tajik border guards.", "FIGHT"
    ) == ["2025-02-27"]
