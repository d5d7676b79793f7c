"""The BBC place dev set (tests/data/places/bbc_places.jsonl): offsets, no text, and joined
to the BBC corpus of ../shared by file path and text hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.evaluate.places import read_gold

GOLD = Path(__file__).parent / "data" / "places" / "bbc_places.jsonl"


def test_the_bbc_gold_file_holds_offsets_and_no_text() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 40 and all("text" not in row and row["text_sha1"] for row in rows)
    assert all(row["id"].startswith("bbc/") for row in rows)
    for row in rows:
        for t in row["toponyms"]:
            assert t["end"] > t["start"] and t["lat"] is not None and t["lon"] is not None


def test_the_bbc_gold_joins_the_corpus_files_by_path_and_hash(shared) -> None:
    records = read_gold(GOLD, shared / "corpus")
    assert len(records) == 40  # every file is there and its SHA-1 is the annotated one's
    for record in records:
        for t in record["toponyms"]:
            assert record["text"][t["start"] : t["end"]] == t["name"]


def test_a_text_that_changed_is_an_error(shared, tmp_path) -> None:
    row = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    changed = tmp_path / "gold.jsonl"
    changed.write_text(json.dumps({**row, "text_sha1": "0" * 40}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not the annotated text"):
        read_gold(changed, shared / "corpus")
