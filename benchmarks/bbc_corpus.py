"""The BBC corpus of ../shared as the throughput benchmarks read it (imported by the
scripts beside it: they run with this folder on ``sys.path``)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from newsfuse.clean import clean_document
from newsfuse.model import Article
from newsfuse.readers import read_paths

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
PUBLISHED = "2005-06-01"
"""The corpus has no dates; times need one."""


def require_bbc() -> None:
    if not BBC.is_dir():
        sys.exit(f"{BBC} not found: the BBC corpus lives in ../shared")


def bbc_files(limit: int, mixed: bool = False) -> list[Path]:
    """The first ``limit`` article files in path order, or with ``mixed`` taken in turn
    from each section so that every kind of news is in a small sample."""
    sections = [sorted(p.glob("*.txt")) for p in sorted(BBC.iterdir()) if p.is_dir()]
    if not mixed:
        return [f for s in sections for f in s][:limit]
    files: list[Path] = []
    for i in range(max((len(s) for s in sections), default=0)):
        files += [s[i] for s in sections if i < len(s)]
    return files[:limit]


def cleaned_articles(files: Iterable[Path]) -> list[Article]:
    """The files read and cleaned, dated :data:`PUBLISHED`; rejects left out."""
    articles = []
    for doc in read_paths([str(f) for f in files]):
        cleaned = clean_document(doc) if hasattr(doc, "content") else None
        if isinstance(cleaned, Article):
            articles.append(replace(cleaned, published=PUBLISHED))
    return articles
