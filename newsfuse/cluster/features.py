"""What an article is made of for clustering: weighted terms, names, and a day number.

Term weights need no corpus of our own: a word's rarity in general English
(wordfreq's Zipf scale) stands in for its inverse document frequency, so an
article's vector is the same whatever was ingested before it. That keeps online
clustering deterministic and lets the first article of a database be weighed as
well as the millionth.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from wordfreq import zipf_frequency

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.signals import EMPTY, Signals, digest

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_DEFAULT = ClusterConfig()


@lru_cache(maxsize=200_000)
def rarity(
    word: str, common: float = _DEFAULT.common_zipf, unseen: float = _DEFAULT.unseen_zipf
) -> float:
    """How much one occurrence of ``word`` (lower case) says: 0 for function words.

    Zipf 7.5 is about "the"; words at or above ``common`` carry no weight at all.
    """
    zipf = zipf_frequency(word, "en") or unseen
    return max(0.0, common - zipf) if zipf < common else 0.0


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """Fold plurals and possessives ("missiles", "Japan's") onto a word wordfreq knows.

    A suffix comes off only when what is left is a word about as common as the whole
    (within a factor of ten), so "Christmas" and "Paris" stay whole.
    """
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        floor = max(zipf_frequency(word, "en") - 1.0, 0.5)
        for stem in (word[:-3] + "y", word[:-1]) if word.endswith("ies") else (word[:-1],):
            if zipf_frequency(stem, "en") >= floor:
                return stem
    return word


def term_counts(
    text: str, limit: int | None = None, name_boost: float = _DEFAULT.name_boost
) -> Counter[str]:
    """Stemmed lower-case terms of ``text`` with names counted a little more."""
    counts: Counter[str] = Counter()
    previous_end = ""
    for n, match in enumerate(WORD.finditer(text)):
        if limit is not None and n >= limit:
            break
        raw = match.group()
        term = _stem(raw.lower())
        weight = 1.0
        start = match.start()
        sentence_start = start == 0 or previous_end in '.!?\n"“'
        if raw[0].isupper() and not sentence_start:
            weight = name_boost
        counts[term] += weight
        tail = text[match.end() : match.end() + 2].strip()
        previous_end = tail[:1] if tail else ""
    return counts


@dataclass(frozen=True)
class ArticleFeatures:
    """An article as the clusterer sees it."""

    id: str
    vector: dict[str, float]  # L2-normalised term weights
    day: int | None  # publication: days since 1970-01-01, or None when undated
    signals: Signals = EMPTY  # who, where, when, how many (from annotations)


def vectorise(title: str | None, text: str, config: ClusterConfig = _DEFAULT) -> dict[str, float]:
    """Sub-linear term frequency times rarity, the title counted ``config.title_weight``
    times, the body's first ``config.lead_words`` words only; L2-normalised."""
    counts = term_counts(text, config.lead_words, config.name_boost)
    if title:
        for term, c in term_counts(title, None, config.name_boost).items():
            counts[term] += config.title_weight * c
    vector = {}
    for term, c in counts.items():
        w = rarity(term, config.common_zipf, config.unseen_zipf)
        if w > 0:
            vector[term] = (1.0 + math.log(c)) * w if c >= 1 else c * w
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def day_number(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal() - 719163
    except ValueError:
        return None


def features(
    article_id: str,
    title: str | None,
    text: str,
    published: str | None = None,
    config: ClusterConfig = _DEFAULT,
    annotations: dict | None = None,
) -> ArticleFeatures:
    """An article's features; ``annotations`` as ``Store.cluster_signals`` gives them."""
    day = day_number(published)
    signals = digest(annotations, day, config.happening_lookback_days)
    return ArticleFeatures(article_id, vectorise(title, text, config), day, signals)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
