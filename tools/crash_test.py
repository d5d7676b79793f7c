"""Kill `newsfuse ingest` at random moments and check that the next run loses nothing.

For each trial: start ``newsfuse ingest`` on a fresh database, kill it (SIGKILL, the
whole process group, worker processes included) after a random delay, run the same
command again to completion, and compare the database with one from an uninterrupted
run: the same articles, none twice, none left half-done (pending, unannotated, without
its events, in no story), the same annotations, events and stories.

Delays are stratified: trial k of n is killed at a random moment in the k-th n-th of the
clean run's duration, so the trials cover reading, annotating and clustering alike.

    .venv/bin/python tools/crash_test.py --kills 20 --pg-kills 5          # the full run
    .venv/bin/python tools/crash_test.py --corpus examples --kills 3      # a quick look

Exit status 0 when every trial matched the clean run, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpus" / "bbc"
NEWSFUSE = [sys.executable, "-m", "newsfuse"]


# -- the input ----------------------------------------------------------------------------


def make_input(corpus: Path, limit: int, folder: Path) -> Path:
    """Copy the first ``limit`` article files of ``corpus`` (sorted, recursively) to ``folder``."""
    files = sorted(
        p for p in corpus.rglob("*") if p.is_file() and not p.name.upper().startswith("README")
    )[:limit]
    folder.mkdir(parents=True, exist_ok=True)
    for n, path in enumerate(files):
        shutil.copy(path, folder / f"{n:05d}-{path.parent.name}-{path.name}")
    return folder


# -- what a database holds ----------------------------------------------------------------


def snapshot(url: str) -> dict[str, Any]:
    """Everything a crash could damage, in a form two databases can be compared in."""
    from sqlalchemy import func, select

    from newsfuse.store import Store
    from newsfuse.store.schema import (
        actor_mentions,
        annotation_runs,
        articles,
        event_actors,
        events,
        places,
        quantities,
        rejects,
        sentences,
        stories,
        story_articles,
        time_expressions,
    )

    with Store(url) as store, store.engine.connect() as conn:
        rows = conn.execute(select(articles.c.id, articles.c.content_hash, articles.c.pending))
        arts = {r.id: {"hash": r.content_hash, "pending": r.pending} for r in rows}
        for table in (sentences, actor_mentions, places, time_expressions, quantities):
            counts = conn.execute(
                select(table.c.article_id, func.count()).group_by(table.c.article_id)
            )
            for article_id, n in counts:
                arts[article_id][table.name] = n
        for (article_id,) in conn.execute(select(annotation_runs.c.article_id)):
            arts[article_id]["annotated"] = True
        actors: dict[int, list[tuple]] = {}
        for r in conn.execute(select(event_actors)):
            actors.setdefault(r.event_id, []).append((r.role, r.text, r.country, r.sector))
        for r in conn.execute(select(events)):
            key = (r.sentence, r.event_type, r.trigger_start, r.start, r.end, r.mode,
                   r.location, r.date, str(r.size), str(r.dead), r.negated,
                   tuple(sorted(actors.get(r.id, []))))  # fmt: skip
            arts[r.article_id].setdefault("events", []).append(key)
        for a in arts.values():
            a["events"] = sorted(a.get("events", []), key=repr)
        members: dict[str, set[str]] = {}
        for r in conn.execute(select(story_articles.c.article_id, story_articles.c.story_id)):
            members.setdefault(r.story_id, set()).add(r.article_id)
            arts[r.article_id]["story"] = r.story_id
        summaries = {
            r.id: (r.articles, r.sources, r.title)
            for r in conn.execute(select(stories.c.id, stories.c.articles, stories.c.sources,
                                         stories.c.title))
        }  # fmt: skip
        reject_sources = sorted(r[0] for r in conn.execute(select(rejects.c.source)))
    return {
        "articles": arts,
        "stories": {sid: sorted(m) for sid, m in members.items()},
        "summaries": summaries,
        "rejects": reject_sources,
    }


@dataclass
class Comparison:
    lost: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # stored twice or under another id
    half_done: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.extra or self.half_done or self.different)


def compare(clean: dict[str, Any], crashed: dict[str, Any], *, annotate: bool = True) -> Comparison:
    """How a database after a kill and a re-run differs from the uninterrupted one."""
    out = Comparison()
    want, got = clean["articles"], crashed["articles"]
    out.lost = sorted(set(want) - set(got))
    out.extra = sorted(set(got) - set(want))
    hashes = [a["hash"] for a in got.values()]
    out.extra += sorted({h for h in hashes if hashes.count(h) > 1})
    for article_id, a in sorted(got.items()):
        if a["pending"] is not None or "story" not in a or (annotate and not a.get("annotated")):
            out.half_done.append(article_id)
        elif article_id in want and {k: v for k, v in a.items() if k != "story"} != {
            k: v for k, v in want[article_id].items() if k != "story"
        }:
            out.different.append(f"{article_id}: annotations or events differ")
    partition = {frozenset(m) for m in clean["stories"].values()}
    if partition != {frozenset(m) for m in crashed["stories"].values()}:
        out.different.append("the stories are not the same groups of articles")
    if clean["summaries"] != crashed["summaries"]:
        out.different.append("story summaries (counts, sources, titles) differ")
    if clean["rejects"] != crashed["rejects"]:
        out.different.append("the rejects differ")
    return out


# -- runs ---------------------------------------------------------------------------------


def ingest_command(folder: Path, url: str, processes: int) -> list[str]:
    return [*NEWSFUSE, "ingest", str(folder), "--db", url, "-p", str(processes), "--json"]


def run_to_end(command: list[str], timeout: float) -> tuple[float, dict[str, Any]]:
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}"
        )
    return time.perf_counter() - began, json.loads(done.stdout)


def run_and_kill(command: list[str], delay: float) -> bool:
    """Start ``command``, SIGKILL its process group after ``delay`` s; whether it was still
    running (False: it finished first)."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


@dataclass
class Trial:
    backend: str
    delay: float
    killed: bool
    comparison: Comparison
    rerun: dict[str, Any]

    def line(self) -> str:
        c = self.comparison
        state = "ok" if c.ok else "FAILED"
        return (
            f"{self.backend:8} kill at {self.delay:6.2f} s  "
            f"{'killed' if self.killed else 'finished first'}; re-run stored "
            f"{self.rerun.get('stored', 0):3}, recovered {self.rerun.get('recovered', 0):3}, "
            f"clustered {(self.rerun.get('clustering') or {}).get('articles', 0):3}  -> "
            f"lost {len(c.lost)}, duplicated {len(c.extra)}, half-done {len(c.half_done)}, "
            f"different {len(c.different)}  {state}"
        )


def delays(n: int, duration: float, rng: random.Random) -> list[float]:
    """One random moment in each n-th of ``duration`` (the first tenth of a second excluded)."""
    step = duration / n
    return [max(0.1, rng.uniform(k * step, (k + 1) * step)) for k in range(n)]


@contextmanager
def databases(backend: str, work: Path) -> Iterator[Any]:
    """A function that makes a fresh database URL for trial ``name``, on ``backend``."""
    if backend == "sqlite":
        yield lambda name: f"sqlite:///{work / (name + '.db')}"
        return
    sys.path.insert(0, str(REPO / "tests"))
    from postgres_support import create_database, postgres_server

    with postgres_server() as server:
        yield lambda name: create_database(server, name)


def run_trials(
    backend: str,
    folder: Path,
    kills: int,
    *,
    processes: int,
    rng: random.Random,
    work: Path,
    report=print,
) -> list[Trial]:
    """Crash ``kills`` ingests of ``folder`` on ``backend`` and compare each with a clean run."""
    trials = []
    with databases(backend, work) as fresh:
        clean_url = fresh("clean")
        duration, _ = run_to_end(ingest_command(folder, clean_url, processes), timeout=3600)
        clean = snapshot(clean_url)
        report(
            f"{backend}: clean run {duration:.1f} s, {len(clean['articles'])} articles, "
            f"{len(clean['stories'])} stories"
        )
        for n, delay in enumerate(delays(kills, duration, rng)):
            url = fresh(f"trial{n}")
            command = ingest_command(folder, url, processes)
            killed = run_and_kill(command, delay)
            _, rerun = run_to_end(command, timeout=3600)
            trial = Trial(backend, delay, killed, compare(clean, snapshot(url)), rerun)
            report(trial.line())
            for problem in (*trial.comparison.lost, *trial.comparison.extra,
                            *trial.comparison.half_done, *trial.comparison.different)[:10]:  # fmt: skip
                report(f"    {problem}")
            trials.append(trial)
    return trials


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BBC if BBC.is_dir() else REPO / "examples")
    parser.add_argument("--limit", type=int, default=120, help="articles to ingest per run")
    parser.add_argument("--kills", type=int, default=20, help="trials on SQLite")
    parser.add_argument("--pg-kills", type=int, default=5, help="trials on PostgreSQL (0: none)")
    parser.add_argument("--processes", "-p", type=int, default=1)
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="newsfuse-crash-") as tmp:
        work = Path(tmp)
        folder = make_input(args.corpus, args.limit, work / "input")
        trials = []
        for backend, kills in (("sqlite", args.kills), ("postgres", args.pg_kills)):
            if kills:
                trials += run_trials(
                    backend, folder, kills, processes=args.processes, rng=rng, work=work
                )
    bad = [t for t in trials if not t.comparison.ok]
    killed = sum(t.killed for t in trials)
    print(
        f"{len(trials)} trials ({killed} killed mid-run): "
        f"lost {sum(len(t.comparison.lost) for t in trials)}, "
        f"duplicated {sum(len(t.comparison.extra) for t in trials)}, "
        f"half-done {sum(len(t.comparison.half_done) for t in trials)}, "
        f"different {sum(len(t.comparison.different) for t in trials)}; "
        f"{'all match the clean run' if not bad else f'{len(bad)} trials differ'}"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
