"""What an article is made of for clustering: weighted terms, names, and a day number.

Term weights need no corpus of our own: a word's rarity in general English
(wordfreq's Zipf scale) stands in for its inverse document frequency, so an
article's vector is the same whatever was ingested before it. That keeps online
clustering deterministic and lets the first article of a database be weighed as
well as the millionth.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.signals import EMPTY, Signals, digest, subject_scores, subject_tickers
from newsfuse.cluster.teams import team_names

WORD = re.compile(r"(?<![0-9A-Za-z])(?:[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z])(?![0-9A-Za-z])")
"""A word: letters only, and not glued to digits ("4th", "1st", "F16" are no terms)."""
_DEFAULT = ClusterConfig()


@lru_cache(maxsize=200_000)
def rarity(
    word: str, common: float = _DEFAULT.common_zipf, unseen: float = _DEFAULT.unseen_zipf
) -> float:
    """How much one occurrence of ``word`` (lower case) says: 0 for function words.

    Zipf 7.5 is about "the"; words at or above ``common`` carry no weight at all.
    """
    zipf = zipf_frequency(word, "en") or unseen
    return max(0.0, common - zipf) if zipf < common else 0.0


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """Fold plurals and possessives ("missiles", "Japan's") onto a word wordfreq knows.

    A suffix comes off only when what is left is a word about as common as the whole
    (within a factor of ten), so "Christmas" and "Paris" stay whole.
    """
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        floor = max(zipf_frequency(word, "en") - 1.0, 0.5)
        for stem in (word[:-3] + "y", word[:-1]) if word.endswith("ies") else (word[:-1],):
            if zipf_frequency(stem, "en") >= floor:
                return stem
    return word


def term_counts(
    text: str, limit: int | None = None, name_boost: float = _DEFAULT.name_boost
) -> Counter[str]:
    """Stemmed lower-case terms of ``text`` with names counted a little more."""
    counts: Counter[str] = Counter()
    previous_end = ""
    for n, match in enumerate(WORD.finditer(text)):
        if limit is not None and n >= limit:
            break
        raw = match.group()
        sentence_start = match.start() == 0 or previous_end in '.!?\n"“'
        tail = text[match.end() : match.end() + 2].strip()
        previous_end = tail[:1] if tail else ""
        capital = raw[0].isupper() and not sentence_start
        counts[_stem(raw.lower())] += name_boost if capital else 1.0
    return counts


@dataclass(frozen=True)
class ArticleFeatures:
    """An article as the clusterer sees it."""

    id: str
    vector: dict[str, float]  # L2-normalised term weights
    day: int | None  # publication: days since 1970-01-01, or None when undated
    signals: Signals = EMPTY  # who, where, when, how many (from annotations)
    embedding: Any = None  # unit vector of title and lead (numpy), when embeddings are on
    phrases: frozenset[str] = frozenset()  # two-word phrases of title and lead, not names
    title_phrases: frozenset[str] = frozenset()  # ...of them, those of the title
    names: frozenset[str] = frozenset()  # names as written, no person's or place's


def vectorise(title: str | None, text: str, config: ClusterConfig = _DEFAULT) -> dict[str, float]:
    """Sub-linear term frequency times rarity, the title counted ``config.title_weight``
    times, the body's first ``config.lead_words`` words only; L2-normalised."""
    counts = term_counts(text, config.lead_words, config.name_boost)
    if title:
        for term, c in term_counts(title, None, config.name_boost).items():
            counts[term] += config.title_weight * c
    vector = {}
    for term, c in counts.items():
        w = rarity(term, config.common_zipf, config.unseen_zipf)
        if w > 0:
            vector[term] = (1.0 + math.log(c)) * w if c >= 1 else c * w
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
"""Actor labels that are names of someone or somewhere (not "NOUN": "the company")."""


def _name_words(
    annotations: dict | None,
    labels: frozenset[str] | tuple[str, ...] = NAME_LABELS,
    places: bool = True,
) -> list[frozenset[str]]:
    """The words of each name the annotations found (actors of ``labels``, and places),
    stemmed as terms."""
    if not annotations:
        return []
    names = [a.get("name") for a in annotations.get("actors", ()) if a.get("label") in labels]
    if places:
        names += [p.get("name") for p in annotations.get("places", ())]
    return [frozenset(_stem(w.lower()) for w in WORD.findall(n)) for n in names if n]


def phrases(
    title: str | None, text: str, config: ClusterConfig = _DEFAULT, annotations: dict | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """Pairs of adjacent words of the title and lead ("panama papers", "equifax breach",
    "missile launch"), both words carrying weight (see :func:`rarity`), nothing but
    spaces between them, and not both inside one name the annotations found ("north
    korea", "general motors"): the words a happening is called by, as against who took
    part in it. Which of them name a happening is a matter of how rare they are among
    the articles clustered (``ClusterConfig.name_phrase_share``). Returns those of title
    and lead, and those of the title alone."""
    inside = _name_words(annotations)
    title_found = _adjacent_pairs(title or "", inside, config)
    lead = " ".join(text.split()[: config.lead_words])
    return title_found | _adjacent_pairs(lead, inside, config), title_found


def _adjacent_pairs(
    part: str, inside: list[frozenset[str]], config: ClusterConfig
) -> frozenset[str]:
    found: set[str] = set()
    previous: tuple[str, int] | None = None
    for match in WORD.finditer(part):
        word = _stem(match.group().lower())
        content = rarity(word, config.common_zipf, config.unseen_zipf) > 0
        if previous and content and not part[previous[1] : match.start()].strip():
            first = previous[0]
            if first != word and not any(first in n and word in n for n in inside):
                found.add(f"{first} {word}")
        previous = (word, match.end()) if content else None
    return frozenset(found)


_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)
_NOT_BODIES = ("PERSON", "NORP", "GPE", "LOC", "FAC")
"""Actor labels of who and where (a person, a nationality, a place), not of a body."""
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+|\n+")


def written_names(
    title: str | None, text: str, config: ClusterConfig = _DEFAULT, annotations: dict | None = None
) -> frozenset[str]:
    """The names of bodies, products and events the title and lead write, by how English
    writes names: a run of capitalised words inside a sentence ("the Falcon Heavy rocket",
    "launched by SpaceX"), less the stop words at its ends ("The", "But"), months and
    days; a run that is only a sentence's first word says nothing (every sentence starts
    with a capital), nor one of a word under three letters. A run sharing a word with a person's or a place's name that the
    annotations found, or with a nationality's, is left out: who and where are evidence
    of their own. A title
    written in headline case (no weighty word after its first in lower case) is skipped.
    Each name is its words, stemmed as terms and lower case ("falcon heavy")."""
    taken = frozenset().union(*_name_words(annotations, _NOT_BODIES, places=True))
    lead = " ".join(text.split()[: config.lead_words])
    parts = [lead]
    if title and not _headline_case(title, config):
        parts.append(title)
    found: set[str] = set()
    for part in parts:
        for sentence in _SENTENCE.split(part):
            found.update(_capital_runs(sentence, taken, config))
    return frozenset(found)


def _headline_case(title: str, config: ClusterConfig) -> bool:
    words = [w for w in WORD.findall(title)[1:] if rarity(_stem(w.lower()), config.common_zipf) > 0]
    return bool(words) and all(w[0].isupper() for w in words)


def _stop(word: str) -> bool:
    """A stop word, also as the head of a contraction ("I've", "We'll")."""
    return word in STOP_WORDS or word.replace("’", "'").split("'")[0] in STOP_WORDS


def _capital_runs(sentence: str, taken: frozenset[str], config: ClusterConfig) -> set[str]:
    runs: list[list[tuple[str, int]]] = []  # (word, its place in the sentence)
    end = None
    for n, match in enumerate(WORD.finditer(sentence)):
        word = match.group()
        joined = end is not None and not sentence[end : match.start()].strip()
        if word[0].isupper() and word.lower() not in _CALENDAR:
            if joined and runs and runs[-1][-1][1] == n - 1:
                runs[-1].append((word, n))
            else:
                runs.append([(word, n)])
        end = match.end()
    found = set()
    for run in runs:
        words = [(_stem(w.lower()), n) for w, n in run]
        while words and _stop(words[0][0]):
            words.pop(0)
        while words and _stop(words[-1][0]):
            words.pop()
        if not words or (len(words) == 1 and (words[0][1] == 0 or len(words[0][0]) < 3)):
            continue
        if any(w in taken for w, _ in words):
            continue
        found.add(" ".join(w for w, _ in words))
    return found


def day_number(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal() - 719163
    except ValueError:
        return None


def features(
    article_id: str,
    title: str | None,
    text: str,
    published: str | None = None,
    config: ClusterConfig = _DEFAULT,
    annotations: dict | None = None,
) -> ArticleFeatures:
    """An article's features; ``annotations`` as ``Store.cluster_signals`` gives them."""
    day = day_number(published)
    signals = digest(annotations, day, config.happening_lookback_days)
    tickers = subject_tickers(title, text)
    if tickers:
        signals = replace(signals, tickers=tickers)
    scores = subject_scores(title, text)
    if scores:
        signals = replace(signals, scores=scores)
    if config.team_places and annotations:
        signals = without_teams(signals, title, text, annotations, config.team_places)
    embedding = None
    if config.embedding_weight:
        from newsfuse.cluster.embedding import embed

        lead = " ".join(text.split()[: config.lead_words])
        embedding = embed([f"{title or ''}\n{lead}"])[0]
    return ArticleFeatures(
        article_id,
        vectorise(title, text, config),
        day,
        signals,
        embedding,
        *phrases(title, text, config, annotations),
        written_names(title, text, config, annotations) if config.rare_name_weight else frozenset(),
    )


def without_teams(
    signals: Signals, title: str | None, text: str, annotations: dict, how: str = "out"
) -> Signals:
    """``signals`` with the places the article uses as sports teams
    (``teams.team_names``) marked (``how`` "shared": they add nothing shared, see
    ``StoryClusterer._happening``) or left out ("out": no place, town or conflict of
    it): a club named after its town is an organisation ("Liverpool beat Chelsea 2-1"
    was not in Liverpool)."""
    names = [p.get("name") or "" for p in annotations.get("places", ())]
    teams = team_names(title, text, names)
    if not teams:
        return signals
    if how == "shared":
        return replace(signals, teams=teams)
    return replace(
        signals,
        entities=frozenset(e for e in signals.entities if not (e[:2] == "l:" and e[2:] in teams)),
        cities=frozenset(x for x in signals.cities if _bare(x) not in teams),
        lead_cities=frozenset(x for x in signals.lead_cities if _bare(x) not in teams),
    )


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def document_frequency(vectors: list[dict[str, float]]) -> Counter[str]:
    """In how many of ``vectors`` each term occurs."""
    df: Counter[str] = Counter()
    for vector in vectors:
        df.update(vector.keys())
    return df


def corpus_damping(df: Counter[str], n: int, config: ClusterConfig = _DEFAULT) -> dict[str, float]:
    """Per term, the factor (below 1) that caps its weight at ``corpus_idf_scale`` times
    its inverse document frequency among the ``n`` articles being clustered: a term
    general English finds rare but these articles use all the time (an outlet's house
    style, a corpus's one topic) says little about which happening an article reports.
    Empty below ``corpus_idf_docs`` articles."""
    if not config.corpus_idf_docs or n < config.corpus_idf_docs:
        return {}
    damping = {}
    for term, count in df.items():
        cap = config.corpus_idf_scale * math.log(n / count)
        weight = rarity(term, config.common_zipf, config.unseen_zipf)
        if weight > cap:
            damping[term] = cap / weight if weight else 0.0
    return damping


def day_spread(features: Iterable[ArticleFeatures]) -> Counter[str]:
    """On how many distinct publication days each term occurs (undated articles: none)."""
    days: dict[str, set[int]] = {}
    for f in features:
        if f.day is not None:
            for term in f.vector:
                days.setdefault(term, set()).add(f.day)
    return Counter({term: len(d) for term, d in days.items()})


def generic_terms(
    df: Counter[str],
    n: int,
    config: ClusterConfig = _DEFAULT,
    spread: Counter[str] | None = None,
) -> frozenset[str]:
    """Terms in at least ``generic_share`` of the ``n`` articles: the vocabulary of a
    genre ("qtr", "shooting"), not of one happening. Empty below ``corpus_idf_docs``.
    With ``generic_spread_days`` (and ``spread``, from :func:`day_spread`), a term must
    also occur on that many distinct days: a term frequent only because one happening
    filled a few days' news is that happening's, not the genre's."""
    if not config.generic_share or not config.corpus_idf_docs or n < config.corpus_idf_docs:
        return frozenset()
    floor = config.generic_share * n
    need = config.generic_spread_days if spread is not None else 0
    return frozenset(t for t, c in df.items() if c >= floor and (not need or spread[t] >= need))


def _tally(
    features: Iterable[ArticleFeatures], terms: Callable[[ArticleFeatures], Iterable[str]]
) -> tuple[Counter[str], int]:
    """How often each of ``terms`` of an article occurs over ``features``, and how many
    articles there are."""
    df: Counter[str] = Counter()
    n = 0
    for f in features:
        n += 1
        df.update(terms(f))
    return df, n


def _bare(name: str) -> str:
    """A name without its kind or region: "l:liverpool", "o:liverpool" and the town
    "liverpool|GB.ENG" are all "liverpool"."""
    return name.split("|", 1)[0] if "|" in name else name[2:]


def generic_names(
    features: Iterable[ArticleFeatures], config: ClusterConfig = _DEFAULT
) -> frozenset[str]:
    """Names (``Signals.entities``, and resolved towns as ``Signals.cities`` writes them)
    whose words are in at least ``generic_name_share`` of the articles: the topic's (the
    club, the president), which two reports of different happenings share as readily as
    two of one. A name counts whatever its kind and wherever the gazetteer put it:
    "Liverpool" the club read as an organisation in one sentence and a place in the next,
    "Newcastle" the English town in one article and the Australian one in another, is one
    name. A name must also be in ``generic_name_min_articles`` of them (0 in the shipped
    configuration; the experiment ``-11j`` asks 20, so that in a small database one
    happening's coverage, a story's city in 16 of the first 120 articles, does not fill
    the share). Empty when off or below ``corpus_idf_docs`` articles."""
    if not config.generic_name_share or not config.corpus_idf_docs:
        return frozenset()
    features = list(features)
    df, n = _tally(features, lambda f: {_bare(x) for x in (*f.signals.entities, *f.signals.cities)})
    if n < config.corpus_idf_docs:
        return frozenset()
    floor = max(config.generic_name_share * n, config.generic_name_min_articles)
    return frozenset(
        x
        for f in features
        for x in (*f.signals.entities, *f.signals.cities)
        if df[_bare(x)] >= floor
    )


def happening_names(
    features: Iterable[ArticleFeatures], config: ClusterConfig = _DEFAULT
) -> frozenset[str]:
    """The phrases (see :func:`phrases`) that name a happening among these articles: in
    at least two of them (a name is shared) and at most ``name_phrase_share`` of them
    (rare here, as a happening is among the happenings reported; "told reporters" and
    "sheriff's office" are a genre's). Empty unless ``name_bridge_days`` or
    ``name_weight`` is set."""
    if not config.name_bridge_days and not config.name_weight:
        return frozenset()
    df, n = _tally(features, lambda f: f.phrases)
    ceiling = max(2.0, config.name_phrase_share * n)
    return frozenset(p for p, count in df.items() if 2 <= count <= ceiling)


def rare_names(
    features: Iterable[ArticleFeatures],
    topic: frozenset[str] = frozenset(),
    config: ClusterConfig = _DEFAULT,
) -> frozenset[str]:
    """The written names (:func:`written_names`) that are a happening's here: in two
    articles or more, all published within ``rare_name_days`` of each other (a
    happening's name crowds into the days it is reported; "WWDC" once a year is a
    topic's), and not the topic's (``topic``: :func:`generic_names`). A name with an
    undated article is none: nothing shows it crowding into a few days. Empty when off
    or below ``corpus_idf_docs`` articles, where no name can yet show that it recurs."""
    if not config.rare_name_weight:
        return frozenset()
    features = list(features)
    if len(features) < config.corpus_idf_docs:
        return frozenset()
    days: dict[str, list[int | None]] = {}
    for f in features:
        for name in f.names:
            days.setdefault(name, []).append(f.day)
    topical = {_bare(x) for x in topic}
    return frozenset(
        name
        for name, seen in days.items()
        if len(seen) >= 2
        and None not in seen
        and max(seen) - min(seen) <= config.rare_name_days  # type: ignore[type-var,operator]
        and name not in topical
    )


def damped(f: ArticleFeatures, damping: dict[str, float]) -> ArticleFeatures:
    """``f`` with its term weights multiplied by ``damping`` and normalised again."""
    if not damping or not any(t in damping for t in f.vector):
        return f
    vector = {t: w * damping.get(t, 1.0) for t, w in f.vector.items()}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    vector = {t: v / norm for t, v in vector.items() if v > 0} if norm else {}
    return replace(f, vector=vector)
