"""Reading and writing stories and their articles (mixed into :class:`Store`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, exists, func, insert, or_, select, update

from newsfuse.errors import NotFound
from newsfuse.store.fusions import FusionStore
from newsfuse.store.schema import (
    actor_mentions,
    articles,
    cluster_runs,
    events,
    places,
    stories,
    story_articles,
    story_fusions,
    time_expressions,
)

UNRECORDED = "an unrecorded configuration (before newsfuse recorded cluster runs)"
MAIN_ACTORS = 6
_ARTICLE_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.text,
    articles.c.published,
    articles.c.agency,
    articles.c.outlet,
    articles.c.url,
)


@dataclass(frozen=True)
class Membership:
    """Where the cluster stage put one article."""

    article_id: str
    story_id: str
    position: int
    score: float
    reprint_of: str | None
    origin: str


class StoryStore(FusionStore):
    engine: Engine

    # -- for the cluster stage -----------------------------------------------

    def clustered_articles(self) -> Iterator[dict[str, Any]]:
        """Articles already in stories, in the order they arrived, with their text."""
        query = (
            select(*_ARTICLE_COLUMNS, *story_articles.c, stories.c.seq.label("story_seq"))
            .join(story_articles, story_articles.c.article_id == articles.c.id)
            .join(stories, stories.c.id == story_articles.c.story_id)
            .order_by(story_articles.c.position)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield dict(row)

    def unclustered_articles(self) -> list[dict[str, Any]]:
        """Articles in no story yet, oldest publication first (undated last), then by id."""
        query = (
            select(*_ARTICLE_COLUMNS)
            .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
            .where(story_articles.c.article_id.is_(None))
            .order_by(articles.c.published.asc().nulls_last(), articles.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def cluster_signals(self, article_ids: Iterable[str]) -> dict[str, dict[str, list[dict]]]:
        """What the clusterer reads of each article's annotations and events: actor names
        and labels, places, time expressions, event types and counts (by article id;
        an article with none is left out)."""
        wanted = {
            "actors": (actor_mentions, ("name", "label")),
            "places": (places, ("name", "kind", "admin1", "lat", "sentence")),
            "times": (time_expressions, ("value", "granularity", "sentence", "start")),
            "events": (events, ("event_type", "dead", "injured", "negated", "hypothetical")),
        }
        out: dict[str, dict[str, list[dict]]] = {}
        ids = list(dict.fromkeys(article_ids))
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for key, (table, columns) in wanted.items():
                    cols = [table.c.article_id, *(table.c[c] for c in columns)]
                    query = select(*cols).where(table.c.article_id.in_(chunk))
                    for row in conn.execute(query).mappings():
                        item = dict(row)
                        aid = item.pop("article_id")
                        out.setdefault(aid, {}).setdefault(key, []).append(item)
        return out

    def next_story_seq(self) -> int:
        with self.engine.connect() as conn:
            return (conn.execute(select(func.max(stories.c.seq))).scalar() or 0) + 1

    def save_clustering(
        self,
        added: Sequence[Membership],
        merged: dict[str, str],
        new_stories: dict[str, int],
        config: Any = None,
        *,
        rebuild: bool = False,
    ) -> None:
        """Record one cluster run in one transaction.

        ``added``: the new memberships; ``merged``: story id → the story it was folded
        into; ``new_stories``: id → creation sequence of stories this run started;
        ``config``: the :class:`~newsfuse.cluster.config.ClusterConfig` used, recorded in
        ``cluster_runs`` with ``rebuild`` (the run started from scratch).
        Every story whose members change gets a new version (its stored fusion is out
        of date); stories folded into others go, with their stored fusions.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            if config is not None:
                conn.execute(
                    insert(cluster_runs).values(
                        at=now, articles=len(added), rebuild=rebuild,
                        config_name=config.name, config=config.to_json(),
                    )
                )  # fmt: skip
            for sid, seq in new_stories.items():
                conn.execute(
                    insert(stories).values(
                        id=sid, seq=seq, articles=0, sources=0, actors="[]", updated_at=now
                    )
                )
            if added:
                conn.execute(insert(story_articles), [m.__dict__ for m in added])
            for old, new in merged.items():
                conn.execute(
                    update(story_articles)
                    .where(story_articles.c.story_id == old)
                    .values(story_id=new)
                )
            touched = {m.story_id for m in added} | set(merged.values())
            for sid in sorted(touched - set(merged)):
                conn.execute(
                    update(stories)
                    .where(stories.c.id == sid)
                    .values(**_summary(conn, sid), updated_at=now, version=stories.c.version + 1)
                )
            if merged:
                gone = list(merged)
                conn.execute(delete(story_fusions).where(story_fusions.c.story_id.in_(gone)))
                conn.execute(delete(stories).where(stories.c.id.in_(gone)))

    def cluster_runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest cluster runs, newest first: when, how many articles, which config."""
        query = select(cluster_runs).order_by(cluster_runs.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        for row in rows:
            row["config"] = json.loads(row["config"])
        return rows

    def story_configs(self) -> list[str]:
        """Names of the configurations that put the stored articles into their stories:
        those of the runs since the last rebuild that clustered any, oldest first (empty
        with no story). Stories made before runs were recorded (migration 0010) count as
        :data:`UNRECORDED`."""
        rebuilt = select(func.max(cluster_runs.c.id)).where(cluster_runs.c.rebuild)
        query = (
            select(cluster_runs.c.config_name)
            .where(cluster_runs.c.articles > 0)
            .where(cluster_runs.c.id >= func.coalesce(rebuilt.scalar_subquery(), 0))
            .order_by(cluster_runs.c.id)
        )
        with self.engine.connect() as conn:
            if conn.execute(select(func.count()).select_from(stories)).scalar() == 0:
                return []
            names = list(dict.fromkeys(conn.execute(query).scalars()))
            recorded = conn.execute(select(func.sum(cluster_runs.c.articles))).scalar() or 0
            members = conn.execute(select(func.count()).select_from(story_articles)).scalar()
        # members no recorded run accounts for: clustered before runs were recorded
        return ([UNRECORDED] if members > recorded else []) + names

    def clear_stories(self) -> None:
        """Forget every story, so that the next cluster run starts from scratch."""
        with self.engine.begin() as conn:
            conn.execute(delete(story_fusions))
            conn.execute(delete(story_articles))
            conn.execute(delete(stories))

    # -- reading -------------------------------------------------------------

    def iter_stories(
        self, *, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> Iterator[dict[str, Any]]:
        """Stories, the most recently published first; filters as in :func:`story_filters`."""
        q = (
            select(stories)
            .where(*story_filters(**filters, plain_like=self._plain_like))
            .order_by(stories.c.last_published.desc().nulls_last(), stories.c.seq.desc())
            .offset(offset)
        )
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                yield _decode_story(dict(row))

    def page_of_stories(
        self, *, limit: int, offset: int = 0, **filters: Any
    ) -> tuple[list[dict[str, Any]], int]:
        """``limit`` stories from ``offset`` (as :meth:`iter_stories`) and how many match.

        A text search reads the articles once: the ids of every matching story come
        back in order, their number is the total, and only the page is read in full.
        """
        if not filters.get("query"):
            return list(self.iter_stories(limit=limit, offset=offset, **filters)), (
                self.count_stories(**filters)
            )
        ordered = (
            select(stories.c.id)
            .where(*story_filters(**filters, plain_like=self._plain_like))
            .order_by(stories.c.last_published.desc().nulls_last(), stories.c.seq.desc())
        )
        with self.engine.connect() as conn:
            ids = list(conn.execute(ordered).scalars())
            page = ids[offset : offset + limit]
            rows = conn.execute(select(stories).where(stories.c.id.in_(page))).mappings()
            found = {row["id"]: _decode_story(dict(row)) for row in rows}
        return [found[sid] for sid in page if sid in found], len(ids)

    def count_stories(self, **filters: Any) -> int:
        where = story_filters(**filters, plain_like=self._plain_like)
        q = select(func.count()).select_from(stories).where(*where)
        with self.engine.connect() as conn:
            return conn.execute(q).scalar_one()

    @property
    def _plain_like(self) -> bool:
        # SQLite's LIKE ignores ASCII case, as its lower() folds ASCII only: the same
        # matches as ILIKE (which SQLAlchemy renders there as lower() LIKE lower()),
        # without copying every text in lower case first.
        return self.engine.dialect.name == "sqlite"

    def get_story(
        self, story_id: str, *, limit: int | None = None, offset: int = 0
    ) -> dict[str, Any]:
        """A story with its articles (metadata, no text), in publication order.

        ``story_id`` may also be the id of an article: its story is returned. Only
        ``limit`` articles from ``offset`` are listed (all when ``limit`` is None);
        ``articles_total`` says how many there are.
        """
        with self.engine.connect() as conn:
            row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
            if row is None:  # an article's id stands for the story it is in
                of_article = select(story_articles.c.story_id).where(
                    story_articles.c.article_id == story_id
                )
                row = (
                    conn.execute(select(stories).where(stories.c.id.in_(of_article)))
                    .mappings()
                    .first()
                )
            if row is None:
                raise NotFound(
                    f"no story (or article) with id {story_id!r}; `newsfuse stories` lists the ids"
                )
            story_id = row["id"]
            query = (
                select(
                    articles.c.id,
                    articles.c.title,
                    articles.c.url,
                    articles.c.outlet,
                    articles.c.agency,
                    articles.c.published,
                    articles.c.dateline_place,
                    articles.c.dateline_country,
                    story_articles.c.score,
                    story_articles.c.reprint_of,
                    story_articles.c.origin,
                    story_articles.c.position,
                )
                .join(story_articles, story_articles.c.article_id == articles.c.id)
                .where(story_articles.c.story_id == story_id)
                .order_by(articles.c.published.asc().nulls_last(), story_articles.c.position)
                .offset(offset)
            )
            if limit is not None:
                query = query.limit(limit)
            members = [dict(m) for m in conn.execute(query).mappings()]
            total = conn.execute(
                select(func.count())
                .select_from(story_articles)
                .where(story_articles.c.story_id == story_id)
            ).scalar_one()
        story = _decode_story(dict(row))
        story["articles"] = members
        story["articles_total"] = total
        story["articles_limit"] = limit
        story["articles_offset"] = offset
        return story

    def story_ids(self, article_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Article id → story id, for the given articles or all of them."""
        q = select(story_articles.c.article_id, story_articles.c.story_id)
        if article_ids is not None:
            q = q.where(story_articles.c.article_id.in_(list(article_ids)))
        with self.engine.connect() as conn:
            return {a: s for a, s in conn.execute(q)}


def story_filters(
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    query: str | None = None,
    country: str | None = None,
    event_type: str | None = None,
    plain_like: bool = False,
) -> list[Any]:
    """WHERE clauses for the story filters; every value is a bound parameter.

    ``since``/``until`` keep stories whose date span overlaps the range; ``actor``
    an ISO3 code among its main actors; ``query`` words that must all appear in
    the title or text of one of its articles; ``country`` a dateline country of
    one of its articles or a country where one of its events happened;
    ``event_type`` a PLOVER type among its events. ``plain_like``: match words with
    LIKE, where LIKE ignores case as ILIKE does (SQLite).
    """
    where: list[Any] = []
    if since:
        where.append(stories.c.last_published >= since)
    if until:
        where.append(stories.c.first_published <= until + "\uffff")
    if actor:
        where.append(stories.c.actors.like(f'%"{_escape_like(actor.upper())}"%', escape="\\"))
    if query:
        words = []
        for word in query.split():
            pattern = f"%{_escape_like(word)}%"
            words.append(
                or_(
                    *(
                        column.like(pattern, escape="\\")
                        if plain_like
                        else column.ilike(pattern, escape="\\")
                        for column in (articles.c.title, articles.c.text)
                    )
                )
            )
        # Per story, and done at its first matching article: a story of thousands of
        # articles that match is not read to its end.
        where.append(
            exists()
            .where(story_articles.c.story_id == stories.c.id)
            .where(articles.c.id == story_articles.c.article_id)
            .where(*words)
        )
    if country:
        code = country.upper()
        datelined = (
            select(story_articles.c.story_id)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(articles.c.dateline_country == code)
        )
        located = (
            select(story_articles.c.story_id)
            .join(events, events.c.article_id == story_articles.c.article_id)
            .where(events.c.location_country == code)
        )
        where.append(or_(stories.c.id.in_(datelined), stories.c.id.in_(located)))
    if event_type:
        typed = (
            select(story_articles.c.story_id)
            .join(events, events.c.article_id == story_articles.c.article_id)
            .where(events.c.event_type == event_type.upper(), events.c.negated.is_(False))
        )
        where.append(stories.c.id.in_(typed))
    return where


def refresh_summaries(conn: Connection, story_ids: Iterable[str]) -> None:
    """Recompute the stored summary (title, dates, counts, main actors) of ``story_ids``
    inside the caller's transaction; a story left with no article is deleted."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for sid in sorted(set(story_ids)):
        summary = _summary(conn, sid)
        if summary["articles"]:
            conn.execute(
                update(stories).where(stories.c.id == sid).values(**summary, updated_at=now)
            )
        else:
            conn.execute(delete(stories).where(stories.c.id == sid))


def _summary(conn: Any, story_id: str) -> dict[str, Any]:
    rows = conn.execute(
        select(articles.c.title, articles.c.published, story_articles.c.origin)
        .join(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.story_id == story_id)
        .order_by(story_articles.c.position)
    ).all()
    dates = sorted(r.published for r in rows if r.published)
    countries = Counter(
        c
        for (c,) in conn.execute(
            select(actor_mentions.c.country)
            .join(story_articles, story_articles.c.article_id == actor_mentions.c.article_id)
            .where(
                and_(story_articles.c.story_id == story_id, actor_mentions.c.country.isnot(None))
            )
        )
    )
    return {
        "title": next((r.title for r in rows if r.title), None),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "articles": len(rows),
        "sources": len({r.origin for r in rows}),
        "actors": json.dumps(
            [c for c, _ in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_ACTORS]]
        ),
    }


def _decode_story(row: dict[str, Any]) -> dict[str, Any]:
    row["actors"] = json.loads(row["actors"]) if row.get("actors") else []
    row["independent_sources"] = row.pop("sources")
    row["article_count"] = row.pop("articles")
    row.pop("seq", None)
    row.pop("version", None)  # internal: what the stored fusion was computed from
    return row


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
