"""How wire copy writes place names: a big city's clipped name ("Rio") is that city.
Sentences written for these tests."""

from __future__ import annotations

from newsfuse.annotate.stage import annotate_article
from newsfuse.model import Article, PlaceMention


def _places(text: str, url: str = "") -> dict[str, PlaceMention]:
    article = Article("t", "t", text, url, published="2016-05-06")
    return {p.text: p for p in annotate_article(article).places}


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
