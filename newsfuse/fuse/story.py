"""Everything about one story: its sources side by side, canonical events, claims, coverage.

The fusion (sources, canonical events, claims, coverage) is computed once per story
version and stored (see :mod:`newsfuse.store.fusions`): reading a story of any size
costs a few queries. What it lists is capped (the ``SHOWN_*`` limits below, biggest
first) while every ``*_total`` / ``*_count`` beside a list stays exact; the story's
articles are paginated with ``limit`` / ``offset``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from newsfuse.fuse.claims import claim_values, compare_claims, listed_countries
from newsfuse.fuse.events import fuse_events

if TYPE_CHECKING:
    from newsfuse.store import Store

SHOWN_EVENTS = 100  # canonical events listed, most sources first
SHOWN_MENTIONS = 20  # mentions listed per canonical event
SHOWN_CLAIMS = 100  # measures listed, most sources first
SHOWN_VALUES = 20  # values listed per measure
SHOWN_COVERAGE = 100  # items in each coverage list
SHOWN_SOURCES = 100  # origins listed in "sources", and per event, measure and coverage item
SHOWN_SOURCE_ARTICLES = 20  # article ids listed per origin in "sources"
# Raised whenever compute_fusion would give another result for the same story: a fusion
# stored by an older version is computed again when the story is next read.
FUSION_LOGIC = 2  # 2: a mention dated by its report's day fits the week before it

# One computation per story at a time in this process: concurrent readers of a story
# whose fusion is not stored yet wait for the first one instead of repeating its work.
_LOCKS = tuple(threading.Lock() for _ in range(64))


def story_report(
    store: Store, story_id: str, *, limit: int | None = None, offset: int = 0
) -> dict[str, Any]:
    """The story as ``newsfuse story ID --json`` prints it (and the web page shows it).

    ``story_id`` may be the id of one of its articles. ``articles`` holds ``limit``
    of its members from ``offset`` (all of them when ``limit`` is None), in
    publication order, beside ``articles_total``.
    """
    story = store.get_story(story_id, limit=limit, offset=offset)
    story.update(story_fusion(store, story["id"]))
    return story


def story_fusion(store: Store, story_id: str) -> dict[str, Any]:
    """The stored fusion of a story, computed and stored first if its version has none."""
    _, cached = store.current_fusion(story_id)
    if cached is not None and cached.get("fusion_logic") == FUSION_LOGIC:
        return cached
    with _LOCKS[hash((store.url, story_id)) % len(_LOCKS)]:
        version, cached = store.current_fusion(story_id)
        if cached is not None and cached.get("fusion_logic") == FUSION_LOGIC:
            return cached  # another thread computed it while this one waited
        fusion = compute_fusion(store, story_id)
        if version is not None:
            store.save_fusion(story_id, version, fusion)
    return fusion


def compute_fusion(store: Store, story_id: str) -> dict[str, Any]:
    """Fuse the events and numbers of every member of a story (a few queries in all)."""
    members = store.story_members(story_id)
    events_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in store.story_events(story_id):  # each article's events in its order
        events_of[event["article_id"]].append(event)
    quantities, places, texts = store.story_claim_inputs(story_id)

    events: list[dict[str, Any]] = []
    values = []
    by_origin: dict[str, list[str]] = defaultdict(list)
    for member in members:
        aid, origin = member["id"], member["origin"]
        by_origin[origin].append(aid)
        found = events_of.get(aid, [])
        published = (member.get("published") or "")[:10] or None
        for event in found:  # read for this computation alone: no copy needed
            event["origin"] = origin
            event["published"] = published
        events.extend(found)
        values.extend(
            claim_values(
                aid, origin, texts.get(aid, ""), quantities.get(aid, []), places.get(aid, []), found
            )
        )
        values.extend(listed_countries(aid, origin, found))
    canonical = fuse_events(events)
    claims = compare_claims(values)

    all_sources = set(by_origin)
    coverage: dict[str, list[dict[str, Any]]] = {"all": [], "some": []}
    # An event with no country on either side says too little to compare sources by.
    items = [("event", c.summary(), c.sources) for c in canonical if c.has_actors()] + [
        ("claim", c.measure, c.sources) for c in claims
    ]
    for kind, what, sources in items:
        if len(all_sources) > 1 and set(sources) >= all_sources:
            coverage["all"].append({"kind": kind, "what": what})
        else:
            coverage["some"].append(
                {"kind": kind, "what": what, "sources": sources[:SHOWN_SOURCES]}
            )

    return {
        "fusion_logic": FUSION_LOGIC,
        "sources": [
            {"source": origin, "articles": ids[:SHOWN_SOURCE_ARTICLES], "article_count": len(ids)}
            for origin, ids in sorted(by_origin.items())[:SHOWN_SOURCES]
        ],
        "sources_total": len(by_origin),
        "events": [
            _shown(c.to_dict(), "mentions", SHOWN_MENTIONS) for c in canonical[:SHOWN_EVENTS]
        ],
        "events_total": len(canonical),
        "event_mentions": len(events),
        "claims": [_shown(c.to_dict(), "values", SHOWN_VALUES) for c in claims[:SHOWN_CLAIMS]],
        "claims_total": len(claims),
        "coverage": {
            "all": coverage["all"][:SHOWN_COVERAGE],
            "some": coverage["some"][:SHOWN_COVERAGE],
            "all_total": len(coverage["all"]),
            "some_total": len(coverage["some"]),
        },
    }


def _shown(item: dict[str, Any], key: str, cap: int) -> dict[str, Any]:
    """``item`` with its list ``key`` (and its sources) capped, their full counts beside."""
    item[key.removesuffix("s") + "_count"] = len(item[key])
    item[key] = item[key][:cap]
    item["source_count"] = len(item["sources"])
    item["sources"] = item["sources"][:SHOWN_SOURCES]
    return item


def refresh_fusions(store: Store, story_ids: list[str] | None = None) -> int:
    """Compute and store the fusion of every given story (all by default) whose stored
    one is missing or out of date; returns how many were computed."""
    stale = store.stories_without_fusion(story_ids)
    for sid in stale:
        story_fusion(store, sid)
    return len(stale)
