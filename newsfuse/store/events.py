"""Reading and writing coded events (mixed into :class:`Store`)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from newsfuse.events.ontology import quad_class
from newsfuse.model import Event
from newsfuse.store.schema import event_actors, events, story_articles


def _event_row(article_id: str, event: Event) -> dict[str, Any]:
    plover = event.to_plover()
    return {
        "article_id": article_id,
        "sentence": event.sentence,
        "event_type": event.event_type,
        "quad_class": quad_class(event.event_type),
        "mode": event.mode,
        "context": event.context,
        "source": json.dumps(plover["source"], ensure_ascii=False),
        "target": json.dumps(plover["target"], ensure_ascii=False),
        "location": event.location,
        "location_country": event.location_country,
        "date": event.date,
        "date_end": event.date_end,
        "dead": event.dead,
        "injured": event.injured,
        "size": event.size,
        "dead_text": event.dead_text,
        "injured_text": event.injured_text,
        "size_text": event.size_text,
        "attribution": event.attribution,
        "attribution_country": event.attribution_actor.country if event.attribution_actor else None,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "confidence": event.confidence,
        "trigger": event.trigger,
        "evidence": event.evidence,
        "start": event.start,
        "end": event.end,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "location_geonameid": event.location_geonameid,
        "location_lat": event.location_lat,
        "location_lon": event.location_lon,
        "location_feature_code": event.location_feature_code,
    }


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row["source"] = json.loads(row["source"])
    row["target"] = json.loads(row["target"])
    return row


def write_events(conn: Connection, article_id: str, found: Sequence[Event]) -> None:
    """Replace the stored events of ``article_id`` inside the caller's transaction."""
    write_many_events(conn, [(article_id, found)])


def write_many_events(conn: Connection, many: Sequence[tuple[str, Sequence[Event]]]) -> None:
    """Replace the stored events of several articles inside the caller's transaction: one
    delete per table, one insert of all events (their new ids come back in order), one of
    all their actors."""
    ids = [article_id for article_id, _ in many]
    old = select(events.c.id).where(events.c.article_id.in_(ids))
    conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(old)))
    conn.execute(delete(events).where(events.c.article_id.in_(ids)))
    found = [(article_id, event) for article_id, evs in many for event in evs]
    if not found:
        return
    inserted = conn.execute(
        insert(events).returning(events.c.id, sort_by_parameter_order=True),
        [_event_row(article_id, event) for article_id, event in found],
    )
    actors = [
        {"event_id": event_id, "role": role, "text": a.text, "country": a.country,
         "sector": a.sector}
        for (event_id,), (_, event) in zip(inserted.all(), found, strict=True)
        for role, a in [("source", a) for a in event.source] + [("target", a) for a in event.target]
    ]  # fmt: skip
    if actors:
        conn.execute(insert(event_actors), actors)


class EventStore:
    engine: Engine

    def replace_events(self, article_id: str, found: Sequence[Event]) -> None:
        """Store ``found`` as the events of ``article_id``, replacing earlier ones."""
        with self.engine.begin() as conn:
            write_events(conn, article_id, found)
            self.bump_story_versions(conn, [article_id])  # type: ignore[attr-defined]

    def iter_events(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        **filters: Any,
    ) -> Iterator[dict[str, Any]]:
        """Stored events, newest first, each with the ``story_id`` of its article.

        Filters (see :func:`event_filters`): ``event_type``, ``quad_class``, ``actor``
        (ISO3 of a source or target), ``country`` (where it happened), ``since``,
        ``until``, ``article_id``, ``story_id``, ``include_negated``.
        """
        query = (
            select(events, story_articles.c.story_id)
            .outerjoin(story_articles, story_articles.c.article_id == events.c.article_id)
            .where(*event_filters(**filters))
            .order_by(events.c.date.desc().nulls_last(), events.c.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield _decode(dict(row))

    def count_events(self, **filters: Any) -> int:
        source = events  # an article is in one story at most: the join never adds rows
        if filters.get("story_id"):
            source = events.outerjoin(
                story_articles, story_articles.c.article_id == events.c.article_id
            )
        query = select(func.count()).select_from(source).where(*event_filters(**filters))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def actor_profile(self, code: str) -> dict[str, Any]:
        """What one country's actors did: events a month, and the countries they dealt with,
        split by quad class (cooperation vs conflict), as source or target."""
        code = code.upper()
        involved = select(event_actors.c.event_id).where(event_actors.c.country == code)
        month = func.substr(events.c.date, 1, 7)
        with self.engine.connect() as conn:
            by_month = conn.execute(
                select(month.label("month"), events.c.quad_class, func.count().label("n"))
                .where(
                    events.c.id.in_(involved),
                    events.c.negated.is_(False),
                    events.c.date.isnot(None),
                )
                .group_by(month, events.c.quad_class)
                .order_by(month)
            ).all()
            mine = event_actors.alias("mine")
            other = event_actors.alias("other")
            partners = conn.execute(
                select(
                    other.c.country,
                    events.c.quad_class,
                    func.count(func.distinct(events.c.id)).label("n"),
                )
                .select_from(
                    events.join(mine, mine.c.event_id == events.c.id).join(
                        other, other.c.event_id == events.c.id
                    )
                )
                .where(
                    mine.c.country == code,
                    other.c.country.isnot(None),
                    other.c.country != code,
                    events.c.negated.is_(False),
                )
                .group_by(other.c.country, events.c.quad_class)
            ).all()
        months: dict[str, dict[str, int]] = {}
        for m, quad, n in by_month:
            months.setdefault(m, {})[quad] = n
        counterparts: dict[str, dict[str, int]] = {}
        for country, quad, n in partners:
            counterparts.setdefault(country, {})[quad] = n
        return {
            "code": code,
            "months": [{"month": m, **counts} for m, counts in months.items()],
            "counterparts": sorted(
                ({"country": c, **counts} for c, counts in counterparts.items()),
                key=lambda row: (-sum(v for k, v in row.items() if k != "country"), row["country"]),
            ),
        }


def event_filters(
    *,
    event_type: str | None = None,
    quad_class: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article_id: str | None = None,
    story_id: str | None = None,
    include_negated: bool = False,
) -> list[Any]:
    """WHERE clauses for the event filters; every value is a bound parameter."""
    where: list[Any] = []
    if event_type:
        where.append(events.c.event_type == event_type.upper())
    if quad_class:
        where.append(events.c.quad_class == quad_class)
    if actor:
        involved = select(event_actors.c.event_id).where(event_actors.c.country == actor.upper())
        where.append(events.c.id.in_(involved))
    if country:
        where.append(events.c.location_country == country.upper())
    if since:
        where.append(events.c.date >= since)
    if until:
        where.append(events.c.date <= until + "\uffff")
    if article_id:
        where.append(events.c.article_id == article_id)
    if story_id:
        where.append(story_articles.c.story_id == story_id)
    if not include_negated:
        where.append(events.c.negated.is_(False))
    return where
