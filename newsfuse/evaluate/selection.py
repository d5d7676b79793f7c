"""How one setting of a grid is chosen from its figures on the tuning corpora.

Pure functions over a grid: each setting is a mapping of knob values (field → value),
and each has a B-cubed F1 per tuning corpus. Every rule starts from a setting's *worst*
F1 over the tuning corpora (its "tuned figure") except ``mean``; they differ in how
near-ties are settled, which is where a held-out figure turned out to be fragile
(settings within a few thousandths on two corpora differ by 0.06 on the third).

``worst``
    the highest tuned figure (ties: mean F1, then the earliest setting). The rule the
    shipped configuration has been chosen by.
``mean``
    the highest mean F1 over the tuning corpora (ties: the earliest).
``plateau``
    the highest *worst* tuned figure over the setting's neighbourhood: itself and its
    grid neighbours, the settings that differ from it in one knob by one step of that
    knob's values (see :func:`neighbours`). A lonely peak whose neighbours fall away
    loses to a setting on a flat ridge. Ties: own tuned figure, mean F1, earliest.
    It is maximin over corpora *and* over a one-step change of any knob: a corpus not
    seen acts like a shift of the knobs' effective values (a genre-word share that is
    5% of one corpus is 10% of another).
``plateau-mean``
    as ``plateau`` with the *mean* tuned figure over the neighbourhood (a setting at the
    edge of the grid is not favoured for having fewer neighbours to be pulled down by).
``tied-median``
    among the settings whose tuned figure is within ``epsilon`` of the best (the tied
    set), the one closest to the tied set's median: each knob's values are ranked
    (numbers in order, other values in order of first appearance), the median rank of
    the tied set is taken knob by knob, and the distance is the sum over knobs of the
    rank differences. Ties: tuned figure, mean F1, earliest. The tied set says where
    the tuning corpora cannot tell settings apart; its middle is the choice least
    dependent on which of them a few thousandths favour.
"""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Mapping, Sequence

SELECTIONS = ("worst", "mean", "plateau", "plateau-mean", "tied-median")
EPSILON = 0.003  # tuned figures this close are a tie (tied-median)

Setting = Mapping[str, Hashable]


def axes(settings: Sequence[Setting]) -> dict[str, list[Hashable]]:
    """Each knob that takes more than one value over ``settings``, with its values in
    order: numbers (and booleans) ascending, anything else in order of first appearance."""
    out: dict[str, list[Hashable]] = {}
    for key in sorted({k for s in settings for k in s}):
        seen: list[Hashable] = []
        for s in settings:
            v = s.get(key)
            if v not in seen:
                seen.append(v)
        if len(seen) < 2:
            continue
        if all(isinstance(v, (int, float)) for v in seen):
            seen.sort()
        out[key] = seen
    return out


def ranks(settings: Sequence[Setting]) -> list[tuple[int, ...]]:
    """Each setting as the positions of its values on :func:`axes` (knobs in name order)."""
    grid = axes(settings)
    return [tuple(grid[k].index(s.get(k)) for k in grid) for s in settings]


def neighbours(settings: Sequence[Setting]) -> list[list[int]]:
    """For each setting, the indices of those that differ from it in exactly one knob by
    one step of that knob's values. (Settings that differ in two knobs together, as
    variants of a grid may, are not neighbours.)"""
    points = ranks(settings)
    where: dict[tuple[int, ...], int] = {}
    for i, p in enumerate(points):
        where.setdefault(p, i)
    out = []
    for p in points:
        near = []
        for k in range(len(p)):
            for step in (-1, 1):
                q = (*p[:k], p[k] + step, *p[k + 1 :])
                if q in where:
                    near.append(where[q])
        out.append(near)
    return out


def choose(
    settings: Sequence[Setting],
    f1: Sequence[Mapping[str, float]],
    corpora: Sequence[str],
    select: str = "worst",
    epsilon: float = EPSILON,
) -> int:
    """Index of the setting ``select`` chooses from its F1 on ``corpora`` (see the module
    docstring for the rules); ``f1[i]`` holds setting i's F1 by corpus name."""
    return rule_scores(settings, f1, corpora, select, epsilon)[0]


def rule_scores(
    settings: Sequence[Setting],
    f1: Sequence[Mapping[str, float]],
    corpora: Sequence[str],
    select: str = "worst",
    epsilon: float = EPSILON,
) -> tuple[int, list[float]]:
    """The index ``select`` chooses and each setting's score under the rule: the figure
    it maximises first (for ``tied-median``, the tuned figure of settings in the tied
    set and -inf outside it; among them the distance to the median decides)."""
    if select not in SELECTIONS:
        raise ValueError(f"select must be one of {SELECTIONS}, not {select!r}")
    if len(settings) != len(f1) or not settings:
        raise ValueError("one row of figures per setting, and at least one setting")
    n = len(settings)
    worst = [min(f1[i][c] for c in corpora) for i in range(n)]
    mean = [sum(f1[i][c] for c in corpora) / len(corpora) for i in range(n)]
    if select == "worst":
        return max(range(n), key=lambda i: (worst[i], mean[i], -i)), worst
    if select == "mean":
        return max(range(n), key=lambda i: (mean[i], -i)), mean
    if select in ("plateau", "plateau-mean"):
        near = neighbours(settings)
        pool = min if select == "plateau" else statistics.fmean
        score = [pool([worst[i], *(worst[j] for j in near[i])]) for i in range(n)]
        return max(range(n), key=lambda i: (score[i], worst[i], mean[i], -i)), score
    best = max(worst)
    tied = [i for i in range(n) if worst[i] >= best - epsilon]
    points = ranks(settings)
    middle = [statistics.median(points[i][k] for i in tied) for k in range(len(points[0]))]

    def distance(i: int) -> float:
        return sum(abs(a - m) for a, m in zip(points[i], middle, strict=True))

    pick = min(tied, key=lambda i: (distance(i), -worst[i], -mean[i], i))
    inside = set(tied)
    return pick, [worst[i] if i in inside else float("-inf") for i in range(n)]


def near_ties(scores: Sequence[float], epsilon: float = EPSILON) -> list[int]:
    """Indices whose score is within ``epsilon`` of the best: the settings a rule can
    barely tell from its choice."""
    best = max(scores)
    return [i for i, s in enumerate(scores) if s >= best - epsilon]


def nested_rule(
    settings: Sequence[Setting],
    f1: Sequence[Mapping[str, float]],
    corpora: Sequence[str],
    rules: Sequence[str] = SELECTIONS,
    epsilon: float = EPSILON,
) -> tuple[str, dict[str, float]]:
    """The selection rule that generalises best *within* ``corpora``: each rule chooses
    on all but one of them and is scored on that one, in turn; a rule's figure is its
    worst such held-out F1 (ties: the earlier rule in ``rules``). So a rule can be chosen
    by leave-one-out without the corpus it will finally be measured on."""
    if len(corpora) < 2:
        raise ValueError("a rule is chosen by leaving one of at least two corpora out")
    figure = {}
    for rule in rules:
        held = []
        for c in corpora:
            others = [o for o in corpora if o != c]
            held.append(f1[choose(settings, f1, others, rule, epsilon)][c])
        figure[rule] = min(held)
    best = max(rules, key=lambda r: (figure[r], -rules.index(r)))
    return best, figure
