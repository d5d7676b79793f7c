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
from newsfuse.clean.ids import MAX_ID_CHARS
from newsfuse.model import Analysis, Article, Reject
from newsfuse.pipeline import Duplicate, Kept, Place, Refused, failure_reason
from newsfuse.store import Store
from newsfuse.store.work import bounded_reason

REJECT_BATCH = 500
"""Rejects written together."""

_ROW_ERRORS = (DataError, IntegrityError, StatementError)
"""What the database says about one row it refuses (not about itself)."""


MAX_VERSIONS = 20
"""Later versions kept of one article; past them an update is refused (a feed that
declares every item updated on every poll would otherwise grow without end)."""

_VERSION_TRIES = MAX_VERSIONS + 5
"""Version numbers tried when another writer (or inputs that gave such ids) took some."""


class StoreSink:
    """Stores articles, rejects, annotations and events in ``store``. With ``revisions``,
    an input that gives a stored article's id with other text is kept as a later version
    of it (``newsfuse watch``, ``ingest --revisions``); without, it is refused."""

    def __init__(self, store: Store, *, revisions: bool = False) -> None:
        self.store = store
        self.revisions = revisions
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

        An id made from a file name (not ``input_id``) and taken by other text gets the
        content hash appended. An id the input gave is the article's: taken by other text,
        it is refused, or with ``revisions`` stored as a later version (:meth:`_version`).
        ``pending`` marks it as still to be annotated.
        """
        if article.source in self.unsaved:  # storing it clears its reject: keep the order
            self.flush()
        try:
            outcome, article_id = self.store.add_article(article, pending=pending)
            revision_of = None
            if outcome == "conflict" and input_id:
                article, outcome, article_id, revision_of = self._version(article, pending)
            elif outcome == "conflict":
                article = replace(article, id=f"{article.id}-{article.content_hash[:8]}")
                outcome, article_id = self.store.add_article(article, pending=pending)
        except _ROW_ERRORS as exc:
            raise Refused(
                "the store stage failed: the database refused this article "
                f"({bounded_reason(str(getattr(exc, 'orig', exc)), 120)}); this is a newsfuse "
                "bug: please report it with the input"
            ) from exc
        if outcome == "stored":
            return Kept(article, revision_of=revision_of)
        return Duplicate(article.source, article_id)

    def _version(self, article: Article, pending: bool) -> tuple[Article, str, str, str | None]:
        """Store ``article``, whose given id holds other text, as the next version of that
        id's first version ("ID-v2", "ID-v3", ...; ``revision_of`` names the first), or
        refuse it; the article, the store's answer and the first version's id (None when
        the id is another feed's article's). The first version stays as it was."""
        given = article.id
        if not self.revisions:
            raise Refused(
                f"id {given!r} is already stored with other text; give this article its own "
                "id, or keep it as a later version of the stored one (`newsfuse ingest "
                "--revisions`)"
            )
        first, first_source, later = self.store.versions_of(given)
        if self._feed_of(first_source) != self._feed_of(article.source):
            # another feed's item under the same id ("1234"): another article, not a version
            suffix = f"-{article.content_hash[:8]}"
            note = f"the id {given!r} is another feed's article's: stored under its own"
            other = replace(
                article,
                id=given[: MAX_ID_CHARS - len(suffix)] + suffix,
                notes=(*article.notes, note),
            )
            outcome, stored = self.store.add_article(other, pending=pending)
            return other, outcome, stored, None
        if len(later) >= MAX_VERSIONS:
            raise Refused(
                f"article {first!r} already has {len(later)} later versions, the most kept; "
                "give this one its own id to store it"
            )
        outcome, stored = "conflict", given
        for number in range(len(later) + 2, len(later) + 2 + _VERSION_TRIES):
            suffix = f"-v{number}"
            note = (f"a later version of article {first!r} (the input gave the id {given!r} "
                    "with other text)")  # fmt: skip
            version = replace(
                article,
                id=first[: MAX_ID_CHARS - len(suffix)] + suffix,
                notes=(*article.notes, note),
            )
            outcome, stored = self.store.add_article(version, pending=pending, revision_of=first)
            if outcome != "conflict":
                return version, outcome, stored, first
        raise Refused(f"no free version id for article {first!r}; give this one its own id")

    def _feed_of(self, source: str) -> str | None:
        """The watched feed an item came from (its source is "FEED-URL#item key"; a feed
        URL or a key may hold "#" too), None for anything else."""
        feeds = [s.url for s in self.store.iter_feed_states() if source.startswith(s.url + "#")]
        return max(feeds, key=len) if feeds else None

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
