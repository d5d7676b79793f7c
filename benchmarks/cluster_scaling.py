"""Cluster-stage cost at growing sizes: 1k, 5k and 20k articles from ../shared/corpus.

    python benchmarks/cluster_scaling.py [--sizes 1000,5000,20000] [--base /tmp/nf-corpus.db]
        [--config NAME] [--set FIELD=VALUE ...]

Builds (once) a database of the Reuters-21578 and BBC articles, cleaned and stored
without annotation or clustering. For each size N it copies the first N articles
(oldest first) into a fresh database and runs the cluster stage there in a child
process, printing wall time, time per article, peak resident memory, the number
of stories and wire copies, and the longest-spanning and the largest story. Near-linear cost shows as a flat time per article.
A benchmark, not a test: figures vary with the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import fields, replace
from pathlib import Path

from newsfuse.cluster.config import NAMED, ClusterConfig, named_config

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def build_base(path: Path) -> None:
    from newsfuse.ingest import ingest_paths
    from newsfuse.store import Store

    started = time.perf_counter()
    with Store(str(path)) as store:
        report = ingest_paths(
            [str(SHARED / "reuters21578"), str(SHARED / "bbc")],
            store,
            annotate=False,
            cluster=False,
        )
    print(
        f"base database: {report.stored} articles stored in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def subset(base: Path, target: Path, n: int) -> int:
    shutil.copy(base, target)
    db = sqlite3.connect(target)
    keep = "SELECT id FROM articles ORDER BY published, id LIMIT ?"
    db.execute(f"DELETE FROM articles WHERE id NOT IN ({keep})", (n,))
    db.commit()
    count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.execute("VACUUM")
    db.close()
    return count


def make_config(name: str | None, settings: list[str]) -> ClusterConfig:
    """A named configuration (default: the shipped one) with FIELD=VALUE changes."""
    config = named_config(name) if name else ClusterConfig()
    types = {f.name: f.type for f in fields(ClusterConfig)}
    changes: dict = {}
    for setting in settings:
        key, _, value = setting.partition("=")
        if key not in types:
            raise SystemExit(f"--set {setting}: {key!r} is not a ClusterConfig field")
        kind = types[key]
        changes[key] = (value.lower() in ("1", "true", "yes")) if kind == "bool" else (
            int(value) if kind == "int" else float(value) if kind == "float" else value
        )  # fmt: skip
    if changes and "name" not in changes:
        changes["name"] = f"{config.name}+" + ",".join(settings)
    return replace(config, **changes)


def run_one(db: str, config: ClusterConfig) -> None:
    """Child process: cluster everything in ``db`` and print what it cost as JSON."""
    from newsfuse.cluster.stage import cluster_new_articles
    from newsfuse.store import Store

    with Store(db) as store:
        started = time.perf_counter()
        report = cluster_new_articles(store, config)
        seconds = time.perf_counter() - started
        stories = sum(1 for _ in store.iter_stories())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    con = sqlite3.connect(db)
    span_days, span_title = con.execute(
        "SELECT julianday(substr(last_published, 1, 10)) - julianday(substr(first_published, 1, 10)),"
        " title FROM stories WHERE first_published IS NOT NULL ORDER BY 1 DESC LIMIT 1"
    ).fetchone() or (0, "")
    largest, largest_title = con.execute(
        "SELECT articles, title FROM stories ORDER BY articles DESC LIMIT 1"
    ).fetchone() or (0, "")
    con.close()
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "stories": stories,
                      "reprints": report.reprints, "span_days": span_days,
                      "span_title": span_title, "largest": largest,
                      "largest_title": largest_title}))  # fmt: skip


def child_args(args: argparse.Namespace) -> list[str]:
    """The configuration options, passed on to the child process."""
    out = ["--config", args.config] if args.config else []
    for setting in args.set:
        out += ["--set", setting]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--base", default="/tmp/nf-corpus.db")
    parser.add_argument("--config", help=f"a named configuration: {', '.join(NAMED)}")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="change one ClusterConfig value (repeatable)")  # fmt: skip
    parser.add_argument("--keep", action="store_true",
                        help="keep each clustered database (nf-cluster-N.db beside --base)")  # fmt: skip
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    config = make_config(args.config, args.set)
    if args.child:
        run_one(args.child, config)
        return
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is missing: this benchmark needs ../shared beside the repository")
    base = Path(args.base)
    if not base.exists():
        build_base(base)
    print(f"configuration {config.name}")
    print(
        f"{'articles':>8} {'seconds':>8} {'ms/article':>10} {'peak MB':>8} {'stories':>8} {'copies':>7}"
    )
    first = None
    for n in (int(s) for s in args.sizes.split(",")):
        target = base.with_name(f"nf-cluster-{n}.db")
        count = subset(base, target, n)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(target), *child_args(args)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        per = 1000 * r["seconds"] / count
        first = first or per
        print(
            f"{count:>8} {r['seconds']:>8.1f} {per:>10.2f} {r['peak_mb']:>8.0f} "
            f"{r['stories']:>8} {r['reprints']:>7}   (x{per / first:.2f} per article vs first size)"
        )
        print(
            f"{'':>8} longest span {r['span_days']:.0f} days ({(r['span_title'] or '')[:60]!r}); "
            f"largest story {r['largest']} articles ({(r['largest_title'] or '')[:60]!r})"
        )
        if not args.keep:
            target.unlink()


if __name__ == "__main__":
    main()
