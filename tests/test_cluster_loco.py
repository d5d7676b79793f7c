"""The leave-one-corpus-out harness: the baseline, the grid, and how a held-out setting is chosen."""

from __future__ import annotations

import pytest

from newsfuse.cluster.config import ClusterConfig
from newsfuse.evaluate.clusters import score_clusters
from newsfuse.evaluate.loco import Corpus, expand_grid, leave_one_out, tfidf_single_pass

ROWS = [
    {"id": "a", "title": "Dock workers in Rotterdam strike over pay",
     "text": "Rotterdam dock workers began a strike on Tuesday over pay at the port."},
    {"id": "b", "title": "Kerala floods kill dozens",
     "text": "Monsoon floods and landslides in Kerala killed 38 people, officials said."},
    {"id": "c", "title": "Rotterdam port strike halts dock terminals",
     "text": "The strike by Rotterdam dock workers over pay halted the port on Tuesday."},
]  # fmt: skip


def test_tfidf_baseline_groups_by_shared_rare_words():
    story = tfidf_single_pass(ROWS, 0.25)
    assert story["a"] == story["c"] != story["b"]
    assert len(set(tfidf_single_pass(ROWS, 1.01).values())) == 3  # nothing reaches it


def test_grid_expands_every_combination_and_refuses_unknown_fields():
    configs = expand_grid({"threshold": [0.1, 0.2], "gap_penalty": [0.0, 0.1, 0.2]})
    assert len(configs) == 6 and len(set(configs)) == 6
    with pytest.raises(ValueError, match="not ClusterConfig fields"):
        expand_grid({"no_such_knob": [1]})


def test_held_out_setting_is_chosen_on_the_other_corpora_only():
    gold = {"x1": 1, "x2": 1, "x3": 2}
    perfect = score_clusters({"x1": "s", "x2": "s", "x3": "t"}, gold)
    lumped = score_clusters({"x1": "s", "x2": "s", "x3": "s"}, gold)
    corpora = [Corpus(n, [], []) for n in ("p", "q", "r")]
    configs = [ClusterConfig(threshold=0.1), ClusterConfig(threshold=0.2)]
    # setting 0 is perfect on p and q only; setting 1 on r only
    scores = [{"p": perfect, "q": perfect, "r": lumped}, {"p": lumped, "q": lumped, "r": perfect}]
    chosen = {h.corpus: h for h in leave_one_out(corpora, configs, scores)}
    assert chosen["r"].config == configs[0] and chosen["r"].held_out == lumped
    assert chosen["r"].tuned_f1 == pytest.approx(1.0)
    # holding out p, setting 0 (perfect on q, lumped on r) ties setting 1: the earlier wins
    assert chosen["p"].config == configs[0]


def test_held_out_setting_is_by_default_the_best_worst_corpus_of_the_others():
    """Setting 0 is perfect on q and fair on r; setting 1 good on both. Holding out p,
    the mean prefers 0 and the worst-corpus rule (as the shipped one is chosen) 1."""
    gold = {"x1": 1, "x2": 1, "x3": 2, "x4": 3}
    perfect = score_clusters({"x1": "s", "x2": "s", "x3": "t", "x4": "u"}, gold)
    split = score_clusters({"x1": "s", "x2": "v", "x3": "t", "x4": "u"}, gold)
    fair = score_clusters({"x1": "s", "x2": "s", "x3": "s", "x4": "u"}, gold)
    assert perfect.bcubed_f1 + fair.bcubed_f1 > 2 * split.bcubed_f1 > 2 * fair.bcubed_f1
    corpora = [Corpus(n, [], []) for n in ("p", "q", "r")]
    configs = [ClusterConfig(threshold=0.1), ClusterConfig(threshold=0.2)]
    scores = [{"p": fair, "q": perfect, "r": fair}, {"p": perfect, "q": split, "r": split}]
    by_worst = {h.corpus: h for h in leave_one_out(corpora, configs, scores)}
    by_mean = {h.corpus: h for h in leave_one_out(corpora, configs, scores, "mean")}
    assert by_worst["p"].config == configs[1] and by_worst["p"].held_out == perfect
    assert by_mean["p"].config == configs[0] and by_mean["p"].held_out == fair
    with pytest.raises(ValueError, match="select"):
        leave_one_out(corpora, configs, scores, "median")
