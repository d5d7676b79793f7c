"""End-to-end ingest throughput on the BBC corpus, against bare spaCy in the same run.

    python benchmarks/ingest_bbc.py [--limit N] [--processes P]

Takes the first N article files of ``../shared/corpus/bbc`` (all five sections, in file
order), then (1) times bare ``nlp.pipe`` of the small English model with P processes over
their cleaned texts and (2) times ``newsfuse.ingest.ingest_paths`` over the same files into
a new SQLite database with P processes: read, clean, store, annotate, code, cluster. Prints
articles per second for both, ingest / bare, and the seconds of each ingest stage (the
``stage_seconds`` of ``newsfuse ingest --json``). A benchmark, not a test: figures vary with
the machine and what else runs on it; compare the ratio, measured in one run.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from bbc_corpus import bbc_files, cleaned_articles, require_bbc

from newsfuse.annotate.nlp import bare_model, load_nlp
from newsfuse.ingest import ingest_paths
from newsfuse.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    require_bbc()
    files = bbc_files(args.limit, mixed=True)
    texts = [a.text for a in cleaned_articles(files)]
    print(f"{len(files)} BBC files, {len(texts)} articles after cleaning")

    nlp = bare_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
        pass
    bare = time.perf_counter() - start

    load_nlp()  # loaded before timing, as bare spaCy's model was
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/b.db") as store:
        start = time.perf_counter()
        report = ingest_paths([str(f) for f in files], store, n_process=args.processes)
        ingest = time.perf_counter() - start
    n = len(texts)
    print(f"bare nlp.pipe (n_process={args.processes}): {n / bare:6.1f} articles/s ({bare:.1f} s)")
    print(
        f"newsfuse ingest (-p {args.processes}):        {n / ingest:6.1f} articles/s ({ingest:.1f} s)"
    )
    print(f"ratio ingest / bare: {bare / ingest:.2f}")
    print(f"stored {report.stored}, rejected {report.rejected}, annotated {report.annotated}")
    print("seconds per stage (in this process; annotate+code is the wait for the workers):")
    for stage, seconds in report.times.to_dict().items():
        print(f"  {stage:<18} {seconds:7.2f}  {100 * seconds / ingest:5.1f}%")


if __name__ == "__main__":
    main()
