"""Nothing lost, nothing half-done: killed ingests resume, concurrent runs never collide.

The kill tests are a small run of ``tools/crash_test.py`` (the full run: 20 kills on SQLite,
5 on PostgreSQL, see the README). They start real ``newsfuse ingest`` processes and kill
them with SIGKILL, so they are slow-ish; their inputs stay small.
"""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.stage import cluster_new_articles
from newsfuse.doctor import doctor
from newsfuse.ingest import IngestReport, finish_pending, ingest_documents, ingest_paths
from newsfuse.model import RawDocument
from newsfuse.store import Store
from newsfuse.store.schema import articles, events, stories

from .conftest import EXAMPLES, REPO

SPEC = importlib.util.spec_from_file_location("crash_test", REPO / "tools" / "crash_test.py")
crash_test = importlib.util.module_from_spec(SPEC)
sys.modules["crash_test"] = crash_test  # its dataclasses look their module up
SPEC.loader.exec_module(crash_test)

BODY = (
    "The ministry said the talks would resume next week in Geneva, officials from both sides"
    " confirmed on Monday after a long meeting. Diplomats said the agreement covered border"
    " crossings and trade routes along the frontier."
)


def _input(shared_or_none: Path | None, tmp_path: Path, limit: int) -> Path:
    corpus = shared_or_none / "corpus" / "bbc" if shared_or_none else EXAMPLES
    return crash_test.make_input(corpus, limit, tmp_path / "input")


@pytest.fixture
def corpus_dir() -> Path | None:
    shared = REPO.parent / "shared"
    return shared if (shared / "corpus" / "bbc").is_dir() else None


# -- the state machine, in process ------------------------------------------------------


def _doc(n: int) -> RawDocument:
    text = f"Armenia and Azerbaijan agreed to talks on day {n}, the ministry said. " + BODY
    return RawDocument(f"doc{n}.json", "text", text, {"id": f"doc{n}", "published": "2025-03-04"})


def test_stored_articles_are_pending_until_annotated_and_then_finished(store):
    ingest_documents([_doc(1), _doc(2)], store, annotate=False)
    with store.engine.begin() as conn:  # as a run killed after storing would leave them
        conn.execute(articles.update().values(pending="annotate"))
    assert store.health().pending == ["doc1", "doc2"]
    report = IngestReport()
    assert finish_pending(store, report) == 2
    health = store.health()
    assert health.pending == [] and health.never_annotated == []
    with store.engine.connect() as conn:
        assert conn.execute(events.select()).first() is not None
    assert finish_pending(store, IngestReport()) == 0  # nothing left: nothing redone


def test_a_finished_article_is_not_overwritten_by_a_late_run(store):
    ingest_documents([_doc(1)], store)
    from newsfuse.annotate.stage import annotate_articles

    late = next(iter(annotate_articles([store.load_article("doc1")])))
    assert store.save_analysis(late, only_if_pending=True) is False  # it is done already
    assert store.save_analysis(late) is True  # an explicit re-annotation does write


def test_doctor_reports_and_repairs(store):
    ingest_documents([_doc(1), _doc(2), _doc(3)], store, cluster=True)
    with store.engine.begin() as conn:
        conn.execute(articles.update().where(articles.c.id == "doc2").values(pending="annotate"))
        conn.execute(stories.update().values(articles=99))  # a summary gone stale
    before = store.health()
    assert before.unfinished and before.pending == ["doc2"] and before.stale_stories
    result = doctor(store, repair=True)
    assert result["repaired"]["annotated"] == 1
    assert not store.health().unfinished
    assert result["story_configs"] == [result["shipped_config"]] and result["notes"] == []


def test_doctor_names_the_configurations_that_made_the_stories(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Store(url) as store:
        ingest_documents([_doc(1)], store, annotate=False, cluster=False)
        cluster_new_articles(store, ClusterConfig(name="older-test"))
    run = subprocess.run(
        [sys.executable, "-m", "newsfuse", "doctor", "--db", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "older-test" in run.stdout and "--rebuild" in run.stdout


def test_annotation_failure_is_a_reject_and_the_run_goes_on(store, monkeypatch):
    import newsfuse.annotate.stage as stage

    real = stage.analyse_doc

    def flaky(article, doc, *args, **kwargs):
        if article.id == "doc2":
            raise ValueError("boom")
        return real(article, doc, *args, **kwargs)

    monkeypatch.setattr(stage, "analyse_doc", flaky)
    report = ingest_documents([_doc(1), _doc(2), _doc(3)], store, cluster=True)
    assert report.annotated == 2 and report.annotate_failed == ["doc2"]
    health = store.health()
    assert [f["id"] for f in health.failed] == ["doc2"]
    assert "ValueError" in health.failed[0]["reason"] and len(health.failed[0]["reason"]) <= 300
    monkeypatch.setattr(stage, "analyse_doc", real)
    doctor(store, repair=True)
    assert not store.health().unfinished
    assert not [r for r in store.iter_rejects() if r["source"].startswith("annotate:")]


def test_a_reader_that_breaks_ends_its_file_with_a_reject(tmp_path, monkeypatch):
    import newsfuse.pipeline as pipeline

    (tmp_path / "a.txt").write_text("Armenia said on Monday. " + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Azerbaijan said on Monday. " + BODY, encoding="utf-8")
    real = pipeline.read_file

    def broken(path, suffix=None):
        if path.endswith("a.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        yield from real(path, suffix)

    monkeypatch.setattr(pipeline, "read_file", broken)
    with Store("sqlite://") as store:
        report = ingest_paths([str(tmp_path)], store, annotate=False)
    assert report.stored == 1 and report.rejected == 1
    assert "nesting too deep" in report.rejects[0].reason


def test_reingesting_a_file_does_not_call_it_a_duplicate_of_itself(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'n.db'}") as store:
        ingest_paths([str(EXAMPLES)], store, annotate=False, cluster=False)
        first = store.counts()["duplicates"]  # the examples hold one real copy
        again = ingest_paths([str(EXAMPLES)], store, annotate=False, cluster=False)
        assert again.stored == 0 and again.duplicates > 0
        assert store.counts()["duplicates"] == first


# -- kills and concurrent processes --------------------------------------------------------


@pytest.mark.slow
def test_killed_ingests_resume_on_sqlite(tmp_path, corpus_dir):
    folder = _input(corpus_dir, tmp_path, 10)
    trials = crash_test.run_trials(
        "sqlite", folder, 3, processes=1, rng=random.Random(7), work=tmp_path, report=print
    )
    assert all(t.comparison.ok for t in trials), [t.line() for t in trials]


@pytest.mark.slow
def test_killed_ingests_resume_on_postgres(tmp_path, corpus_dir, postgres_url):
    folder = _input(corpus_dir, tmp_path, 10)
    trials = crash_test.run_trials(
        "postgres", folder, 2, processes=1, rng=random.Random(8), work=tmp_path, report=print
    )
    assert all(t.comparison.ok for t in trials), [t.line() for t in trials]


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsfuse", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _concurrent(url: str, folders: list[Path], extra: list[list[str]]) -> None:
    runs = [_spawn("ingest", str(f), "--db", url, "--no-annotate", "--json") for f in folders]
    runs += [_spawn(*args, "--db", url) for args in extra]
    for run in runs:
        _out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err[-2000:]
        assert "Traceback" not in err
    with Store(url) as store:
        health = store.health()
        assert health.unclustered == [] and health.stale_stories == []
        total = store.counts()["articles"]
    expected = {p.read_bytes() for f in folders for p in f.iterdir()}
    assert total == len(expected)


def _split(folder: Path, tmp_path: Path, parts: int) -> list[Path]:
    """``parts`` folders, each with its share of ``folder`` and the first file of the next."""
    files = sorted(folder.iterdir())
    out = []
    for k in range(parts):
        dest = tmp_path / f"part{k}"
        dest.mkdir()
        mine = [*files[k::parts], files[(k + 1) % len(files)]]
        for f in mine:
            (dest / f.name).write_bytes(f.read_bytes())
        out.append(dest)
    return out


@pytest.mark.slow
def test_concurrent_ingests_and_cluster_on_sqlite(tmp_path, corpus_dir):
    folders = _split(_input(corpus_dir, tmp_path, 60), tmp_path, 3)
    _concurrent(f"sqlite:///{tmp_path / 'c.db'}", folders, [["cluster"]])


@pytest.mark.slow
def test_concurrent_ingests_and_cluster_on_postgres(tmp_path, corpus_dir, postgres_url):
    folders = _split(_input(corpus_dir, tmp_path, 60), tmp_path, 3)
    _concurrent(postgres_url, folders, [["cluster"]])


def test_doctor_cli_exit_status(tmp_path):
    url = f"sqlite:///{tmp_path / 'd.db'}"
    with Store(url) as store:
        ingest_documents([_doc(1)], store, annotate=False)  # stored, in no story
    run = subprocess.run(
        [sys.executable, "-m", "newsfuse", "doctor", "--db", url, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1 and json.loads(run.stdout)["health"]["unclustered"] == ["doc1"]
    run = subprocess.run(
        [sys.executable, "-m", "newsfuse", "doctor", "--db", url, "--repair"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "nothing unfinished" in run.stdout


def test_reannotating_an_article_refreshes_its_story(store):
    ingest_documents([_doc(1), _doc(2)], store, cluster=True)
    story_id = store.story_ids(["doc1"])["doc1"]
    before = store.story_version(story_id)
    from newsfuse.annotate.stage import annotate_articles

    again = next(iter(annotate_articles([store.load_article("doc1")])))
    assert store.save_analysis(again)
    assert store.story_version(story_id) == before + 1  # its stored fusion is stale now
