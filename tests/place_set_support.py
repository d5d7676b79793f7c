"""Checks every hand-judged place set shares: the committed file holds offsets, not text,
and once joined to its texts every span is the name it says."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app


def assert_offsets_and_no_text(gold: Path, articles: int, id_prefix: str) -> None:
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == articles and all("text" not in row and row["text_sha1"] for row in rows)
    assert all(row["id"].startswith(id_prefix) for row in rows)
    for row in rows:
        for t in row["toponyms"]:
            assert t["end"] > t["start"] and t["lat"] is not None and t["lon"] is not None


def assert_spans_name_their_toponyms(records: list[dict]) -> None:
    for record in records:
        for t in record["toponyms"]:
            assert record["text"][t["start"] : t["end"]] == t["name"]


def eval_one_article(gold: Path, line: int, texts: Path, tmp_path: Path) -> dict:
    """`newsfuse eval places` on one line of a place set, its texts from ``texts``: the
    tune half's figures (the one article sits at position 0, a tune position)."""
    one = tmp_path / "one.jsonl"
    one.write_text(gold.read_text(encoding="utf-8").splitlines()[line] + "\n", encoding="utf-8")
    args = ["eval", "places", str(one), "--texts", str(texts), "--half", "tune", "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["halves"]["tune"]
