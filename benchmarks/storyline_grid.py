"""How the storyline settings were chosen, and what they score (issue 15).

    .venv/bin/python benchmarks/storyline_grid.py

The three dev corpora are clustered into stories with the shipped configuration (the
annotated corpora of ``benchmarks/cluster_loco.py``, cached in /tmp/nf-loco), then
their stories are linked into storylines under each setting of a grid. news_cluster's
gold events are often storyline-sized (a year of missile tests): its gold events are
split into a tune and a check half (:func:`newsfuse.evaluate.clusters.label_half`).
gvc's gold are single shootings, so storylines there must not link different
incidents. A setting is chosen on the news_cluster tune half and gvc together (mean
B-cubed F1 at storyline level); the news_cluster check half is the figure to quote.
MEANTIME's gold makes each article its own story, while a storyline rightly links a
company's stories (a launch, then delays): its figure is printed, not used.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import replace

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.features import damped
from newsfuse.cluster.online import StoryClusterer
from newsfuse.cluster.stage import cluster_rows, prepare_clusterer
from newsfuse.cluster.storylines import StorylineConfig, link_storylines, story_digests
from newsfuse.evaluate.clusters import label_half, score_clusters
from newsfuse.evaluate.loco import Corpus, _stage_kwargs, load_corpora

GRID = {
    "threshold": [0.15, 0.2, 0.25, 0.3, 0.35, 0.4],
    "entity_weight": [0.0, 0.3, 0.6],
    "max_gap_days": [30, 60, 120, 183, 365],
    "core_size": [3, 5, 0],
}


def prepared(corpus: Corpus, config: ClusterConfig) -> tuple[dict[str, str], list]:
    """The corpus's stories (article -> story) and their digests, as the stage makes them."""
    result = cluster_rows([], corpus.rows, config, cache=corpus.cache, **_stage_kwargs(corpus))
    feats = {
        k[1]: v for k, v in corpus.cache.items() if k[0] == "f" and k[2] == config.feature_key()
    }
    damping = prepare_clusterer(StoryClusterer(config), feats)  # as the stage weighs terms
    story_of = result.story_of()
    weighed = {aid: damped(f, damping) for aid, f in feats.items()}
    return story_of, story_digests(weighed, story_of)


def score(corpus: Corpus, level: dict[str, str], half: str = "all") -> float:
    predicted = {src: level[aid] for src, aid, _ in corpus.items if aid in level}
    gold = {src: g for src, _, g in corpus.items if half == "all" or label_half(g) == half}
    return score_clusters(predicted, gold).bcubed_f1


def main() -> None:
    config = ClusterConfig()
    corpora = {c.name: c for c in load_corpora()}
    ready = {name: prepared(c, config) for name, c in corpora.items()}
    nc = corpora["news_cluster"]
    story_of = ready["news_cluster"][0]
    print(f"story level (shipped {config.name}): news_cluster tune {score(nc, story_of, 'tune'):.3f}"
          f" check {score(nc, story_of, 'check'):.3f}; gvc {score(corpora['gvc'], ready['gvc'][0]):.3f};"
          f" meantime {score(corpora['meantime'], ready['meantime'][0]):.3f}")  # fmt: skip
    started, rows = time.perf_counter(), []
    for values in itertools.product(*GRID.values()):
        setting = replace(StorylineConfig(), **dict(zip(GRID, values, strict=True)))
        row = {}
        for name, (stories, digests) in ready.items():
            line_of = link_storylines(digests, setting)
            level = {a: line_of[s] for a, s in stories.items()}
            if name == "news_cluster":
                row["nc tune"], row["nc check"] = (
                    score(nc, level, "tune"),
                    score(nc, level, "check"),
                )
            else:
                row[name] = score(corpora[name], level)
        rows.append((setting, row))
    print(f"{len(rows)} settings in {time.perf_counter() - started:.0f} s")
    rows.sort(key=lambda r: (-(r[1]["nc tune"] + r[1]["gvc"]), r[0].threshold))
    print("storyline level, best on (news_cluster tune + gvc) / 2 first:")
    for setting, row in rows[:8]:
        knobs = {k: getattr(setting, k) for k in GRID}
        print("  " + "  ".join(f"{k} {v:.3f}" for k, v in row.items()) + f"   {knobs}")
    shipped = next(
        r for s, r in rows if all(getattr(s, k) == getattr(StorylineConfig(), k) for k in GRID)
    )
    print("shipped " + StorylineConfig().name + ": " + "  ".join(f"{k} {v:.3f}" for k, v in shipped.items()))  # fmt: skip


if __name__ == "__main__":
    main()
