"""Where the clusterer and a baseline disagree, pair by pair, and why.

A pair of labelled articles is *merged* by a clustering that puts them in one story when
the gold has two, and *split* when it is the other way round. Of the pairs the baseline
gets right and the configuration gets wrong, each is put to the configuration's own
score, the later article against a story of the earlier one alone: a *lever* is a
signal which, switched off by itself (``LEVERS``), moves that pair's score across the
join threshold the right way; for a pair no single lever moves, the first of ``TOGETHER``
that does (two or more at once), else ``the words alone``. A pair whose own score is
already on the right side was decided by the rest of a story (``story, not pair``: a
centroid of several members, a merge, the arrival order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Any

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.features import ArticleFeatures, damped, features
from newsfuse.cluster.online import StoryClusterer
from newsfuse.cluster.stage import prepare_clusterer

LEVERS: dict[str, tuple[tuple[str, dict[str, Any]], ...]] = {
    # what may have kept apart two articles of one happening
    "split": (
        ("score lines differ", {"score_conflict": 0.0}),
        ("lead days differ", {"day_conflict": 0.0}),
        ("towns differ", {"city_conflict": 0.0}),
        ("no date: time cost", {"unknown_time_cost": 0.0}),
        ("names beside one result", {"result_names": 1.0}),
        ("topic names dropped", {"generic_name_share": 0.0}),
        ("genre terms damped", {"generic_weight": 1.0, "min_specific_terms": 0}),
        ("corpus idf", {"corpus_idf_docs": 0}),
        ("title weight", {"title_weight": 1.0}),
    ),
    # what may have joined two articles of two happenings
    "merged": (
        ("shared names", {"entity_weight": 0.0}),
        ("shared town", {"city_match": 0.0}),
        ("happening phrase", {"name_weight": 0.0}),
        ("names beside one result", {"result_names": 0.0}),
        ("genre terms damped", {"generic_weight": 1.0}),
        ("corpus idf", {"corpus_idf_docs": 0}),
        ("title weight", {"title_weight": 1.0}),
    ),
}

TOGETHER: dict[str, tuple[tuple[str, dict[str, Any]], ...]] = {
    # tried when no lever alone moves the pair
    "split": (
        ("towns differ + no date", {"city_conflict": 0.0, "unknown_time_cost": 0.0}),
        (
            "every signal but words",
            {
                "city_conflict": 0.0,
                "unknown_time_cost": 0.0,
                "score_conflict": 0.0,
                "day_conflict": 0.0,
            },
        ),
    ),
    "merged": (
        ("shared names + town", {"entity_weight": 0.0, "city_match": 0.0}),
        ("every signal but words", {"entity_weight": 0.0, "city_match": 0.0, "name_weight": 0.0}),
    ),
}
WORDS_ALONE = "the words alone"  # nothing but the terms' likeness decides the pair


@dataclass(frozen=True)
class Disagreement:
    kind: str  # "split" or "merged"
    first: str  # article ids, in arrival order
    second: str
    gold: tuple[Hashable, Hashable]
    score: float  # the second against a story of the first alone
    causes: tuple[str, ...]  # levers that move the pair across the threshold
    flags: tuple[str, ...]  # what the pair has: score lines, a shared town, ...


class PairScorer:
    """One configuration's score of an article against a story of one other article,
    with everything computed over all the articles as the cluster stage computes it."""

    def __init__(
        self,
        rows: Sequence[Mapping[str, Any]],
        config: ClusterConfig,
        signals: Mapping[str, dict] | None = None,
    ) -> None:
        self.config = config
        signals = signals or {}
        raw = {}
        for r in rows:
            text, day = r.get("text") or "", r.get("published")
            raw[r["id"]] = features(
                r["id"], r.get("title"), text, day, config, signals.get(r["id"])
            )
        self.template = StoryClusterer(config)
        damping = prepare_clusterer(self.template, raw)
        self.feats: dict[str, ArticleFeatures] = {a: damped(f, damping) for a, f in raw.items()}

    def score(self, first: str, second: str) -> float:
        c = StoryClusterer(self.config)
        c.generic, c.names = self.template.generic, self.template.names
        c.topic_names = self.template.topic_names
        c.restore("s", 1, [self.feats[first]])
        return c.score(self.feats[second], "s")


def _flags(scorer: PairScorer, first: str, second: str) -> tuple[str, ...]:
    a, b = scorer.feats[first].signals, scorer.feats[second].signals
    topic = scorer.template.topic_names
    flags = []
    if a.scores and b.scores:
        flags.append("both score lines" + (" (same)" if a.scores & b.scores else ""))
    elif a.scores or b.scores:
        flags.append("one score line")
    if a.cities & b.cities:
        flags.append("shared town" + (" (topic)" if a.cities & b.cities <= topic else ""))
    if {e for e in a.entities & b.entities if e not in topic}:
        flags.append("shared names")
    if a.dated and b.dated and a.event_day != b.event_day:
        flags.append("lead days differ")
    return tuple(flags)


def wrong_pairs(
    items: Sequence[tuple[str, str, Hashable]],
    ours: Mapping[str, str],
    baseline: Mapping[str, str],
) -> list[tuple[str, str, str, Hashable, Hashable]]:
    """The pairs of ``items`` that ``baseline`` gets right and ``ours`` wrong, as (kind,
    article, article, gold, gold): "merged" when ours joins two happenings, "split"
    when it parts one (an exact duplicate stored once is no pair)."""
    found = []
    for (_, a, ga), (_, b, gb) in combinations(items, 2):
        if a == b or a not in ours or b not in ours:
            continue
        gold, mine, base = ga == gb, ours[a] == ours[b], baseline.get(a) == baseline.get(b)
        if mine != gold and base == gold:
            found.append(("split" if gold else "merged", a, b, ga, gb))
    return found


def disagreements(
    rows: Sequence[Mapping[str, Any]],
    items: Sequence[tuple[str, str, Hashable]],
    ours: Mapping[str, str],
    baseline: Mapping[str, str],
    config: ClusterConfig,
    signals: Mapping[str, dict] | None = None,
) -> list[Disagreement]:
    """The pairs of ``items`` ((record, article id, gold label), one half's) that
    ``baseline`` gets right and ``ours`` wrong, each with its causes (module docstring)."""
    order = {r["id"]: n for n, r in enumerate(rows)}
    pairs = []
    for kind, a, b, ga, gb in wrong_pairs(items, ours, baseline):
        first, second = sorted((a, b), key=order.__getitem__)
        pairs.append((kind, first, second, (ga, gb) if first == a else (gb, ga)))
    if not pairs:
        return []
    scorer = PairScorer(rows, config, signals)
    levers = {
        name: PairScorer(rows, replace(config, **values), signals)
        for table in (LEVERS, TOGETHER)
        for kind in table
        for name, values in table[kind]
    }
    threshold = config.threshold
    found = []
    for kind, first, second, golds in pairs:
        score = scorer.score(first, second)
        joins = score >= threshold

        if joins != (kind == "merged"):
            causes: tuple[str, ...] = ("story, not pair",)
        else:
            causes = (
                _moved(LEVERS[kind], levers, first, second, joins, threshold)
                or _moved(TOGETHER[kind], levers, first, second, joins, threshold)[:1]
                or (WORDS_ALONE,)
            )
        flags = _flags(scorer, first, second)
        found.append(Disagreement(kind, first, second, golds, score, causes, flags))
    return found


def _moved(
    table: Sequence[tuple[str, Any]],
    levers: Mapping[str, PairScorer],
    first: str,
    second: str,
    joins: bool,
    threshold: float,
) -> tuple[str, ...]:
    """The levers of ``table`` under which the pair's decision is the other one."""
    return tuple(
        name for name, _ in table if (levers[name].score(first, second) >= threshold) != joins
    )


def cause_counts(found: Sequence[Disagreement]) -> dict[str, Counter[str]]:
    """Per kind ("split", "merged"), how many pairs each cause (and each flag) has."""
    counts: dict[str, Counter[str]] = {"split": Counter(), "merged": Counter()}
    for d in found:
        counts[d.kind].update(d.causes)
        counts[d.kind].update(f"[{f}]" for f in d.flags)
        counts[d.kind]["pairs"] += 1
    return counts
