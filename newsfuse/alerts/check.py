"""Checking watchlists: find what is new since each alert's last check, record each match
once, and queue its deliveries (the outbox: :mod:`newsfuse.alerts.deliver` sends them).

``check_alerts(store)`` runs after every ingest (the end of
:func:`newsfuse.pipeline.run_pipeline`) and every ``newsfuse watch`` cycle. It reads only
the stories that gained an article or an event since an alert's high-water marks, so
with no alert, or nothing new, it costs a query or two.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

from newsfuse.alerts.query import Watch
from newsfuse.errors import InputError
from newsfuse.store import Store

SHOWN_EVENTS = 5
"""Events listed in a story match (the ones by which it matched, oldest first)."""
STDOUT = "-"


def add_alert(
    store: Store,
    name: str,
    watch: Watch,
    *,
    jsonl: str | None = None,
    webhook: str | None = None,
    from_now: bool = False,
    replace: bool = False,
) -> dict[str, Any]:
    """Save ``watch`` as the alert ``name`` delivering to a JSON Lines file (``"-"``:
    stdout) and/or a webhook URL; see :meth:`AlertStore.add_alert` for ``from_now`` and
    ``replace``."""
    if webhook is not None:
        parts = urlsplit(webhook)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"--webhook {webhook!r} is not an http:// or https:// URL")
    if jsonl is not None and not jsonl.strip():
        raise InputError("--jsonl needs a file path, or - for stdout")
    return store.add_alert(
        name,
        watch.to_dict(),
        scope=watch.scope,
        jsonl=jsonl,
        webhook=webhook,
        from_now=from_now,
        replace=replace,
    )


def destinations(alert: dict[str, Any]) -> list[tuple[str, str]]:
    """Where an alert's matches go: (channel, target) pairs."""
    out = []
    if alert.get("jsonl"):
        out.append(("jsonl", alert["jsonl"]))
    if alert.get("webhook"):
        out.append(("webhook", alert["webhook"]))
    return out


def check_alerts(store: Store) -> list[dict[str, Any]]:
    """Check every alert against what arrived since its last check; record and queue
    each new match (once: a story or event already matched is never matched again by
    the same alert). Returns the new matches (as :func:`match_record` shapes them).

    Safe to run from several processes: checks of one database take turns."""
    if not store.watchlists():
        return []  # the common case: not even a lock file
    with store.lock("alerts"):
        watchlists = store.watchlists()
        marks = store.alert_marks()
        read: dict[tuple[int, int], list[dict[str, Any]]] = {}
        new: list[dict[str, Any]] = []
        for alert in watchlists:
            since = _since(alert, marks)
            if since == marks:
                continue
            if since not in read:
                read[since] = store.alert_candidates(store.stories_since(*since))
            watch = Watch.from_dict(alert["query"], alert["scope"])
            found = find_matches(alert["name"], watch, read[since])
            recorded = store.record_matches(alert["id"], found, destinations(alert), marks)
            new += [match_record(m) for m in recorded]
        return new


def _since(alert: dict[str, Any], marks: tuple[int, int]) -> tuple[int, int]:
    """The alert's marks; a mark above what is stored means the stories or events were
    rebuilt from scratch (positions and ids start again): then look at everything."""
    position, event = alert["seen_position"], alert["seen_event"]
    return (position if position <= marks[0] else 0, event if event <= marks[1] else 0)


def find_matches(
    alert: str, watch: Watch, candidates: list[dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """Matches of ``watch`` among candidate stories (as
    :meth:`AlertStore.alert_candidates` reads them), as rows for ``record_matches``."""
    for story in candidates:
        if watch.scope == "event":
            for event in story["events"]:
                if watch.event_matches(event, story):
                    yield _event_match(alert, story, event)
            continue
        matched = watch.story_matches(story)
        if matched is not None:
            yield _story_match(alert, story, matched)


def story_link(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def _story_fields(story: dict[str, Any]) -> dict[str, Any]:
    return {
        "story_id": story["id"],
        "story_title": story["title"],
        "independent_sources": story["sources"],
        "articles": story["articles"],
        "first_published": story["first_published"],
        "last_published": story["last_published"],
        "link": story_link(story["id"]),
    }


def _event_fields(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": event["id"],
        "event": event["event_type"],
        "date": event["date"],
        "source": event["source"],
        "target": event["target"],
        "location": event["location"],
        "location_country": event["location_country"],
        "article_id": event["article_id"],
        "article_title": event["article_title"],
        "evidence": event["evidence"],
    }


def _story_match(alert: str, story: dict[str, Any], matched: list[dict]) -> dict[str, Any]:
    payload = {
        "alert": alert,
        "kind": "story",
        "title": story["title"],
        **_story_fields(story),
        "events": [_event_fields(e) for e in matched[:SHOWN_EVENTS]],
        "matching_events": len(matched),
    }
    first = matched[0] if matched else None
    return {
        "key": f"story:{story['id']}",
        "kind": "story",
        "story_id": story["id"],
        "event_id": first["id"] if first else None,
        "article_id": first["article_id"] if first else None,
        "title": story["title"],
        "payload": payload,
    }


def _event_match(alert: str, story: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    title = (
        f"{event['event_type']}: {event['article_title'] or story['title'] or event['evidence']}"
    )
    payload = {
        "alert": alert,
        "kind": "event",
        "title": title,
        **_story_fields(story),
        "events": [_event_fields(event)],
        "matching_events": 1,
    }
    # the event's id changes when its article is coded again; where it is written does not
    key = f"event:{event['article_id']}:{event['start']}:{event['end']}:{event['event_type']}"
    return {
        "key": key,
        "kind": "event",
        "story_id": story["id"],
        "event_id": event["id"],
        "article_id": event["article_id"],
        "title": title,
        "payload": payload,
    }


def match_record(match: dict[str, Any]) -> dict[str, Any]:
    """A recorded match as it is delivered and shown: its id and time, then its payload."""
    return {"match_id": match["id"], "matched_at": match["matched_at"], **match["payload"]}
