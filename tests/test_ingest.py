"""Ingest end to end on real files: idempotence, duplicates, rejects, nothing lost."""

from __future__ import annotations

import json
import shutil

from newsfuse.ingest import ingest_paths

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


def test_explicit_id_is_kept_and_a_later_version_is_stored_beside_it(tmp_path, store):
    path = tmp_path / "a.jsonl"
    body = (
        "The council voted on Monday to extend the ferry service to the islands for another year."
    )
    path.write_text(json.dumps({"id": "my-id", "title": "Ferry", "text": body}) + "\n")
    assert ingest_paths([str(path)], store).stored_ids == ["my-id"]
    # the outlet updated the piece: same id, other text
    path.write_text(
        json.dumps({"id": "my-id", "title": "Ferry", "text": body + " Fares stay the same."}) + "\n"
    )
    report = ingest_paths([str(path)], store)
    assert report.rejected == 0 and report.stored == 1
    (new_id,) = report.stored_ids
    assert new_id.startswith("my-id-") and report.revisions == [{"id": new_id, "of": "my-id"}]
    first = store.get_article("my-id")
    assert first["text"] == body and first["revisions"] == [new_id]
    later = store.get_article(new_id)
    assert later["revision_of"] == "my-id" and later["text"].endswith("Fares stay the same.")
    assert any("later version of article 'my-id'" in n for n in later["notes"])
    # reading either version again stores nothing
    again = ingest_paths([str(path)], store)
    assert again.stored == 0 and again.duplicates == 1 and not again.revisions
