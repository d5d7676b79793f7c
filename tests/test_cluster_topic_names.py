"""A topic's names (``generic_name_share``) on a real database as it grows.

A name in 12% of the articles is the topic's, not a happening's; but in a small database
one happening's coverage alone can fill that share. The experiment ``happening-2026-11j``
(not shipped) asks a name to be in ``generic_name_min_articles`` (20) of them too, so a
story's city is not taken for the topic while the database is small and given back as
the database grows.
"""

from __future__ import annotations

import pytest

from newsfuse.cluster.config import ClusterConfig, named_config
from newsfuse.cluster.features import _bare, features, generic_names
from newsfuse.cluster.stage import cluster_new_articles
from newsfuse.ingest import ingest_documents
from newsfuse.model import RawDocument

OUTLETS = ("Yonhap", "NHK", "The Guardian", "Al Jazeera", "CNN", "Le Monde", "ABC News")
FIXTURES = ("Everton", "Arsenal", "Chelsea", "Fulham", "Burnley", "Watford", "Brentford")


def _doc(aid: str, title: str, text: str, day: int) -> RawDocument:
    meta = {"id": aid, "title": title, "outlet": OUTLETS[day % len(OUTLETS)],
            "published": f"2017-04-{day:02d}"}  # fmt: skip
    return RawDocument(f"{aid}.json", "text", text, meta)


def _launch(n: int) -> RawDocument:
    """One happening, reported by one outlet after another: its city in every report."""
    return _doc(f"launch{n}", f"North Korea fires missile from near Pyongyang ({n})",
                f"North Korea fired a ballistic missile from a site near Pyongyang early on "
                f"the {n + 1}th report's day, South Korea's military said. Report {n} of the "
                "launch quoted officials in Seoul and Tokyo.", 5)  # fmt: skip


def _club(n: int) -> RawDocument:
    """A topic: the club named by happening after happening (a match, a signing ...)."""
    other = FIXTURES[n % len(FIXTURES)]
    return _doc(f"club{n}", f"Liverpool news item {n}",
                f"Liverpool played {other} in fixture number {n}, and the club said its "
                f"squad for game {n} was settled.", 1 + n % 28)  # fmt: skip


def _filler(n: int) -> RawDocument:
    return _doc(f"filler{n}", f"Bakery prices rise, item {n}",
                f"A bakery raised bread prices by {n} cents after flour costs rose for the "
                f"{n}th week in a row.", 1 + n % 28)  # fmt: skip


def _topic_names(store, config: ClusterConfig) -> set[str]:
    """The topic's names as the cluster stage computes them over the whole database."""
    rows = list(store.iter_articles())
    signals = store.cluster_signals([r["id"] for r in rows])
    feats = [features(r["id"], r.get("title"), r.get("text") or "", r.get("published"),
                      config, signals.get(r["id"])) for r in rows]  # fmt: skip
    return {_bare(x) for x in generic_names(feats, config)}


def test_a_storys_city_is_not_the_topic_because_the_database_is_small(store):
    """14 reports of one launch near Pyongyang and 26 Liverpool items among 100 articles:
    both are in 12% of them, but only Liverpool (in 26 articles, 20 or more) is the
    topic's under ``-11j``. Under the shipped ``-11i`` Pyongyang is too, until the database
    grows past 116."""
    ingest_documents([_launch(n) for n in range(14)] + [_club(n) for n in range(26)], store)
    ingest_documents([_filler(n) for n in range(60)], store, annotate=False)
    assert len(list(store.iter_articles())) == 100
    experiment, before = named_config("happening-2026-11j"), ClusterConfig()
    assert {"pyongyang", "liverpool"} <= _topic_names(store, before)
    small = _topic_names(store, experiment)
    assert "liverpool" in small and "pyongyang" not in small

    ingest_documents([_filler(n) for n in range(60, 400)], store, annotate=False)
    grown = _topic_names(store, experiment)
    assert "pyongyang" not in grown  # the same verdict as when the database was small
    assert "pyongyang" not in _topic_names(store, before)  # -11i: it flipped


def test_a_database_fed_a_few_articles_at_a_time_is_clustered_oldest_first(store):
    """``cluster_new_articles(limit=)`` takes the oldest articles in no story, as a
    database fed by a feed gets them; the rest wait for the next run."""
    ingest_documents([_filler(n) for n in range(5)], store, annotate=False)
    assert cluster_new_articles(store, limit=2).articles == 2
    assert set(store.story_ids()) == {"filler0", "filler1"}  # published 2017-04-01, -02
    assert cluster_new_articles(store, limit=2).articles == 2
    assert cluster_new_articles(store, limit=2).articles == 1
    assert cluster_new_articles(store, limit=2).articles == 0
    with pytest.raises(ValueError, match="1 or more"):
        cluster_new_articles(store, limit=0)
