"""Fusion inside a story: canonical events and the comparison of numeric claims."""

from __future__ import annotations

import math

import pytest

from newsfuse.fuse.claims import ClaimValue, compare_claims, interval, place_after
from newsfuse.fuse.events import fuse_events, same_happening
from newsfuse.fuse.story import story_report
from newsfuse.ingest import ingest_paths


def _value(article, origin, value, qualifier=None, noun="troops", actor=None, place=None, text=""):
    low, high = interval(value, qualifier, text or str(value))
    return ClaimValue(article, origin, text or str(value), value, qualifier, low, high, noun,
                      actor, "counted", place, None)  # fmt: skip


def test_intervals_follow_the_qualifier():
    assert interval(10000, "more than", "") == (10000, math.inf)
    assert interval(10000, "approximately", "") == pytest.approx((9000, 11000))
    assert interval(50, "up to", "") == (0, 50)
    assert interval(None, "vague", "thousands of troops") == (1000, 99999)
    assert interval(None, "vague", "tens of thousands of people")[0] == 10000
    assert interval(12, None, "") == (12, 12)


def test_claims_agree_conflict_or_stand_alone():
    claims = compare_claims(
        [
            _value("a", "afp", 10000, "more than", actor="PRK"),
            _value("b", "ani", 10000, "approximately", actor="PRK", place="Russia"),
            _value("b", "ani", 8000, "around", actor="PRK", place="Kursk"),
            _value("c", "ap", 25, noun="people", text="25 hurt"),
            _value("d", "dpa", 27, noun="people", text="27 hurt"),
        ]
    )
    verdicts = {c.measure: c.verdict for c in claims}
    assert verdicts == {
        "PRK troops in Russia": "consistent",
        "PRK troops in Kursk": "only in ani",
        "people": "conflicting",
    }


def test_a_place_counts_only_right_after_the_number_in_its_clause():
    text = "around 8,000 deployed in the Kursk region, while 10,000 soldiers, and Kyiv"
    places = [
        {"start": text.index("Kursk"), "name": "Kursk"},
        {"start": text.index("Kyiv"), "name": "Kyiv"},
    ]
    assert place_after(text, len("around 8,000"), places) == "Kursk"
    assert place_after(text, text.index(" soldiers") + 9, places) is None


def _event(i, article, etype, src, tgt, date="2025-01-02", **kw):
    return {"id": i, "article_id": article, "sentence": 0, "event_type": etype, "origin": article,
            "source": [{"actorText": c, "code": c} for c in src],
            "target": [{"actorText": c, "code": c} for c in tgt],
            "date": date, "evidence": f"{etype} {src} {tgt}", **kw}  # fmt: skip


def test_events_merge_only_when_nothing_contradicts():
    a = _event(1, "x", "SANCTION", ["USA"], ["PRK"])
    assert same_happening(a, _event(2, "y", "SANCTION", ["USA"], []))
    assert same_happening(a, _event(3, "y", "SANCTION", ["USA"], ["PRK"], date="2025-01"))
    assert not same_happening(a, _event(4, "y", "SANCTION", ["USA"], ["IRN"]))
    assert not same_happening(a, _event(5, "y", "SANCTION", ["USA"], ["PRK"], date="2025-02-10"))
    assert not same_happening(a, _event(6, "y", "AID", ["USA"], ["PRK"]))
    assert not same_happening(a, _event(7, "y", "SANCTION", ["USA"], ["PRK"], negated=True))
    # naming no actor, two reports' mentions are one happening only on the same day their
    # own sentences state ("a clash on Sunday"), never a day that may be only the report's,
    # and with the same toll or place, none different
    unnamed = _event(8, "x", "FIGHT", [], [], date="2025-01-02", published="2025-01-04", dead=3)
    assert same_happening(unnamed, _event(9, "y", "FIGHT", [], [], published="2025-01-05", dead=3))
    assert not same_happening(unnamed, _event(9, "y", "FIGHT", [], [], published="2025-01-05"))
    assert not same_happening(unnamed, _event(9, "y", "FIGHT", [], [], dead=5))
    assert not same_happening(unnamed, _event(9, "x", "FIGHT", [], [], dead=3))  # one report
    assert not same_happening(unnamed, _event(9, "y", "FIGHT", [], [], date="2025-01-03", dead=3))
    assert not same_happening(
        _event(8, "x", "AID", [], [], published="2025-01-02", dead=3),
        _event(9, "y", "AID", [], [], dead=3),
    )
    assert not same_happening(unnamed, _event(9, "y", "FIGHT", ["RUS"], [], dead=3))
    fused = fuse_events(
        [a, _event(2, "y", "SANCTION", ["USA"], []), _event(6, "y", "AID", ["USA"], ["PRK"])]
    )
    assert [(c.event_type, len(c.mentions), c.sources) for c in fused] == [
        ("SANCTION", 2, ["x", "y"]),
        ("AID", 1, ["y"]),
    ]


def test_seeds_claim_comparison_and_coverage(shared, store):
    """The claims of seeds-gold.json: what agrees, and what only one source says."""
    ingest_paths([str(shared / "seeds")], store)
    story = story_report(store, next(store.iter_stories())["id"])
    assert story["independent_sources"] == 2
    claims = {c["measure"]: c for c in story["claims"]}

    russia = claims["PRK troops in Russia"]
    assert russia["verdict"] == "consistent"
    by_article = {(v["article_id"][:3], v["value"], v["qualifier"]) for v in russia["values"]}
    assert {
        ("000", 10000, "more than"),
        ("001", 10000, "approximately"),
        ("000", None, "vague"),
    } <= by_article
    blinken = next(v for v in russia["values"] if v["article_id"].startswith("001"))
    assert "Blinken" in blinken["attributed_to"]

    kursk = claims["PRK troops in Kursk region"]
    assert kursk["verdict"] == "only in ani" and kursk["values"][0]["value"] == 8000
    casualties = claims["PRK troops killed or wounded in Kursk"]
    assert casualties["verdict"] == "only in afp"
    assert casualties["values"][0]["attributed_to"] == "Ukraine"
    assert claims["people sanctioned"]["values"][0]["value"] == 9
    assert claims["entities sanctioned"]["values"][0]["value"] == 7
    assert claims["countries"]["verdict"] == "consistent"  # "Ten countries" vs ten named

    everyone = {item["what"] for item in story["coverage"]["all"]}
    assert "PRK troops in Russia" in everyone
    assert any(what.startswith("MOBILIZE PRK") or what.startswith("AID PRK") for what in everyone)
    only_one = {item["what"] for item in story["coverage"]["some"]}
    assert "PRK troops in Kursk region" in only_one


def test_claims_leave_out_other_groups_and_repeats():
    from newsfuse.fuse.claims import claim_values

    text = (
        "Two children died. Four other people were hurt. Five of the dead Americans were from Ohio."
    )
    quantities = [
        {"text": "Two children", "value": 2.0, "qualifier": None, "noun": "child", "start": 0, "end": 12, "sentence": 0},
        {"text": "Four other people", "value": 4.0, "qualifier": None, "noun": "people", "start": 19, "end": 36, "sentence": 1},
        {"text": "Five of the dead Americans", "value": 5.0, "qualifier": None, "noun": "american", "start": 52, "end": 78, "sentence": 2},
    ]  # fmt: skip
    values = claim_values("a", "ap", text, quantities, [], [])
    assert [v.noun for v in values] == ["children"]  # "other" and "of the" groups are left out
    twice = compare_claims([*values, *claim_values("a", "ap", text, quantities[:1], [], [])])
    assert len(twice) == 1 and len(twice[0].values) == 1  # said twice, counted once
    with_people = compare_claims([*values, _value("b", "afp", 4, noun="people")])
    assert {c.measure: c.verdict for c in with_people} == {
        "children killed": "only in ap",  # "Two children died"
        "people": "only in afp",
    }  # children and people are not one measure


def test_a_mention_dated_only_by_its_report_fits_the_week_before():
    """ "a clash two days ago" gets no day of its own: the coder gives it the article's
    date, which bounds the happening from above. It fits a mention that names the
    day (two days earlier), and the canonical event takes the stated day."""
    stated = _event("e1", "a1", "ASSAULT", [], ["ARM"], "2025-03-02", published="2025-03-04")
    by_report = _event("e2", "a2", "ASSAULT", [], ["ARM"], "2025-03-04", published="2025-03-04")
    later = _event("e3", "a3", "ASSAULT", [], ["ARM"], "2025-03-14", published="2025-03-14")
    fused = fuse_events([stated, by_report, later])
    assert sorted(len(c.mentions) for c in fused) == [1, 2]
    pair = next(c for c in fused if len(c.mentions) == 2)
    assert pair.date == "2025-03-02"
    # two days both stated in their sentences stay two happenings
    assert len(fuse_events([stated, dict(by_report, published="2025-03-05")])) == 2
