"""Reads at any story size: the stored fusion and its versions, story pagination, caps
with exact totals, and the map counted in SQL (each against the simple way it was done)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from newsfuse.fuse import story as story_module
from newsfuse.fuse.claims import ClaimValue, compare_claims, interval
from newsfuse.fuse.events import CanonicalEvent, fuse_events, same_happening
from newsfuse.fuse.story import compute_fusion, refresh_fusions, story_report
from newsfuse.ingest import ingest_paths
from newsfuse.model import Article
from newsfuse.store import Store
from newsfuse.store.schema import stories, story_fusions
from newsfuse.store.stories import Membership
from newsfuse.web import create_app, data

from .conftest import EXAMPLES

# -- the simple ways, as they were before fusion and the map had to scale ----------------


def pairwise_fuse(events: list[dict[str, Any]]) -> list[CanonicalEvent]:
    """Every pair of mentions compared, joined transitively."""
    items = sorted(events, key=lambda e: (e["article_id"], e["sentence"], e["id"]))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if same_happening(a, items[j]):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, CanonicalEvent] = {}
    for i, e in enumerate(items):
        groups.setdefault(find(i), CanonicalEvent(e["event_type"])).mentions.append(e)
    return sorted(
        groups.values(),
        key=lambda c: (-len(c.sources), -len(c.mentions), c.event_type, c.mentions[0]["id"]),
    )


def rescan_compare(values: list[ClaimValue]) -> list[dict[str, Any]]:
    """compare_claims as it was: every claim, and every value of it, read for each value."""
    from newsfuse.fuse.claims import LISTED, _specificity

    claims: list[dict[str, Any]] = []  # noun, kind, actor, place, values
    for v in sorted(values, key=_specificity):
        fitting = [
            c
            for c in claims
            if v.noun == c["noun"]
            and v.kind == c["kind"]
            and (v.actor is None or c["actor"] is None or v.actor == c["actor"])
            and (v.place is None or c["place"] is None or v.place == c["place"])
        ]
        same_key = [c for c in fitting if c["actor"] == v.actor and c["place"] == v.place]
        agreeing = [
            c
            for c in fitting
            if max(v.low, *(x.low for x in c["values"])) <= min(v.high, *(x.high for x in c["values"]))
        ]  # fmt: skip
        chosen = (agreeing or ([] if v.qualifier == LISTED else same_key) or [None])[0]
        if chosen is None:
            chosen = {"noun": v.noun or "", "kind": v.kind, "actor": v.actor, "place": v.place,
                      "values": []}  # fmt: skip
            claims.append(chosen)
        if any((x.article_id, x.value, x.qualifier) == (v.article_id, v.value, v.qualifier)
               for x in chosen["values"]):  # fmt: skip
            continue
        chosen["values"].append(v)
        chosen["actor"] = chosen["actor"] or v.actor
        chosen["place"] = chosen["place"] or v.place
    out = []
    for c in claims:
        sources = sorted({v.origin for v in c["values"]})
        words = [c["actor"] or "", c["noun"]] + ([c["kind"]] if c["kind"] != "counted" else [])
        words += [f"in {c['place']}"] if c["place"] else []
        consistent = max(v.low for v in c["values"]) <= min(v.high for v in c["values"])
        verdict = ("only in " + ", ".join(sources) if len(sources) < 2
                   else "consistent" if consistent else "conflicting")  # fmt: skip
        out.append({"measure": " ".join(w for w in words if w), "verdict": verdict,
                    "sources": sources, "values": [v.to_dict() for v in c["values"]]})  # fmt: skip
    out.sort(key=lambda c: (-len(c["sources"]), -len(c["values"]), c["measure"]))
    return out


def event_by_event_map(store: Store, filters: dict[str, Any]) -> dict[str, Any]:
    """The map as it was: every event read, placed and counted in Python."""
    points: dict[tuple[float, float], dict[str, Any]] = {}
    placed = unplaced = 0
    for e in store.iter_events(limit=5000, **filters):
        point = data.event_point(
            e.get("location"), e.get("location_country"), e["location_lat"], e["location_lon"]
        )
        if point is None:
            unplaced += 1
            continue
        placed += 1
        lat, lon = round(point[0], 1), round(point[1], 1)
        p = points.setdefault(
            (lat, lon),
            {"lat": lat, "lon": lon, "x": lon + 180, "y": 90 - lat, "place": e.get("location")
             or data.country_name(e.get("location_country")), "country": e.get("location_country"),
             "events": 0, "types": {}},
        )  # fmt: skip
        p["events"] += 1
        p["types"][e["event_type"]] = p["types"].get(e["event_type"], 0) + 1
    for p in points.values():
        p["r"] = round(0.8 + 0.6 * math.sqrt(p["events"]), 2)
    return {"points": sorted(points.values(), key=lambda p: -p["events"]), "placed": placed,
            "unplaced": unplaced}  # fmt: skip


# -- fusion at scale gives what pairwise fusion gives ---------------------------------------

COUNTRIES = st.frozensets(st.sampled_from(["USA", "PRK", "RUS"]), max_size=2)
EVENT = st.fixed_dictionaries(
    {
        "event_type": st.sampled_from(["SANCTION", "AID"]),
        "negated": st.booleans(),
        "source": COUNTRIES,
        "target": COUNTRIES,
        "date": st.sampled_from([None, "2025-01", "2025-01-01", "2025-01-02", "2025-01-04"]),
        "location_country": st.sampled_from([None, "UKR", "RUS"]),
        "article_id": st.sampled_from(["a", "b", "c"]),
        "origin": st.sampled_from(["afp", "ap"]),
        "sentence": st.integers(0, 3),
    }
)


def _as_stored(drawn: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        dict(e, id=i, evidence=f"e{i}", source=[{"actorText": c, "code": c} for c in sorted(e["source"])],
             target=[{"actorText": c, "code": c} for c in sorted(e["target"])])
        for i, e in enumerate(drawn)
    ]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(EVENT, max_size=30))
def test_fuse_events_joins_what_pairwise_comparison_joins(drawn):
    events = _as_stored(drawn)
    assert [c.to_dict() for c in fuse_events(events)] == [
        c.to_dict() for c in pairwise_fuse(events)
    ]


VALUE = st.builds(
    lambda article, origin, number, qualifier, noun, kind, actor, place: ClaimValue(
        article, origin, str(number), number, qualifier,
        *interval(number, qualifier, str(number)), noun, actor, kind, place, None,
    ),
    st.sampled_from(["a", "b", "c"]), st.sampled_from(["afp", "ap"]),
    st.sampled_from([None, 8000.0, 10000.0, 12.0]),
    st.sampled_from([None, "more than", "approximately", "up to"]),
    st.sampled_from(["troops", "people", None]), st.sampled_from(["counted", "killed"]),
    st.sampled_from([None, "PRK"]), st.sampled_from([None, "Kursk", "Russia"]),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(VALUE, max_size=30))
def test_compare_claims_gives_what_rereading_every_value_gives(values):
    assert [c.to_dict() for c in compare_claims(values)] == rescan_compare(values)


# -- the stored fusion ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cache") / "examples.db"
    with Store(str(path)) as db:
        ingest_paths([str(EXAMPLES)], db)
    return path


@pytest.fixture
def db(examples_db, tmp_path):
    """The examples, ingested and clustered, in a database of this test's own."""
    path = tmp_path / "n.db"
    shutil.copy(examples_db, path)
    with Store(str(path)) as store:
        yield store


def _plain_pair(pair: tuple[list, int]) -> tuple[list, int]:
    from .test_postgres import _plain

    return _plain(pair[0]), pair[1]


def _version(store: Store, story_id: str) -> int:
    return store.story_version(story_id)


def _biggest(store: Store) -> dict[str, Any]:
    return max(store.iter_stories(), key=lambda s: (s["article_count"], s["id"]))


def test_the_fusion_is_stored_once_per_version_and_read_back(db):
    sid = _biggest(db)["id"]
    assert db.stories_without_fusion() != []
    first = story_report(db, sid)
    with db.engine.connect() as conn:
        stored = conn.execute(select(story_fusions).where(story_fusions.c.story_id == sid)).one()
    assert stored.version == _version(db, sid)
    assert story_report(db, sid) == first
    fresh = compute_fusion(db, sid)
    assert {k: first[k] for k in fresh} == fresh
    assert first["events"] and first["claims"] and first["event_mentions"] >= len(first["events"])
    assert refresh_fusions(db) == len(list(db.iter_stories())) - 1  # all but the one read
    assert db.stories_without_fusion() == []


def test_a_fusion_stored_by_older_fusion_logic_is_computed_again(db):
    sid = _biggest(db)["id"]
    current = story_report(db, sid)
    old = {**current, "events": [], "fusion_logic": story_module.FUSION_LOGIC - 1}
    assert db.save_fusion(sid, _version(db, sid), old)
    again = story_report(db, sid)
    assert again["events"] == current["events"]
    assert again["fusion_logic"] == story_module.FUSION_LOGIC


def test_a_bumped_version_makes_the_fusion_follow_rewritten_events(db):
    sid = _biggest(db)["id"]
    before = story_report(db, sid)
    aid = next(m["id"] for m in before["articles"] if any(db.iter_events(article_id=m["id"])))
    version = _version(db, sid)
    db.replace_events(aid, [])  # bumps the version itself
    assert _version(db, sid) == version + 1
    with db.engine.begin() as conn:  # what any other writer of events does in its transaction
        db.bump_story_versions(conn, [aid, aid, "no-such-article"])
    assert _version(db, sid) == version + 2
    after = story_report(db, sid)
    assert after["event_mentions"] < before["event_mentions"]
    mentioned = {m["article_id"] for e in after["events"] for m in e["mentions"]}
    assert aid not in mentioned
    assert after == story_report(db, sid)


def test_clustering_bumps_the_stories_it_changes_and_drops_merged_ones(db):
    ids = sorted(s["id"] for s in db.iter_stories())
    assert len(ids) >= 2
    keep, fold = ids[0], ids[1]
    for sid in ids:
        story_report(db, sid)
    versions = {sid: _version(db, sid) for sid in ids}
    db.add_article(Article(id="late", source="late.txt", text="Late news.", content_hash="late"))
    db.save_clustering([Membership("late", keep, 10_000, 0.5, None, "late")], {}, {})
    assert _version(db, keep) == versions[keep] + 1
    assert all(_version(db, sid) == versions[sid] for sid in ids[1:])
    assert db.cached_fusion(keep, versions[keep] + 1) is None
    assert db.cached_fusion(fold, versions[fold]) is not None
    assert "late" in [a["id"] for a in story_report(db, keep)["articles"]]

    db.save_clustering([], {fold: keep}, {})
    assert db.story_version(fold) is None
    assert _version(db, keep) == versions[keep] + 2
    with db.engine.connect() as conn:
        assert (
            conn.execute(
                select(story_fusions.c.story_id).where(story_fusions.c.story_id == fold)
            ).all()
            == []
        )
    db.clear_stories()
    with db.engine.connect() as conn:
        assert conn.execute(select(story_fusions)).all() == []
        assert conn.execute(select(stories)).all() == []


def test_a_fusion_computed_from_an_old_version_is_not_stored(db):
    sid = _biggest(db)["id"]
    version = _version(db, sid)
    fusion = compute_fusion(db, sid)
    with db.engine.begin() as conn:
        db.bump_story_versions(conn, [story_report(db, sid)["articles"][0]["id"]])
    assert not db.save_fusion(sid, version, fusion)
    assert not db.save_fusion("no-such-story", 1, fusion)
    assert db.save_fusion(sid, version + 1, fusion)


# -- pagination and caps --------------------------------------------------------------------


def test_story_articles_are_paginated_with_their_total(db):
    story = _biggest(db)
    sid = story["id"]
    full = story_report(db, sid)
    assert full["articles_total"] == story["article_count"] >= 2
    assert full["articles_limit"] is None and len(full["articles"]) == full["articles_total"]
    page = story_report(db, sid, limit=1, offset=1)
    assert page["articles"] == full["articles"][1:2]
    assert (page["articles_total"], page["articles_limit"], page["articles_offset"]) == (
        full["articles_total"], 1, 1)  # fmt: skip
    assert page["sources"] == full["sources"]  # the fusion is the whole story's
    with TestClient(create_app(db)) as client:
        twin = client.get(f"/stories/{sid}.json", params={"limit": 1, "offset": 1}).json()
        api = client.get(f"/api/stories/{sid}", params={"limit": 1, "offset": 1}).json()
        assert twin == api and twin["articles"] == page["articles"]
        assert len(client.get(f"/api/stories/{sid}").json()["articles"]) == min(
            data.STORY_ARTICLES, full["articles_total"]
        )
        html = client.get(f"/stories/{sid}", params={"limit": 1}).text
        assert 'id="article-pager"' in html and "later →" in html
        assert client.get(f"/api/stories/{sid}", params={"limit": 0}).status_code == 422


def test_what_a_story_lists_is_capped_and_its_totals_stay_exact(db, monkeypatch):
    sid = _biggest(db)["id"]
    full = compute_fusion(db, sid)
    for name in ("SHOWN_EVENTS", "SHOWN_MENTIONS", "SHOWN_CLAIMS", "SHOWN_VALUES",
                 "SHOWN_COVERAGE", "SHOWN_SOURCES", "SHOWN_SOURCE_ARTICLES"):  # fmt: skip
        monkeypatch.setattr(story_module, name, 1)
    capped = compute_fusion(db, sid)
    assert len(full["events"]) > 1 and len(capped["events"]) == 1
    assert capped["events_total"] == full["events_total"] == len(full["events"])
    assert capped["event_mentions"] == full["event_mentions"]
    top, whole = capped["events"][0], full["events"][0]
    assert top["mention_count"] == len(whole["mentions"]) and len(top["mentions"]) == 1
    assert top["source_count"] == len(whole["sources"]) and top["sources"] == whole["sources"][:1]
    assert capped["claims_total"] == len(full["claims"]) and len(capped["claims"]) <= 1
    assert capped["sources_total"] == len(full["sources"]) and len(capped["sources"]) == 1
    assert capped["sources"][0]["article_count"] == len(full["sources"][0]["articles"])
    for key in ("all", "some"):
        assert capped["coverage"][f"{key}_total"] == len(full["coverage"][key])
        assert len(capped["coverage"][key]) <= 1
    db.save_fusion(sid, _version(db, sid), capped)
    with TestClient(create_app(db)) as client:
        html = client.get(f"/stories/{sid}").text
    assert f"of {full['events_total']} (" in html


STORY_FILTERS = [{}, {"query": "armenia"}, {"query": "the said"}, {"query": "zzzqqq"},
                 {"query": "armenia", "actor": "ARM"}, {"country": "ARM"}]  # fmt: skip


def test_a_page_of_stories_is_the_list_and_count_it_stands_for(db):
    for filters in STORY_FILTERS:
        every = list(db.iter_stories(**filters))
        for limit, offset in ((1, 0), (2, 1), (50, 0)):
            items, total = db.page_of_stories(limit=limit, offset=offset, **filters)
            assert items == every[offset : offset + limit]
            assert total == db.count_stories(**filters) == len(every)
    assert db.page_of_stories(limit=5, query="armenia")[1] > 0


# -- the map --------------------------------------------------------------------------------

MAP_FILTERS = [
    {},
    {"event_type": "ASSAULT"},
    {"actor": "ARM"},
    {"country": "ARM"},
    {"quad_class": "verbal cooperation"},
    {"since": "2025-01-01"},
]


PLACED = [  # (type, location, country, date, stored point): named places, capitals,
    # unknown names, ties, and places resolved in their article (a point of their own)
    ("ASSAULT", "Kyiv", "UKR", "2025-03-01", None),
    ("ASSAULT", None, "UKR", "2025-03-02", None),
    ("FIGHT", "Kyiv", "UKR", "2025-03-02", None),
    ("FIGHT", "Kursk", "RUS", None, None),
    ("CONSULT", "Geneva", "CHE", "2025-03-02", None),
    ("CONSULT", "Nowhereville", None, "2025-02-01", None),
    ("AID", None, None, "2025-02-01", None),
    ("AID", None, "ARM", "2025-03-01", None),
    ("ASSAULT", "Kursk", "RUS", "2025-03-02", None),
    ("DEMAND", "Kursk", None, "2025-03", None),
    ("PROTEST", "Paris", "USA", "2025-03-02", (4717560, 33.66094, -95.55551)),  # Paris, Texas
    ("PROTEST", "Paris", "FRA", "2025-03-01", None),
    ("PROTEST", "Paris", "FRA", "2025-03-01", (2988507, 48.85341, 2.3488)),
    ("ASSAULT", "Nowhereville", "UKR", "2025-03-03", (703448, 50.45466, 30.5238)),
]


def _add_placed_events(store: Store) -> None:
    from newsfuse.model import Event, EventActor

    ids = sorted(store.story_ids())
    for n, aid in enumerate(ids):
        found = [
            Event(etype, "t", f"evidence {i}", source=(EventActor("Armenia", "ARM"),),
                  target=(EventActor("Azerbaijan", "AZE"),), location=place,
                  location_country=country, date=date, sentence=i,
                  location_geonameid=point and point[0], location_lat=point and point[1],
                  location_lon=point and point[2])
            for i, (etype, place, country, date, point) in enumerate(PLACED[n % 3 :])
        ]  # fmt: skip
        store.replace_events(aid, [*store_events(store, aid), *found])


def store_events(store: Store, article_id: str) -> list:
    from newsfuse.model import Event, EventActor

    return [
        Event(e["event_type"], e["trigger"], e["evidence"],
              source=tuple(EventActor(a["actorText"], a["code"]) for a in e["source"]),
              target=tuple(EventActor(a["actorText"], a["code"]) for a in e["target"]),
              location=e["location"], location_country=e["location_country"], date=e["date"],
              sentence=e["sentence"], location_geonameid=e["location_geonameid"],
              location_lat=e["location_lat"], location_lon=e["location_lon"],
              location_feature_code=e["location_feature_code"])
        for e in store.iter_events(article_id=article_id)
    ]  # fmt: skip


def test_the_map_counted_in_sql_is_the_map_counted_event_by_event(db):
    _add_placed_events(db)
    story_ids = [s["id"] for s in db.iter_stories()]
    filters = [*MAP_FILTERS, *({"story_id": sid} for sid in story_ids)]
    shown = [data.map_points(db, f) for f in filters]
    assert shown == [event_by_event_map(db, f) for f in filters]
    assert shown[0]["placed"] > 0 and len(shown[0]["points"]) > 1
    # a stored point wins over the name: Paris, Texas is not Paris, France
    paris = {(p["lat"], p["lon"]) for p in shown[0]["points"] if p["place"] == "Paris"}
    assert (33.7, -95.6) in paris and (48.9, 2.3) in paris


# -- PostgreSQL -----------------------------------------------------------------------------


def test_stored_fusion_pagination_and_map_on_postgres(postgres_url, db):
    from .postgres_support import create_database
    from .test_postgres import _plain

    with Store(create_database(postgres_url, "story_cache")) as pg:
        ingest_paths([str(EXAMPLES)], pg)
        for story in db.iter_stories():
            sid = story["id"]
            assert _plain(story_report(pg, sid)) == _plain(story_report(db, sid))
            page = story_report(pg, sid, limit=1, offset=1)
            assert _plain(page) == _plain(story_report(db, sid, limit=1, offset=1))
            assert pg.cached_fusion(sid, pg.story_version(sid)) is not None
        sid = _biggest(pg)["id"]
        version = pg.story_version(sid)
        with pg.engine.begin() as conn:
            pg.bump_story_versions(conn, [a["id"] for a in story_report(pg, sid)["articles"]])
        assert pg.story_version(sid) == version + 1
        assert pg.cached_fusion(sid, version + 1) is None
        story_report(pg, sid)
        assert pg.cached_fusion(sid, version + 1) is not None
        for filters in STORY_FILTERS:
            items, total = pg.page_of_stories(limit=2, offset=0, **filters)
            assert (_plain(items), total) == _plain_pair(db.page_of_stories(limit=2, **filters))
        _add_placed_events(pg)
        _add_placed_events(db)
        for f in MAP_FILTERS:
            assert data.map_points(pg, f) == event_by_event_map(db, f)


def test_the_story_table_in_the_terminal_shows_the_first_articles_and_says_so(capsys):
    from newsfuse.cli.views import SHOWN_ARTICLES, render_story

    articles = [{"id": f"a{i}", "origin": f"o{i}", "title": f"Title {i}"} for i in range(60)]
    story = {"id": "s1", "title": "Big", "article_count": 60, "independent_sources": 60,
             "articles": articles, "articles_total": 60, "claims": [], "claims_total": 0,
             "events": [{"event": "AID", "source": ["USA"], "target": [], "sources": ["o1"],
                         "mentions": [{}], "mention_count": 7}],
             "events_total": 3, "coverage": {"all": [], "some": []}}  # fmt: skip
    render_story(story)
    shown = capsys.readouterr().out
    assert "Title 0" in shown and f"Title {SHOWN_ARTICLES}" not in shown
    assert f"{SHOWN_ARTICLES} of 60 articles shown" in shown and "1 of 3 canonical events" in shown
    assert " 7 " in shown  # every mention counted, not only those listed
