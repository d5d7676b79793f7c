"""Annotate-stage throughput on the BBC corpus, against bare spaCy in the same run.

    python benchmarks/annotate_bbc.py [--limit N] [--processes P]

Prints articles per second for (1) bare ``nlp.pipe`` of the small English model
over the cleaned texts and (2) newsfuse's whole annotate stage (our EntityRuler,
actor resolution, places, times, quantities) over the same texts, both with P
processes, and their ratio. A benchmark, not a test: figures vary with the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import spacy

from newsfuse.annotate.nlp import MODEL_NAMES
from newsfuse.annotate.stage import annotate_articles
from newsfuse.clean import clean_document
from newsfuse.model import Article
from newsfuse.readers import read_paths

PUBLISHED = "2005-06-01"
BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def load_articles(limit: int) -> list[Article]:
    articles = []
    for doc in read_paths([str(BBC)]):
        if len(articles) >= limit:
            break
        if hasattr(doc, "content") and not doc.source.endswith("README.TXT"):
            cleaned = clean_document(doc)
            if isinstance(cleaned, Article):  # the corpus has no dates; times need one
                articles.append(replace(cleaned, published=PUBLISHED))
    return articles


def bare_model():
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit("no spaCy model installed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if not BBC.is_dir():
        sys.exit(f"{BBC} not found: the BBC corpus lives in ../shared")
    articles = load_articles(args.limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} BBC articles, {words / len(articles):.0f} words each on average")

    nlp = bare_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    counts = [0, 0, 0, 0]
    for ann in annotate_articles(articles, n_process=args.processes):
        for i, items in enumerate((ann.actors, ann.places, ann.times, ann.quantities)):
            counts[i] += len(items)
    full = time.perf_counter() - start

    n = len(articles)
    print(f"bare nlp.pipe, {args.processes} processes: {n / bare:6.1f} articles/s ({bare:.1f} s)")
    print(f"annotate stage, {args.processes} processes: {n / full:6.1f} articles/s ({full:.1f} s)")
    print(f"ratio annotate / bare: {bare / full:.2f}")
    print("found: {} actor mentions, {} places, {} time expressions, {} quantities".format(*counts))


if __name__ == "__main__":
    main()
