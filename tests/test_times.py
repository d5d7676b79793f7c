"""Time expressions: resolving one against the article date, finding them in a text."""

from __future__ import annotations

import datetime as dt
import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.annotate.times import find_times, resolve_time
from newsfuse.model import TimeMention

SHARED = Path(__file__).resolve().parents[2] / "shared"
BASE = dt.date(2024, 12, 16)  # a Monday: the seed articles' date
GOLD_KEY = "dates_relative_to_2024-12-16"


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder; tests that use it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


# -- resolve_time ------------------------------------------------------------------------

RESOLVE_CASES = [
    # weekdays: the most recent on or before the base date
    ("on Monday", ("2024-12-16", "day", None)),
    ("Monday", ("2024-12-16", "day", None)),
    ("Monday's", ("2024-12-16", "day", None)),
    ("last Tuesday", ("2024-12-10", "day", None)),
    ("Tuesday night", ("2024-12-10", "day", None)),
    ("on Sunday", ("2024-12-15", "day", None)),
    ("last Monday", ("2024-12-09", "day", None)),
    ("next Monday", ("2024-12-23", "day", None)),
    ("next Friday", ("2024-12-20", "day", None)),
    # weekends
    ("over the weekend", ("2024-12-14", "range", "2024-12-15")),
    ("at the weekend", ("2024-12-14", "range", "2024-12-15")),
    ("this weekend", ("2024-12-14", "range", "2024-12-15")),
    ("last weekend", ("2024-12-14", "range", "2024-12-15")),
    ("next weekend", ("2024-12-21", "range", "2024-12-22")),
    # months
    ("in November", ("2024-11", "month", None)),
    ("in June", ("2024-06", "month", None)),
    ("in December", ("2024-12", "month", None)),
    ("in May", ("2024-05", "month", None)),
    ("mid-November", ("2024-11", "month", None)),
    ("early December", ("2024-12", "month", None)),
    ("late January", ("2024-01", "month", None)),
    ("last March", ("2024-03", "month", None)),
    ("last December", ("2023-12", "month", None)),
    ("next March", ("2025-03", "month", None)),
    ("February 2022", ("2022-02", "month", None)),
    ("in February 2022", ("2022-02", "month", None)),
    ("May 2024", ("2024-05", "month", None)),
    ("May of 2024", ("2024-05", "month", None)),
    ("Sept. 2019", ("2019-09", "month", None)),
    # days
    ("Dec 16, 2024", ("2024-12-16", "day", None)),
    ("December 16", ("2024-12-16", "day", None)),
    ("16 December", ("2024-12-16", "day", None)),
    ("on Dec. 3", ("2024-12-03", "day", None)),
    ("3 March 2021", ("2021-03-03", "day", None)),
    ("March 3rd", ("2024-03-03", "day", None)),
    ("the 3rd of March", ("2024-03-03", "day", None)),
    ("Monday, December 16, 2024", ("2024-12-16", "day", None)),
    ("December 20", ("2024-12-20", "day", None)),  # a few days ahead: still this year
    ("this Friday", ("2024-12-20", "day", None)),
    ("this Monday", ("2024-12-16", "day", None)),
    ("2024-12-01", ("2024-12-01", "day", None)),
    ("2024-11", ("2024-11", "month", None)),
    ("12/03/2024", ("2024-12-03", "day", None)),
    ("Dec 14-15", ("2024-12-14", "range", "2024-12-15")),
    # relative
    ("yesterday", ("2024-12-15", "day", None)),
    ("yesterday morning", ("2024-12-15", "day", None)),
    ("last night", ("2024-12-15", "day", None)),
    ("today", ("2024-12-16", "day", None)),
    ("Today", ("2024-12-16", "day", None)),
    ("tonight", ("2024-12-16", "day", None)),
    ("this morning", ("2024-12-16", "day", None)),
    ("tomorrow", ("2024-12-17", "day", None)),
    ("the day before yesterday", ("2024-12-14", "day", None)),
    ("two days ago", ("2024-12-14", "day", None)),
    ("3 days ago", ("2024-12-13", "day", None)),
    ("a week ago", ("2024-12-09", "week", "2024-12-15")),
    ("two months ago", ("2024-10", "month", None)),
    ("a year ago", ("2023", "year", None)),
    ("last week", ("2024-12-09", "week", "2024-12-15")),
    ("this week", ("2024-12-16", "week", "2024-12-22")),
    ("earlier this week", ("2024-12-16", "week", "2024-12-22")),
    ("next week", ("2024-12-23", "week", "2024-12-29")),
    ("earlier this month", ("2024-12", "month", None)),
    ("later this month", ("2024-12", "month", None)),
    ("this month", ("2024-12", "month", None)),
    ("last month", ("2024-11", "month", None)),
    ("earlier last month", ("2024-11", "month", None)),
    ("next month", ("2025-01", "month", None)),
    ("this year", ("2024", "year", None)),
    ("earlier this year", ("2024", "year", None)),
    ("last year", ("2023", "year", None)),
    ("late last year", ("2023", "year", None)),
    ("next year", ("2025", "year", None)),
    # years, ranges, decades
    ("in 2023", ("2023", "year", None)),
    ("since 2014", ("2014", "year", None)),
    ("early 2023", ("2023", "year", None)),
    ("mid-2014", ("2014", "year", None)),
    ("2014-2016", ("2014", "range", "2016")),
    ("2022-23", ("2022", "range", "2023")),
    ("between 2014 and 2016", ("2014", "range", "2016")),
    ("from 2014 to 2016", ("2014", "range", "2016")),
    ("the 1990s", ("1990", "decade", "1999")),
    ("the early 2000s", ("2000", "decade", "2009")),
    ("the '90s", ("1990", "decade", "1999")),
    ("the 1800s", ("1800", "range", "1899")),
]


@pytest.mark.parametrize(("expression", "expected"), RESOLVE_CASES)
def test_resolve_time(expression: str, expected: tuple[str, str, str | None]) -> None:
    assert resolve_time(expression, BASE) == expected


FUTURE_CASES = [
    ("Monday", ("2024-12-16", "day", None)),  # the base date itself: AP style "will vote Monday"
    ("Tuesday", ("2024-12-17", "day", None)),
    ("on Sunday", ("2024-12-22", "day", None)),
    ("this weekend", ("2024-12-21", "range", "2024-12-22")),
    ("in January", ("2025-01", "month", None)),
    ("in December", ("2024-12", "month", None)),
    ("December 20", ("2024-12-20", "day", None)),
    ("Dec. 3", ("2025-12-03", "day", None)),
    ("last week", ("2024-12-09", "week", "2024-12-15")),  # explicit: tense does not matter
]


@pytest.mark.parametrize(("expression", "expected"), FUTURE_CASES)
def test_resolve_time_future(expression: str, expected: tuple[str, str, str | None]) -> None:
    assert resolve_time(expression, BASE, future=True) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "We",
        "we",
        "24/7",
        "1718 (2006)",
        "resolution 2270",
        "10,000",
        "F-35",
        "10:30 a.m.",
        "in the coming weeks",
        "the past few years",
        "decades ago",
        "June 31",
        "February 30, 2024",
        "the week",
        "annual",
        "21-year-old",
        "Christmas",
    ],
)
def test_resolve_time_refuses(expression: str) -> None:
    assert resolve_time(expression, BASE) is None


def test_resolve_time_accepts_a_datetime_base() -> None:
    assert resolve_time("yesterday", dt.datetime(2024, 12, 16, 23, 59)) == (
        "2024-12-15",
        "day",
        None,
    )


def test_resolve_time_weekend_from_a_weekend_day() -> None:
    saturday = dt.date(2024, 12, 14)
    assert resolve_time("this weekend", saturday) == ("2024-12-14", "range", "2024-12-15")
    assert resolve_time("last weekend", saturday) == ("2024-12-07", "range", "2024-12-08")
    assert resolve_time("next weekend", saturday) == ("2024-12-21", "range", "2024-12-22")


def test_resolve_time_day_without_year() -> None:
    base = dt.date(1987, 3, 10)
    assert resolve_time("May 12", base) == ("1987-05-12", "day", None)  # "payable May 12"
    assert resolve_time("December 12", base) == ("1986-12-12", "day", None)
    assert resolve_time("March 1", base) == ("1987-03-01", "day", None)
    assert resolve_time("March 1", base, future=True) == ("1988-03-01", "day", None)
    leap = resolve_time("Feb 29", base)  # 1987 is not a leap year
    assert leap is None or leap[0].endswith("-02-29")
    assert resolve_time("Feb 29", dt.date(2024, 3, 10)) == ("2024-02-29", "day", None)


def test_resolve_time_month_across_year_end() -> None:
    january = dt.date(2025, 1, 10)
    assert resolve_time("in December", january) == ("2024-12", "month", None)
    assert resolve_time("last month", january) == ("2024-12", "month", None)
    assert resolve_time("last week", january) == ("2024-12-30", "week", "2025-01-05")


# -- find_times ----------------------------------------------------------------------------


def found(text: str, **kwargs) -> list[tuple[str, str, str, str | None]]:
    return [(m.text, m.value, m.granularity, m.end_value) for m in find_times(text, BASE, **kwargs)]


FIND_CASES = [
    (
        'called it a "dangerous expansion" on Monday, in a joint statement',
        [("Monday", "2024-12-16", "day", None)],
    ),
    (
        "killed at least 30 North Korean soldiers in Kursk over the weekend.",
        [("the weekend", "2024-12-14", "range", "2024-12-15")],
    ),
    (
        "A defense pact signed in June came into force earlier this month.",
        [
            ("June", "2024-06", "month", None),
            ("earlier this month", "2024-12", "month", None),
        ],
    ),
    (
        "since Moscow's invasion of Ukraine in February 2022.",
        [("February 2022", "2022-02", "month", None)],
    ),
    ("Signatories of Monday's joint statement", [("Monday", "2024-12-16", "day", None)]),
    ("Washington, Dec 16 (AFP)", [("Dec 16", "2024-12-16", "day", None)]),
    ("The attack happened on Dec. 3 near Kursk.", [("Dec. 3", "2024-12-03", "day", None)]),
    ("It was signed on 3 March 2021.", [("3 March 2021", "2021-03-03", "day", None)]),
    ("Filed 2024-12-01 by staff.", [("2024-12-01", "2024-12-01", "day", None)]),
    ("Fighting intensified in mid-November.", [("mid-November", "2024-11", "month", None)]),
    ("Talks collapsed late last year.", [("late last year", "2023", "year", None)]),
    ("Prices rose in 2023 and fell.", [("2023", "2023", "year", None)]),
    ("The war has raged since 2014.", [("2014", "2014", "year", None)]),
    ("as in the 1990s", [("the 1990s", "1990", "decade", "1999")]),
    ("He left two days ago.", [("two days ago", "2024-12-14", "day", None)]),
    ("Shelling resumed last Tuesday.", [("last Tuesday", "2024-12-10", "day", None)]),
    ("The strike came Tuesday night.", [("Tuesday night", "2024-12-10", "day", None)]),
    ("Officials met last week.", [("last week", "2024-12-09", "week", "2024-12-15")]),
    ("He spoke yesterday.", [("yesterday", "2024-12-15", "day", None)]),
    ("Monday, December 16, 2024", [("Monday, December 16, 2024", "2024-12-16", "day", None)]),
    ("between 2014 and 2016", [("2014 and 2016", "2014", "range", "2016")]),
    ("The vote will take place on Tuesday.", [("Tuesday", "2024-12-17", "day", None)]),
    ("Leaders said on Tuesday they will meet.", [("Tuesday", "2024-12-10", "day", None)]),
    ("They will meet next month.", [("next month", "2025-01", "month", None)]),
    ("in June 10,000 people marched", [("June", "2024-06", "month", None)]),
    ("in the coming weeks", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_times(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert found(text) == expected


NEGATIVE_TEXTS = [
    "support that Russia may be providing to the DPRK",
    "We urge the DPRK to cease immediately all assistance.",
    "24/7 Energy News Coverage",
    "violations of resolutions 1718 (2006), 1874 (2009), and 2270 (2016).",
    "under resolution 2270 of 2016",
    "The convoy left at 10:30 a.m. local time.",
    "Britain to purchase 12 nuclear weapons-capable F-35 jets",
    "sending more than 10,000 soldiers",
    "thousands of protesters march on the capital",
    "March on, they said.",
    "Theresa May said so.",
    "Black Friday sales were weak.",
    "Russia Today reported the strike.",
    "a crowd of 2000 people",
    "in 2000 people",
    "Jan Kowalski said.",
    "Mar a Lago",
    "the 21-year-old soldier",
    "over 2,000 troops",
]


@pytest.mark.parametrize("text", NEGATIVE_TEXTS)
def test_find_times_negative(text: str) -> None:
    assert found(text) == []


def test_find_times_longest_match_wins() -> None:
    assert found("on Monday, Dec. 16, 2024") == [
        ("Monday, Dec. 16, 2024", "2024-12-16", "day", None)
    ]


def test_find_times_sentence_index() -> None:
    text = "Nothing here. He left on Monday. Back in June."
    sentences = [(0, 13), (14, 32), (33, len(text))]
    mentions = find_times(text, BASE, sentences=sentences)
    assert [(m.text, m.sentence) for m in mentions] == [("Monday", 1), ("June", 2)]
    assert all(m.sentence == 0 for m in find_times(text, BASE))


def test_find_times_uses_spans_the_regexes_missed() -> None:
    text = "Sales were strong. March was a bad month, and may be worse."
    month = text.index("March")
    verb = text.index("may")
    assert found(text) == []  # a month alone at a sentence start: not ours to guess
    spans = [(month, month + 5), (verb, verb + 3)]
    assert found(text, spans=spans) == [("March", "2024-03", "month", None)]


def test_find_times_refuses_number_spans() -> None:
    text = "resolutions 1718 (2006) and 24/7 coverage"
    spans = [
        (text.index("2006"), text.index("2006") + 4),
        (text.index("24/7"), text.index("24/7") + 4),
    ]
    assert find_times(text, BASE, spans=spans) == []


def test_find_times_span_not_overlapping_regex() -> None:
    text = "Fighting paused during Christmas week and resumed on Monday."
    start = text.index("Christmas")
    spans = [(start, start + len("Christmas week")), (text.index("Monday"), len(text) - 1)]
    assert found(text, spans=spans) == [("Monday", "2024-12-16", "day", None)]


def test_find_times_returns_time_mentions() -> None:
    (mention,) = find_times("He left yesterday.", BASE)
    assert isinstance(mention, TimeMention)
    assert (mention.start, mention.end) == (8, 17)


# -- seeds ---------------------------------------------------------------------------------


def _gold_hit(text: str, mentions: list[TimeMention], key: str, value: object) -> bool:
    """A mention overlapping the gold expression (wherever it occurs) with the gold value."""
    expected = (value[0], value[1]) if isinstance(value, list) else (value, None)
    at = text.find(key)
    while at >= 0:
        for m in mentions:
            overlaps = m.start < at + len(key) and at < m.end
            if overlaps and (m.value, m.end_value) == expected:
                return True
        at = text.find(key, at + 1)
    return False


@pytest.mark.parametrize("seed", ["000_b3b757cc68dba14e.txt", "001_e2ad815596802153.txt"])
def test_seed_gold_dates(shared_dir: Path, seed: str) -> None:
    text = (shared_dir / "seeds" / seed).read_text(encoding="utf-8")
    gold = json.loads((shared_dir / "eval" / "seeds-gold.json").read_text(encoding="utf-8"))
    mentions = find_times(text, BASE)
    present = {k: v for k, v in gold[GOLD_KEY].items() if k in text}
    assert present, "no gold date expression occurs in the seed"
    missing = [k for k, v in present.items() if not _gold_hit(text, mentions, k, v)]
    assert not missing


def test_seed_gold_covers_both_seeds(shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "eval" / "seeds-gold.json").read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    assert all(any(key in t for t in texts) for key in gold[GOLD_KEY])


def test_seed_000_no_false_dates(shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / "000_b3b757cc68dba14e.txt").read_text(encoding="utf-8")
    texts = {m.text for m in find_times(text, BASE)}
    assert not texts & {"may", "We", "24/7", "F-35", "10,000"}
    assert all(m.value.startswith(("2022", "2024")) for m in find_times(text, BASE))


def test_seed_001_no_resolution_years(shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / "001_e2ad815596802153.txt").read_text(encoding="utf-8")
    values = {m.value for m in find_times(text, BASE)}
    assert not values & {"2006", "2009", "2016", "1718", "1874", "2270"}


# -- properties ------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "on", "in", "Monday", "May", "may", "We", "24/7", "2006", "(2016)", "last", "week",
        "the", "weekend", "December", "16,", "2024", "over", "earlier", "this", "month", "-",
        "ago", "two", "days", "1990s", "since", "10,000", "F-35", "resolution", "Dec.", "3",
        "'90s", "\n", ".", "mid-", "Today", "yesterday", "2024-12-01", "between", "and",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=40).map(" ".join))


def _check(text: str, mentions: list[TimeMention]) -> None:
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for a, b in pairwise(mentions):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_find_times_never_raises_and_offsets_hold(text: str) -> None:
    _check(text, find_times(text, BASE))


@settings(max_examples=150, deadline=None)
@given(
    _TEXTS,
    st.lists(st.tuples(st.integers(-5, 320), st.integers(-5, 320)), max_size=5),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
)
def test_find_times_with_spans_never_raises(
    text: str, spans: list[tuple[int, int]], base: dt.date
) -> None:
    mentions = find_times(text, base, spans=spans, sentences=[(0, len(text))])
    _check(text, mentions)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), _WORDS), st.booleans())
def test_resolve_time_never_raises(expression: str, future: bool) -> None:
    result = resolve_time(expression, BASE, future=future)
    if result is not None:
        value, granularity, end_value = result
        assert len(value) in (4, 7, 10)
        assert granularity in ("day", "week", "month", "year", "range", "decade")
        assert end_value is None or end_value >= value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He told BBC Radio 4's Today programme.", []),
        ("USA Today said so. Today, we know.", [("Today", "2024-12-16", "day", None)]),
        ("Casualties in Kursk\nToday the army said", [("Today", "2024-12-16", "day", None)]),
        ('"Last week was hard," he said.', [("Last week", "2024-12-09", "week", "2024-12-15")]),
    ],
)
def test_find_times_capitalised_relative_words(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert found(text) == expected


def test_be_to_future_puts_a_bare_month_ahead():
    """English's "be to" future ("is to meet") is a planned happening, as "will" is."""
    text = (
        "A border commission that is to meet again in April. Talks were held in April. "
        "The two ministers agreed to convene the border commission in April."
    )
    values = [m.value for m in find_times(text, dt.date(2025, 3, 4))]
    assert values == ["2025-04", "2024-04", "2025-04"]
