"""Leave-one-corpus-out over four corpora: the three dev corpora and the BBC football set.

    .venv/bin/python benchmarks/cluster_loco_football.py --cache /tmp/nf-loco \\
        --football-cache /tmp/nf-foot
    .venv/bin/python benchmarks/cluster_loco_football.py --grid g.json --base '{"threshold": 0.25}'

``benchmarks/cluster_loco.py`` chooses settings on news_cluster, gvc and MEANTIME, none
of which holds sport. This wrapper adds the football set (``benchmarks/cluster_football.py``)
as a fourth corpus: its tune half (CRC-32 of the gold label) is what a setting is chosen
on; when football is the held-out corpus, the setting chosen on the three dev corpora is
also scored on its check half and on all of it. For each corpus the grid setting with the
best worst-corpus B-cubed F1 on the other three is chosen and scored on it, as
``cluster_loco.py`` does; the three-corpus choice (football left out of every choice) is
printed beside it, so the dev figures can be read as ``cluster_loco.py`` gives them.
The default grid varies what tells a club's happenings apart: ``generic_name_share`` (a
name in that share of the articles is the topic's) and ``result_names`` (names tie a piece
to a match result only when both give one), over the shipped configuration (or --base).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from cluster_football import half_scores
from cluster_football import load as load_football

from newsfuse.cluster.config import ClusterConfig
from newsfuse.evaluate.bbc_football import available
from newsfuse.evaluate.clusters import label_half
from newsfuse.evaluate.loco import (
    CACHE,
    Corpus,
    bcubed_text,
    best_overall,
    changed_fields,
    corpus_stories,
    expand_grid,
    leave_one_out,
    load_corpora,
    score_grid,
)

GRID: dict[str, list] = {
    "generic_name_share": [0.0, 0.05, 0.1, 0.12, 0.15, 0.2],
    "result_names": [0.0, 1.0],
}


def football_tune(cache: Path) -> tuple[Corpus, Corpus]:
    """The football set whole, and as a corpus scored on its tune half only (both
    cluster every article; the second shares the first's feature cache)."""
    whole = load_football(cache)
    tune = [item for item in whole.items if label_half(item[2]) == "tune"]
    return whole, Corpus(whole.name, whole.rows, tune, whole.extra, whole.cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(CACHE), help="the dev corpora's cache")
    parser.add_argument("--football-cache", default="/tmp/nf-foot")
    parser.add_argument("--grid", help="JSON file: ClusterConfig field -> list of values")
    parser.add_argument("--base", help="JSON object: ClusterConfig values the grid varies around")
    args = parser.parse_args()
    if not available():
        sys.exit("../shared/corpus/bbc is not here: nothing to measure")
    dev = load_corpora(cache=Path(args.cache))
    whole, tune = football_tune(Path(args.football_cache))
    corpora = [*dev, tune]
    grid = json.loads(Path(args.grid).read_text()) if args.grid else GRID
    base = replace(ClusterConfig(), **json.loads(args.base)) if args.base else ClusterConfig()
    configs = expand_grid(grid, base)
    scores = score_grid(corpora, configs)
    names = [c.name for c in corpora]
    print(f"{len(configs)} settings over {base.name}"
          f"{' with ' + args.base if args.base else ''}; bbc_football: tune half")  # fmt: skip
    print(f"{'setting':<58} " + " ".join(f"{n[:12]:>12}" for n in names))
    for config, row in zip(configs, scores, strict=True):
        cells = " ".join(f"{row[n].bcubed_f1:>12.3f}" for n in names)
        print(f"{json.dumps(changed_fields(config)):<58} {cells}")
    i = best_overall(corpora, scores, configs)
    print(f"\nbest worst F1 over all four (tuned, not held out): {changed_fields(configs[i])}")
    for label, pool in (("four corpora", corpora), ("three dev corpora", dev)):
        print(f"\nleave one corpus out over {label} (best worst F1 on the others):")
        print(f"{'held out':<13} {'mean F1 of the others':>21}  {'held-out B3 F1':<32} setting")
        for h in leave_one_out(pool, configs, [{c.name: s[c.name] for c in pool} for s in scores]):
            print(
                f"{h.corpus:<13} {h.tuned_f1:>21.3f}  {bcubed_text(h.held_out):<32} {changed_fields(h.config)}"
            )
        if label == "three dev corpora":
            continue
        chosen = next(h.config for h in leave_one_out(corpora, configs, scores)
                      if h.corpus == whole.name)  # fmt: skip
        story_of = corpus_stories(whole, chosen)
        halves = "  ".join(f"{half} {bcubed_text(half_scores(whole, story_of, half))}"
                           for half in ("tune", "check", "all"))  # fmt: skip
        print(f"  bbc_football held out, its halves: {halves}")


if __name__ == "__main__":
    main()
