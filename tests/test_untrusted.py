"""Untrusted text shown safely: terminal escapes, exact-but-inert JSON, the CSV formula
guard, bidi controls in HTML, servable article ids, and resolve_actor's dates."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfuse
from newsfuse.clean.document import clean_document
from newsfuse.clean.ids import MAX_ID_CHARS, id_problem, servable_id
from newsfuse.model import Article, RawDocument, Reject
from newsfuse.untrusted import csv_cell, html_bidi, inert_json, visible

TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]"
)
BODY = (
    "GENEVA, March 4 (AFP) - Armenia accused Azerbaijan of shelling a village near Sotk on "
    "Tuesday, the ministry said in a statement, adding that three soldiers were wounded."
)


def test_visible_escapes_what_a_terminal_would_act_on():
    assert visible("a\x1b[31mred\x1b[0m") == "a\\x1b[31mred\\x1b[0m"
    assert visible("over\rwrite\x08\x07") == "over\\x0dwrite\\x08\\x07"
    assert visible("csi\x9b2J \u202eevil") == "csi\\x9b2J \\u202eevil"
    assert visible("two\nlines\tand [/] markup") == "two\nlines\tand [/] markup"
    assert visible(None) == "None"


@given(st.text())
def test_visible_leaves_nothing_unsafe(text):
    assert not TERMINAL_UNSAFE.search(visible(text))


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        max_leaves=10,
    )
)
def test_inert_json_is_exact_and_inert(data):
    text = inert_json(data)
    assert json.loads(text) == data
    assert not TERMINAL_UNSAFE.search(text)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width equals sign
        ("-3.5", "-3.5"),
        ("+44", "+44"),
        ("a=b", "a=b"),
        ("", ""),
        (-3, -3),
        (None, None),
    ],
)
def test_csv_cell_guards_formulas_only(cell, shown):
    assert csv_cell(cell) == shown


@given(st.text())
def test_csv_cell_never_leaves_a_formula(text):
    guarded = csv_cell(text)
    head = guarded.lstrip(" ")
    assert (
        guarded.startswith("'")
        or not head.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
        or re.fullmatch(r"[+-]?[\d.]+([eE][+-]?\d+)?", text.strip())
    )


def test_html_bidi_drops_overrides_and_balances_isolates():
    assert html_bidi("Attack on \u202enodnol") == "Attack on nodnol"
    assert html_bidi("\u202bembedded\u202c text") == "embedded text"
    assert html_bidi("open \u2067isolate") == "open \u2067isolate\u2069"
    assert html_bidi("stray\u2069 closer") == "stray closer"
    assert html_bidi("\u2068ok\u2069 \u200fmark") == "\u2068ok\u2069 \u200fmark"
    assert html_bidi(3) == 3


@given(
    st.text(alphabet=st.sampled_from("ab \u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
)
def test_html_bidi_output_cannot_leak(text):
    shown = html_bidi(text)
    assert not re.search("[\u202a-\u202e]", shown)
    depth = 0
    for char in shown:
        depth += char in "\u2066\u2067\u2068"
        depth -= char == "\u2069"
        assert depth >= 0
    assert depth == 0


@pytest.mark.parametrize(
    ("article_id", "problem"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * (MAX_ID_CHARS + 1), "over the 500"),
        ("a\nb", "control character (U+000A)"),
        ("a\x00b", "control character (U+0000)"),
        ("a\x9bb", "control character (U+009B)"),
        ("a\ud800b", "unpaired surrogate"),
        (".", "relative path segment"),
        ("..", "relative path segment"),
        ("report.json", ".json or .csv"),
        ("report.CSV", ".json or .csv"),
    ],
)
def test_ids_the_web_cannot_serve(article_id, problem):
    assert problem in id_problem(article_id)


@pytest.mark.parametrize(
    "article_id", ["x" * MAX_ID_CHARS, "a/b", "a/../b", "json", "x.jsonl", "é ü ✓", "?#%&"]
)
def test_ids_the_web_can_serve(article_id):
    assert id_problem(article_id) is None


@given(st.text(max_size=600))
def test_ids_made_from_file_names_are_servable(name):
    assert id_problem(servable_id(name)) is None


def test_the_clean_stage_refuses_a_given_id_and_mends_a_made_one():
    refused = clean_document(RawDocument("feed.json", "text", BODY, {"id": "story.json"}))
    assert isinstance(refused, Reject)
    assert "ends in .json or .csv" in refused.reason and "give the article an id" in refused.reason
    made = clean_document(RawDocument("dir/report.json.txt", "text", BODY, {}))
    assert isinstance(made, Article) and made.id == "report-json"
    kept = clean_document(RawDocument("x.json", "text", BODY, {"id": "a/b c"}))
    assert isinstance(kept, Article) and kept.id == "a/b c"


@pytest.mark.parametrize("date", ["", "   ", "yesterday", "2025-13-01", "20250304", None])
def test_resolve_actor_treats_empty_or_unreadable_dates_as_none(date):
    assert newsfuse.resolve_actor("Russian troops", date=date) == newsfuse.resolve_actor(
        "Russian troops"
    )


def test_resolve_actor_reads_dates_datetimes_and_iso_strings_alike():
    day = newsfuse.resolve_actor("the Kremlin", date=dt.date(2025, 3, 4))
    assert newsfuse.resolve_actor("the Kremlin", date=dt.datetime(2025, 3, 4, 10, 0)) == day
    assert newsfuse.resolve_actor("the Kremlin", date="2025-03-04T10:00:00Z") == day
