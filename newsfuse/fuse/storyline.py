"""A storyline as ``newsfuse storyline ID --json`` prints it and its web page shows it:
its stories oldest first, each with its canonical events (the stored fusion of the
story), and one timeline of every dated canonical event across the storyline."""

from __future__ import annotations

from typing import Any

from newsfuse.fuse.story import story_fusion
from newsfuse.store import Store

EVENT_FIELDS = ("event", "quad_class", "summary", "source", "target", "date", "location", "sources")


def storyline_report(store: Store, storyline_id: str) -> dict[str, Any]:
    """The storyline ``storyline_id`` (or the one a story of that id belongs to)."""
    line = store.get_storyline(storyline_id)
    timeline = []
    for story in line["stories"]:
        fusion = story_fusion(store, story["id"])
        story["events"] = [
            {k: e.get(k) for k in EVENT_FIELDS if k in e} for e in fusion.get("events", [])
        ]
        timeline += [
            {"date": e["date"], "story_id": story["id"], "story": story["title"], **e}
            for e in story["events"]
            if e.get("date")
        ]
    line["timeline"] = sorted(timeline, key=lambda r: (r["date"], r["story_id"]))
    return line
