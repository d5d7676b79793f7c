"""Does the coder keep negations, questions, conditionals, speculation, concern and
open-course means out of its events, and keep PLOVER's future forms (threats, promises,
demands, refusals) as events?

``tests/data/events/modality_probes.jsonl`` holds 40 one-sentence reports written by hand
for issue 12 item 4 (see the README beside it): 26 non-events (``none``, with the kind
they were written as) and 14 events. Even ids are the tune half, odd ids the check half.
Each text is coded with :func:`newsfuse.code_sentence`; the first event it returns is the
sentence's coded type ("none" when there is none).

    .venv/bin/python benchmarks/modality_probes.py [--errors] [--half tune|check|both]

``--errors`` lists the tune half's misses only: the check half is for reporting.
"""

from __future__ import annotations

from hand_reports import EVENTS_DATA, run, share

DATA = EVENTS_DATA / "modality_probes.jsonl"
NONE = "none"


def scores(rows: list[dict]) -> dict:
    """The figures of one half."""
    nones = [r for r in rows if r["expected"] == NONE]
    events = [r for r in rows if r["expected"] != NONE]
    return {
        "n": len(rows),
        "first_exact": share(rows, lambda r: r["first"] == r["expected"]),
        "none_any_event": share(nones, lambda r: bool(r["coded"])),
        "events_first_exact": share(events, lambda r: r["first"] == r["expected"]),
        "events_none": share(events, lambda r: r["first"] == NONE),
    }


LABELS = {
    "first_exact": "first type exactly right",
    "none_any_event": "'none' reports coded with an event",
    "events_first_exact": "event reports: first type right",
    "events_none": "event reports with no event",
}


def _describe(r: dict) -> str:
    return f"want {r['expected']:<9} ({r['reason'] or 'event'})"


def main() -> None:
    run(__doc__.split("\n\n")[0], DATA, scores, LABELS, _describe)


if __name__ == "__main__":
    main()
