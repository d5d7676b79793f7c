"""How English news writes tolls and who is counted, on sentences written for these tests:
each count of a toll with its own state word, nounless counts after a verb of harm, death
tolls and tallies, people joined "with" the one arrested, loads that are no head count;
and PLOVER's FIGHT for those harmed in a fight (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse import code_sentence
from newsfuse.evaluate.magnitudes import read_gold


def _counts(text: str, event_type: str | None = None) -> tuple:
    events = [e for e in code_sentence(text) if event_type is None or e.event_type == event_type]
    assert events, f"no {event_type or ''} event in {text!r}"
    e = events[0]
    return (
        e.dead if e.dead is not None else e.dead_text,
        e.injured if e.injured is not None else e.injured_text,
        e.size if e.size is not None else e.size_text,
    )


@pytest.mark.parametrize(
    ("text", "dead", "injured"),
    [
        ("The bombing killed 20 people and injured dozens, officials said.", 20, "dozens"),
        ("Two policemen were killed and one wounded in the ambush.", 2, 1),
        ("Three Palestinians were killed and one wounded by Israeli fire on Friday.", 3, 1),
        ("Gunmen killed two villagers and wounded one.", 2, 1),
        ("The attack left 12 people dead and 30 wounded.", 12, 30),
        ("The blast killed five people and left many wounded.", 5, "many"),
        (
            "Rebels attacked the convoy, leaving four soldiers dead and several injured.",
            4,
            "several",
        ),
    ],
)
def test_each_count_of_a_toll_takes_its_own_state_word(text, dead, injured) -> None:
    assert _counts(text)[:2] == (dead, injured)


def test_a_coordinated_verb_with_its_own_object_is_no_state() -> None:
    # "brigades, killed or wounded 1,500 soldiers": a verb phrase, not the brigades' state;
    # and "killed or wounded" is neither count alone
    text = (
        "Iranian forces smashed four Iraqi brigades, killed or wounded 1,500 Iraqi soldiers "
        "and destroyed 45 tanks."
    )
    for event in code_sentence(text):
        assert (event.dead, event.injured, event.dead_text, event.injured_text) == (None,) * 4


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("The number of people killed in the attacks has risen to 14.", 14),
        ("Officials put the death toll from the bombing at 35.", 35),
        ("A 19-year-old student was among three people shot dead by police on Tuesday.", 3),
        ("On Monday 20 people were killed in a bomb attack in Karachi.", 20),
        ("At least 12 people were reported killed in the clashes.", 12),
        ("Five soldiers are believed to have been killed in the ambush.", 5),
    ],
)
def test_tolls_as_news_writes_them(text, dead) -> None:
    assert _counts(text)[0] == dead


def test_a_casualty_toll_is_neither_dead_nor_injured() -> None:
    events = code_sentence("The casualty toll from the bombing rose to 40.")
    assert all(e.dead is None and e.injured is None for e in events)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("A journalist was arrested with three colleagues in Harare.", 4),
        ("The opposition leader was detained along with 12 of his supporters.", 13),
        ("Police arrested the activist along with five other people.", 6),
        ("Police detained two busloads of demonstrators outside the base.", None),
        ("Police arrested 40 protesters after clashes in the capital.", 40),
    ],
)
def test_who_is_counted_in_an_arrest(text, size) -> None:
    assert _counts(text, "COERCE")[2] == size


def _types(text: str) -> list[str]:
    return [e.event_type for e in code_sentence(text) if not e.negated]


@pytest.mark.parametrize(
    "text",
    [
        "At least 60 people were killed in two days of fighting between rival militias.",
        "Three workers were killed and seven injured in fighting at a zinc refinery.",
        "Four civilians were killed in clashes between the army and rebels.",
        "Iraq said its troops had killed thousands of Iranians in checking a new offensive.",
        "Pakistan said planes from Afghanistan attacked Pakistani villages, killing 90 people.",
    ],
)
def test_those_harmed_in_a_fight_are_its_toll(text) -> None:
    assert _types(text)[:1] == ["FIGHT"], _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Two demonstrators were killed in clashes with security forces.",
        "A bomb exploded on a plane at Lagos airport, killing two people.",
        "Gunmen killed nine worshippers in a mosque in Zamfara.",
    ],
)
def test_one_sided_violence_stays_assault(text) -> None:
    assert _types(text)[:1] == ["ASSAULT"], _types(text)


EXTRA = Path(__file__).parent / "data" / "magnitudes" / "corpus_magnitudes_extra.jsonl"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_the_third_set_holds_no_text_and_matches_the_corpus() -> None:
    lines = EXTRA.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50
    assert all("text" not in json.loads(line) for line in lines)
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    assert len(read_gold(EXTRA, CORPUS)) == 50  # every SHA-1 still matches its bytes


def test_review_cases_of_the_toll_rules() -> None:
    from newsfuse import code_sentence

    def first(text: str) -> tuple:
        e = code_sentence(text, "2024-01-01")[0]
        return e.event_type, e.dead, e.size

    # a crowd on a side of the clash keeps it one-sided; another clause does not count
    assert first("Three people were killed in clashes between police and supporters of the "
                 "opposition leader.")[0] == "ASSAULT"  # fmt: skip
    assert first("Two villagers were killed in fighting near the border, as demonstrators "
                 "gathered in the capital.")[0] == "FIGHT"  # fmt: skip
    # "one another" counts no one; things one is arrested with are no companions
    assert first("Rival gangs killed one another in the streets of Port-au-Prince.")[1] is None
    assert first("Soldiers killed one of the attackers.")[1] == 1
    assert first("Police arrested a man along with eight accomplices.")[2] == 9


def test_what_one_was_arrested_with_is_no_size() -> None:
    from newsfuse import code_sentence

    for text in ("A man was arrested with 200 rounds of ammunition.",
                 "Police arrested a man with 12 grenades in Kabul."):  # fmt: skip
        assert code_sentence(text, "2024-01-01")[0].size is None, text
    # forces and arms deployed are still the size of a deployment
    assert code_sentence("The army deployed 45 tanks to the border.", "2024-01-01")[0].size == 45
