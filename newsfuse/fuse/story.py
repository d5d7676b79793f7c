"""Everything about one story: its sources side by side, canonical events, claims, coverage."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from newsfuse.fuse.claims import claim_values, compare_claims, listed_countries
from newsfuse.fuse.events import fuse_events

if TYPE_CHECKING:
    from newsfuse.store import Store


def story_report(store: Store, story_id: str) -> dict[str, Any]:
    """The story as ``newsfuse story ID --json`` prints it (and the web page shows it)."""
    story = store.get_story(story_id)
    events: list[dict[str, Any]] = []
    values = []
    for member in story["articles"]:
        aid, origin = member["id"], member["origin"]
        found = [dict(e, origin=origin) for e in store.iter_events(article_id=aid)]
        events.extend(found)
        ann = store.get_annotations(aid)
        text = store.get_article(aid)["text"]
        values.extend(claim_values(aid, origin, text, ann["quantities"], ann["places"], found))
        values.extend(listed_countries(aid, origin, found))
    canonical = fuse_events(events)
    claims = compare_claims(values)

    by_origin: dict[str, list[str]] = defaultdict(list)
    for member in story["articles"]:
        by_origin[member["origin"]].append(member["id"])
    all_sources = set(by_origin)
    coverage: dict[str, Any] = {"all": [], "some": []}
    # An event with no country on either side says too little to compare sources by.
    items = [("event", c.summary(), c.sources) for c in canonical if c.has_actors()] + [
        ("claim", c.measure, c.sources) for c in claims
    ]
    for kind, what, sources in items:
        if len(all_sources) > 1 and set(sources) >= all_sources:
            coverage["all"].append({"kind": kind, "what": what})
        else:
            coverage["some"].append({"kind": kind, "what": what, "sources": sources})

    story["sources"] = [
        {"source": origin, "articles": ids} for origin, ids in sorted(by_origin.items())
    ]
    story["events"] = [c.to_dict() for c in canonical]
    story["event_mentions"] = len(events)
    story["claims"] = [c.to_dict() for c in claims]
    story["coverage"] = coverage
    return story
