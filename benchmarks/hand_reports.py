"""What the hand-written report sets share (imported by ``violent_reports.py`` and
``diplomatic_reports.py``: they run with this folder on ``sys.path``).

A set is a JSON Lines file under ``tests/data/events/`` with an ``id`` and a ``text`` per
report and an ``expected`` PLOVER type (or ``none``); even ids are the tune half, odd ids
the check half. Each text is coded with :func:`newsfuse.code_sentence`; the first event it
returns is the sentence's coded type ("none" when there is none).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsfuse import code_sentence

EVENTS_DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "events"
DATE = "2024-06-15"
HALVES = ("tune", "check")


def load(path: Path) -> list[dict]:
    """The reports, each with its half (even id: tune, odd: check)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for r in rows:
        r["half"] = "tune" if r["id"] % 2 == 0 else "check"
    return rows


def code(rows: list[dict], date: str = DATE) -> None:
    """Adds ``events`` (PLOVER dicts), ``coded`` (their types, in order) and ``first``."""
    for r in rows:
        r["events"] = [e.to_plover() for e in code_sentence(r["text"], date)]
        r["coded"] = [str(e["event"]) for e in r["events"]]
        r["first"] = r["coded"][0] if r["coded"] else "none"


def halves(choice: str) -> tuple[str, ...]:
    """The halves a ``--half`` value names."""
    return HALVES if choice == "both" else (choice,)


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


def figure_table(figures: dict[str, dict], labels: dict[str, str]) -> str:
    """One line a figure, one column a half."""
    names = list(figures)
    lines = [f"{'figure':<34}" + "".join(f"{h:>8}" for h in names)]
    for key, label in labels.items():
        cells = (figures[h][key] for h in names)
        lines.append(f"{label:<34}" + "".join(f"{c:>8.3f}" for c in cells))
    return "\n".join(lines)


def tune_misses(rows: Iterable[dict], describe: Callable[[dict], str]) -> str:
    """The tune half's misses (first coded type not the expected one); the check half is
    for reporting only."""
    lines = ["tune-half misses:"]
    for r in rows:
        if r["half"] == "tune" and r["first"] != r["expected"]:
            lines.append(f"{r['id']:>4} {describe(r)} got {r['coded']}")
            lines.append(f"     {r['text']}")
    return "\n".join(lines)


def share(rows: Sequence[dict], test: Callable[[dict], bool]) -> float:
    """The share of ``rows`` passing ``test`` (0 for no rows)."""
    return sum(map(test, rows)) / len(rows) if rows else 0.0


def run(
    description: str,
    data: Path,
    scores: Callable[[list[dict]], dict],
    labels: dict[str, str],
    describe: Callable[[dict], str],
    extra: Callable[[dict[str, dict]], str] | None = None,
) -> None:
    """The command line both scripts share: ``[--half tune|check|both] [--errors]
    [--json]``; figures per half, ``extra``'s tables, a confusion table per half, and
    with ``--errors`` the tune half's misses (each described by ``describe``)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--half", choices=("tune", "check", "both"), default="both")
    ap.add_argument("--errors", action="store_true", help="list the tune half's misses")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    chosen = halves(args.half)
    rows = [r for r in load(data) if r["half"] in chosen]
    code(rows)
    figures = {h: scores([r for r in rows if r["half"] == h]) for h in chosen}
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(figure_table(figures, labels))
        if extra is not None:
            print(extra(figures))
        for h in chosen:
            print(f"\n{h} (n={figures[h]['n']}): expected by row, first coded by column")
            print(confusion([r for r in rows if r["half"] == h]))
    if args.errors:
        print()
        print(tune_misses(rows, describe))
