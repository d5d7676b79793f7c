"""The optional embedding signal of story clustering (wordllama, weights in its wheel)."""

from __future__ import annotations

import pytest

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.features import features
from newsfuse.cluster.online import StoryClusterer

pytest.importorskip("wordllama")

MISSILE_A = ("North Korea fires missile over Japan", "The launch set off sirens in Hokkaido.")
MISSILE_B = ("Pyongyang launches ballistic rocket across Japanese airspace", "Sirens sounded.")
SNOW = ("Erie smashes snowfall record", "More than five feet of snow fell in two days.")


def test_embeddings_are_unit_vectors_and_closer_for_one_happening():
    from newsfuse.cluster.embedding import embed

    a, b, c = embed([" ".join(MISSILE_A), " ".join(MISSILE_B), " ".join(SNOW)])
    assert float(a @ a) == pytest.approx(1.0, abs=1e-5)
    assert float(a @ b) > float(a @ c) + 0.2


def test_embedding_weight_blends_semantic_likeness_into_the_score():
    config = ClusterConfig(embedding_weight=0.5, min_shared_terms=0)
    fa = features("a", *MISSILE_A, "2017-08-29", config)
    fb = features("b", *MISSILE_B, "2017-08-29", config)
    assert fa.embedding is not None
    plain = ClusterConfig(min_shared_terms=0)
    words_only = StoryClusterer(plain)
    words_only.add(features("a", *MISSILE_A, "2017-08-29", plain))
    with_meaning = StoryClusterer(config)
    with_meaning.add(fa)
    # the two titles share few words; the embedding sees the same happening
    sid = with_meaning.story_of("a")
    assert with_meaning.score(fb, sid) > words_only.score(
        features("b", *MISSILE_B, "2017-08-29", plain), words_only.story_of("a")
    )
