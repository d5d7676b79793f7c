"""The BBC place dev set (tests/data/places/bbc_places.jsonl): offsets, no text, and joined
to the BBC corpus of ../shared by file path and text hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.evaluate.places import evaluate_places, read_gold

from .place_set_support import (
    assert_offsets_and_no_text,
    assert_spans_name_their_toponyms,
    eval_one_article,
)

GOLD = Path(__file__).parent / "data" / "places" / "bbc_places.jsonl"


def test_the_bbc_gold_file_holds_offsets_and_no_text() -> None:
    assert_offsets_and_no_text(GOLD, 40, "bbc/")


def test_the_bbc_gold_joins_the_corpus_files_by_path_and_hash(shared) -> None:
    records = read_gold(GOLD, shared / "corpus")
    assert len(records) == 40  # every file is there and its SHA-1 is the annotated one's
    assert_spans_name_their_toponyms(records)


def test_a_text_that_changed_is_an_error(shared, tmp_path) -> None:
    row = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    changed = tmp_path / "gold.jsonl"
    changed.write_text(json.dumps({**row, "text_sha1": "0" * 40}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not the annotated text"):
        read_gold(changed, shared / "corpus")


def test_eval_places_takes_a_corpus_directory_as_texts(shared, tmp_path) -> None:
    assert eval_one_article(GOLD, 6, shared / "corpus", tmp_path)["articles"] == 1


BBC_CHECK_FLOOR = {"recall": 0.88, "precision": 0.90, "acc161": 0.83}
"""The BBC dev set's CHECK half a little under the figures measured when the set was made
(main at df35d44, the labels committed before the geoparser ran on them): tune 0.887 /
0.940 / 0.910, check 0.921 / 0.905 / 0.853 (precision / recall / acc@161 over all gold
toponyms, title-line toponyms counted as missed: ingest takes the title line out of the
text it annotates)."""


@pytest.mark.slow
def test_bbc_check_half_quality_gate(shared) -> None:
    check = evaluate_places(GOLD, half="check", texts=shared / "corpus")["halves"]["check"]
    assert check["toponyms"]["recall"] >= BBC_CHECK_FLOOR["recall"]
    assert check["precision"] >= BBC_CHECK_FLOOR["precision"]
    assert check["toponyms"]["acc161"] >= BBC_CHECK_FLOOR["acc161"]


def test_a_corpus_file_not_in_utf8_is_decoded_as_ingest_decodes_it(tmp_path):
    import hashlib
    import json

    from newsfuse.evaluate.places import read_gold

    raw = "Fans in Leeds paid \xa315 a ticket.".encode("cp1252")
    (tmp_path / "bbc").mkdir()
    (tmp_path / "bbc" / "1.txt").write_bytes(raw)
    text = "Fans in Leeds paid £15 a ticket."
    gold = {"id": "bbc/1.txt", "text_sha1": hashlib.sha1(text.encode()).hexdigest(),
            "toponyms": []}  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    assert read_gold(path, tmp_path)[0]["text"] == text
    path.write_text(json.dumps(dict(gold, id="bbc/2.txt")) + "\n")  # no such file
    result = CliRunner().invoke(app, ["eval", "places", str(path), "--texts", str(tmp_path)])
    assert result.exit_code != 0 and "Traceback" not in result.output
