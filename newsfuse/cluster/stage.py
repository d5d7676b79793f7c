"""Stage "cluster": put every stored article that is in no story yet into one.

The clusterer's state is rebuilt from what the database holds (stories and their
articles, in arrival order), then the new articles are added oldest first. So a
run on the same input gives the same stories, and an ingest of tomorrow's news
extends today's stories instead of starting over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.features import (
    ArticleFeatures,
    corpus_damping,
    damped,
    day_spread,
    document_frequency,
    features,
    generic_names,
    generic_terms,
    happening_names,
    rare_names,
)
from newsfuse.cluster.online import StoryClusterer
from newsfuse.cluster.reprints import ReprintIndex, minhash
from newsfuse.cluster.storylines import StorylineConfig, link_storylines, story_digests
from newsfuse.store.stories import UNRECORDED, Membership

if TYPE_CHECKING:
    from newsfuse.store import Store


@dataclass
class ClusterReport:
    articles: int = 0  # articles clustered in this run
    new_stories: int = 0
    merged: dict[str, str] = field(default_factory=dict)  # story → story it was folded into
    reprints: int = 0
    config: str | None = None  # the name of the configuration that clustered them
    # configurations other than ``config`` that made stories already stored: the
    # database mixes two models until `newsfuse cluster --rebuild`
    earlier_configs: list[str] = field(default_factory=list)

    def mixed_note(self) -> str | None:
        """A line for the user when these articles joined stories another configuration
        made, else None."""
        if not self.earlier_configs:
            return None
        return (
            f"stories stored before were made with {_configs(self.earlier_configs)}; these "
            f"articles were clustered with configuration {self.config}. `newsfuse cluster "
            "--rebuild` clusters every article again with one configuration"
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _configs(names: list[str]) -> str:
    """ "configuration X" for a name; an unrecorded one is said as it is."""
    said = [n if n == UNRECORDED else f"configuration {n}" for n in names]
    return " and ".join(said) if len(said) < 3 else ", ".join(said[:-1]) + " and " + said[-1]


def origin_of(row: dict[str, Any]) -> str:
    """Who wrote an article: its agency, else its outlet or web site, else the article itself."""
    if row.get("agency"):
        return str(row["agency"]).strip().lower()
    if row.get("outlet"):
        return str(row["outlet"]).strip().lower().removeprefix("www.")
    host = urlsplit(row.get("url") or "").hostname
    if host:
        return host.removeprefix("www.")
    return f"article:{row['id']}"


class _Prepared:
    """Features and MinHashes of articles, made once per configuration's relevant values.

    ``cache`` (a dict the caller keeps) lets the evaluation harness re-cluster the same
    articles under many configurations without redoing this work.
    """

    def __init__(
        self, config: ClusterConfig, cache: dict | None, signals: dict[str, dict] | None
    ) -> None:
        self.config = config
        self.cache = cache if cache is not None else {}
        self.signals = signals or {}

    def features(self, row: dict[str, Any], article_id: str) -> ArticleFeatures:
        key = ("f", article_id, self.config.feature_key())
        if key not in self.cache:
            self.cache[key] = features(article_id, row.get("title"), row.get("text") or "",
                                       row.get("published"), self.config,
                                       self.signals.get(article_id))  # fmt: skip
        return self.cache[key]

    def minhash(self, row: dict[str, Any], article_id: str):
        key = ("m", article_id, self.config.shingle, self.config.num_perm)
        if key not in self.cache:
            self.cache[key] = minhash(row["text"] or "", self.config.shingle, self.config.num_perm)
        return self.cache[key]


def cluster_new_articles(
    store: Store,
    config: ClusterConfig | None = None,
    *,
    rebuild: bool = False,
    limit: int | None = None,
) -> ClusterReport:
    """Cluster the stored articles that are in no story yet; see the module docstring.

    With ``rebuild`` every story is forgotten first and all articles are clustered
    again. With ``limit``, only that many of them (the oldest first; the rest wait for
    a later run), as a database that receives news a few articles at a time clusters it.
    One run at a time per database: a second waits for the first (a lock), then
    clusters what is still in no story.
    """
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be 1 or more (or None for all), not {limit}")
    with store.lock("cluster"):
        if rebuild:
            store.clear_stories()
        new_rows = store.unclustered_articles()
        if limit is not None:
            new_rows = new_rows[:limit]
        if not new_rows:
            return ClusterReport()
        return _cluster(store, new_rows, config or ClusterConfig(), rebuild)


@dataclass
class Clustering:
    """What one run of the clusterer decided, before anything is saved."""

    added: list[Membership]  # new memberships, story ids already followed through merges
    merged: dict[str, str]  # story → the story it ended in (stories of earlier runs only)
    new_stories: dict[str, int]  # stories this run started that survive, with their seq
    folded: dict[str, str]  # every story merged away in this run → where it ended
    reprints: int = 0
    storylines: dict[str, str] = field(default_factory=dict)  # every story → its storyline

    def story_of(self) -> dict[str, str]:
        return {m.article_id: m.story_id for m in self.added}


def prepare_clusterer(clusterer: StoryClusterer, feats: dict[str, ArticleFeatures]) -> dict:
    """Set what ``clusterer`` computes over all the articles it will see (``feats``: the
    stored and the new): a genre's terms, the phrases that name a happening, the topic's
    names. Returns the damping of term weights (see :func:`damped`) to apply to each."""
    config = clusterer.config
    df = document_frequency([f.vector for f in feats.values()])
    damping = corpus_damping(df, len(feats), config)
    spread = day_spread(feats.values()) if config.generic_spread_days else None
    clusterer.generic = generic_terms(df, len(feats), config, spread)
    clusterer.names = happening_names(feats.values(), config)
    clusterer.topic_names = generic_names(feats.values(), config)
    clusterer.rare_names = rare_names(feats.values(), clusterer.topic_names, config)
    if config.generic_weight != 1.0:
        for term in clusterer.generic:
            damping[term] = min(damping.get(term, 1.0), config.generic_weight)
    return damping


def cluster_rows(
    clustered: list[dict[str, Any]],
    new_rows: list[dict[str, Any]],
    config: ClusterConfig | None = None,
    next_seq: int = 1,
    cache: dict | None = None,
    signals: dict[str, dict] | None = None,
    storyline_config: StorylineConfig | None = None,
) -> Clustering:
    """Put ``new_rows`` (article rows, in arrival order) into stories.

    ``clustered`` are the rows of articles already in stories (with ``story_id``,
    ``story_seq``, ``position`` and ``origin``), in arrival order; they rebuild the
    clusterer's state. A plain function of its inputs: the stage and the evaluation
    harness both call it; ``cache`` is for the harness (see :class:`_Prepared`).
    ``signals``: article id → its annotations as ``Store.cluster_signals`` gives them.
    Every story, old and new, is then linked into storylines
    (:mod:`newsfuse.cluster.storylines`, ``storyline_config``).
    """
    config = config or ClusterConfig()
    prepared = _Prepared(config, cache, signals)
    clusterer = StoryClusterer(config)
    reprints = ReprintIndex(
        config.reprint_jaccard, shingle=config.shingle, num_perm=config.num_perm
    )
    origins: dict[str, str] = {}
    position = 0
    feats = {row["article_id"]: prepared.features(row, row["article_id"]) for row in clustered}
    feats.update((row["id"], prepared.features(row, row["id"])) for row in new_rows)
    damping = prepare_clusterer(clusterer, feats)
    restored: dict[tuple[str, int], list] = {}
    for row in clustered:
        aid = row["article_id"]
        restored.setdefault((row["story_id"], row["story_seq"]), []).append(
            (damped(feats[aid], damping), row["score"])
        )
        reprints.add(aid, row["text"] or "", prepared.minhash(row, aid))
        origins[row["article_id"]] = row["origin"]
        position = max(position, row["position"])
    for (story_id, seq), members in restored.items():
        clusterer.restore(story_id, seq, [f for f, _ in members], [s for _, s in members])
    clusterer.set_next_seq(next_seq)

    reprint_count = 0
    added: list[Membership] = []
    new_stories: dict[str, int] = {}
    merged: dict[str, str] = {}
    for row in new_rows:
        position += 1
        f = damped(feats[row["id"]], damping)
        original = reprints.add(row["id"], row["text"] or "", prepared.minhash(row, row["id"]))
        if original is not None:
            origins[row["id"]] = origins[original]
            assignment = clusterer.add_to(f, clusterer.story_of(original), score=1.0)
            reprint_count += 1
        else:
            origins[row["id"]] = origin_of(row)
            assignment = clusterer.add(f)
        if assignment.started:
            new_stories[assignment.story_id] = clusterer.seq_of(assignment.story_id)
        for gone in assignment.merged:
            merged[gone] = assignment.story_id
        added.append(
            Membership(
                row["id"],
                assignment.story_id,
                position,
                assignment.score,
                original,
                origins[row["id"]],
            )
        )
    # Follow chains of merges within this run to the surviving story.
    final = {sid: _survivor(sid, merged) for sid in merged}
    added = [
        Membership(
            m.article_id,
            _survivor(m.story_id, merged),
            m.position,
            m.score,
            m.reprint_of,
            m.origin,
        )
        for m in added
    ]
    born_and_merged = {sid for sid in new_stories if sid in final}
    story_of = {row["article_id"]: _survivor(row["story_id"], merged) for row in clustered}
    story_of.update((m.article_id, m.story_id) for m in added)
    weighed = {aid: damped(f, damping) for aid, f in feats.items()}
    lines = link_storylines(story_digests(weighed, story_of), storyline_config)
    return Clustering(
        added=added,
        merged={old: new for old, new in final.items() if old not in born_and_merged},
        new_stories={sid: seq for sid, seq in new_stories.items() if sid not in born_and_merged},
        folded=final,
        reprints=reprint_count,
        storylines=lines,
    )


def _cluster(
    store: Store, new_rows: list[dict[str, Any]], config: ClusterConfig, rebuild: bool
) -> ClusterReport:
    earlier = [] if rebuild else store.story_configs()
    clustered = list(store.clustered_articles())
    ids = [r["article_id"] for r in clustered] + [r["id"] for r in new_rows]
    signals = store.cluster_signals(ids)
    result = cluster_rows(clustered, new_rows, config, store.next_story_seq(), signals=signals)
    store.save_clustering(result.added, result.merged, result.new_stories, config, rebuild=rebuild)
    store.save_storylines(result.storylines)
    return ClusterReport(
        articles=len(result.added),
        new_stories=len(result.new_stories),
        merged=result.folded,
        reprints=result.reprints,
        config=config.name,
        earlier_configs=[name for name in earlier if name != config.name],
    )


def _survivor(story_id: str, merged: dict[str, str]) -> str:
    seen = set()
    while story_id in merged and story_id not in seen:
        seen.add(story_id)
        story_id = merged[story_id]
    return story_id
