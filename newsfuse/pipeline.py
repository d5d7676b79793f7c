"""The pipeline, defined once: its stages in order, and the one runner that drives them.

    read → clean → store → annotate+code → store annotations → cluster   (→ fuse, on read)

Each stage is a :class:`Stage`, a plain function that declares the artifact it reads
and the artifacts it may write; calling it checks both and names the stage that broke
the contract. :func:`run_pipeline` streams inputs (paths, documents already read, or
articles cleaned earlier) through them into a sink:

- :class:`~newsfuse.sinks.StoreSink`, the database: ``newsfuse ingest``, the HTTP ingest,
  evaluation, the doctor, and loading a batch (which replays its Parquet);
- :class:`~newsfuse.sinks.ParquetSink`, Parquet files: ``newsfuse batch`` in this process
  (on Ray, :mod:`newsfuse.batch` runs the same stage functions on Ray Data).

Stored articles go to the annotate and code stages a chunk at a time, in the worker
processes of one :class:`~newsfuse.annotate.stage.AnnotationPool`, while this process
goes on reading, cleaning and storing: the parser sets the pace. The last step of a run
puts the articles in no story yet into stories: the one place where anything clusters
new articles. Fusing a story's events and claims happens when the story is read
(:func:`newsfuse.fuse.story.story_report`), from what the stages stored.

Nothing one document does can stop the run: a stage failing on it makes a reject whose
reason names the stage (an article whose annotation fails stays stored, marked
``annotate-failed`` with that reason), and the run goes on.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsfuse.alerts import check_and_deliver
from newsfuse.annotate.actors import ActorResolver
from newsfuse.annotate.stage import AnnotationPool, annotate_articles
from newsfuse.clean import clean_document
from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.stage import ClusterReport, cluster_new_articles
from newsfuse.errors import NewsfuseError, StageError
from newsfuse.model import Analysis, Article, RawDocument, Reject
from newsfuse.readers import read_file
from newsfuse.readers.paths import Skipped
from newsfuse.store import Store
from newsfuse.store.work import bounded_reason
from newsfuse.timing import StageTimes

ANNOTATE_BATCH = 64
"""Articles annotated together by a batch (``nlp.pipe`` batches them)."""
ANNOTATE_CHUNK = 32
"""Articles sent to a worker at once (a chunk is also what is redone one article at a
time when its analysis fails)."""

# -- the stages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """One stage: ``func`` takes an artifact of type ``reads`` (and options) and returns
    one of type ``writes``; calling the stage checks both."""

    name: str
    func: Callable[..., Any]
    reads: type | tuple[type, ...]
    writes: type | tuple[type, ...]

    def __call__(self, artifact: Any, *options: Any, **named: Any) -> Any:
        if not isinstance(artifact, self.reads):
            raise StageError(
                f"stage {self.name!r} reads {_names(self.reads)}, got {type(artifact).__name__}"
            )
        return self.check(self.func(artifact, *options, **named))

    def check(self, result: Any) -> Any:
        """``result`` if this stage may write it, else a :class:`StageError` naming the stage."""
        if not isinstance(result, self.writes):
            raise StageError(
                f"stage {self.name!r} must return {_names(self.writes)}, "
                f"returned {type(result).__name__}; this is a bug in that stage"
            )
        return result


def _names(types: type | tuple[type, ...]) -> str:
    types = types if isinstance(types, tuple) else (types,)
    return " or ".join(t.__name__ for t in types)


def failure_reason(stage: str, exc: BaseException) -> str:
    """A short reject reason for an exception raised by ``stage`` on one input."""
    if isinstance(exc, NewsfuseError):  # our own errors already say what to do
        return bounded_reason(str(exc))
    what = f"the {stage} stage" + (" (nesting too deep)" if isinstance(exc, RecursionError) else "")
    detail = bounded_reason(f"{type(exc).__name__}: {exc}", 120)
    return bounded_reason(
        f"{what} failed on this input ({detail}); the rest of the run went on. "
        "This is a newsfuse bug: please report it with the input"
    )


def read_path(path: str, suffix: str | None = None) -> Iterator[RawDocument | Reject]:
    """The documents of one file (``-``: stdin); a reader that breaks ends the file with a
    reject naming the read stage."""
    try:
        yield from read_file(path, suffix)
    except Exception as exc:
        yield Reject("<stdin>" if path == "-" else path, failure_reason("read", exc))


def analyse_article(article: Article, resolver: ActorResolver | None = None) -> Analysis:
    """The annotate and code stages on one article, in this process."""
    (found,) = annotate_articles([article], resolver=resolver)
    return found


READ = Stage("read", read_path, reads=str, writes=Iterator)
CLEAN = Stage("clean", clean_document, reads=RawDocument, writes=(Article, Reject))
ANNOTATE = Stage("annotate+code", analyse_article, reads=Article, writes=Analysis)
CLUSTER = Stage("cluster", cluster_new_articles, reads=Store, writes=ClusterReport)
STAGES = (READ, CLEAN, ANNOTATE, CLUSTER)
"""In the order they run; storing is the sink's, between clean and annotate and after it."""


# -- what flows between them ------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a document stands in the input: the ``file_no``-th input, its ``doc_no``-th
    document. A batch's loader replays its Parquet in this order."""

    file_no: int = 0
    doc_no: int = 0


@dataclass(frozen=True)
class Cleaned:
    """What the clean stage made of one document, with what came with it: whether the
    input gave the id, the reader's notes, and (replaying a batch) what the annotate and
    code stages found, or why they failed."""

    result: Article | Reject
    input_id: bool = False
    notes: tuple[str, ...] = ()
    analysis: Analysis | None = None
    failed: str | None = None


@dataclass(frozen=True)
class Failed:
    """An article the annotate and code stages failed on, and why."""

    article: Article
    reason: str


@dataclass(frozen=True)
class Kept:
    """An article a sink kept, on its way to the annotate and code stages.

    ``token`` is whatever the sink needs to file the analysis; ``recovered`` says an
    earlier, interrupted run left it; ``only_if_pending`` keeps a result another run
    stored meanwhile."""

    article: Article
    token: Any = None
    recovered: bool = False
    only_if_pending: bool = True
    revision_of: str | None = None  # the stored article this is a later version of


@dataclass(frozen=True)
class Duplicate:
    """An article whose text the sink holds already, as ``article_id``."""

    source: str
    article_id: str


class Refused(Exception):
    """A sink refused one row; the message is the reject reason. The run goes on."""


class Sink(Protocol):
    """Where the runner puts what the stages made. ``store`` is the database the sink
    writes to (its new articles are clustered at the end of a run), or None."""

    @property
    def store(self) -> Store | None: ...

    def resolver(self) -> ActorResolver: ...

    def unfinished(self, *, retry_failed: bool) -> Iterator[Kept]: ...

    def reject(self, reject: Reject, place: Place, notes: tuple[str, ...]) -> None: ...

    def article(
        self, article: Article, place: Place, *, input_id: bool, pending: bool
    ) -> Kept | Duplicate: ...

    def analysis(self, kept: Kept, analysis: Analysis) -> bool: ...

    def analyses(self, pairs: list[tuple[Kept, Analysis]]) -> list[bool | Refused]: ...

    def failed(self, kept: Kept, reason: str) -> None: ...

    def close(self) -> None: ...


@dataclass
class IngestReport:
    """What one run did. ``to_dict`` is the shape ``newsfuse ingest --json`` prints."""

    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: int = 0  # directory entries not read on purpose (dotfiles, FIFOs, links)
    stored_ids: list[str] = field(default_factory=list)
    annotated: int = 0
    recovered: int = 0  # articles an earlier, interrupted run left to annotate, done now
    annotate_failed: list[str] = field(default_factory=list)
    clustering: dict | None = None
    alerts: dict | None = None  # new alert matches and deliveries (None: no alert saved)
    duplicate_of: list[dict[str, str]] = field(default_factory=list)
    revisions: list[dict[str, str]] = field(default_factory=list)  # {"id": new, "of": first}
    rejects: list[Reject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
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
            "revisions": self.revisions,
            "notes": self.notes,
            "stored_ids": self.stored_ids,
            "annotated": self.annotated,
            "recovered": self.recovered,
            "annotate_failed": self.annotate_failed,
            "clustering": self.clustering,
            "alerts": self.alerts,
            "stage_seconds": self.times.to_dict(),
        }


# -- per-document steps, shared by the runner and the Ray batch -------------------------


def clean(doc: RawDocument | Reject) -> Cleaned:
    """The clean stage on one document; whatever goes wrong in it becomes a reject."""
    if isinstance(doc, Reject):
        return Cleaned(doc)
    try:
        result = CLEAN(doc)
    except Exception as exc:
        result = Reject(doc.source, failure_reason(CLEAN.name, exc))
    return Cleaned(result, input_id="id" in doc.meta, notes=doc.notes)


def analyse_each(articles: list[Article], resolver: ActorResolver) -> list[Analysis | Failed]:
    """The annotate and code stages on each article alone, in this process: an article
    they fail on comes back as :class:`Failed`, the others are still analysed."""
    found: list[Analysis | Failed] = []
    for article in articles:
        try:
            found.append(ANNOTATE(article, resolver))
        except Exception as exc:
            found.append(Failed(article, failure_reason(ANNOTATE.name, exc)))
    return found


def analyse_chunk(articles: list[Article], resolver: ActorResolver) -> list[Analysis | Failed]:
    """The annotate and code stages on ``articles`` parsed together, in this process; if
    that fails, one at a time (:func:`analyse_each`)."""
    try:
        found = [ANNOTATE.check(a) for a in annotate_articles(articles, resolver=resolver)]
    except Exception:
        return analyse_each(articles, resolver)
    return found if len(found) == len(articles) else analyse_each(articles, resolver)


def for_article(analysis: Analysis, article_id: str) -> Analysis:
    """``analysis`` filed under ``article_id`` (a stored article can get a new id)."""
    return Analysis(
        dataclasses.replace(analysis.annotations, article_id=article_id),
        tuple(dataclasses.replace(e, article_id=article_id) for e in analysis.events),
    )


# -- the runner ---------------------------------------------------------------------------

Input = str | RawDocument | Reject | Cleaned
"""A path to read, a document read already, an input that failed before the run, or an
article cleaned earlier (a batch's Parquet)."""


class _Run:
    """One run's state: the sink, the report, the articles waiting for the workers."""

    def __init__(
        self,
        sink: Sink,
        report: IngestReport,
        *,
        annotate: bool,
        n_process: int,
        suffix: str | None,
    ) -> None:
        self.sink, self.report, self.times = sink, report, report.times
        self.annotate, self.n_process, self.suffix = annotate, max(n_process, 1), suffix
        self.queue: list[Kept] = []
        self.inflight: deque[tuple[list[Kept], Future[list[Analysis]]]] = deque()
        self.pool: AnnotationPool | None = None
        self._resolver: ActorResolver | None = None

    def resolver(self) -> ActorResolver:
        if self._resolver is None:
            self._resolver = self.sink.resolver()
        return self._resolver

    # read, clean, store

    def add(self, file_no: int, item: Input) -> None:
        if not isinstance(item, str):
            self.document(Place(file_no, 0), item)
            return
        docs = self.times.iterate("read", READ(item, self.suffix))
        for doc_no, doc in enumerate(docs):
            self.document(Place(file_no, doc_no), doc)

    def document(self, place: Place, doc: RawDocument | Reject | Cleaned) -> None:
        if isinstance(doc, Cleaned):
            cleaned = doc
        else:
            with self.times.measure("clean"):
                cleaned = clean(doc)
        self.report.notes.extend(cleaned.notes)
        if isinstance(cleaned.result, Reject):
            self.reject(cleaned.result, place, cleaned.notes)
            return
        kept = self.keep(cleaned, place)
        if kept is None:
            return
        if cleaned.analysis is not None:
            self.save(kept, for_article(cleaned.analysis, kept.article.id))
        elif cleaned.failed is not None:
            self.fail(kept, cleaned.failed)
        elif self.annotate:
            self.enqueue(kept)

    def reject(self, reject: Reject, place: Place, notes: tuple[str, ...] = ()) -> None:
        """Count ``reject`` and hand it to the sink. A directory entry skipped on purpose
        (a dotfile, a FIFO) counts as skipped, not rejected: ``--strict`` passes it."""
        if isinstance(reject, Skipped):
            self.report.skipped += 1
        else:
            self.report.rejected += 1
        reject = Reject(reject.source, bounded_reason(reject.reason))
        self.report.rejects.append(reject)
        self.sink.reject(reject, place, notes)

    def keep(self, cleaned: Cleaned, place: Place) -> Kept | None:
        article = cleaned.result
        assert isinstance(article, Article)
        pending = self.annotate or cleaned.analysis is not None or cleaned.failed is not None
        try:
            with self.times.measure("store"):
                kept = self.sink.article(article, place, input_id=cleaned.input_id, pending=pending)
        except Refused as exc:
            self.reject(Reject(article.source, str(exc)), place)
            return None
        if isinstance(kept, Duplicate):
            self.report.duplicates += 1
            self.report.duplicate_of.append({"source": kept.source, "article_id": kept.article_id})
            return None
        self.report.stored += 1
        self.report.stored_ids.append(kept.article.id)
        if kept.revision_of:
            self.report.revisions.append({"id": kept.article.id, "of": kept.revision_of})
        return kept

    # annotate and code, store annotations

    def enqueue(self, kept: Kept) -> None:
        self.queue.append(kept)
        if len(self.queue) >= ANNOTATE_CHUNK:
            self.submit()

    def submit(self, last: bool = False) -> None:
        if self.pool is None:  # a run that fits in one chunk is parsed here: no worker shares it
            self.pool = AnnotationPool(1 if last else self.n_process, self.resolver())
        chunk, self.queue = self.queue, []
        with self.times.measure("annotate+code"):  # an in-process pool works here
            self.inflight.append((chunk, self.pool.submit([k.article for k in chunk])))
        while len(self.inflight) > 2 * self.n_process:  # bounded memory
            self.collect(*self.inflight.popleft())

    def collect(self, chunk: list[Kept], future: Future[list[Analysis]]) -> None:
        articles = [k.article for k in chunk]
        with self.times.measure("annotate+code"):
            try:
                found: list[Analysis | Failed] = [ANNOTATE.check(a) for a in future.result()]
            except Exception:  # find the article that breaks it, one by one in this process
                found = analyse_each(articles, self.resolver())
            if len(found) != len(chunk):
                found = analyse_each(articles, self.resolver())
        pairs = []
        for kept, item in zip(chunk, found, strict=True):
            if isinstance(item, Failed):
                self.fail(kept, item.reason)
            else:
                pairs.append((kept, item))
        if not pairs:
            return
        with self.times.measure("store annotations"):  # the chunk in one transaction
            outcomes = self.sink.analyses(pairs)
        for (kept, analysis), outcome in zip(pairs, outcomes, strict=True):
            self.saved(kept, analysis, outcome)

    def save(self, kept: Kept, analysis: Analysis) -> None:
        try:
            with self.times.measure("store annotations"):
                outcome: bool | Refused = self.sink.analysis(kept, analysis)
        except Refused as exc:
            outcome = exc
        self.saved(kept, analysis, outcome)

    def saved(self, kept: Kept, analysis: Analysis, outcome: bool | Refused) -> None:
        """Count what storing one article's analysis came to (a refusal fails it)."""
        if isinstance(outcome, Refused):
            self.fail(kept, str(outcome))
            return
        if not outcome:
            return
        if kept.recovered:
            self.report.recovered += 1
        else:
            self.report.annotated += 1
        self.report.notes.extend(f"article {kept.article.id}: {note}" for note in analysis.notes)

    def fail(self, kept: Kept, reason: str) -> None:
        self.sink.failed(kept, reason)
        self.report.annotate_failed.append(kept.article.id)

    def finish(self) -> None:
        """Annotate and store everything still waiting, then let the workers go."""
        try:
            if self.queue:
                self.submit(last=True)
            while self.inflight:
                self.collect(*self.inflight.popleft())
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None


def run_pipeline(
    inputs: Iterable[Input],
    sink: Sink,
    *,
    suffix: str | None = None,
    annotate: bool = True,
    n_process: int = 1,
    resume: bool = False,
    retry_failed: bool = False,
    stored: Iterable[Article] = (),
    overwrite: bool = False,
    cluster: bool = True,
    cluster_config: ClusterConfig | None = None,
    on_input: Callable[[int], None] | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Run the stages over ``inputs`` into ``sink``; what was done.

    Before the inputs: with ``resume`` the articles an interrupted run stored but did not
    annotate (with ``retry_failed`` also those whose annotation failed), then the
    ``stored`` articles (annotated again; with ``overwrite`` even if another run finished
    them meanwhile). Each input is read (a path, with ``suffix`` if given), cleaned and
    given to the sink; with ``annotate`` the articles the sink keeps are annotated and
    coded by ``n_process`` worker processes. ``on_input(n)`` is called after the n-th
    input. Last, with ``cluster``, the articles in no story yet in the sink's database
    join one (``cluster_config``: the clusterer's settings; None: the shipped ones), and
    the saved alerts are checked and their new matches delivered (:mod:`newsfuse.alerts`).

    The input order decides duplicates and id conflicts; a stage failing on one document
    makes a reject naming that stage, never an exception. An exception from the sink
    itself (the database is gone) or an interrupt stops the run: what was stored stays,
    marked as still to be annotated, and the next run finishes it.
    """
    report = report if report is not None else IngestReport()
    run = _Run(sink, report, annotate=annotate, n_process=n_process, suffix=suffix)
    try:
        if resume:
            for kept in sink.unfinished(retry_failed=retry_failed):
                run.enqueue(kept)
        for article in stored:
            run.enqueue(Kept(article, only_if_pending=not overwrite))
        for file_no, item in enumerate(inputs):
            run.add(file_no, item)
            if on_input is not None:
                on_input(file_no + 1)
        run.finish()
    except BaseException:
        run.close()  # what was sent is redone by the next run (marked pending)
        raise
    finally:
        sink.close()
    if cluster and sink.store is not None:
        with report.times.measure("cluster"):
            result = CLUSTER(sink.store, cluster_config)
        if result.articles or report.stored:
            report.clustering = result.to_dict()
        if (mixed := result.mixed_note()) is not None:
            report.notes.append(mixed)
        # watchlists: what is new is matched, recorded once and sent (stdout lines wait
        # for `newsfuse alerts check`: they would mix with this command's own output)
        report.alerts = check_and_deliver(sink.store)
    return report
