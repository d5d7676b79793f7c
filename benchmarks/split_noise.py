"""Is a tune / check gap overfitting or the split? (``eval places``, ``eval magnitudes``)

Rules are chosen looking at the tune half (even lines) of a gold file; the check half is
reported. A large gap can mean the rules fit the tune items, or only that a few items
weighing much (an article with a province the gazetteer points far from the gold's point,
twenty times over) fell on one side. This script tells the two apart with a
permutation test: the items (articles, sentences) are coded once, then split at random
into halves of the same sizes many times, and the gap (tune minus check) of each random split is compared
with the gap of the fixed split. If the fixed gap is no larger than most random gaps, the
split explains it; if it lies in the tail, the tune half is easier for the system than
chance makes it, which is what fitting rules to it looks like.

    .venv/bin/python benchmarks/split_noise.py places ../shared/eval/places/trnews.jsonl
    .venv/bin/python benchmarks/split_noise.py places tests/data/places/gvc_places.jsonl \\
        --texts ../shared/eval/stories/gvc.jsonl
    .venv/bin/python benchmarks/split_noise.py magnitudes \\
        tests/data/magnitudes/corpus_magnitudes.jsonl --texts ../shared/corpus
    .venv/bin/python benchmarks/split_noise.py reports tests/data/events/diplomatic_reports.jsonl

Printed per figure (places: acc@161 over all gold toponyms, recall; magnitudes: the
labelled counts together, the first coded type; reports: the first coded type): the fixed split's gap, the standard
deviation of random gaps and the share of random splits whose gap is at least the fixed
one (the one-sided p-value).
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

from hand_reports import code, load

from newsfuse.evaluate import magnitudes, places

Row = dict[str, tuple[int, int]]
"""One item's (hits, scored) for each figure."""


def place_rows(path: str, texts: str | None) -> list[Row]:
    """Each article's (hits, gold toponyms) for acc@161 and recall."""
    records = places.read_gold(path, texts)
    rows = []
    for record, (article, found) in zip(records, places.predict(records), strict=True):
        score = places.HalfScore()
        places.score_record(record, article, found, score)
        tally = score.toponyms
        rows.append({"acc161": (tally.within, tally.gold), "recall": (tally.found, tally.gold)})
    return rows


def magnitude_rows(path: str, texts: str | None) -> list[Row]:
    """Each sentence's (right, labelled) counts together and (right, 1) first type."""
    if texts is None:
        raise SystemExit("magnitudes: give --texts, the corpus the byte offsets point into")
    records = magnitudes.read_gold(path, texts)
    rows = []
    for record, events in zip(records, magnitudes.predict(records), strict=True):
        judged = magnitudes.score_record(record, events)
        given = [(g, p) for g, p in (judged.get("fields") or {}).values() if g is not None]
        first = judged["types"][:1] == [judged["gold_type"]] if judged["gold_type"] else None
        rows.append(
            {
                "together": (sum(g == p for g, p in given), len(given)),
                "type first": (int(bool(first)), int(first is not None)),
            }
        )
    return rows


def report_rows(path: str, texts: str | None) -> list[Row]:
    """Each hand-written report's (right, 1) first coded type (``violent_reports.jsonl``,
    ``diplomatic_reports.jsonl``: their tune half is the even ids, which :func:`main` takes
    from ``half``)."""
    reports = load(Path(path))
    code(reports)
    return [
        {"first type": (int(r["first"] == r["expected"]), 1), "tune": (r["half"] == "tune", 0)}
        for r in reports
    ]


def gap(rows: list[Row], tune: set[int], name: str) -> float | None:
    """Tune minus check share of hits of figure ``name``."""
    sums = {True: [0, 0], False: [0, 0]}
    for i, row in enumerate(rows):
        hits, scored = row[name]
        sums[i in tune][0] += hits
        sums[i in tune][1] += scored
    if not sums[True][1] or not sums[False][1]:
        return None
    return sums[True][0] / sums[True][1] - sums[False][0] / sums[False][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("places", "magnitudes", "reports"))
    parser.add_argument("path")
    parser.add_argument("--texts", default=None)
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    reader = {"places": place_rows, "magnitudes": magnitude_rows, "reports": report_rows}
    rows = reader[args.kind](args.path, args.texts)
    if args.kind == "reports":  # the tune half is the even ids
        fixed = {i for i, row in enumerate(rows) if row.pop("tune")[0]}
    else:  # even positions: the tune half of eval places and eval magnitudes
        fixed = set(range(0, len(rows), 2))
    rng = random.Random(args.seed)
    indexes = list(range(len(rows)))
    print(f"{args.path}: {len(rows)} items")
    for name in rows[0] if rows else ():
        observed = gap(rows, fixed, name)
        gaps = []
        for _ in range(args.rounds):
            value = gap(rows, set(rng.sample(indexes, len(fixed))), name)
            if value is not None:
                gaps.append(value)
        tail = sum(g >= observed for g in gaps) / len(gaps)
        print(
            f"  {name:10} fixed gap {observed:+.3f}; random splits: sd {statistics.pstdev(gaps):.3f}, "
            f"{tail:.1%} at least as large (one-sided p)"
        )


if __name__ == "__main__":
    main()
