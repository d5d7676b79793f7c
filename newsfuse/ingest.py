"""Ingest: read → clean → store → annotate and code → cluster, for any mix of paths.

Nothing one document does can stop the run: a reader, the clean stage or the store
failing on one document makes a reject with a short reason, and the run goes on. An
article is stored first, marked as still to be annotated; its annotations and events
are stored later in one transaction that clears the mark; clustering runs last, under
a lock. A run killed at any point therefore leaves every article stored whole or not
at all, and at a step the next run resumes from: every run first finishes the work an
earlier one left (see :mod:`newsfuse.store.work`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy.exc import DataError, IntegrityError, StatementError

from newsfuse.errors import NewsfuseError
from newsfuse.model import Analysis, Article, RawDocument, Reject
from newsfuse.pipeline import CLEAN
from newsfuse.readers import expand_paths, read_file
from newsfuse.readers.paths import Skipped
from newsfuse.store import Store
from newsfuse.store.work import bounded_reason, iter_ids
from newsfuse.timing import StageTimes

if TYPE_CHECKING:  # the parser loads only when something is annotated
    from newsfuse.annotate.stage import AnnotationPool

REJECT_BATCH = 500
"""Rejects written together."""
ANNOTATE_BATCH = 64
"""Articles annotated together: enough for ``nlp.pipe`` to batch, little enough to redo after a crash."""
ANNOTATE_CHUNK = 32
"""Articles sent to a worker at once while ingesting (a chunk is also what is redone one
article at a time when its analysis fails)."""


@dataclass
class IngestReport:
    """What one ingest run did. ``to_dict`` is the shape ``newsfuse ingest --json`` prints."""

    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: int = 0  # directory entries not read on purpose (dotfiles, FIFOs, links)
    stored_ids: list[str] = field(default_factory=list)
    annotated: int = 0
    recovered: int = 0  # articles an earlier, interrupted run left to annotate, done now
    annotate_failed: list[str] = field(default_factory=list)
    clustering: dict | None = None
    duplicate_of: list[dict[str, str]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unsaved_rejects: dict[str, Reject] = field(default_factory=dict, repr=False)
    times: StageTimes = field(default_factory=StageTimes, repr=False)

    @property
    def read(self) -> int:
        """Documents that could be read and cleaned (stored or recognised as duplicates)."""
        return self.stored + self.duplicates

    def to_dict(self) -> dict:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "rejects": [{"source": r.source, "reason": r.reason} for r in self.rejects],
            "duplicate_of": self.duplicate_of,
            "notes": self.notes,
            "stored_ids": self.stored_ids,
            "annotated": self.annotated,
            "recovered": self.recovered,
            "annotate_failed": self.annotate_failed,
            "clustering": self.clustering,
            "stage_seconds": self.times.to_dict(),
        }


def failure_reason(what: str, exc: BaseException) -> str:
    """A short reject reason for an unexpected exception in one document's processing."""
    if isinstance(exc, NewsfuseError):
        return bounded_reason(str(exc))
    detail = bounded_reason(f"{type(exc).__name__}: {exc}", 120)
    return bounded_reason(
        f"{what} failed on this input ({detail}); the rest of the run went on. "
        "This is a newsfuse bug: please report it with the input"
    )


def record_reject(store: Store, report: IngestReport, reject: Reject) -> None:
    """Count ``reject`` in ``report`` and queue it for the store (see :func:`flush_rejects`).

    A directory entry skipped on purpose (a dotfile, a FIFO) is counted as skipped, not
    rejected: it does not make ``--strict`` fail.
    """
    if isinstance(reject, Skipped):
        report.skipped += 1
    else:
        report.rejected += 1
    reject = Reject(reject.source, bounded_reason(reject.reason))
    report.rejects.append(reject)
    report.unsaved_rejects[reject.source] = reject
    if len(report.unsaved_rejects) >= REJECT_BATCH:
        flush_rejects(store, report)


def flush_rejects(store: Store, report: IngestReport) -> None:
    """Store the queued rejects in one transaction (one each was the cost of a file of
    100,000 bad records). A killed run loses only the queue, and the re-run finds the
    same rejects again."""
    if report.unsaved_rejects:
        store.add_rejects(list(report.unsaved_rejects.values()))
        report.unsaved_rejects.clear()


def clean(doc: RawDocument) -> Article | Reject:
    """The clean stage on one document; whatever goes wrong in it becomes a reject."""
    try:
        return CLEAN(doc)
    except RecursionError as exc:
        return Reject(doc.source, failure_reason("cleaning (nesting too deep)", exc))
    except Exception as exc:
        return Reject(doc.source, failure_reason("the clean stage", exc))


def ingest_document(
    doc: RawDocument | Reject, store: Store, report: IngestReport, *, pending: bool = False
) -> Article | None:
    """Clean and store one document (or record one reject); the stored article, if any."""
    if isinstance(doc, Reject):
        record_reject(store, report, doc)
        return None
    report.notes.extend(doc.notes)
    with report.times.measure("clean"):
        result = clean(doc)
    if isinstance(result, Reject):
        record_reject(store, report, result)
        return None
    with report.times.measure("store"):
        return store_article(result, store, report, input_id="id" in doc.meta, pending=pending)


def store_article(
    article: Article, store: Store, report: IngestReport, *, input_id: bool, pending: bool = False
) -> Article | None:
    """Store one cleaned article, or count it as a duplicate; the stored article, if any.

    ``input_id`` says whether the input gave the id: such an id taken by other text is a
    reject, while an id made from the file name gets the content hash appended instead.
    ``pending`` marks it as still to be annotated. The batch loader
    (:mod:`newsfuse.batch`) stores its articles through here too.
    """
    if article.source in report.unsaved_rejects:  # storing it clears its reject: keep order
        flush_rejects(store, report)
    try:
        outcome, article_id = store.add_article(article, pending=pending)
        if outcome == "conflict":
            if input_id:
                record_reject(
                    store,
                    report,
                    Reject(
                        article.source,
                        f"id {article_id!r} is already stored with different text; give this "
                        "article its own id (or remove the stored one first)",
                    ),
                )
                return None
            article = replace(article, id=f"{article.id}-{article.content_hash[:8]}")
            outcome, article_id = store.add_article(article, pending=pending)
    except (DataError, IntegrityError, StatementError) as exc:  # this row, not the database
        record_reject(
            store,
            report,
            Reject(
                article.source,
                "the database refused this article "
                f"({bounded_reason(str(getattr(exc, 'orig', exc)), 120)}); this is a newsfuse "
                "bug: please report it with the input",
            ),
        )
        return None
    if outcome == "stored":
        report.stored += 1
        report.stored_ids.append(article_id)
        return article
    report.duplicates += 1
    report.duplicate_of.append({"source": article.source, "article_id": article_id})
    return None


# -- annotate and code -------------------------------------------------------------------


def _analyse(
    articles: list[Article], n_process: int, resolver
) -> Iterator[Analysis | tuple[Article, BaseException]]:
    """The annotate and code stages over ``articles``, in order; an article whose analysis
    raises comes back as ``(article, exception)`` and the others are still analysed."""
    from newsfuse.annotate.stage import annotate_articles

    done = 0
    try:
        for analysis in annotate_articles(articles, n_process=n_process, resolver=resolver):
            done += 1
            yield analysis
        return
    except Exception:  # isolated below, one article at a time
        pass
    for article in articles[done:]:  # one by one in this process: find the culprit
        try:
            yield next(iter(annotate_articles([article], n_process=1, resolver=resolver)))
        except Exception as exc:
            yield article, exc


def _save(found: Analysis, store: Store, report: IngestReport | None, only_if_pending: bool) -> int:
    """Store one article's annotations and events in one transaction; 1 if stored. Rows the
    database refuses mark that article ``annotate-failed`` instead."""
    article_id = found.annotations.article_id
    times = report.times if report is not None else StageTimes()
    try:
        with times.measure("store annotations"):
            saved = store.save_analysis(found, only_if_pending=only_if_pending)
    except (DataError, IntegrityError, StatementError) as exc:  # this article's rows only
        _failed(store, report, article_id, failure_reason("storing the annotations", exc))
        return 0
    if saved and report is not None:
        report.notes.extend(f"article {article_id}: {note}" for note in found.notes)
    return saved


def _failed(store: Store, report: IngestReport | None, article_id: str, reason: str) -> None:
    store.mark_annotation_failed(article_id, reason)
    if report is not None:
        report.annotate_failed.append(article_id)


def annotate_and_store(
    articles: list[Article],
    store: Store,
    n_process: int = 1,
    *,
    only_if_pending: bool = False,
    report: IngestReport | None = None,
) -> int:
    """Annotate and code ``articles``, store each result in one transaction; how many were
    stored. An article whose analysis fails stays stored, marked ``annotate-failed`` with
    a reject that says why. With ``only_if_pending`` an article another run has finished
    meanwhile is left as that run stored it."""
    count = 0
    resolver = store.actor_resolver()
    times = report.times if report is not None else StageTimes()
    for found in times.iterate("annotate+code", _analyse(articles, n_process, resolver)):
        if isinstance(found, tuple):
            article, exc = found
            _failed(store, report, article.id, failure_reason("annotating", exc))
            continue
        count += _save(found, store, report, only_if_pending)
    return count


def annotate_stored(
    store: Store,
    ids: list[str],
    n_process: int = 1,
    *,
    only_if_pending: bool = False,
    report: IngestReport | None = None,
) -> int:
    """Annotate and code stored articles by id, a batch at a time; how many were stored."""
    count = 0
    for batch in iter_ids(ids, ANNOTATE_BATCH * max(n_process, 1)):
        articles = [store.load_article(i) for i in batch]
        count += annotate_and_store(
            articles, store, n_process, only_if_pending=only_if_pending, report=report
        )
    return count


def finish_pending(
    store: Store, report: IngestReport, n_process: int = 1, *, retry_failed: bool = False
) -> int:
    """Annotate the articles an interrupted run stored but did not annotate (with
    ``retry_failed`` also those whose annotation failed before); how many."""
    ids = store.pending_article_ids(failed=retry_failed)
    count = annotate_stored(store, ids, n_process, only_if_pending=True, report=report)
    report.recovered += count
    return count


class _Annotator:
    """Sends stored articles to the annotate and code stages a chunk at a time, and stores
    what comes back, while the caller goes on reading, cleaning and storing: the workers
    of one :class:`~newsfuse.annotate.stage.AnnotationPool` parse while this process does
    the rest. A chunk whose analysis fails is redone one article at a time here, so only
    the article that fails is marked ``annotate-failed``."""

    def __init__(self, store: Store, report: IngestReport, enabled: bool, n_process: int) -> None:
        self.store, self.report, self.enabled, self.n_process = store, report, enabled, n_process
        self.pending: list[Article] = []
        self.inflight: deque[tuple[list[Article], Future[list[Analysis]]]] = deque()
        self.pool: AnnotationPool | None = None

    def add(self, article: Article | None) -> None:
        if self.enabled and article is not None:
            self.pending.append(article)
            if len(self.pending) >= ANNOTATE_CHUNK:
                self._submit()

    def _submit(self, last: bool = False) -> None:
        if self.pool is None:
            from newsfuse.annotate.stage import AnnotationPool

            # a run that fits in one chunk is parsed here: no worker would share it
            processes = 1 if last else self.n_process
            self.pool = AnnotationPool(processes, self.store.actor_resolver())
        chunk, self.pending = self.pending, []
        with self.report.times.measure("annotate+code"):  # in-process pools work here
            self.inflight.append((chunk, self.pool.submit(chunk)))
        while len(self.inflight) > 2 * max(self.n_process, 1):  # bounded memory
            self._collect(*self.inflight.popleft())

    def _collect(self, chunk: list[Article], future: Future[list[Analysis]]) -> None:
        with self.report.times.measure("annotate+code"):
            try:
                found: list[Analysis | tuple[Article, BaseException]] = list(future.result())
            except Exception:  # find the article that breaks it, one by one in this process
                found = list(_analyse(chunk, 1, self.store.actor_resolver()))
        for item in found:
            if isinstance(item, tuple):
                article, exc = item
                _failed(self.store, self.report, article.id, failure_reason("annotating", exc))
            else:
                self.report.annotated += _save(item, self.store, self.report, True)

    def flush(self) -> None:
        """Annotate and store everything still waiting, then let the workers go."""
        try:
            if self.pending:
                self._submit(last=True)
            while self.inflight:
                self._collect(*self.inflight.popleft())
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None


def cluster_pending(store: Store, report: IngestReport) -> None:
    """Put every article in no story yet into one (they may come from an earlier run)."""
    from newsfuse.cluster.stage import cluster_new_articles

    with report.times.measure("cluster"):
        result = cluster_new_articles(store)
    if result.articles or report.stored:
        report.clustering = result.to_dict()


# -- runs ---------------------------------------------------------------------------------


def ingest_documents(
    docs: Iterable[RawDocument | Reject],
    store: Store,
    *,
    annotate: bool = True,
    cluster: bool = False,
    n_process: int = 1,
) -> IngestReport:
    """Store, annotate and (with ``cluster``) cluster documents already read."""
    report = IngestReport()
    annotator = _Annotator(store, report, annotate, n_process)
    try:
        for doc in docs:
            annotator.add(ingest_document(doc, store, report, pending=annotate))
    except BaseException:
        annotator.close()  # what was sent is redone by the next run (marked pending)
        raise
    finally:
        flush_rejects(store, report)
    annotator.flush()
    if cluster:
        cluster_pending(store, report)
    return report


def read_documents(path: str, suffix: str | None = None) -> Iterator[RawDocument | Reject]:
    """The documents of one file; a reader that breaks ends that file with a reject."""
    try:
        yield from read_file(path, suffix)
    except RecursionError as exc:
        yield Reject(path, failure_reason("reading (nesting too deep)", exc))
    except Exception as exc:
        yield Reject(path, failure_reason("reading this file", exc))


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    *,
    suffix: str | None = None,
    annotate: bool = True,
    cluster: bool = True,
    n_process: int = 1,
    on_file: Callable[[str, int, int], None] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; ``on_file(path, done, total)`` reports progress.

    First the work an interrupted run left is finished. With ``annotate`` (the default)
    stored articles go through the annotate and code stages, ``n_process`` spaCy
    processes at a time; with ``cluster`` (the default) every article in no story yet
    then joins one.
    """
    report = IngestReport()
    if annotate:
        finish_pending(store, report, n_process)
    annotator = _Annotator(store, report, annotate, n_process)
    items = list(expand_paths(paths))
    try:
        for done, item in enumerate(items, start=1):
            if isinstance(item, Reject):
                ingest_document(item, store, report)
            else:
                for doc in report.times.iterate("read", read_documents(item, suffix)):
                    annotator.add(ingest_document(doc, store, report, pending=annotate))
            if on_file is not None:
                on_file(item if isinstance(item, str) else item.source, done, len(items))
    except BaseException:
        annotator.close()  # what was sent is redone by the next run (marked pending)
        raise
    finally:
        flush_rejects(store, report)
    annotator.flush()
    if cluster:
        cluster_pending(store, report)
    return report
