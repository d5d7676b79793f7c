"""Counts the web pages show, aggregated by the database rather than row by row in Python."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from newsfuse.store.events import event_filters
from newsfuse.store.schema import EVENT_PLACE_INDEX, events, story_articles


def event_place_counts(engine: Engine, **filters: Any) -> list[dict[str, Any]]:
    """Events counted by (location, location_country, location_lat, location_lon,
    event_type), for the map: events at one place name with different stored points
    ("Paris" in France and in Texas) are counted apart.

    Filters as in :func:`newsfuse.store.events.event_filters`. Rows come in the order
    of their newest event in the event list (``iter_events``: latest date first, undated
    last, then by id), so a caller that folds them into points meets each point, and
    each type at it, in the order the event list would. The database counts by place,
    type and date; only those few rows are ordered here.
    """
    source = events
    if filters.get("story_id"):
        source = events.outerjoin(
            story_articles, story_articles.c.article_id == events.c.article_id
        )
    # the leading columns of ix_events_place, in its order: SQLite then reads the index
    # instead of the table
    keys = tuple(EVENT_PLACE_INDEX.columns)[:6]
    query = (
        select(*keys, func.count().label("n"), func.min(events.c.id).label("first_id"))
        .select_from(source)
        .where(*event_filters(**filters))
        .group_by(*keys)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    rows.sort(key=lambda r: r.first_id)
    rows.sort(key=lambda r: (r.date is not None, r.date or ""), reverse=True)  # stable
    counts: dict[tuple[Any, ...], int] = {}
    for country, location, lat, lon, event_type, _date, n, _first in rows:
        key = (location, country, lat, lon, event_type)
        counts[key] = counts.get(key, 0) + n
    return [
        {"location": loc, "location_country": country, "location_lat": lat,
         "location_lon": lon, "event_type": etype, "events": n}
        for (loc, country, lat, lon, etype), n in counts.items()
    ]  # fmt: skip
