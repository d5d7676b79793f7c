"""A story's fusion, cached by story version, and what computing it reads (mixed into
:class:`StoryStore`).

``stories.version`` changes whenever something the fusion depends on changes: the
story's members (:meth:`StoryStore.save_clustering`) or a member's annotations and
events (whoever rewrites them calls :meth:`FusionStore.bump_story_versions` in the same
transaction). A cached fusion is used only while its version is the story's version,
so it is never stale; a miss recomputes it and stores it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, exists, insert, select, update
from sqlalchemy.exc import DBAPIError

from newsfuse.store.events import event_filters
from newsfuse.store.schema import (
    articles,
    events,
    places,
    quantities,
    stories,
    story_articles,
    story_fusions,
)

BUMP_CHUNK = 500  # article ids per UPDATE (SQLite limits bound parameters)


def _chunks(items: Iterable[str], size: int) -> Iterable[list[str]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class FusionStore:
    engine: Engine

    # -- versions -----------------------------------------------------------------

    def bump_story_versions(self, conn: Connection, article_ids: Iterable[str]) -> None:
        """Mark the stories of ``article_ids`` as changed, inside the caller's transaction
        ``conn``: call it whenever an article's annotations or events are rewritten."""
        for chunk in _chunks(dict.fromkeys(article_ids), BUMP_CHUNK):
            of = select(story_articles.c.story_id).where(story_articles.c.article_id.in_(chunk))
            conn.execute(
                update(stories).where(stories.c.id.in_(of)).values(version=stories.c.version + 1)
            )

    # -- the cache ----------------------------------------------------------------

    def cached_fusion(self, story_id: str, version: int) -> dict[str, Any] | None:
        """The stored fusion of ``story_id`` if it was computed from ``version``, else None."""
        query = select(story_fusions.c.fusion).where(
            story_fusions.c.story_id == story_id, story_fusions.c.version == version
        )
        with self.engine.connect() as conn:
            found = conn.execute(query).scalar()
        return json.loads(found) if found is not None else None

    def current_fusion(self, story_id: str) -> tuple[int | None, dict[str, Any] | None]:
        """The story's version (None: no such story) and its fusion stored for that
        version (None: not stored yet), in one query."""
        query = (
            select(stories.c.version, story_fusions.c.fusion)
            .outerjoin(
                story_fusions,
                (story_fusions.c.story_id == stories.c.id)
                & (story_fusions.c.version == stories.c.version),
            )
            .where(stories.c.id == story_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None, None
        return row.version, json.loads(row.fusion) if row.fusion is not None else None

    def save_fusion(self, story_id: str, version: int, fusion: dict[str, Any]) -> bool:
        """Store ``fusion`` as computed from ``version`` of the story, unless the story has
        changed (or gone) since: returns whether it was stored."""
        row = {
            "story_id": story_id,
            "version": version,
            "fusion": json.dumps(fusion, ensure_ascii=False, separators=(",", ":")),
            "computed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        current = exists().where(stories.c.id == story_id, stories.c.version == version)
        try:
            with self.engine.begin() as conn:
                if not conn.execute(select(current)).scalar():
                    return False
                conn.execute(story_fusions.delete().where(story_fusions.c.story_id == story_id))
                conn.execute(insert(story_fusions).values(**row))
        except DBAPIError:
            # Another reader stored it first, the story went, the file is busy or may not
            # be written: the fusion is still the answer, only not kept.
            return False
        return True

    def stories_without_fusion(self, story_ids: Iterable[str] | None = None) -> list[str]:
        """Ids of the stories (among ``story_ids``, or all) with no fusion stored for
        their current version."""
        query = (
            select(stories.c.id)
            .outerjoin(story_fusions, story_fusions.c.story_id == stories.c.id)
            .where(
                (story_fusions.c.story_id.is_(None))
                | (story_fusions.c.version != stories.c.version)
            )
            .order_by(stories.c.seq)
        )
        with self.engine.connect() as conn:
            found = list(conn.execute(query).scalars())
        if story_ids is not None:
            wanted = set(story_ids)
            found = [sid for sid in found if sid in wanted]
        return found

    # -- what computing a fusion reads, for all members at once ------------------------

    def story_version(self, story_id: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(select(stories.c.version).where(stories.c.id == story_id)).scalar()

    def story_members(self, story_id: str) -> list[dict[str, Any]]:
        """Every member of a story (id, origin, published), in publication order."""
        query = (
            select(
                story_articles.c.article_id.label("id"),
                story_articles.c.origin,
                articles.c.published,
            )
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(story_articles.c.story_id == story_id)
            .order_by(articles.c.published.asc().nulls_last(), story_articles.c.position)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def story_events(self, story_id: str) -> list[dict[str, Any]]:
        """The events of every member, as ``iter_events(story_id=...)`` gives them (and in
        its order), read in bulk: rows as tuples, each distinct actor list decoded once."""
        query = (
            select(events, story_articles.c.story_id)
            .outerjoin(story_articles, story_articles.c.article_id == events.c.article_id)
            .where(*event_filters(story_id=story_id))
            .order_by(events.c.date.desc().nulls_last(), events.c.id)
        )
        decoded: dict[str, Any] = {}

        def actors(value: str) -> Any:
            if value not in decoded:
                decoded[value] = json.loads(value)
            return decoded[value]

        with self.engine.connect() as conn:
            result = conn.execute(query)
            keys = list(result.keys())
            found = [dict(zip(keys, row, strict=True)) for row in result]
        for row in found:
            row["source"] = actors(row["source"])
            row["target"] = actors(row["target"])
        return found

    def story_claim_inputs(
        self, story_id: str
    ) -> tuple[dict[str, list[dict]], dict[str, list[dict]], dict[str, str]]:
        """The quantities and places of every member (as :meth:`get_annotations` gives
        them, by article id), and the text of the members that have quantities."""
        members = select(story_articles.c.article_id).where(story_articles.c.story_id == story_id)
        found: list[dict[str, list[dict]]] = []
        with self.engine.connect() as conn:
            for table in (quantities, places):
                by_article: dict[str, list[dict]] = {}
                query = (
                    select(table)
                    .where(table.c.article_id.in_(members))
                    .order_by(table.c.article_id, table.c.start, table.c.id)
                )
                result = conn.execute(query)
                keys = list(result.keys())
                for row in result:
                    item = dict(zip(keys, row, strict=True))
                    item.pop("id", None)
                    by_article.setdefault(item.pop("article_id"), []).append(item)
                found.append(by_article)
            counted = select(quantities.c.article_id).where(quantities.c.article_id.in_(members))
            query = select(articles.c.id, articles.c.text).where(articles.c.id.in_(counted))
            texts = {aid: text for aid, text in conn.execute(query)}
        return found[0], found[1], texts
