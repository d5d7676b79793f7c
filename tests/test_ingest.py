"""Ingest end to end on real files: idempotence, duplicates, rejects, nothing lost."""

from __future__ import annotations

import json
import shutil

from newsfuse.ingest import ingest_documents, ingest_paths
from newsfuse.model import RawDocument

from .conftest import EXAMPLES


def test_examples_ingest_and_reingest(store):
    first = ingest_paths([str(EXAMPLES)], store)
    assert first.stored == 6
    assert first.duplicates == 1  # the mirrored ANI line
    assert first.rejected == 1  # the truncated line
    assert "not valid JSON" in first.rejects[0].reason
    again = ingest_paths([str(EXAMPLES)], store)
    assert (again.stored, again.duplicates) == (0, 7)
    assert store.counts()["articles"] == 6


def test_same_text_under_another_name_is_a_duplicate(tmp_path, store):
    src = EXAMPLES / "frontier-wire.txt"
    shutil.copy(src, tmp_path / "renamed.txt")
    ingest_paths([str(src)], store)
    report = ingest_paths([str(tmp_path / "renamed.txt")], store)
    assert (report.stored, report.duplicates) == (0, 1)
    assert report.duplicate_of == [
        {"source": str(tmp_path / "renamed.txt"), "article_id": "frontier-wire"}
    ]


def test_bad_input_never_loses_stored_articles(tmp_path, store):
    ingest_paths([str(EXAMPLES / "harbour-strike.json")], store)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.html").write_text("<html><body><div><p>unclosed <b>tags")
    (tmp_path / "furniture.txt").write_text(
        "ADVERTISEMENT\nShare this article\nSubscribe to our newsletter\n"
    )
    report = ingest_paths([str(tmp_path)], store)
    assert report.stored == 0 and report.rejected == 3
    reasons = " ".join(r.reason for r in report.rejects)
    assert "empty" in reasons and "furniture" in reasons
    assert store.counts()["articles"] == 1
    assert store.counts()["rejects"] == 3


def test_explicit_id_is_kept_and_a_later_version_is_refused_or_kept_beside_it(tmp_path, store):
    path = tmp_path / "a.jsonl"
    body = (
        "The council voted on Monday to extend the ferry service to the islands for another year."
    )

    def write(text: str, article_id: str = "my-id") -> None:
        path.write_text(json.dumps({"id": article_id, "title": "Ferry", "text": text}) + "\n")

    write(body)
    assert ingest_paths([str(path)], store).stored_ids == ["my-id"]
    write(body + " Fares stay the same.")  # the outlet updated the piece: same id, other text
    refused = ingest_paths([str(path)], store)
    assert refused.rejected == 1 and "--revisions" in refused.rejects[0].reason
    report = ingest_paths([str(path)], store, revisions=True)
    assert report.rejected == 0 and report.stored_ids == ["my-id-v2"]
    assert report.revisions == [{"id": "my-id-v2", "of": "my-id"}]
    first = store.get_article("my-id")
    assert first["text"] == body and first["revisions"] == ["my-id-v2"]
    later = store.get_article("my-id-v2")
    assert later["revision_of"] == "my-id" and later["text"].endswith("Fares stay the same.")
    assert any("later version of article 'my-id'" in n for n in later["notes"])
    again = ingest_paths([str(path)], store, revisions=True)  # either version again: nothing
    assert again.stored == 0 and again.duplicates == 1 and not again.revisions
    # a third version, and one given under the second's id, are versions of the first
    for n, (article_id, extra) in enumerate(
        [("my-id", " Fares rise."), ("my-id-v2", " Fares fall.")] * 5, start=3
    ):
        write(f"{body}{extra} Update number {n}.", article_id)
        assert ingest_paths([str(path)], store, revisions=True).stored_ids == [f"my-id-v{n}"]
    assert store.get_article("my-id")["revisions"] == [f"my-id-v{n}" for n in range(2, 13)]


def test_a_later_version_of_a_long_id_keeps_a_servable_id(tmp_path, store):
    from newsfuse.clean.ids import MAX_ID_CHARS

    long_id = "x" * (MAX_ID_CHARS - 2)
    for day in ("Monday", "Tuesday"):
        text = f"The council voted on {day} to extend the ferry service to the islands for a year."
        doc = RawDocument("f#1", "text", text, {"id": long_id, "title": "Ferry"})
        assert ingest_documents([doc], store, annotate=False, revisions=True).stored == 1
    [later] = store.get_article(long_id)["revisions"]
    assert len(later) == MAX_ID_CHARS and later.endswith("-v2")
    assert store.get_article(later)["revision_of"] == long_id
