"""The command line, called in-process: ingest, read commands, export, errors."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
from sqlalchemy import inspect
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.store import Store

from .conftest import EXAMPLES
from .migration_support import downgrade

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_json_summary_and_exit_codes(tmp_path):
    db = str(tmp_path / "n.db")
    result = _run("ingest", str(EXAMPLES), "--db", db, "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["duplicates"], summary["rejected"]) == (6, 1, 1)
    assert summary["rejects"][0]["source"].endswith("agencies.jsonl:4")
    stages = summary["stage_seconds"]  # wall-clock seconds per stage of this run
    assert {"read", "clean", "store", "annotate+code", "store annotations", "cluster"} <= set(
        stages
    )
    assert all(seconds >= 0 for seconds in stages.values())
    assert _run("ingest", str(EXAMPLES), "--db", db, "--strict").exit_code == 1
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert _run("ingest", str(empty), "--db", db).exit_code == 1  # nothing could be read


def test_read_commands_share_output_options(tmp_path):
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    rows = json.loads(_run("articles", "--db", db, "--json").stdout)
    assert {r["id"] for r in rows} == {
        "frontier-wire", "ledger-frontier", "ani-2025-03-04-frontier", "harbour-lights-festival",
        "harbour-strike", "frontier-commission",
    }  # fmt: skip
    table = _run("articles", "--db", db).stdout
    assert "frontier-wire" in table
    parsed = list(csv.DictReader(io.StringIO(_run("rejects", "--db", db, "--csv").stdout)))
    assert parsed[0]["source"].endswith("agencies.jsonl:4")
    dup = json.loads(_run("duplicates", "--db", db, "--json").stdout)
    assert dup[0]["article_id"] == "ani-2025-03-04-frontier"
    one = json.loads(_run("article", "frontier-wire", "--db", db, "--json").stdout)
    assert one["agency"] == "AFP" and "Sotk" in one["text"]


def test_missing_article_is_a_clean_error(tmp_path):
    result = runner.invoke(app, ["article", "nope", "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert "no article with id 'nope'" in result.output
    assert "Traceback" not in result.output


def test_export_articles_jsonl_csv_parquet(tmp_path):
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    lines = _run("export", "articles", "--db", db, "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 7  # 6 stored, and the exact copy agencies.jsonl names ani-mirror-copy
    assert all(r["text"] and r["id"] for r in records)
    [copy] = [r for r in records if r["duplicate_of"]]
    original = next(r for r in records if r["id"] == copy["duplicate_of"])
    assert (copy["id"], copy["duplicate_of"]) == ("ani-mirror-copy", "ani-2025-03-04-frontier")
    assert copy["story_id"] == original["story_id"] and copy["text"] == original["text"]
    assert copy["source"].endswith("agencies.jsonl:3") and copy["url"] is None
    stored = _run("export", "articles", "--db", db, "--no-copies").stdout.splitlines()
    assert len(stored) == 6 and not any(json.loads(line)["duplicate_of"] for line in stored)
    out_csv = tmp_path / "a.csv"
    _run("export", "articles", "--db", db, "--format", "csv", "-o", str(out_csv))
    assert len(list(csv.DictReader(out_csv.open()))) == len(records)
    out_pq = tmp_path / "a.parquet"
    _run("export", "articles", "--db", db, "--format", "parquet", "-o", str(out_pq))
    assert pq.read_table(out_pq).num_rows == len(records)


def test_every_command_has_help():
    for args in (["--help"], ["ingest", "--help"], ["articles", "--help"], ["article", "--help"],
                 ["rejects", "--help"], ["duplicates", "--help"], ["export", "articles", "--help"],
                 ["eval", "datelines", "--help"]):  # fmt: skip
        result = _run(*args)
        assert result.exit_code == 0, args
        assert "Usage" in result.stdout


def test_article_shows_annotations_and_actors_lists_them(tmp_path):
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    one = json.loads(_run("article", "frontier-wire", "--db", db, "--json").stdout)
    actors = {(a["text"], a["country"]) for a in one["annotations"]["actors"]}
    assert ("Armenia", "ARM") in actors
    assert any(t["value"] == "2025-03-04" for t in one["annotations"]["times"])
    assert "Armenia" in _run("article", "frontier-wire", "--db", db).stdout
    rows = json.loads(_run("actors", "--db", db, "--json", "--country", "ARM").stdout)
    assert rows and all(r["country"] == "ARM" for r in rows)


def test_actors_import_takes_part_in_resolution(tmp_path):
    db = str(tmp_path / "n.db")
    dictionary = tmp_path / "mini.actors.txt"
    dictionary.write_text(
        "# a tiny CAMEO-format dictionary\n"
        "ARAM_KHACHATRYAN_\n+KHACHATRYAN_\n [ARMGOV >250101]\n [ARMELI <250101]\n"
    )
    summary = json.loads(_run("actors", "import", str(dictionary), "--db", db, "--json").stdout)
    assert summary["entries"] == 1 and summary["problems"] == []
    page = tmp_path / "p.jsonl"
    body = "Aram Khachatryan said on Monday that the talks in Geneva had gone well for both sides."
    page.write_text(json.dumps({"id": "p1", "text": body, "published": "2025-03-04"}) + "\n")
    _run("ingest", str(page), "--db", db)
    actors = json.loads(_run("article", "p1", "--db", db, "--json").stdout)["annotations"]["actors"]
    assert ("ARM", "GOV") in {(a["country"], a["sector"]) for a in actors}


def test_eval_plover_errors_prints_the_misses(tmp_path):
    gold = tmp_path / "gold.jsonl"
    records = [
        {
            "event": "ASSAULT",
            "text": "Kenyan police arrested 30 protesters in Nairobi.",
            "source": [{"actorText": "Kenyan police", "code": "KEN", "sector": "COP"}],
            "target": [{"actorText": "Uganda", "code": "UGA"}],
        },
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    plain = _run("eval", "plover", str(gold))
    assert plain.exit_code == 0 and "records with misses" not in plain.stdout
    result = _run("eval", "plover", str(gold), "--errors")
    assert result.exit_code == 0
    assert "1 records with misses" in result.stdout
    assert "Kenyan police arrested 30 protesters in Nairobi." in result.stdout
    assert "type" in result.stdout and "target_country  gold UGA" in result.stdout
    as_json = json.loads(_run("eval", "plover", str(gold), "--errors", "--json").stdout)
    assert as_json["errors"][0]["event"] == "ASSAULT"


def test_an_id_an_exact_copy_came_with_finds_the_stored_article(tmp_path):
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    shown = json.loads(_run("article", "ani-mirror-copy", "--db", db, "--json").stdout)
    assert shown["id"] == "ani-2025-03-04-frontier"
    assert shown["duplicate"]["id"] == "ani-mirror-copy"
    assert shown["duplicate"]["source"].endswith("agencies.jsonl:3")
    assert shown["annotations"]["places"]  # the stored article's annotations, offsets and all
    text = _run("article", "ani-mirror-copy", "--db", db).stdout
    assert "was an exact duplicate of this article" in " ".join(text.split())


def test_an_id_two_copies_came_with_is_one_export_row(tmp_path):
    # One feed item (id "copy-9") in two dumps, both exact copies of an article stored under
    # another id: the export has one row for that id, the copy "article copy-9" shows.
    text = json.dumps({"id": "copy-9", "title": "Protesters arrested", "text": PROSE})
    (tmp_path / "a.jsonl").write_text(text.replace("copy-9", "orig-1") + "\n")
    (tmp_path / "b.jsonl").write_text(text + "\n")
    (tmp_path / "c.jsonl").write_text(text + "\n")
    db = str(tmp_path / "n.db")
    for name in ("a", "b", "c"):
        _run("ingest", str(tmp_path / f"{name}.jsonl"), "--db", db)
    lines = _run("export", "articles", "--db", db).stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert sorted(r["id"] for r in rows) == ["copy-9", "orig-1"]
    [copy] = [r for r in rows if r["duplicate_of"]]
    shown = json.loads(_run("article", "copy-9", "--db", db, "--json").stdout)
    assert copy["source"] == shown["duplicate"]["source"]
    assert copy["source"].endswith("b.jsonl:1")


PROSE = (
    "Police in Nairobi arrested thirty protesters on Tuesday after clashes near parliament, "
    "officials said. The protesters had gathered to oppose a new tax bill."
)


def test_migration_0016_keeps_older_duplicates_and_goes_down_and_up(tmp_path):
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    with Store(db) as store:
        downgrade(store, "0015_alerts")
        assert "given_id" not in {
            c["name"] for c in inspect(store.engine).get_columns("duplicates")
        }
        store.migrate()
        assert len(list(store.iter_duplicates())) == 1  # the row survives, without its id
        assert list(store.iter_named_copies()) == []
    _run("ingest", str(EXAMPLES), "--db", db)  # reading the copy again records its id
    with Store(db) as store:
        assert [c["given_id"] for c in store.iter_named_copies()] == ["ani-mirror-copy"]


def test_an_updated_feed_item_is_stored_as_a_later_version(tmp_path):
    # The outlet added a sentence to the item: both versions are kept and linked, the first
    # under its id, the later under that id with its content hash appended.
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "item-7", "title": "Arrests", "text": PROSE}) + "\n")
    db = str(tmp_path / "n.db")
    _run("ingest", str(path), "--db", db)
    updated = PROSE + " Twelve of them were released on bail on Wednesday."
    path.write_text(json.dumps({"id": "item-7", "title": "Arrests", "text": updated}) + "\n")
    assert _run("ingest", str(path), "--db", db, "--strict").exit_code == 1  # refused
    result = _run("ingest", str(path), "--db", db, "--strict", "--revisions")
    assert result.exit_code == 0
    assert "later version of a stored article" in " ".join(result.stdout.split())
    rows = {
        r["id"]: r
        for r in map(json.loads, _run("export", "articles", "--db", db).stdout.splitlines())
    }
    [later] = [r for r in rows.values() if r["revision_of"]]
    assert (later["id"], later["revision_of"], later["text"]) == ("item-7-v2", "item-7", updated)
    assert rows["item-7"]["text"] == PROSE and rows["item-7"]["revision_of"] is None
    shown = json.loads(_run("article", "item-7", "--db", db, "--json").stdout)
    assert shown["revisions"] == [later["id"]]
    text = " ".join(_run("article", later["id"], "--db", db).stdout.split())
    assert "a later version of item-7" in text


def test_migration_0017_adds_revision_of_and_goes_down_and_up(tmp_path):
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    with Store(db) as store:
        downgrade(store, "0016_duplicate_ids")
        assert "revision_of" not in {
            c["name"] for c in inspect(store.engine).get_columns("articles")
        }
        store.migrate()
        assert all(a["revision_of"] is None for a in store.iter_articles())
