"""Story clustering on the BBC football set: one match = one story (tune and check halves).

    .venv/bin/python benchmarks/cluster_football.py --cache /tmp/nf-foot
    .venv/bin/python benchmarks/cluster_football.py --config happening-2026-11g
    .venv/bin/python benchmarks/cluster_football.py --set '{"score_conflict": 0}'
    .venv/bin/python benchmarks/cluster_football.py --errors    # tune-half errors only
    .venv/bin/python benchmarks/cluster_football.py --disagree  # ...where TF-IDF is right

The set (tests/data/stories/bbc_football.jsonl, README beside it) is joined with the BBC's
text from ../shared/corpus/bbc, ingested and annotated once into --cache, then clustered
like a dev corpus of ``benchmarks/cluster_loco.py``. Printed per half (the scorer's
CRC-32 split of the gold label; all articles are clustered, each half's gold stories
scored): B-cubed F1 (P / R) of the configuration and of the TF-IDF single-pass baseline
(t = 0.25), and how many predicted stories hold two matches or more. ``--errors`` lists,
for the tune half only, the predicted stories that hold two gold happenings or more.
``--disagree`` lists, for the tune half only, the pairs of articles the baseline gets
right and the configuration wrong (merged or split), with the signals that decide each
and their counts (``newsfuse.evaluate.disagreements``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from newsfuse.cluster.config import ClusterConfig, named_config
from newsfuse.evaluate.bbc_football import available, write_jsonl
from newsfuse.evaluate.clusters import label_half, score_clusters
from newsfuse.evaluate.disagreements import cause_counts, disagreements, wrong_pairs
from newsfuse.evaluate.loco import (
    Corpus,
    CorpusSpec,
    bcubed_text,
    corpus_stories,
    load_corpus,
)
from newsfuse.evaluate.loco import tfidf_single_pass as tfidf

NAME = "bbc_football"


def load(cache: Path) -> Corpus:
    """The set, annotated into ``cache`` (built from ../shared the first time)."""
    jsonl = cache / f"{NAME}.jsonl"
    if not jsonl.exists():
        write_jsonl(jsonl)
    return load_corpus(CorpusSpec(NAME, jsonl.name, "gold"), base=cache, cache=cache)


def half_scores(corpus: Corpus, story_of: dict[str, str], half: str):
    """B-cubed of one half's gold stories (``story_of``: article id -> story)."""
    items = [(s, a, g) for s, a, g in corpus.items if half == "all" or label_half(g) == half]
    predicted = {s: story_of[a] for s, a, _ in items if a in story_of}
    return score_clusters(predicted, {s: g for s, _, g in items})


def merged_matches(corpus: Corpus, story_of: dict[str, str], half: str) -> int:
    """Predicted stories holding articles of two matches or more (of one half)."""
    matches: dict[str, set] = defaultdict(set)
    for _, a, g in corpus.items:
        if str(g).startswith("m:") and (half == "all" or label_half(g) == half):
            matches[story_of.get(a, a)].add(g)
    return sum(1 for m in matches.values() if len(m) > 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default="/tmp/nf-foot")
    parser.add_argument("--config", help="a named configuration (default: the shipped one)")
    parser.add_argument("--set", help="JSON object of ClusterConfig values over it")
    parser.add_argument("--errors", action="store_true", help="list tune-half merged stories")
    parser.add_argument(
        "--disagree", action="store_true", help="tune-half pairs TF-IDF gets right and we wrong"
    )
    args = parser.parse_args()
    if not available():
        sys.exit("../shared/corpus/bbc is not here: nothing to measure")
    corpus = load(Path(args.cache))
    config = named_config(args.config) if args.config else ClusterConfig()
    if args.set:
        config = replace(config, **json.loads(args.set))
    ours = corpus_stories(corpus, config)
    base = tfidf(corpus.rows, 0.25)
    print(f"{NAME}: {len(corpus.items)} articles; config {config.name}"
          f"{' with ' + args.set if args.set else ''}")  # fmt: skip
    print(f"{'half':<6} {'newsfuse B3 F1':<32} {'TF-IDF t=0.25':<32} stories with >1 match")
    for half in ("tune", "check", "all"):
        print(f"{half:<6} {bcubed_text(half_scores(corpus, ours, half)):<32} "
              f"{bcubed_text(half_scores(corpus, base, half)):<32} "
              f"{merged_matches(corpus, ours, half)} (baseline {merged_matches(corpus, base, half)})")  # fmt: skip
    if args.errors:
        title = {r["id"]: r.get("title") for r in corpus.rows}
        stories: dict[str, list] = defaultdict(list)
        for src, a, g in corpus.items:
            if label_half(g) == "tune":
                stories[ours.get(a, a)].append((g, title.get(a), src.rsplit(":", 1)[-1]))
        for members in stories.values():
            if len({g for g, _, _ in members}) > 1:
                print("\n--- predicted story")
                for g, t, line in sorted(members):
                    print(f"  line {line:>4}  {g[:60]:<60}  {t}")
    if args.disagree:
        print_disagreements(corpus, ours, base, config)


def print_disagreements(corpus: Corpus, ours: dict, base: dict, config: ClusterConfig) -> None:
    """The tune half's pairs that the baseline gets right and ``ours`` wrong, by cause."""
    items = [(s, a, g) for s, a, g in corpus.items if label_half(g) == "tune"]
    found = disagreements(corpus.rows, items, ours, base, config, corpus.extra.get("signals"))
    title = {r["id"]: r.get("title") for r in corpus.rows}
    for d in sorted(found, key=lambda d: (d.kind, d.gold)):
        print(f"\n{d.kind:<6} score {d.score:+.3f}  causes: {', '.join(d.causes)}"
              f"  [{', '.join(d.flags)}]")  # fmt: skip
        for aid, gold in zip((d.first, d.second), d.gold, strict=True):
            print(f"    {str(gold)[:55]:<55}  {title.get(aid)}")
    print("\nTF-IDF right, newsfuse wrong (pairs; a pair may have several causes):")
    for kind, counts in cause_counts(found).items():
        print(f"  {kind}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
    wins = Counter(kind for kind, *_ in wrong_pairs(items, base, ours))
    print(f"newsfuse right, TF-IDF wrong: split {wins['split']}, merged {wins['merged']} pairs")


if __name__ == "__main__":
    main()
