"""A happening's name ("Panama Papers") bridges months; a company's name alone does not."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.cluster.config import ClusterConfig, named_config
from newsfuse.cluster.features import features, happening_names, phrases
from newsfuse.cluster.stage import cluster_rows

BRIDGE = replace(ClusterConfig(), name_bridge_days=730, name_bridge_phrases=2, name_bridge_cost=0.1)


def test_phrases_are_adjacent_weighty_words_outside_names():
    found, in_title = phrases(
        "Panama Papers: offshore leak",
        "The Panama Papers leak names leaders of North Korea and their offshore accounts.",
        annotations={"actors": [{"name": "North Korea", "label": "GPE"},
                                {"name": "the leaders", "label": "NOUN"}]},
    )  # fmt: skip
    assert {"panama paper", "offshore leak", "paper leak", "offshore account"} <= found
    assert in_title == {"panama paper", "offshore leak"}
    assert "north korea" not in found  # a name found by the annotations: who, not what
    assert "paper offshore" not in found  # a colon parts them
    assert "leader north" not in found  # "of" between them


def _row(aid: str, day: str, title: str, text: str) -> dict:
    return {"id": aid, "title": title, "text": text, "published": day, "url": f"http://x/{aid}"}


LEAK = (
    "Panama Papers leak reveals offshore accounts of world leaders",
    "The Panama Papers, a leak of documents from a law firm, reveal offshore accounts "
    "held by world leaders and their relatives, journalists said.",
)
FOLLOW_UP = (
    "Panama Papers: new leak reveals more offshore accounts",
    "A second leak from the Panama Papers reveals offshore accounts of business leaders, "
    "the journalists who published the documents said.",
)
RESULTS = (
    "Acme Corporation reports higher quarterly profit",
    "Acme Corporation reported higher quarterly profit on strong sales of its widgets, "
    "the company said.",
)
RESULTS_LATER = (
    "Acme Corporation widgets recalled",
    "Acme Corporation recalled its widgets after customers were hurt, the company said; "
    "Acme Corporation widgets will be replaced.",
)


def _stories(config: ClusterConfig) -> dict[str, str]:
    rows = [
        _row("leak", "2016-04-04", *LEAK),
        _row("acme", "2016-04-05", *RESULTS),
        _row("leak2", "2017-11-30", *FOLLOW_UP),
        _row("acme2", "2016-10-05", *RESULTS_LATER),
    ]
    acme = {"actors": [{"name": "Acme Corporation", "label": "ORG"}]}
    signals = {"acme": acme, "acme2": acme}
    return cluster_rows([], rows, config, signals=signals).story_of()


def test_a_happening_name_bridges_months_a_company_name_does_not():
    off = _stories(named_config("happening-2026-11e"))
    assert off["leak2"] != off["leak"]  # 605 days later: beyond any window
    on = _stories(BRIDGE)
    assert on["leak2"] == on["leak"]  # shares "panama paper", "offshore account", ...
    assert on["acme2"] != on["acme"]  # only the company in common ("acme corporation")


def test_happening_names_are_shared_and_rare_among_the_articles():
    config = replace(BRIDGE, name_phrase_share=0.5)
    feats = [features(str(n), *LEAK, "2016-04-04", config) for n in range(2)]
    feats.append(features("x", *RESULTS, "2016-04-04", config))
    names = happening_names(feats, config)
    assert "panama paper" in names and "acme corporation" not in names  # in one only
    assert happening_names(feats, named_config("happening-2026-11e")) == frozenset()  # off
