"""Leave-one-corpus-out (LOCO) evaluation of story clustering on the dev corpora.

Each corpus is ingested and annotated once into a SQLite file under a cache folder
(``/tmp/nf-loco`` by default); the article rows the cluster stage would read are
pickled beside it. Re-clustering with another configuration then takes seconds, so
a grid of settings can be scored on every corpus. For each corpus in turn, the
setting best on the *other* corpora is chosen and scored on this one: a figure from a
choice that never saw the corpus it is measured on. "Best" is the highest worst-corpus
B-cubed F1 over the other corpora, the rule the shipped configuration is chosen by over
all of them (``select="mean"``: the highest mean F1, the rule before 2026-11-29; the
rules that settle near-ties otherwise are in :mod:`newsfuse.evaluate.selection`).
"""

from __future__ import annotations

import inspect
import itertools
import math
import pickle
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.stage import cluster_rows
from newsfuse.evaluate.clusters import ClusterScores, gold_labels, score_clusters
from newsfuse.evaluate.selection import EPSILON, SELECTIONS, choose
from newsfuse.ingest import ingest_paths
from newsfuse.pipeline import CLUSTER
from newsfuse.store import Store

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
CACHE = Path("/tmp/nf-loco")
CACHE_VERSION = 4  # bump when what is pickled changes


@dataclass(frozen=True)
class CorpusSpec:
    name: str
    path: str  # relative to the shared eval folder
    label: str  # gold label field (dotted path)


CORPORA = (
    CorpusSpec("news_cluster", "news_cluster", "newsCluster.EventId"),
    CorpusSpec("gvc", "stories/gvc.jsonl", "gold"),
    CorpusSpec("meantime", "stories/meantime.jsonl", "gold"),
)


@dataclass
class Corpus:
    """One dev corpus, ready to cluster: the stage's input rows and the gold labels."""

    name: str
    rows: list[dict[str, Any]]  # as Store.unclustered_articles() gives them, in that order
    items: list[tuple[str, str, Hashable]]  # (labelled record, its stored article id, label)
    extra: dict[str, Any] = field(default_factory=dict)  # per-article inputs beyond the row
    cache: dict = field(default_factory=dict, repr=False)  # features kept between runs

    def score(self, story_of: Mapping[str, str]) -> ClusterScores:
        predicted = {src: story_of[aid] for src, aid, _ in self.items if aid in story_of}
        gold = {src: label for src, _, label in self.items}
        return score_clusters(predicted, gold)


def annotated_database(spec: CorpusSpec, base: Path, cache: Path = CACHE) -> Path:
    """The corpus ingested and annotated (not clustered) into ``cache``; made once."""
    db = cache / f"{spec.name}.db"
    if db.exists():
        return db
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f"{spec.name}.db.tmp"
    tmp.unlink(missing_ok=True)
    with Store(f"sqlite:///{tmp}") as store:
        # not clustered: every configuration of the grid clusters the stored rows itself
        ingest_paths([str(base / spec.path)], store, annotate=True, cluster=False)
    tmp.replace(db)
    return db


def load_corpus(spec: CorpusSpec, base: Path = SHARED_EVAL, cache: Path = CACHE) -> Corpus:
    """The corpus's rows and gold from the cache, annotating it first if need be."""
    pickled = cache / f"{spec.name}.v{CACHE_VERSION}.pkl"
    if pickled.exists():
        return pickle.loads(pickled.read_bytes())
    db = annotated_database(spec, base, cache)
    gold = gold_labels([str(base / spec.path)], spec.label)
    with Store(f"sqlite:///{db}") as store:
        store.clear_stories()
        rows = store.unclustered_articles()
        article_of = {row["source"]: row["id"] for row in store.iter_articles()}
        for dup in store.iter_duplicates():
            article_of.setdefault(dup["source"], dup["article_id"])
        extra = _extra_inputs(store, [r["id"] for r in rows])
    items = [(src, article_of[src], label) for src, label in gold.items() if src in article_of]
    corpus = Corpus(spec.name, rows, items, extra)
    pickled.write_bytes(pickle.dumps(corpus))
    return corpus


def _extra_inputs(store: Any, article_ids: list[str]) -> dict[str, Any]:
    """What the clusterer reads from the database beyond the article rows (if anything)."""
    reader = getattr(store, "cluster_signals", None)
    return {"signals": reader(article_ids)} if reader else {}


def load_corpora(names: Iterable[str] | None = None, cache: Path = CACHE) -> list[Corpus]:
    wanted = set(names) if names else None
    return [load_corpus(s, cache=cache) for s in CORPORA if wanted is None or s.name in wanted]


# -- clustering a corpus ----------------------------------------------------------------


def cluster_corpus(corpus: Corpus, config: ClusterConfig | None = None) -> ClusterScores:
    """B-cubed etc. of the shipped stage logic (or ``config``) on ``corpus``."""
    return corpus.score(corpus_stories(corpus, config))


def corpus_stories(corpus: Corpus, config: ClusterConfig | None = None) -> dict[str, str]:
    """Article id → story id from the shipped stage logic (or ``config``) on ``corpus``."""
    result = cluster_rows([], corpus.rows, config, cache=corpus.cache, **_stage_kwargs(corpus))
    return result.story_of()


def chunked_stories(db: Path, size: int, config: ClusterConfig | None = None) -> dict[str, str]:
    """Article id → story id when the articles of ``db`` (as :func:`annotated_database`
    leaves it) arrive ``size`` at a time, oldest first, each lot clustered by the cluster
    stage (its ``limit``) into the stories of those before it, the database carried from
    run to run, as a database fed by a feed grows. ``db`` is not changed: a copy is."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / db.name
        shutil.copyfile(db, copy)
        with Store(f"sqlite:///{copy}") as store:
            store.clear_stories()
            while CLUSTER(store, config, limit=size).articles:
                pass
            return store.story_ids()


def _stage_kwargs(corpus: Corpus) -> dict[str, Any]:
    accepted = inspect.signature(cluster_rows).parameters
    return {k: v for k, v in corpus.extra.items() if k in accepted}


# -- the TF-IDF single-pass baseline ----------------------------------------------------

_TOKEN = re.compile(r"\w\w+")


def tfidf_single_pass(rows: Sequence[Mapping[str, Any]], threshold: float = 0.25) -> dict[str, str]:
    """A plain baseline: title + first 150 words as TF-IDF (IDF from these rows), each
    article in order joins the story whose centroid is the most cosine-similar if that
    reaches ``threshold``, else starts one. English stop words (spaCy's list) are
    dropped; term frequency is sub-linear (1 + log tf). Returns article id → story number."""
    docs = []
    for row in rows:
        words = _TOKEN.findall((row.get("text") or "").lower())[:150]
        terms = _TOKEN.findall((row.get("title") or "").lower()) + words
        docs.append([t for t in terms if t not in STOP_WORDS])
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    n = len(docs)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    centroids: list[dict[str, float]] = []
    story_of: dict[str, str] = {}
    for row, d in zip(rows, docs, strict=True):
        vec = {t: (1 + math.log(c)) * idf[t] for t, c in Counter(d).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {t: v / norm for t, v in vec.items()}
        best, best_sim = -1, threshold
        for k, cen in enumerate(centroids):
            cnorm = math.sqrt(sum(v * v for v in cen.values())) or 1.0
            sim = sum(v * cen.get(t, 0.0) for t, v in vec.items()) / cnorm
            if sim >= best_sim:
                best, best_sim = k, sim
        if best < 0:
            centroids.append(defaultdict(float))
            best = len(centroids) - 1
        for t, v in vec.items():
            centroids[best][t] += v
        story_of[row["id"]] = str(best)
    return story_of


# -- leave one corpus out ---------------------------------------------------------------


def bcubed_text(score: ClusterScores) -> str:
    """A B-cubed score as the benchmarks print it: "F1 (P precision / R recall)"."""
    return f"{score.bcubed_f1:.3f} (P {score.bcubed_precision:.3f} / R {score.bcubed_recall:.3f})"


def changed_fields(config: ClusterConfig) -> dict[str, Any]:
    """The fields where ``config`` differs from the shipped configuration."""
    shipped = ClusterConfig()
    return {
        f.name: getattr(config, f.name)
        for f in fields(config)
        if getattr(config, f.name) != getattr(shipped, f.name)
    }


def expand_grid(
    grid: Mapping[str, Sequence[Any]], base: ClusterConfig | None = None
) -> list[ClusterConfig]:
    """Every combination of the values in ``grid`` (field name → values) over ``base``."""
    base = base or ClusterConfig()
    known = {f.name for f in fields(ClusterConfig)}
    unknown = set(grid) - known
    if unknown:
        raise ValueError(f"not ClusterConfig fields: {sorted(unknown)}; known: {sorted(known)}")
    keys = sorted(grid)
    return [replace(base, **dict(zip(keys, combo, strict=True)))
            for combo in itertools.product(*(grid[k] for k in keys))]  # fmt: skip


@dataclass(frozen=True)
class HeldOut:
    corpus: str
    config: ClusterConfig  # chosen on the other corpora
    tuned_f1: float  # its mean F1 on the corpora it was chosen on
    held_out: ClusterScores  # its scores on this corpus


def score_grid(
    corpora: Sequence[Corpus],
    configs: Sequence[ClusterConfig],
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, ClusterScores]]:
    """Scores of every config on every corpus (config order, then corpus name)."""
    out = []
    for n, config in enumerate(configs, start=1):
        out.append({c.name: cluster_corpus(c, config) for c in corpora})
        if progress:
            progress(n, len(configs))
    return out


def leave_one_out(
    corpora: Sequence[Corpus],
    configs: Sequence[ClusterConfig],
    scores: Sequence[Mapping[str, ClusterScores]],
    select: str = "worst",
    epsilon: float = EPSILON,
) -> list[HeldOut]:
    """For each corpus, the config best on the others, and its scores on the held-out one.

    ``select`` is how "best on the others" is judged, one of
    :data:`~newsfuse.evaluate.selection.SELECTIONS` (defined in
    :mod:`newsfuse.evaluate.selection`): ``"worst"`` (the default) takes the config
    whose worst B-cubed F1 over the other corpora is highest (ties: mean, then the
    earliest), the rule that chooses the shipped configuration over all corpora (see
    :func:`best_overall`), so the held-out figure measures that rule; ``"mean"`` the
    highest mean; ``"plateau"``, ``"plateau-mean"`` and ``"tied-median"`` settle
    near-ties by the config's grid neighbours or by the middle of the tied set.
    ``tuned_f1`` is the mean over the others whatever the rule.
    """
    if select not in SELECTIONS:
        raise ValueError(f"select must be one of {SELECTIONS}, not {select!r}")
    names = [c.name for c in corpora]
    settings = [asdict(c) for c in configs]
    f1 = figures(scores)
    out = []
    for held in names:
        others = [n for n in names if n != held]
        best = choose(settings, f1, others, select, epsilon)
        tuned = sum(f1[best][n] for n in others) / len(others)
        out.append(HeldOut(held, configs[best], tuned, scores[best][held]))
    return out


def figures(scores: Sequence[Mapping[str, ClusterScores]]) -> list[dict[str, float]]:
    """B-cubed F1 by corpus name, setting by setting."""
    return [{n: s.bcubed_f1 for n, s in row.items()} for row in scores]


def best_overall(
    corpora: Sequence[Corpus],
    scores: Sequence[Mapping[str, ClusterScores]],
    configs: Sequence[ClusterConfig] | None = None,
    select: str = "worst",
    epsilon: float = EPSILON,
) -> int:
    """Index of the config ``select`` chooses on all corpora (by default the one whose
    worst corpus figure is highest; ties: mean, earliest). The rules other than
    ``worst`` and ``mean`` need the ``configs`` (their grid)."""
    names = [c.name for c in corpora]
    settings = [asdict(c) for c in configs] if configs else [{} for _ in scores]
    return choose(settings, figures(scores), names, select, epsilon)
