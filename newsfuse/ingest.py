"""Ingest: read → clean → store, for any mix of paths. Bad inputs become rejects; the run goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from newsfuse.model import Article, RawDocument, Reject
from newsfuse.pipeline import CLEAN
from newsfuse.readers import expand_paths, read_file
from newsfuse.store import Store

ANNOTATE_BATCH = 64
"""Articles annotated together: enough for ``nlp.pipe`` to batch, little enough to lose on a crash."""


@dataclass
class IngestReport:
    """What one ingest run did. ``to_dict`` is the shape ``newsfuse ingest --json`` prints."""

    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    stored_ids: list[str] = field(default_factory=list)
    annotated: int = 0
    clustering: dict | None = None
    duplicate_of: list[dict[str, str]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        """Documents that could be read and cleaned (stored or recognised as duplicates)."""
        return self.stored + self.duplicates

    def to_dict(self) -> dict:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "rejects": [{"source": r.source, "reason": r.reason} for r in self.rejects],
            "duplicate_of": self.duplicate_of,
            "notes": self.notes,
            "stored_ids": self.stored_ids,
            "annotated": self.annotated,
            "clustering": self.clustering,
        }


def record_reject(store: Store, report: IngestReport, reject: Reject) -> None:
    """Store ``reject`` and count it in ``report``."""
    store.add_reject(reject)
    report.rejected += 1
    report.rejects.append(reject)


def ingest_document(
    doc: RawDocument | Reject, store: Store, report: IngestReport
) -> Article | None:
    """Clean and store one document (or record one reject); the stored article, if any."""
    if isinstance(doc, Reject):
        record_reject(store, report, doc)
        return None
    report.notes.extend(doc.notes)
    result = CLEAN(doc)
    if isinstance(result, Reject):
        record_reject(store, report, result)
        return None
    return store_article(result, store, report, input_id="id" in doc.meta)


def store_article(
    article: Article, store: Store, report: IngestReport, *, input_id: bool
) -> Article | None:
    """Store one cleaned article, or count it as a duplicate; the stored article, if any.

    ``input_id`` says whether the input gave the id: such an id taken by other text is a
    reject, while an id made from the file name gets the content hash appended instead.
    The batch loader (:mod:`newsfuse.batch`) stores its articles through here too.
    """
    outcome, article_id = store.add_article(article)
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
        outcome, article_id = store.add_article(article)
    if outcome == "stored":
        report.stored += 1
        report.stored_ids.append(article_id)
        return article
    report.duplicates += 1
    report.duplicate_of.append({"source": article.source, "article_id": article_id})
    return None


def annotate_and_store(articles: list[Article], store: Store, n_process: int = 1) -> int:
    """Run the annotate and code stages on ``articles``, store what they find; how many were done."""
    from newsfuse.annotate.stage import annotate_articles

    count = 0
    resolver = store.actor_resolver()
    for found in annotate_articles(articles, n_process=n_process, resolver=resolver):
        store.add_annotations(found.annotations)
        store.replace_events(found.annotations.article_id, found.events)
        count += 1
    return count


class _Annotator:
    """Collects stored articles and annotates them a batch at a time (or not at all)."""

    def __init__(self, store: Store, report: IngestReport, enabled: bool, n_process: int) -> None:
        self.store, self.report, self.enabled, self.n_process = store, report, enabled, n_process
        self.pending: list[Article] = []

    def add(self, article: Article | None) -> None:
        if self.enabled and article is not None:
            self.pending.append(article)
            if len(self.pending) >= ANNOTATE_BATCH * max(self.n_process, 1):
                self.flush()

    def flush(self) -> None:
        if self.pending:
            self.report.annotated += annotate_and_store(self.pending, self.store, self.n_process)
            self.pending = []


def ingest_documents(
    docs: Iterable[RawDocument | Reject], store: Store, *, annotate: bool = True, n_process: int = 1
) -> IngestReport:
    report = IngestReport()
    annotator = _Annotator(store, report, annotate, n_process)
    for doc in docs:
        annotator.add(ingest_document(doc, store, report))
    annotator.flush()
    return report


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

    With ``annotate`` (the default) stored articles also go through the annotate
    stage, ``n_process`` spaCy processes at a time; with ``cluster`` (the default)
    they then join stories.
    """
    report = IngestReport()
    annotator = _Annotator(store, report, annotate, n_process)
    items = list(expand_paths(paths))
    for done, item in enumerate(items, start=1):
        if isinstance(item, Reject):
            ingest_document(item, store, report)
        else:
            for doc in read_file(item, suffix):
                annotator.add(ingest_document(doc, store, report))
        if on_file is not None:
            on_file(item if isinstance(item, str) else item.source, done, len(items))
    annotator.flush()
    if cluster and report.stored:
        from newsfuse.cluster.stage import cluster_new_articles

        report.clustering = cluster_new_articles(store).to_dict()
    return report
