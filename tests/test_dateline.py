"""Datelines and wire headers: what they say and where they sit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.clean.dateline import find_agency, find_dateline
from newsfuse.model import Dateline

SHARED = Path(__file__).resolve().parents[2] / "shared"
REUTERS = SHARED / "corpus" / "reuters21578"
# Place accuracy reached on all 22 Reuters files (0.9983), less 0.005: a quality gate.
REUTERS_PLACE_ACCURACY = 0.993
REUTERS_COUNTRY_RESOLVED = 0.99

SEED_000_HEAD = (
    "SpaceWar.com - Your World At War\n"
    "N. Korea involvement in Ukraine a 'dangerous expansion' of conflict: US, allies\n"
    "Washington, Dec 16 (AFP) Dec 16, 2024\n"
    "Ten countries and the European Union called North Korea's growing involvement in "
    'Russia\'s war in Ukraine a "dangerous expansion" on Monday.\n'
)
SEED_001_HEAD = (
    " date 2024-12-16 Washington DC [US], December 16 (ANI): Foreign Ministers and "
    "representatives of Australia, Canada, France, Germany, Italy, Japan on Monday "
    "unequivocally condemn the deployment of troops to Russia.\n"
)


def header(text: str, found: Dateline) -> str:
    return text[found.start : found.end]


def test_seed_000_afp_header_on_its_own_line() -> None:
    found = find_dateline(SEED_000_HEAD)
    assert found is not None
    assert (found.place, found.country, found.agency, found.published) == (
        "Washington",
        "USA",
        "AFP",
        "2024-12-16",
    )
    assert header(SEED_000_HEAD, found) == "Washington, Dec 16 (AFP) Dec 16, 2024"
    cut = SEED_000_HEAD[: found.start] + SEED_000_HEAD[found.end :]
    assert "\n\nTen countries" in cut


def test_seed_001_ani_header_at_the_very_start() -> None:
    found = find_dateline(SEED_001_HEAD)
    assert found is not None
    assert (found.place, found.country, found.agency, found.published) == (
        "Washington DC",
        "USA",
        "ANI",
        "2024-12-16",
    )
    assert header(SEED_001_HEAD, found) == (
        "date 2024-12-16 Washington DC [US], December 16 (ANI): "
    )
    assert SEED_001_HEAD[found.end :].startswith("Foreign Ministers")


@pytest.mark.parametrize(
    ("text", "place", "country", "agency", "head"),
    [
        ("BOGOTA, March 13 - Colombia's coffee", "BOGOTA", "COL", None, "BOGOTA, March 13 - "),
        (
            "    SALVADOR, Feb 26 - Showers continued",
            "SALVADOR",
            "BRA",
            None,
            "SALVADOR, Feb 26 - ",
        ),
        (
            "KYIV, Ukraine (AP) — Russian forces attacked",
            "KYIV",
            "UKR",
            "AP",
            "KYIV, Ukraine (AP) — ",
        ),
        (
            "UNITED NATIONS, Oct 3 (Reuters) - The Security Council",
            "UNITED NATIONS",
            "USA",
            "Reuters",
            "UNITED NATIONS, Oct 3 (Reuters) - ",
        ),
        ("NEW DELHI (PTI): The government", "NEW DELHI", "IND", "PTI", "NEW DELHI (PTI): "),
        ("LONDON (Reuters) - The pound", "LONDON", "GBR", "Reuters", "LONDON (Reuters) - "),
        ("LONDON (Reuters) -The pound", "LONDON", "GBR", "Reuters", "LONDON (Reuters) -"),
        (
            "Seoul, Dec. 16 (Yonhap) -- North Korea",
            "Seoul",
            "KOR",
            "Yonhap",
            "Seoul, Dec. 16 (Yonhap) -- ",
        ),
        ("PARIS: President Macron said", "PARIS", "FRA", None, "PARIS: "),
        (
            "MOSCOW, March 3 /TASS/. Russia said",
            "MOSCOW",
            "RUS",
            "TASS",
            "MOSCOW, March 3 /TASS/. ",
        ),
        (
            "BEIJING, Sept. 15 (Xinhua) -- China on Friday",
            "BEIJING",
            "CHN",
            "Xinhua",
            "BEIJING, Sept. 15 (Xinhua) -- ",
        ),
        (
            "WASHINGTON (AP) — The Senate voted",
            "WASHINGTON",
            "USA",
            "AP",
            "WASHINGTON (AP) — ",
        ),
        (
            "Islamabad, Dec 16 (APP): Pakistan said",
            "Islamabad",
            "PAK",
            "APP",
            "Islamabad, Dec 16 (APP): ",
        ),
        (
            "    ST. LOUIS, Mo., March 3 - Monsanto Co said",
            "ST. LOUIS",
            "USA",
            None,
            "ST. LOUIS, Mo., March 3 - ",
        ),
        (
            "    BRUSSELS, March 27, Reuter - Greece and Turkey's NATO",
            "BRUSSELS",
            "BEL",
            "Reuters",
            "BRUSSELS, March 27, Reuter - ",
        ),
        ("    WASHINGTON - The U.S. said", "WASHINGTON", "USA", None, "WASHINGTON - "),
        ("    omaha, april 7 - Cattle", "omaha", "USA", None, "omaha, april 7 - "),
        (
            "    Vancouver, British Columbia, March 17 - Placer",
            "Vancouver",
            "CAN",
            None,
            "Vancouver, British Columbia, March 17 - ",
        ),
        # press releases: the distributor's credit dashed on with no space
        (
            "LOUISVILLE, Ky.--(BUSINESS WIRE)--Humana Inc. today announced",
            "LOUISVILLE",
            "USA",
            "Business Wire",
            "LOUISVILLE, Ky.--(BUSINESS WIRE)--",
        ),
        (
            "NEW YORK--(BUSINESS WIRE)--Acme Corp. said",
            "NEW YORK",
            "USA",
            "Business Wire",
            "NEW YORK--(BUSINESS WIRE)--",
        ),
        (
            "SAN DIEGO, March 3, 2023 (GLOBE NEWSWIRE) -- Acme Inc. said",
            "SAN DIEGO",
            "USA",
            "GlobeNewswire",
            "SAN DIEGO, March 3, 2023 (GLOBE NEWSWIRE) -- ",
        ),
        (
            "NEW YORK—(BUSINESS WIRE)—Acme Corp. said today it would expand.",
            "NEW YORK",
            "USA",
            "Business Wire",
            "NEW YORK—(BUSINESS WIRE)—",
        ),
        (
            "NEW YORK-(BUSINESS WIRE)-Acme Corp. said today it would expand.",
            "NEW YORK",
            "USA",
            "Business Wire",
            "NEW YORK-(BUSINESS WIRE)-",
        ),
        (
            "NEW YORK--(BUSINESS WIRE)--(NYSE: ACME) Acme Corp. said today.",
            "NEW YORK",
            "USA",
            "Business Wire",
            "NEW YORK--(BUSINESS WIRE)--",
        ),
        (
            "MONTREAL, Jan. 5, 2024 /CNW Telbec/ - The group said today.",
            "MONTREAL",
            "CAN",
            "CNW",
            "MONTREAL, Jan. 5, 2024 /CNW Telbec/ - ",
        ),
        (
            "CHICAGO, Jan. 5, 2024 /PRNewswire/ -- Acme Corp. said",
            "CHICAGO",
            "USA",
            "PR Newswire",
            "CHICAGO, Jan. 5, 2024 /PRNewswire/ -- ",
        ),
    ],
)
def test_wire_forms(text: str, place: str, country: str, agency: str | None, head: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.country, found.agency) == (place, country, agency)
    assert header(text, found) == head


def test_header_ending_its_line_keeps_the_newline_in_the_body() -> None:
    text = "    SANTA CRUZ, Calif., Feb 26 -\n    Shr 34 cts vs 1.19 dlrs"
    found = find_dateline(text)
    assert found is not None and found.place == "SANTA CRUZ" and found.country == "USA"
    assert text[found.end :] == "\n    Shr 34 cts vs 1.19 dlrs"


def test_xinhua_credit_line_and_dateline_form_one_header() -> None:
    text = "Xinhua | Updated: 2017-09-15 17:52\nBEIJING -- China on Friday said it"
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.country, found.agency, found.published) == (
        "BEIJING",
        "CHN",
        "Xinhua",
        "2017-09-15T17:52",
    )
    assert header(text, found) == "Xinhua | Updated: 2017-09-15 17:52\nBEIJING -- "


def test_month_and_day_take_the_year_from_the_hint() -> None:
    text = "BOGOTA, March 13 - Colombia's coffee"
    assert find_dateline(text).published is None
    assert find_dateline(text, "1987-03-14T10:00:00").published == "1987-03-13"
    # Across New Year the nearest year wins.
    assert find_dateline("PARIS, Dec 31 (AFP) - x", "2025-01-02").published == "2024-12-31"


def test_month_and_day_never_land_months_after_the_hint() -> None:
    found = find_dateline("SAO PAULO, Brazil, March 3 (Reuters) - x", "2024-12-17")
    assert found is not None and found.published == "2024-03-03"


def test_credit_may_run_straight_into_the_body() -> None:
    text = "New Delhi, Dec 16 (IANS) The government said"
    found = find_dateline(text, "2024-12-16")
    assert found is not None and (found.place, found.agency) == ("New Delhi", "IANS")
    assert text[found.end :] == "The government said"


def test_full_date_in_header_wins_over_hint() -> None:
    found = find_dateline("WASHINGTON, Dec. 16, 2024 /PRNewswire/ -- Company X said", "2020-01-01")
    assert found is not None and found.published == "2024-12-16"


@pytest.mark.parametrize(
    "text",
    [
        "Ten countries and the European Union called North Korea's growing involvement",
        "The US State Department also imposed sanctions on three parties",
        "Washington has said it will respond.",
        "N. Korea involvement in Ukraine a 'dangerous expansion' of conflict: US, allies",
        "SpaceWar.com - Your World At War",
        "China opposes DPRK's missile launch: FM spokesperson",
        "Ukraine: Russia strikes again",
        "US: Biden says he will veto the bill",
        "Washington (the capital) said no",
        "On Monday, March 3 - nothing happened",
        "    APRIL 7  - Cattle receipts",
        "    COPPER GRADE A - 1,000 tonnes",
        "",
    ],
)
def test_ordinary_first_lines_are_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_deep_in_the_body_is_ignored() -> None:
    text = "\n".join(["An ordinary sentence of body text."] * 8) + "\nLONDON (Reuters) - late"
    assert find_dateline(text) is None


def test_headline_before_dateline_is_skipped() -> None:
    text = "China opposes DPRK's missile launch: FM spokesperson\nBEIJING, Sept. 15 (Xinhua) -- x"
    found = find_dateline(text)
    assert found is not None and found.place == "BEIJING"
    assert found.start == text.index("BEIJING")


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("(AFP)", "AFP"),
        ("(ANI)", "ANI"),
        ("Copyright Agence France-Presse", "AFP"),
        ("© 2024 AFP", "AFP"),
        ("-- Reuters", "Reuters"),
        ("/TASS/", "TASS"),
        ("reported the Associated Press", "AP"),
        ("(dpa)", "dpa"),
        ("said Yonhap News Agency", "Yonhap"),
    ],
)
def test_find_agency(text: str, agency: str) -> None:
    assert find_agency(text) == agency


@pytest.mark.parametrize(
    "text", ["", "the ap said", "APEC leaders met", "a snap election", "rapid growth"]
)
def test_find_agency_needs_whole_words_and_case(text: str) -> None:
    assert find_agency(text) is None


@settings(deadline=None)  # the first call loads the place tables
@given(st.text(max_size=400))
def test_find_dateline_never_raises_and_offsets_slice(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert 0 <= found.start <= found.end <= len(text)
        head = text[found.start : found.end]
        assert head.strip() and not head[0].isspace()
        assert found.start < 600
        rest = text[: found.start] + text[found.end :]
        assert len(rest) == len(text) - len(head)


@settings(deadline=None)  # the first call loads the place tables
@given(
    st.sampled_from(["BOGOTA", "Washington", "NEW DELHI", "KYIV", "Seoul"]),
    st.sampled_from(["", ", March 13", ", Dec. 16"]),
    st.sampled_from([" (AFP)", " (Reuters)", " /TASS/", ""]),
    st.sampled_from([" - ", " -- ", " — ", ": "]),
    st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=80),
)
def test_built_headers_are_found_and_cut(
    place: str, date: str, credit: str, sep: str, body: str
) -> None:
    if not (date or credit or place.isupper()):
        return  # a bare title-case place is no dateline
    text = f"{place}{date}{credit}{sep}Body {body}"
    found = find_dateline(text)
    assert found is not None
    assert found.place == place
    assert text[found.end :].startswith("Body ")
    assert found.start == 0


@pytest.mark.shared
def test_reuters_place_accuracy_gate() -> None:
    """All 22 Reuters-21578 files (19,043 stories with a DATELINE); about 6 s."""
    if not REUTERS.is_dir():
        pytest.skip("../shared/corpus/reuters21578 is not beside the repository")
    from newsfuse.evaluate.datelines import evaluate_reuters_datelines

    result = evaluate_reuters_datelines([str(REUTERS)])
    assert result["stories"] > 19_000
    assert result["accuracy"] >= REUTERS_PLACE_ACCURACY, result["errors"]
    assert result["country_resolved"] >= REUTERS_COUNTRY_RESOLVED


def test_a_name_and_its_gloss_are_no_dateline():
    # with no separator, only a known agency's credit may run on into the body
    assert find_dateline("The Homeland Union (Conservatives) began collecting signatures.") is None
    assert find_dateline("The Asia-Pacific Economic Cooperation (APEC) forum has agreed.") is None
    found = find_dateline("NEW DELHI (IANS) The government said on Monday ...")
    assert found is not None and found.place == "NEW DELHI"


def test_a_double_hyphen_ends_the_place_however_long_the_line() -> None:
    # "--" is a dash, never a hyphen inside a word: the place is read the same whether the
    # lead runs on for many words or few
    for text in ("KABUL--Afghan forces", "KABUL--Afghan forces attacked a village on Monday"):
        found = find_dateline(text)
        assert found is not None and found.place == "KABUL" and text[found.end :][0] == "A"
    assert find_dateline("WINSTON-SALEM, N.C.--(BUSINESS WIRE)--Acme").place == "WINSTON-SALEM"


def test_a_press_release_distributor_is_credited_only_where_a_credit_stands() -> None:
    assert find_agency("CNW Corp said its Chicago and North Western unit would") is None
    assert find_agency("CNW Corp said (Reuters) it would") == "Reuters"
    assert find_agency("TORONTO /CNW/ - The bank said") == "CNW"
