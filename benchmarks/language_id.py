"""Language identification: how often it is right, and what it costs per article.

    .venv/bin/python benchmarks/language_id.py [--limit 600]

Accuracy on the paragraphs written for the tests (``tests/data/languages.tsv``, 15
languages), whole and cut to their first 100 and 200 characters; then the time per
article of :func:`newsfuse.clean.language.article_language` over the first ``--limit``
BBC articles (cleaned text), and which languages it stores for them. A benchmark, not
a test: timings vary with the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bbc_corpus import bbc_files, require_bbc

from newsfuse.clean.language import _identifier, article_language, identify

PARAGRAPHS = Path(__file__).resolve().parents[1] / "tests" / "data" / "languages.tsv"


def paragraphs() -> list[tuple[str, str]]:
    lines = PARAGRAPHS.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line.strip() and line[0] != "#"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600)
    args = parser.parse_args()
    started = time.perf_counter()
    _identifier()
    print(f"model loaded in {time.perf_counter() - started:.2f} s")
    rows = paragraphs()
    for cut in (None, 200, 100):
        right = sum((found := identify(text[:cut] if cut else text)) is not None
                    and found.code == code for code, text in rows)  # fmt: skip
        label = f"first {cut} characters" if cut else "whole paragraphs (200+ characters)"
        print(f"{label:36} {right}/{len(rows)} right ({right / len(rows):.1%})")
    require_bbc()
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in bbc_files(args.limit)]
    started = time.perf_counter()
    stored = Counter(article_language(text)[0] for text in texts)
    seconds = time.perf_counter() - started
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"{len(texts)} BBC articles ({chars:.0f} characters on average): "
          f"{1000 * seconds / len(texts):.2f} ms per article; stored as {dict(stored)}")  # fmt: skip


if __name__ == "__main__":
    main()
