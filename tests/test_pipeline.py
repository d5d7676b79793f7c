"""The pipeline's one runner: a stage failing on one document is a reject naming the stage,
the run goes on, new articles are clustered once at the end of every run, and the
Parquet sink replayed into the database gives what the database sink gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfuse.annotate.stage as annotate_stage
import newsfuse.pipeline as pipeline
from newsfuse.batch import load_batch, run_batch
from newsfuse.clean import clean_document
from newsfuse.doctor import doctor
from newsfuse.ingest import ingest_documents, ingest_paths
from newsfuse.model import Analysis, Annotations, Article, Event, RawDocument, Reject
from newsfuse.pipeline import CLEAN, STAGES, Kept, Refused, Stage, run_pipeline
from newsfuse.sinks import StoreSink
from newsfuse.store import Store
from newsfuse.store.schema import articles

from .conftest import EXAMPLES

BODY = (
    "The ministry said the talks would resume next week in Geneva, officials from both sides"
    " confirmed on Monday after a long meeting. Diplomats said the agreement covered border"
    " crossings and trade routes along the frontier."
)


def _doc(n: int) -> RawDocument:
    text = f"Armenia and Azerbaijan agreed to talks on day {n}, the ministry said. " + BODY
    return RawDocument(f"doc{n}.json", "text", text, {"id": f"doc{n}", "published": "2025-03-04"})


def test_the_stages_are_named_in_order():
    assert [s.name for s in STAGES] == ["read", "clean", "annotate+code", "cluster"]


def test_a_stage_that_raises_on_one_document_is_a_reject_naming_it(store, monkeypatch):
    def flaky(raw: RawDocument) -> Article | Reject:
        if raw.source == "doc2.json":
            raise KeyError("boom")
        return clean_document(raw)

    monkeypatch.setattr(pipeline, "CLEAN", Stage("clean", flaky, CLEAN.reads, CLEAN.writes))
    report = ingest_documents([_doc(1), _doc(2), _doc(3)], store, annotate=False)
    assert report.stored_ids == ["doc1", "doc3"] and report.rejected == 1
    (reject,) = report.rejects
    assert reject.source == "doc2.json"
    assert reject.reason.startswith("the clean stage failed on this input (KeyError")
    assert [r["source"] for r in store.iter_rejects()] == ["doc2.json"]  # stored too


def test_a_stage_that_breaks_its_contract_is_named(store, monkeypatch):
    def wrong(raw: RawDocument) -> object:
        return None if raw.source == "doc1.json" else clean_document(raw)

    monkeypatch.setattr(pipeline, "CLEAN", Stage("clean", wrong, CLEAN.reads, CLEAN.writes))
    report = ingest_documents([_doc(1), _doc(2)], store, annotate=False)
    assert report.stored_ids == ["doc2"]
    assert "stage 'clean' must return Article or Reject, returned NoneType" in (
        report.rejects[0].reason
    )


def test_an_annotation_failure_names_the_stage_and_the_rest_is_annotated(store, monkeypatch):
    real = annotate_stage.analyse_doc

    def flaky(article, doc, *args, **kwargs):
        if article.id == "doc2":
            raise ValueError("boom")
        return real(article, doc, *args, **kwargs)

    monkeypatch.setattr(annotate_stage, "analyse_doc", flaky)
    report = ingest_documents([_doc(1), _doc(2), _doc(3)], store)
    assert (report.stored, report.annotated, report.annotate_failed) == (3, 2, ["doc2"])
    (failed,) = store.health().failed
    assert failed["reason"].startswith("the annotate+code stage failed on this input (ValueError")


@pytest.fixture
def cluster_calls(monkeypatch) -> list[Store]:
    """Every call of the cluster stage, which still does its work."""
    calls: list[Store] = []
    real = pipeline.CLUSTER

    def counted(store: Store, config=None):
        calls.append(store)
        return real.func(store, config)

    monkeypatch.setattr(pipeline, "CLUSTER", Stage("cluster", counted, real.reads, real.writes))
    return calls


def test_every_run_clusters_once_at_its_end(store, cluster_calls, tmp_path):
    ingest_documents([_doc(1), _doc(2)], store, annotate=False)  # no clustering asked
    assert cluster_calls == []
    with store.engine.begin() as conn:  # as a run killed after storing would leave them
        conn.execute(articles.update().values(pending="annotate"))
    report = ingest_paths([str(EXAMPLES)], store)  # finishes doc1, doc2, then the examples
    assert cluster_calls == [store]
    assert report.recovered == 2 and report.clustering["articles"] == report.stored + 2
    assert not store.health().unfinished

    out = tmp_path / "batch"
    run_batch([str(EXAMPLES / "harbour-strike.json")], out, use_ray=False)
    assert len(cluster_calls) == 1  # writing Parquet clusters nothing
    with Store("sqlite://") as other:
        load_batch(out, other)
        doctor(other, repair=True)
    assert len(cluster_calls) == 3


def test_the_runner_takes_the_cluster_configuration(store):
    from newsfuse.cluster.config import ClusterConfig

    config = ClusterConfig(name="pipeline-test")
    report = run_pipeline(
        [_doc(1), _doc(2)], StoreSink(store), annotate=False, cluster_config=config
    )
    assert report.clustering["articles"] == 2 and report.clustering["config"] == "pipeline-test"


def _snapshot(store: Store) -> dict:
    return {
        "articles": sorted(r["id"] for r in store.iter_articles()),
        "failed": store.health().failed,
        "rejects": sorted((r["source"], r["reason"]) for r in store.iter_rejects()),
        "stories": sorted(store.story_ids()),
    }


def test_an_annotation_failure_in_a_batch_is_loaded_as_ingest_stores_it(tmp_path, monkeypatch):
    real = annotate_stage.analyse_doc

    def flaky(article, doc, *args, **kwargs):
        if article.id == "doc2":
            raise ValueError("boom")
        return real(article, doc, *args, **kwargs)

    monkeypatch.setattr(annotate_stage, "analyse_doc", flaky)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in (1, 2, 3):
        (inputs / f"doc{n}.txt").write_text(
            f"Armenia and Azerbaijan agreed to talks on day {n}. " + BODY, encoding="utf-8"
        )
    paths = [str(inputs)]
    summary = run_batch(paths, tmp_path / "out", use_ray=False)
    assert (summary["articles"], summary["rejects"]) == (3, 0)
    with Store("sqlite://") as loaded, Store("sqlite://") as ingested:
        loaded_report = load_batch(tmp_path / "out", loaded)
        ingest_report = ingest_paths(paths, ingested)
        assert loaded_report.annotate_failed == ingest_report.annotate_failed == ["doc2"]
        assert _snapshot(loaded) == _snapshot(ingested)
        assert _snapshot(loaded)["failed"][0]["reason"].startswith("the annotate+code stage")


def test_the_stage_order_is_written_in_the_pipeline_only():
    """No other module drives the stages: they call the runner."""
    package = Path(pipeline.__file__).parent
    drivers = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "cluster_new_articles(" in path.read_text(encoding="utf-8")
        or "AnnotationPool(" in path.read_text(encoding="utf-8")
    }
    # the cluster stage itself, the annotate stage's pool, the runner, `newsfuse cluster`
    assert drivers == {"cluster/stage.py", "annotate/stage.py", "pipeline.py", "cli/ingest.py"}


def test_a_chunk_is_stored_in_one_go_and_a_refused_row_fails_only_its_article(store):
    """The sink stores a chunk's analyses in one transaction; when the database refuses
    one article's rows (here an event without its sentence: NOT NULL), the others are
    still stored."""

    def article(n: int) -> Article:
        text = f"Talks number {n} on the river dam resumed in Vienna on Monday, envoys said."
        return Article(id=f"a{n}", source=f"a{n}.txt", text=text, content_hash=f"h{n}")

    for n in (1, 2, 3):
        store.add_article(article(n), pending=True)
    good = Event("CONSULT", "resumed", "Talks resumed")
    bad = Event("CONSULT", "resumed", "Talks resumed", sentence=None)  # type: ignore[arg-type]
    pairs = [
        (Kept(article(n)), Analysis(Annotations(f"a{n}", sentences=((0, 10),)), (event,)))
        for n, event in ((1, good), (2, bad), (3, good))
    ]
    outcomes = StoreSink(store).analyses(pairs)
    assert outcomes[0] is True and outcomes[2] is True and isinstance(outcomes[1], Refused)
    assert len(list(store.iter_events(article_id="a1"))) == 1
    assert not list(store.iter_events(article_id="a2"))
    assert StoreSink(store).analyses(pairs[:1]) == [False]  # done already: not pending
