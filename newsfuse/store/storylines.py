"""Reading and writing storylines: stories linked over weeks and months (mixed into
:class:`Store`). A storyline is the set of stories sharing a ``storyline_id``; the
cluster stage sets it for every story after each run."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Engine, bindparam, func, select, update

from newsfuse.errors import NotFound
from newsfuse.store.schema import stories, story_articles
from newsfuse.store.stories import _decode_story


class StorylineStore:
    engine: Engine

    def save_storylines(self, storyline_of: Mapping[str, str]) -> int:
        """Set each story's storyline (story id -> storyline id); returns stories changed."""
        with self.engine.begin() as conn:
            current = dict(conn.execute(select(stories.c.id, stories.c.storyline_id)).all())
            changed = [
                {"sid": sid, "lid": lid}
                for sid, lid in storyline_of.items()
                if sid in current and current[sid] != lid
            ]
            if changed:
                conn.execute(
                    update(stories)
                    .where(stories.c.id == bindparam("sid"))
                    .values(storyline_id=bindparam("lid")),
                    changed,
                )
        return len(changed)

    def storyline_ids(self) -> dict[str, str]:
        """Article id -> the storyline of its story, for every clustered article."""
        q = select(story_articles.c.article_id, stories.c.storyline_id).join(
            stories, stories.c.id == story_articles.c.story_id
        )
        with self.engine.connect() as conn:
            return {a: lid for a, lid in conn.execute(q) if lid is not None}

    def iter_storylines(
        self, *, min_stories: int = 2, limit: int | None = None, offset: int = 0
    ) -> Iterator[dict[str, Any]]:
        """Storylines of at least ``min_stories`` stories, the most recently active first:
        id, title (its first story's), stories, articles, first and last published."""
        count = func.count().label("stories")
        last = func.max(stories.c.last_published).label("last_published")
        q = (
            select(
                stories.c.storyline_id.label("id"),
                count,
                func.sum(stories.c.articles).label("articles"),
                func.min(stories.c.first_published).label("first_published"),
                last,
            )
            .where(stories.c.storyline_id.is_not(None))
            .group_by(stories.c.storyline_id)
            .having(count >= min_stories)
            .order_by(last.desc().nulls_last(), stories.c.storyline_id)
            .offset(offset)
        )
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            titles = _first_titles(conn, [r["id"] for r in rows])
        for row in rows:
            row["title"] = titles.get(row["id"])
            yield row

    def count_storylines(self, *, min_stories: int = 2) -> int:
        inner = (
            select(stories.c.storyline_id)
            .where(stories.c.storyline_id.is_not(None))
            .group_by(stories.c.storyline_id)
            .having(func.count() >= min_stories)
            .subquery()
        )
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(inner)).scalar_one()

    def get_storyline(self, storyline_id: str) -> dict[str, Any]:
        """A storyline and its stories (as :meth:`iter_stories` gives them), oldest first.

        ``storyline_id`` may also be the id of one of its stories or articles."""
        of_article = select(story_articles.c.story_id).where(
            story_articles.c.article_id == storyline_id
        )
        with self.engine.connect() as conn:
            lid = conn.execute(
                select(stories.c.storyline_id).where(
                    (stories.c.storyline_id == storyline_id)
                    | (stories.c.id == storyline_id)
                    | stories.c.id.in_(of_article)
                )
            ).scalar()
            if lid is None:
                raise NotFound(
                    f"no storyline (or story, or article) with id {storyline_id!r}; "
                    "`newsfuse storylines` lists the ids"
                )
            rows = conn.execute(
                select(stories)
                .where(stories.c.storyline_id == lid)
                .order_by(stories.c.first_published.asc().nulls_last(), stories.c.seq)
            ).mappings()
            members = [_decode_story(dict(r)) for r in rows]
        dates = [d for s in members for d in (s["first_published"], s["last_published"]) if d]
        return {
            "id": lid,
            "title": members[0]["title"] if members else None,
            "stories": members,
            "story_count": len(members),
            "articles": sum(s["article_count"] for s in members),
            "first_published": min(dates) if dates else None,
            "last_published": max(dates) if dates else None,
        }


def _first_titles(conn: Any, storyline_ids: list[str]) -> dict[str, str | None]:
    """The title of each storyline's first story (earliest published, then oldest)."""
    if not storyline_ids:
        return {}
    rows = conn.execute(
        select(stories.c.storyline_id, stories.c.title)
        .where(stories.c.storyline_id.in_(storyline_ids))
        .order_by(
            stories.c.storyline_id, stories.c.first_published.asc().nulls_last(), stories.c.seq
        )
    )
    titles: dict[str, str | None] = {}
    for lid, title in rows:
        titles.setdefault(lid, title)
    return titles
