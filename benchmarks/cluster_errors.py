"""Why the clusterer parts what the gold joins, and joins what it parts (dev corpora).

    python benchmarks/cluster_errors.py --cache /tmp/nf-loco            # shipped config
    python benchmarks/cluster_errors.py --config happening-2026-11c     # a named one
    python benchmarks/cluster_errors.py --corpora news_cluster --examples 10

Uses the annotated corpora of ``benchmarks/cluster_loco.py`` (same --cache). The
clustering is replayed with a clusterer that, as each article arrives, scores it
against the stories holding its earlier gold-mates (the pairs it will miss) and
notes what its join rests on (the pairs it will wrongly join). Pairs are
counted as article pairs, the later article of each pair being the one that
arrived second.

Recall losses (gold-same, predicted-different): the reason is the first of

- ``reprint``: the later article was routed as a wire copy;
- ``preferred other``: it scored the mate's story at or above the threshold but
  another story higher (a gold event split over two stories that both reach);
- ``no join (gap/span)``: the story was too far in time (``max_gap_days``,
  ``max_span_days``) and no follow-up evidence lifted that;
- a single conflict or limit whose removal alone lifts the score to the threshold
  (``day_conflict``, ``city_conflict``, ``ticker_conflict``, ``gap_penalty``,
  ``shared terms``, ``min_cosine``);
- ``several conflicts``: only removing all of them lifts it;
- ``low words``: nothing but more word likeness would have (by centroid cosine).

Precision losses (gold-different, predicted-same): ``direct join`` (the later article
joined a story holding the other; split by whether the words alone reached the
threshold or names and a shared town had to add), ``merge`` (they met when stories
were merged), ``reprint``.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from newsfuse.cluster import stage
from newsfuse.cluster.config import ClusterConfig, named_config
from newsfuse.cluster.features import ArticleFeatures, day_number
from newsfuse.cluster.online import NO_JOIN, Assignment, StoryClusterer
from newsfuse.evaluate.loco import CACHE, Corpus, _stage_kwargs, load_corpora

ABLATIONS: dict[str, dict] = {
    "day_conflict": {"day_conflict": 0.0},
    "city_conflict": {"city_conflict": 0.0},
    "ticker_conflict": {"ticker_conflict": 0.0},
    "gap_penalty": {"gap_penalty": 0.0},
    "shared terms": {"min_shared_terms": 0, "min_specific_terms": 0},
    "min_cosine": {"min_cosine": 0.0},
}
ALL_CONFLICTS = {k: v for a in ABLATIONS.values() for k, v in a.items()}
GAP_BUCKETS = ((3, "<=3 d"), (14, "4-14 d"), (60, "15-60 d"), (math.inf, ">60 d"))


def gap_bucket(days: int | None) -> str:
    if days is None:
        return "undated"
    return next(name for top, name in GAP_BUCKETS if days <= top)


@dataclass
class Miss:
    reason: str
    cosine: float
    score: float


@dataclass
class Join:
    how: str  # direct join (words), direct join (names), merge, reprint
    score: float
    cosine: float


class Tracing(StoryClusterer):
    """The shipped clusterer, noting for each arriving article its score parts against
    the stories of its earlier gold-mates and what its own join rested on."""

    gold: ClassVar[dict[str, object]] = {}  # article id -> gold label, set before a replay
    instances: ClassVar[list[Tracing]] = []  # the clusterers a replay made (the last one)

    def __init__(self, config: ClusterConfig | None = None) -> None:
        super().__init__(config)
        self.order: list[str] = []
        self.misses: dict[tuple[str, str], Miss] = {}  # (earlier, later) -> why apart
        self.joins: dict[str, tuple[str, float, float, str]] = {}  # later -> story, score...
        self.reprinted: set[str] = set()
        self.story_then: dict[str, dict[str, str]] = {}  # later -> earlier mate -> its story
        self.members_then: dict[str, set[str]] = {}  # later -> members of the story joined
        Tracing.instances.append(self)

    def _with(self, f: ArticleFeatures, sid: str, changes: dict) -> float:
        kept = self.config
        self.config = replace(kept, **changes)
        try:
            return self.score(f, sid)
        finally:
            self.config = kept

    def _explain(self, f: ArticleFeatures, sid: str, scored: list[tuple[float, str]]) -> Miss:
        t = self.config.threshold
        cos = self._stories[sid].centroid_cosine(f.vector)
        base = self.score(f, sid)
        best = scored[0][0] if scored else -math.inf
        if base >= t:
            return Miss("preferred other" if best > base else "tie/other", cos, base)
        if base == NO_JOIN:
            lifted = self._with(f, sid, {"max_gap_days": 0, "max_span_days": 0})
            if lifted < t:
                return Miss("no join (gap/span) + low", cos, base)
            return Miss("no join (gap/span)", cos, base)
        for name, changes in ABLATIONS.items():
            if self._with(f, sid, changes) >= t:
                return Miss(name, cos, base)
        if self._with(f, sid, ALL_CONFLICTS) >= t:
            return Miss("several conflicts", cos, base)
        return Miss("low words", cos, base)

    def _mates(self, f: ArticleFeatures) -> dict[str, str]:
        label = self.gold.get(f.id)
        if label is None:
            return {}
        return {
            a: self._of_article[a]
            for a in self.order
            if self.gold.get(a) == label and a in self._of_article
        }

    def add(self, f: ArticleFeatures) -> Assignment:
        mates = self._mates(f)
        candidates = set(self._candidates(f))
        scored = sorted(((self.score(f, s), s) for s in candidates), key=lambda x: -x[0])
        explained = {sid: self._explain(f, sid, scored) for sid in set(mates.values())}
        for sid, miss in explained.items():
            if sid not in candidates and miss.reason in ("preferred other", "tie/other"):
                miss.reason = "not a candidate"
        cos = {s: self._stories[s].centroid_cosine(f.vector) for s in candidates}
        words_only = {s: self._with(f, s, {"entity_weight": 0.0, "city_match": 0.0})
                      for s in candidates}  # fmt: skip
        assignment = super().add(f)
        self.order.append(f.id)
        for a, sid in mates.items():
            self.misses[(a, f.id)] = explained[sid]
        self.story_then[f.id] = mates
        if not assignment.started:
            joined = max(scored, key=lambda x: x[0])[1]  # before any merge
            self.joins[f.id] = (
                "direct join (words)"
                if words_only.get(joined, 0) >= self.config.threshold
                else "direct join (names/town)",
                assignment.score,
                cos.get(joined, 0.0),
                joined,
            )
        self.members_then[f.id] = {m.id for m in self._stories[assignment.story_id].members}
        return assignment

    def add_to(self, f: ArticleFeatures, story_id: str | None, score: float = 1.0) -> Assignment:
        if story_id is None or story_id not in self._stories:
            return self.add(f)
        mates = self._mates(f)
        assignment = super().add_to(f, story_id, score)
        self.order.append(f.id)
        self.reprinted.add(f.id)
        for a in mates:
            self.misses[(a, f.id)] = Miss("reprint", 0.0, score)
        self.members_then[f.id] = {m.id for m in self._stories[assignment.story_id].members}
        return assignment


def replay(corpus: Corpus, config: ClusterConfig):
    """The stage's own clustering of ``corpus`` (``cluster_rows``), with the tracing
    clusterer in place of the stage's for this one call."""
    gold = {aid: label for _, aid, label in corpus.items}
    Tracing.gold = gold
    Tracing.instances = []
    original = stage.StoryClusterer
    stage.StoryClusterer = Tracing  # type: ignore[misc]
    try:
        result = stage.cluster_rows([], corpus.rows, config, cache=None, **_stage_kwargs(corpus))
    finally:
        stage.StoryClusterer = original  # type: ignore[misc]
    return result, Tracing.instances[-1], gold


def report(corpus: Corpus, config: ClusterConfig, examples: int) -> None:
    result, tracer, gold = replay(corpus, config)
    story_of = result.story_of()
    line_of = result.storylines
    rows = {r["id"]: r for r in corpus.rows}
    day = {aid: day_number(r.get("published")) for aid, r in rows.items()}
    print(f"\n=== {corpus.name} ({config.name}) ===")
    sc = corpus.score(story_of)
    sl = corpus.score({a: line_of.get(s, s) for a, s in story_of.items()})
    print(
        f"stories    B3 F1 {sc.bcubed_f1:.3f} (P {sc.bcubed_precision:.3f} / R {sc.bcubed_recall:.3f})"
    )
    print(
        f"storylines B3 F1 {sl.bcubed_f1:.3f} (P {sl.bcubed_precision:.3f} / R {sl.bcubed_recall:.3f})"
    )
    ids = [aid for aid in tracer.order if aid in gold]
    pos = {aid: n for n, aid in enumerate(tracer.order)}

    # recall losses
    table: dict[str, Counter] = defaultdict(Counter)
    b3: Counter[str] = Counter()  # each pair's share of the B-cubed recall lost
    gold_size = Counter(gold[a] for a in ids)
    by_event: dict[object, Counter] = defaultdict(Counter)
    examples_of: dict[str, list] = defaultdict(list)
    total = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if gold[a] != gold[b] or story_of[a] == story_of[b]:
                continue
            early, late = (a, b) if pos[a] < pos[b] else (b, a)
            miss = tracer.misses.get((early, late), Miss("merged later/other", 0.0, 0.0))
            da, db = day[early], day[late]
            gap = abs(da - db) if da is not None and db is not None else None
            table[miss.reason][gap_bucket(gap)] += 1
            b3[miss.reason] += 2 / (len(ids) * gold_size[gold[a]])
            b3[gap_bucket(gap)] += 2 / (len(ids) * gold_size[gold[a]])
            by_event[gold[a]][miss.reason] += 1
            total += 1
            examples_of[miss.reason].append((gap, miss, early, late))
    cols = [name for _, name in GAP_BUCKETS] + ["undated"]
    print(f"\nrecall losses: {total} gold-same pairs in different stories")
    print(
        f"{'reason':<28}"
        + "".join(f"{c:>9}" for c in cols)
        + f"{'total':>9}{'share':>8}{'B3 R lost':>10}"
    )
    for reason, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(counts.values())
        print(f"{reason:<28}" + "".join(f"{counts[c]:>9}" for c in cols)
              + f"{n:>9}{n / total:>8.1%}{b3[reason]:>10.3f}")  # fmt: skip
    col_tot = Counter()
    for counts in table.values():
        col_tot.update(counts)
    print(f"{'all':<28}" + "".join(f"{col_tot[c]:>9}" for c in cols) + f"{total:>9}")
    print(f"{'B3 recall lost':<28}" + "".join(f"{b3[c]:>9.3f}" for c in cols)
          + f"{sum(b3[c] for c in cols):>9.3f}")  # fmt: skip
    print("\nby gold event (pairs lost, largest first; span of publication days):")
    for label, counts in sorted(by_event.items(), key=lambda kv: -sum(kv[1].values()))[:12]:
        members = [a for a in ids if gold[a] == label]
        days = [day[a] for a in members if day[a] is not None]
        stories = len({story_of[a] for a in members})
        lines = len({line_of.get(story_of[a], story_of[a]) for a in members})
        title = (rows[members[0]].get("title") or "")[:60]
        print(f"  {label!s:<6} {len(members):>3} arts {stories:>3} stories {lines:>3} lines "
              f"{(max(days) - min(days)) if days else 0:>4} d  {sum(counts.values()):>5} "
              f"{dict(counts.most_common(3))}  {title}")  # fmt: skip
    if examples:
        for reason, ex in examples_of.items():
            print(f"\n  examples: {reason}")
            ex.sort(key=lambda x: x[0] if x[0] is not None else 10**6)
            seen = set()
            for gap, miss, early, late in ex:
                if late in seen:
                    continue
                seen.add(late)
                print(f"    gap {gap} d cos {miss.cosine:.2f} score {miss.score:.2f}\n"
                      f"      {rows[early].get('published', '')[:10]} {(rows[early].get('title') or '')[:90]}\n"
                      f"      {rows[late].get('published', '')[:10]} {(rows[late].get('title') or '')[:90]}")  # fmt: skip
                if len(seen) >= examples:
                    break

    # precision losses
    ptable: dict[str, Counter] = defaultdict(Counter)
    pex: dict[str, list] = defaultdict(list)
    pb3: Counter[str] = Counter()
    pred_size = Counter(story_of[a] for a in ids)
    ptotal = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if gold[a] == gold[b] or story_of[a] != story_of[b]:
                continue
            early, late = (a, b) if pos[a] < pos[b] else (b, a)
            if late in tracer.reprinted and early in tracer.members_then.get(late, ()):
                how = "reprint"
            elif early in tracer.members_then.get(late, ()):
                how = tracer.joins[late][0] if late in tracer.joins else "started?"
            else:
                how = "merge / via later articles"
            da, db = day[early], day[late]
            gap = abs(da - db) if da is not None and db is not None else None
            ptable[how][gap_bucket(gap)] += 1
            pb3[how] += 2 / (len(ids) * pred_size[story_of[a]])
            pb3[gap_bucket(gap)] += 2 / (len(ids) * pred_size[story_of[a]])
            ptotal += 1
            pex[how].append((gap, early, late))
    print(f"\nprecision losses: {ptotal} gold-different pairs in one story")
    print(
        f"{'joined by':<28}" + "".join(f"{c:>9}" for c in cols) + f"{'total':>9}{'B3 P lost':>10}"
    )
    for how, counts in sorted(ptable.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{how:<28}" + "".join(f"{counts[c]:>9}" for c in cols)
              + f"{sum(counts.values()):>9}{pb3[how]:>10.3f}")  # fmt: skip
    print(f"{'B3 precision lost':<28}" + "".join(f"{pb3[c]:>9.3f}" for c in cols))
    if examples:
        for how, ex in pex.items():
            print(f"\n  examples: {how}")
            for gap, early, late in ex[:examples]:
                j = tracer.joins.get(late)
                extra = f" score {j[1]:.2f} cos {j[2]:.2f}" if j else ""
                print(f"    gap {gap} d{extra}\n"
                      f"      {rows[early].get('published', '')[:10]} {(rows[early].get('title') or '')[:90]}\n"
                      f"      {rows[late].get('published', '')[:10]} {(rows[late].get('title') or '')[:90]}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default="news_cluster,gvc,meantime")
    parser.add_argument("--cache", default=str(CACHE))
    parser.add_argument("--config", help="a named configuration (default: the shipped one)")
    parser.add_argument("--examples", type=int, default=0, help="example pairs per reason")
    args = parser.parse_args()
    config = named_config(args.config) if args.config else ClusterConfig()
    for corpus in load_corpora(args.corpora.split(","), cache=Path(args.cache)):
        report(corpus, config, args.examples)


if __name__ == "__main__":
    main()
