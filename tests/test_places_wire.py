"""How wire copy writes place names: a bare dateline city of a wire agency is the major city
of that name, and a big city's clipped name ("Rio") is that city. Sentences written for
these tests."""

from __future__ import annotations

from newsfuse.annotate.stage import annotate_article
from newsfuse.model import Article, PlaceMention


def _places(text: str, url: str = "") -> dict[str, PlaceMention]:
    article = Article("t", "t", text, url, published="2016-05-06")
    return {p.text: p for p in annotate_article(article).places}


def test_a_wire_datelines_bare_city_is_the_major_city_whatever_the_story_names() -> None:
    # the story names England's places, where a small Washington lies; the dateline stands
    # alone, so by the stylebook it is the capital
    for credit in ("(AP) —", "(Reuters) -", "(AFP) -"):
        text = (
            f"WASHINGTON {credit} British ministers met their American counterparts on "
            "Tuesday. Officials from London, Sunderland and Newcastle joined the talks."
        )
        places = _places(text)
        assert places["WASHINGTON"].admin1 == "US.DC", credit
        assert places["Sunderland"].country == "GBR"


def test_a_wire_dateline_with_its_country_after_it_is_that_countrys_namesake() -> None:
    text = "WASHINGTON, England (AP) — Officials from Sunderland met on Tuesday."
    assert _places(text)["WASHINGTON"].country == "GBR"


def test_a_bare_dateline_of_no_wire_is_read_with_the_story() -> None:
    # a local paper writes its own area's towns bare: the rest of the story decides
    text = "WASHINGTON — Councillors in Sunderland and Newcastle met on Tuesday to discuss it."
    assert _places(text)["WASHINGTON"].country == "GBR"


def test_a_world_citys_clipped_name_is_the_city() -> None:
    # GeoNames records "Rio" for Rio de Janeiro; news clips the name so
    places = _places("Carnival crowds filled the streets of Rio on Sunday, police said.")
    assert (places["Rio"].country, places["Rio"].geonameid) == ("BRA", 3451190)
    # a namesake the text places by its country keeps its own place
    places = _places("The ferry left the port of Rio, Greece, on Sunday, officials said.")
    assert places["Rio"].country == "GRC"


def test_only_a_world_citys_first_word_and_no_code_is_indexed_as_its_name() -> None:
    from newsfuse.geo.geonames import _city_alternates

    city = {"name": "Rio de Janeiro", "alternatenames": ["RIO", "Rio", "Rim", "Rio de Janeyro"]}
    assert _city_alternates(city, 6_000_000) == ("Rio", "Rio de Janeyro")
    assert _city_alternates(city, 500_000) == ("Rio de Janeyro",)  # no world city
    town = {"name": "Usa River", "alternatenames": ["Usa", "USA"]}
    assert _city_alternates(town, 21_000) == ()
