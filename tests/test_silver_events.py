"""Silver event-type labels from the CAMEO verb patterns (tools/silver_events.py), on
sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsfuse.annotate.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("silver_events", REPO / "tools" / "silver_events.py")
silver = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = silver
_spec.loader.exec_module(silver)


def _label(text: str):
    return silver.silver_label(load_nlp()(text)[:])


@pytest.mark.parametrize(
    ("text", "label", "pattern"),
    [
        ("Japan held talks with China in Beijing on Monday.", "CONSULT", "* talks"),
        ("The United States granted Argentina a 500 mln dlr bridge loan.", "AID", "* loan"),
        (
            "Spanish farmers blocked roads in Madrid to protest against the European Community.",
            "PROTEST",
            "* road",
        ),
    ],
)
def test_a_matched_pattern_between_two_actors_gives_its_type(text, label, pattern):
    found = _label(text)
    assert found is not None and found.label == label and found.pattern == pattern
    assert found.text == text


@pytest.mark.parametrize(
    "text",
    [
        # a hypothetical or a denial is no event, nor cleanly no event
        "Japan would hold talks with China in Beijing next week.",
        "Japan did not hold talks with China in Beijing last week.",
        # no actor says who held them: CAMEO codes events between actors
        "Officials held talks in the city on Monday morning.",
        # the hand trigger lexicon knows "attack", the CAMEO patterns say nothing here:
        # not a silver type (the rules' lexicon labels nothing) and not "none" either
        "Rebels attacked the army base overnight, officials said.",
    ],
)
def test_no_clean_label(text):
    assert _label(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The company said sales rose 12 percent in the first quarter.",
        "Heavy rain fell across the region for most of the week.",
    ],
)
def test_nothing_eventful_is_none(text):
    found = _label(text)
    assert found is not None and found.label == silver.NONE and not found.pattern


def test_prose_leaves_out_short_lines_and_tables():
    nlp = load_nlp()
    assert silver.prose(nlp("Japan held talks with China in Beijing on Monday.")[:])
    assert not silver.prose(nlp("Officials held talks.")[:])
    assert not silver.prose(nlp("Wheat 12.5 13.1 14.0 rose 15.2 16.1 vs 17.3 18.0 in 1986")[:])


def test_reuters_paragraphs_are_joined():
    body = "Showers continued throughout\nthe week in the zone.\n    The dry period means\nlate."
    assert silver._paragraphs(body) == (
        "Showers continued throughout the week in the zone.\nThe dry period means late."
    )


def test_selection_is_capped_and_fixed():
    items = [silver.Silver(f"sentence {i}", "AID", "g") for i in range(10)]
    items += [silver.Silver(f"other {i}", silver.NONE, "g") for i in range(10)]
    chosen = silver.select(items, 3, 5)
    assert [s.label for s in chosen].count("AID") == 3
    assert [s.label for s in chosen].count(silver.NONE) == 5
    assert chosen == silver.select(list(reversed(items)), 3, 5)


def test_corpus_texts(shared):
    texts = silver.corpus_texts(shared / "corpus")
    group, text = next(texts)
    assert group.startswith("reuters:") and text and "\n " not in text
    assert not text.startswith("SALVADOR")  # the dateline is left out
