"""The watcher's parts, in-process: when a file is settled, feed back-off, conditional
polls, items seen before, a stop between units, and the migration."""

from __future__ import annotations

import os
import time

import pytest
from sqlalchemy import inspect

from newsfuse.errors import InputError
from newsfuse.pipeline import IngestReport
from newsfuse.store import Store
from newsfuse.store.watch import FeedState
from newsfuse.watch import (
    Watcher,
    WatchOptions,
    backoff_delay,
    check_feed_url,
    is_settled,
    read_feed_list,
)
from newsfuse.watch.feeds import Fetched, poll_feed, read_feed_body
from newsfuse.watch.folders import FolderWatch
from newsfuse.watch.loop import CycleReport

from .migration_support import downgrade
from .postgres_support import create_database

URL = "http://127.0.0.1:9/feed.atom"
BODY = (
    "BRUSSELS, March 3 (Test Wire) - Ministers of the European Union agreed on Tuesday to "
    "send {n} more monitors to the border mission, diplomats said. The decision follows "
    "weeks of talks in Brussels about the mission's mandate, item number {n}.\n"
)


def atom(*ids: str) -> bytes:
    entries = "".join(
        f"<entry><id>{i}</id><title>Monitors {i}</title><link href='http://example.org/{i}'/>"
        f"<updated>2026-03-03T10:00:00Z</updated><content type='text'>{BODY.format(n=i)}"
        "</content></entry>"
        for i in ids
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Test Wire</title><id>urn:test</id>{entries}</feed>"
    ).encode()


# -- a file still being written is not read -------------------------------------------


def test_a_file_written_recently_or_still_changing_is_not_settled():
    now = 1_000_000.0
    old = int((now - 10) * 1e9)
    assert is_settled(None, (10, old), now=now, settle=2)  # first seen, unwritten for 10 s
    assert is_settled((10, old), (10, old), now=now, settle=2)  # unchanged since last poll
    assert not is_settled((5, old - 1), (10, old), now=now, settle=2)  # grew since last poll
    recent = int((now - 0.5) * 1e9)
    assert not is_settled(None, (10, recent), now=now, settle=2)  # written half a second ago
    assert not is_settled((10, recent), (10, recent), now=now, settle=2)


def test_a_half_written_file_is_read_only_once_complete(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "a.txt"
    watch = FolderWatch([str(folder)], settle=2.0)
    now = time.time()
    with open(path, "w") as out:
        out.write(BODY.format(n=1)[:60])  # the writer is half-way
        out.flush()
        ready, waiting = watch.poll({}, now=now)
        assert (ready, waiting) == ([], 1)
        out.write(BODY.format(n=1)[60:])
    # much later (as the clock says), but the file changed since the last poll: not yet
    ready, waiting = watch.poll({}, now=now + 60)
    assert (ready, waiting) == ([], 1)
    ready, waiting = watch.poll({}, now=now + 120)  # unchanged across two polls: read it
    assert waiting == 0 and [r.path for r in ready] == [str(path)]
    assert ready[0].record.size == len(BODY.format(n=1).encode())
    # once recorded it is not read again; touched without a change it is not "changed"
    records = {r.path: r.record for r in ready}
    assert watch.poll(records, now=now + 180) == ([], 0)
    os.utime(path, ns=(time.time_ns(), time.time_ns() - 10**11))
    assert watch.poll(records, now=now + 240) == ([], 1)  # changed since the last poll
    ready, _ = watch.poll(records, now=now + 300)
    assert [r.changed for r in ready] == [False]


def test_hidden_and_partial_names_are_not_watched(tmp_path):
    for name in ("a.txt", ".hidden.txt", "b.txt.part", "c.json.tmp", "d.txt~"):
        (tmp_path / name).write_text(BODY.format(n=name))
    ready, _ = FolderWatch([str(tmp_path)], settle=0).poll({}, now=time.time() + 10)
    assert [os.path.basename(r.path) for r in ready] == ["a.txt"]


# -- feeds: back-off, conditional requests, items seen before -------------------------


def test_backoff_doubles_on_each_failure_up_to_the_cap():
    delays = [backoff_delay(10, n, 300) for n in range(8)]
    assert delays == [10, 20, 40, 80, 160, 300, 300, 300]
    assert backoff_delay(10, 3, 5) == 10  # a cap under the interval never polls sooner
    assert backoff_delay(10, 10_000, 300) == 300  # no overflow however long it fails


def test_a_failing_feed_backs_off_and_a_success_resets_it():
    answers = iter([Fetched(None, error="ConnectError: refused"), Fetched(503, error="HTTP 503")])
    state = FeedState(URL, etag='"v1"')
    for expected_failures, delay in ((1, 20), (2, 40)):
        polled = poll_feed(
            state, lambda s: next(answers), lambda u, k: set(k),
            now=1000.0, interval=10, max_backoff=300,
        )  # fmt: skip
        state = polled.poll.state
        assert polled.poll.outcome == "error" and polled.inputs == []
        assert state.failures == expected_failures and state.next_poll == 1000 + delay
        assert state.etag == '"v1"'  # the validators of the last body read are kept
    ok = poll_feed(
        state, lambda s: Fetched(200, atom("urn:1"), '"v2"'), lambda u, k: set(k),
        now=2000.0, interval=10, max_backoff=300,
    )  # fmt: skip
    assert ok.poll.state.failures == 0 and ok.poll.state.next_poll == 2010
    assert ok.poll.state.etag == '"v2"' and ok.poll.items_new == 1


def test_a_body_that_is_no_feed_counts_as_a_failure():
    polled = poll_feed(
        FeedState(URL), lambda s: Fetched(200, b"<html><body>Oops</body></html>"),
        lambda u, k: set(k), now=0.0, interval=10, max_backoff=300,
    )  # fmt: skip
    assert polled.poll.outcome == "error" and polled.poll.state.failures == 1


def test_only_unseen_items_go_to_the_pipeline_with_stable_sources():
    items = read_feed_body(URL, atom("urn:1", "urn:2"))
    assert list(items.documents) == ["urn:1", "urn:2"]
    assert items.documents["urn:2"].source == f"{URL}#urn:2"
    polled = poll_feed(
        FeedState(URL), lambda s: Fetched(200, atom("urn:1", "urn:2")),
        lambda u, keys: {k for k in keys if k != "urn:1"}, now=0.0, interval=10, max_backoff=60,
    )  # fmt: skip
    assert [d.meta["id"] for d in polled.inputs] == ["urn:2"]
    assert list(polled.seen) == ["urn:1", "urn:2"]  # every item's version is recorded


def test_feed_list_and_urls(tmp_path):
    listed = tmp_path / "feeds.txt"
    listed.write_text("# wires\nhttp://a.example/feed\n\n  https://b.example/rss#top  \n")
    assert read_feed_list(listed) == ["http://a.example/feed", "https://b.example/rss#top"]
    with pytest.raises(InputError, match="http"):
        check_feed_url("file:///etc/passwd")


# -- the watcher in-process -----------------------------------------------------------


class Feeds:
    """Feed bodies served from memory, answering 304 to the ETag of the current body."""

    def __init__(self, bodies: dict[str, bytes]) -> None:
        self.bodies = bodies
        self.answers: list[tuple[str, int]] = []
        self.on_fetch = lambda url: None

    def __call__(self, state: FeedState) -> Fetched:
        self.on_fetch(state.url)
        body = self.bodies[state.url]
        etag = f'"{hash(body)}"'
        status = 304 if state.etag == etag else 200
        self.answers.append((state.url, status))
        return Fetched(status) if status == 304 else Fetched(200, body, etag)


def _watcher(store: Store, folder, feeds: Feeds) -> Watcher:
    options = WatchOptions(interval=0.01, settle=0, annotate=False, cluster=False)
    return Watcher(store, folders=[str(folder)], feeds=list(feeds.bodies), options=options,
                   fetch=feeds)  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """A database URL: a SQLite file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'w.db'}"
    return create_database(request.getfixturevalue("postgres_url"), "watch")


def test_a_restart_reads_nothing_twice(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY.format(n="file-a"))
    feeds = Feeds({URL: atom("urn:1", "urn:2"), URL + "2": atom("urn:2", "urn:3")})
    with Store(db) as store:
        report = _watcher(store, folder, feeds).cycle()
        # urn:2 is in both feeds: its second copy is a duplicate of the first, not stored
        assert (report.files_read, report.items_new, report.stored) == (1, 4, 4)
        assert store.counts()["articles"] == 4
    feeds.bodies[URL] = atom("urn:1", "urn:2", "urn:4")
    (folder / "b.txt").write_text(BODY.format(n="file-b"))
    with Store(db) as store:  # a new watcher: only the database remembers
        again = _watcher(store, folder, feeds)
        report = again.cycle(once=True)
        assert (report.files_read, report.items_new, report.stored) == (1, 1, 2)
        assert report.duplicates == 0 and report.feeds_not_modified == 1
        assert store.counts()["articles"] == 6
        assert again.cycle(once=True).stored == 0
        polls = list(store.iter_feed_polls(URL))
    assert [p["outcome"] for p in polls] == ["read", "read", "not-modified"]
    assert [p["items_new"] for p in polls] == [2, 1, 0]


def test_an_item_the_feed_declares_updated_is_read_again_as_a_later_version(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    feeds = Feeds({URL: atom("urn:1", "urn:2")})
    with Store(db) as store:
        assert _watcher(store, folder, feeds).cycle().stored == 2
        # urn:1's body changes without a new update time (a counter, a related list): no update
        churned = atom("urn:1", "urn:2").replace(
            b"item number urn:1.", b"item number urn:1. 7 comments."
        )
        feeds.bodies[URL] = churned
        report = _watcher(store, folder, feeds).cycle(once=True)
        assert (report.items_new, report.stored) == (0, 0)
        # the outlet updates urn:1: a sentence more and a new <updated>
        first_entry = churned.split(b"</entry>")[0]
        updated = churned.replace(
            first_entry,
            first_entry.replace(b"7 comments.", b"Two monitors were added on Friday.").replace(
                b"2026-03-03T10:00:00Z", b"2026-03-04T08:00:00Z"
            ),
        )
        feeds.bodies[URL] = updated
        report = _watcher(store, folder, feeds).cycle(once=True)
        assert (report.items_new, report.stored, report.revised) == (1, 1, 1)
        assert store.get_article("urn:1")["revisions"] == ["urn:1-v2"]
        assert store.get_article("urn:1-v2")["text"].endswith("added on Friday.")
        feeds.bodies[URL] = updated + b" "  # a new body (no 304), nothing declared updated
        report = _watcher(store, folder, feeds).cycle(once=True)
        assert (report.items_new, report.stored) == (0, 0)


def test_another_feed_s_item_with_the_same_id_is_its_own_article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    other = atom("urn:1").replace(b"send urn:1 more monitors", b"close the bridge to lorries")
    feeds = Feeds({URL: atom("urn:1"), URL + "2": other})
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        report = _watcher(store, folder, feeds).cycle()
        assert (report.stored, report.revised) == (2, 0)
        assert store.get_article("urn:1")["revisions"] == []
        [own] = [a for a in store.iter_articles() if a["id"] != "urn:1"]
        assert own["id"].startswith("urn:1-") and not own["revision_of"]


def test_items_seen_before_versions_were_kept_get_one_without_being_read(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        poll = poll_feed(
            FeedState(URL), lambda s: Fetched(200, atom("urn:1")),
            store.unseen_items, now=0.0, interval=10, max_backoff=60,
        )  # fmt: skip
        store.commit_feed_poll(poll.poll, ["urn:1"])  # as recorded before migration 0017
        assert store.unseen_items(URL, {"urn:1": "2026-03-04T08:00:00Z"}) == set()
        again = poll_feed(
            FeedState(URL), lambda s: Fetched(200, atom("urn:1")),
            store.unseen_items, now=1.0, interval=10, max_backoff=60,
        )  # fmt: skip
        assert again.inputs == [] and again.seen == {"urn:1": "2026-03-03T10:00:00Z"}
        store.commit_feed_poll(again.poll, again.seen)
        assert store.unseen_items(URL, {"urn:1": "2026-03-04T08:00:00Z"}) == {"urn:1"}


def test_a_stop_lets_the_unit_in_hand_finish_and_leaves_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    feeds = Feeds({URL: atom("urn:1"), URL + "2": atom("urn:2")})
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        watcher = _watcher(store, folder, feeds)
        feeds.on_fetch = lambda url: watcher.stop()  # SIGTERM while the first feed is fetched
        report = watcher.cycle()
        assert report.stopped and report.feeds_polled == 1 and report.stored == 1
        assert [s.url for s in store.iter_feed_states()] == [URL]  # its poll was recorded
        assert store.unseen_items(URL, ["urn:1"]) == set()
        assert watcher.run() == 1  # stopped: no further cycle


def test_the_after_cycle_hook_runs_and_its_failure_is_reported(tmp_path, store):
    calls = []
    watcher = Watcher(store, folders=[str(tmp_path)], options=WatchOptions(settle=0),
                      after_cycle=calls.append, fetch=Feeds({}))  # fmt: skip
    watcher.cycle()
    assert calls == [store]
    watcher.after_cycle = lambda s: 1 / 0
    assert "ZeroDivisionError" in watcher.cycle().errors[0]


def test_the_watch_migration_goes_down_and_up(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        tables = {"watch_feeds", "watch_polls", "watch_seen", "watch_files"}
        assert tables <= set(inspect(store.engine).get_table_names())
        downgrade(store, "0013_storylines")
        assert not tables & set(inspect(store.engine).get_table_names())
        store.migrate()
        assert tables <= set(inspect(store.engine).get_table_names())


def test_a_cycle_keeps_the_runners_notes_once() -> None:
    cycle = CycleReport(cycle=1, started="2026-11-29T20:00:00+00:00")
    for _ in range(2):
        cycle.add(IngestReport(notes=["stories stored before were made with configuration x"]))
    assert cycle.notes == ["stories stored before were made with configuration x"]
    assert "notes" in cycle.to_dict()
