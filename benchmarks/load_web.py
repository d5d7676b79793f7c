"""Web load: concurrent clients over every list page, story page and API call.

    python benchmarks/load_web.py [--db PATH] [--base /tmp/nf-bbc.db] [--big 10000]
                                  [--clients 20] [--rounds 5] [--exclude REGEX]

Without ``--db`` it builds a database: the BBC corpus (../shared/corpus/bbc, 2,225
files) ingested with ``-p 2`` once into ``--base`` (kept for later runs), copied
beside it, plus one synthetic story of ``--big`` articles. Those are copies of the
BBC article with the most events (at most ``--events-per-copy``), each with a
sentence of its own (so a new content hash), a title of its own and its events'
dates shifted by 0, 3, 6 or 9 days, stored with the original's annotations and
events, then put into stories by the cluster stage, where they join the original's
story as wire copies. ``--db`` takes a database built so before (its big story is
the one with the most articles).

It serves the database with ``newsfuse serve`` in a child process (or, with
``--workers N``, with uvicorn's command and N worker processes), requests every
route once in turn (the "first" column: the first request computes what the server
caches), then runs ``--clients`` concurrent clients (httpx, asyncio), each requesting
every route ``--rounds`` times in an order of its own, and prints p50 / p95 / p99 /
max latency per route. The server keeps whole responses until the database changes
(``newsfuse serve --cache-mb``), so after the first pass most requests are replayed;
``--cache-mb 0`` measures every response computed. A benchmark, not a test: figures vary with the machine and
what else runs on it. Run it with another checkout's code first on the path
(``PYTHONPATH=that/checkout``) to compare; the database must then be one that code
can open (build it with that code too: ``--build-only``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
VARIATION = " Update {n}: officials gave no further details on {weekday}."
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# -- the database ----------------------------------------------------------------------


def build_base(path: Path) -> None:
    """The BBC corpus, annotated and clustered, in a SQLite file."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsfuse", "ingest", str(SHARED / "bbc"), "--db", str(path),
         "-p", "2", "--json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    print(f"base: BBC ingested in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _shift(date: str | None, days: int) -> str | None:
    from datetime import date as Date
    from datetime import timedelta

    if not date or len(date) != 10 or not days:
        return date
    try:
        return (Date.fromisoformat(date) + timedelta(days=days)).isoformat()
    except ValueError:
        return date


def add_big_story(db: str, n: int, events_per_copy: int = 10) -> str:
    """Store ``n`` varied copies of the article with the most events (at most
    ``events_per_copy``) and cluster them; returns the id of the story they are in."""
    from sqlalchemy import func, insert, select

    from newsfuse.cluster.stage import cluster_new_articles
    from newsfuse.store import Store
    from newsfuse.store.annotations import ANNOTATION_TABLES
    from newsfuse.store.schema import articles, event_actors, events

    started = time.perf_counter()
    with Store(db) as store, store.engine.begin() as conn:
        counted = func.count().label("n")
        original = conn.execute(
            select(events.c.article_id)
            .group_by(events.c.article_id)
            .having(counted <= events_per_copy)
            .order_by(counted.desc(), events.c.article_id)
            .limit(1)
        ).scalar_one()
        article = dict(
            conn.execute(select(articles).where(articles.c.id == original)).mappings().one()
        )
        annotations = {
            t: [dict(r) for r in conn.execute(select(t).where(t.c.article_id == original)).mappings()]
            for t in ANNOTATION_TABLES
        }  # fmt: skip
        found = [
            dict(r)
            for r in conn.execute(
                select(events).where(events.c.article_id == original).order_by(events.c.id)
            ).mappings()
        ]
        actors_of: dict[int, list[dict]] = defaultdict(list)
        for r in conn.execute(
            select(event_actors).where(event_actors.c.event_id.in_([e["id"] for e in found]))
        ).mappings():
            actors_of[r["event_id"]].append(dict(r))
        next_event = (conn.execute(select(func.max(events.c.id))).scalar() or 0) + 1
        for start in range(0, n, 1000):
            rows: dict[Any, list[dict]] = defaultdict(list)
            for i in range(start, min(start + 1000, n)):
                aid = f"bigstory-{i:05d}"
                text = article["text"] + VARIATION.format(n=i, weekday=WEEKDAYS[i % 7])
                rows[articles].append(
                    dict(article, id=aid, source=f"synthetic/{aid}", text=text,
                         title=f"{article['title'] or 'Untitled'} ({i})",
                         content_hash=f"synthetic-{i:05d}-{article['content_hash']}")
                )  # fmt: skip
                for table, items in annotations.items():
                    for item in items:
                        row = dict(item, article_id=aid)
                        row.pop("id", None)  # a new one from the database
                        rows[table].append(row)
                for e in found:
                    shifted = 3 * (i % 4)
                    rows[events].append(
                        dict(e, id=next_event, article_id=aid, date=_shift(e["date"], shifted),
                             date_end=_shift(e["date_end"], shifted))
                    )  # fmt: skip
                    for a in actors_of[e["id"]]:
                        rows[event_actors].append(dict(a, event_id=next_event))
                    next_event += 1
            for table in (articles, *ANNOTATION_TABLES, events, event_actors):
                if rows[table]:
                    conn.execute(insert(table), rows[table])
    with Store(db) as store:
        report = cluster_new_articles(store)
        story_id = store.story_ids([original])[original]
        size = store.get_story(story_id)["article_count"]
    print(
        f"big story {story_id}: {n} copies of {original} ({len(found)} events each) added in "
        f"{time.perf_counter() - started:.0f} s; {report.reprints} wire copies; "
        f"{size} articles in the story",
        file=sys.stderr,
    )
    return story_id


def build(db: Path, base: Path, big: int, events_per_copy: int) -> None:
    if not base.exists():
        if not SHARED.is_dir():
            sys.exit(f"{SHARED} is missing: pass --db, or put ../shared beside the repository")
        build_base(base)
    for stale in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)  # another database's log must not be replayed on the copy
    shutil.copy(base, db)
    add_big_story(str(db), big, events_per_copy)


# -- what to request -------------------------------------------------------------------


def routes(db: str) -> dict[str, str]:
    """Route name → URL, with ids, codes and words taken from the database."""
    from sqlalchemy import func, select

    from newsfuse.store import Store
    from newsfuse.store.schema import articles, event_actors, events, stories

    with Store(db, migrate=False) as store, store.engine.connect() as conn:
        by_size = conn.execute(
            select(stories.c.id).order_by(stories.c.articles.desc(), stories.c.id).limit(2)
        ).scalars().all()  # fmt: skip
        big, small = by_size[0], by_size[1]
        typical = conn.execute(
            select(stories.c.id).where(stories.c.articles == 1).order_by(stories.c.id).limit(1)
        ).scalar()
        actor = conn.execute(
            select(event_actors.c.country).where(event_actors.c.country.isnot(None))
            .group_by(event_actors.c.country).order_by(func.count().desc()).limit(1)
        ).scalar()  # fmt: skip
        country = conn.execute(
            select(events.c.location_country).where(events.c.location_country.isnot(None))
            .group_by(events.c.location_country).order_by(func.count().desc()).limit(1)
        ).scalar()  # fmt: skip
        article = conn.execute(
            select(articles.c.id).where(~articles.c.id.startswith("bigstory"))
            .order_by(articles.c.id).offset(100).limit(1)
        ).scalar()  # fmt: skip
        n_events = conn.execute(select(func.count()).select_from(events)).scalar()
        n_stories = conn.execute(select(func.count()).select_from(stories)).scalar()

    def s(value: str) -> str:
        return quote(value, safe="")

    return {
        "stories": "/stories",
        "stories.json": "/stories.json",
        "api stories": "/api/stories",
        "api stories last page": f"/api/stories?offset={max(n_stories - 50, 0)}",
        "stories q=government": "/stories?q=government",
        "stories q=two words": "/stories?q=prime+minister",
        "stories q=no match": "/stories?q=zzzqqq",
        f"stories actor={actor}": f"/stories?actor={actor}",
        f"stories country={country}": f"/stories?country={country}",
        "stories type=CONSULT": "/stories?type=CONSULT",
        "stories since": "/stories?since=2005-01-01",
        "story big": f"/stories/{s(big)}",
        "story big.json": f"/stories/{s(big)}.json",
        "api story big": f"/api/stories/{s(big)}",
        "story big offset=9000": f"/stories/{s(big)}?offset=9000",
        "api story big limit=500": f"/api/stories/{s(big)}?limit=500&offset=5000",
        "story 2nd biggest": f"/stories/{s(small)}",
        "api story 2nd biggest": f"/api/stories/{s(small)}",
        "story one article": f"/stories/{s(typical)}",
        "events": "/events",
        "events.json": "/events.json",
        "events.csv": "/events.csv",
        "api events": "/api/events",
        "api events last page": f"/api/events?offset={max(n_events - 200, 0)}",
        "events type=ASSAULT": "/events?type=ASSAULT",
        "events quad": "/events?quad=verbal+cooperation",
        f"events actor={actor}": f"/events?actor={actor}",
        f"events country={country}": f"/events?country={country}",
        "events story=big": f"/events?story={s(big)}",
        "api events story=big": f"/api/events?story={s(big)}&offset=1000",
        "map": "/map",
        "map.json": "/map.json",
        "map type=CONSULT": "/map?type=CONSULT",
        f"map actor={actor}": f"/map?actor={actor}",
        f"actor {actor}": f"/actors/{actor}",
        f"actor {actor}.json": f"/actors/{actor}.json",
        f"api actor {actor}": f"/api/actors/{actor}",
        "api actor GBR": "/api/actors/GBR",
        "article": f"/articles/{s(article)}",
        "article.json": f"/articles/{s(article)}.json",
        "api article": f"/api/articles/{s(article)}",
        "api article of big story": "/api/articles/bigstory-04242",
    }


# -- serving and measuring ---------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: str, port: int, workers: int = 1, cache_mb: int | None = None) -> subprocess.Popen:
    """``newsfuse serve`` (one process), or with ``workers`` > 1 the same app under
    uvicorn's own command with that many worker processes (the app reads NEWSFUSE_DB;
    ``cache_mb`` then does not apply)."""
    import httpx

    if workers > 1:
        command = ["-m", "uvicorn", "--factory", "newsfuse.web:create_app", "--workers",
                   str(workers), "--log-level", "warning"]  # fmt: skip
    else:
        command = ["-m", "newsfuse", "serve", "--db", db]
        if cache_mb is not None:
            command += ["--cache-mb", str(cache_mb)]
    server = subprocess.Popen(
        [sys.executable, *command, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NEWSFUSE_DB": db},
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"newsfuse serve exited with status {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.5)
    server.terminate()
    sys.exit("newsfuse serve did not answer within 120 s")


def cpu_seconds(pid: int) -> float | None:
    """CPU time a process has used so far (Linux's /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


async def first_requests(base: str, paths: dict[str, str], timeout: float) -> dict[str, float]:
    import httpx

    out = {}
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as client:
        for name, path in paths.items():
            started = time.perf_counter()
            try:
                response = await client.get(path)
                ok = response.status_code == 200
            except httpx.TimeoutException:
                ok = False
            out[name] = (time.perf_counter() - started) if ok else float("nan")
    return out


async def load(
    base: str, paths: dict[str, str], clients: int, rounds: int, timeout: float
) -> tuple[dict[str, list[float]], dict[str, int], float]:
    import httpx

    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as http:

        async def one_client(seed: int) -> None:
            order = [name for _ in range(rounds) for name in paths]
            random.Random(seed).shuffle(order)
            for name in order:
                started = time.perf_counter()
                try:
                    response = await http.get(paths[name])
                    failed = response.status_code != 200
                except httpx.HTTPError:
                    failed = True
                latencies[name].append(time.perf_counter() - started)
                errors[name] += failed

        started = time.perf_counter()
        await asyncio.gather(*(one_client(seed) for seed in range(clients)))
    return latencies, errors, time.perf_counter() - started


def report(
    paths: dict[str, str], first: dict[str, float], latencies: dict[str, list[float]],
    errors: dict[str, int], seconds: float, clients: int,
) -> None:  # fmt: skip
    width = max(len(name) for name in paths)
    print(f"{'route':<{width}} {'first':>7} {'n':>5} {'err':>4} {'p50':>7} {'p95':>7} "
          f"{'p99':>7} {'max':>7}   (seconds)")  # fmt: skip
    worst = 0.0
    for name in paths:
        got = latencies.get(name, [])
        p = [percentile(got, q) if got else float("nan") for q in (50, 95, 99, 100)]
        worst = max(worst, p[2])
        print(f"{name:<{width}} {first.get(name, float('nan')):>7.3f} {len(got):>5} "
              f"{errors.get(name, 0):>4} {p[0]:>7.3f} {p[1]:>7.3f} {p[2]:>7.3f} {p[3]:>7.3f}")  # fmt: skip
    total = sum(len(v) for v in latencies.values())
    if not total:
        return
    print(f"{total} requests from {clients} clients in {seconds:.0f} s ({total / seconds:.0f}/s); "
          f"worst p99 {worst:.3f} s; {sum(errors.values())} errors")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="A database built by this script (skips building).")
    parser.add_argument("--base", default="/tmp/nf-bbc.db", help="Where the BBC base is kept.")
    parser.add_argument("--big", type=int, default=10_000, help="Articles in the big story.")
    parser.add_argument(
        "--events-per-copy", type=int, default=10, help="At most this many events per copy."
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5, help="Requests per route per client.")
    parser.add_argument(
        "--workers", type=int, default=1,
        help="Serve with uvicorn --workers N instead of `newsfuse serve` (one process).",
    )  # fmt: skip
    parser.add_argument(
        "--cache-mb",
        type=int,
        help="`newsfuse serve --cache-mb`: 0 computes every response (default: the server's).",
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="Seconds per request.")
    parser.add_argument("--exclude", help="Skip the routes whose name matches this regex.")
    parser.add_argument("--only", help="Request only the routes whose name matches this regex.")
    parser.add_argument("--build-only", action="store_true", help="Build --db and stop.")
    args = parser.parse_args()

    import newsfuse

    print(f"newsfuse from {Path(newsfuse.__file__).parent}", file=sys.stderr)
    db = args.db
    if db is None or not Path(db).exists():
        db = db or str(Path(args.base).with_name(f"nf-load-{args.big}.db"))
        build(Path(db), Path(args.base), args.big, args.events_per_copy)
    if args.build_only:
        return
    paths = routes(db)
    if args.exclude:
        paths = {k: v for k, v in paths.items() if not re.search(args.exclude, k)}
    if args.only:
        paths = {k: v for k, v in paths.items() if re.search(args.only, k)}
    port = free_port()
    server = serve(db, port, args.workers, args.cache_mb)
    try:
        base = f"http://127.0.0.1:{port}"
        first = asyncio.run(first_requests(base, paths, args.timeout))
        cpu_before = cpu_seconds(server.pid)
        latencies, errors, seconds = (
            asyncio.run(load(base, paths, args.clients, args.rounds, args.timeout))
            if args.rounds
            else ({}, {}, 0.0)
        )
        cpu_after = cpu_seconds(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    report(paths, first, latencies, errors, seconds, args.clients)
    requests = sum(len(v) for v in latencies.values())
    if requests and cpu_before is not None and cpu_after is not None and args.workers == 1:
        used = cpu_after - cpu_before
        print(f"server: {used:.0f} CPU-seconds under load ({1000 * used / requests:.0f} ms a "
              f"request, {used / seconds:.2f} cores on average); load average "
              f"{os.getloadavg()[0]:.1f} at the end")  # fmt: skip


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
