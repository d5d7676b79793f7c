"""The watcher: one cycle after another, each handing what arrived to the pipeline.

A cycle polls the folders (:mod:`newsfuse.watch.folders`), then each feed that is due
(:mod:`newsfuse.watch.feeds`), and streams what is new through
:func:`newsfuse.pipeline.run_pipeline` into the database, the runner ``newsfuse
ingest`` uses. Each file and each feed poll is a *unit*: its state (the file's record;
the feed's validators, poll record and seen items) is committed only after the
pipeline has stored every document of it. Killed before that, the next run reads the
unit again and the store recognises what it holds already; killed after it, what was
stored but not yet annotated is finished by the next run (``resume``). Then the new
articles are clustered and ``after_cycle(store)`` runs (alerts hook in there).

:meth:`Watcher.stop` (what SIGINT and SIGTERM call, see :func:`stop_on_signals`) lets
the unit in hand finish, then the cycle ends as usual (annotate, cluster, hook) and
the watcher returns; a second signal interrupts at once (what is stored stays,
finished by the next run).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import OperationalError

from newsfuse.cluster.config import ClusterConfig
from newsfuse.errors import InputError
from newsfuse.model import RawDocument, Reject
from newsfuse.pipeline import IngestReport, run_pipeline
from newsfuse.sinks import StoreSink
from newsfuse.store import Store
from newsfuse.store.watch import FileRecord
from newsfuse.watch.feeds import Fetcher, http_fetcher, make_client, poll_feed
from newsfuse.watch.folders import FolderWatch

AfterCycle = Callable[[Store], None]
Unit = tuple[list[str | RawDocument | Reject], Callable[[], None]]
"""The inputs of one file or one feed poll, and what commits its state once stored."""


@dataclass
class WatchOptions:
    interval: float = 60.0  # seconds from the start of one cycle to the next
    settle: float = 2.0  # a file must be unwritten this long to be read
    max_backoff: float = 3600.0  # the longest wait of a failing feed
    timeout: float = 30.0  # seconds to connect to a feed, and between reads
    annotate: bool = True
    cluster: bool = True
    n_process: int = 1
    cluster_config: ClusterConfig | None = None


@dataclass
class CycleReport:
    """What one cycle did; ``to_dict`` is a line of ``newsfuse watch --json``."""

    cycle: int
    started: str
    files_read: int = 0
    files_waiting: int = 0  # changed, but still being written
    feeds_polled: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    items_new: int = 0
    stored: int = 0
    revised: int = 0  # of those stored, later versions of a stored article (items updated)
    duplicates: int = 0
    rejected: int = 0
    annotated: int = 0
    recovered: int = 0
    clustered: int = 0
    stopped: bool = False  # a stop came during the cycle: units after it wait for next time
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the runner's notes (no errors)

    @property
    def busy(self) -> bool:
        """Whether anything happened worth a line of output."""
        return bool(
            self.files_read or self.items_new or self.stored or self.recovered or self.errors
        )

    def add(self, report: IngestReport) -> None:
        self.stored += report.stored
        self.revised += len(report.revisions)
        self.duplicates += report.duplicates
        self.rejected += report.rejected
        self.annotated += report.annotated
        self.recovered += report.recovered
        if report.clustering:
            self.clustered += report.clustering.get("articles", 0)
        self.notes.extend(n for n in report.notes if n not in self.notes)

    def to_dict(self) -> dict:
        return asdict(self)


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs in a file: one a line; blank lines and ``#`` comments are ignored."""
    urls = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return urls


def check_feed_url(url: str) -> str:
    """``url`` if it is an http(s) URL; an :class:`InputError` saying what to pass if not."""
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(
            f"feed {url!r} is not an http:// or https:// URL; "
            "put feed files in a watched folder instead"
        )
    return url


class Watcher:
    """Follows ``folders`` and feeds (``feeds``, and the URLs listed in ``feed_file``,
    read again each cycle) into ``store``."""

    def __init__(
        self,
        store: Store,
        *,
        folders: Sequence[str] = (),
        feeds: Sequence[str] = (),
        feed_file: str | Path | None = None,
        options: WatchOptions | None = None,
        after_cycle: AfterCycle | None = None,
        fetch: Fetcher | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.options = options or WatchOptions()
        self.folders = FolderWatch(list(folders), self.options.settle)
        self.feeds = [check_feed_url(u) for u in feeds]
        self.feed_file = feed_file
        self.after_cycle = after_cycle
        self.clock = clock
        self._client = None
        if fetch is None:
            self._client = make_client(self.options.timeout)
            fetch = http_fetcher(self._client)
        self.fetch = fetch
        self._stop = threading.Event()
        self._listed: list[str] = []
        self.cycles = 0
        self._resumed = False  # whether a cycle has finished what an interrupted run left

    # -- stopping -------------------------------------------------------------

    def stop(self) -> None:
        """Stop after the unit in hand (safe from a signal handler or another thread)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # -- running --------------------------------------------------------------

    def run(
        self, *, once: bool = False, on_cycle: Callable[[CycleReport], None] | None = None
    ) -> int:
        """Cycles every ``interval`` seconds until :meth:`stop` (or one, with ``once``);
        how many ran. A database that is locked or gone for a while costs a cycle, not
        the watcher (its units are redone by the next)."""
        while not self.stopping:
            started = self.clock()
            try:
                report = self.cycle(once=once)
            except OperationalError as exc:
                if once:
                    raise
                report = CycleReport(self.cycles, _iso(started))
                report.errors.append(f"the database failed ({exc.orig}); trying again")
            if on_cycle is not None:
                on_cycle(report)
            if once or self.stopping:
                break
            self._stop.wait(max(0.0, started + self.options.interval - self.clock()))
        return self.cycles

    def cycle(self, *, once: bool = False) -> CycleReport:
        """One cycle: every settled new or changed file, every feed due (with ``once``:
        every feed not backing off after failures), through the pipeline."""
        self.cycles += 1
        now = self.clock()
        report = CycleReport(self.cycles, _iso(now))
        opts = self.options

        def inputs() -> Iterator[str | RawDocument | Reject]:
            for unit_inputs, commit in self._units(now, report, once=once):
                yield from unit_inputs
                commit()  # the runner asks for the next input once the last one is stored
                if self.stopping:
                    report.stopped = True
                    return

        first = not self._resumed
        ingest = run_pipeline(
            inputs(),
            StoreSink(self.store, revisions=True),  # an updated item: a later version
            annotate=opts.annotate,
            n_process=opts.n_process,
            resume=first and opts.annotate,  # finish what an interrupted run left
            cluster=False,
        )
        report.add(ingest)
        if opts.cluster and (first or ingest.stored or ingest.recovered):
            clustering = run_pipeline(
                [], StoreSink(self.store), cluster=True, cluster_config=opts.cluster_config
            )
            report.add(clustering)
        self._resumed = True
        if self.after_cycle is not None:
            try:
                self.after_cycle(self.store)
            except Exception as exc:  # the next cycle calls it again
                report.errors.append(f"after-cycle check failed: {type(exc).__name__}: {exc}")
        return report

    def _units(self, now: float, report: CycleReport, *, once: bool) -> Iterator[Unit]:
        """The cycle's units, made lazily: a feed is fetched when the runner reaches it."""
        if self.stopping:
            return
        records = self.store.watched_files()
        ready, report.files_waiting = self.folders.poll(records, now=now)
        for item in ready:
            if item.changed:
                report.files_read += 1
            yield ([item.path] if item.changed else []), _saver(self.store, item.record)
        for url in self._feed_urls(report):
            state = self.store.feed_state(url)
            due = state.next_poll <= now or (once and state.failures == 0)
            if not due:
                continue
            polled = poll_feed(
                state,
                self.fetch,
                self.store.unseen_items,
                now=now,
                interval=self.options.interval,
                max_backoff=self.options.max_backoff,
            )
            report.feeds_polled += 1
            poll = polled.poll
            if poll.outcome == "not-modified":
                report.feeds_not_modified += 1
            elif poll.outcome == "error":
                report.feeds_failed += 1
                report.errors.append(f"feed {url}: {poll.error} (next try in "
                                     f"{poll.state.next_poll - now:.0f} s)")  # fmt: skip
            report.items_new += poll.items_new

            def commit(polled=polled) -> None:
                self.store.commit_feed_poll(polled.poll, polled.seen)

            yield list(polled.inputs), commit

    def _feed_urls(self, report: CycleReport) -> list[str]:
        """The feeds given, then those listed in the feed file (as it reads now; as it
        read last if it cannot be read)."""
        if self.feed_file is not None:
            try:
                self._listed = [check_feed_url(u) for u in read_feed_list(self.feed_file)]
            except (OSError, UnicodeDecodeError, InputError) as exc:
                report.errors.append(f"feed list {self.feed_file}: {exc}; using the last list")
        return list(dict.fromkeys([*self.feeds, *self._listed]))


def _saver(store: Store, record: FileRecord) -> Callable[[], None]:
    return lambda: store.save_watched_file(record)


def _iso(when: float) -> str:
    return datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds")


@contextmanager
def stop_on_signals(watcher: Watcher) -> Iterator[None]:
    """While inside: SIGINT or SIGTERM stops ``watcher`` after the unit in hand; a second
    one raises :class:`KeyboardInterrupt` at once. Only the main thread can do this
    (elsewhere, nothing is installed)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum: int, _frame: object) -> None:
        if watcher.stopping:
            raise KeyboardInterrupt
        watcher.stop()

    previous = {s: signal.signal(s, handle) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
