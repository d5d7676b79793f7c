"""Time and memory of ``newsfuse ingest`` on each hostile class, one process per class.

    .venv/bin/python benchmarks/hostile_inputs.py                 # every class, into a temp dir
    .venv/bin/python benchmarks/hostile_inputs.py --only gzip-bomb warc-endless-line
    PYTHONPATH=/path/to/old/checkout .venv/bin/python benchmarks/hostile_inputs.py  # compare

Each class folder of ``tools/hostile.py`` (its hostile inputs and two good files) is
ingested by its own ``newsfuse ingest --json --no-annotate --no-cluster`` into a fresh
SQLite file, killed after ``--timeout`` seconds. Printed per class: wall time, the child's
peak resident memory, exit status, whether a traceback reached the terminal, articles
stored, rejects, and the longest reject reason in characters. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _hostile():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("hostile", REPO / "tools" / "hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile"] = module
    spec.loader.exec_module(module)
    return module


def measure(case, newsfuse: str, timeout: float, db: Path) -> dict:  # type: ignore[no-untyped-def]
    hostile = sys.modules["hostile"]
    inputs = (
        [str(case.folder / e.source) for e in case.expect] if case.argument else [str(case.folder)]
    )
    run = hostile.run_measured(
        [newsfuse, "ingest", *inputs, "--json", "--no-annotate", "--no-cluster",
         "--db", f"sqlite:///{db}"],
        timeout,
    )  # fmt: skip
    try:
        report = json.loads(run.stdout)
    except ValueError:
        report = {}
    reasons = [r["reason"] for r in report.get("rejects", [])]
    return {
        "class": case.name,
        "seconds": round(run.seconds, 2),
        "peak_mb": round(run.max_rss_bytes / 2**20),
        "exit": "timeout" if run.timed_out else run.returncode,
        "traceback": "Traceback" in run.stderr,
        "stored": report.get("stored"),
        "rejected": report.get("rejected"),
        "longest_reason": max((len(r) for r in reasons), default=0),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="CLASS")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--array-records", type=int, default=100_000)
    parser.add_argument("--newsfuse", default=str(Path(sys.executable).with_name("newsfuse")))
    parser.add_argument("--json", action="store_true", help="print JSON lines, not a table")
    args = parser.parse_args(argv)
    hostile = _hostile()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases = hostile.write_all(root / "in", args.only, args.array_records)
        header = f"{'class':26} {'seconds':>8} {'peak MB':>8} {'exit':>7} {'tb':>3} {'stored':>7} {'rejected':>8} {'reason':>6}"
        if not args.json:
            print(header)
        for n, case in enumerate(cases):
            row = measure(case, args.newsfuse, args.timeout, root / f"{n}.db")
            if args.json:
                print(json.dumps(row), flush=True)
            else:
                print(
                    f"{row['class']:26} {row['seconds']:8.2f} {row['peak_mb']:8} {row['exit']!s:>7} "
                    f"{'yes' if row['traceback'] else 'no':>3} {row['stored']!s:>7} "
                    f"{row['rejected']!s:>8} {row['longest_reason']:6}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
