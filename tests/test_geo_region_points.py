"""Every region, sea and ocean of ``data/regions.tsv`` and every UN M49 area has a point
and a kind; unknown places the text puts inside a known area take that area's point; and
the points reach ``article --json``, the places export and the map."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfuse.annotate.stage import annotate_article
from newsfuse.cli import app as cli_app
from newsfuse.evaluate.places import haversine_km
from newsfuse.geo.compass import compass_key, is_compass_name
from newsfuse.geo.compass_regions import compass_regions
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.regions import _stated, mean_point, regions
from newsfuse.model import Article, PlaceMention
from newsfuse.store import Store
from newsfuse.tables import Row, TableError, read_table
from newsfuse.web.data import event_point


def _places(text: str) -> list[PlaceMention]:
    return annotate_article(Article("t", "t", text, "", published="2024-03-04")).places


def _by_text(text: str) -> dict[str, PlaceMention]:
    return {p.text: p for p in _places(text)}


def test_every_row_of_the_regions_table_has_a_point_and_a_kind() -> None:
    for row in read_table("regions.tsv"):
        if is_compass_name(row[0]) and row[1] != "-":
            # a part of a country named by compass words: placed in context (test_geo_compass)
            info = compass_regions(compass_key(row[0]))[row[1]]
        else:
            info = lookup_place(row[0])
        assert info.lat is not None and info.lon is not None, row.where
        assert info.kind in ("region", "sea"), row.where
        assert info.feature_class and info.feature_code, row.where
    for key, region in regions().items():  # the M49 areas too
        assert -90 <= region.lat <= 90 and -180 <= region.lon <= 180, key


def test_regions_of_countries_lie_among_their_countries() -> None:
    middle_east = lookup_place("the Middle East")
    assert 24 < middle_east.lat < 35 and 35 < middle_east.lon < 50  # Arabia to Mesopotamia
    horn = lookup_place("Horn of Africa")
    assert haversine_km(horn.lat, horn.lon, 9.0, 42.0) < 600
    donbas = lookup_place("Donbas")
    assert donbas.country == "UKR" and 47.5 < donbas.lat < 49.5 and 37 < donbas.lon < 40
    korea = lookup_place("the Korean Peninsula")
    assert 35 < korea.lat < 42 and 125 < korea.lon < 130


def test_un_m49_areas_have_their_member_countries_points() -> None:
    for name, (lat, lon) in {
        "Southeast Asia": (8, 110),
        "Western Europe": (48, 7),
        "Latin America": (5, -68),
        "Central Asia": (42, 67),
        "Sub-Saharan Africa": (-2, 20),
    }.items():
        info = lookup_place(name)
        assert info.feature_code == "RGN" and info.geonameid is None, name
        assert haversine_km(info.lat, info.lon, lat, lon) < 800, name
    assert lookup_place("Central America").country is None  # not the United States
    assert lookup_place("Europe").feature_code == "CONT"  # continents stay GeoNames'
    assert "european union" not in regions()  # a union, not an area


def test_an_extent_crossing_the_date_line_has_its_middle_in_the_ocean() -> None:
    row = Row(["South Pacific", "-", "sea", "OCN", "-60 0 150 -70"], "t:1")
    assert _stated("-60 0 150 -70", row) == (-30.0, -140.0)
    assert lookup_place("the South Pacific").lon == -140.0
    assert mean_point([(0, 179), (0, -179)])[1] in (180.0, -180.0)
    with pytest.raises(TableError):
        _stated("95 10", row)


def test_countries_without_an_iso_country_record_still_have_a_point() -> None:
    assert lookup_place("Kosovo").lat is not None
    assert lookup_place("Antarctica").feature_code == "CONT"


def test_a_region_word_before_of_or_after_a_name_prefers_the_administrative_unit() -> None:
    karak = lookup_place("the Karak district")
    assert (karak.country, karak.feature_code) == ("JOR", "ADM1")
    quebec = lookup_place("the Province of Quebec")
    assert (quebec.country, quebec.feature_code) == ("CAN", "ADM1")


def test_an_english_shire_is_a_county() -> None:
    info = lookup_place("Staffordshire")
    assert (info.country, info.feature_code) == ("GBR", "ADM2") and info.lat is not None


def test_englands_metropolitan_counties_and_regions_are_in_england() -> None:
    # no package carries them; "the West Midlands" had gone to Zimbabwe's Midlands
    places = _by_text("Flooding hit parts of the West Midlands and West Yorkshire on Friday.")
    birmingham, leeds = (52.48, -1.89), (53.8, -1.55)
    for name, town in (("the West Midlands", birmingham), ("West Yorkshire", leeds)):
        p = places[name]
        assert p.country == "GBR" and haversine_km(p.lat, p.lon, *town) < 40, name


def test_a_valley_named_after_a_place_is_placed_there_without_its_id() -> None:
    info = lookup_place("the Napa Valley")
    assert info.country == "USA" and info.geonameid is None and info.feature_code == "VAL"
    assert haversine_km(info.lat, info.lon, 38.3, -122.3) < 30


ARTICLE = (
    "Rebels shelled the villages of Foua and Kfraya in Idlib province on Tuesday, "
    "activists said. Residents of Kfraya said the shelling went on for hours.\n\n"
    "Police received reports of a house fire in the town of Qatraneh in the Karak "
    "district, said a statement by Jordan's Public Security Directorate. Officials in "
    "Qatraneh said two people were hurt.\n\n"
    "The violence is among the worst in the Middle East this year, and diplomats from "
    "Southeast Asia and the Gulf called for calm."
)


def test_unknown_places_inside_a_known_area_take_its_point() -> None:
    places = _places(ARTICLE)
    kfraya = [p for p in places if p.text == "Kfraya"]
    assert len(kfraya) == 2  # one sense per article: both mentions
    for p in kfraya:
        assert p.country == "SYR" and p.geonameid is None and p.admin1 == "SY.12"
        assert haversine_km(p.lat, p.lon, 35.9, 36.6) < 80  # Idlib province
    qatraneh = [p for p in places if p.text == "Qatraneh"]
    assert qatraneh and all(p.country == "JOR" and p.lat is not None for p in qatraneh)


def test_near_is_not_inside_but_a_comma_before_in_is() -> None:
    places = _by_text("Troops entered the village of Kfraya near Idlib on Monday, officials said.")
    assert "Kfraya" not in places or places["Kfraya"].lat is None
    places = _by_text("Troops entered the village of Kfraya, in Idlib province, on Monday.")
    assert places["Kfraya"].country == "SYR" and places["Kfraya"].lat is not None


def test_every_place_of_the_article_has_a_point() -> None:
    places = _places(ARTICLE)
    for name in ("Middle East", "Southeast Asia", "Gulf"):
        found = [p for p in places if name in p.text]
        assert found and all(p.lat is not None and p.kind for p in found), name
    assert all(p.lat is not None and p.lon is not None for p in places), [
        p.text for p in places if p.lat is None
    ]


def test_the_new_points_reach_article_json_and_the_places_export(tmp_path) -> None:
    source = tmp_path / "idlib.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "n.db")
    runner = CliRunner()
    result = runner.invoke(cli_app, ["ingest", str(source), "--db", db])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        (article,) = list(store.iter_articles())
    result = runner.invoke(cli_app, ["article", article["id"], "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    stored = json.loads(result.stdout)
    places = stored["annotations"]["places"]
    middle_east = next(p for p in places if "Middle East" in p["text"])
    assert middle_east["lat"] is not None and middle_east["feature_code"] == "RGN"
    kfraya = next(p for p in places if p["text"] == "Kfraya")
    assert kfraya["lat"] is not None and kfraya["country"] == "SYR"
    assert stored["text"][kfraya["start"] : kfraya["end"]] == "Kfraya"
    result = runner.invoke(cli_app, ["export", "places", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["lat"] is not None for r in rows)


def test_the_map_places_an_event_located_in_a_region_without_a_stored_point() -> None:
    point = event_point("the Middle East", None, None, None)  # stored before its point
    assert point is not None and point == (
        lookup_place("the Middle East").lat,
        lookup_place("the Middle East").lon,
    )
