"""Ingest one corpus into SQLite and into PostgreSQL and compare what each stored.

    python benchmarks/backend_parity.py [CORPUS] [--limit N] [-p P] [--pg URL] [--sqlite PATH]

CORPUS defaults to ../shared/corpus/bbc. Each backend gets a fresh database: a new
SQLite file (a temporary one unless --sqlite names it) and a new PostgreSQL database,
on a throwaway server started here (Debian's PostgreSQL, as the tests do) unless --pg
gives the URL of a server to create it on. The first N files (in the order ingest
reads a directory) are ingested with annotation and clustering, P spaCy processes.

Compared, and every difference printed (the first few of each kind, then a count):
articles (ids, content hashes and every stored field but the ingest time), the
number of sentences, actors, places, times and quantities of each article, events
(every field but the row id; an article's events as a multiset), story memberships
(as partitions of the articles: story ids may differ), duplicates (source → article)
and rejects (source, reason). Exit status 1 on any difference, 2 when an ingest fails.
A benchmark script, not a test: it takes minutes on a whole corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from newsfuse.ingest import ingest_paths
from newsfuse.readers import expand_paths
from newsfuse.store import Store

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpus" / "bbc"
SHOW = 5  # differences printed per kind
VOLATILE = {"ingested_at", "at", "id", "event_id", "updated_at"}
ANNOTATION_KINDS = ("sentences", "actors", "places", "times", "quantities")


# -- databases --------------------------------------------------------------------------


@contextmanager
def postgres(url: str | None) -> Iterator[str]:
    """A fresh database ``parity`` on the server of ``url``, or on a throwaway server."""
    sys.path.insert(0, str(REPO))
    from tests.postgres_support import create_database, postgres_server

    server = nullcontext(url) if url else postgres_server()
    with server as server_url:
        yield create_database(server_url, "parity")


def ingest(store: Store, files: list[str], processes: int) -> dict[str, Any]:
    started = time.perf_counter()
    report = ingest_paths(files, store, n_process=processes).to_dict()
    return {"seconds": time.perf_counter() - started, "report": report}


# -- what a database holds, in comparable form -----------------------------------------


def _plain(row: dict[str, Any], drop: set[str] = VOLATILE) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in drop}


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def snapshot(store: Store) -> dict[str, Any]:
    """Everything compared, keyed so that two snapshots line up."""
    articles = {a["id"]: _plain(a) for a in store.iter_articles()}
    annotations = {}
    for article_id in articles:
        found = store.get_annotations(article_id)
        annotations[article_id] = {kind: len(found.get(kind, [])) for kind in ANNOTATION_KINDS}
    events: dict[str, Counter[str]] = {}
    order = []
    for row in store.iter_events(include_negated=True):
        event = _plain(row, VOLATILE | {"story_id"})
        events.setdefault(row["article_id"], Counter())[_key(event)] += 1
        order.append((row["article_id"], row["sentence"], row["start"], row["trigger_start"]))
    story_of = store.story_ids()
    members: dict[str, set[str]] = {}
    for article_id, story_id in story_of.items():
        members.setdefault(story_id, set()).add(article_id)
    return {
        "articles": articles,
        "annotations": annotations,
        "events": events,
        "event_order": order,
        "stories": {frozenset(m) for m in members.values()},
        "story_ids": story_of,
        "duplicates": Counter((d["source"], d["article_id"]) for d in store.iter_duplicates()),
        "rejects": Counter((r["source"], r["reason"]) for r in store.iter_rejects()),
    }


# -- comparing --------------------------------------------------------------------------


class Differences:
    """Differences by kind; prints the first few of each."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, kind: str, message: str) -> None:
        self.counts[kind] += 1
        if self.counts[kind] <= SHOW:
            print(f"  [{kind}] {message}")

    def total(self) -> int:
        return sum(self.counts.values())


def _field_diff(a: dict[str, Any], b: dict[str, Any]) -> str:
    names = sorted(set(a) | set(b))
    return "; ".join(
        f"{n}: sqlite={str(a.get(n))[:80]!r} pg={str(b.get(n))[:80]!r}"
        for n in names
        if a.get(n) != b.get(n)
    )


def _compare_keys(diff: Differences, kind: str, lite: dict, pg: dict) -> set:
    for key in sorted(set(lite) - set(pg), key=str):
        diff.add(kind, f"{key!r} only in SQLite")
    for key in sorted(set(pg) - set(lite), key=str):
        diff.add(kind, f"{key!r} only in PostgreSQL")
    return set(lite) & set(pg)


def _compare_counters(diff: Differences, kind: str, lite: Counter, pg: Counter) -> None:
    for item, n in sorted((lite - pg).items(), key=str):
        diff.add(kind, f"{item!r} ×{n} only in SQLite")
    for item, n in sorted((pg - lite).items(), key=str):
        diff.add(kind, f"{item!r} ×{n} only in PostgreSQL")


def _compare_events(diff: Differences, lite: dict, pg: dict) -> None:
    for article_id in sorted(set(lite) | set(pg)):
        mine, theirs = lite.get(article_id, Counter()), pg.get(article_id, Counter())
        if mine == theirs:
            continue
        only_lite, only_pg = sorted((mine - theirs).elements()), sorted((theirs - mine).elements())
        if len(only_lite) == len(only_pg):
            for a, b in zip(only_lite, only_pg, strict=True):
                diff.add("events", f"{article_id}: {_field_diff(json.loads(a), json.loads(b))}")
        else:
            diff.add(
                "events",
                f"{article_id}: {sum(mine.values())} events on SQLite, "
                f"{sum(theirs.values())} on PostgreSQL",
            )


def compare(lite: dict[str, Any], pg: dict[str, Any]) -> Differences:
    diff = Differences()
    for article_id in sorted(_compare_keys(diff, "articles", lite["articles"], pg["articles"])):
        a, b = lite["articles"][article_id], pg["articles"][article_id]
        if a != b:
            diff.add("articles", f"{article_id}: {_field_diff(a, b)}")
    for article_id in sorted(set(lite["annotations"]) & set(pg["annotations"])):
        a, b = lite["annotations"][article_id], pg["annotations"][article_id]
        if a != b:
            diff.add("annotations", f"{article_id}: sqlite {a} pg {b}")
    _compare_events(diff, lite["events"], pg["events"])
    if lite["event_order"] != pg["event_order"] and sorted(lite["event_order"]) == sorted(
        pg["event_order"]
    ):
        diff.add("event order", "the same events, listed in another order by iter_events")
    for group in sorted(lite["stories"] - pg["stories"], key=sorted):
        diff.add("stories", f"story of {sorted(group)[:6]} ({len(group)}) only on SQLite")
    for group in sorted(pg["stories"] - lite["stories"], key=sorted):
        diff.add("stories", f"story of {sorted(group)[:6]} ({len(group)}) only on PostgreSQL")
    _compare_counters(diff, "duplicates", lite["duplicates"], pg["duplicates"])
    _compare_counters(diff, "rejects", lite["rejects"], pg["rejects"])
    return diff


def summary(name: str, snap: dict[str, Any], run: dict[str, Any]) -> str:
    events = sum(sum(c.values()) for c in snap["events"].values())
    report = run["report"]
    return (
        f"{name:<10} {len(snap['articles']):>6} articles {events:>6} events "
        f"{len(snap['stories']):>5} stories {sum(snap['duplicates'].values()):>5} duplicates "
        f"{sum(snap['rejects'].values()):>4} rejects  "
        f"(stored {report['stored']}, {run['seconds']:.0f} s)"
    )


# -- running ----------------------------------------------------------------------------


def corpus_files(corpus: Path, limit: int | None) -> list[str]:
    files = [item for item in expand_paths([str(corpus)]) if isinstance(item, str)]
    return files[:limit] if limit else files


def _run(name: str, step: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
    try:
        return step()
    except Exception as exc:  # a failed ingest is what this script reports
        print(f"{name}: ingest failed: {type(exc).__name__}: {str(exc)[:500]}")
        traceback.print_exc(limit=3)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=BBC)
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("-p", "--processes", type=int, default=1, help="spaCy processes")
    parser.add_argument("--pg", help="PostgreSQL server URL (default: a throwaway server)")
    parser.add_argument("--sqlite", help="SQLite file to create (default: a temporary one)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; give its path as the first argument")
        return 2
    files = corpus_files(args.corpus, args.limit)
    print(f"{len(files)} files from {args.corpus}, {args.processes} process(es)")
    with tempfile.TemporaryDirectory() as tmp, postgres(args.pg) as pg_url:
        lite_path = args.sqlite or str(Path(tmp) / "parity.db")
        if Path(lite_path).exists():
            print(f"{lite_path} exists; give a new path to --sqlite")
            return 2
        with Store(lite_path) as lite, Store(pg_url) as pg:
            runs = {}
            for name, store in (("SQLite", lite), ("PostgreSQL", pg)):
                runs[name] = _run(name, lambda s=store: ingest(s, files, args.processes))
            if None in runs.values():
                return 2
            snaps = {"SQLite": snapshot(lite), "PostgreSQL": snapshot(pg)}
    print("differences:")
    diff = compare(snaps["SQLite"], snaps["PostgreSQL"])
    if not diff.total():
        print("  none")
    for name in ("SQLite", "PostgreSQL"):
        print(summary(name, snaps[name], runs[name]))
    counts = ", ".join(f"{kind} {n}" for kind, n in diff.counts.items()) or "none"
    print(f"summary: {diff.total()} differences ({counts})")
    return 1 if diff.total() else 0


if __name__ == "__main__":
    sys.exit(main())
