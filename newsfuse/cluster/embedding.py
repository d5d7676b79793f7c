"""Optional semantic likeness: a static word-embedding model carried by a registry
package (``wordllama``, MIT; its 256-dimension weights and tokenizer are inside the
wheel), so nothing is downloaded at run time. An article is the mean of its title's and
lead's token vectors; two articles are alike by the cosine of those means. Off unless
``ClusterConfig.embedding_weight`` is set and the package is installed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


class EmbeddingUnavailable(RuntimeError):
    """The embedding model was asked for but its package is not installed."""


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        import wordllama
    except ImportError as exc:
        raise EmbeddingUnavailable(
            "ClusterConfig.embedding_weight needs the optional package wordllama: "
            "pip install 'newsfuse[embed]' (or set embedding_weight=0)"
        ) from exc
    # The wheel holds the weights and the tokenizer; pointing the cache at the package
    # itself finds both there and never goes to the network.
    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def embed(texts: list[str]) -> list[Any]:
    """Unit-length float32 vectors (numpy) for ``texts`` (empty text: a zero vector)."""
    import numpy as np

    vectors = np.asarray(_model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return list(vectors / norms)
