"""Wire copies: one agency text carried by several sites is one report, not several.

Each article becomes a MinHash of its 5-word shingles; an LSH index finds earlier
articles whose estimated Jaccard similarity reaches ``ClusterConfig.reprint_jaccard``. Different
write-ups of one story share few shingles (the two seed articles: 0.09), so this
finds copies and lightly edited copies, never mere coverage of the same event.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from newsfuse.cluster.config import ClusterConfig

_DEFAULT = ClusterConfig()
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = _DEFAULT.shingle) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str, size: int = _DEFAULT.shingle, num_perm: int = _DEFAULT.num_perm) -> MinHash:
    m = MinHash(num_perm=num_perm, seed=7)
    m.update_batch(shingles(text, size))
    return m


class ReprintIndex:
    """Finds, for each new article, the earliest indexed article it is a copy of."""

    def __init__(
        self,
        threshold: float = _DEFAULT.reprint_jaccard,
        *,
        shingle: int = _DEFAULT.shingle,
        num_perm: int = _DEFAULT.num_perm,
    ) -> None:
        self.threshold = threshold
        self.shingle = shingle
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, article_id: str, text: str, hashed: MinHash | None = None) -> str | None:
        """Index ``article_id`` and return the earliest article it copies, if any.

        ``hashed``: the text's MinHash made earlier with the same shingle size and
        permutations (the evaluation harness keeps them), else it is made here.
        """
        if article_id in self._hashes:
            return None
        m = hashed if hashed is not None else minhash(text, self.shingle, self.num_perm)
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
