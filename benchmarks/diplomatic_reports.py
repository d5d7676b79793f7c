"""How does the coder type wire leads of every PLOVER type, and does it leave
hypotheticals, statements of concern and routine news uncoded?

``tests/data/events/diplomatic_reports.jsonl`` holds 185 one-sentence wire leads written
by hand for this project (issue 12), labelled before the coder was run on them (see the
README beside it): 159 with the PLOVER type of their main event and its source and target
country, 26 non-events (``none``). Even ids are the tune half, odd ids the check half.
Each text is coded with :func:`newsfuse.code_sentence` (see ``hand_reports.py``); the
first event it returns is the sentence's coded type ("none" when there is none).

Per half: the first type exactly right; macro-F1 over the types (each report counts once,
for its expected type against its first coded type; ``none`` is no class, so a non-event
coded with a type is a false positive of that type; the mean is over the types expected or
coded in the half); the share of ``none`` reports coded with any event; source and target
country accuracy, on reports whose gold country is not empty and that have a coded event
of the expected type (right when the first such event names an actor of the gold country on
that side: a reciprocal act has every party on both sides); a per-type
F1 table and a confusion table (expected by row, first coded type by column).

    .venv/bin/python benchmarks/diplomatic_reports.py [--errors] [--half tune|check|both]

``--errors`` lists the tune half's misses only: the check half is for reporting.
"""

from __future__ import annotations

from hand_reports import EVENTS_DATA, run, share

from newsfuse.events.ontology import EVENT_TYPES

DATA = EVENTS_DATA / "diplomatic_reports.jsonl"
NONE = "none"


def per_type_f1(rows: list[dict]) -> dict[str, dict[str, float | int]]:
    """Precision, recall, F1 and support per type, from the first coded type."""
    names = [
        str(t) for t in EVENT_TYPES if any(str(t) in (r["expected"], r["first"]) for r in rows)
    ]
    table: dict[str, dict[str, float | int]] = {}
    for name in names:
        tp = sum(r["expected"] == name and r["first"] == name for r in rows)
        fp = sum(r["expected"] != name and r["first"] == name for r in rows)
        fn = sum(r["expected"] == name and r["first"] != name for r in rows)
        p = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        table[name] = {"support": tp + fn, "precision": p, "recall": rec, "f1": f1}
    return table


def _countries(event: dict, side: str) -> set[str]:
    return {a.get("code") or "" for a in event.get(side) or []} - {""}


def country_accuracy(rows: list[dict], side: str) -> tuple[float, int]:
    """Accuracy of the ``side`` ("source"/"target") country and the number of reports it
    is measured on: those with a gold country and an event of the expected type."""
    scored = []
    for r in rows:
        gold = r[f"{side}_country"]
        match = next((e for e in r["events"] if e["event"] == r["expected"]), None)
        if gold and match is not None:
            scored.append(gold in _countries(match, side))
    return (sum(scored) / len(scored) if scored else 0.0), len(scored)


def scores(rows: list[dict]) -> dict:
    """The figures of one half."""
    table = per_type_f1(rows)
    events = [r for r in rows if r["expected"] != NONE]
    src, src_n = country_accuracy(rows, "source")
    tgt, tgt_n = country_accuracy(rows, "target")
    return {
        "n": len(rows),
        "first_exact": share(rows, lambda r: r["first"] == r["expected"]),
        "events_first_exact": share(events, lambda r: r["first"] == r["expected"]),
        "macro_f1": sum(row["f1"] for row in table.values()) / len(table) if table else 0.0,
        "none_n": len(rows) - len(events),
        "none_any_event": share(
            [r for r in rows if r["expected"] == NONE], lambda r: bool(r["coded"])
        ),
        "events_none": share(events, lambda r: r["first"] == NONE),
        "source_country": src,
        "source_n": src_n,
        "target_country": tgt,
        "target_n": tgt_n,
        "per_type": table,
    }


LABELS = {
    "first_exact": "first type exactly right",
    "events_first_exact": "  (reports with an event)",
    "macro_f1": "macro-F1 over types (first type)",
    "none_any_event": "'none' reports coded with an event",
    "events_none": "event reports with no event",
    "source_country": "source country (right-type event)",
    "target_country": "target country (right-type event)",
}


def type_table(figures: dict[str, dict]) -> str:
    """F1 (support) per type, one column a half."""
    names = [str(t) for t in EVENT_TYPES if any(str(t) in f["per_type"] for f in figures.values())]
    lines = [f"{'type':<12}" + "".join(f"{h + ' F1 (n)':>16}" for h in figures)]
    for name in names:
        cells = []
        for f in figures.values():
            row = f["per_type"].get(name)
            cells.append(f"{row['f1']:.3f} ({row['support']:>2})" if row else "-")
        lines.append(f"{name:<12}" + "".join(f"{c:>16}" for c in cells))
    return "\n".join(lines)


def _type_and_counts(figures: dict[str, dict]) -> str:
    counts = ", ".join(
        f"{h}: n={f['n']}, none={f['none_n']}, src n={f['source_n']}, tgt n={f['target_n']}"
        for h, f in figures.items()
    )
    return f"({counts})\n\n{type_table(figures)}"


def _describe(r: dict) -> str:
    return f"want {r['expected']:<11} {r['source_country'] or '-'}>{r['target_country'] or '-'}"


def main() -> None:
    run(__doc__.split("\n\n")[0], DATA, scores, LABELS, _describe, _type_and_counts)


if __name__ == "__main__":
    main()
