"""Work still owed on stored articles, and the state a killed run can leave (mixed into Store).

An article's life in the database has three steps, each one transaction:

1. its row is stored, with ``pending = "annotate"`` when it is to be annotated;
2. its annotations, its events, and clearing ``pending`` are stored together
   (:meth:`WorkStore.save_analysis`), so an article is either fully annotated and coded or
   visibly pending, never half-written;
3. it joins a story (the cluster stage, under a lock so that two runs never interleave).

A run killed anywhere leaves each article at one of these steps; the next run (or
``newsfuse doctor --repair``) takes every article to the end. :meth:`WorkStore.health`
says what is unfinished.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, Text, delete, func, literal, select, update

from newsfuse.model import Analysis
from newsfuse.store.annotations import write_many_annotations
from newsfuse.store.events import write_many_events
from newsfuse.store.locks import named_lock
from newsfuse.store.schema import (
    annotation_runs,
    articles,
    duplicates,
    rejects,
    stories,
    story_articles,
)
from newsfuse.store.stories import refresh_summaries

PENDING_ANNOTATE = "annotate"
"""Stored, to be annotated and coded."""
ANNOTATE_FAILED = "annotate-failed"
"""Annotating it raised; the reason is in the rejects (source ``annotate:ID``)."""
PENDING_STATES = (PENDING_ANNOTATE, ANNOTATE_FAILED)  # still to be annotated
MAX_REASON_CHARS = 300
"""A reject reason is at most this long: it says what went wrong, never quotes the input."""


def annotate_reject_source(article_id: str) -> str:
    """The rejects row that says why annotating a stored article failed."""
    return f"annotate:{article_id}"


def bounded_reason(reason: str, limit: int = MAX_REASON_CHARS) -> str:
    """``reason`` on one line and at most ``limit`` characters."""
    flat = " ".join(str(reason).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass
class Health:
    """What `newsfuse doctor` reports: each list holds article or story ids."""

    articles: int = 0
    pending: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    never_annotated: list[str] = field(default_factory=list)
    unclustered: list[str] = field(default_factory=list)
    stale_stories: list[str] = field(default_factory=list)
    self_duplicates: int = 0

    @property
    def unfinished(self) -> bool:
        """Whether anything is half-done (``never_annotated`` alone may be a choice)."""
        return bool(
            self.pending
            or self.failed
            or self.unclustered
            or self.stale_stories
            or self.self_duplicates
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "pending": self.pending,
            "failed": self.failed,
            "never_annotated": self.never_annotated,
            "unclustered": self.unclustered,
            "stale_stories": self.stale_stories,
            "self_duplicates": self.self_duplicates,
            "unfinished": self.unfinished,
        }


class WorkStore:
    engine: Engine
    url: str

    def lock(self, name: str) -> AbstractContextManager[None]:
        """Hold a named lock across processes on this database; see :mod:`newsfuse.store.locks`."""
        return named_lock(self.engine, self.url, name)

    def pending_article_ids(self, *, failed: bool = False) -> list[str]:
        """Articles still to be annotated (with ``failed``, also those whose annotation failed)."""
        states = [PENDING_ANNOTATE, ANNOTATE_FAILED] if failed else [PENDING_ANNOTATE]
        query = select(articles.c.id).where(articles.c.pending.in_(states)).order_by(articles.c.id)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(query)]

    def save_analysis(self, analysis: Analysis, *, only_if_pending: bool = False) -> bool:
        """Store an article's annotations and events and mark it done, in one transaction.

        With ``only_if_pending`` nothing is written unless the article is still pending
        (another run finishing the same article first wins; its result is the same).
        The summary of the article's story, if it is in one, is brought up to date.
        Returns whether anything was written.
        """
        return self.save_analyses([(analysis, only_if_pending)])[0]

    def save_analyses(self, items: Sequence[tuple[Analysis, bool]]) -> list[bool]:
        """:meth:`save_analysis` for several articles (``(analysis, only_if_pending)``
        each) in one transaction, a few statements per table for all of them: what ingest
        does with each chunk the workers send back. Returns, per item, whether it was
        written. A row the database refuses fails them all (the caller retries one by one).
        """
        wanted = {a.annotations.article_id: only for a, only in items}
        any_state = [aid for aid, only in wanted.items() if not only]
        if_pending = [aid for aid, only in wanted.items() if only]
        with self.engine.begin() as conn:
            # first statements writes: on SQLite they take the write lock before any read
            claimed: set[str] = set()
            for ids, condition in ((any_state, None), (if_pending, PENDING_STATES)):
                if not ids:
                    continue
                where = articles.c.id.in_(ids)
                if condition is not None:
                    where &= articles.c.pending.in_(condition)
                done = conn.execute(update(articles).where(where).values(pending=None)
                                    .returning(articles.c.id))  # fmt: skip
                claimed.update(row[0] for row in done)
            chosen = [a for a, _ in items if a.annotations.article_id in claimed]
            if chosen:
                ids = [a.annotations.article_id for a in chosen]
                write_many_annotations(conn, [a.annotations for a in chosen])
                write_many_events(conn, [(a.annotations.article_id, a.events) for a in chosen])
                sources = [annotate_reject_source(aid) for aid in ids]
                conn.execute(delete(rejects).where(rejects.c.source.in_(sources)))
                members = conn.execute(
                    select(story_articles.c.article_id, story_articles.c.story_id).where(
                        story_articles.c.article_id.in_(ids)
                    )
                ).all()
                if members:  # their stories' summaries and stored fusions depend on these rows
                    refresh_summaries(conn, sorted({story for _, story in members}))
                    self.bump_story_versions(conn, [aid for aid, _ in members])  # type: ignore[attr-defined]
        return [a.annotations.article_id in claimed for a, _ in items]

    def mark_annotation_failed(self, article_id: str, reason: str) -> None:
        """Record that annotating ``article_id`` raised: it stays stored, marked, with a reject."""
        from newsfuse.model import Reject

        with self.engine.begin() as conn:
            conn.execute(
                update(articles).where(articles.c.id == article_id).values(pending=ANNOTATE_FAILED)
            )
        self.add_reject(Reject(annotate_reject_source(article_id), bounded_reason(reason)))  # type: ignore[attr-defined]

    # -- doctor ----------------------------------------------------------------

    def health(self, *, limit: int = 1000) -> Health:
        """What is unfinished in this database (at most ``limit`` ids per kind)."""
        report = Health()
        with self.engine.connect() as conn:
            report.articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            report.pending = _ids(
                conn, select(articles.c.id).where(articles.c.pending == PENDING_ANNOTATE), limit
            )
            failed = (
                select(articles.c.id, rejects.c.reason)
                .outerjoin(rejects, rejects.c.source == literal("annotate:", Text) + articles.c.id)
                .where(articles.c.pending == ANNOTATE_FAILED)
                .order_by(articles.c.id)
                .limit(limit)
            )
            report.failed = [
                {"id": i, "reason": reason or "unknown"} for i, reason in conn.execute(failed)
            ]
            never = (
                select(articles.c.id)
                .outerjoin(annotation_runs, annotation_runs.c.article_id == articles.c.id)
                .where(annotation_runs.c.article_id.is_(None), articles.c.pending.is_(None))
            )
            report.never_annotated = _ids(conn, never, limit)
            unclustered = (
                select(articles.c.id)
                .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
                .where(story_articles.c.article_id.is_(None))
            )
            report.unclustered = _ids(conn, unclustered, limit)
            report.stale_stories = _ids(conn, _stale_stories(), limit)
            report.self_duplicates = conn.execute(
                select(func.count()).select_from(_self_duplicates())
            ).scalar_one()
        return report

    def repair_stories(self) -> int:
        """Bring stale story summaries up to date and drop empty stories; how many were fixed."""
        with self.engine.begin() as conn:
            stale = [r[0] for r in conn.execute(_stale_stories())]
            refresh_summaries(conn, stale)
        return len(stale)

    def drop_self_duplicates(self) -> int:
        """Forget "duplicate" records of an input that is the stored article's own source."""
        with self.engine.begin() as conn:
            ids = [r[0] for r in conn.execute(select(_self_duplicates().c.id))]
            if ids:
                conn.execute(delete(duplicates).where(duplicates.c.id.in_(ids)))
        return len(ids)


def _ids(conn: Any, query: Any, limit: int) -> list[str]:
    return [r[0] for r in conn.execute(query.order_by(query.selected_columns[0]).limit(limit))]


def _stale_stories() -> Any:
    """Stories whose stored article count is not the number of articles in them."""
    members = (
        select(story_articles.c.story_id, func.count().label("n"))
        .group_by(story_articles.c.story_id)
        .subquery()
    )
    return (
        select(stories.c.id)
        .outerjoin(members, members.c.story_id == stories.c.id)
        .where(func.coalesce(members.c.n, 0) != stories.c.articles)
    )


def _self_duplicates() -> Any:
    return (
        select(duplicates.c.id)
        .join(articles, articles.c.id == duplicates.c.article_id)
        .where(duplicates.c.source == articles.c.source)
        .subquery()
    )


def iter_ids(ids: list[str], size: int) -> Iterator[list[str]]:
    """``ids`` in slices of ``size``."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
