"""How does the coder type violent-event reports, protests, riots and disasters?

Issue 12's held-out target is measured on conflict-monitoring event descriptions: the
first coded event must have the right type for at least 75% of them, and at most 10% of
disaster reports may be coded as political events. ``tests/data/events/violent_reports.jsonl``
holds 120 such reports written by hand for this project, labelled before the coder was run
on them (see the README beside it); even ids are the tune half, odd ids the check half.
Each text is coded with :func:`newsfuse.code_sentence`; the first event it returns is the
sentence's coded type ("none" when there is none).

Per half: the first type exactly right; for violent kinds (battles, remote violence,
violence against civilians) the first type in {ASSAULT, FIGHT}; the share of disaster and
accident reports coded with any event (and with a violent one); the share of all reports
with no event; and a confusion table (expected by row, first coded type by column).

    .venv/bin/python benchmarks/violent_reports.py [--errors] [--half tune|check|both]

``--errors`` lists the tune half's misses only: the check half is for reporting.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsfuse import code_sentence
from newsfuse.events.nonevents import VIOLENT_TYPES

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "events" / "violent_reports.jsonl"
VIOLENT_KINDS = ("battle-", "remote-", "vac-")
NON_EVENT_KINDS = ("disaster", "accident")
DATE = "2024-06-15"


def load(path: Path = DATA) -> list[dict]:
    """The reports, each with its half (even id: tune, odd: check)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for r in rows:
        r["half"] = "tune" if r["id"] % 2 == 0 else "check"
    return rows


def code(rows: list[dict]) -> None:
    """Adds ``coded`` (all coded types, in order) and ``first`` to each row."""
    for r in rows:
        r["coded"] = [str(e.event_type) for e in code_sentence(r["text"], DATE)]
        r["first"] = r["coded"][0] if r["coded"] else "none"


def scores(rows: list[dict]) -> dict[str, float | int]:
    """The figures of one half."""
    violent = [r for r in rows if r["kind"].startswith(VIOLENT_KINDS)]
    non_events = [r for r in rows if r["kind"] in NON_EVENT_KINDS]
    events = [r for r in rows if r["kind"] not in NON_EVENT_KINDS]
    return {
        "n": len(rows),
        "first_exact": sum(r["first"] == r["expected"] for r in rows) / len(rows),
        "events_first_exact": sum(r["first"] == r["expected"] for r in events) / len(events),
        "violent_n": len(violent),
        "violent_first_assault_fight": sum(r["first"] in ("ASSAULT", "FIGHT") for r in violent)
        / len(violent),
        "disaster_n": len(non_events),
        "disaster_any_event": sum(bool(r["coded"]) for r in non_events) / len(non_events),
        "disaster_violent": sum(any(t in VIOLENT_TYPES for t in r["coded"]) for r in non_events)
        / len(non_events),
        "events_none": sum(r["first"] == "none" for r in events) / len(events),
    }


def confusion(rows: list[dict]) -> str:
    """Expected type by row, first coded type by column."""
    pairs = Counter((r["expected"], r["first"]) for r in rows)
    rows_ = sorted({e for e, _ in pairs})
    cols = sorted({f for _, f in pairs})
    width = max(len(c) for c in cols + rows_) + 1
    lines = [" " * width + "".join(f"{c:>{width}}" for c in cols)]
    for e in rows_:
        lines.append(f"{e:<{width}}" + "".join(f"{pairs[(e, c)] or '.':>{width}}" for c in cols))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=("tune", "check", "both"), default="both")
    ap.add_argument("--errors", action="store_true", help="list the tune half's misses")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    rows = load()
    halves = ("tune", "check") if args.half == "both" else (args.half,)
    rows = [r for r in rows if r["half"] in halves]
    code(rows)
    figures = {h: scores([r for r in rows if r["half"] == h]) for h in halves}
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(f"{'figure':<34}" + "".join(f"{h:>8}" for h in halves))
        labels = {
            "first_exact": "first type exactly right",
            "events_first_exact": "  (reports with an event)",
            "violent_first_assault_fight": "violent kinds: ASSAULT/FIGHT first",
            "disaster_any_event": "disasters coded with any event",
            "disaster_violent": "disasters coded violent",
            "events_none": "non-disasters with no event",
        }
        for key, label in labels.items():
            print(f"{label:<34}" + "".join(f"{figures[h][key]:>8.3f}" for h in halves))
        for h in halves:
            print(f"\n{h} (n={figures[h]['n']}): expected by row, first coded by column")
            print(confusion([r for r in rows if r["half"] == h]))
    if args.errors:
        print("\ntune-half misses:")
        for r in rows:
            if r["half"] == "tune" and r["first"] != r["expected"]:
                print(f"{r['id']:>4} {r['kind']:<24} want {r['expected']:<8} got {r['coded']}")
                print(f"     {r['text']}")


if __name__ == "__main__":
    main()
