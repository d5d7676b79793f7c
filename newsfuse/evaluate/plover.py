"""Event coding against PLOVER gold records: ``newsfuse eval plover FILE.jsonl``.

**The tune / check split** (:func:`half_of`): records are numbered from 0 in file order;
even positions are the *tune* half, odd positions the *check* half. On
``../shared/eval/plover-dev.jsonl`` (sorted by event type) that gives 81 tune and 80 check
records, every type in both. Rules and models are chosen looking at the tune half only;
the check half is reported as figures, never read record by record, so the gap between the
two halves measures how far the coder was fitted to the sentences it was tuned on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

from newsfuse.events.scoring import (
    confusion_matrix,
    read_plover_jsonl,
    record_errors,
    score_plover,
)

__all__ = [
    "HALVES",
    "Half",
    "evaluate_plover",
    "format_halves",
    "half_of",
    "predict",
    "split",
    "split_noise",
]

Half = Literal["tune", "check", "both", "all"]
HALVES: tuple[str, str] = ("tune", "check")
T = TypeVar("T")


def half_of(position: int) -> str:
    """The half of the record at 0-based ``position`` in file order: even tune, odd check."""
    return "tune" if position % 2 == 0 else "check"


def split(items: Sequence[T]) -> dict[str, list[int]]:
    """Positions of ``items`` (records in file order) in each half: ``{"tune": [0, 2, ...],
    "check": [1, 3, ...]}``. The one place the split is defined."""
    halves: dict[str, list[int]] = {name: [] for name in HALVES}
    for position in range(len(items)):
        halves[half_of(position)].append(position)
    return halves


def predict(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Our coder's PLOVER-shaped events for each gold record's text."""
    from newsfuse.events.stage import code_sentence

    predictions = []
    for record in records:
        date = record.get("date") or None
        events = code_sentence(record["text"], date)
        predictions.append([e.to_plover() for e in events if not e.negated])
    return predictions


def _errors_of(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[Sequence[dict[str, Any]]],
    positions: list[int],
) -> list[dict[str, Any]]:
    """``record_errors`` of the records at ``positions``, indexed by file position, with their half."""
    errors = record_errors([gold[p] for p in positions], [predicted[p] for p in positions])
    for error in errors:
        error["index"] = positions[error["index"]]
        error["half"] = half_of(error["index"])
    return errors


def _gap(tune: Mapping[str, Any], check: Mapping[str, Any]) -> dict[str, float | None]:
    """Tune minus check for macro-F1, micro-F1 and each attribute's accuracy."""
    gap: dict[str, float | None] = {
        "macro_f1": tune["macro_f1"] - check["macro_f1"],
        "micro_f1": tune["micro_f1"] - check["micro_f1"],
    }
    for name, row in tune["attributes"].items():
        a, b = row["accuracy"], check["attributes"][name]["accuracy"]
        gap[name] = None if a is None or b is None else a - b
    return gap


MAGNITUDES = ("dead", "injured", "size")
NOISE_ROUNDS = 200


def _with_magnitudes(score: dict[str, Any]) -> dict[str, Any]:
    """Adds ``attributes["magnitudes"]``: dead, injured and size scored together (the
    records that have any of them; each figure counts once)."""
    rows = [score["attributes"][name] for name in MAGNITUDES if name in score["attributes"]]
    n = sum(r["n"] for r in rows)
    correct = sum(r["correct"] for r in rows)
    score["attributes"]["magnitudes"] = {
        "n": n,
        "correct": correct,
        "accuracy": correct / n if n else None,
    }
    return score


NOISE_ACTOR_FIELDS = ("source_country", "target_country")
"""Actor attributes whose gap from the split alone :func:`split_noise` also measures."""


def split_noise(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[Sequence[dict[str, Any]]],
    rounds: int = NOISE_ROUNDS,
) -> dict[str, Any]:
    """How large a tune - check gap in macro-F1 the split alone makes, with the coder as it
    is: the records of each gold type are halved at random ``rounds`` times (seeded, so
    the figure repeats) and the two halves scored. Returns the standard deviation of the
    gap and the share of splits whose gap exceeds 0.05 either way; the same for source and
    target country under ``actors``. With a few records of a
    type in each half, one record moves a type's F1 a lot; a gap within this noise says
    nothing about overfitting, one far outside it does."""
    import random
    import statistics

    by_type: dict[str, list[int]] = {}
    for position, record in enumerate(gold):
        by_type.setdefault(str(record.get("event")), []).append(position)
    rng = random.Random(12)
    gaps = []
    magnitude_gaps = []
    actor_gaps: dict[str, list[float]] = {name: [] for name in NOISE_ACTOR_FIELDS}
    for _ in range(rounds):
        first: list[int] = []
        second: list[int] = []
        for positions in by_type.values():
            shuffled = rng.sample(positions, len(positions))
            cut = len(shuffled) // 2 + (len(shuffled) % 2 if rng.random() < 0.5 else 0)
            first += shuffled[:cut]
            second += shuffled[cut:]
        a = _with_magnitudes(score_plover([gold[p] for p in first], [predicted[p] for p in first]))
        b = _with_magnitudes(
            score_plover([gold[p] for p in second], [predicted[p] for p in second])
        )
        gaps.append(a["macro_f1"] - b["macro_f1"])
        ma = a["attributes"]["magnitudes"]["accuracy"]
        mb = b["attributes"]["magnitudes"]["accuracy"]
        if ma is not None and mb is not None:
            magnitude_gaps.append(ma - mb)
        for name, found in actor_gaps.items():
            xa, xb = a["attributes"][name]["accuracy"], b["attributes"][name]["accuracy"]
            if xa is not None and xb is not None:
                found.append(xa - xb)
    actors = {
        name: {
            "gap_sd": statistics.pstdev(found),
            "share_over_0.05": sum(abs(g) > 0.05 for g in found) / len(found),
        }
        for name, found in actor_gaps.items()
        if found
    }
    return {
        "actors": actors,
        "rounds": rounds,
        "macro_f1_gap_sd": statistics.pstdev(gaps),
        "share_over_0.05": sum(abs(g) > 0.05 for g in gaps) / rounds,
        "magnitudes_share_over_0.05": (
            sum(abs(g) > 0.05 for g in magnitude_gaps) / len(magnitude_gaps)
            if magnitude_gaps
            else None
        ),
    }


def evaluate_plover(
    path: str | Path, errors: bool = False, half: Half = "both", confusion: bool = False
) -> dict[str, Any]:
    """Scores of our coder on the gold records in ``path``.

    The top level holds :func:`~newsfuse.events.scoring.score_plover` over ALL records (as
    before the split); ``tune`` and ``check`` hold the same figures for each half, ``gap``
    tune minus check. With ``confusion``, each of the three also has ``confusion`` (gold
    type → predicted first type or ``none`` → count). With ``errors``, ``errors`` lists the
    misses (see :func:`~newsfuse.events.scoring.record_errors`; ``index`` is the file
    position, ``half`` its half) of the records ``half`` selects: all of them for ``all``,
    the tune half for ``tune`` and for ``both`` (the check half is a figure, not material
    to read), the check half for ``check``.
    """
    if half not in ("tune", "check", "both", "all"):
        raise ValueError(f"half must be tune, check, both or all, not {half!r}")
    gold = read_plover_jsonl(path)
    predicted = predict(gold)
    result = _with_magnitudes(score_plover(gold, predicted))
    result["half"] = half
    positions = split(gold)
    for name in HALVES:
        part_gold = [gold[p] for p in positions[name]]
        part_predicted = [predicted[p] for p in positions[name]]
        result[name] = _with_magnitudes(score_plover(part_gold, part_predicted))
        if confusion:
            result[name]["confusion"] = confusion_matrix(part_gold, part_predicted)
    result["gap"] = _gap(result["tune"], result["check"])
    result["split_noise"] = split_noise(gold, predicted)
    if confusion:
        result["confusion"] = confusion_matrix(gold, predicted)
    if errors:
        chosen = (
            list(range(len(gold)))
            if half == "all"
            else positions["check" if half == "check" else "tune"]
        )
        result["errors"] = _errors_of(gold, predicted, chosen)
    return result


def _figure(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _signed(value: float | None) -> str:
    return "     -" if value is None else f"{value:+6.3f}"


def format_halves(result: Mapping[str, Any]) -> str:
    """ALL, tune and check side by side with the gap (tune - check): macro/micro-F1, the
    F1 of each type, the accuracy of each attribute (n in brackets)."""
    tune, check = result["tune"], result["check"]
    head = f"{'':<16} {'all':>11} {'tune':>11} {'check':>11} {'gap':>6}"
    lines = [
        f"PLOVER event coding: {result['records']} gold records "
        f"(tune {tune['records']}, check {check['records']}: even / odd positions in the file)",
        "",
        head,
    ]

    def row(label: str, values: list[tuple[float | None, int | None]], gap: float | None) -> str:
        cells = " ".join(
            f"{_figure(v)} {'(' + str(n) + ')' if n is not None else '':>5}" for v, n in values
        )
        return f"{label:<16} {cells} {_signed(gap)}"

    parts = (result, tune, check)
    for key, label in (("macro_f1", "macro-F1"), ("micro_f1", "micro-F1")):
        lines.append(row(label, [(p[key], p["records"]) for p in parts], result["gap"].get(key)))
    noise = result.get("split_noise")
    if noise:
        lines.append(
            f"(the split alone: on {noise['rounds']} random halvings by type the macro-F1 gap "
            f"has sd {noise['macro_f1_gap_sd']:.3f} and exceeds 0.05 in "
            f"{noise['share_over_0.05']:.0%} of them)"
        )
    lines.append("")
    lines.append("F1 by type (gold records in brackets)")
    for name in result["per_type"]:
        values = []
        for p in parts:
            r = p["per_type"].get(name)
            values.append((r["f1"], r["support"]) if r else (None, None))
        gap = None if values[1][0] is None or values[2][0] is None else values[1][0] - values[2][0]
        lines.append(row(name, values, gap))
    lines.append("")
    lines.append("attribute accuracy (records scored in brackets)")
    for name in result["attributes"]:
        values = [(p["attributes"][name]["accuracy"], p["attributes"][name]["n"]) for p in parts]
        lines.append(row(name, values, result["gap"].get(name)))
    for name, figures in (noise or {}).get("actors", {}).items():
        lines.append(
            f"(the split alone: the {name.replace('_', ' ')} gap has sd "
            f"{figures['gap_sd']:.3f} and exceeds 0.05 in {figures['share_over_0.05']:.0%} "
            f"of the {noise['rounds']} halvings)"
        )
    share = (noise or {}).get("magnitudes_share_over_0.05")
    if share is not None:
        lines.append(
            f"(the split alone: of {noise['rounds']} random halvings by type, those with "
            f"magnitude records in both halves gap them by more than 0.05 in {share:.0%})"
        )
    return "\n".join(lines)
