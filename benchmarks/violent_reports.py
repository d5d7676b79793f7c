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

from hand_reports import EVENTS_DATA, run, share

from newsfuse.events.nonevents import VIOLENT_TYPES

DATA = EVENTS_DATA / "violent_reports.jsonl"
VIOLENT_KINDS = ("battle-", "remote-", "vac-")
NON_EVENT_KINDS = ("disaster", "accident")


def scores(rows: list[dict]) -> dict[str, float | int]:
    """The figures of one half."""
    violent = [r for r in rows if r["kind"].startswith(VIOLENT_KINDS)]
    non_events = [r for r in rows if r["kind"] in NON_EVENT_KINDS]
    events = [r for r in rows if r["kind"] not in NON_EVENT_KINDS]
    return {
        "n": len(rows),
        "first_exact": share(rows, lambda r: r["first"] == r["expected"]),
        "events_first_exact": share(events, lambda r: r["first"] == r["expected"]),
        "violent_n": len(violent),
        "violent_first_assault_fight": share(violent, lambda r: r["first"] in ("ASSAULT", "FIGHT")),
        "disaster_n": len(non_events),
        "disaster_any_event": share(non_events, lambda r: bool(r["coded"])),
        "disaster_violent": share(
            non_events, lambda r: any(t in VIOLENT_TYPES for t in r["coded"])
        ),
        "events_none": share(events, lambda r: r["first"] == "none"),
    }


LABELS = {
    "first_exact": "first type exactly right",
    "events_first_exact": "  (reports with an event)",
    "violent_first_assault_fight": "violent kinds: ASSAULT/FIGHT first",
    "disaster_any_event": "disasters coded with any event",
    "disaster_violent": "disasters coded violent",
    "events_none": "non-disasters with no event",
}


def main() -> None:
    run(
        __doc__.split("\n\n")[0],
        DATA,
        scores,
        LABELS,
        lambda r: f"{r['kind']:<24} want {r['expected']:<8}",
    )


if __name__ == "__main__":
    main()
