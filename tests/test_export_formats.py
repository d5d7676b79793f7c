"""`newsfuse export events --format plover|gdelt` on real databases: the repo's examples
and, where ../shared is present, the two seed articles."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.events.ontology import EVENT_TYPES, cameo_root
from newsfuse.export_gdelt import GDELT_COLUMNS, GOLDSTEIN_ROOTS, _dates, cameo_types, lead_end
from newsfuse.store import Store

from .conftest import EXAMPLES, SHARED

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('examples') / 'x.db'}"
    assert _run("ingest", str(EXAMPLES), "--db", db).exit_code == 0
    return db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> str:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    db = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 's.db'}"
    assert _run("ingest", str(SHARED / "seeds"), "--db", db).exit_code == 0
    return db


def _plover(db: str, *extra: str) -> list[dict]:
    result = _run("export", "events", "--db", db, "--format", "plover", *extra)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _gdelt(db: str) -> list[dict[str, str]]:
    result = _run("export", "events", "--db", db, "--format", "gdelt")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS) == 61 for line in lines)
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))


def test_plover_records_parse_and_leave_out_unreal_events(examples_db):
    records = _plover(examples_db)
    with Store(examples_db) as store:
        stored = list(store.iter_events(include_negated=True))
    real = [e for e in stored if not e["negated"] and not e["hypothetical"]]
    assert len(real) < len(stored)  # the examples have hypothetical events
    assert sorted(r["id"] for r in records) == sorted(str(e["id"]) for e in real)
    for r in records:
        assert {"id", "event_type", "event_mode", "contexts", "date", "pub_date", "story_id",
                "publisher", "attributes", "event_geolocation", "version"} <= set(r)  # fmt: skip
        assert not r["newsfuse"]["negated"] and not r["newsfuse"]["hypothetical"]
        assert r["story_id"] == r["newsfuse"]["article_id"]  # POLECAT's story = one text
    flagged = _plover(examples_db, "--include-unreal")
    assert len(flagged) == len(stored)
    assert any(r["newsfuse"]["hypothetical"] for r in flagged)


def test_plover_record_of_a_known_example_event(examples_db):
    """frontier-commission: the border commissions met near Ijevan (CONSULT, ARM and AZE)."""
    records = _plover(examples_db)
    consult = next(
        r for r in records
        if r["story_id"] == "frontier-commission" and r["event_type"] == "CONSULT"
        and r["attributes"]["LOC"]
    )  # fmt: skip
    assert consult["date"] == consult["pub_date"] == "2025-03-21"
    assert consult["quad_code"] == 1
    assert consult["contexts"] == ["diplomatic"]
    assert {a["country"] for a in consult["attributes"]["ACTOR"]} == {"ARM", "AZE"}
    geo = consult["event_geolocation"]["geo"]
    assert (geo["search_placename"], geo["country_code3"], geo["geonameid"]) == (
        "Ijevan", "ARM", 616627,
    )  # fmt: skip
    assert consult["newsfuse"]["attribution"] == {
        "text": "the Armenian foreign ministry", "country": "ARM",
    }  # fmt: skip
    assert consult["newsfuse"]["story_id"]
    assert consult["publisher"] == "AFP"


def test_gdelt_rows_of_the_examples(examples_db):
    rows = _gdelt(examples_db)
    assert rows
    sotk = next(r for r in rows if r["ActionGeo_FullName"] == "Sotk")
    assert sotk["EventRootCode"] == sotk["EventCode"] == "19"  # FIGHT: an exchange of fire
    assert sotk["QuadClass"] == "4" and sotk["GoldsteinScale"] == "-10.0"
    assert sotk["SQLDATE"] == "20250302" and sotk["MonthYear"] == "202503"
    assert (sotk["ActionGeo_Type"], sotk["ActionGeo_CountryCode"]) == ("4", "ARM")
    assert (sotk["ActionGeo_FeatureID"], sotk["ActionGeo_ADM1Code"]) == ("616041", "AM.04")
    assert float(sotk["ActionGeo_Lat"]) == pytest.approx(40.20007)
    assert sotk["Actor2Code"] == "ARMMIL" and sotk["Actor2Type1Code"] == "MIL"
    # The agreement to resume talks, reported by AFP (BorderWatch) and ANI: one row.
    agree = next(r for r in rows if r["EventRootCode"] == "03" and r["NumArticles"] == "2")
    assert (agree["NumMentions"], agree["NumSources"]) == ("2", "2")
    assert agree["IsRootEvent"] == "1" and agree["SQLDATE"] == "20250304"
    # A month-precise date keeps its month, with no invented day (the examples date every
    # act to a day now that "agreed earlier this month" no longer dates the meeting after it)
    assert _dates("2024-10", "2025-03-04") == ["", "202410", 2024, ""]
    assert _dates("2024", "2025-03-04") == ["", "", 2024, ""]
    assert all(len(r["MonthYear"]) in (0, 6) for r in rows)


def test_gdelt_counts_mentions_across_the_seed_sources(seeds_db):
    rows = _gdelt(seeds_db)
    with Store(seeds_db) as store:
        real = [e for e in store.iter_events() if not e["hypothetical"]]
    assert sum(int(r["NumMentions"]) for r in rows) == len(real)
    # North Korea's troops for Russia, told by AFP and ANI alike.
    aid = next(r for r in rows if r["EventRootCode"] == "07" and r["NumSources"] == "2")
    assert aid["Actor1CountryCode"] == "PRK" and aid["Actor2CountryCode"] == "RUS"
    assert aid["SQLDATE"] == "20241216" and aid["QuadClass"] == "2"
    fight = [r for r in rows if r["EventRootCode"] == "19" and r["ActionGeo_FullName"] == "Kursk"]
    assert fight and all(r["ActionGeo_CountryCode"] == "RUS" for r in fight)


def test_plover_records_of_the_seeds(seeds_db):
    records = _plover(seeds_db)
    sources = {r["newsfuse"]["agency"] for r in records}
    assert sources == {"AFP", "ANI"}
    mobilize = next(r for r in records if r["event_type"] == "MOBILIZE" and r["size"] == 10000)
    assert mobilize["event_mode"] == ["troops"]
    assert mobilize["newsfuse"]["attribution"]["text"] == "US Secretary of State Anthony Blinken"


def test_unknown_format_lists_the_formats(examples_db):
    result = runner.invoke(app, ["export", "events", "--db", examples_db, "--format", "icews"])
    assert result.exit_code != 0
    for name in ("jsonl", "csv", "parquet", "plover", "gdelt"):
        assert name in result.output
    result = runner.invoke(
        app, ["export", "events", "--db", examples_db, "--format", "gdelt", "--include-unreal"]
    )
    assert result.exit_code != 0 and "plover" in result.output


def test_mapping_tables():
    """One CAMEO root per PLOVER type, each with a scale value; sectors map back to CAMEO."""
    assert {cameo_root(t) for t in EVENT_TYPES} <= set(GOLDSTEIN_ROOTS)
    assert cameo_root("CONCEDE") == cameo_root("RETREAT") == "08"
    types = cameo_types()
    assert types["GOV"] == "GOV" and types["JRN"] == "MED" and types["MED"] == "HLH"
    assert types["REB"] == "REB"


def test_lead_paragraph_skips_a_dateline():
    text = "Geneva, March 4 (AFP) March 4, 2025\n\nThey met. They agreed.\n\nMore."
    assert text[: lead_end(text)].rstrip().endswith("They agreed.")
    assert lead_end("GENEVA (Reuters) -\n\nA lead.\n\nNext.") == len(
        "GENEVA (Reuters) -\n\nA lead."
    )
