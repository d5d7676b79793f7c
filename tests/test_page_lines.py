"""newsfuse.clean.page_lines: which unpunctuated lines read as a sentence of the story."""

from __future__ import annotations

import pytest

from newsfuse.clean.page_lines import reads_as_running_prose


@pytest.mark.parametrize(
    "line",
    [
        "Police said they know who owns the van, however, they are not naming the owner",
        "The new console game is out on 9 November in the US and 11 November in the UK",
        "UPDATE (8/16): Police say the woman has died from her injuries",
        "Small brewers are making more money from soft drinks than from beer",
    ],
)
def test_sentences_without_their_full_stop(line: str) -> None:
    assert reads_as_running_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "Matt Lee & Anna Ross (Late Show, Channel Nine)",  # a list item of names
        "Contributing: Alan Frost and Mary Keane",  # a credit
        "To reach Ann Lee, call 555-0147 or email alee@example-news.com",  # contact
        "Read or Share this story: http://ex.am/ple",  # a link
        "Follow us on Twitter | Like us on Facebook",  # a share row
        "License for publishing multimedia online 0108263 Registration Number: 130349",
        "What others are clicking on:",  # a lead-in, read as such elsewhere
        "Police tape at the scene",  # too short for a clause of the story
    ],
)
def test_furniture_and_short_lines_do_not(line: str) -> None:
    assert not reads_as_running_prose(line)
