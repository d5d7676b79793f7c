"""The database sink: what ``newsfuse ingest``, the HTTP ingest, evaluation, the doctor
and loading a batch store.

An article is stored first, marked as still to be annotated; its annotations and events
are stored later in one transaction that clears the mark. A run killed at any point
therefore leaves every article stored whole or not at all, and at a step the next run
resumes from (see :mod:`newsfuse.store.work`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from sqlalchemy.exc import DataError, IntegrityError, StatementError

from newsfuse.annotate.actors import ActorResolver
from newsfuse.model import Analysis, Article, Reject
from newsfuse.pipeline import Duplicate, Kept, Place, Refused, failure_reason
from newsfuse.store import Store
from newsfuse.store.work import bounded_reason

REJECT_BATCH = 500
"""Rejects written together."""

_ROW_ERRORS = (DataError, IntegrityError, StatementError)
"""What the database says about one row it refuses (not about itself)."""


class StoreSink:
    """Stores articles, rejects, annotations and events in ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.unsaved: dict[str, Reject] = {}

    def resolver(self) -> ActorResolver:
        return self.store.actor_resolver()

    def unfinished(self, *, retry_failed: bool) -> Iterator[Kept]:
        """Articles an interrupted run stored but did not annotate (with ``retry_failed``
        also those whose annotation failed)."""
        for article_id in self.store.pending_article_ids(failed=retry_failed):
            yield Kept(self.store.load_article(article_id), recovered=True)

    def reject(self, reject: Reject, place: Place, notes: tuple[str, ...] = ()) -> None:
        """Queue ``reject``; queued rejects are stored in one transaction (one each was the
        cost of a file of 100,000 bad records). A killed run loses only the queue, and
        the re-run finds the same rejects again."""
        self.unsaved[reject.source] = reject
        if len(self.unsaved) >= REJECT_BATCH:
            self.flush()

    def article(
        self, article: Article, place: Place, *, input_id: bool, pending: bool
    ) -> Kept | Duplicate:
        """Store one cleaned article, or say which stored article has its text.

        An id taken by other text gets the content hash appended. When the input gave the
        id (``input_id``), the article is a later version of the stored one (a feed item the
        outlet updated, a file re-read after cleaning changed): it is stored so, with
        ``revision_of`` naming the id and a note saying so, and the first version stays as
        it was. ``pending`` marks it as still to be annotated.
        """
        if article.source in self.unsaved:  # storing it clears its reject: keep the order
            self.flush()
        try:
            outcome, article_id = self.store.add_article(article, pending=pending)
            if outcome == "conflict":
                given, revision_of = article.id, article.id if input_id else None
                article = replace(article, id=f"{given}-{article.content_hash[:8]}")
                if revision_of:
                    note = (f"a later version of article {given!r} (the input gave that id, "
                            f"with other text): stored as {article.id!r}")  # fmt: skip
                    article = replace(article, notes=(*article.notes, note))
                outcome, article_id = self.store.add_article(
                    article, pending=pending, revision_of=revision_of
                )
        except _ROW_ERRORS as exc:
            raise Refused(
                "the store stage failed: the database refused this article "
                f"({bounded_reason(str(getattr(exc, 'orig', exc)), 120)}); this is a newsfuse "
                "bug: please report it with the input"
            ) from exc
        if outcome == "stored":
            return Kept(article)
        return Duplicate(article.source, article_id)

    def analysis(self, kept: Kept, analysis: Analysis) -> bool:
        """Store one article's annotations and events in one transaction; whether they were
        written (not if another run finished the article first)."""
        try:
            return self.store.save_analysis(analysis, only_if_pending=kept.only_if_pending)
        except _ROW_ERRORS as exc:  # this article's rows only
            raise Refused(failure_reason("store annotations", exc)) from exc

    def analyses(self, pairs: list[tuple[Kept, Analysis]]) -> list[bool | Refused]:
        """Several articles' annotations and events in one transaction (a chunk the
        workers sent back); if the database refuses a row, they are stored one by one so
        that only that article fails."""
        try:
            return self.store.save_analyses([(a, k.only_if_pending) for k, a in pairs])
        except _ROW_ERRORS:
            outcomes: list[bool | Refused] = []
            for kept, analysis in pairs:
                try:
                    outcomes.append(self.analysis(kept, analysis))
                except Refused as exc:
                    outcomes.append(exc)
            return outcomes

    def failed(self, kept: Kept, reason: str) -> None:
        """The article stays stored, marked ``annotate-failed``, with a reject saying why."""
        self.store.mark_annotation_failed(kept.article.id, reason)

    def close(self) -> None:
        self.flush()

    def flush(self) -> None:
        """Store the queued rejects."""
        if self.unsaved:
            self.store.add_rejects(list(self.unsaved.values()))
            self.unsaved.clear()
