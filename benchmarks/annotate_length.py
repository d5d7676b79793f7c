"""Annotate- and code-stage time against article length, on real news text.

    python benchmarks/annotate_length.py [--sizes 10000,50000,...] [--no-code] [--no-limit]

Builds one long article per size by joining cleaned BBC articles (paragraphs kept,
a blank line between articles) and runs the annotate stage, and unless ``--no-code``
the code stage too, on it in this process. Prints, per size, the seconds taken, the
milliseconds per 1,000 characters and that cost relative to the smallest size: a
stage whose cost is linear in length keeps the ratio near 1. Articles over the
annotation limit (``MAX_ANNOTATED_CHARS``) are annotated in part (the note says so;
the cost per 1,000 characters is then that of the characters annotated); with
``--no-limit`` every character is annotated, however long the text.
A benchmark, not a test: figures vary with the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.pieces import MAX_ANNOTATED_CHARS
from newsfuse.annotate.stage import annotate_articles
from newsfuse.clean import clean_document
from newsfuse.model import Analysis, Article
from newsfuse.readers import read_paths

PUBLISHED = "2005-06-01"
BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
SIZES = (10_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)


def bbc_texts() -> list[str]:
    """Cleaned BBC article texts, in the corpus's order."""
    texts = []
    for doc in read_paths([str(BBC)]):
        if hasattr(doc, "content") and not doc.source.endswith("README.TXT"):
            cleaned = clean_document(doc)
            if isinstance(cleaned, Article):
                texts.append(cleaned.text)
    return texts


def long_text(texts: list[str], size: int) -> str:
    """``size`` characters of news: whole articles joined by blank lines, the last one cut
    at a word boundary. Repeats the corpus if it is too short."""
    parts: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    joined = "\n\n".join(parts)[:size]
    return joined[: joined.rfind(" ")] if len(joined) == size else joined


def analyse(
    text: str, code: bool, max_chars: int | None
) -> tuple[float, Analysis | None, str | None]:
    """Seconds, the analysis, and the error (if the stage failed) for one article."""
    article = Article(
        id=f"long-{len(text)}",
        source="<benchmark>",
        text=text,
        content_hash="",
        published=PUBLISHED,
    )
    start = time.perf_counter()
    try:
        (found,) = annotate_articles([article], code=code, max_chars=max_chars)
    except Exception as error:
        return time.perf_counter() - start, None, f"{type(error).__name__}: {str(error)[:120]}"
    return time.perf_counter() - start, found, None


def annotated_chars(found: Analysis, length: int) -> int:
    """How many characters were annotated (all of them unless a note says otherwise)."""
    return getattr(found.annotations, "annotated_chars", None) or length


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--no-code", action="store_true", help="annotate only, do not code events")
    parser.add_argument(
        "--no-limit", action="store_true", help="annotate all of every text, however long"
    )
    args = parser.parse_args()
    if not BBC.is_dir():
        sys.exit(f"{BBC} not found: the BBC corpus lives in ../shared")
    sizes = [int(s) for s in args.sizes.split(",")]
    texts = bbc_texts()
    load_nlp()  # loaded before timing, and the lazily loaded tables too
    analyse(long_text(texts, 5_000), code=True, max_chars=None)
    max_chars = None if args.no_limit else MAX_ANNOTATED_CHARS
    stage = "annotate" if args.no_code else "annotate + code"
    limit = "no limit" if max_chars is None else f"at most {max_chars:,} characters annotated"
    print(f"{stage}, one article of joined BBC texts per size, in one process, {limit}")
    print(f"{'chars':>9} {'annotated':>9} {'seconds':>8} {'ms/1k chars':>11} {'ratio':>6}  events")
    base: float | None = None
    for size in sizes:
        text = long_text(texts, size)
        seconds, found, error = analyse(text, code=not args.no_code, max_chars=max_chars)
        if found is None:
            print(f"{len(text):>9} {'-':>9} {seconds:>8.1f} {'-':>11} {'-':>6}  failed: {error}")
            continue
        done = annotated_chars(found, len(text))
        per_k = 1000 * seconds / (done / 1000)
        base = base or per_k
        notes = "; ".join(getattr(found.annotations, "notes", ()))
        print(
            f"{len(text):>9} {done:>9} {seconds:>8.1f} {per_k:>11.1f} {per_k / base:>6.2f}"
            f"  {len(found.events)}{'  ' + notes if notes else ''}"
        )


if __name__ == "__main__":
    main()
