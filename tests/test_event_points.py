"""Every event keeps its place's point and GeoNames id (0012_event_points): in the database
on both backends, through an upgrade of an older database, in the exports, on the map and
on the article page."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text, update
from typer.testing import CliRunner

from newsfuse.cli import app as cli_app
from newsfuse.export import EVENT_FIELDS, PLACE_FIELDS
from newsfuse.ingest import ingest_paths
from newsfuse.model import Annotations, Article, Event, EventActor, PlaceMention
from newsfuse.store import Store
from newsfuse.store.schema import events
from newsfuse.web import create_app
from newsfuse.web.data import event_point

from .conftest import EXAMPLES
from .migration_support import downgrade

POINT_COLUMNS = ("location_geonameid", "location_lat", "location_lon", "location_feature_code")
ARTICLE = Article(id="a1", source="a1.txt", text="Protesters marched in Paris.", content_hash="h1")
PARIS_TEXAS = Event(
    "PROTEST", "marched", "Protesters marched in Paris.", source=(EventActor("Protesters"),),
    location="Paris", location_country="USA", date="2025-03-02", location_geonameid=4717560,
    location_lat=33.66094, location_lon=-95.55551, location_feature_code="PPL",
)  # fmt: skip
UNPLACED = Event("PROTEST", "marched", "They marched.", location="Nowhere", date="2025-03-01")


def _points(row: dict) -> tuple:
    return tuple(row[c] for c in POINT_COLUMNS)


def _round_trip(store: Store) -> None:
    store.add_article(ARTICLE)
    store.replace_events("a1", [PARIS_TEXAS, UNPLACED])
    rows = {r["location"]: r for r in store.iter_events()}
    assert _points(rows["Paris"]) == (4717560, 33.66094, -95.55551, "PPL")
    assert _points(rows["Nowhere"]) == (None, None, None, None)


def test_event_points_round_trip_on_sqlite(store):
    _round_trip(store)


def test_event_points_round_trip_on_postgres(postgres_url):
    from .postgres_support import create_database

    with Store(create_database(postgres_url, "event_points")) as pg:
        _round_trip(pg)
        types = {c["name"]: str(c["type"]) for c in inspect(pg.engine).get_columns("events")}
        assert types["location_geonameid"] == "BIGINT"
        assert types["location_feature_code"] == "TEXT"


# -- an upgrade from 0011 ---------------------------------------------------------------------

OLD_EVENT = {
    "article_id": "a1", "sentence": 0, "event_type": "PROTEST", "quad_class": "verbal conflict",
    "mode": None, "context": None, "source": '[{"actorText": "Workers", "code": null, '
    '"sector": null}]', "target": "[]", "location": "Kyiv", "location_country": "UKR",
    "date": "2025-03-01", "date_end": None, "dead": 2, "injured": None, "size": None,
    "dead_text": None, "injured_text": None, "size_text": "hundreds", "attribution": None,
    "attribution_country": None, "negated": False, "hypothetical": False, "confidence": 0.7,
    "trigger": "marched", "evidence": "Workers marched in Kyiv.", "start": 0, "end": 24,
    "trigger_start": 8, "trigger_end": 15,
}  # fmt: skip
OLD_PLACE = {
    "article_id": "a1", "start": 21, "end": 25, "text": "Kyiv", "name": "Kyiv", "country": "UKR",
    "kind": "city", "admin1": None, "lat": 50.45466, "lon": 30.5238, "sentence": 0,
    "geonameid": 703448, "feature_class": "P", "feature_code": "PPLC",
}  # fmt: skip


def _insert(conn, table: str, row: dict) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    values = ", ".join(f":{c}" for c in row)
    result = conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)
    return result.lastrowid if conn.dialect.name == "sqlite" else 0


def _database_at_0011(url: str) -> None:
    """A database as schema 0011 made it, with an article, an event (and its actor) and a
    place, written in the columns it had then."""
    with Store(url, migrate=False) as old:
        old.migrate("0011_place_points")
        names = {c["name"] for c in inspect(old.engine).get_columns("events")}
        assert not names & set(POINT_COLUMNS)
        with old.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, source, text, content_hash, ingested_at) "
                    "VALUES ('a1', 'a1.txt', 'Workers marched in Kyiv.', 'h', '2025-01-01')"
                )
            )
            _insert(conn, "events", OLD_EVENT)
            event_id = conn.execute(text("SELECT id FROM events")).scalar_one()
            conn.execute(
                text("INSERT INTO event_actors (event_id, role, text) VALUES (:e, 'source', 'W')"),
                {"e": event_id},
            )
            _insert(conn, "places", OLD_PLACE)


def _check_upgraded(store: Store) -> None:
    """Opening the old database migrated it: the old rows whole, their points NULL."""
    (row,) = store.iter_events()
    assert _points(row) == (None, None, None, None)
    kept = {k: row[k] for k in OLD_EVENT}
    assert {**kept, "source": json.loads(OLD_EVENT["source"]), "target": []} == {
        **OLD_EVENT,
        "source": json.loads(OLD_EVENT["source"]),
        "target": [],
    }
    (place,) = store.get_annotations("a1")["places"]
    assert {k: place[k] for k in OLD_PLACE if k != "article_id"} == {
        k: v for k, v in OLD_PLACE.items() if k != "article_id"
    }
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM event_actors")).scalar() == 1
    # the map places the old event by its name, as before
    assert event_point(row["location"], row["location_country"], None, None) is not None
    # and new events keep their point
    store.replace_events("a1", [PARIS_TEXAS])
    (row,) = store.iter_events()
    assert _points(row) == (4717560, 33.66094, -95.55551, "PPL")


def test_a_sqlite_database_at_0011_upgrades(tmp_path):
    path = str(tmp_path / "old.db")
    _database_at_0011(path)
    with Store(path) as store:  # opening it migrates to the head
        index = [c["name"] for c in inspect(store.engine).get_indexes("events")
                 if c["name"] == "ix_events_place"]  # fmt: skip
        assert index == ["ix_events_place"]
        with store.engine.connect() as conn:
            place_index = [r[2] for r in conn.execute(text("PRAGMA index_info(ix_events_place)"))]
        assert place_index[:4] == ["location_country", "location", "location_lat", "location_lon"]
        _check_upgraded(store)
        downgrade(store, "0011_place_points")  # and back: the columns go, the rows stay
        with store.engine.connect() as conn:
            names = {c["name"] for c in inspect(conn).get_columns("events")}
            assert not names & set(POINT_COLUMNS)
            assert conn.execute(text("SELECT location FROM events")).scalars().all() == ["Paris"]
            assert conn.execute(text("SELECT count(*) FROM event_actors")).scalar() == 1
            place_index = [r[2] for r in conn.execute(text("PRAGMA index_info(ix_events_place)"))]
        assert place_index[2] == "event_type"
        store.migrate()
        assert _points(next(store.iter_events())) == (None, None, None, None)


def test_a_postgres_database_at_0011_upgrades(postgres_url):
    from .postgres_support import create_database

    url = create_database(postgres_url, "event_points_0011")
    _database_at_0011(url)
    with Store(url) as store:
        _check_upgraded(store)
        downgrade(store, "0011_place_points")
        store.migrate()
        assert _points(next(store.iter_events())) == (None, None, None, None)


# -- a real ingest: exports, article --json, map, article page ----------------------------------


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The examples ingested into a SQLite file: its path."""
    path = str(tmp_path_factory.mktemp("points") / "n.db")
    with Store(path) as store:
        ingest_paths([str(EXAMPLES)], store, annotate=True, cluster=True)
    return path


def _export(db: str, kind: str, fmt: str, *extra: str) -> str:
    result = CliRunner().invoke(cli_app, ["export", kind, "--db", db, "--format", fmt, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_export_carries_the_point_of_each_place(ingested, tmp_path):
    rows = [json.loads(line) for line in _export(ingested, "events", "jsonl").splitlines()]
    assert rows and all(list(r) == list(EVENT_FIELDS) for r in rows)
    placed = {r["location"]: r for r in rows if r["location_geonameid"] is not None}
    geneva = placed["Geneva"]
    assert geneva["location_country"] == "CHE" and geneva["location_feature_code"] == "PPL"
    assert abs(geneva["location_lat"] - 46.2) < 0.1 and abs(geneva["location_lon"] - 6.1) < 0.1
    table = list(csv.DictReader(io.StringIO(_export(ingested, "events", "csv"))))
    assert list(table[0]) == list(EVENT_FIELDS)
    by_id = {int(r["id"]): r for r in table}
    assert float(by_id[geneva["id"]]["location_lat"]) == geneva["location_lat"]
    assert by_id[geneva["id"]]["location_geonameid"] == str(geneva["location_geonameid"])
    path = tmp_path / "events.parquet"
    _export(ingested, "events", "parquet", "-o", str(path))
    schema = pq.read_table(path).schema
    assert str(schema.field("location_geonameid").type) == "int64"
    assert str(schema.field("location_lat").type) == "double"
    assert str(schema.field("location").type) == "string"  # the old columns as they were


def test_places_export_has_one_row_per_place_mention(ingested, tmp_path):
    rows = [json.loads(line) for line in _export(ingested, "places", "jsonl").splitlines()]
    with Store(ingested) as store:
        mentions = sum(len(store.get_annotations(a["id"])["places"]) for a in store.iter_articles())
        text_of = {a["id"]: a["text"] for a in store.iter_articles()}
    assert len(rows) == mentions > 0
    assert all(list(r) == list(PLACE_FIELDS) for r in rows)
    for r in rows:
        assert text_of[r["article_id"]][r["start"] : r["end"]] == r["text"]
    geneva = next(r for r in rows if r["name"] == "Geneva")
    assert (geneva["kind"], geneva["country"], geneva["feature_class"]) == ("city", "CHE", "P")
    assert geneva["geonameid"] == 2660646 and geneva["lat"] is not None
    table = list(csv.DictReader(io.StringIO(_export(ingested, "places", "csv"))))
    assert len(table) == len(rows) and list(table[0]) == list(PLACE_FIELDS)
    path = tmp_path / "places.parquet"
    _export(ingested, "places", "parquet", "-o", str(path))
    read = pq.read_table(path)
    assert read.num_rows == len(rows)
    assert str(read.schema.field("start").type) == "int64"
    assert str(read.schema.field("lon").type) == "double"


def test_places_csv_guards_formulas_but_not_negative_longitudes(store):
    store.add_article(ARTICLE)
    place = PlaceMention(22, 27, "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "USA", "city",
                         lat=33.66, lon=-95.55, geonameid=4717560, feature_class="P",
                         feature_code="PPL")  # fmt: skip
    store.add_annotations(Annotations("a1", sentences=((0, 28),), places=(place,)))
    from newsfuse.export import export_rows

    out = io.StringIO()
    export_rows(store.iter_places(), PLACE_FIELDS, "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["text"].startswith("'=") and row["lon"] == "-95.55"


def test_article_json_keeps_offsets_and_points_and_adds_ids(ingested):
    result = CliRunner().invoke(cli_app, ["article", "frontier-wire", "--db", ingested, "--json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    geneva = next(p for p in article["annotations"]["places"] if p["name"] == "Geneva")
    assert article["text"][geneva["start"] : geneva["end"]] == "Geneva"
    for key in ("lat", "lon", "geonameid", "feature_class", "feature_code", "kind", "country"):
        assert geneva[key] is not None, key


def test_the_map_puts_events_at_their_stored_point(ingested):
    with Store(ingested) as store, TestClient(create_app(store)) as client:
        before = client.get("/map.json").json()
        geneva = next(p for p in before["points"] if p["place"] == "Geneva")
        assert (geneva["lat"], geneva["lon"]) == (46.2, 6.1)
        # a stored point is used as stored: move Geneva's events to Paris, Texas
        with store.engine.begin() as conn:
            moved = conn.execute(
                update(events)
                .where(events.c.location == "Geneva")
                .values(location_lat=33.66094, location_lon=-95.55551)
            ).rowcount
        assert moved > 0
        after = client.get("/map.json").json()
        points = {(p["lat"], p["lon"]): p for p in after["points"]}
        assert points[(33.7, -95.6)]["place"] == "Geneva"
        assert (46.2, 6.1) not in points
        assert after["placed"] == before["placed"]
        # an event stored without a point (older rows) falls back to its place name
        with store.engine.begin() as conn:
            conn.execute(
                update(events)
                .where(events.c.location == "Geneva")
                .values(location_lat=None, location_lon=None, location_geonameid=None)
            )
        assert client.get("/map.json").json() == before
        page = client.get("/map")
        assert page.status_code == 200 and "Geneva" in page.text


def test_the_article_page_lists_each_place_with_its_kind_country_and_id(ingested):
    with Store(ingested) as store, TestClient(create_app(store)) as client:
        page = client.get("/articles/frontier-wire")
        assert page.status_code == 200
        html = page.text
        places = html[html.index("<h2>Places</h2>") :]
        assert 'href="https://www.geonames.org/2660646"' in places
        assert "P.PPL" in places and "/actors/CHE" in places and "A.PCLI" in places
        assert "46.2022, 6.1457" in places
