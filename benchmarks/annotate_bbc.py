"""Annotate- and code-stage throughput on the BBC corpus, against bare spaCy in the same run.

    python benchmarks/annotate_bbc.py [--limit N] [--processes P]

Prints articles per second, all with P processes over the same cleaned texts, for
(1) bare ``nlp.pipe`` of the small English model, (2) newsfuse's annotate stage
(our EntityRuler, actor resolution, places, times, quantities) and (3) annotate
plus event coding; then annotate / bare, and the time coding adds to annotation.
A benchmark, not a test: figures vary with the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import time

from bbc_corpus import bbc_files, cleaned_articles, require_bbc

from newsfuse.annotate.nlp import bare_model, load_nlp
from newsfuse.annotate.stage import annotate_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    require_bbc()
    articles = cleaned_articles(bbc_files(args.limit))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} BBC articles, {words / len(articles):.0f} words each on average")

    nlp = bare_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
        pass
    bare = time.perf_counter() - start

    def run(code: bool) -> tuple[float, list[int]]:
        start = time.perf_counter()
        counts = [0, 0, 0, 0, 0]
        for found in annotate_articles(articles, n_process=args.processes, code=code):
            ann = found.annotations
            for i, items in enumerate(
                (ann.actors, ann.places, ann.times, ann.quantities, found.events)
            ):
                counts[i] += len(items)
        return time.perf_counter() - start, counts

    load_nlp()  # load once before timing; forked workers share it
    annotate, _ = run(code=False)
    coded, counts = run(code=True)
    n = len(articles)
    print(f"bare nlp.pipe:       {n / bare:6.1f} articles/s ({bare:.1f} s)")
    print(f"annotate:            {n / annotate:6.1f} articles/s ({annotate:.1f} s)")
    print(f"annotate + code:     {n / coded:6.1f} articles/s ({coded:.1f} s)")
    print(f"ratio annotate / bare: {bare / annotate:.2f}")
    print(f"coding adds {100 * (coded - annotate) / annotate:.0f}% to annotation time")
    print(
        "found: {} actor mentions, {} places, {} time expressions, {} quantities, {} events".format(
            *counts
        )
    )


if __name__ == "__main__":
    main()
