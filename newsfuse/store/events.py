"""Reading and writing coded events (mixed into :class:`Store`)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from newsfuse.events.ontology import quad_class
from newsfuse.model import Event
from newsfuse.store.schema import event_actors, events


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
    }


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row["source"] = json.loads(row["source"])
    row["target"] = json.loads(row["target"])
    return row


class EventStore:
    engine: Engine

    def replace_events(self, article_id: str, found: Sequence[Event]) -> None:
        """Store ``found`` as the events of ``article_id``, replacing earlier ones."""
        with self.engine.begin() as conn:
            old = select(events.c.id).where(events.c.article_id == article_id)
            conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(old)))
            conn.execute(delete(events).where(events.c.article_id == article_id))
            for event in found:
                event_id = conn.execute(
                    insert(events).values(**_event_row(article_id, event))
                ).inserted_primary_key[0]
                actors = [("source", a) for a in event.source] + [
                    ("target", a) for a in event.target
                ]
                if actors:
                    conn.execute(
                        insert(event_actors),
                        [
                            {
                                "event_id": event_id,
                                "role": role,
                                "text": a.text,
                                "country": a.country,
                                "sector": a.sector,
                            }
                            for role, a in actors
                        ],
                    )

    def iter_events(
        self,
        *,
        event_type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article_id: str | None = None,
        include_negated: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[dict[str, Any]]:
        """Stored events, newest first, filtered by type, actor country, date range or article."""
        query = (
            select(events).order_by(events.c.date.desc().nulls_last(), events.c.id).offset(offset)
        )
        if event_type:
            query = query.where(events.c.event_type == event_type.upper())
        if actor:
            involved = select(event_actors.c.event_id).where(
                event_actors.c.country == actor.upper()
            )
            query = query.where(events.c.id.in_(involved))
        if since:
            query = query.where(events.c.date >= since)
        if until:
            query = query.where(events.c.date <= until)
        if article_id:
            query = query.where(events.c.article_id == article_id)
        if not include_negated:
            query = query.where(events.c.negated.is_(False))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield _decode(dict(row))
