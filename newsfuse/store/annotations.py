"""Reading and writing what the annotate stage found (mixed into :class:`Store`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from newsfuse.model import Annotations
from newsfuse.store.schema import (
    actor_dictionary,
    actor_mentions,
    annotation_runs,
    articles,
    places,
    quantities,
    sentences,
    time_expressions,
)

ANNOTATION_TABLES = (
    sentences,
    actor_mentions,
    places,
    time_expressions,
    quantities,
    annotation_runs,
)


def _rows(ann: Annotations) -> dict[Any, list[dict[str, Any]]]:
    aid = ann.article_id
    return {
        sentences: [{"article_id": aid, "n": n, "start": s, "end": e} for n, (s, e) in enumerate(ann.sentences)],
        actor_mentions: [
            {"article_id": aid, "start": m.start, "end": m.end, "text": m.text, "name": m.actor.name,
             "country": m.actor.country, "sector": m.actor.sector, "label": m.label, "sentence": m.sentence}
            for m in ann.actors
        ],
        places: [
            {"article_id": aid, "start": p.start, "end": p.end, "text": p.text, "name": p.name,
             "country": p.country, "kind": p.kind, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
             "sentence": p.sentence, "geonameid": p.geonameid, "feature_class": p.feature_class,
             "feature_code": p.feature_code}
            for p in ann.places
        ],
        time_expressions: [
            {"article_id": aid, "start": t.start, "end": t.end, "text": t.text, "value": t.value,
             "end_value": t.end_value, "granularity": t.granularity, "sentence": t.sentence}
            for t in ann.times
        ],
        quantities: [
            {"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "value": q.value,
             "qualifier": q.qualifier, "noun": q.noun, "vague": q.vague,
             "actor_country": q.actor.country if q.actor else None,
             "actor_sector": q.actor.sector if q.actor else None, "sentence": q.sentence}
            for q in ann.quantities
        ],
        annotation_runs: [{"article_id": aid, "at": datetime.now(UTC).isoformat(timespec="seconds")}],
    }  # fmt: skip


def write_annotations(conn: Connection, ann: Annotations) -> None:
    """Replace the stored annotations of ``ann.article_id`` inside the caller's transaction."""
    write_many_annotations(conn, [ann])


def write_many_annotations(conn: Connection, many: Sequence[Annotations]) -> None:
    """Replace the stored annotations of several articles inside the caller's transaction:
    one delete and one insert per table for all of them."""
    ids = [ann.article_id for ann in many]
    for table in ANNOTATION_TABLES:
        conn.execute(delete(table).where(table.c.article_id.in_(ids)))
    rows: dict[Any, list[dict[str, Any]]] = {}
    for ann in many:
        for table, found in _rows(ann).items():
            rows.setdefault(table, []).extend(found)
    for table, found in rows.items():
        if found:
            conn.execute(insert(table), found)


class AnnotationStore:
    engine: Engine

    def add_annotations(self, ann: Annotations) -> None:
        """Replace whatever was stored for this article with ``ann``, in one transaction."""
        with self.engine.begin() as conn:
            write_annotations(conn, ann)
            self.bump_story_versions(conn, [ann.article_id])  # type: ignore[attr-defined]

    def get_annotations(self, article_id: str) -> dict[str, list[dict]]:
        """Stored annotations of one article: actors, places, times, quantities, sentences."""
        out: dict[str, list[dict]] = {}
        named = {"actors": actor_mentions, "places": places, "times": time_expressions,
                 "quantities": quantities, "sentences": sentences}  # fmt: skip
        with self.engine.connect() as conn:
            for key, table in named.items():
                query = (
                    select(table).where(table.c.article_id == article_id).order_by(table.c.start)
                )
                rows = [dict(r) for r in conn.execute(query).mappings()]
                for row in rows:
                    row.pop("article_id", None)
                    row.pop("id", None)
                out[key] = rows
        return out

    def iter_places(self, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored place mentions with their ``article_id``, by article and offset (one
        article's only, given ``article_id``)."""
        query = select(places).order_by(places.c.article_id, places.c.start, places.c.id)
        if article_id is not None:
            query = query.where(places.c.article_id == article_id)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                out = dict(row)
                out.pop("id", None)
                yield out

    def unannotated_article_ids(self) -> list[str]:
        query = (
            select(articles.c.id)
            .outerjoin(annotation_runs, annotation_runs.c.article_id == articles.c.id)
            .where(annotation_runs.c.article_id.is_(None))
            .order_by(articles.c.id)
        )
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(query)]

    def actor_counts(
        self, *, country: str | None = None, limit: int | None = None
    ) -> Iterator[dict]:
        """Actors (name, country, sector) with how often and in how many articles they are named."""
        query = (
            select(
                actor_mentions.c.country,
                actor_mentions.c.sector,
                actor_mentions.c.name,
                func.count().label("mentions"),
                func.count(actor_mentions.c.article_id.distinct()).label("articles"),
            )
            .group_by(actor_mentions.c.country, actor_mentions.c.sector, actor_mentions.c.name)
            .order_by(func.count().desc(), actor_mentions.c.name)
        )
        if country:
            query = query.where(actor_mentions.c.country == country.upper())
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield dict(row)


class DictionaryStore:
    """Imported actor dictionaries, kept as rows so every process can rebuild the index."""

    engine: Engine

    def replace_dictionary_rows(self, rows: list[dict[str, Any]], files: list[str]) -> None:
        """Store ``rows``, replacing earlier imports of the same ``files``."""
        with self.engine.begin() as conn:
            for path in files:
                conn.execute(
                    delete(actor_dictionary).where(actor_dictionary.c.source.startswith(f"{path}:"))
                )
            if rows:
                conn.execute(insert(actor_dictionary), rows)

    def dictionary_rows(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            query = select(actor_dictionary).order_by(actor_dictionary.c.id)
            return [
                {k: v for k, v in r.items() if k != "id"} for r in conn.execute(query).mappings()
            ]

    def dictionary_size(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(actor_dictionary)).scalar_one()
