"""Wire copies: one agency text carried by several sites is one report, not several.

Each article becomes a MinHash of its 5-word shingles; an LSH index finds earlier
articles whose estimated Jaccard similarity reaches ``REPRINT_JACCARD``. Different
write-ups of one story share few shingles (the two seed articles: 0.09), so this
finds copies and lightly edited copies, never mere coverage of the same event.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
REPRINT_JACCARD = 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=7)
    m.update_batch(shingles(text))
    return m


class ReprintIndex:
    """Finds, for each new article, the earliest indexed article it is a copy of."""

    def __init__(self, threshold: float = REPRINT_JACCARD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``article_id`` and return the earliest article it copies, if any."""
        if article_id in self._hashes:
            return None
        m = minhash(text)
        original = None
        matches = [
            other
            for other in self._lsh.query(m)
            if self._hashes[other].jaccard(m) >= self.threshold
        ]
        if matches:
            original = min(matches, key=self._order.__getitem__)
        self._lsh.insert(article_id, m)
        self._hashes[article_id] = m
        self._order[article_id] = len(self._order)
        return original
