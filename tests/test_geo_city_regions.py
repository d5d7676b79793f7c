"""A city and the first-order region named alike ("New York"): the bare name is the city,
the region where the article says so ("New York state", "upstate", "Albany, New York")."""

from __future__ import annotations

from newsfuse.annotate.stage import annotate_article
from newsfuse.geo.city_regions import namesake_city
from newsfuse.geo.geonames import gazetteer
from newsfuse.model import Article, PlaceMention

NEW_YORK_STATE, NEW_YORK_CITY = 5128638, 5128581


def _places(text: str) -> list[PlaceMention]:
    return list(annotate_article(Article("t", "t", text, "", published="2024-03-04")).places)


def _ids(text: str, name: str = "New York") -> list[int | None]:
    return [p.geonameid for p in _places(text) if p.text == name]


def test_new_york_city_is_the_largest_place_of_new_york_state() -> None:
    state = gazetteer().subdivision("US-NY")
    assert state is not None and state.geonameid == NEW_YORK_STATE
    city = namesake_city(state, "new york")
    assert city is not None and city.geonameid == NEW_YORK_CITY
    quebec = gazetteer().subdivision("CA-QC")  # Montreal is Quebec's largest city
    assert quebec is not None and namesake_city(quebec, "quebec") is None


def test_a_bare_new_york_is_the_city() -> None:
    assert _ids("Tillerson met with Trump in New York on Saturday.") == [NEW_YORK_CITY]


def test_new_york_state_and_upstate_new_york_are_the_state() -> None:
    text = (
        "Snow closed roads across upstate New York, and state officials said schools in "
        "Buffalo would shut. New York has seen worse winters."
    )
    assert _ids(text) == [NEW_YORK_STATE, NEW_YORK_STATE]
    assert set(_ids("Officials of the state of New York met in New York on Monday.")) == {
        NEW_YORK_STATE
    }


def test_a_borough_makes_the_bare_name_the_city_even_beside_the_state() -> None:
    ids = _ids(
        "Police in Manhattan said the New York subway was shut; New York state troopers helped."
    )
    assert ids == [NEW_YORK_CITY, NEW_YORK_STATE]


def test_new_york_after_a_town_and_a_comma_is_the_state_and_no_more() -> None:
    assert _ids("He was born in Albany, New York, and later moved to Paris.") == [NEW_YORK_STATE]
    ids = _ids("Born in Albany, New York, he now works in New York as a banker.")
    assert ids == [NEW_YORK_STATE, NEW_YORK_CITY]


def test_a_turkish_province_and_its_city_alike() -> None:
    (istanbul,) = [
        p for p in _places("Thousands marched in Istanbul on Sunday.") if p.text == "Istanbul"
    ]
    assert istanbul.feature_class == "P"


BAHIA_STATE, SALVADOR = 3471168, 3450554


def test_a_city_named_after_its_region_only_by_an_alternate_name_is_no_namesake() -> None:
    # Salvador is Bahia's largest city and "Bahia" one of its alternate names, but news
    # calls the city Salvador: the bare name is the state.
    state = gazetteer().subdivision("BR-BA")
    assert state is not None and namesake_city(state, "bahia") is None
    ids = _ids("Rains in Bahia helped the cocoa crop, growers in Ilheus said.", "Bahia")
    assert ids == [BAHIA_STATE]


def test_a_city_whose_own_name_holds_the_region_name_stays_its_namesake() -> None:
    cluj = gazetteer().subdivision("RO-CJ")
    assert cluj is not None
    city = namesake_city(cluj, "cluj")
    assert city is not None and city.name == "Cluj-Napoca"
