"""Pairs a baseline gets right and the clusterer wrong, and the signal that decides each
(``newsfuse.evaluate.disagreements``, printed by ``benchmarks/cluster_football.py
--disagree``)."""

from __future__ import annotations

from newsfuse.cluster.config import ClusterConfig
from newsfuse.evaluate.disagreements import PairScorer, cause_counts, disagreements, wrong_pairs

REPORT = (
    "Frank Lampard scored twice as Chelsea beat Arsenal at Stamford Bridge on a wet night "
    "in west London, with Didier Drogba adding a late header for the champions."
)
ROWS = [
    {"id": "a1", "title": "Chelsea 2-1 Arsenal", "text": REPORT},
    {"id": "a2", "title": "Chelsea 3-0 Arsenal", "text": REPORT},
    {"id": "a3", "title": "Rooney signs new deal", "text": "Wayne Rooney has agreed a new "
     "five-year contract with Manchester United, the club confirmed on its website."},
]  # fmt: skip
ITEMS = [("r1", "a1", "m:1"), ("r2", "a2", "m:1"), ("r3", "a3", "h:2")]


def test_wrong_pairs_are_those_the_baseline_gets_right_and_ours_wrong():
    ours = {"a1": "x", "a2": "y", "a3": "y"}  # splits the match, joins the deal to it
    baseline = {"a1": "x", "a2": "x", "a3": "z"}
    kinds = sorted((k, a, b) for k, a, b, _, _ in wrong_pairs(ITEMS, ours, baseline))
    assert kinds == [("merged", "a2", "a3"), ("split", "a1", "a2")]
    assert wrong_pairs(ITEMS, baseline, baseline) == []


def test_a_split_by_score_lines_is_put_down_to_them():
    config = ClusterConfig()
    scorer = PairScorer(ROWS, config)
    assert scorer.score("a1", "a2") < config.threshold  # the same words, two score lines
    ours = {"a1": "x", "a2": "y", "a3": "z"}
    baseline = {"a1": "x", "a2": "x", "a3": "z"}
    (found,) = disagreements(ROWS, ITEMS, ours, baseline, config)
    assert (found.kind, found.first, found.second) == ("split", "a1", "a2")
    assert "score lines differ" in found.causes
    assert "both score lines" in found.flags
    assert cause_counts([found])["split"]["pairs"] == 1


def test_a_pair_its_own_score_would_get_right_is_the_story_s_doing():
    ours = {"a1": "x", "a2": "x", "a3": "x"}  # the deal joined (say, through a merge)
    baseline = {"a1": "x", "a2": "x", "a3": "z"}
    found = disagreements(ROWS, ITEMS, ours, baseline, ClusterConfig())
    assert {d.causes for d in found} == {("story, not pair",)}
    assert {d.kind for d in found} == {"merged"} and len(found) == 2
