"""Online story clustering: each article joins the best story so far or starts one.

A story is one happening. Candidates come from an inverted index over each article's
heaviest terms, so an article is compared with a bounded number of stories. It is
compared with a story's *core* (its first ``core_size`` members), never with whatever
joined last, so a story cannot walk from topic to topic; with the people, places and
figures those members name (``signals``); and with the span of days of the happening
(its own date from the lead's time expressions when ``use_event_day``), which grows
only when an article joins with strong evidence. Two stories become one only on
evidence as strong as a first join.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.features import ArticleFeatures, cosine
from newsfuse.cluster.signals import Signals

__all__ = ["Assignment", "ClusterConfig", "StoryClusterer", "story_id_for"]

NO_JOIN = -1.0  # the score of a story an article may not join at all


def story_id_for(first_article_id: str) -> str:
    """A story's id: stable, derived from the article that started it."""
    return "s" + hashlib.sha1(first_article_id.encode()).hexdigest()[:12]


def _set_cosine(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / sqrt(|a| |b|): how much two bags of names overlap, 0 when either is empty."""
    if not a or not b:
        return 0.0
    shared = sum(1 for x in a if x in b)
    return shared / math.sqrt(len(a) * len(b))


def _conflict(mine: Iterable[str], theirs: Counter[str], kind: str) -> bool:
    """Whether both name something of ``kind`` ("o:": organisations) and share none."""
    named = [e for e in mine if e.startswith(kind)]
    if not named or any(e in theirs for e in named):
        return False
    return any(e.startswith(kind) for e in theirs)


def _team_places(
    mine: Iterable[str], theirs: Iterable[str], cities: Iterable[str]
) -> frozenset[str]:
    """The names and towns (as ``Signals.entities`` and ``Signals.cities`` write them)
    of the clubs an article or a story uses as sports teams (bare names ``mine`` and
    ``theirs``): the place and the organisation, a club named after its town being one."""
    teams = set(mine) | set(theirs)
    towns = {x for x in cities if x.split("|", 1)[0] in teams}
    return frozenset({kind + t for t in teams for kind in ("l:", "o:")} | towns)


@dataclass
class _Story:
    id: str
    seq: int  # creation order: the older story survives a merge
    core_size: int  # members that make up the core; 0 for all of them
    members: list[ArticleFeatures] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # of the core
    entities: Counter[str] = field(default_factory=Counter)  # named in the core
    cities: Counter[str] = field(default_factory=Counter)
    lead_cities: Counter[str] = field(default_factory=Counter)  # towns the core's leads name
    dead: Counter[int] = field(default_factory=Counter)
    tickers: Counter[str] = field(default_factory=Counter)  # companies named by ticker
    scores: Counter[tuple[int, int]] = field(default_factory=Counter)  # match results
    teams: Counter[str] = field(default_factory=Counter)  # places used as teams (bare names)
    phrases: Counter[str] = field(default_factory=Counter)  # two-word phrases of the core
    names: Counter[str] = field(default_factory=Counter)  # names as written in the core
    days: Counter[int] = field(default_factory=Counter)  # happening days the core's leads give
    undated: Counter[int] = field(default_factory=Counter)  # publication days of the others
    first_day: int | None = None  # the happening's span of days
    last_day: int | None = None
    seen_first: int | None = None  # the days of all members, weak joins included
    seen_last: int | None = None
    core_members: int = 0
    _norm2: float = 0.0  # squared length of the centroid, kept up to date
    embedding: Any = None  # sum of the core's embeddings (numpy), when they are on
    _sketch: dict[str, float] | None = None  # the centroid's top terms, normalised; cached
    _sketch_size: int = 0  # core members when the sketch was made

    def sketch(self, terms: int) -> dict[str, float]:
        """The core centroid cut to its ``terms`` heaviest terms, L2-normalised: enough to
        compare two stories in bounded time however big they grow."""
        if self._sketch is None:
            self._sketch_size = self.core_members
            top = heapq.nlargest(terms, self.centroid.items(), key=lambda kv: (kv[1], kv[0]))
            norm = sum(w * w for _, w in top) ** 0.5
            self._sketch = {t: w / norm for t, w in top} if norm else {}
        return self._sketch

    def add(self, f: ArticleFeatures, day: int | None, grows_span: bool = True) -> None:
        self.members.append(f)
        if self.core_size == 0 or self.core_members < self.core_size:
            self._add_to_core(f)
        if day is not None:
            self.seen_first = day if self.seen_first is None else min(self.seen_first, day)
            self.seen_last = day if self.seen_last is None else max(self.seen_last, day)
        if day is not None and (grows_span or self.first_day is None):
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)

    def _add_to_core(self, f: ArticleFeatures) -> None:
        self.core_members += 1
        if self.core_members >= self._sketch_size + max(1, self._sketch_size // 10):
            self._sketch = None  # a core that grew by a tenth is compared afresh
        for term, w in f.vector.items():
            old = self.centroid[term]
            self.centroid[term] = old + w
            self._norm2 += (old + w) ** 2 - old * old
        if f.embedding is not None:
            self.embedding = (
                f.embedding.copy() if self.embedding is None else self.embedding + f.embedding
            )
        self.entities.update(f.signals.entities)
        self.cities.update(f.signals.cities)
        self.lead_cities.update(f.signals.lead_cities)
        self.dead.update(n for kind, n in f.signals.numbers if kind == "dead")
        self.tickers.update(f.signals.tickers)
        self.scores.update(f.signals.scores)
        self.teams.update(f.signals.teams)
        self.phrases.update(f.phrases)
        self.names.update(f.names)
        if f.signals.event_day is not None:
            (self.days if f.signals.dated else self.undated)[f.signals.event_day] += 1

    def centroid_cosine(self, vector: dict[str, float]) -> float:
        norm = self._norm2**0.5
        return cosine(vector, self.centroid) / norm if norm else 0.0

    def embedding_cosine(self, embedding: Any) -> float:
        if embedding is None or self.embedding is None:
            return 0.0
        norm = float((self.embedding @ self.embedding) ** 0.5)
        return float(embedding @ self.embedding) / norm if norm else 0.0

    def gap_days(self, day: int | None) -> int:
        if day is None or self.first_day is None or self.last_day is None:
            return 0
        if day < self.first_day:
            return self.first_day - day
        return max(0, day - self.last_day)

    def span_with(self, day: int | None) -> int:
        """Days from the story's earliest to its latest member if ``day`` joined it."""
        days = [d for d in (self.seen_first, self.seen_last, day) if d is not None]
        return max(days) - min(days) if days else 0

    def span_gap(self, other: _Story) -> int:
        """Days between two stories' spans (0 when they overlap or either is undated)."""
        if None in (self.first_day, self.last_day, other.first_day, other.last_day):
            return 0
        return max(0, other.first_day - self.last_day, self.first_day - other.last_day)  # type: ignore[operator]


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
        self.generic: frozenset[str] = frozenset()  # a genre's terms (see generic_terms)
        self.names: frozenset[str] = frozenset()  # phrases that name a happening (see
        # features.happening_names)
        self.topic_names: frozenset[str] = frozenset()  # names and towns of the topic, not
        # of one happening (see features.generic_names)
        self.rare_names: frozenset[str] = frozenset()  # names of bodies, products, events
        # rare enough here to be a happening's (see features.rare_names)

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

    def day_of(self, f: ArticleFeatures) -> int | None:
        """The day an article's happening counts as: its own date, or its publication's."""
        if self.config.use_event_day and f.signals.event_day is not None:
            return f.signals.event_day
        return f.day

    def _time_cost(self, gap: int) -> float:
        c = self.config
        if c.max_gap_days and gap > c.max_gap_days:
            return math.inf
        return c.gap_penalty * math.log2(1 + gap / c.half_life_days)

    def _same_people(self, signals: Signals, story: _Story) -> bool:
        """Whether an article names at least ``long_gap_people`` of the people its story's
        core names, or (with ``long_gap_towns``) resolves one of the core's towns:
        evidence strong enough for a follow-up weeks later (a trial, an arrest) to join
        the story of the happening."""
        if self.config.long_gap_towns:
            if self.config.follow_up_lead_towns:
                mine, theirs = signals.lead_cities, story.lead_cities
            else:
                mine, theirs = signals.cities, story.cities
            if any(x in theirs for x in mine):
                return True
        need = self.config.long_gap_people
        if not need:
            return False
        shared = sum(1 for e in signals.entities if e.startswith("p:") and e in story.entities)
        return shared >= need

    def _named(self, f: ArticleFeatures, story: _Story) -> bool:
        """Whether the article shares at least ``name_bridge_phrases`` of the phrases that
        name a happening with the story's core (from its title, with ``name_title_only``)."""
        c = self.config
        if not self.names:
            return False
        mine = f.title_phrases if c.name_title_only else f.phrases
        shared = sum(1 for p in mine if p in story.phrases and p in self.names)
        return shared >= c.name_bridge_phrases

    def _days(self, story: _Story) -> Iterable[int]:
        """The happening days a story's core gives, for the day conflict."""
        if self.config.day_conflict_undated and story.undated:
            return list(story.days) + list(story.undated)
        return story.days

    def _happening(
        self,
        entities: frozenset[str] | Counter[str],
        cities: frozenset[str] | Counter[str],
        dead: set[int] | Counter[int],
        story: _Story,
        days: set[int] | Counter[int] = frozenset(),  # type: ignore[assignment]
        words: float = 1.0,
        tickers: frozenset[str] | Counter[str] = frozenset(),
        scores: frozenset[tuple[int, int]] | Counter[tuple[int, int]] = frozenset(),
        names: frozenset[str] | Counter[str] = frozenset(),
        teams: frozenset[str] | Counter[str] = frozenset(),
    ) -> float:
        """Evidence from who, where, when and how many: shared names, and a shared
        rare name of a body, product or event, raise the score
        (times ``result_names`` when only one side gives a match result); a
        different town, a different death toll, a lead dated another day with no
        person in common, other companies named by ticker or another match result
        lower it. A place either side uses as a sports team (``team_places`` "shared")
        adds nothing as a shared name or town, but still tells two clubs apart."""
        c = self.config
        score = 0.0
        towns = story.lead_cities if c.city_lead_only else story.cities
        theirs = self._days(story)
        if c.day_conflict and days and theirs:
            apart = min(abs(d - e) for d in days for e in theirs)
            spared = ("p:", "l:") if c.day_conflict_places else ("p:",)
            people = any(e[:2] in spared and e in story.entities for e in entities) or (
                c.day_conflict_towns and any(x in towns for x in cities)
            )
            if apart > c.day_tolerance and not people:
                score -= c.day_conflict
        topic = self.topic_names
        if teams or story.teams:  # a shared club is a topic's, never a shared place
            topic = topic | _team_places(teams, story.teams, cities)
        # a result on one side only: the names are a club's, not this match's (result_names)
        named = c.result_names if bool(scores) != bool(story.scores) else 1.0
        if c.entity_weight and words >= c.min_cosine:  # names confirm a topic, never make one
            kinds = c.entity_kinds
            mine = {e for e in entities if e[:2] in kinds and e not in topic}
            theirs = {e for e in story.entities if e[:2] in kinds and e not in topic}
            if sum(1 for e in mine if e in theirs) >= c.min_shared_names:
                score += named * c.entity_weight * _set_cosine(mine, theirs)
        if c.rare_name_weight and words >= c.min_cosine and self._rare_shared(names, story):
            score += named * c.rare_name_weight
        if cities and towns:
            shared = [x for x in cities if x in towns]
            if not shared:
                score -= c.city_conflict
            elif words >= c.min_cosine and any(x not in topic for x in shared):
                score += named * c.city_match
        if c.org_conflict and _conflict(entities, story.entities, "o:"):
            score -= c.org_conflict
        if c.number_conflict and dead and story.dead and not any(n in story.dead for n in dead):
            score -= c.number_conflict
        if c.ticker_conflict and _conflict(tickers, story.tickers, ""):
            score -= c.ticker_conflict
        if (
            c.score_conflict
            and scores
            and story.scores
            and not any(x in story.scores for x in scores)
        ):
            score -= c.score_conflict
        return score

    def _rare_shared(self, names: Iterable[str], story: _Story) -> bool:
        rare = self.rare_names
        return bool(rare) and any(n in rare and n in story.names for n in names)

    def score(self, f: ArticleFeatures, story_id: str) -> float:
        story = self._stories[story_id]
        c = self.config
        shared = specific = 0
        for term in f.vector:
            if term in story.centroid:
                shared += 1
                specific += term not in self.generic
        if shared < c.min_shared_terms:  # one common word is a coincidence, not a story
            return 0.0
        if self.generic and specific < c.min_specific_terms:  # a genre's words are no happening
            return 0.0
        day = self.day_of(f)
        gap = story.gap_days(day)
        cost = self._time_cost(gap)
        if day is None or story.first_day is None:  # a gap that cannot be measured
            cost += c.unknown_time_cost
        too_long = bool(c.max_span_days) and story.span_with(day) > c.max_span_days
        named = self._named(f, story)
        if cost == math.inf or too_long:
            bridged = named and gap <= c.name_bridge_days
            if not bridged and (
                gap > c.long_gap_max_days or not self._same_people(f.signals, story)
            ):
                return NO_JOIN
            cost = min(cost, self._time_cost(c.max_gap_days))
        if named:  # a happening's name: time costs less, and it counts as evidence
            cost = min(cost, c.name_bridge_cost) if c.name_bridge_days else cost
            cost -= c.name_weight
        raw = story.centroid_cosine(f.vector)
        if c.centroid_weight < 1:  # members one by one only when they count
            best_member = max(
                (cosine(f.vector, m.vector) for m in story.members[: c.member_window]), default=0.0
            )
            raw = c.centroid_weight * raw + (1 - c.centroid_weight) * best_member
        if c.embedding_weight:
            semantic = story.embedding_cosine(f.embedding)
            raw = (1 - c.embedding_weight) * raw + c.embedding_weight * semantic
        dead = {n for kind, n in f.signals.numbers if kind == "dead"}
        dated = f.signals.dated or c.day_conflict_undated
        days = {f.signals.event_day} if dated and f.signals.event_day is not None else set()
        cities = f.signals.lead_cities if c.city_lead_only else f.signals.cities
        raw += self._happening(
            f.signals.entities,
            cities,
            dead,
            story,
            days,
            raw,
            f.signals.tickers,
            f.signals.scores,
            f.names,
            f.signals.teams,
        )
        return raw - cost

    def story_score(self, a: _Story, b: _Story) -> float:
        """How strongly two stories look like one happening, on the same scale as an
        article's score against a story: their cores' likeness and what they name,
        less the days between their spans."""
        cost = self._time_cost(a.span_gap(b))
        if cost == math.inf:
            return NO_JOIN
        if a.first_day is None or b.first_day is None:
            cost += self.config.unknown_time_cost
        raw = cosine(a.sketch(self.config.sketch_terms), b.sketch(self.config.sketch_terms))
        if self.config.embedding_weight and b.embedding is not None:
            w = self.config.embedding_weight
            norm = float((b.embedding @ b.embedding) ** 0.5) or 1.0
            raw = (1 - w) * raw + w * a.embedding_cosine(b.embedding / norm)
        cities = b.lead_cities if self.config.city_lead_only else b.cities
        evidence = self._happening(
            frozenset(b.entities), cities, b.dead, a, self._days(b), raw, b.tickers, b.scores,
            b.names, b.teams,
        )  # fmt: skip
        return raw + evidence - cost

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
            self._join(story, f, 1.0)
            return Assignment(f.id, story.id, 0.0, started=True)
        best_score, best = scored[0]
        folded: list[str] = []
        if best_score >= self.config.merge_threshold:  # a bridge: close to other stories too
            for other_score, sid in scored[1:]:
                if other_score < self.config.merge_threshold:
                    break
                if sid in self._stories and self._may_merge(best, sid):
                    a, b = self._stories[best], self._stories[sid]
                    survivor, gone = (a, b) if a.seq < b.seq else (b, a)
                    self._merge(survivor, gone)
                    folded.append(gone.id)
                    best = survivor.id
        others: list[str] = []
        if self.config.story_merge:  # judged before the article joins: it is no evidence
            others = [
                sid
                for _, sid in scored[1 : 1 + self.config.converge_candidates]
                if sid in self._stories and sid not in folded and self._may_merge(best, sid)
            ]
        self._join(self._stories[best], f, best_score)
        if others:
            best = self._absorb_converging(best, others, folded)
        return Assignment(f.id, best, best_score, tuple(folded))

    def _absorb_converging(self, story_id: str, others: list[str], folded: list[str]) -> str:
        """Merge into one the stories whose centroids the new article has brought close
        (``others``: those that may merge at all, see :meth:`_may_merge`).

        Returns the id of the story the article is now in; ``folded`` gets the ids of
        the stories that were merged away.
        """
        host = self._stories[story_id]
        for sid in others:
            if sid == host.id or sid in folded or sid not in self._stories:
                continue
            other = self._stories[sid]
            terms = self.config.sketch_terms
            similarity = cosine(host.sketch(terms), other.sketch(terms))
            if similarity >= self.config.story_merge and self._span_allows(host, other):
                survivor, gone = (host, other) if host.seq < other.seq else (other, host)
                self._merge(survivor, gone)
                folded.append(gone.id)
                host = survivor
        return host.id

    def _span_allows(self, a: _Story, b: _Story) -> bool:
        """Whether two stories together span at most ``max_span_days`` (0: no cap)."""
        if not self.config.max_span_days or b.seen_first is None:
            return True
        together = max(a.span_with(b.seen_first), a.span_with(b.seen_last))
        return together <= self.config.max_span_days

    def _may_merge(self, a: str, b: str) -> bool:
        """Two stories may become one only if together they span at most
        ``max_span_days``, and (with ``merge_evidence``) on evidence as strong as a
        first join."""
        first, second = sorted((self._stories[a], self._stories[b]), key=lambda s: s.seq)
        if not self._span_allows(first, second):
            return False
        if not self.config.merge_evidence:
            return True
        return self.story_score(first, second) >= self.config.threshold

    def add_to(self, f: ArticleFeatures, story_id: str | None, score: float = 1.0) -> Assignment:
        """Put an article in a known story (a wire copy goes where its original is),
        unless that story's happening is more than ``max_gap_days`` away or the story
        would span more than ``max_span_days``: a text published again months later,
        or a template filled in anew, is clustered like any article."""
        if story_id is None or story_id not in self._stories:
            return self.add(f)
        story, day, c = self._stories[story_id], self.day_of(f), self.config
        if (c.max_gap_days and story.gap_days(day) > c.max_gap_days) or (
            c.max_span_days and story.span_with(day) > c.max_span_days
        ):
            return self.add(f)
        self._join(self._stories[story_id], f, score)
        return Assignment(f.id, story_id, score)

    def restore(
        self,
        story_id: str,
        seq: int,
        members: list[ArticleFeatures],
        scores: list[float] | None = None,
    ) -> None:
        """Rebuild a story saved by an earlier run, members in their arrival order with
        the scores that put them there (0 for the first)."""
        story = self._make_story(story_id, seq)
        self._seq = max(self._seq, seq)
        for n, f in enumerate(members):
            score = 1.0 if scores is None or n == 0 else scores[n]
            self._join(story, f, score)

    def set_next_seq(self, seq: int) -> None:
        self._seq = max(self._seq, seq - 1)

    def _new_story(self, article_id: str) -> _Story:
        self._seq += 1
        return self._make_story(story_id_for(article_id), self._seq)

    def _make_story(self, story_id: str, seq: int) -> _Story:
        story = _Story(story_id, seq, self.config.core_size)
        self._stories[story_id] = story
        return story

    def _join(self, story: _Story, f: ArticleFeatures, score: float) -> None:
        story.add(f, self.day_of(f), score >= self.config.span_threshold)
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
            into.add(m, self.day_of(m))
            self._of_article[m.id] = into.id
            for term in self._top_terms(m, self.config.index_terms):
                self._index[term].pop(other.id, None)
                self._post(term, into.id)
        del self._stories[other.id]
