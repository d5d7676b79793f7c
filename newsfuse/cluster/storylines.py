"""Storylines: stories about one developing situation, linked over weeks and months.

A story is one happening (a missile test, a signing, a verdict); a storyline is the
situation those happenings belong to (a year of missile tests; a pact signed in June,
troops deployed in September, a joint statement in December). Stories stay tight;
the long view lives here.

Stories are taken in the order their happenings began. A story joins the storyline
whose *core* (its first ``core_size`` stories) it is most like, when that likeness
reaches ``threshold`` and the storyline's last story is at most ``max_gap_days``
before this one began; otherwise it starts a storyline of its own. Likeness is the
cosine of the two term centroids (genre words damped as the clusterer damps them)
plus ``entity_weight`` times the overlap of the people, organisations and local places
they name. Joining through the core, never through the newest story, is what keeps a
storyline from walking from topic to topic over months.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from newsfuse.cluster.features import ArticleFeatures, cosine


@dataclass(frozen=True)
class StorylineConfig:
    """How stories become storylines. Change ``name`` whenever a value changes."""

    name: str = "storyline-2026-11"
    threshold: float = 0.2  # join the best storyline at or above this likeness
    entity_weight: float = 0.3  # added times the overlap of names (people, organisations, places)
    max_gap_days: int = 30  # a storyline silent for longer than this is closed
    core_size: int = 5  # stories a storyline is compared through (its first ones)
    min_shared_terms: int = 3  # a story shares at least this many terms with the core
    index_terms: int = 15  # heaviest terms of each core story that go into the index
    query_terms: int = 25  # heaviest terms of a story looked up in the index
    max_candidates: int = 40  # storylines scored in full for one story

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StoryDigest:
    """A story as the linker sees it: what its articles say, name, and when."""

    id: str
    first_day: int | None
    last_day: int | None
    vector: dict[str, float]  # L2-normalised sum of its articles' term vectors
    entities: frozenset[str]  # people (surname), organisations, local places
    articles: int = 1


def digest_story(story_id: str, members: Iterable[ArticleFeatures]) -> StoryDigest:
    """One story's digest from its articles' features (as the clusterer made them)."""
    total: dict[str, float] = defaultdict(float)
    entities: set[str] = set()
    days: list[int] = []
    count = 0
    for f in members:
        count += 1
        for term, weight in f.vector.items():
            total[term] += weight
        entities.update(f.signals.entities)
        day = f.signals.event_day if f.signals.event_day is not None else f.day
        if day is not None:
            days.append(day)
    norm = math.sqrt(sum(v * v for v in total.values()))
    vector = {t: v / norm for t, v in total.items()} if norm else {}
    return StoryDigest(
        story_id,
        min(days) if days else None,
        max(days) if days else None,
        vector,
        frozenset(entities),
        count,
    )


def story_digests(
    features: Mapping[str, ArticleFeatures], story_of: Mapping[str, str]
) -> list[StoryDigest]:
    """Every story's digest: ``features`` of each article (as the clusterer weighed them,
    genre words damped), ``story_of`` article id -> story id."""
    members: dict[str, list[ArticleFeatures]] = defaultdict(list)
    for article_id, story_id in story_of.items():
        if article_id in features:
            members[story_id].append(features[article_id])
    return [digest_story(sid, fs) for sid, fs in members.items()]


def storyline_id_for(first_story_id: str) -> str:
    """A storyline's id: stable, derived from the story that started it."""
    return "l" + hashlib.sha1(first_story_id.encode()).hexdigest()[:12]


@dataclass
class _Storyline:
    id: str
    core: list[StoryDigest] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    entities: Counter[str] = field(default_factory=Counter)
    last_day: int | None = None
    stories: list[str] = field(default_factory=list)

    def add(self, story: StoryDigest, core_size: int) -> None:
        self.stories.append(story.id)
        if story.last_day is not None:
            self.last_day = max(self.last_day or story.last_day, story.last_day)
        if core_size and len(self.core) >= core_size:
            return
        self.core.append(story)
        for term, weight in story.vector.items():
            self.centroid[term] += weight
        self.entities.update(story.entities)

    def likeness(self, story: StoryDigest, config: StorylineConfig) -> float:
        shared = sum(1 for t in story.vector if t in self.centroid)
        if shared < config.min_shared_terms:
            return 0.0
        norm = math.sqrt(sum(v * v for v in self.centroid.values()))
        words = cosine(story.vector, self.centroid) / norm if norm else 0.0
        names = _overlap(story.entities, self.entities)
        return words + config.entity_weight * names


def _overlap(a: Iterable[str], b: Mapping[str, int]) -> float:
    a = set(a)
    if not a or not b:
        return 0.0
    return sum(1 for x in a if x in b) / math.sqrt(len(a) * len(b))


def _order(story: StoryDigest) -> tuple[int, str]:
    return (story.first_day if story.first_day is not None else -(10**9), story.id)


def link_storylines(
    stories: Iterable[StoryDigest], config: StorylineConfig | None = None
) -> dict[str, str]:
    """Story id -> storyline id, for every story given (a plain function of its input:
    the same stories give the same storylines)."""
    config = config or StorylineConfig()
    lines: dict[str, _Storyline] = {}
    index: dict[str, list[str]] = defaultdict(list)  # term -> storylines whose core has it
    line_of: dict[str, str] = {}
    for story in sorted(stories, key=_order):
        best, best_score = None, 0.0
        for line in _candidates(story, lines, index, config):
            score = line.likeness(story, config)
            if score >= config.threshold and (best is None or score > best_score):
                best, best_score = line, score
        if best is None:
            best = _Storyline(storyline_id_for(story.id))
            lines[best.id] = best
        in_core = not config.core_size or len(best.core) < config.core_size
        best.add(story, config.core_size)
        if in_core:
            for term in _top(story.vector, config.index_terms):
                index[term].append(best.id)
        line_of[story.id] = best.id
    return line_of


def _top(vector: dict[str, float], n: int) -> list[str]:
    return [t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def _candidates(
    story: StoryDigest,
    lines: dict[str, _Storyline],
    index: dict[str, list[str]],
    config: StorylineConfig,
) -> list[_Storyline]:
    """Open storylines sharing the most of the story's heaviest terms, at most
    ``max_candidates`` (a storyline silent for over ``max_gap_days`` is closed)."""
    shared: Counter[str] = Counter()
    for term in _top(story.vector, config.query_terms):
        shared.update(set(index.get(term, ())))
    out = []
    for key, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        line = lines[key]
        if (
            config.max_gap_days
            and story.first_day is not None
            and line.last_day is not None
            and story.first_day - line.last_day > config.max_gap_days
        ):
            continue
        out.append(line)
        if len(out) == config.max_candidates:
            break
    return out
