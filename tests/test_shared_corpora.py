"""Ingest on the reference data in ../shared (skipped where it is absent)."""

from __future__ import annotations

import json

import pytest

from newsfuse.ingest import ingest_paths


def _lines(spec) -> set[int]:
    out: set[int] = set()
    for item in spec:
        if isinstance(item, list):
            out.update(range(item[0], item[1] + 1))
        else:
            out.add(item)
    return out


@pytest.fixture
def seeds_gold(shared):
    return json.loads((shared / "eval" / "seeds-gold.json").read_text())


def test_seed_metadata_as_gold(shared, seeds_gold, store):
    report = ingest_paths([str(shared / "seeds")], store)
    assert report.stored == 2
    for name, gold in seeds_gold["articles"].items():
        article = store.get_article(name.removesuffix(".txt"))
        assert article["outlet"] == gold["outlet"], name
        assert article["agency"] == gold["agency"], name
        assert article["title"] == gold["title"], name
        assert (article["published"] or "")[:10] == gold["published"], name
        assert article["dateline_place"] == gold["dateline_place"], name
        assert article["dateline_country"] == gold["dateline_country"], name


def test_seed_body_keeps_body_lines_and_drops_boilerplate(shared, seeds_gold, store):
    ingest_paths([str(shared / "seeds")], store)
    name = "000_b3b757cc68dba14e.txt"
    gold = seeds_gold["articles"][name]
    lines = (shared / "seeds" / name).read_text().split("\n")
    body = store.get_article(name.removesuffix(".txt"))["text"]
    for number in _lines(gold["body_lines"]):
        line = lines[number - 1].strip()
        if line:
            assert line in body, f"body line {number} lost"
    for number in _lines(gold["boilerplate_lines"]):
        line = lines[number - 1].strip()
        assert line and line not in body, f"boilerplate line {number} kept"
    for trap in gold["boilerplate_traps"]:
        assert trap not in body
    ani = store.get_article("001_e2ad815596802153")
    assert ani["text"].startswith(
        "Washington DC [US], December 16 (ANI):\n\nForeign Ministers and representatives of"
    )
    assert gold["title"] not in body


def test_news_cluster_every_file_accounted_for(shared, store):
    folder = shared / "eval" / "news_cluster"
    files = sorted(folder.glob("*.json"))
    assert len(files) == 383
    report = ingest_paths([str(folder)], store, annotate=False)
    assert report.stored + report.duplicates + report.rejected == 383
    sources = {a["source"] for a in store.iter_articles()}
    sources |= {d["source"] for d in report.duplicate_of}
    sources |= {r.source for r in report.rejects}
    assert sources == {str(f) for f in files}
    for article in store.iter_articles():
        assert article["outlet"] and article["title"] and article["url"], article["id"]
    for reject in report.rejects:
        assert "no article text" in reject.reason or "furniture" in reject.reason, reject
    again = ingest_paths([str(folder)], store, annotate=False)
    assert again.stored == 0
    assert again.duplicates + again.rejected == 383


def test_reuters_file_with_invalid_utf8_is_read_and_says_so(shared, store):
    path = shared / "corpus" / "reuters21578" / "17.sgm"
    report = ingest_paths([str(path)], store, annotate=False)
    assert report.stored > 850
    assert any("not valid UTF-8" in note and "decoded" in note for note in report.notes)
    for reject in report.rejects:  # title-only briefs and one-line results tables
        assert "no body text" in reject.reason or "no article text left" in reject.reason
