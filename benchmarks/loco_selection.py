"""How stable each rule for choosing a grid setting is, leave-one-corpus-out.

    python benchmarks/loco_selection.py --cache /tmp/nf-loco        # the GRID of cluster_loco
    python benchmarks/loco_selection.py --grid g.json --boot 200

For every rule in newsfuse/evaluate/selection.py and every dev corpus held out, prints:
the setting the rule chooses on the other two and its held-out B-cubed F1; the settings
the rule scores within --epsilon of its best on the other two (its near-ties) and the
range of their held-out F1 (how much the figure depends on a few thousandths); and a
bootstrap: the tuning corpora resampled by gold event (--boot times; an event drawn k
times weighs k), the rule applied to the resampled figures, and the held-out F1 of what
it chooses (mean, 5th-95th percentile, share of draws choosing the unresampled pick).
Then nested LOCO: for each held-out corpus the rule is itself chosen by leave-one-out
on the other two (newsfuse.evaluate.selection.nested_rule), and that rule's choice is
scored. Last, what each rule chooses on all three (the candidate to ship).

Comparing rules by these held-out figures is itself a choice made on the held-out
corpora; the nested figures are the ones that are not.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import numpy as np
from cluster_loco import GRID

from newsfuse.cluster.config import ClusterConfig
from newsfuse.evaluate.loco import CACHE, corpus_stories, expand_grid, load_corpora
from newsfuse.evaluate.selection import EPSILON, SELECTIONS, choose, near_ties, nested_rule
from newsfuse.evaluate.selection import rule_scores as scored_by


class Joint:
    """One corpus's (predicted story, gold event) counts for every setting, concatenated,
    so weighted B-cubed over all settings is a few array operations."""

    def __init__(self, gold: list, predicted: list[list]):
        events = {g: k for k, g in enumerate(dict.fromkeys(gold))}
        self.events = len(events)
        cfg, pred, ev, n, offset = [], [], [], [], 0
        for c, labels in enumerate(predicted):
            stories = {p: k for k, p in enumerate(dict.fromkeys(labels))}
            for (p, g), count in Counter(zip(labels, gold, strict=True)).items():
                cfg.append(c)
                pred.append(offset + stories[p])
                ev.append(events[g])
                n.append(count)
            offset += len(stories)
        self.cfg, self.pred, self.ev = np.array(cfg), np.array(pred), np.array(ev)
        self.n = np.array(n, dtype=float)
        sizes = Counter(gold)
        self.size = np.array([float(sizes[g]) for g in events])
        self.settings, self.stories = len(predicted), offset

    def f1(self, weight: np.ndarray | None = None) -> np.ndarray:
        """B-cubed F1 of every setting, each gold event weighing ``weight[event]``."""
        m = np.ones(self.events) if weight is None else weight
        w = m[self.ev] * self.n  # weighted joint count
        pred_size = np.bincount(self.pred, w, minlength=self.stories)
        gold_size = m * self.size
        total = float((m * self.size).sum())
        sq = w * w
        p = np.bincount(self.cfg, sq / np.where(w > 0, pred_size[self.pred], 1), self.settings)
        r = np.bincount(self.cfg, sq / np.where(w > 0, gold_size[self.ev], 1), self.settings)
        p, r = p / total, r / total
        return 2 * p * r / np.where(p + r > 0, p + r, 1)


def _changed(setting: dict) -> dict:
    shipped = asdict(ClusterConfig())
    return {k: v for k, v in setting.items() if v != shipped[k]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", help="JSON file: ClusterConfig field -> list of values")
    parser.add_argument("--cache", default=str(CACHE))
    parser.add_argument("--labels", help="pickle of the grid's stories: read if it exists, "
                        "else written (it does not know the code version)")  # fmt: skip
    parser.add_argument("--epsilon", type=float, default=EPSILON)
    parser.add_argument("--boot", type=int, default=200, help="bootstrap draws")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    grid = json.loads(Path(args.grid).read_text()) if args.grid else GRID
    configs = expand_grid(grid)
    settings = [asdict(c) for c in configs]
    labels_file = Path(args.labels) if args.labels else None
    if labels_file and labels_file.exists():
        gold, predicted = pickle.loads(labels_file.read_bytes())
    else:
        started = time.perf_counter()
        corpora = load_corpora(cache=Path(args.cache))
        gold = {c.name: [label for _, _, label in c.items] for c in corpora}
        predicted = {c.name: [] for c in corpora}
        for config in configs:
            for c in corpora:
                story_of = corpus_stories(c, config)
                predicted[c.name].append([story_of.get(aid, f"-{src}") for src, aid, _ in c.items])
        print(f"{len(configs)} settings clustered in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)  # fmt: skip
        if labels_file:
            labels_file.write_bytes(pickle.dumps((gold, predicted)))
    names = list(gold)
    joint = {n: Joint(gold[n], predicted[n]) for n in names}
    full = {n: joint[n].f1() for n in names}
    f1 = [{n: float(full[n][i]) for n in names} for i in range(len(configs))]

    eps = args.epsilon
    print(f"{len(configs)} settings; near-ties within {eps}; {args.boot} bootstrap draws\n")
    print(f"{'rule':<13} {'held out':<13} {'F1':>6}  {'near-ties':>9} {'their range':>13}  "
          f"{'boot mean':>9} {'5-95%':>13} {'same':>5}  setting chosen")  # fmt: skip
    rng = np.random.default_rng(args.seed)
    draws = []
    for _ in range(args.boot):
        weights = {n: np.bincount(rng.integers(0, joint[n].events, joint[n].events),
                                  minlength=joint[n].events).astype(float) for n in names}  # fmt: skip
        boot = {n: joint[n].f1(weights[n]) for n in names}
        draws.append([{n: float(boot[n][i]) for n in names} for i in range(len(configs))])
    picks: dict[tuple[str, str], int] = {}
    for rule in SELECTIONS:
        for held in names:
            others = [n for n in names if n != held]
            pick, score = scored_by(settings, f1, others, rule, eps)
            picks[rule, held] = pick
            ties = near_ties(score, eps)
            spread = [f1[i][held] for i in ties]
            boot = np.array([full[held][choose(settings, d, others, rule, eps)] for d in draws])
            same = np.mean([choose(settings, d, others, rule, eps) == pick for d in draws])
            print(f"{rule:<13} {held:<13} {f1[pick][held]:>6.3f}  {len(ties):>9} "
                  f"{min(spread):>6.3f}-{max(spread):.3f}  {boot.mean():>9.3f} "
                  f"{np.percentile(boot, 5):>6.3f}-{np.percentile(boot, 95):.3f} {same:>5.2f}  "
                  f"{_changed(settings[pick])}")  # fmt: skip
    print("\nnested LOCO (the rule chosen by leave-one-out on the other two):")
    for held in names:
        others = [n for n in names if n != held]
        rule, inner = nested_rule(settings, f1, others, SELECTIONS, eps)
        inner_txt = "  ".join(f"{r} {v:.3f}" for r, v in inner.items())
        print(f"  {held:<13} {rule:<13} held out {f1[picks[rule, held]][held]:.3f}  "
              f"(inner worst: {inner_txt})")  # fmt: skip
    print("\nchosen on all three corpora (tuned, not held out):")
    for rule in SELECTIONS:
        i = choose(settings, f1, names, rule, eps)
        per = " / ".join(f"{f1[i][n]:.3f}" for n in names)
        print(f"  {rule:<13} {per}  {_changed(settings[i]) or 'the shipped configuration'}")


if __name__ == "__main__":
    main()
