"""CAMEO actor and agent dictionaries: parsing, code mapping, the in-memory index."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsfuse.actors import (
    ActorDictionary,
    DatedCode,
    cameo_to_actor,
    load_dictionary_files,
    normalise,
    parse_actor_file,
    parse_agent_file,
)
from newsfuse.actors.cameo import parse_actor_text, parse_agent_text, plural
from newsfuse.model import Actor

SHARED = Path(__file__).resolve().parents[2] / "shared"
DICTIONARIES = SHARED / "dictionaries"

ACTORS = """\
# A small actors file written for these tests.
KIM_JONG_UN_   # leader
+KIM_JONG-UN
+MARSHAL_KIM_JONG_UN
\t[PRKELI <101101]
\t[PRKGOV >101101]

ABDUL_EXAMPLE_  [AFGGOV 950101-960626] [AFGELI]   # both codes on the name line
SOME_ONE_DAY_ [XYZGOV 040517-040517]
<!-- an XML comment
     over two lines -->
UN_ [IGOUNO]
INDIAN_OCEAN  [---]
FIRST_NAME_OF_A_PERSON
SECOND_NAME_OF_A_PERSON
\t[RUSGOV 641014-821110]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
SOLDIER [~MIL]
MILITIAMAN [~UAF]
HITMAN {HITMEN} [~UAF]
ANTI_RIOT_POLICE {} [~COP]
POLICE!PERSON!  [~COP]
PARAMEDIC [~HLH]
JOURNALIST [~MED]
NUN [~CHRCTH]
TRUCE_MONITOR [IGO~]
PEACEKEEPER [~MIL] # trailing comment
"""


@pytest.fixture(scope="module")
def small() -> ActorDictionary:
    entries, _ = parse_actor_text(ACTORS, "actors.txt")
    agents, _ = parse_agent_text(AGENTS, "agents.txt")
    dictionary = ActorDictionary()
    dictionary.add_entries(entries)
    dictionary.add_agents(agents)
    return dictionary


# -- parsing actor files -------------------------------------------------------------------


def test_entry_with_synonyms_and_dated_codes():
    entries, _ = parse_actor_text(ACTORS, "actors.txt")
    kim = entries[0]
    assert kim.name == "KIM JONG UN"
    assert kim.synonyms == ("KIM JONG-UN", "MARSHAL KIM JONG UN")
    assert kim.codes == (
        DatedCode("PRKELI", None, date(2010, 11, 1)),
        DatedCode("PRKGOV", date(2010, 11, 1), None),
    )
    assert (kim.source, kim.line) == ("actors.txt", 2)


def test_codes_on_the_name_line_and_between_dates():
    entries, _ = parse_actor_text(ACTORS, "actors.txt")
    abdul = next(entry for entry in entries if entry.name == "ABDUL EXAMPLE")
    assert abdul.codes == (
        DatedCode("AFGGOV", date(1995, 1, 1), date(1996, 6, 26)),
        DatedCode("AFGELI"),
    )


def test_one_day_range_covers_that_day():
    entries, problems = parse_actor_text(ACTORS, "actors.txt")
    one = next(entry for entry in entries if entry.name == "SOME ONE DAY")
    assert one.codes[0].valid_on(date(2004, 5, 17))
    assert not one.codes[0].valid_on(date(2004, 5, 18))
    assert not [problem for problem in problems if problem.startswith("actors.txt:9:")]


def test_comments_blank_lines_and_xml_comments_are_skipped():
    entries, problems = parse_actor_text(ACTORS, "actors.txt")
    names = [entry.name for entry in entries]
    assert names == [
        "KIM JONG UN",
        "ABDUL EXAMPLE",
        "SOME ONE DAY",
        "UN",
        "INDIAN OCEAN",
        "FIRST NAME OF A PERSON",
    ]
    assert problems == [
        "actors.txt:15: 'SECOND NAME OF A PERSON' read as a synonym of 'FIRST NAME OF A PERSON'"
        " (the line above it has no code and no blank line or comment parts them)"
    ]


def test_consecutive_names_share_the_codes_below_them():
    entries, _ = parse_actor_text(ACTORS, "actors.txt")
    person = entries[-1]
    assert person.synonyms == ("SECOND NAME OF A PERSON",)
    assert person.codes == (DatedCode("RUSGOV", date(1964, 10, 14), date(1982, 11, 10)),)


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("290101", date(2029, 1, 1)),
        ("300101", date(1930, 1, 1)),
        ("19270101", date(1927, 1, 1)),
        ("20121204", date(2012, 12, 4)),
    ],
)
def test_date_forms(digits, expected):
    entries, _ = parse_actor_text(f"X_ [USAGOV >{digits}]", "x")
    assert entries[0].codes[0].start == expected


def test_malformed_lines_are_reported_not_fatal():
    text = "\n".join(
        [
            "+ORPHAN_SYNONYM",  # 1: before any entry
            "GOOD_ONE [USAGOV]",  # 2
            "BAD_DATE [USAGOV >1011] [USAELI]",  # 3: 4-digit date, the other code kept
            "BAD_MONTH [USAGOV >101301]",  # 4: month 13: no usable code
            "UNCLOSED [USAGOV",  # 5: unbalanced
            "REVERSED [USAGOV 120101-110101]",  # 6
            "NO_CODE_AT_ALL",  # 7
            "",
            "LAST_ONE [GBRGOV] trailing words",  # 9
            "BARE_DATE [MNEGOV 20121204]",  # 10
            "+A_SYNONYM+ANOTHER_ONE",  # 11: two lines run together
        ]
    )
    entries, problems = parse_actor_text(text, "bad.txt")
    assert [entry.name for entry in entries] == ["GOOD ONE", "BAD DATE", "LAST ONE", "BARE DATE"]
    assert entries[1].codes == (DatedCode("USAELI"),)
    assert entries[3].codes == (DatedCode("MNEGOV", date(2012, 12, 4)),)
    assert entries[3].synonyms == ("A SYNONYM", "ANOTHER ONE")
    lines = [int(problem.split(":")[1]) for problem in problems]
    assert lines == sorted(lines)
    assert set(lines) == {1, 3, 4, 5, 6, 7, 9, 10, 11}
    assert all(problem.startswith("bad.txt:") for problem in problems)
    assert any("4 digits" in problem for problem in problems)
    assert any("not a calendar date" in problem for problem in problems)
    assert any("ends before it starts" in problem for problem in problems)
    assert any("'NO CODE AT ALL' has no usable code" in problem for problem in problems)


def test_parse_actor_file_reads_a_file(tmp_path):
    path = tmp_path / "mine.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    entries, problems = parse_actor_file(path)
    assert entries[0].source == str(path)
    assert len(problems) == 1


def test_non_utf8_file_is_read_and_reported(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("CÔTE_D'IVOIRE_ [CIV]\n".encode("cp1252"))
    entries, problems = parse_actor_file(path)
    assert entries[0].name == "CÔTE D'IVOIRE"
    assert "not UTF-8" in problems[0]


# -- parsing agents files ------------------------------------------------------------------


def test_agents_plurals_and_substitution_sets():
    agents, problems = parse_agent_text(AGENTS, "agents.txt")
    assert not problems
    by_name = {agent.name: agent for agent in agents}
    assert by_name["SOLDIER"].forms == ("soldiers",)
    assert by_name["SOLDIER"].sector == "MIL"
    assert by_name["MILITIAMAN"].forms == ("militiamen",)
    assert by_name["HITMAN"].forms == ("HITMEN",)
    assert by_name["ANTI RIOT POLICE"].forms == ()
    assert {"POLICEMAN", "POLICEMEN", "POLICEWOMAN", "POLICEWOMEN"} <= set(by_name)
    assert by_name["POLICEMEN"].forms == ()
    assert by_name["TRUCE MONITOR"].sector == "IGO"


def test_agent_codes_follow_our_sectors():
    agents, _ = parse_agent_text(AGENTS, "agents.txt")
    sectors = {agent.name: agent.sector for agent in agents}
    assert sectors["PARAMEDIC"] == "MED"  # CAMEO HLH: health
    assert sectors["JOURNALIST"] == "JRN"  # CAMEO MED: media
    assert sectors["NUN"] == "REL"


def test_agent_problems_are_reported(tmp_path):
    path = tmp_path / "agents.txt"
    path.write_text("EXTREMIST\n\nDEPARTMENT [~ENV}\nUSER_OF_!UNKNOWN! [~GOV]\nOK [~GOV]\n")
    agents, problems = parse_agent_file(path)
    assert [agent.name for agent in agents] == ["OK"]
    assert [problem.split(":")[1] for problem in problems] == ["1", "3", "4"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("soldier", "soldiers"),
        ("ministry", "ministries"),
        ("boss", "bosses"),
        ("policeman", "policemen"),
        ("human", "humans"),
        ("border patrol agent", "border patrol agents"),
        ("day", "days"),
    ],
)
def test_plural(word, expected):
    assert plural(word) == expected


# -- CAMEO codes → (country, sector) -------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("PRKGOV", ("PRK", "GOV")),
        ("USAMIL", ("USA", "MIL")),
        ("USAGOVMED", ("USA", "GOV")),
        ("USAMED", ("USA", "JRN")),
        ("GBRHLH", ("GBR", "MED")),
        ("PSEREBHMS", ("PSE", "REB")),
        ("IGOUNO", (None, "IGO")),
        ("IGOUNOREFHCR", (None, "IGO")),
        ("NGOUSAHRI", (None, "NGO")),
        ("MNCUSA", (None, "BUS")),
        ("IMGMUSALQ", (None, "REB")),
        ("WSB", ("PSE", None)),
        ("GZSREB", ("PSE", "REB")),
        ("PAL", ("PSE", None)),
        ("KSV", ("XKX", None)),
        ("KOSGOV", ("XKX", "GOV")),
        ("ROM", ("ROU", None)),
        ("JAPGOV", ("JPN", "GOV")),  # PLOVER's spelling of Japan
        ("ROUGOV", ("ROU", "GOV")),
        ("SRB", ("SRB", None)),
        ("SCG", ("SCG", None)),
        ("TMPOCC", ("TLS", None)),
        ("GBRBMU", ("BMU", None)),
        ("USRARM", ("ARM", None)),
        ("SUN", ("SUN", None)),
        ("IRQMUSSUN", ("IRQ", "REL")),
        ("MUS", ("MUS", None)),  # Mauritius
        ("~MUS", (None, "REL")),  # an agent: Muslim
        ("~MED", (None, "JRN")),
        ("IGO~", (None, "IGO")),
        ("AFRREB", (None, "REB")),
        ("MEA", (None, None)),
        ("EUR", (None, None)),
        ("ASA", (None, None)),
        ("ELI", (None, "ELI")),
        ("MED", (None, "JRN")),
        ("HINRAD", (None, "REL")),
        ("SDNSSDAUT", ("SSD", None)),
        ("---", (None, None)),
        ("", (None, None)),
        ("prkgov", ("PRK", "GOV")),
    ],
)
def test_cameo_to_actor(code, expected):
    assert cameo_to_actor(code) == expected


# -- the index -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Kim Jong-Un", "KIM JONG UN", "kim jong un", "Kim  Jong Un."])
def test_lookup_normalises_case_spacing_and_punctuation(small, text):
    assert small.lookup(text) == Actor("KIM JONG UN", "PRK", "GOV")


def test_lookup_picks_the_code_valid_on_the_day(small):
    assert small.lookup("Kim Jong Un", date(2024, 1, 1)).sector == "GOV"
    assert small.lookup("Kim Jong Un", date(2009, 1, 1)).sector == "ELI"
    assert small.lookup("Kim Jong Un", date(2010, 11, 1)).sector == "GOV"
    assert small.lookup("Kim Jong Un", date(2010, 10, 31)).sector == "ELI"


def test_dated_code_beats_undated_one(small):
    assert small.lookup("Abdul Example", date(1995, 6, 1)).sector == "GOV"
    assert small.lookup("Abdul Example", date(1996, 6, 26)).sector == "ELI"  # end is exclusive
    assert small.lookup("Abdul Example", date(1994, 12, 31)).sector == "ELI"
    assert small.lookup("Abdul Example").sector == "ELI"  # no day: the open-ended code
    assert small.lookup("Kim Jong Un").sector == "GOV"  # open-ended and latest start


def test_outside_every_range_keeps_the_country_only(small):
    assert small.lookup("first name of a person", date(2000, 1, 1)) == Actor(
        "FIRST NAME OF A PERSON", "RUS", None
    )
    assert small.lookup("second name of a person", date(1970, 1, 1)).sector == "GOV"


def test_null_code_and_unknown_names(small):
    assert small.lookup("Indian Ocean") is None
    assert small.lookup("Nobody Known") is None
    assert small.lookup("") is None


def test_short_names_need_capitals(small):
    assert small.lookup("UN") == Actor("UN", None, "IGO")
    assert small.lookup("U.N.") == Actor("UN", None, "IGO")
    assert small.lookup("un") is None


def test_longest_match_scans_tokens(small):
    tokens = ["Yesterday", "Marshal", "Kim", "Jong", "-", "Un", "met", "the", "UN", "in", "the"]
    tokens += ["Indian", "Ocean", "."]
    assert small.longest_match(tokens, 1, date(2024, 1, 1)) == (
        5,
        Actor("KIM JONG UN", "PRK", "GOV"),
    )
    assert small.longest_match(tokens, 2, date(2009, 1, 1)) == (
        4,
        Actor("KIM JONG UN", "PRK", "ELI"),
    )
    assert small.longest_match(tokens, 8) == (1, Actor("UN", None, "IGO"))
    assert small.longest_match(tokens, 11) == (2, Actor("INDIAN OCEAN", None, None))
    assert small.longest_match(tokens, 0) is None
    assert small.longest_match(tokens, 5) is None  # "Un" is not "UN"
    assert small.longest_match(tokens, 99) is None


def test_longest_match_stops_at_punctuation(small):
    assert small.longest_match(["Kim", ",", "Jong", "Un"], 0) is None


def test_agent_sector_singular_and_plural(small):
    assert small.agent_sector("soldier") == "MIL"
    assert small.agent_sector("Soldiers") == "MIL"
    assert small.agent_sector("hitmen") == "UAF"
    assert small.agent_sector("policewomen") == "COP"
    assert small.agent_sector("paramedics") == "MED"
    assert small.agent_sector("journalists") == "JRN"
    assert small.agent_sector("anti-riot police") == "COP"
    assert small.agent_sector("farmer") is None


def test_longest_agent_match(small):
    assert small.longest_agent_match(["anti", "riot", "police", "fired"], 0) == (3, "COP")
    assert small.longest_agent_match(["the", "soldiers"], 0) is None


def test_len_counts_entries_and_agent_lines(small):
    assert len(small) == 6 + 10


def test_rows_round_trip(small):
    rows = small.to_rows()
    assert set(rows[0]) == {"name", "country", "sector", "start", "end", "source", "is_agent"}
    assert rows[0] == {
        "name": "KIM JONG UN",
        "country": "PRK",
        "sector": "ELI",
        "start": None,
        "end": "2010-11-01",
        "source": "actors.txt:2",
        "is_agent": False,
    }
    again = ActorDictionary.from_rows(rows)
    assert len(again) == len(small)
    assert again.lookup("Kim Jong-Un", date(2009, 1, 1)) == Actor("KIM JONG UN", "PRK", "ELI")
    assert again.lookup("marshal kim jong un", date(2024, 1, 1)).name == "KIM JONG UN"
    assert again.agent_sector("policemen") == "COP"
    assert again.to_rows() == rows


def test_shared_name_gets_the_codes_of_both_entries():
    text = "BAN_KI_MOON [KORGOV 040101-061201]\n\nBAN_KI-MOON [IGOUNO >070101]\n"
    entries, _ = parse_actor_text(text, "x")
    dictionary = ActorDictionary()
    dictionary.add_entries(entries)
    assert dictionary.lookup("Ban Ki-moon", date(2005, 1, 1)) == Actor("BAN KI MOON", "KOR", "GOV")
    assert dictionary.lookup("Ban Ki-moon", date(2010, 1, 1)) == Actor("BAN KI MOON", None, "IGO")
    assert dictionary.duplicates == 1


def test_normalise():
    assert normalise("Kim Jong-Un") == "kim jong un"
    assert normalise("AL_QA'IDA") == "al qaida"
    assert normalise("Recep Tayyip ERDOĞAN") == "recep tayyip erdogan"
    assert normalise("U.N.") == "un"


def test_load_dictionary_files_sniffs_agents(tmp_path):
    (tmp_path / "a.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(AGENTS, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    dictionary, problems = load_dictionary_files([tmp_path / "a.txt", tmp_path / "b.txt", missing])
    assert dictionary.lookup("kim jong un") is not None
    assert dictionary.agent_sector("soldiers") == "MIL"
    assert any(problem.startswith(f"{missing}: cannot read") for problem in problems)


# -- the Phoenix dictionaries of PETRARCH2 in ../shared ------------------------------------


@pytest.fixture(scope="module")
def phoenix() -> tuple[ActorDictionary, list[str]]:
    if not DICTIONARIES.is_dir():
        pytest.skip("../shared/dictionaries is not beside the repository")
    return load_dictionary_files(
        sorted(DICTIONARIES.glob("Phoenix.*.txt"))
    )  # not CAMEO.2.0.txt: verbs


@pytest.mark.shared
def test_phoenix_imports_whole(phoenix):
    dictionary, problems = phoenix
    assert len(dictionary) > 29000
    assert dictionary.name_count > 39000
    assert 0 < len(problems) < 200
    assert all(":" in problem and "Phoenix." in problem for problem in problems)


@pytest.mark.shared
def test_phoenix_heads_of_state_over_time(phoenix):
    dictionary, _ = phoenix
    assert dictionary.lookup("Vladimir Putin", date(1995, 1, 1)) == Actor(
        "VLADIMIR PUTIN", "RUS", "ELI"
    )
    assert dictionary.lookup("President Putin", date(2024, 1, 1)) == Actor(
        "VLADIMIR PUTIN", "RUS", "GOV"
    )
    assert dictionary.lookup("Barack Obama", date(2010, 1, 1)).sector == "GOV"
    assert dictionary.lookup("Hamid Karzai", date(1990, 1, 1)).sector == "ELI"
    assert dictionary.lookup("Hamid Karzai", date(2005, 1, 1)).sector == "GOV"
    assert dictionary.lookup("Ban Ki-moon", date(2005, 1, 1)).country == "KOR"
    assert dictionary.lookup("Ban Ki-moon", date(2010, 1, 1)) == Actor("BAN KI MOON", None, "IGO")


@pytest.mark.shared
def test_phoenix_organisations_and_places(phoenix):
    dictionary, _ = phoenix
    assert dictionary.lookup("Hamas") == Actor("HAMAS", "PSE", "REB")
    assert dictionary.lookup("al-Qaeda").sector == "REB"
    assert dictionary.lookup("Reuters").sector == "JRN"
    assert dictionary.lookup("Kosovo").country == "XKX"
    assert dictionary.lookup("West Bank").country == "PSE"
    assert dictionary.lookup("Indian Ocean") is None
    tokens = "Russian President Vladimir Putin said".split()
    assert dictionary.longest_match(tokens, 0, date(2020, 1, 1))[0] == 4


@pytest.mark.shared
def test_phoenix_agents(phoenix):
    dictionary, _ = phoenix
    assert dictionary.agent_sector("soldiers") == "MIL"
    assert dictionary.agent_sector("policemen") == "COP"
    assert dictionary.agent_sector("foreign minister") == "GOV"
    assert dictionary.agent_sector("medics") == "MED"
    assert dictionary.agent_sector("journalist") == "JRN"


@pytest.mark.shared
def test_phoenix_file_problems_name_file_and_line():
    if not DICTIONARIES.is_dir():
        pytest.skip("../shared/dictionaries is not beside the repository")
    path = DICTIONARIES / "Phoenix.International.actors.txt"
    entries, problems = parse_actor_file(path)
    assert len(entries) > 7000
    assert f"{path}:40: [KORGOVBUS 2004017-20061201]" in "\n".join(problems)
