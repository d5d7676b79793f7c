"""Storylines: stories about one developing situation, linked over weeks and months."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.cluster.features import day_number, features
from newsfuse.cluster.storylines import StorylineConfig, digest_story, link_storylines
from newsfuse.ingest import ingest_paths
from newsfuse.store import Store
from newsfuse.web import create_app

from .conftest import EXAMPLES

TALKS = (
    "Armenia and Azerbaijan agree to resume frontier talks",
    "Armenia and Azerbaijan agreed on Tuesday to resume talks on marking their frontier, "
    "after a clash near the village of Sotk; their foreign ministers met in Geneva and "
    "will send delegations to a border commission.",
)
COMMISSION = (
    "Armenian and Azerbaijani border commissions meet",
    "The border commissions of Armenia and Azerbaijan met near Ijevan and agreed to begin "
    "marking the frontier in May, the first session since the foreign ministers agreed "
    "to resume frontier talks.",
)
STRIKE = (
    "Harbour workers strike over pay",
    "Dock workers at the city's harbour walked out on Wednesday over pay, halting the "
    "loading of container ships; the union said the strike would last three days.",
)


def _story(story_id: str, text: tuple[str, str], published: str):
    return digest_story(story_id, [features(story_id + "-a", *text, published)])


def test_a_follow_up_joins_the_storyline_and_other_news_does_not():
    stories = [
        _story("talks", TALKS, "2025-03-04"),
        _story("strike", STRIKE, "2025-03-05"),
        _story("commission", COMMISSION, "2025-03-21"),
    ]
    line_of = link_storylines(stories)
    assert line_of["commission"] == line_of["talks"] != line_of["strike"]
    assert link_storylines(list(reversed(stories))) == line_of  # order of input: no matter


def test_a_storyline_silent_too_long_is_closed():
    config = StorylineConfig(max_gap_days=30)
    stories = [_story("talks", TALKS, "2025-03-04"), _story("commission", COMMISSION, "2025-06-21")]
    line_of = link_storylines(stories, config)
    assert line_of["talks"] != line_of["commission"]
    assert stories[0].first_day == day_number("2025-03-04")


def test_examples_make_one_storyline_of_two_stories(store):
    ingest_paths([str(EXAMPLES)], store)
    lines = list(store.iter_storylines())
    assert len(lines) == 1 and lines[0]["stories"] == 2 and lines[0]["articles"] == 4
    line = store.get_storyline("frontier-commission")  # an article's id finds it too
    assert [s["title"][:30] for s in line["stories"]] == [
        "Armenia and Azerbaijan agree t",
        "Armenian and Azerbaijani borde",
    ]
    assert store.get_storyline(line["stories"][0]["id"])["id"] == lines[0]["id"]
    assert {s["storyline_id"] for s in store.iter_stories()} >= {lines[0]["id"]}
    assert len({s["storyline_id"] for s in store.iter_stories()}) == 3


def test_cli_and_web_show_the_storyline(tmp_path):
    db = str(tmp_path / "n.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["storylines", "--db", db, "--json"]).stdout)
    assert [(r["stories"], r["articles"]) for r in listed] == [(2, 4)]
    shown = runner.invoke(app, ["storyline", "frontier-wire", "--db", db, "--json"])
    line = json.loads(shown.stdout)
    assert line["id"] == listed[0]["id"] and line["story_count"] == 2
    assert any(e["event"] == "AGREE" for e in line["stories"][0]["events"])
    assert [t["date"] for t in line["timeline"]] == sorted(t["date"] for t in line["timeline"])
    missing = runner.invoke(app, ["storyline", "nope", "--db", db])
    assert missing.exit_code != 0 and "newsfuse storylines" in missing.output
    with Store(db) as store, TestClient(create_app(store)) as client:
        assert client.get("/storylines.json").json()["items"] == listed
        assert client.get("/api/storylines").json() == client.get("/storylines.json").json()
        assert client.get(f"/storylines/{line['id']}.json").json() == line
        assert client.get(f"/api/storylines/{line['id']}").json() == line
        assert client.get("/api/alerts").json() == client.get("/alerts.json").json()
        page = client.get(f"/storylines/{line['id']}").text
        assert "Armenian and Azerbaijani border commissions meet" in page and "AGREE" in page
        story = client.get(f"/stories/{line['stories'][0]['id']}").text
        assert f'href="/storylines/{line["id"]}"' in story
        assert "Storylines" in client.get("/storylines").text
