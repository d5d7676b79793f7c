"""The rule coder on news it was never written for: the leads of the synthetic PLOVER stories.

    .venv/bin/python benchmarks/event_synthetic.py                 # both halves
    .venv/bin/python benchmarks/event_synthetic.py --errors ASSAULT  # tune-half misses of a type

``../shared/train/plover-synthetic-2023.csv`` holds 4,500 news-like stories, each written
to a headline template and labelled with one PLOVER-2023 type. Its first paragraph is coded
with ``newsfuse.code_sentence`` and the type of the first event that is not negated is
compared with the label. PLOVER-2023 has no FIGHT, DEMAND, DISAPPROVE or INVESTIGATE: they
count as ASSAULT, REQUEST, ACCUSE and ACCUSE. The label is the story's, not the sentence's,
so the figures are a floor, and the type a lead implies is sometimes not the label (a story
labelled ASSAULT may open on the police search that followed).

The stories are split by headline template (CRC-32 of the template, even: tune, odd: check),
so no template is on both sides (:func:`newsfuse.events.synthetic.template_half`, the one
definition the classifier's training uses too). Rules are chosen looking at tune-half misses
only; the check half is the figure to quote. The learned classifier
(``newsfuse/events/classifier.py``) trains on tune templates only; it is scored beside the
rules, and combined with them, by ``benchmarks/event_combine.py``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from newsfuse.events.synthetic import template_half

REPO = Path(__file__).resolve().parents[1]
SYNTHETIC = REPO.parent / "shared" / "train" / "plover-synthetic-2023.csv"
AS_2023 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def leads(path: Path = SYNTHETIC) -> list[dict]:
    """One row per story: its half, label and first paragraph."""
    rows = []
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            paragraphs = [p.strip() for p in row["text"].split("\n") if p.strip()]
            if paragraphs:
                half = template_half(row["title"])
                rows.append({"half": half, "label": row["label"], "lead": paragraphs[0]})
    return rows


def first_type(text: str) -> str:
    """The PLOVER-2023 type of the first non-negated event coded in ``text``, or "none"."""
    from newsfuse import code_sentence

    events = [e for e in code_sentence(text) if not e.negated]
    return AS_2023.get(events[0].event_type, events[0].event_type) if events else "none"


def scores(rows: list[dict]) -> dict[str, float]:
    """Accuracy of the first type, share with no event, macro-F1 over the labels."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for r in rows:
        if r["predicted"] == r["label"]:
            tp[r["label"]] += 1
        else:
            fn[r["label"]] += 1
            if r["predicted"] != "none":
                fp[r["predicted"]] += 1
    labels = sorted({r["label"] for r in rows})
    f1 = {}
    for label in labels:
        denominator = 2 * tp[label] + fp[label] + fn[label]
        f1[label] = 2 * tp[label] / denominator if denominator else 0.0
    n = len(rows)
    return {
        "n": n,
        "accuracy": sum(tp.values()) / n,
        "none": sum(r["predicted"] == "none" for r in rows) / n,
        "macro_f1": sum(f1.values()) / len(f1),
        **{f"F1 {label}": value for label, value in f1.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", metavar="TYPE", help="print tune-half misses of this label")
    parser.add_argument("--limit", type=int, help="only the first N stories (a quick look)")
    args = parser.parse_args(argv)
    if not SYNTHETIC.exists():
        print(f"needs {SYNTHETIC} (../shared beside the repository)", file=sys.stderr)
        return 2
    rows = leads()[: args.limit]
    started = time.perf_counter()
    for r in rows:
        r["predicted"] = first_type(r["lead"])
    seconds = time.perf_counter() - started
    halves = {h: scores([r for r in rows if r["half"] == h]) for h in ("tune", "check")}
    print(f"rule coder, first type of the lead paragraph ({len(rows)} stories, {seconds:.0f} s)")
    print(f"{'':14}{'tune':>10}{'check':>10}")
    for key in halves["tune"]:
        tune, check = halves["tune"][key], halves["check"].get(key, 0.0)
        if key == "n":
            print(f"{'stories':14}{tune:>10}{check:>10}")
        else:
            print(f"{key:14}{tune:>10.3f}{check:>10.3f}")
    if args.errors:
        for r in rows:
            if r["half"] == "tune" and r["label"] == args.errors and r["predicted"] != r["label"]:
                print(f"- [{r['predicted']}] {r['lead'][:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
