"""Batch-stage throughput on the BBC corpus: in this process against Ray Data, same files.

    python benchmarks/batch_bbc.py [--limit N] [--cpus C]

Runs ``run_batch`` (read → clean → annotate → code → Parquet) over the first N BBC
files twice: with ``use_ray=False`` (one process) and with ``use_ray=True`` on a
local Ray with C CPUs, started before the timer (its start-up is printed apart).
Prints articles per second for both and the ratio Ray / in-process. A benchmark,
not a test: figures vary with the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bbc_corpus import bbc_files, require_bbc

from newsfuse.batch import run_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--cpus", type=int, default=2)
    args = parser.parse_args()
    require_bbc()
    files = [str(f) for f in bbc_files(args.limit)]

    import ray

    with tempfile.TemporaryDirectory() as tmp:
        here = run_batch(files, Path(tmp) / "here", use_ray=False)
        began = time.perf_counter()
        ray.init(num_cpus=args.cpus, include_dashboard=False, ignore_reinit_error=True)
        start_up = time.perf_counter() - began
        try:
            on_ray = run_batch(files, Path(tmp) / "ray", use_ray=True)
        finally:
            ray.shutdown()

    print(f"files: {len(files)}, articles: {here['articles']} (Ray: {on_ray['articles']})")
    here_rate = here["articles"] / here["seconds"]
    ray_rate = on_ray["articles"] / on_ray["seconds"]
    print(f"in-process:       {here['seconds']:7.1f} s  {here_rate:6.1f} articles/s")
    print(
        f"Ray, {args.cpus} CPUs:     {on_ray['seconds']:7.1f} s  {ray_rate:6.1f} articles/s"
        f"  (+ {start_up:.1f} s to start Ray)"
    )
    print(f"Ray / in-process: {ray_rate / here_rate:.2f}x")


if __name__ == "__main__":
    main()
