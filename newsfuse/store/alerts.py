"""Reading and writing watchlists, their matches and the delivery outbox (mixed into
:class:`Store`); what a match is and how it is delivered is :mod:`newsfuse.alerts`.

Each alert keeps two high-water marks, the last ``story_articles.position`` and the
last ``events.id`` it looked at: a check reads only the stories that gained an article
or an event since. A match and its deliveries are written with the new marks in one
transaction, so that a check either records all it found or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from newsfuse.errors import InputError, NotFound
from newsfuse.store.schema import (
    alert_deliveries,
    alert_matches,
    alerts,
    articles,
    events,
    stories,
    story_articles,
)

CHUNK = 500
ERROR_CHARS = 500
_EVENT_COLUMNS = (
    events.c.id,
    events.c.article_id,
    events.c.event_type,
    events.c.date,
    events.c.source,
    events.c.target,
    events.c.location,
    events.c.location_country,
    events.c.evidence,
    events.c.negated,
    events.c.start,
    events.c.end,
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _decode_alert(row: dict[str, Any]) -> dict[str, Any]:
    row["query"] = json.loads(row["query"])
    return row


class AlertStore:
    engine: Engine

    # -- the watchlists ----------------------------------------------------------------

    def add_alert(
        self,
        name: str,
        query: dict[str, Any],
        *,
        scope: str = "story",
        jsonl: str | None = None,
        webhook: str | None = None,
        from_now: bool = False,
        replace: bool = False,
    ) -> dict[str, Any]:
        """Save a watchlist. Its first check looks at everything stored, unless
        ``from_now``: then only at what arrives after it was added. With ``replace`` an
        alert of the same name is removed first (with its matches)."""
        name = name.strip()
        if not name:
            raise InputError("an alert needs a name")
        with self.engine.begin() as conn:
            found = conn.execute(select(alerts.c.id).where(alerts.c.name == name)).scalar()
            if found is not None and not replace:
                raise InputError(
                    f"an alert named {name!r} exists; `newsfuse alerts remove {name}` first, "
                    "or add it with --replace"
                )
            if found is not None:
                _remove(conn, found)
            position, event = _marks(conn) if from_now else (0, 0)
            conn.execute(
                insert(alerts).values(
                    name=name, scope=scope, query=json.dumps(query, ensure_ascii=False),
                    jsonl=jsonl, webhook=webhook, created_at=_now(),
                    seen_position=position, seen_event=event,
                )
            )  # fmt: skip
        return self.get_alert(name)

    def get_alert(self, name: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(alerts).where(alerts.c.name == name)).mappings().first()
        if row is None:
            raise NotFound(f"no alert named {name!r}; `newsfuse alerts list` lists them")
        return _decode_alert(dict(row))

    def watchlists(self) -> list[dict[str, Any]]:
        """Every alert as stored, oldest first (what a check reads)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(alerts).order_by(alerts.c.id)).mappings()
            return [_decode_alert(dict(r)) for r in rows]

    def list_alerts(self) -> list[dict[str, Any]]:
        """Every alert, oldest first, with its number of matches, the time of its latest,
        and how many deliveries are still in the outbox."""
        matched = (
            select(
                alert_matches.c.alert_id,
                func.count().label("matches"),
                func.max(alert_matches.c.matched_at).label("last_match"),
            )
            .group_by(alert_matches.c.alert_id)
            .subquery()
        )
        waiting = (
            select(alert_matches.c.alert_id, func.count().label("pending"))
            .join(alert_deliveries, alert_deliveries.c.match_id == alert_matches.c.id)
            .where(alert_deliveries.c.delivered_at.is_(None))
            .group_by(alert_matches.c.alert_id)
            .subquery()
        )
        query = (
            select(alerts, matched.c.matches, matched.c.last_match, waiting.c.pending)
            .outerjoin(matched, matched.c.alert_id == alerts.c.id)
            .outerjoin(waiting, waiting.c.alert_id == alerts.c.id)
            .order_by(alerts.c.id)
        )
        with self.engine.connect() as conn:
            rows = [_decode_alert(dict(r)) for r in conn.execute(query).mappings()]
        for row in rows:
            row["matches"] = row["matches"] or 0
            row["pending"] = row["pending"] or 0
        return rows

    def remove_alert(self, name: str) -> None:
        """Forget an alert with its matches and any delivery still owed."""
        with self.engine.begin() as conn:
            found = conn.execute(select(alerts.c.id).where(alerts.c.name == name)).scalar()
            if found is None:
                raise NotFound(f"no alert named {name!r}; `newsfuse alerts list` lists them")
            _remove(conn, found)

    # -- what a check reads ------------------------------------------------------------

    def alert_marks(self) -> tuple[int, int]:
        """The newest story membership position and event id stored now."""
        with self.engine.connect() as conn:
            return _marks(conn)

    def stories_since(self, position: int, event_id: int) -> list[str]:
        """Stories that gained an article after membership ``position`` or an event after
        ``event_id``, in their order of creation."""
        joined = select(story_articles.c.story_id).where(story_articles.c.position > position)
        coded = (
            select(story_articles.c.story_id)
            .join(events, events.c.article_id == story_articles.c.article_id)
            .where(events.c.id > event_id)
        )
        query = (
            select(stories.c.id)
            .where(stories.c.id.in_(joined) | stories.c.id.in_(coded))
            .order_by(stories.c.seq)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def alert_candidates(self, story_ids: Sequence[str]) -> list[dict[str, Any]]:
        """What matching reads of each story: its summary (id, title, sources, articles,
        dates), its article titles, and its events with their article's title and
        dateline (``source``/``target`` as PLOVER actor lists)."""
        out: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            for start in range(0, len(story_ids), CHUNK):
                out += _candidates(conn, list(story_ids[start : start + CHUNK]))
        return out

    # -- what a check writes -----------------------------------------------------------

    def record_matches(
        self,
        alert_id: int,
        found: Iterable[dict[str, Any]],
        destinations: Sequence[tuple[str, str]],
        marks: tuple[int, int],
    ) -> list[dict[str, Any]]:
        """Record the matches in ``found`` that ``alert_id`` has not recorded yet (each a
        dict with ``key``, ``kind``, ``story_id``, ``event_id``, ``article_id``, ``title``
        and ``payload``), one delivery per match and (channel, target) in
        ``destinations``, and the alert's new high-water ``marks``, in one transaction.
        Returns the new matches, each with its ``id`` and ``matched_at``."""
        now = _now()
        new: list[dict[str, Any]] = []
        with self.engine.begin() as conn:
            for match in found:
                seen = conn.execute(
                    select(alert_matches.c.id).where(
                        alert_matches.c.alert_id == alert_id, alert_matches.c.key == match["key"]
                    )
                ).first()
                if seen is not None:
                    continue
                row = dict(match, alert_id=alert_id, matched_at=now)
                row["payload"] = json.dumps(match["payload"], ensure_ascii=False)
                match_id = conn.execute(insert(alert_matches).values(**row)).inserted_primary_key[0]
                for channel, target in destinations:
                    conn.execute(
                        insert(alert_deliveries).values(
                            match_id=match_id, channel=channel, target=target, created_at=now
                        )
                    )
                new.append(dict(match, id=match_id, matched_at=now))
            conn.execute(
                update(alerts)
                .where(alerts.c.id == alert_id)
                .values(seen_position=marks[0], seen_event=marks[1])
            )
        return new

    # -- the outbox --------------------------------------------------------------------

    def pending_deliveries(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Deliveries still owed, oldest match first: the delivery's id, channel, target
        and attempts, the match's id and payload, and the alert's name."""
        query = (
            select(
                alert_deliveries.c.id,
                alert_deliveries.c.channel,
                alert_deliveries.c.target,
                alert_deliveries.c.attempts,
                alert_matches.c.id.label("match_id"),
                alert_matches.c.payload,
                alert_matches.c.matched_at,
                alerts.c.name.label("alert"),
            )
            .join(alert_matches, alert_matches.c.id == alert_deliveries.c.match_id)
            .join(alerts, alerts.c.id == alert_matches.c.alert_id)
            .where(alert_deliveries.c.delivered_at.is_(None))
            .order_by(alert_matches.c.id, alert_deliveries.c.id)
        )
        if limit is not None:
            query = query.limit(limit)
        return self._rows_with_payload(query)

    def delivery_done(self, delivery_id: int, attempts: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(alert_deliveries)
                .where(alert_deliveries.c.id == delivery_id)
                .values(delivered_at=_now(), attempts=attempts, last_error=None)
            )

    def delivery_failed(self, delivery_id: int, attempts: int, error: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(alert_deliveries)
                .where(alert_deliveries.c.id == delivery_id)
                .values(attempts=attempts, last_error=error[:ERROR_CHARS])
            )

    def delivery_log(self, match_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """Match id -> its deliveries (channel, target, attempts, last_error, delivered_at)."""
        out: dict[int, list[dict[str, Any]]] = {}
        query = (
            select(
                alert_deliveries.c.match_id,
                alert_deliveries.c.channel,
                alert_deliveries.c.target,
                alert_deliveries.c.attempts,
                alert_deliveries.c.last_error,
                alert_deliveries.c.delivered_at,
            )
            .where(alert_deliveries.c.match_id.in_(list(match_ids)))
            .order_by(alert_deliveries.c.id)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                item = dict(row)
                out.setdefault(item.pop("match_id"), []).append(item)
        return out

    # -- reading matches ---------------------------------------------------------------

    def recorded_matches(
        self, name: str | None = None, *, limit: int | None = 50, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Recorded matches, newest first (of the alert ``name``, or of every alert): id,
        alert, kind, key, story_id, event_id, article_id, title, matched_at, payload."""
        query = (
            select(alert_matches, alerts.c.name.label("alert"))
            .join(alerts, alerts.c.id == alert_matches.c.alert_id)
            .order_by(alert_matches.c.id.desc())
            .offset(offset)
        )
        if name is not None:
            query = query.where(alerts.c.id == self.get_alert(name)["id"])
        if limit is not None:
            query = query.limit(limit)
        rows = self._rows_with_payload(query)
        for row in rows:
            row.pop("alert_id", None)
        return rows

    def _rows_with_payload(self, query) -> list[dict]:
        """The rows of ``query`` as dicts, each match's JSON payload decoded."""
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        for row in rows:
            row["payload"] = json.loads(row["payload"])
        return rows

    def count_alert_matches(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(alert_matches)).scalar_one()


def _remove(conn: Connection, alert_id: int) -> None:
    matches = select(alert_matches.c.id).where(alert_matches.c.alert_id == alert_id)
    conn.execute(delete(alert_deliveries).where(alert_deliveries.c.match_id.in_(matches)))
    conn.execute(delete(alert_matches).where(alert_matches.c.alert_id == alert_id))
    conn.execute(delete(alerts).where(alerts.c.id == alert_id))


def _marks(conn: Connection) -> tuple[int, int]:
    position = conn.execute(select(func.max(story_articles.c.position))).scalar() or 0
    event = conn.execute(select(func.max(events.c.id))).scalar() or 0
    return int(position), int(event)


def _candidates(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(
            stories.c.id,
            stories.c.title,
            stories.c.sources,
            stories.c.articles,
            stories.c.first_published,
            stories.c.last_published,
        )
        .where(stories.c.id.in_(ids))
        .order_by(stories.c.seq)
    ).mappings()
    found = {r["id"]: dict(r, article_titles=[], events=[]) for r in rows}
    members = conn.execute(
        select(
            story_articles.c.story_id,
            articles.c.id,
            articles.c.title,
            articles.c.dateline_place,
            articles.c.dateline_country,
        )
        .join(articles, articles.c.id == story_articles.c.article_id)
        .where(story_articles.c.story_id.in_(ids))
        .order_by(story_articles.c.position)
    ).mappings()
    article_of: dict[str, dict[str, Any]] = {}
    for m in members:
        article_of[m["id"]] = dict(m)
        if m["title"]:
            found[m["story_id"]]["article_titles"].append(m["title"])
    coded = conn.execute(
        select(*_EVENT_COLUMNS, story_articles.c.story_id)
        .join(story_articles, story_articles.c.article_id == events.c.article_id)
        .where(story_articles.c.story_id.in_(ids))
        .order_by(events.c.id)
    ).mappings()
    for e in coded:
        event = dict(e)
        article = article_of.get(event["article_id"], {})
        event["source"] = json.loads(event["source"])
        event["target"] = json.loads(event["target"])
        event["article_title"] = article.get("title")
        event["dateline_place"] = article.get("dateline_place")
        event["dateline_country"] = article.get("dateline_country")
        found[event.pop("story_id")]["events"].append(event)
    return list(found.values())
