"""Leave-one-corpus-out tuning and scoring of story clustering on the three dev corpora.

    python benchmarks/cluster_loco.py                 # shipped config, baseline, LOCO over GRID
    python benchmarks/cluster_loco.py --grid g.json   # a grid of your own: {"field": [values]}
    python benchmarks/cluster_loco.py --no-grid       # shipped config and baseline only
    python benchmarks/cluster_loco.py --base '{"follow_up_lead_towns": true}'  # grid over
                                                      # the shipped config with these values
    python benchmarks/cluster_loco.py --variants '[{"name_weight": 0}, {}]'  # the grid over
                                                      # each of these value sets (or a file)

The corpora (news_cluster, gvc, meantime under ../shared/eval) are ingested and
annotated once into --cache (default /tmp/nf-loco, about 3 minutes the first time);
after that a configuration is scored on all three in a second or two. For each corpus
the grid setting with the best worst-corpus B-cubed F1 on the other two (--select mean:
the best mean; plateau, plateau-mean, tied-median: newsfuse/evaluate/selection.py) is chosen and scored on it (the held-out figure). The shipped
configuration's own figures are printed first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

from newsfuse.cluster.config import (
    HAPPENING_2026_11B,
    HAPPENING_2026_11E,
    HAPPENING_2026_11G,
    HAPPENING_2026_11H,
    HAPPENING_2026_11I,
    LEXICAL_2026_11,
    ClusterConfig,
)
from newsfuse.evaluate.loco import (
    CACHE,
    SELECTIONS,
    bcubed_text,
    best_overall,
    changed_fields,
    cluster_corpus,
    expand_grid,
    leave_one_out,
    load_corpora,
    score_grid,
    tfidf_single_pass,
)

# The grid the shipped configuration (happening-2026-11c; -11d adds the ticker conflict,
# which no dev corpus can tune; -11e spares the day conflict on a shared local place,
# chosen by LOCO over this grid with and without it; -11f adds name_weight, chosen the
# same way: --variants '[{"name_weight": 0}, {}]') was chosen from (see README
# "Stories"): each field varied over the shipped ClusterConfig, the others as shipped.
# Measured on -11e and left out, bridging time on phrases that name a happening
# (held out 0.869 / 0.952 / 0.952 against 0.874 / 0.946 / 0.970):
#   --variants '[{"name_weight": 0},
#     {"name_bridge_days": 730, "name_bridge_phrases": 2, "name_bridge_cost": 0.1},
#     {"name_bridge_days": 730, "name_bridge_phrases": 2, "name_bridge_cost": 0.1,
#      "name_weight": 0},
#     {"name_bridge_days": 730, "name_bridge_phrases": 2, "name_weight": 0},
#     {"name_bridge_days": 730, "name_bridge_phrases": 3, "name_weight": 0},
#     {"name_bridge_days": 730, "name_bridge_phrases": 3, "name_bridge_cost": 0.1,
#      "name_weight": 0}]'
# (the second adds name_weight 0.1, the shipped value).
# Also measured on -11d and left out (--base): follow_up_lead_towns, city_lead_only,
# min_shared_names 2 (MEANTIME precision bought with news_cluster and gvc recall).
# The shipped setting is the grid's best worst corpus (tuned on all three: printed
# last); the held-out figures come from the per-corpus choice on the other two. Grids of
# earlier configurations (happening-2026-11 and -11b: threshold, entity_weight,
# max_gap_days, long_gap_people/towns, day_conflict and its variants, entity_kinds,
# org_conflict) are in the commit history. Measured and left out of this one, none
# raising the worst corpus: day_conflict_undated (news_cluster 0.877 -> 0.863 held out),
# entity_weight 0.6, long_gap_max_days 365, a conflict on stated ages ("6-year-old"),
# a conflict when both leads name countries and share none (news_cluster -0.002..-0.009),
# generic_spread_days 3 and 7 (news_cluster up to +0.061, meantime down to -0.048; LOCO
# over 216 settings picks it for no corpus),
# generic_name_share 0.05 and 0.1 (a name in that share of the articles counts as the
# topic's, not a happening's: BBC football tune +0.06 at 0.05; news_cluster 0.908 ->
# 0.901 / 0.903; held out 0.901 with a --grid file of {"generic_name_share": [0, 0.05, 0.1]};
# measured before one name's kinds were counted as one, so not comparable with -11i);
# -11i ships 0.12 with result_names 0, chosen over four corpora by
# benchmarks/cluster_loco_football.py; this grid around it holds out the same figures;
# the experiment -11j (not shipped) asks such a name for 20 articles too, measured fed a few at a time by
# benchmarks/cluster_chunks.py; this grid around it holds out the same figures again),
# rare_name_weight 0.05 (the experiment -11k, not shipped: a shared name of a body,
# product or event rare in the database; --variants '[{}, {"rare_name_weight": 0.05}]'
# holds out 0.884 / 0.949 / 0.970, news_cluster chosen far from the shipped point),
# and embedding_weight 0.2-0.5 with thresholds 0.25-0.4 (wordllama: more recall on
# news_cluster and gvc, less precision everywhere; meantime 0.938 -> 0.87-0.91).
GRID: dict[str, list] = {
    "threshold": [0.22, 0.25, 0.3],
    "min_cosine": [0.0, 0.15],
    "corpus_idf_docs": [0, 100],
    "generic_share": [0.0, 0.02, 0.05, 0.1],
    "generic_weight": [0.0, 0.3, 1.0],
    "min_specific_terms": [0, 2],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", help="JSON file: ClusterConfig field -> list of values")
    parser.add_argument("--no-grid", action="store_true", help="shipped config and baseline only")
    parser.add_argument("--corpora", default="news_cluster,gvc,meantime")
    parser.add_argument("--cache", default=str(CACHE))
    parser.add_argument("--json", action="store_true", help="also print every grid score as JSON")
    parser.add_argument("--select", choices=SELECTIONS, default="worst",
                        help="how the setting for a held-out corpus is chosen on the others: "
                        "highest worst-corpus F1 (as the shipped one is chosen), highest mean, "
                        "or a rule that settles near-ties (newsfuse/evaluate/selection.py)")  # fmt: skip
    parser.add_argument("--base", help="JSON object: ClusterConfig values the grid varies around")
    parser.add_argument("--variants", help="JSON list (or a file holding one) of objects of "
                        "ClusterConfig values; the grid is run over each (over --base)")  # fmt: skip
    args = parser.parse_args()

    started = time.perf_counter()
    corpora = load_corpora(args.corpora.split(","), cache=Path(args.cache))
    print(f"corpora ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    print(
        f"{'corpus':<13} {'articles':>8}  {'shipped B3 F1':<32} {'happening-2026-11i':<32} "
        f"{'happening-2026-11h':<32} "
        f"{'happening-2026-11g':<32} "
        f"{'happening-2026-11e':<32} "
        f"{'happening-2026-11b':<32} "
        f"{'lexical-2026-11':<32} TF-IDF single pass t=0.25"
    )
    for c in corpora:
        shipped = cluster_corpus(c)
        last = cluster_corpus(c, HAPPENING_2026_11I)  # -11l's predecessor
        older = cluster_corpus(c, HAPPENING_2026_11H)
        candidate = cluster_corpus(c, HAPPENING_2026_11G)
        previous = cluster_corpus(c, HAPPENING_2026_11E)
        before = cluster_corpus(c, HAPPENING_2026_11B)
        lexical = cluster_corpus(c, LEXICAL_2026_11)
        base = c.score(tfidf_single_pass(c.rows, 0.25))
        print(
            f"{c.name:<13} {len(c.items):>8}  {bcubed_text(shipped):<32} {bcubed_text(last):<32} "
            f"{bcubed_text(older):<32} "
            f"{bcubed_text(candidate):<32} "
            f"{bcubed_text(previous):<32} "
            f"{bcubed_text(before):<32} "
            f"{bcubed_text(lexical):<32} {bcubed_text(base)}"
        )
    if args.no_grid:
        return

    grid = json.loads(Path(args.grid).read_text()) if args.grid else GRID
    base = replace(ClusterConfig(), **json.loads(args.base)) if args.base else None
    variants = [{}]
    if args.variants:
        text = args.variants.strip()
        variants = json.loads(text if text.startswith("[") else Path(text).read_text())
    configs = [
        config
        for values in variants
        for config in expand_grid(grid, replace(base or ClusterConfig(), **values))
    ]
    started = time.perf_counter()
    scores = score_grid(corpora, configs)
    print(f"\n{len(configs)} settings scored in {time.perf_counter() - started:.0f} s")
    print(f"(held-out setting: best {args.select} F1 on the other corpora)")
    # The second column is the chosen setting's mean F1 over the corpora it was chosen on,
    # the held-out one left out: one setting chosen for two held-out corpora shows two
    # means (other pairs of corpora), and the choice itself is by --select, not this mean.
    print(f"{'held out':<13} {'mean F1 of the others':>21}  {'held-out B3 F1':<32} setting chosen")
    for h in leave_one_out(corpora, configs, scores, args.select):
        print(
            f"{h.corpus:<13} {h.tuned_f1:>21.3f}  {bcubed_text(h.held_out):<32} {changed_fields(h.config)}"
        )
    i = best_overall(corpora, scores, configs, args.select)
    per = "  ".join(f"{c.name} {scores[i][c.name].bcubed_f1:.3f}" for c in corpora)
    print(f"\nbest setting by {args.select} on all corpora (tuned, not held out): {per}")
    print(f"  {changed_fields(configs[i]) or 'the shipped configuration'}")
    if args.json:
        for config, s in zip(configs, scores, strict=True):
            row = {"config": asdict(config), **{k: v.bcubed_f1 for k, v in s.items()}}
            print(json.dumps(row))


if __name__ == "__main__":
    main()
