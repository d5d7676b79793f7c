"""Online story clustering: each article joins the best story so far or starts one.

Candidates come from an inverted index over each article's heaviest terms, so an
article is compared with a bounded number of stories, not with all of them. A
story is compared through its centroid and its most recent members; the score
fades with the days between the article and the story's date span. When an
article is close to two stories at once, they become one ("bridging").
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.features import ArticleFeatures, cosine

__all__ = ["Assignment", "ClusterConfig", "StoryClusterer", "story_id_for"]


def story_similarity(a: _Story, b: _Story, terms: int) -> float:
    """How alike two stories are: the cosine of their centroids' ``terms`` heaviest terms."""
    return cosine(a.sketch(terms), b.sketch(terms))


def story_id_for(first_article_id: str) -> str:
    """A story's id: stable, derived from the article that started it."""
    return "s" + hashlib.sha1(first_article_id.encode()).hexdigest()[:12]


@dataclass
class _Story:
    id: str
    seq: int  # creation order: the older story survives a merge
    members: list[ArticleFeatures] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    first_day: int | None = None
    last_day: int | None = None
    _norm2: float = 0.0  # squared length of the centroid, kept up to date
    _sketch: dict[str, float] | None = None  # the centroid's top terms, normalised; cached
    _sketch_size: int = 0  # members when the sketch was made

    def sketch(self, terms: int) -> dict[str, float]:
        """The centroid cut to its ``terms`` heaviest terms, L2-normalised: enough to
        compare two stories in bounded time however big they grow."""
        if self._sketch is None:
            self._sketch_size = len(self.members)
            top = heapq.nlargest(terms, self.centroid.items(), key=lambda kv: (kv[1], kv[0]))
            norm = sum(w * w for _, w in top) ** 0.5
            self._sketch = {t: w / norm for t, w in top} if norm else {}
        return self._sketch

    def add(self, f: ArticleFeatures) -> None:
        self.members.append(f)
        if len(self.members) >= self._sketch_size + max(1, self._sketch_size // 10):
            self._sketch = None  # a story that grew by a tenth is compared afresh
        for term, w in f.vector.items():
            old = self.centroid[term]
            self.centroid[term] = old + w
            self._norm2 += (old + w) ** 2 - old * old
        if f.day is not None:
            self.first_day = f.day if self.first_day is None else min(self.first_day, f.day)
            self.last_day = f.day if self.last_day is None else max(self.last_day, f.day)

    def centroid_cosine(self, vector: dict[str, float]) -> float:
        norm = self._norm2**0.5
        return cosine(vector, self.centroid) / norm if norm else 0.0

    def gap_days(self, day: int | None) -> int:
        if day is None or self.first_day is None or self.last_day is None:
            return 0
        if day < self.first_day:
            return self.first_day - day
        return max(0, day - self.last_day)


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    score: float  # 0 when the article started the story
    merged: tuple[str, ...] = ()  # stories folded into story_id by this article
    started: bool = False  # the article started a new story


class StoryClusterer:
    """Single-pass clusterer. Feed articles in a fixed order for a reproducible result."""

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self._stories: dict[str, _Story] = {}
        # term -> story ids, oldest first (a dict keeps insertion order); capped, so that a
        # term common to many stories costs a bounded amount per lookup
        self._index: dict[str, dict[str, None]] = defaultdict(dict)
        self._of_article: dict[str, str] = {}
        self._seq = 0

    # -- reading -------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        return self._of_article.get(article_id)

    def seq_of(self, story_id: str) -> int:
        return self._stories[story_id].seq

    def stories(self) -> dict[str, list[str]]:
        """Story id → member article ids, in the order they arrived."""
        return {sid: [m.id for m in s.members] for sid, s in self._stories.items()}

    # -- scoring -------------------------------------------------------------

    def _top_terms(self, f: ArticleFeatures, n: int) -> list[str]:
        return [t for t, _ in sorted(f.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]

    def _candidates(self, f: ArticleFeatures) -> list[str]:
        votes: dict[str, float] = defaultdict(float)
        for term in self._top_terms(f, self.config.query_terms):
            for sid in self._index.get(term, ()):
                votes[sid] += f.vector[term]
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], self._stories[kv[0]].seq))
        return [sid for sid, _ in ranked[: self.config.max_candidates]]

    def score(self, f: ArticleFeatures, story_id: str) -> float:
        story = self._stories[story_id]
        c = self.config
        shared = sum(1 for term in f.vector if term in story.centroid)
        if shared < c.min_shared_terms:  # one common word is a coincidence, not a story
            return 0.0
        raw = story.centroid_cosine(f.vector)
        if c.centroid_weight < 1:  # members one by one only when they count
            best_member = max(
                (cosine(f.vector, m.vector) for m in story.members[-c.member_window :]), default=0.0
            )
            raw = c.centroid_weight * raw + (1 - c.centroid_weight) * best_member
        gap = story.gap_days(f.day)
        return raw - c.gap_penalty * math.log2(1 + gap / c.half_life_days)

    # -- writing -------------------------------------------------------------

    def add(self, f: ArticleFeatures) -> Assignment:
        """Put one article in a story and return where it went."""
        if f.id in self._of_article:
            return Assignment(f.id, self._of_article[f.id], 1.0)
        scored = sorted(
            ((self.score(f, sid), sid) for sid in self._candidates(f)),
            key=lambda x: (-x[0], self._stories[x[1]].seq),
        )
        if not scored or scored[0][0] < self.config.threshold:
            story = self._new_story(f.id)
            self._join(story, f)
            return Assignment(f.id, story.id, 0.0, started=True)
        best_score, best = scored[0]
        bridged = [sid for s, sid in scored[1:] if s >= self.config.merge_threshold]
        folded: list[str] = []
        if bridged and best_score >= self.config.merge_threshold:
            survivor = min([best, *bridged], key=lambda sid: self._stories[sid].seq)
            folded = [sid for sid in [best, *bridged] if sid != survivor]
            for sid in folded:
                self._merge(self._stories[survivor], self._stories[sid])
            best = survivor
        self._join(self._stories[best], f)
        if self.config.story_merge:
            others = [sid for _, sid in scored[1 : 1 + self.config.converge_candidates]]
            best = self._absorb_converging(best, others, folded)
        return Assignment(f.id, best, best_score, tuple(folded))

    def _absorb_converging(self, story_id: str, others: list[str], folded: list[str]) -> str:
        """Merge into one the stories whose centroids the new article has brought close.

        Returns the id of the story the article is now in; ``folded`` gets the ids of
        the stories that were merged away.
        """
        host = self._stories[story_id]
        for sid in others:
            if sid == host.id or sid in folded or sid not in self._stories:
                continue
            other = self._stories[sid]
            similarity = story_similarity(host, other, self.config.sketch_terms)
            if similarity >= self.config.story_merge:
                survivor, gone = (host, other) if host.seq < other.seq else (other, host)
                self._merge(survivor, gone)
                folded.append(gone.id)
                host = survivor
        return host.id

    def add_to(self, f: ArticleFeatures, story_id: str | None, score: float = 1.0) -> Assignment:
        """Put an article in a known story (a wire copy goes where its original is)."""
        if story_id is None or story_id not in self._stories:
            return self.add(f)
        self._join(self._stories[story_id], f)
        return Assignment(f.id, story_id, score)

    def restore(self, story_id: str, seq: int, members: list[ArticleFeatures]) -> None:
        """Rebuild a story saved by an earlier run, members in their arrival order."""
        story = _Story(story_id, seq)
        self._stories[story_id] = story
        self._seq = max(self._seq, seq)
        for f in members:
            self._join(story, f)

    def set_next_seq(self, seq: int) -> None:
        self._seq = max(self._seq, seq - 1)

    def _new_story(self, article_id: str) -> _Story:
        sid = story_id_for(article_id)
        self._seq += 1
        story = _Story(sid, self._seq)
        self._stories[sid] = story
        return story

    def _join(self, story: _Story, f: ArticleFeatures) -> None:
        story.add(f)
        self._of_article[f.id] = story.id
        for term in self._top_terms(f, self.config.index_terms):
            self._post(term, story.id)

    def _post(self, term: str, story_id: str) -> None:
        postings = self._index[term]
        postings.pop(story_id, None)
        postings[story_id] = None  # now the most recent
        if len(postings) > self.config.postings_cap:
            del postings[next(iter(postings))]

    def _merge(self, into: _Story, other: _Story) -> None:
        for m in other.members:
            into.add(m)
            self._of_article[m.id] = into.id
            for term in self._top_terms(m, self.config.index_terms):
                self._index[term].pop(other.id, None)
                self._post(term, into.id)
        del self._stories[other.id]
