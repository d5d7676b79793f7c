"""Story clustering when articles arrive a few at a time (the database carried between runs).

    .venv/bin/python benchmarks/cluster_chunks.py --cache /tmp/nf-loco --football-cache /tmp/nf-foot
    .venv/bin/python benchmarks/cluster_chunks.py --sizes 20 --configs happening-2026-11h \\
        --set '{"generic_name_share": 0}'

``benchmarks/cluster_loco.py`` clusters each corpus all at once, as ``newsfuse ingest`` does
a file. A database fed by a watched feed gets its articles a few at a time instead, and
each cluster run sees only the database as it stands; whatever the clusterer computes over
the database (a term's or a name's share of the articles) then depends on how far it has
grown. Here each corpus (news_cluster, gvc, MEANTIME, the BBC football set; their annotated
databases from the caches of ``cluster_loco.py`` and ``cluster_football.py``, built there
if missing) is clustered in lots of ``--sizes`` articles, oldest first (the order the stage
takes them), the stage run once per lot (``newsfuse.evaluate.loco.chunked_stories``), and
scored by B-cubed F1 against its gold, next to the all-at-once figure. Football is scored on
its tune and check halves (CRC-32 of the gold label).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from cluster_football import half_scores
from cluster_football import load as load_football

from newsfuse.cluster.config import ClusterConfig, named_config
from newsfuse.evaluate.bbc_football import available
from newsfuse.evaluate.loco import (
    CACHE,
    CORPORA,
    SHARED_EVAL,
    Corpus,
    annotated_database,
    chunked_stories,
    corpus_stories,
    load_corpora,
)

CONFIGS = "happening-2026-11h,happening-2026-11i,happening-2026-11j"


def scores(corpus: Corpus, story_of: dict[str, str], football: bool) -> str:
    """B-cubed F1 of ``story_of`` on ``corpus`` (football: tune / check)."""
    if football:
        return " / ".join(f"{half_scores(corpus, story_of, h).bcubed_f1:.4f}"
                          for h in ("tune", "check"))  # fmt: skip
    return f"{corpus.score(story_of).bcubed_f1:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(CACHE), help="the dev corpora's cache")
    parser.add_argument("--football-cache", default="/tmp/nf-foot")
    parser.add_argument("--corpora", default="news_cluster,gvc,meantime,bbc_football")
    parser.add_argument("--sizes", default="20,50", help="articles per run (0: all at once)")
    parser.add_argument("--configs", default=CONFIGS, help="named configurations, comma-separated")
    parser.add_argument("--set", action="append", default=[],
                        help="JSON object of ClusterConfig values over the shipped one "
                        "(repeatable: each is one more configuration)")  # fmt: skip
    args = parser.parse_args()
    wanted = args.corpora.split(",")
    configs = [named_config(n) for n in args.configs.split(",") if n]
    for values in args.set:
        configs.append(replace(ClusterConfig(), **json.loads(values), name=f"set {values}"))
    cache = Path(args.cache)
    targets: list[tuple[Corpus, Path, bool]] = []
    for spec, corpus in zip(
        [s for s in CORPORA if s.name in wanted], load_corpora(wanted, cache), strict=True
    ):
        targets.append((corpus, annotated_database(spec, SHARED_EVAL, cache), False))
    if "bbc_football" in wanted:
        if not available():
            sys.exit("../shared/corpus/bbc is not here: leave bbc_football out (--corpora)")
        football_cache = Path(args.football_cache)
        whole = load_football(football_cache)
        targets.append((whole, football_cache / f"{whole.name}.db", True))
    sizes = [int(s) for s in args.sizes.split(",")]
    print("B-cubed F1 (bbc_football: tune / check); size 0: all articles in one run")
    print(f"{'corpus':<13} {'size':>5}  {'configuration'}")
    for corpus, db, football in targets:
        for size in sizes:
            for config in configs:
                story_of = (chunked_stories(db, size, config) if size
                            else corpus_stories(corpus, config))  # fmt: skip
                print(f"{corpus.name:<13} {size:>5}  {config.name:<40} "
                      f"{scores(corpus, story_of, football)}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
