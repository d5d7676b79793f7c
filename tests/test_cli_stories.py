"""The story commands: stories, story, cluster, export with story ids, eval clusters."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsfuse.cli import app

from .conftest import EXAMPLES
from .test_cluster import FLOOD_A, FLOOD_B, STRIKE_A, STRIKE_B

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_stories_and_story_on_the_examples(tmp_path):
    db = str(tmp_path / "n.db")
    assert _run("ingest", str(EXAMPLES), "--db", db).exit_code == 0
    stories = json.loads(_run("stories", "--db", db, "--json").stdout)
    assert stories and all(isinstance(s["actors"], list) for s in stories)
    first = stories[0]
    shown = json.loads(_run("story", first["id"], "--db", db, "--json").stdout)
    assert shown["independent_sources"] == first["independent_sources"]
    assert {"articles", "sources", "events", "claims", "coverage"} <= set(shown)
    table = _run("story", first["id"], "--db", db)
    assert table.exit_code == 0 and "Sources" in table.stdout
    missing = runner.invoke(app, ["story", "nope", "--db", db])
    assert missing.exit_code == 1 and "newsfuse stories" in missing.output

    exported = [
        json.loads(line) for line in _run("export", "articles", "--db", db).stdout.splitlines()
    ]
    assert all(row["story_id"] for row in exported)
    assert {row["story_id"] for row in exported} == {s["id"] for s in stories}


def test_cluster_rebuild_gives_the_same_stories(tmp_path):
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db, "--no-cluster")
    assert json.loads(_run("stories", "--db", db, "--json").stdout) == []
    _run("cluster", "--db", db)
    before = {
        s["id"]: s["article_count"]
        for s in json.loads(_run("stories", "--db", db, "--json").stdout)
    }
    report = json.loads(_run("cluster", "--db", db, "--rebuild", "--json").stdout)
    after = {
        s["id"]: s["article_count"]
        for s in json.loads(_run("stories", "--db", db, "--json").stdout)
    }
    assert report["articles"] == sum(before.values()) and before == after


def test_eval_clusters_scores_a_labelled_file(tmp_path):
    path = tmp_path / "labelled.jsonl"
    rows = [
        {"id": "s1", "title": STRIKE_A[0], "text": STRIKE_A[1], "published": "2025-03-04", "gold": {"story": "strike"}},
        {"id": "s2", "title": STRIKE_B[0], "text": STRIKE_B[1], "published": "2025-03-04", "gold": {"story": "strike"}},
        {"id": "f1", "title": FLOOD_A[0], "text": FLOOD_A[1], "published": "2025-03-04", "gold": {"story": "flood"}},
        {"id": "f2", "title": FLOOD_B[0], "text": FLOOD_B[1], "published": "2025-03-05", "gold": {"story": "flood"}},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = json.loads(
        _run("eval", "clusters", str(path), "--label", "gold.story", "--json").stdout
    )
    assert result["items"] == 4 and result["bcubed_f1"] == 1.0
    wrong = runner.invoke(app, ["eval", "clusters", str(path), "--label", "nothing.here"])
    assert wrong.exit_code == 1 and "--label" in wrong.output


def test_export_events_and_stories_in_every_format(tmp_path):
    import csv
    import io

    import pyarrow.parquet as pq

    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    stories = [json.loads(x) for x in _run("export", "stories", "--db", db).stdout.splitlines()]
    assert {s["id"] for s in stories} == {
        s["id"] for s in json.loads(_run("stories", "--db", db, "--json").stdout)
    }
    frontier = next(s for s in stories if "frontier-wire" in s["article_ids"])
    assert frontier["independent_sources"] == 3 and len(frontier["article_ids"]) == 3
    events = [json.loads(x) for x in _run("export", "events", "--db", db).stdout.splitlines()]
    assert events and all(e["story_id"] and isinstance(e["source"], list) for e in events)
    rows = list(
        csv.DictReader(io.StringIO(_run("export", "events", "--db", db, "--format", "csv").stdout))
    )
    assert len(rows) == len(events) and json.loads(rows[0]["source"]) == events[0]["source"]
    out = tmp_path / "stories.parquet"
    _run("export", "stories", "--db", db, "--format", "parquet", "-o", str(out))
    assert pq.read_table(out).num_rows == len(stories)


def test_one_shared_word_does_not_make_a_story(tmp_path):
    """The examples' harbour strike and harbour festival share only 'harbour'."""
    db = str(tmp_path / "n.db")
    _run("ingest", str(EXAMPLES), "--db", db)
    ids = {
        a["id"]: a["story_id"]
        for a in map(json.loads, _run("export", "articles", "--db", db).stdout.splitlines())
    }
    assert ids["harbour-strike"] != ids["harbour-lights-festival"]


def test_the_frontier_clash_is_one_canonical_event_on_its_own_day(tmp_path):
    """The ANI and Reuters examples both report the clash at the frontier. Reuters'
    soldiers were killed "in an exchange of fire" "on Sunday" (a fight, 2025-03-02); ANI's
    came "two days after a clash in which ... soldiers were killed" (the clash measured
    from ANI's day, 2025-03-04, and the killing its toll, not an act of its own). The
    canonical merge gives one FIGHT, two sources, dated 2025-03-02, with its toll."""
    import sqlite3

    db = tmp_path / "n.db"
    _run("ingest", str(EXAMPLES), "--db", str(db))
    con = sqlite3.connect(db)
    raw = con.execute(
        "SELECT e.article_id, e.date, e.dead FROM events e"
        " WHERE e.event_type IN ('ASSAULT', 'FIGHT')"
    ).fetchall()
    con.close()
    assert {date for _, date, _ in raw} == {"2025-03-02"}  # no clash on a report's day
    assert {dead for _, _, dead in raw} == {3}
    story = json.loads(_run("story", "frontier-wire", "--db", str(db), "--json").stdout)
    assert not [e for e in story["events"] if e["event"] == "ASSAULT"]
    fights = [e for e in story["events"] if e["event"] == "FIGHT"]
    assert fights[0]["date"] == "2025-03-02" and fights[0]["sources"] == ["ani", "reuters"]
    assert fights[0]["dead"] == 3
