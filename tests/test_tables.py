"""Every table in newsfuse/data/ is read by one reader with one comment rule."""

from __future__ import annotations

import pytest

from newsfuse.actors.cameo import cameo_to_actor
from newsfuse.annotate.gazetteer import names, sector_words
from newsfuse.annotate.quantities import lexicon
from newsfuse.annotate.ruler import phrase_patterns
from newsfuse.clean.dateline import find_agency
from newsfuse.clean.page_lines import load_patterns
from newsfuse.errors import NewsfuseError
from newsfuse.events.cameo_verbs import table
from newsfuse.events.lexicon import mode_words, triggers
from newsfuse.events.ontology import EVENT_TYPES, event_info
from newsfuse.geo.abbreviations import abbreviations
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import _geonames_country_points
from newsfuse.geo.places import country_of_place
from newsfuse.tables import COLUMNS, TableError, parse_table, read_table, table_names


def test_every_shipped_table_is_known_and_reads() -> None:
    assert table_names() == sorted(COLUMNS)
    for name in table_names():
        rows = read_table(name)
        assert rows, name
        most = COLUMNS[name][1]
        assert all(len(row) == most for row in rows), name
        assert all(row.where.startswith(f"newsfuse/data/{name}:") for row in rows)


def test_every_loader_reads_its_table() -> None:
    assert cameo_to_actor("ROMGOV") == ("ROU", "GOV")
    assert names()["dprk"].country == "PRK"
    assert sector_words()["government"][0] == "GOV"
    assert lexicon().units["three"] == 3
    assert ("GPE", "DPRK") in phrase_patterns()
    assert find_agency("WASHINGTON (Agence France-Presse) -") == "AFP"
    assert load_patterns()
    assert table()[0] and table()[1]
    assert triggers() and mode_words()
    assert {event_info(t).type for t in EVENT_TYPES} == set(EVENT_TYPES)
    assert abbreviations()["Calif."][0].subdivision == "US-CA"
    assert lookup_place("Korean Peninsula").kind == "region"
    assert "US" in _geonames_country_points()
    assert country_of_place("Kyiv") == "UKR"


def test_comments_blank_lines_and_padding() -> None:
    text = "# header\n\n  # indented comment\nROM\tROU\t-\t# Romania\nSUN\t \n"
    rows = parse_table(text, "t.tsv", (2, 3))
    assert rows == (("ROM", "ROU", "-"), ("SUN", "", ""))
    assert [row.where for row in rows] == ["t.tsv:4", "t.tsv:5"]
    assert parse_table("a\t#b\tc\n", "t.txt", (1, 1), tabs=False) == (("a\t#b\tc",),)


def test_a_malformed_row_names_file_and_line() -> None:
    with pytest.raises(TableError, match=r"^t\.tsv:3: 1 cells where 2 to 3 are expected"):
        parse_table("a\tb\n# c\nx\n", "t.tsv", (2, 3))
    error = parse_table("a\tb\n", "t.tsv")[0].error("bad cell")
    assert str(error) == "t.tsv:1: bad cell"
    assert isinstance(error, NewsfuseError) and isinstance(error, ValueError)
    with pytest.raises(TableError, match="not a known table"):
        read_table("nothing.tsv")
