"""Typed magnitudes: counts are 64-bit integers, vague amounts are words in ``*_text``,
money is never a size; the same through the store, migration 0007, exports and batch."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from newsfuse import code_sentence
from newsfuse.batch import events_from_json, events_to_json
from newsfuse.events.scoring import score_plover
from newsfuse.export import EVENT_FIELDS, export_rows
from newsfuse.model import MAX_COUNT, Article, Event, split_magnitude
from newsfuse.store import Store

from .migration_support import downgrade

DATE = "2025-03-04"


def _event(**magnitudes: object) -> Event:
    return Event("PROTEST", "marched", "They marched.", **magnitudes)  # type: ignore[arg-type]


# -- the model ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, (12, None)),
        ("1,000", (1000, None)),
        (" 7 ", (7, None)),
        (3.0, (3, None)),
        ("millions", (None, "millions")),
        ("several  lawmakers", (None, "several lawmakers")),
        (MAX_COUNT, (MAX_COUNT, None)),
        (MAX_COUNT + 1, (None, f"{MAX_COUNT + 1} (too large to store as a count)")),
        (float("inf"), (None, None)),
        (None, (None, None)),
        ("", (None, None)),
        (True, (None, None)),
    ],
)
def test_split_magnitude(value, expected):
    assert split_magnitude(value) == expected


@given(st.one_of(st.integers(), st.text(max_size=30), st.floats(), st.none()))
def test_an_event_always_holds_a_storable_count(value):
    event = _event(dead=value, injured=value, size=value)
    for name in ("dead", "injured", "size"):
        count, words = getattr(event, name), getattr(event, f"{name}_text")
        assert count is None or (type(count) is int and -MAX_COUNT - 1 <= count <= MAX_COUNT)
        assert count is None or words is None
        assert words is None or (isinstance(words, str) and words)


def test_to_plover_keeps_numbers_and_adds_the_words():
    plover = _event(size="thousands").to_plover()
    assert plover["size"] is None and plover["sizeText"] == "thousands"
    assert plover["deadText"] is None and plover["injuredText"] is None
    assert _event(size=40).to_plover()["size"] == 40


# -- the coder ---------------------------------------------------------------------------


def _coded(sentence: str) -> list[Event]:
    events = code_sentence(sentence, DATE)
    assert events, sentence
    return events


@pytest.mark.parametrize(
    "sentence",
    [
        # business news from the BBC corpus that wrote 280,000,000,000 and 6,000,000,000
        "Prosecutors wanted the cigarette firms to surrender $280bn in profits accumulated "
        "over the past 50 years.",
        "China lent Russia $6bn to help the Russian government renationalise Yugansk.",
        "Protesters marched against the £3m cut in Birmingham on Saturday.",
        "Russia sent 5,000 tonnes of food aid to Sudan.",
    ],
)
def test_money_and_measures_are_never_a_size(sentence):
    for event in _coded(sentence):
        assert (event.size, event.size_text) == (None, None), event


def test_vague_amounts_are_words_beside_a_null_count():
    (arrest,) = [e for e in _coded("Police arrested several lawmakers in Nairobi.") if e.size_text]
    assert (arrest.size, arrest.size_text) == (None, "several")
    crowd = _coded("Hundreds of thousands of people marched in Kiev on Sunday.")[0]
    assert (crowd.size, crowd.size_text) == (None, "hundreds of thousands")
    attack = _coded("Dozens of people were killed when rebels attacked the village on Monday.")
    assert [(e.dead, e.dead_text) for e in attack] == [(None, "dozens")]


def test_counts_stay_numbers():
    (arrest,) = _coded("Police arrested 300 protesters in Nairobi.")
    assert (arrest.size, arrest.size_text) == (300, None)


def test_a_count_beyond_64_bits_is_kept_as_written():
    sentence = "The army sent 10,000,000,000,000,000,000,000 soldiers to the border."
    (sent,) = [e for e in _coded(sentence) if e.size_text or e.size]
    assert sent.size is None
    assert (
        sent.size_text == "10,000,000,000,000,000,000,000 soldiers (too large to store as a count)"
    )


def test_scoring_reads_a_vague_size_from_its_words():
    gold = [{"event": "PROTEST", "size": "Thousands", "text": "..."}]
    predicted = [[{"event": "PROTEST", "size": None, "sizeText": "thousands"}]]
    assert score_plover(gold, predicted)["attributes"]["size"]["correct"] == 1


# -- store, migration 0007, exports, batch ----------------------------------------------

ARTICLE = Article(id="a1", source="a1.txt", text="They marched.", content_hash="h1")
TYPED = [
    _event(size=280_000_000_000),
    _event(size="millions", dead=MAX_COUNT),
    _event(size=MAX_COUNT + 1, injured=3),
]
MAGNITUDE_KEYS = ("dead", "injured", "size", "dead_text", "injured_text", "size_text")


def _magnitudes(rows) -> list[tuple]:
    return [tuple(row[k] for k in MAGNITUDE_KEYS) for row in rows]


EXPECTED = [
    (None, None, 280_000_000_000, None, None, None),
    (MAX_COUNT, None, None, None, None, "millions"),
    (None, 3, None, None, None, f"{MAX_COUNT + 1} (too large to store as a count)"),
]


def test_store_reads_back_typed_magnitudes(store):
    store.add_article(ARTICLE)
    store.replace_events("a1", TYPED)
    rows = sorted(store.iter_events(), key=lambda r: r["id"])
    assert _magnitudes(rows) == EXPECTED


# Rows as 0006 stored them on SQLite: words and numbers of every kind in the INTEGER columns
OLD_ROWS = [
    ("12", None, "millions"),  # SQLite's INTEGER affinity keeps "12" as 12
    ("1,000", "several", 280_000_000_000),
    (None, 2.0, "  hundreds of thousands "),
    (None, None, 1e20),
    (5, 6, 7),
]


def _old_event(article_id: str, dead: object, injured: object, size: object) -> dict:
    return {
        "article_id": article_id, "sentence": 0, "event_type": "PROTEST",
        "quad_class": "MATERIAL_CONFLICT", "source": "[]", "target": "[]", "dead": dead,
        "injured": injured, "size": size, "negated": False, "hypothetical": False,
        "confidence": 0.5, "trigger": "t", "evidence": "e", "start": 0, "end": 1,
        "trigger_start": 0, "trigger_end": 1,
    }  # fmt: skip


def _write_old_rows(store: Store) -> None:
    with store.engine.begin() as conn:  # the article as schema 0006 had it (no later columns)
        conn.execute(
            text(
                "INSERT INTO articles (id, source, text, content_hash, ingested_at) "
                "VALUES (:id, :source, :text, :hash, '2025-01-01')"
            ),
            {"id": ARTICLE.id, "source": ARTICLE.source, "text": ARTICLE.text,
             "hash": ARTICLE.content_hash},
        )  # fmt: skip
    columns = list(_old_event("a1", 0, 0, 0))
    insert = text(
        f"INSERT INTO events ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)}) "
        f"VALUES ({', '.join(':' + c for c in columns)})"
    )
    with store.engine.begin() as conn:
        for dead, injured, size in OLD_ROWS:
            event_id = conn.execute(insert, _old_event("a1", dead, injured, size)).lastrowid
            conn.execute(
                text("INSERT INTO event_actors (event_id, role, text) VALUES (:e, 'source', 'X')"),
                {"e": event_id},
            )


MIGRATED = [
    (12, None, None, None, None, "millions"),
    (1000, None, 280_000_000_000, None, "several", None),
    (None, 2, None, None, None, "hundreds of thousands"),
    (None, None, None, None, None, "100000000000000000000 (too large to store as a count)"),
    (5, 6, 7, None, None, None),
]


def test_migration_0007_converts_old_sqlite_rows(tmp_path):
    path = str(tmp_path / "old.db")
    with Store(path, migrate=False) as old:
        old.migrate("0006_unbounded_strings")
        _write_old_rows(old)
    with Store(path) as store:  # opening it migrates to the head
        rows = sorted(store.iter_events(), key=lambda r: r["id"])
        assert _magnitudes(rows) == MIGRATED
        with store.engine.connect() as conn:
            kinds = conn.execute(
                text("SELECT DISTINCT typeof(dead), typeof(injured), typeof(size) FROM events")
            ).all()
            actors = conn.execute(text("SELECT count(*) FROM event_actors")).scalar()
        assert {k for row in kinds for k in row} <= {"integer", "null"}
        assert actors == len(OLD_ROWS)  # the events table was not rebuilt: nothing cascaded
        downgrade(store, "0006_unbounded_strings")  # and back: the words return to the counts
        with store.engine.connect() as conn:
            sizes = conn.execute(text("SELECT size FROM events ORDER BY id")).scalars().all()
            actors = conn.execute(text("SELECT count(*) FROM event_actors")).scalar()
        assert sizes[0] == "millions" and sizes[1] == 280_000_000_000
        assert actors == len(OLD_ROWS)
        store.migrate()
        assert _magnitudes(sorted(store.iter_events(), key=lambda r: r["id"]))[0] == MIGRATED[0]


def test_exports_carry_typed_magnitudes(store, tmp_path):
    store.add_article(ARTICLE)
    store.replace_events("a1", TYPED)
    rows = sorted(store.iter_events(include_negated=True), key=lambda r: r["id"])
    out = io.StringIO()
    export_rows(rows, EVENT_FIELDS, "jsonl", out)
    assert _magnitudes(json.loads(line) for line in out.getvalue().splitlines()) == EXPECTED
    out = io.StringIO()
    export_rows(rows, EVENT_FIELDS, "csv", out)
    assert [r["size_text"] for r in csv.DictReader(io.StringIO(out.getvalue()))][1] == "millions"
    path = str(tmp_path / "events.parquet")
    export_rows(rows, EVENT_FIELDS, "parquet", path)
    table = pq.read_table(path)
    assert str(table.schema.field("size").type) == "int64"
    assert _magnitudes(table.to_pylist()) == EXPECTED


def test_batch_json_keeps_typed_magnitudes_and_reads_old_cells():
    assert events_from_json(events_to_json(TYPED)) == tuple(TYPED)
    old = json.loads(events_to_json([_event()]))
    for key in ("dead_text", "injured_text", "size_text"):
        del old[0][key]
    old[0]["size"] = "millions"  # a cell written before typed magnitudes
    (event,) = events_from_json(json.dumps(old))
    assert (event.size, event.size_text) == (None, "millions")


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("The death toll from the suicide bombing in Baghdad rose to 35.", 35),
        ("Gunmen killed a prominent judge in Karachi.", 1),  # one named victim
        ("Twenty-three soldiers died in the ambush in Mali.", 23),
        ("The attack claimed the lives of nine Pakistani soldiers.", 9),
        ("Militants beheaded two hostages in Syria.", 2),
    ],
)
def test_tolls_said_otherwise_count_the_dead(text: str, dead: int):
    events = [e for e in code_sentence(text) if e.event_type in ("ASSAULT", "FIGHT")]
    assert events and events[0].dead == dead, [(e.event_type, e.dead) for e in events]


@pytest.mark.parametrize(
    ("text", "size", "size_text"),
    [
        ("The protest drew tens of thousands of people to the streets of Belgrade.", None,
         "tens of thousands"),
        ("The demonstration, which drew about 800 people, passed off peacefully.", 800, None),
        ("A crowd of some 2,000 gathered in Harare to denounce the government.", 2000, None),
        ("Several hundred farmers protested outside the European Commission.", None,
         "several hundred"),
    ],
)  # fmt: skip
def test_who_a_protest_drew_is_its_size(text: str, size, size_text):
    events = [e for e in code_sentence(text) if e.event_type == "PROTEST"]
    assert events, [e.event_type for e in code_sentence(text)]
    assert (events[0].size, events[0].size_text) == (size, size_text)
