"""Story clustering when articles carry no date: the dev corpora with their dates taken away.

Plain-text input (a folder of .txt files, the BBC corpus) has no publication date, and
then the clusterer cannot weigh time at all: every gap counts as none. This script
clusters the three dev corpora of ``benchmarks/cluster_loco.py`` once as they are and once
with every article's publication date removed, for each value of ``unknown_time_cost``
(what a join costs when the article or the story has no date), and chooses the value by
leave-one-corpus-out on the undated corpora (best worst-corpus B-cubed F1 on the other
two, as ``cluster_loco.py`` does); the shipped value is the best worst over all three.

    .venv/bin/python benchmarks/cluster_undated.py [--cache /tmp/nf-loco]

Dated corpora are printed too: their figures must not move (every article has a day).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from newsfuse.cluster.config import ClusterConfig
from newsfuse.evaluate.loco import CACHE, Corpus, cluster_corpus, load_corpora, tfidf_single_pass

VALUES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


def undated(corpus: Corpus) -> Corpus:
    """``corpus`` with no article's publication date."""
    rows = [dict(r, published=None) for r in corpus.rows]
    return Corpus(corpus.name, rows, corpus.items, corpus.extra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default=str(CACHE))
    args = parser.parse_args()
    dated = load_corpora(cache=Path(args.cache))
    bare = [undated(c) for c in dated]
    shipped = ClusterConfig()
    print(f"shipped {shipped.name} (unknown_time_cost {shipped.unknown_time_cost}):")
    for label, corpora in (("dated", dated), ("undated", bare)):
        for c in corpora:
            s = cluster_corpus(c)
            base = c.score(tfidf_single_pass(c.rows)).bcubed_f1
            print(f"  {label:<8} {c.name:<13} B3 F1 {s.bcubed_f1:.3f} (P {s.bcubed_precision:.3f}"
                  f" R {s.bcubed_recall:.3f})  TF-IDF {base:.3f}")  # fmt: skip
    table = {
        v: {
            c.name: cluster_corpus(c, replace(shipped, unknown_time_cost=v)).bcubed_f1 for c in bare
        }
        for v in VALUES
    }
    names = [c.name for c in bare]
    print("\nundated B3 F1 by unknown_time_cost:")
    for v, row in table.items():
        cells = "  ".join(f"{n} {row[n]:.3f}" for n in names)
        print(f"  {v:<5} {cells}  worst {min(row.values()):.3f}")
    print("\nleave one corpus out (undated):")
    for held in names:
        others = [n for n in names if n != held]
        chosen = max(VALUES, key=lambda v: (min(table[v][n] for n in others), -v))
        print(
            f"  {held:<13} chosen {chosen:<5} on the others -> held out {table[chosen][held]:.3f}"
        )
    best = max(VALUES, key=lambda v: (min(table[v].values()), -v))
    print(f"best worst on all three (the shipped rule): {best}")


if __name__ == "__main__":
    main()
