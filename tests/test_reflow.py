"""Hard-wrapped text is joined into paragraphs; other text is left alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.clean.document import clean_text
from newsfuse.clean.reflow import reflow

WRAPPED = """Altex Industries Inc said it agreed to
sell the assets of its wholly-owned oilfield service
subsidiary, Parrish Oil Tools Inc.
    The price and buyer were not disclosed.
    Altex said Parrish had a loss from operations of 428,000
dlrs on revenues of 881,000 dlrs in fiscal 1986."""


def test_wrapped_wire_copy_becomes_paragraphs():
    assert reflow(WRAPPED).split("\n\n") == [
        "Altex Industries Inc said it agreed to sell the assets of its wholly-owned oilfield "
        "service subsidiary, Parrish Oil Tools Inc.",
        "The price and buyer were not disclosed.",
        "Altex said Parrish had a loss from operations of 428,000 dlrs on revenues of 881,000 "
        "dlrs in fiscal 1986.",
    ]


def test_one_line_per_paragraph_text_is_untouched():
    text = (
        "Headline of the story\n\n"
        + "A long paragraph that goes on and on well past any wrap width a wire service "
        "would use, because web pages keep one paragraph on one line.\n\n" * 3
    )
    assert reflow(text) == text


def test_a_headline_list_is_not_joined():
    text = "Storm hits coast\nMarkets fall again\nChess champion retires\nNew bridge opens"
    assert reflow(text) == text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=800))
def test_reflow_keeps_every_word(text):
    assert reflow(text).split() == text.split()


def test_a_margin_under_a_trimmed_first_line_is_not_a_paragraph_indent():
    text = (
        "The ferry company said on Monday that it would add a second boat to the island\n"
        "        route in summer, after a year in which crossings were often full.\n"
        "        Tickets for the new sailings go on sale next week, the company said in a\n"
        "        statement."
    )
    joined = reflow(text)
    assert "island route in summer" in joined
    assert "said in a statement." in joined
    assert not any(line.startswith(" ") for line in joined.split("\n"))


def test_uniformly_indented_lines_keep_their_paragraph_indents():
    text = "    Qtly dividend 12 cts vs 12 cts\n    Pay May one\n    record April 17"
    assert reflow(text).split("\n\n") == [line.strip() for line in text.split("\n")]


# Wire copy as teletypes sent it: paragraphs open with an indent, their wrapped lines run
# flush left, and a wrapped line may open with a name ("Inc said ...").
INDENTED_WIRE = """    On-Line Software International
Inc said a Canadian venture equally owned with Nexa Corp,
On-Line Software Canada Inc, began operating.
    On-Line Software Canada will offer software products
acquired from Martin Marietta Corp last October and other
On-Line products.
    Nexa is a Canadian investment firm specializing in
information technology."""


def test_indented_paragraphs_join_their_flush_left_lines_whatever_the_first_word():
    assert [line.strip() for line in reflow(INDENTED_WIRE).split("\n")] == [
        "On-Line Software International Inc said a Canadian venture equally owned with Nexa "
        "Corp, On-Line Software Canada Inc, began operating.",
        "On-Line Software Canada will offer software products acquired from Martin Marietta "
        "Corp last October and other On-Line products.",
        "Nexa is a Canadian investment firm specializing in information technology.",
    ]


def test_a_wire_table_keeps_its_rows():
    text = (
        "    The Bank of Japan said average rates on certificates of deposit fell\n"
        "to 4.27 pct in the week ended February 25 from 4.32 pct a week before.\n"
        "    Less than 60 days          4.33 pct (4.32)\n"
        "    60-90 days                 4.13 pct (4.37)\n"
        "    90-120 days                4.35 pct (4.30)"
    )
    lines = reflow(text).split("\n")
    assert len(lines) == 4
    assert lines[0].strip().endswith("from 4.32 pct a week before.")
    assert lines[1:] == text.split("\n")[2:]


def test_a_flush_left_block_after_a_blank_line_is_no_wrapped_paragraph():
    text = (
        "    A short indented standfirst about the story that follows below\n"
        "    Another indented line of the same standfirst for the reader\n"
        "\n"
        "Storm hits coast\nMarkets fall again\nChess champion retires"
    )
    assert reflow(text) == text


def test_the_lead_of_an_indented_wire_story_survives_cleaning():
    cleaned = clean_text("    FORT LEE, N.J., March 18 - " + INDENTED_WIRE.lstrip())
    assert "Inc said a Canadian venture equally owned with Nexa Corp" in cleaned.body
    assert cleaned.dateline is not None and cleaned.dateline.place == "FORT LEE"


def test_flush_left_paragraphs_between_indented_quotes_stay_apart():
    # One paragraph a line, quotations indented: each flush-left line follows a line that
    # ends a sentence, so it opens a paragraph of its own, it wraps nothing.
    text = (
        "The minister said the government would not change course on the budget this year.\n"
        '    "We will not be moved by the opposition or by the markets on this," he told MPs.\n'
        "Opposition leaders said they would vote against the bill when it comes to parliament.\n"
        '    "This is a disgrace and the public will see it for what it is," said one of them.\n'
        "Markets were steady on the news."
    )
    assert reflow(text) == text


def test_an_indented_list_between_prose_lines_stays_apart():
    text = (
        "Key points of the new law passed by parliament on Tuesday evening:\n"
        "  1. All schools must publish their budgets online every year from now on.\n"
        "Teachers will be consulted on the detail of the changes by the ministry.\n"
        "  2. Class sizes will be capped at thirty pupils in all primary schools.\n"
        "The ministry said it would publish guidance next month for the schools."
    )
    assert reflow(text) == text
