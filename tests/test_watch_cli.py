"""``newsfuse watch`` as a process: a folder and two feeds served on 127.0.0.1, items added
while it runs, stopped with SIGTERM, restarted; every item is stored exactly once,
unchanged feeds are answered 304, and every match of an alert is delivered exactly once
to its JSON Lines file and to a local webhook that fails twice before it answers."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

WAIT = 180.0  # seconds a condition may take on a loaded machine before the test gives up

TEXT = (
    "{place}, June {day} (Test Wire) - {who} said on {weekday} that talks on the {topic} "
    "would resume next week in {place}, after officials met for a {nth} round. The {topic} "
    "has divided the two governments for months, diplomats said.\n"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOPICS = ("water treaty", "fishing quota", "border survey", "rail link", "gas pipeline",
          "grain corridor", "port lease", "power line", "air corridor", "river dam")  # fmt: skip
PLACES = ("Vienna", "Geneva", "Oslo", "Nairobi", "Lima", "Hanoi", "Rabat", "Quito", "Riga")


def story(n: int) -> str:
    """A distinct short news text for item ``n``."""
    return TEXT.format(
        place=PLACES[n % len(PLACES)], day=n % 28 + 1, who=f"Envoy number {n}",
        weekday=WEEKDAYS[n % 7], topic=TOPICS[n % len(TOPICS)], nth=f"{n}th",
    )  # fmt: skip


def atom(items: list[int]) -> bytes:
    entries = "".join(
        f"<entry><id>urn:test:a{n}</id><title>Talks {n}</title>"
        f"<link href='http://example.org/a{n}'/><updated>2026-06-{n % 28 + 1:02d}T10:00:00Z"
        f"</updated><content type='text'>{story(n)}</content></entry>"
        for n in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Atom Wire</title><id>urn:test:atom</id>{entries}</feed>"
    ).encode()


def rss(items: list[int]) -> bytes:
    entries = "".join(
        f"<item><guid>urn:test:r{n}</guid><title>Talks {n}</title>"
        f"<link>http://example.org/r{n}</link><description>{story(n)}</description></item>"
        for n in items
    )
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>RSS Wire</title>"
        f"<link>http://example.org/</link>{entries}</channel></rss>"
    ).encode()


class FeedServer:
    """Two feeds on 127.0.0.1: /atom with an ETag, /rss with a Last-Modified date and 503
    answers to its first ``failures`` requests. ``log`` has every (path, status) sent."""

    def __init__(self, failures: int = 3) -> None:
        self.lock = threading.Lock()
        self.atom_items: list[int] = []
        self.rss_items: list[int] = []
        self.rss_version = 0
        self.failures = failures
        self.log: list[tuple[str, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # the stdlib calls it by this name
                status, headers, body = server.answer(self.path, self.headers)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def answer(self, path: str, headers) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            if path == "/atom":
                etag = f'"atom-{len(self.atom_items)}-{sum(self.atom_items)}"'
                if headers.get("If-None-Match") == etag:
                    out = (304, {"ETag": etag}, b"")
                else:
                    out = (200, {"ETag": etag, "Content-Type": "application/atom+xml"},
                           atom(self.atom_items))  # fmt: skip
            elif path == "/rss":
                modified = formatdate(1_780_000_000 + self.rss_version, usegmt=True)
                if self.failures > 0:
                    self.failures -= 1
                    out = (503, {}, b"busy")
                elif headers.get("If-Modified-Since") == modified:
                    out = (304, {}, b"")
                else:
                    out = (200, {"Last-Modified": modified, "Content-Type": "application/rss+xml"},
                           rss(self.rss_items))  # fmt: skip
            else:
                out = (404, {}, b"no such feed")
            self.log.append((path, out[0]))
            return out

    def add(self, *, atom_items: list[int] = (), rss_items: list[int] = ()) -> None:
        with self.lock:
            self.atom_items += list(atom_items)
            self.rss_items += list(rss_items)
            if rss_items:
                self.rss_version += 1

    def statuses(self) -> Counter:
        with self.lock:
            return Counter(self.log)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Hook:
    """A webhook on 127.0.0.1 that answers 500 to its first ``failures`` POSTs, then 200;
    ``received`` has (Idempotency-Key, status) of every POST."""

    def __init__(self, failures: int = 2) -> None:
        self.failures = failures
        self.received: list[tuple[str, int]] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # the stdlib calls it by this name
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = 500 if hook.failures > 0 else 200
                hook.failures -= status == 500
                hook.received.append((self.headers.get("Idempotency-Key"), status))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Watch:
    """``newsfuse watch`` running as a process, its JSON lines collected as they come."""

    def __init__(self, args: list[str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsfuse", "watch", *args, "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.cycles: list[dict] = []
        self.err: list[str] = []
        self.readers = [
            threading.Thread(target=self._read, args=(self.proc.stdout, True), daemon=True),
            threading.Thread(target=self._read, args=(self.proc.stderr, False), daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, stream, is_json: bool) -> None:
        for raw in stream:
            if is_json:
                self.cycles.append(json.loads(raw))
            else:
                self.err.append(raw)

    def wait_for(self, what: str, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT
        while not condition():
            if self.proc.poll() is not None:
                pytest.fail(f"watch exited ({self.proc.returncode}) waiting for {what}: "
                            + "".join(self.err)[-2000:])  # fmt: skip
            if time.monotonic() > deadline:
                self.proc.kill()
                pytest.fail(f"gave up waiting for {what}: " + "".join(self.err)[-2000:])
            time.sleep(0.1)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=WAIT)
        for reader in self.readers:
            reader.join(timeout=10)
        return code


def _articles(db: Path) -> dict[str, int]:
    """Stored article sources, each with how many articles came from it."""
    if not db.exists():
        return {}
    with closing(sqlite3.connect(db, timeout=60)) as conn:
        try:
            rows = conn.execute("SELECT source FROM articles").fetchall()
        except sqlite3.OperationalError:  # not created yet
            return {}
    return Counter(r[0] for r in rows)


def _write(folder: Path, n: int) -> None:
    """A new article file, written under a hidden name and renamed when complete."""
    tmp = folder / f".f{n}.txt"
    tmp.write_text(story(100 + n))
    tmp.rename(folder / f"f{n}.txt")


def test_watch_stores_every_item_once_across_a_sigterm_and_a_restart(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "w.db"
    folder.mkdir()
    _write(folder, 1)
    args = [str(folder), "--db", str(db), "--interval", "0.3", "--settle", "0.3",
            "--max-backoff", "0.6", "--timeout", "10"]  # fmt: skip
    hook, sent = Hook(failures=2), tmp_path / "alerts.jsonl"
    added = subprocess.run(
        [sys.executable, "-m", "newsfuse", "alerts", "add", "talks", "--keyword", "talks",
         "--jsonl", str(sent), "--webhook", hook.url, "--db", str(db)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    with FeedServer(failures=3) as server:
        server.add(atom_items=[1, 2], rss_items=[3])
        args += ["--feed", f"{server.url}/atom", "--feed", f"{server.url}/rss"]
        # the first run: what is there, then what arrives while it runs
        watch = Watch(args)
        watch.wait_for("the first items", lambda: len(_articles(db)) == 4)
        watch.wait_for("a 304 from the Atom feed", lambda: server.statuses()[("/atom", 304)])
        server.add(atom_items=[4], rss_items=[5, 6])
        _write(folder, 2)
        watch.wait_for("the items added", lambda: len(_articles(db)) == 8)
        assert watch.stop() == 0, "".join(watch.err)
        # while it is stopped, more arrives
        server.add(atom_items=[7])
        _write(folder, 3)
        watch = Watch(args)
        watch.wait_for("the items added while stopped", lambda: len(_articles(db)) == 10)
        watch.wait_for("a 304 from the RSS feed", lambda: server.statuses()[("/rss", 304)])
        assert watch.stop() == 0, "".join(watch.err)
        restart_cycles = watch.cycles
        # items arrive and the stop follows at once, whatever the watcher is doing then
        watch = Watch(args)
        watch.wait_for("a cycle", lambda: watch.cycles)
        server.add(atom_items=[8], rss_items=[9])
        _write(folder, 4)
        assert watch.stop() == 0, "".join(watch.err)
        watch = Watch(args)
        watch.wait_for("every item", lambda: len(_articles(db)) == 13)
        assert watch.stop() == 0, "".join(watch.err)
        statuses = server.statuses()
    stored = _articles(db)
    assert len(stored) == 13 and set(stored.values()) == {1}, stored
    assert sum(1 for s in stored if s.startswith(str(folder))) == 4
    # the restart read nothing it had read before: no duplicates, only the two new items
    assert sum(c["duplicates"] for c in restart_cycles) == 0
    assert sum(c["stored"] for c in restart_cycles) == 2
    assert statuses[("/rss", 503)] == 3  # it failed, backed off, and came back
    assert statuses[("/atom", 304)] >= 1 and statuses[("/rss", 304)] >= 1
    with closing(sqlite3.connect(db)) as conn:
        polls = Counter(conn.execute("SELECT feed_url, status FROM watch_polls").fetchall())
        pending = conn.execute("SELECT count(*) FROM articles WHERE pending IS NOT NULL")
        assert pending.fetchone()[0] == 0  # every article annotated
        seen = conn.execute("SELECT count(*) FROM watch_seen").fetchone()[0]
    assert polls[(f"{server.url}/rss", 503)] == 3
    assert polls[(f"{server.url}/atom", 304)] == statuses[("/atom", 304)]
    assert seen == 9  # feed items: 3 + 3 while it ran, 1 while stopped, 2 at the stop
    # every match of the alert, once in the file and once at the webhook (after 2 failures)
    hook.close()
    with closing(sqlite3.connect(db)) as conn:
        matches = {r[0] for r in conn.execute("SELECT id FROM alert_matches")}
        owed = conn.execute("SELECT count(*) FROM alert_deliveries WHERE delivered_at IS NULL")
        assert owed.fetchone()[0] == 0
    assert matches
    lines = [json.loads(line)["match_id"] for line in sent.read_text().splitlines()]
    assert sorted(lines) == sorted(matches)
    delivered = [key for key, status in hook.received if status == 200]
    assert sorted(delivered) == sorted(f"newsfuse-match-{m}" for m in matches)
    assert [status for _, status in hook.received].count(500) == 2
