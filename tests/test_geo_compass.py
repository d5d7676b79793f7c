"""Compass names ("the North East", "the South West", "the Midlands") are parts of the
country the article is about, never regions of a country it does not place."""

from __future__ import annotations

import pytest

from newsfuse.annotate.stage import annotate_article
from newsfuse.evaluate.places import haversine_km
from newsfuse.geo.compass import area_names, compass_key, is_compass_name
from newsfuse.geo.compass_regions import compass_regions
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.model import Article, PlaceMention

BBC = "https://www.bbc.co.uk/news/uk-england-1"


def _places(text: str, url: str = "") -> dict[str, PlaceMention]:
    article = Article("t", "t", text, "", url=url or None, published="2024-03-04")
    return {p.text.removeprefix("the "): p for p in annotate_article(article).places}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the North East", "north east"),
        ("North-East", "north east"),
        ("Northeast", "north east"),
        ("the South-Western", "south western"),
        ("Midlands", "midlands"),
        ("the Far North", "far north"),
        ("Eastern", "eastern"),
    ],
)
def test_compass_names_fold_to_one_key(name: str, key: str) -> None:
    assert compass_key(name) == key


@pytest.mark.parametrize(
    "name", ["North Korea", "Western Australia", "Northern Territory", "South East Asia", ""]
)
def test_a_name_with_a_word_that_is_no_compass_word_is_no_compass_name(name: str) -> None:
    assert not is_compass_name(name)


def test_area_names_read_an_adjective_as_its_area() -> None:
    assert "south east Asia" in area_names("south east", "Asian")
    assert "north Europe" in area_names("north", "European")


def test_a_compass_name_alone_is_no_place_anywhere_in_particular() -> None:
    for name in ("the North East", "the South West", "Midlands", "the North West region"):
        info = lookup_place(name)
        assert info.lat is None and info.country is None and info.geonameid is None, name
    # world areas named with compass words, and regions with a proper name, stay what they are
    assert lookup_place("the Middle East").lat is not None
    assert lookup_place("Northern Territory").country == "AUS"
    assert lookup_place("Western Australia").country == "AUS"
    assert lookup_place("eastern Ukraine").country == "UKR"


def test_each_country_has_its_own_region_of_a_compass_name() -> None:
    regions = compass_regions("north east")
    assert {"BWA", "GBR"} <= set(regions)
    durham = (54.78, -1.57)
    assert haversine_km(regions["GBR"].lat, regions["GBR"].lon, *durham) < 60
    assert compass_regions("south west")["CMR"].feature_code == "ADM1"


def test_the_north_east_of_a_uk_story_is_englands() -> None:
    places = _places(
        "Unemployment fell in Newcastle and Sunderland last month, and the North East "
        "now has the fastest-growing jobs market outside London."
    )
    p = places["North East"]
    assert p.country == "GBR" and haversine_km(p.lat, p.lon, 54.78, -1.57) < 60


def test_a_uk_outlets_story_with_no_other_place_is_about_the_uk() -> None:
    places = _places("House prices in the South West rose by 3% last year, the survey said.", BBC)
    p = places["South West"]
    assert p.country == "GBR" and haversine_km(p.lat, p.lon, 50.9, -3.2) < 120  # Somerset


def test_the_south_west_of_a_cameroon_story_is_cameroons() -> None:
    places = _places(
        "Separatists attacked a school in Buea, and the army said fighting in the South "
        "West had forced thousands to flee to Douala in Cameroon."
    )
    p = places["South West"]
    assert (p.country, p.feature_code) == ("CMR", "ADM1")


def test_a_compass_name_no_placed_country_has_is_no_far_away_region() -> None:
    places = _places(
        "Snow fell across the North East on Monday, closing schools in Boston and "
        "Hartford, Connecticut, and in New York."
    )
    p = places["North East"]
    assert p.country == "USA" and p.lat is None  # a part of the US no table places


def test_a_compass_name_before_an_area_adjective_is_that_area() -> None:
    places = _places(
        'Influencers tagged their photos "Singapore", though they were nowhere near the '
        "South East Asian city-state."
    )
    (p,) = [p for p in places.values() if "South East" in p.text]
    assert p.text == "the South East Asian" and p.country != "BWA"
    assert haversine_km(p.lat, p.lon, 8, 110) < 800  # the UN M49 area's point


def test_a_compass_name_only_one_country_has_stays_that_region():
    # "West Midlands" and "East Midlands" are regions of England alone (the region table
    # keeps them as unambiguous): placed by the name, with no article context needed.
    for name in ("West Midlands", "the East Midlands"):
        info = lookup_place(name)
        assert info.country == "GBR" and info.lat is not None
    places = _places("Police in the West Midlands said a man was arrested on Saturday.")
    assert places["West Midlands"].country == "GBR"
    assert lookup_place("the North East").country is None  # Botswana's, England's, ...


def test_a_bare_point_of_the_compass_takes_no_country_from_the_article() -> None:
    # a bloc or a rival state as often as a part of the country: "pressure from the West"
    places = _places(
        "Russia will not bow to pressure from the West, the Kremlin said. Moscow was calm."
    )
    assert places["West"].country is None and places["West"].lat is None
    korea = _places("South Korea said the North launched a missile; Seoul protested.")
    assert korea["North"].country is None
