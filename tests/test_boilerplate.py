"""Tests for newsfuse.clean.boilerplate: the seed page, invented pages, and properties."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.clean.boilerplate import (
    StrippedText,
    TextLine,
    load_patterns,
    parse_patterns,
    split_lines,
    strip_boilerplate,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds-gold.json"
FIXTURES = Path(__file__).resolve().parent / "data" / "boilerplate"
SEED_000 = "000_b3b757cc68dba14e.txt"
SEED_001 = "001_e2ad815596802153.txt"
SEED_000_TITLE = "N. Korea involvement in Ukraine a 'dangerous expansion' of conflict: US, allies"

needs_shared = pytest.mark.skipif(not GOLD.is_file(), reason="../shared is not present")


def _expand(spec: list[int | list[int]]) -> set[int]:
    """Gold line specs: 7 is line 7, [4, 9] is lines 4 to 9 inclusive."""
    numbers: set[int] = set()
    for item in spec:
        if isinstance(item, list):
            numbers.update(range(item[0], item[1] + 1))
        else:
            numbers.add(item)
    return numbers


def _gold(name: str) -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))["articles"][name]


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _without_line_3(text: str) -> str:
    """What the dateline parser leaves behind: line 3 emptied."""
    lines = text.split("\n")
    lines[2] = ""
    return "\n".join(lines)


# -- seeds ------------------------------------------------------------------


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("dateline_cut", [False, True], ids=["raw", "dateline-cut"])
def test_seed_000_matches_gold(dateline_cut: bool) -> None:
    gold = _gold(SEED_000)
    text = _seed(SEED_000)
    if dateline_cut:
        text = _without_line_3(text)
    result = strip_boilerplate(text)

    assert {line.number for line in result.removed} == _expand(gold["boilerplate_lines"])
    labels = {line.number: line.label for line in result.lines}
    for number in _expand(gold["body_lines"]):
        assert labels[number] in {"body", "heading", "blank"}, (number, labels[number])
    assert labels[23] == "heading"
    assert labels[3] == ("blank" if dateline_cut else "header")
    assert result.title == SEED_000_TITLE == gold["title"]
    assert result.outlet == "SpaceWar.com" == gold["outlet"]
    for trap in gold["boilerplate_traps"]:
        assert trap not in result.body
    assert "- Casualties in Kursk -" in result.body
    assert result.body.startswith("Ten countries and the European Union")
    assert result.body.endswith("in Kursk over the weekend.")
    assert "Washington, Dec 16" not in result.body


@pytest.mark.shared
@needs_shared
def test_seed_000_reasons() -> None:
    result = strip_boilerplate(_seed(SEED_000))
    reasons = {line.number: line.reason for line in result.removed}
    assert reasons[1] == "site banner"
    assert reasons[43] == "advertisement"
    assert reasons[60] == "related-headlines block"
    assert reasons[70] == "copyright notice"


@pytest.mark.shared
@needs_shared
def test_seed_001_keeps_everything() -> None:
    text = _seed(SEED_001)
    result = strip_boilerplate(text)
    assert result.removed == ()
    assert result.title is None
    assert result.outlet is None
    assert result.body == text.strip()
    assert all(line.label in {"body", "blank"} for line in result.lines)


# -- invented pages -----------------------------------------------------------


FIXTURE_NAMES = sorted(p.name.removesuffix(".txt") for p in FIXTURES.glob("*.txt"))


def test_fixtures_present() -> None:
    assert len(FIXTURE_NAMES) >= 5
    for name in FIXTURE_NAMES:
        assert (FIXTURES / f"{name}.expect.json").is_file(), name


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_page(name: str) -> None:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expect = json.loads((FIXTURES / f"{name}.expect.json").read_text(encoding="utf-8"))
    result = strip_boilerplate(text)
    for snippet in expect["must_contain"]:
        assert snippet in result.body, snippet
    for snippet in expect["must_not_contain"]:
        assert snippet not in result.body, snippet
    assert result.title == expect["title"]
    if "outlet" in expect:
        assert result.outlet == expect["outlet"]


# -- focused cases ---------------------------------------------------------------


BODY = (
    "The committee met on Monday to discuss the budget for next year.\n\n"
    "Members agreed to raise spending on schools by four percent.\n"
)


def _labels(text: str) -> dict[str, str]:
    return {line.text.strip(): line.label for line in strip_boilerplate(text).lines}


@pytest.mark.parametrize(
    ("furniture", "reason"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Sponsored", "advertisement"),
        ("Share on Facebook", "share/subscribe"),
        ("Sign up for our morning briefing", "share/subscribe"),
        ("Click here to read the full report", "share/subscribe"),
        ("Read more: Budget talks stall again", "read more"),
        ("(Photo by Jan Berg/Getty Images)", "photo credit"),
        ("Image copyright Northern Press", "photo credit"),
        ("Updated: 12 May 2025 10:04", "updated stamp"),
        ("Leave a comment", "comments"),
        ("Tags: budget, schools", "tags"),
        ("Home > News > Politics", "navigation"),
        ("© 2025 Example Media Ltd", "copyright notice"),
        (
            "External links are provided for reference purposes. Example News is not "
            "responsible for the content of external Internet sites.",
            "external-links disclaimer",
        ),
    ],
)
def test_line_furniture_in_the_middle_of_a_body(furniture: str, reason: str) -> None:
    first, second = BODY.split("\n\n")
    result = strip_boilerplate(f"{first}\n\n{furniture}\n\n{second}")
    removed = {line.text: line.reason for line in result.removed}
    assert removed == {furniture: reason}
    assert furniture not in result.body
    assert first in result.body
    assert second.strip() in result.body


def test_sentences_that_start_like_furniture_are_kept() -> None:
    lines = [
        "Share prices fell sharply on Monday after the announcement was made.",
        "Copyright lawyers said the ruling would be appealed within weeks.",
        "Updated figures show the economy grew by two percent last year.",
        "More from the rescue team arrived later that evening, officials said.",
    ]
    text = "\n\n".join(lines)
    result = strip_boilerplate(text)
    assert result.removed == ()
    for line in lines:
        assert line in result.body


def test_short_quote_and_one_line_paragraph_are_kept() -> None:
    text = (
        "Talks end without a deal\n\n"
        "Negotiators left the capital on Friday without an agreement on fishing rights.\n\n"
        '"No."\n\n'
        "That was the minister's only answer when asked whether talks would resume.\n\n"
        "It rained.\n\n"
        "The next round is due in the spring.\n"
    )
    result = strip_boilerplate(text)
    assert result.title == "Talks end without a deal"
    for kept in ('"No."', "It rained.", "The next round is due in the spring."):
        assert kept in result.body
    assert result.removed == ()


def test_headline_list_after_body_is_removed_even_with_an_abbreviation() -> None:
    text = BODY + "\nTrade envoy heads to the U.S.\nMinister resigns over expenses\n"
    result = strip_boilerplate(text)
    assert "Trade envoy" not in result.body
    assert {line.reason for line in result.removed} == {"related-headlines block"}


def test_long_bare_list_inside_the_body_is_removed_but_bullets_stay() -> None:
    first, second = BODY.split("\n\n")
    links = "Port strike enters second week\nNew mayor sworn in\nRail fares to rise in March"
    bullets = "- schools\n- hospitals\n- roads"
    result = strip_boilerplate(f"{first}\n\n{links}\n\n{bullets}\n\n{second}")
    assert "Port strike" not in result.body
    assert "- schools\n- hospitals\n- roads" in result.body


def test_list_after_colon_at_the_end_is_kept() -> None:
    text = "The council listed three priorities for the coming year:\n- housing\n- transport\n"
    result = strip_boilerplate(text)
    assert result.removed == ()
    assert "- transport" in result.body


def test_dateline_is_header_not_title() -> None:
    text = "LONDON (Reuters) -\n" + BODY
    result = strip_boilerplate(text)
    assert result.title is None
    assert result.lines[0].label == "header"


def test_domain_banner_gives_outlet() -> None:
    result = strip_boilerplate(
        "www.example-news.org | Daily headlines\nBig storm hits coast\n" + BODY
    )
    assert result.outlet == "example-news.org"
    assert result.title == "Big storm hits coast"
    assert result.lines[0].label == "banner"
    assert result.lines[0].is_removed


def test_question_headline_is_a_title() -> None:
    result = strip_boilerplate("Can the ferry pay its way?\n\n" + BODY)
    assert result.title == "Can the ferry pay its way?"
    assert "ferry" not in result.body


def test_section_label_above_the_headline_is_not_the_title() -> None:
    result = strip_boilerplate("Business\nPort traffic hits record high\n\n" + BODY)
    assert result.title == "Port traffic hits record high"
    assert result.lines[0].label == "header"


@pytest.mark.parametrize(
    "line",
    [
        "email  " * 39 + "!",
        "Facebook | " * 39 + "x.",
        "Home > " * 12 + "x" * 80,
        "Copyright " + "Abc " * 38 + "x",
        "(" + "Photo by " * 30,
        "x" * 50_000,
    ],
)
def test_pathological_lines_do_not_hang(line: str) -> None:
    """Regression: a nested quantifier once made a share-button pattern backtrack for ever."""
    result = strip_boilerplate(f"{line}\n{line}\n")
    assert len(result.lines) == 2


def test_body_paragraphs_are_separated_by_one_blank_line() -> None:
    result = strip_boilerplate("One sentence here.\nAnd a second one.\n\n\n\nA new paragraph.\n")
    assert result.body == "One sentence here.\nAnd a second one.\n\nA new paragraph."


def test_empty_and_blank_input() -> None:
    assert strip_boilerplate("") == StrippedText(lines=(), title=None, outlet=None)
    blank = strip_boilerplate("\n \n")
    assert [line.label for line in blank.lines] == ["blank", "blank"]
    assert blank.body == ""


def test_patterns_file_parses_and_rejects_orphans() -> None:
    patterns = load_patterns()
    assert len(patterns) > 50
    assert load_patterns() is patterns  # compiled once
    with pytest.raises(ValueError, match="before any"):
        parse_patterns("^orphan$\n")
    with pytest.raises(ValueError, match="boilerplate patterns:2: "):
        parse_patterns("[bad]\n(unclosed\n")


# -- properties -----------------------------------------------------------------

_LINE_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=60),
    st.sampled_from(
        [
            "",
            "ADVERTISEMENT",
            "Related:",
            "Share on Facebook",
            "- Casualties in Kursk -",
            "Washington, Dec 16 (AFP) Dec 16, 2024",
            "SpaceWar.com - Your World At War",
            "All rights reserved.",
            "The minister said the talks had ended without agreement.",
            "Britain to purchase 12 jets from U.S.",
        ]
    ),
)
_PAGES = st.one_of(
    st.text(max_size=400),
    st.lists(_LINE_TEXT, max_size=30).map("\n".join),
)


def _is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


@settings(max_examples=300, deadline=None)
@given(_PAGES)
def test_never_raises_and_numbers_every_line(text: str) -> None:
    result = strip_boilerplate(text)
    expected = split_lines(text)
    assert [line.text for line in result.lines] == expected
    assert [line.number for line in result.lines] == list(range(1, len(expected) + 1))
    assert all(isinstance(line, TextLine) for line in result.lines)
    assert all((line.reason is not None) == line.is_removed for line in result.lines)


@settings(max_examples=300, deadline=None)
@given(_PAGES)
def test_body_lines_are_a_subsequence_of_the_input(text: str) -> None:
    result = strip_boilerplate(text)
    body_lines = [line for line in result.body.split("\n") if line]
    input_lines = [line.strip() for line in re.split(r"\r\n|\r|\n", text)]
    assert _is_subsequence(body_lines, input_lines)
    if result.title is not None:
        assert sum(line.label == "title" for line in result.lines) == 1


def test_a_line_that_breaks_off_a_sentence_is_never_the_title() -> None:
    text = (
        "A missing hiker has been found alive two days after she set out alone\n"
        "on a mountain trail.\n"
        "Rescuers said she was cold but unhurt when they reached her on Sunday.\n"
        "Her family thanked the volunteers who had searched through the night, and\n"
        "friends.\n"
    )
    result = strip_boilerplate(text)
    assert result.title is None
    assert result.removed == ()
    assert result.body.startswith("A missing hiker has been found")
    assert result.body.endswith("and\nfriends.")


def test_a_line_ending_on_the_or_of_runs_on_into_the_next() -> None:
    text = (
        "Shipping group Example Lines said it agreed to buy the\n"
        "Harbour Towage Company for 40 mln dlrs.\n"
        "The deal is expected to close in the second quarter.\n"
    )
    result = strip_boilerplate(text)
    assert result.title is None
    assert result.body.startswith("Shipping group Example Lines said")
