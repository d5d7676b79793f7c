"""The whole workflow on a real PostgreSQL server, compared with the same run on SQLite.

The server is a throwaway one (the ``postgres_url`` fixture, see postgres_support.py);
these tests skip without Debian's PostgreSQL (``make setup-postgres``) unless CI is set.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from typer.testing import CliRunner

from newsfuse.cli import app as cli_app
from newsfuse.errors import MissingDependency
from newsfuse.fuse.story import story_report
from newsfuse.ingest import ingest_paths
from newsfuse.model import Article
from newsfuse.store import Store
from newsfuse.store.schema import articles, events
from newsfuse.web import create_app

from .conftest import EXAMPLES
from .postgres_support import create_database

BODY = (
    " The ministry said the talks would resume next week in Geneva, officials from both sides"
    " confirmed on Monday after a long meeting. Diplomats said the agreement covered border"
    " crossings and trade routes along the frontier."
)
# What SQLite takes and PostgreSQL refused: values longer than their VARCHAR(n), NUL
# characters; and search words with LIKE's special characters.
AWKWARD = [
    {"id": "x" * 300, "outlet": "O" * 250, "agency": "A" * 120, "title": "A long id",
     "text": "GENEVA, March 4 (AFP) - Armenia accused Azerbaijan of shelling a village near "
     "Sotk on Tuesday. Three soldiers were wounded." + BODY,
     "published": "2025-03-04T10:00:00Z", "url": "https://example.org/" + "u" * 500},
    {"id": "nul", "title": "A NUL\u0000 in the title",
     "text": "Armenia and Azerbaijan agreed\u0000 to talks on Monday, the ministry said." + BODY * 2,
     "published": "2025-03-05"},
    {"id": "esc_100%\\x", "title": "Back\\slash 100% under_score",
     "text": "Ärmenia 100% of the c_a_t and back\\slash said Armenia on Tuesday." + BODY * 3,
     "published": "2025-03-06"},
]  # fmt: skip

# Values that differ between two databases filled with the same input: row ids, clocks
# and the seconds each stage of a run took.
VOLATILE = {"stage_seconds", "id", "event_id", "ingested_at", "updated_at", "at"}
STORY_FILTERS = [
    {},
    {"query": "Sotk"},
    {"query": "sotk armenia"},
    {"query": "strike"},
    {"query": "100%"},
    {"query": "no_such_word"},
    {"actor": "ARM"},
    {"actor": "aze"},
    {"actor": "PRK"},
    {"country": "ARM"},
    {"country": "che"},
    {"event_type": "AGREE"},
    {"event_type": "ASSAULT"},
    {"since": "2025-03-04"},
    {"until": "2025-03-04"},
    {"since": "2025-03-05", "until": "2025-12-31"},
    {"actor": "ARM", "query": "village", "since": "2025-01-01"},
]


def _plain(value: Any) -> Any:
    """``value`` without the volatile fields, for comparing two databases."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _ingest(store: Store) -> dict[str, Any]:
    report = ingest_paths([str(EXAMPLES)], store, annotate=True, cluster=True)
    return report.to_dict()


@pytest.fixture(scope="module")
def pair(postgres_url, tmp_path_factory):
    """The examples ingested into PostgreSQL and into SQLite: (pg, sqlite, reports)."""
    url = create_database(postgres_url, "workflow")
    lite_path = tmp_path_factory.mktemp("lite") / "n.db"
    with Store(url) as pg, Store(str(lite_path)) as lite:
        reports = {"pg": _ingest(pg), "lite": _ingest(lite)}
        yield pg, lite, reports


def test_migrations_create_the_schema(pair):
    pg, lite, _ = pair
    assert pg.engine.dialect.name == "postgresql"
    assert lite.engine.dialect.name == "sqlite"
    from sqlalchemy import inspect

    assert set(inspect(pg.engine).get_table_names()) == set(inspect(lite.engine).get_table_names())
    # 0006: no VARCHAR(n) is left on PostgreSQL, as nothing enforces lengths on SQLite
    for table in inspect(pg.engine).get_table_names():
        for column in inspect(pg.engine).get_columns(table):
            assert getattr(column["type"], "length", None) is None or table == "alembic_version"
    pg.migrate()  # already at head: nothing to do, no error


def test_ingest_counts_match_sqlite(pair):
    pg, lite, reports = pair
    assert reports["pg"]["stored"] == 6
    assert _plain(reports["pg"]) == _plain(reports["lite"])
    assert pg.counts() == lite.counts() == {"articles": 6, "duplicates": 1, "rejects": 1}
    assert _plain(list(pg.iter_articles())) == _plain(list(lite.iter_articles()))
    assert _plain(list(pg.iter_duplicates())) == _plain(list(lite.iter_duplicates()))
    assert _plain(list(pg.iter_rejects())) == _plain(list(lite.iter_rejects()))


def test_an_id_a_copy_came_with_finds_its_article_as_on_sqlite(pair):
    pg, lite, _ = pair
    found = pg.get_article("ani-mirror-copy")
    assert found["id"] == "ani-2025-03-04-frontier"
    assert _plain(found) == _plain(lite.get_article("ani-mirror-copy"))
    copies = list(pg.iter_named_copies())
    assert [c["given_id"] for c in copies] == ["ani-mirror-copy"]
    assert _plain(copies) == _plain(list(lite.iter_named_copies()))


def test_annotations_and_events_are_stored(pair):
    pg, lite, _ = pair
    ids = [a["id"] for a in lite.iter_articles()]
    for aid in ids:
        ann = pg.get_annotations(aid)
        assert ann["sentences"], aid
        assert ann == lite.get_annotations(aid), aid
    assert pg.unannotated_article_ids() == []
    assert list(pg.actor_counts()) == list(lite.actor_counts())
    assert pg.count_events() > 0
    assert _plain(list(pg.iter_events())) == _plain(list(lite.iter_events()))
    with pg.engine.connect() as conn:
        negated = conn.execute(events.select().where(events.c.negated.is_(True))).all()
    assert all(row.negated is True for row in negated)


def test_stories_and_reports_match_sqlite(pair):
    pg, lite, _ = pair
    stories = list(pg.iter_stories())
    assert stories
    assert _plain(stories) == _plain(list(lite.iter_stories()))
    assert pg.story_ids() == lite.story_ids()
    for story in stories:
        assert _plain(story_report(pg, story["id"])) == _plain(story_report(lite, story["id"]))
    assert pg.get_story("frontier-wire")["id"] == lite.get_story("frontier-wire")["id"]


@pytest.mark.parametrize("filters", STORY_FILTERS, ids=lambda f: json.dumps(f) or "none")
def test_story_filters_match_sqlite(pair, filters):
    pg, lite, _ = pair
    found = [s["id"] for s in pg.iter_stories(**filters)]
    assert found == [s["id"] for s in lite.iter_stories(**filters)]
    assert pg.count_stories(**filters) == lite.count_stories(**filters) == len(found)


def test_story_filters_find_something(pair):
    pg, _, _ = pair
    assert list(pg.iter_stories(query="Sotk"))
    assert list(pg.iter_stories(actor="ARM"))
    assert list(pg.iter_stories(country="CHE"))
    assert not list(pg.iter_stories(query="100%"))


def _event_filters(store: Store) -> list[dict[str, Any]]:
    some = next(store.iter_events())
    story = next(store.iter_stories())
    return [
        {},
        {"event_type": some["event_type"]},
        {"event_type": some["event_type"].lower()},
        {"quad_class": some["quad_class"]},
        {"actor": "ARM"},
        {"actor": "aze"},
        {"country": "ARM"},
        {"since": "2025-03-04"},
        {"until": "2025-03-03"},
        {"until": "2025-03-04"},
        {"since": "2025-01-01", "until": "2025-12-31"},
        {"article_id": some["article_id"]},
        {"story_id": story["id"]},
        {"include_negated": True},
        {"actor": "ARM", "event_type": some["event_type"], "include_negated": True},
    ]


def test_event_filters_match_sqlite(pair):
    pg, lite, _ = pair
    for filters in _event_filters(lite):
        found = _plain(list(pg.iter_events(**filters)))
        assert found == _plain(list(lite.iter_events(**filters))), filters
        assert pg.count_events(**filters) == lite.count_events(**filters) == len(found), filters
        page = _plain(list(pg.iter_events(limit=2, offset=1, **filters)))
        assert page == found[1:3], filters


def test_actor_profile_matches_sqlite(pair):
    pg, lite, _ = pair
    for code in ("ARM", "aze", "PRK", "XXX"):
        assert pg.actor_profile(code) == lite.actor_profile(code), code
    assert pg.actor_profile("ARM")["months"]


def test_reingest_stores_nothing_new(pair):
    pg, _, _ = pair
    before = pg.counts()
    stories = _plain(list(pg.iter_stories()))
    events_before = pg.count_events(include_negated=True)
    again = _ingest(pg)
    assert again["stored"] == 0
    assert again["duplicates"] == 7  # the six stored articles and the copy of one
    assert again["rejected"] == 1
    after = pg.counts()
    assert after["articles"] == before["articles"]
    assert after["rejects"] == before["rejects"]
    assert after["duplicates"] >= before["duplicates"]
    assert _plain(list(pg.iter_stories())) == stories
    assert pg.count_events(include_negated=True) == events_before


def test_web_api_on_postgres(pair):
    pg, _, _ = pair
    client = TestClient(create_app(pg))
    stories = client.get("/api/stories")
    assert stories.status_code == 200, stories.text
    assert stories.json()["total"] >= 1
    agree = client.get("/api/events", params={"type": "AGREE"})
    assert agree.status_code == 200, agree.text
    assert agree.json()["total"] == pg.count_events(event_type="AGREE")
    actor = client.get("/api/actors/ARM")
    assert actor.status_code == 200, actor.text
    page = client.get("/stories")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    searched = client.get("/stories", params={"q": "Sotk", "actor": "ARM"})
    assert searched.status_code == 200
    story_id = stories.json()["items"][0]["id"]
    assert client.get(f"/api/stories/{story_id}").status_code == 200


def test_change_token_moves_with_every_commit_on_postgres(pair):
    from newsfuse.model import Reject
    from newsfuse.store.changes import ChangeWatch

    pg, _, _ = pair
    watch = ChangeWatch(pg.engine)
    before = watch.token()
    with Store(pg.url, migrate=False) as other:
        other.add_reject(Reject(source="token-check", reason="a change"))
    assert before is not None and watch.token() != before
    client = TestClient(create_app(pg))
    # autovacuum may write between two requests (a miss, not an error): a few tries
    hits = [client.get("/api/stories").headers.get("x-newsfuse-cache") for _ in range(5)]
    assert "hit" in hits


def test_cli_ingest_and_stories_on_postgres(postgres_url, tmp_path):
    url = create_database(postgres_url, "cli")
    runner = CliRunner()
    result = runner.invoke(
        cli_app, ["ingest", str(EXAMPLES), "--db", url, "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["duplicates"], summary["rejected"]) == (6, 1, 1)
    listed = runner.invoke(cli_app, ["stories", "--db", url, "--json"], catch_exceptions=False)
    assert listed.exit_code == 0, listed.output
    lite = str(tmp_path / "n.db")
    runner.invoke(cli_app, ["ingest", str(EXAMPLES), "--db", lite], catch_exceptions=False)
    expected = runner.invoke(cli_app, ["stories", "--db", lite, "--json"], catch_exceptions=False)
    assert _plain(json.loads(listed.stdout)) == _plain(json.loads(expected.stdout))


def test_plain_postgresql_url_uses_psycopg(postgres_url):
    url = create_database(postgres_url, "plain").replace("postgresql+psycopg://", "postgresql://")
    with Store(url) as store:
        assert store.engine.dialect.driver == "psycopg"
        assert store.counts() == {"articles": 0, "duplicates": 0, "rejects": 0}


def test_missing_driver_names_the_extra(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "psycopg", None)
    with pytest.raises(MissingDependency, match=r"newsfuse\[postgres\]"):
        Store("postgresql+psycopg://postgres@/nowhere?host=/nonexistent", migrate=False)


def test_awkward_input_is_stored_as_on_sqlite(postgres_url, tmp_path):
    feed = tmp_path / "awkward.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in AWKWARD), encoding="utf-8")
    with Store(create_database(postgres_url, "awkward")) as pg, Store("sqlite://") as lite:
        reports = [ingest_paths([str(feed)], s).to_dict() for s in (pg, lite)]
        assert reports[0]["stored"] == 3
        assert _plain(reports[0]) == _plain(reports[1])
        long_id = AWKWARD[0]["id"]
        assert pg.get_article(long_id)["outlet"] == "O" * 250
        assert pg.get_annotations(long_id) == lite.get_annotations(long_id)
        # PostgreSQL text cannot hold NUL: U+FFFD stands for it, one character for one
        nul = pg.get_article("nul")
        assert nul["text"] == lite.get_article("nul")["text"].replace("\x00", "\ufffd")
        assert pg.get_annotations("nul") == lite.get_annotations("nul")
        for word in ("100%", "back\\slash", "under_score", "under?score", "c_a_t", "cxaxt",
                     "Ärmenia", "sotk"):  # fmt: skip
            found = [s["id"] for s in pg.iter_stories(query=word)]
            assert found == [s["id"] for s in lite.iter_stories(query=word)], word
        assert [s["id"] for s in pg.iter_stories(query="under_score")]
        assert not [s["id"] for s in pg.iter_stories(query="under?score")]
        # ILIKE folds every letter's case; SQLite's lower() LIKE lower() only ASCII letters
        assert [s["id"] for s in pg.iter_stories(query="ärmenia")]


@contextmanager
def _stored_meanwhile(postgres_url: str, name: str) -> Iterator[tuple[Store, Article, list]]:
    """A database whose frontier-wire article another writer stores between
    add_article's check and its INSERT (once, on the next INSERT), with that article and
    a list that says whether it did."""
    with Store(create_database(postgres_url, name)) as pg:
        ingest_paths([str(EXAMPLES / "frontier-wire.txt")], pg, annotate=False, cluster=False)
        stored = pg.load_article("frontier-wire")
        with pg.engine.begin() as conn:
            conn.execute(articles.delete())

        def sneak_in(conn, cursor, statement, parameters, context, executemany):
            if statement.startswith("INSERT INTO articles") and not sneaked:
                sneaked.append(True)
                with Store(pg.url, migrate=False) as other:
                    assert other.add_article(stored) == ("stored", "frontier-wire")

        sneaked: list[bool] = []
        event.listen(pg.engine, "before_cursor_execute", sneak_in)
        try:
            yield pg, stored, sneaked
        finally:
            event.remove(pg.engine, "before_cursor_execute", sneak_in)


def test_a_concurrent_insert_of_the_same_content_is_a_duplicate(postgres_url):
    """Another writer stores the same content between add_article's check and its INSERT:
    the unique constraint answers, and the transaction stays usable (a SAVEPOINT)."""
    with _stored_meanwhile(postgres_url, "race") as (pg, stored, sneaked):
        copy = dataclasses.replace(stored, id="racer", source="elsewhere")
        # the stored copy's id, as when the check had seen it
        assert pg.add_article(copy) == ("duplicate", "frontier-wire")
        assert sneaked
        assert [a["id"] for a in pg.iter_articles()] == ["frontier-wire"]
        assert pg.add_article(copy) == ("duplicate", "frontier-wire")


def test_a_concurrent_insert_of_other_text_under_the_id_is_a_conflict(postgres_url):
    """Another writer stores other text under the same id between the check and the
    INSERT: that is an id conflict (a later version to keep), not a duplicate to drop."""
    with _stored_meanwhile(postgres_url, "race_id") as (pg, stored, sneaked):
        update = dataclasses.replace(
            stored, text=stored.text + " More later.", content_hash="0" * 64, source="feed#2"
        )
        assert pg.add_article(update) == ("conflict", "frontier-wire")
        assert sneaked


def test_date_bounds_under_a_linguistic_collation(postgres_url):
    """Servers are often made with a linguistic collation (here ICU en-US, not C): the
    ``until`` bound (the date + U+FFFF) still keeps the times of that day."""
    from sqlalchemy import create_engine, make_url, text

    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS icu"))
        conn.execute(
            text(
                "CREATE DATABASE icu TEMPLATE template0 LOCALE_PROVIDER icu "
                "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
            )
        )
    admin.dispose()
    url = make_url(postgres_url).set(database="icu").render_as_string(hide_password=False)
    with Store(url) as pg, Store("sqlite://") as lite:
        for store in (pg, lite):
            ingest_paths([str(EXAMPLES)], store)
        with pg.engine.connect() as conn:
            assert conn.execute(text("SELECT 'alpha' < 'Zeta'")).scalar()  # not byte order
        for bounds in ({"until": "2025-03-04"}, {"until": "2025-03-03"},
                       {"since": "2025-03-04", "until": "2025-03-04"}):  # fmt: skip
            assert [s["id"] for s in pg.iter_stories(**bounds)] == [
                s["id"] for s in lite.iter_stories(**bounds)
            ], bounds
            assert pg.count_events(**bounds) == lite.count_events(**bounds), bounds
        assert pg.count_stories(until="2025-03-04") >= 1


# --- typed magnitudes (0007): counts are BIGINT, vague amounts are words

# BBC business news whose events once held 280,000,000,000 ("$280bn"), 671,700,000,000,
# "millions" and "several lawmakers" in their counts: PostgreSQL refused them
MAGNITUDE_ARTICLES = ("010", "012", "024", "048")


def test_bbc_money_and_vague_amounts_store_alike(postgres_url, shared):
    paths = [str(shared / "corpus" / "bbc" / "business" / f"{n}.txt") for n in MAGNITUDE_ARTICLES]
    with Store(create_database(postgres_url, "magnitudes")) as pg, Store("sqlite://") as lite:
        reports = [ingest_paths(paths, s, cluster=False).to_dict() for s in (pg, lite)]
        assert reports[0]["stored"] == len(MAGNITUDE_ARTICLES)
        assert _plain(reports[0]) == _plain(reports[1])
        found = _plain(list(pg.iter_events(include_negated=True)))
        assert found == _plain(list(lite.iter_events(include_negated=True)))
    sizes = {(e["article_id"], e["size"], e["size_text"]) for e in found}
    assert all(size is None or size < 10**9 for _, size, _ in sizes)  # no money
    assert ("048", None, "several") in sizes  # a vague amount, stored as its words
    assert all(isinstance(e[k], int | None) for e in found for k in ("dead", "injured", "size"))


OLD_EVENT = (
    "INSERT INTO events (article_id, sentence, event_type, quad_class, source, target, size, "
    'negated, hypothetical, confidence, "trigger", evidence, start, "end", trigger_start, '
    "trigger_end) VALUES ('a1', 0, 'PROTEST', 'MATERIAL_CONFLICT', '[]', '[]', :size, false, "
    "false, 0.5, 't', 'e', 0, 1, 0, 1)"
)


def test_migration_0007_on_postgres(postgres_url):
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import DataError

    from newsfuse.model import MAX_COUNT, Event

    url = create_database(postgres_url, "migrate0007")
    with Store(url, migrate=False) as old:
        old.migrate("0006_unbounded_strings")
        with old.engine.begin() as conn:  # the article as schema 0006 had it
            conn.execute(
                text(
                    "INSERT INTO articles (id, source, text, content_hash, ingested_at) "
                    "VALUES ('a1', 'a1.txt', 'They marched.', 'h', '2025-01-01')"
                )
            )
            conn.execute(text(OLD_EVENT), {"size": 40})
        with pytest.raises(DataError), old.engine.begin() as conn:  # what 0006 refused
            conn.execute(text(OLD_EVENT), {"size": 280_000_000_000})
    with Store(url) as pg:
        types = {c["name"]: str(c["type"]) for c in inspect(pg.engine).get_columns("events")}
        assert [types[c] for c in ("dead", "injured", "size")] == ["BIGINT"] * 3
        assert [types[f"{c}_text"] for c in ("dead", "injured", "size")] == ["TEXT"] * 3
        assert [e["size"] for e in pg.iter_events()] == [40]
        big = Event("PROTEST", "t", "e", size=MAX_COUNT, dead=MAX_COUNT + 1, injured="dozens")
        pg.replace_events("a1", [big])
        (stored,) = pg.iter_events()
        assert (stored["size"], stored["dead"], stored["injured_text"]) == (
            MAX_COUNT,
            None,
            "dozens",
        )
        assert stored["dead_text"] == f"{MAX_COUNT + 1} (too large to store as a count)"


def test_place_points_ids_and_features_are_stored(pair):
    """0011: every place's GeoNames id, feature class and code, as on SQLite."""
    pg, lite, _ = pair
    found = 0
    for aid in [a["id"] for a in lite.iter_articles()]:
        pg_places = pg.get_annotations(aid)["places"]
        assert pg_places == lite.get_annotations(aid)["places"], aid
        found += sum(1 for p in pg_places if p["geonameid"] and p["feature_code"])
    assert found > 0


def test_migration_0016_on_postgres(postgres_url):
    from sqlalchemy import inspect

    from .migration_support import downgrade

    url = create_database(postgres_url, "migrate0016")
    with Store(url) as pg:
        ingest_paths([str(EXAMPLES)], pg, annotate=False, cluster=False)
        downgrade(pg, "0015_alerts")
        assert "given_id" not in {c["name"] for c in inspect(pg.engine).get_columns("duplicates")}
        pg.migrate()
        assert len(list(pg.iter_duplicates())) == 1 and list(pg.iter_named_copies()) == []
        ingest_paths([str(EXAMPLES)], pg, annotate=False, cluster=False)
        assert [c["given_id"] for c in pg.iter_named_copies()] == ["ani-mirror-copy"]
        assert pg.get_article("ani-mirror-copy")["duplicate"]["id"] == "ani-mirror-copy"
