"""Is the tune / check gap of ``newsfuse eval places`` overfitting or the split?

Rules for places are chosen looking at the tune half (even lines) of a gold file; the check
half is reported. A large gap can mean the rules fit the tune articles, or only that a few
articles with many toponyms of one kind (a province the gazetteer points far from the
gold's point, twenty times over) fell on one side. This script tells the two apart with a
permutation test: the articles are coded once, then split at random into halves of the
same sizes many times, and the gap (tune minus check) of each random split is compared
with the gap of the fixed split. If the fixed gap is no larger than most random gaps, the
split explains it; if it lies in the tail, the tune half is easier for the system than
chance makes it, which is what fitting rules to it looks like.

    .venv/bin/python benchmarks/places_split_noise.py ../shared/eval/places/trnews.jsonl
    .venv/bin/python benchmarks/places_split_noise.py tests/data/places/gvc_places.jsonl \\
        --texts ../shared/eval/stories/gvc.jsonl

Printed per figure (acc@161 over all gold toponyms, recall): the fixed split's gap, the
standard deviation of random gaps, the share of random splits whose gap is at least the
fixed one (the one-sided p-value), and the five articles that weigh most on the check
half's misses.
"""

from __future__ import annotations

import argparse
import random
import statistics
from typing import Any

from newsfuse.evaluate.places import HalfScore, half_of, predict, read_gold, score_record

FIGURES = (("acc161", "within"), ("recall", "found"))


def per_article(path: str, texts: str | None) -> list[dict[str, Any]]:
    """Each record's gold toponym count and hits, with its fixed half."""
    records = read_gold(path, texts)
    rows = []
    for n, (record, (article, places)) in enumerate(zip(records, predict(records), strict=True)):
        score = HalfScore()
        score_record(record, article, places, score)
        tally = score.toponyms
        rows.append(
            {
                "id": record.get("id", n),
                "half": half_of(n),
                "gold": tally.gold,
                "within": tally.within,
                "found": tally.found,
            }
        )
    return rows


def gap(rows: list[dict[str, Any]], tune: set[int], key: str) -> float | None:
    """Tune minus check share of ``key`` hits among the gold toponyms of each half."""
    sums = {True: [0, 0], False: [0, 0]}
    for i, row in enumerate(rows):
        sums[i in tune][0] += row[key]
        sums[i in tune][1] += row["gold"]
    if not sums[True][1] or not sums[False][1]:
        return None
    return sums[True][0] / sums[True][1] - sums[False][0] / sums[False][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--texts", default=None)
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows = per_article(args.path, args.texts)
    fixed = {i for i, row in enumerate(rows) if row["half"] == "tune"}
    rng = random.Random(args.seed)
    indexes = list(range(len(rows)))
    print(f"{args.path}: {len(rows)} articles, {sum(r['gold'] for r in rows)} gold toponyms")
    for name, key in FIGURES:
        observed = gap(rows, fixed, key)
        gaps = []
        for _ in range(args.rounds):
            value = gap(rows, set(rng.sample(indexes, len(fixed))), key)
            if value is not None:
                gaps.append(value)
        tail = sum(g >= observed for g in gaps) / len(gaps)
        print(
            f"  {name:7} fixed gap {observed:+.3f}; random splits: sd {statistics.pstdev(gaps):.3f}, "
            f"{tail:.1%} at least as large (one-sided p)"
        )
    check = [row for row in rows if row["half"] == "check"]
    worst = sorted(check, key=lambda row: row["gold"] - row["within"], reverse=True)[:5]
    missed = sum(row["gold"] - row["within"] for row in check)
    print(f"  check half: {missed} toponyms missed or off; the five articles weighing most:")
    for row in worst:
        print(f"    {row['id']}: {row['gold'] - row['within']} of {row['gold']}")


if __name__ == "__main__":
    main()
