"""Rules that choose a grid setting from its figures on the tuning corpora (pure functions,
so small synthetic grids are enough)."""

from __future__ import annotations

import pytest

from newsfuse.cluster.config import ClusterConfig
from newsfuse.evaluate.clusters import score_clusters
from newsfuse.evaluate.loco import Corpus, best_overall, expand_grid, leave_one_out
from newsfuse.evaluate.selection import (
    axes,
    choose,
    near_ties,
    neighbours,
    nested_rule,
    rule_scores,
)

LINE = [{"threshold": t} for t in (0.1, 0.2, 0.3, 0.4, 0.5)]


def _figures(**by_corpus: list[float]) -> list[dict[str, float]]:
    n = len(next(iter(by_corpus.values())))
    return [{c: v[i] for c, v in by_corpus.items()} for i in range(n)]


def test_axes_order_numbers_and_keep_other_values_as_they_come():
    settings = [
        {"threshold": 0.3, "kinds": "p:o:", "name": "x"},
        {"threshold": 0.1, "kinds": "p:", "name": "x"},
        {"threshold": 0.2, "kinds": "p:o:", "name": "x"},
    ]
    assert axes(settings) == {"kinds": ["p:o:", "p:"], "threshold": [0.1, 0.2, 0.3]}


def test_neighbours_differ_in_one_knob_by_one_step():
    settings = [{"a": a, "b": b} for a in (1, 2, 3) for b in (False, True)]
    near = neighbours(settings)
    # (1, False) touches (2, False) and (1, True), not (3, False) nor (2, True)
    assert sorted(near[0]) == [1, 2]
    assert sorted(near[2]) == [0, 3, 4]  # (2, False): both sides on a, one on b
    # a variant moving two knobs at once has no neighbour in a grid of one-knob steps
    assert neighbours([{"a": 1, "b": 1}, {"a": 2, "b": 2}]) == [[], []]


def test_plateau_prefers_a_flat_ridge_to_a_lonely_peak():
    f1 = _figures(q=[0.95, 0.80, 0.93, 0.93, 0.92], r=[0.96, 0.85, 0.94, 0.94, 0.93])
    assert choose(LINE, f1, ["q", "r"], "worst") == 0  # the peak
    pick, score = rule_scores(LINE, f1, ["q", "r"], "plateau")
    assert score[:3] == [0.80, 0.80, 0.80]  # the peak and whatever touches its fall
    assert score[3:] == [0.92, 0.92]
    assert pick == 3  # the ridge's middle: on a par with its edge, better on its own
    pick, score = rule_scores(LINE, f1, ["q", "r"], "plateau-mean")
    assert score[0] == pytest.approx((0.95 + 0.80) / 2)
    assert pick == 3


def test_tied_median_takes_the_middle_of_settings_the_corpora_cannot_tell_apart():
    f1 = _figures(q=[0.902, 0.850, 0.900, 0.901, 0.8995])
    assert choose(LINE, f1, ["q"], "worst") == 0
    # tied within 0.003: 0, 2, 3, 4 (ranks 0, 2, 3, 4): the median rank is 2.5, and of
    # the two at 0.5 from it, 3 is better on its own figure
    assert choose(LINE, f1, ["q"], "tied-median") == 3
    assert choose(LINE, f1, ["q"], "tied-median", epsilon=0.0) == 0
    _, score = rule_scores(LINE, f1, ["q"], "tied-median")
    assert near_ties(score) == [0, 2, 3, 4]


def test_rules_refuse_unknown_names_and_mismatched_figures():
    with pytest.raises(ValueError, match="select"):
        choose(LINE, _figures(q=[0.1] * 5), ["q"], "median")
    with pytest.raises(ValueError, match="one row"):
        choose(LINE, _figures(q=[0.1] * 4), ["q"])


def test_nested_rule_is_chosen_by_leaving_out_one_of_the_tuning_corpora():
    # on q alone 0.1 is a lonely peak that r does not share; the ridge at 0.3-0.5 holds on both
    f1 = _figures(q=[0.95, 0.80, 0.90, 0.91, 0.90], r=[0.70, 0.80, 0.90, 0.91, 0.90])
    rule, figure = nested_rule(LINE, f1, ["q", "r"])
    assert figure["worst"] == pytest.approx(0.70)  # chosen on q, scored on r
    assert figure["plateau"] == pytest.approx(0.91)
    assert rule == "plateau"
    with pytest.raises(ValueError, match="at least two"):
        nested_rule(LINE, f1, ["q"])


def test_leave_one_out_and_the_overall_choice_take_every_rule():
    gold = {"x1": 1, "x2": 1, "x3": 2}
    perfect = score_clusters({"x1": "s", "x2": "s", "x3": "t"}, gold)
    split = score_clusters({"x1": "s", "x2": "u", "x3": "t"}, gold)
    lumped = score_clusters({"x1": "s", "x2": "s", "x3": "s"}, gold)
    corpora = [Corpus(n, [], []) for n in ("p", "q", "r")]
    configs = expand_grid({"threshold": [0.1, 0.2, 0.3, 0.4, 0.5]})
    # 0.1 is perfect everywhere but its neighbour lumps; 0.3 to 0.5 split evenly
    rows = [perfect, lumped, split, split, split]
    scores = [{c.name: s for c in corpora} for s in rows]
    assert best_overall(corpora, scores) == 0
    assert best_overall(corpora, scores, configs, "plateau") == 3
    held = leave_one_out(corpora, configs, scores, "plateau")
    assert [h.config.threshold for h in held] == [0.4, 0.4, 0.4]
    assert all(h.held_out == split for h in held)
    for rule in ("worst", "tied-median"):
        assert leave_one_out(corpora, configs, scores, rule)[0].config == configs[0]
    assert ClusterConfig(threshold=0.4) == configs[3]
