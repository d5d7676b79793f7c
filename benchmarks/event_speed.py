"""What the learned classifier would cost inside the coder, per sentence and against annotation.

    .venv/bin/python benchmarks/event_speed.py [--limit 200]

On BBC articles (mixed sections), one process: parse + annotate each article, then code
it with the rules alone and with the combinations of ``newsfuse.events.learned`` that
classify (every sentence with a rule event, or every sentence at all with ``propose``).
Prints seconds per article for annotation and for each coding, the classifier's cost per
classified sentence, and coding's share of annotation time (issue 12: coding adds at most
20% to annotation; ``benchmarks/annotate_bbc.py`` measures the shipped coder end to end).
A benchmark, not a test: figures vary with the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import time

from bbc_corpus import bbc_files, cleaned_articles, require_bbc

from newsfuse.annotate.actors import default_resolver
from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.pieces import parse_text
from newsfuse.annotate.stage import annotate_doc
from newsfuse.events.classifier import load_classifier
from newsfuse.events.coder import code_doc
from newsfuse.events.learned import RULES_ONLY, SHIPPED, Combination, sentence_probabilities

COMBINATIONS = {
    "rules only": RULES_ONLY,
    "shipped": SHIPPED,
    "classify sentences with rule events (rerank)": Combination(rerank=True),
    "classify every sentence (propose)": Combination(propose=0.1, rerank=True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    require_bbc()
    articles = cleaned_articles(bbc_files(args.limit, mixed=True))
    nlp, resolver = load_nlp(), default_resolver()
    load_classifier()
    parsed = []
    started = time.perf_counter()
    for article in articles:
        doc = parse_text(nlp, article.text)
        parsed.append((doc, annotate_doc(article, doc, resolver)))
    annotate = time.perf_counter() - started
    sentences = [s for doc, _ in parsed for s in doc.sents]
    n = len(articles)
    print(f"{n} BBC articles, {len(sentences)} sentences, one process")
    print(f"parse + annotate:  {1000 * annotate / n:7.1f} ms/article")
    base = None
    for name, combination in COMBINATIONS.items():
        started = time.perf_counter()
        for doc, found in parsed:
            code_doc(doc, found, resolver, "2005-06-01", combination=combination)
        seconds = time.perf_counter() - started
        base = seconds if base is None else base
        print(
            f"code, {name:45} {1000 * seconds / n:6.1f} ms/article, "
            f"{100 * seconds / annotate:4.1f}% of annotation "
            f"({100 * (seconds - base) / annotate:+4.1f}% against the rules alone)"
        )
    started = time.perf_counter()
    for sentence in sentences:
        sentence_probabilities(sentence)
    per = (time.perf_counter() - started) / len(sentences)
    print(f"classifier alone: {1e3 * per:.2f} ms per sentence (features + model)")


if __name__ == "__main__":
    main()
