"""Counts the web pages show, aggregated by the database rather than row by row in Python."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from newsfuse.store.events import event_filters
from newsfuse.store.schema import events, story_articles


def event_place_counts(engine: Engine, **filters: Any) -> list[dict[str, Any]]:
    """Events counted by (location, location_country, event_type), for the map.

    Filters as in :func:`newsfuse.store.events.event_filters`. Each row's ``first`` is
    where its newest event comes in the event list (newest first, as ``iter_events``
    orders it); rows come in that order, so a caller that folds them into points meets
    each point, and each type at it, in the order the event list would.
    """
    source = events
    if filters.get("story_id"):
        source = events.outerjoin(
            story_articles, story_articles.c.article_id == events.c.article_id
        )
    rank = func.row_number().over(order_by=(events.c.date.desc().nulls_last(), events.c.id))
    ranked = (
        select(
            events.c.location,
            events.c.location_country,
            events.c.event_type,
            rank.label("rank"),
        )
        .select_from(source)
        .where(*event_filters(**filters))
        .subquery()
    )
    first = func.min(ranked.c.rank).label("first")
    query = (
        select(
            ranked.c.location,
            ranked.c.location_country,
            ranked.c.event_type,
            func.count().label("events"),
            first,
        )
        .group_by(ranked.c.location, ranked.c.location_country, ranked.c.event_type)
        .order_by(first)
    )
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]
