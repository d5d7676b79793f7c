"""Ingest: read → clean → store, for any mix of paths. Bad inputs become rejects; the run goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from newsfuse.model import Article, RawDocument, Reject
from newsfuse.pipeline import CLEAN
from newsfuse.readers import expand_paths, read_file
from newsfuse.store import Store


@dataclass
class IngestReport:
    """What one ingest run did. ``to_dict`` is the shape ``newsfuse ingest --json`` prints."""

    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    stored_ids: list[str] = field(default_factory=list)
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
        }


def _reject(store: Store, report: IngestReport, reject: Reject) -> None:
    store.add_reject(reject)
    report.rejected += 1
    report.rejects.append(reject)


def ingest_document(doc: RawDocument | Reject, store: Store, report: IngestReport) -> None:
    """Clean and store one document (or record one reject), updating ``report``."""
    if isinstance(doc, Reject):
        _reject(store, report, doc)
        return
    report.notes.extend(doc.notes)
    result = CLEAN(doc)
    if isinstance(result, Reject):
        _reject(store, report, result)
        return
    article: Article = result
    outcome, article_id = store.add_article(article)
    if outcome == "conflict":
        if "id" in doc.meta:
            _reject(
                store,
                report,
                Reject(
                    doc.source,
                    f"id {article_id!r} is already stored with different text; give this "
                    "article its own id (or remove the stored one first)",
                ),
            )
            return
        article = replace(article, id=f"{article.id}-{article.content_hash[:8]}")
        outcome, article_id = store.add_article(article)
    if outcome == "stored":
        report.stored += 1
        report.stored_ids.append(article_id)
    else:
        report.duplicates += 1
        report.duplicate_of.append({"source": doc.source, "article_id": article_id})


def ingest_documents(docs: Iterable[RawDocument | Reject], store: Store) -> IngestReport:
    report = IngestReport()
    for doc in docs:
        ingest_document(doc, store, report)
    return report


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    *,
    suffix: str | None = None,
    on_file: Callable[[str, int, int], None] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; ``on_file(path, done, total)`` reports progress."""
    report = IngestReport()
    items = list(expand_paths(paths))
    for done, item in enumerate(items, start=1):
        if isinstance(item, Reject):
            ingest_document(item, store, report)
        else:
            for doc in read_file(item, suffix):
                ingest_document(doc, store, report)
        if on_file is not None:
            on_file(item if isinstance(item, str) else item.source, done, len(items))
    return report
