"""The batch stage: Parquet written in this process or on Ray Data, loaded into a database,
gives the same database as `newsfuse ingest` on the same files.

Ray starts once for this module (the `local_ray` fixture, ~20 s with the run on it);
its test skips only where Ray is not installed (it is in the dev extra).
"""

from __future__ import annotations

import gzip
import sys

import pytest
from typer.testing import CliRunner

from newsfuse.annotate.stage import annotate_articles
from newsfuse.batch import (
    annotations_from_json,
    annotations_to_json,
    events_from_json,
    events_to_json,
    load_batch,
    process_file,
    run_batch,
)
from newsfuse.cli import app
from newsfuse.errors import MissingDependency
from newsfuse.ingest import ingest_paths
from newsfuse.model import Article
from newsfuse.store import Store

from .conftest import EXAMPLES

runner = CliRunner()

BODY = (
    "Officials said the talks on the border crossings would resume next week in Geneva, after "
    "a long meeting on Monday. Diplomats from both sides said the agreement covered trade "
    "routes along the frontier and the return of displaced families to their villages."
)


def snapshot(store: Store) -> dict:
    """What a run left in the database, without row ids and clocks."""
    articles = {
        r["id"]: {k: v for k, v in r.items() if k != "ingested_at"} for r in store.iter_articles()
    }
    annotations = {
        aid: {key: len(rows) for key, rows in store.get_annotations(aid).items()}
        for aid in articles
    }
    events = sorted(
        (
            e["article_id"],
            e["sentence"],
            e["start"],
            e["event_type"],
            repr(e["source"]),
            repr(e["target"]),
        )
        for e in store.iter_events(include_negated=True)
    )
    members: dict[str, set[str]] = {}
    for article_id, story_id in store.story_ids().items():
        members.setdefault(story_id, set()).add(article_id)
    return {
        "articles": articles,
        "rejects": sorted((r["source"], r["reason"]) for r in store.iter_rejects()),
        "duplicates": sorted((r["source"], r["article_id"]) for r in store.iter_duplicates()),
        "annotations": annotations,
        "events": events,
        "stories": sorted(sorted(m) for m in members.values()),
        "story_ids": store.story_ids(),
    }


def _content(report: dict) -> dict:
    """A run's report without its timings, which no two runs share."""
    return {k: v for k, v in report.items() if k != "stage_seconds"}


def _ingested(paths: list[str]) -> tuple[dict, dict]:
    with Store("sqlite://") as store:
        report = ingest_paths(paths, store)
        return snapshot(store), _content(report.to_dict())


def _batched(paths: list[str], out, **options) -> tuple[dict, dict, dict]:
    summary = run_batch(paths, out, **options)
    with Store("sqlite://") as store:
        report = load_batch(out, store)
        return snapshot(store), _content(report.to_dict()), summary


@pytest.fixture(scope="module")
def ingested() -> tuple[dict, dict]:
    """`ingest_paths([examples/])` into an in-memory database: what a batch must match."""
    return _ingested([str(EXAMPLES)])


@pytest.fixture(scope="module")
def batched_here(tmp_path_factory, ingested) -> tuple[dict, dict, dict]:
    return _batched([str(EXAMPLES)], tmp_path_factory.mktemp("batch-here"), use_ray=False)


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsfuse[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True)
    yield ray
    ray.shutdown()


def test_batch_in_process_gives_the_ingest_database(ingested, batched_here):
    expected, ingest_report = ingested
    got, load_report, summary = batched_here
    assert (summary["files"], summary["articles"], summary["rejects"]) == (5, 7, 1)
    assert load_report == ingest_report
    assert got == expected
    assert len(expected["articles"]) == 6 and len(expected["duplicates"]) == 1
    assert expected["events"] and len(expected["stories"]) == 4


@pytest.mark.slow
def test_batch_on_ray_gives_the_same_database(local_ray, tmp_path, ingested, batched_here):
    got, load_report, summary = _batched([str(EXAMPLES)], tmp_path, use_ray=True)
    assert local_ray.is_initialized()  # run_batch used the running Ray and left it running
    assert (summary["articles"], summary["rejects"], summary["ray"]) == (7, 1, True)
    assert got == batched_here[0] == ingested[0]
    assert load_report == ingested[1]


def test_loading_twice_finds_only_duplicates(batched_here, tmp_path):
    out = tmp_path / "out"
    run_batch([str(EXAMPLES / "harbour-strike.json")], out, use_ray=False)
    with Store("sqlite://") as store:
        first = load_batch(out, store)
        again = load_batch(out, store)
    assert (first.stored, again.stored, again.duplicates) == (1, 0, 1)


def test_missing_ray_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if not installed
    with pytest.raises(MissingDependency, match=r"pip install 'newsfuse\[ray\]'"):
        run_batch([str(EXAMPLES)], tmp_path / "out", use_ray=True)
    assert not (tmp_path / "out").exists()  # it failed before doing any work


def test_bad_files_become_rejects_and_the_rest_goes_on(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "a").mkdir(parents=True)
    (inputs / "b").mkdir()
    (inputs / "a" / "talks.txt").write_text("GENEVA (Reuters) - Armenia and Azerbaijan. " + BODY)
    (inputs / "b" / "talks.txt").write_text("YEREVAN (AFP) - Armenian envoys left. " + BODY)
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "empty.txt").write_text("")
    (inputs / "cut.txt.gz").write_bytes(gzip.compress(b"GENEVA talks " * 200)[:40])
    (inputs / "copy.txt").write_text("GENEVA (Reuters) - Armenia and Azerbaijan. " + BODY)
    paths = [str(inputs), str(tmp_path / "missing.txt")]

    rows = process_file(str(inputs / "binary.txt"))
    assert [r["kind"] for r in rows] == ["reject"] and rows[0]["reason"]

    got, load_report, summary = _batched(paths, tmp_path / "out", use_ray=False)
    assert summary["articles"] == 3  # two talks.txt and the copy
    assert summary["rejects"] == 4  # binary, empty, truncated gzip, missing path
    expected, ingest_report = _ingested(paths)
    assert load_report == ingest_report
    assert got == expected
    # the second talks.txt has the same file-name id with other text: renamed, as ingest does
    assert len(got["articles"]) == 2 and len(got["duplicates"]) == 1
    assert any(i.startswith("talks-") for i in got["articles"])


def test_annotations_and_events_survive_json():
    text = (
        "KYIV, March 4 (AFP) - Russian forces shelled Kharkiv on Tuesday, killing 3 civilians, "
        "and more than 10,000 North Korean soldiers were deployed to Kursk, officials said. "
        "Ukraine demanded new sanctions against Moscow."
    )
    article = Article(id="a", source="a.txt", text=text, content_hash="h", published="2025-03-04")
    (analysis,) = annotate_articles([article])
    assert analysis.events and analysis.annotations.quantities
    assert annotations_from_json(annotations_to_json(analysis.annotations)) == analysis.annotations
    assert events_from_json(events_to_json(analysis.events)) == analysis.events


def test_cli_batch_and_batch_load(tmp_path):
    out, db = tmp_path / "out", tmp_path / "news.db"
    result = runner.invoke(
        app, ["batch", str(EXAMPLES), "--out", str(out), "--no-ray", "--db", str(db), "--load"]
    )
    assert result.exit_code == 0, result.output
    assert "7 articles, 1 rejects" in result.output and "6 stored" in result.output
    result = runner.invoke(app, ["batch-load", str(out), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert '"duplicates": 7' in result.output
    result = runner.invoke(app, ["batch-load", str(tmp_path / "nothing"), "--db", str(db)])
    assert result.exit_code == 1 and "run `newsfuse batch` first" in result.output
