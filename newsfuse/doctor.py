"""`newsfuse doctor`: say what a database holds unfinished, and finish it.

Ingest resumes by itself (every run first finishes what an interrupted one left), so
the doctor is for looking: after a crash, before a backup, when numbers look wrong.
"""

from __future__ import annotations

from typing import Any

from newsfuse.cluster.config import ClusterConfig
from newsfuse.pipeline import run_pipeline
from newsfuse.sinks import StoreSink
from newsfuse.store import Store


def doctor(store: Store, *, repair: bool = False, n_process: int = 1) -> dict[str, Any]:
    """The database's health; with ``repair`` also what was done and the health after.

    Repair annotates articles left pending (and retries failed ones), clusters articles
    in no story, recomputes stale story summaries and forgets duplicate records of an
    input that is its own stored article. Articles stored with ``--no-annotate`` are
    listed as ``never_annotated`` and left alone: `newsfuse annotate` does them.
    ``story_configs`` names the clustering configurations the stored stories were made
    with (information, not unfinished work: `newsfuse cluster --rebuild` makes it one),
    ``shipped_config`` the one new articles get; ``notes`` what a repair's run said.
    """
    before = store.health()
    result: dict[str, Any] = {
        "health": before.to_dict(),
        "story_configs": store.story_configs(),
        "shipped_config": ClusterConfig().name,
    }
    if not repair:
        return result
    stories_fixed = store.repair_stories()  # annotating an article refreshes its story too
    report = run_pipeline(
        [], StoreSink(store), resume=True, retry_failed=True, n_process=n_process, cluster=True
    )
    result["repaired"] = {
        "annotated": report.recovered,
        "annotate_failed": report.annotate_failed,
        "clustered": (report.clustering or {}).get("articles", 0),
        "stories_refreshed": stories_fixed,
        "self_duplicates_dropped": store.drop_self_duplicates(),
    }
    result["notes"] = list(dict.fromkeys(report.notes))
    result["story_configs"] = store.story_configs()  # the repair may have clustered some
    result["health"] = store.health().to_dict()
    result["before"] = before.to_dict()
    return result
