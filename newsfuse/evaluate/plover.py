"""Event coding against PLOVER gold records: ``newsfuse eval plover FILE.jsonl``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfuse.events.scoring import read_plover_jsonl, record_errors, score_plover


def predict(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Our coder's PLOVER-shaped events for each gold record's text."""
    from newsfuse.events.stage import code_sentence

    predictions = []
    for record in records:
        date = record.get("date") or None
        events = code_sentence(record["text"], date)
        predictions.append([e.to_plover() for e in events if not e.negated])
    return predictions


def evaluate_plover(path: str | Path, errors: bool = False) -> dict[str, Any]:
    """Scores of our coder on the gold records in ``path``; with ``errors``, also each
    record's misses under ``"errors"`` (see :func:`~newsfuse.events.scoring.record_errors`)."""
    gold = read_plover_jsonl(path)
    predicted = predict(gold)
    result = score_plover(gold, predicted)
    if errors:
        result["errors"] = record_errors(gold, predicted)
    return result
