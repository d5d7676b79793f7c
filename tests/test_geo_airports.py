"""Airports as places (newsfuse.geo.airports): names that say "Airport", short names
weighed by the article, and no short name that a town or country carries."""

from __future__ import annotations

from newsfuse.annotate.stage import annotate_article
from newsfuse.evaluate.places import haversine_km
from newsfuse.geo.airports import names_of
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import gazetteer
from newsfuse.model import Article, PlaceMention


def _places(text: str) -> dict[str, PlaceMention]:
    article = Article("t", "t", text, "", published="2016-12-17")
    return {p.text: p for p in annotate_article(article).places}


def test_an_airport_named_so_in_the_text_has_its_point_and_no_geonames_id() -> None:
    # CBC, 17 December 2016 (trnews)
    found = _places(
        "Poor conditions caused over 200 flights to be cancelled at Toronto's Pearson "
        "International Airport, while Ottawa's Macdonald-Cartier International Airport "
        "had 41 delays and cancellations."
    )
    pearson = found["Pearson International Airport"]
    assert (pearson.kind, pearson.feature_code, pearson.country) == ("feature", "AIRP", "CAN")
    assert pearson.geonameid is None and pearson.admin1 == "CA.08"
    assert haversine_km(pearson.lat, pearson.lon, 43.68, -79.63) < 5
    # the model tags this one ORG: rule 1 takes it because its name says "Airport"
    ottawa = found["Macdonald-Cartier International Airport"]
    assert haversine_km(ottawa.lat, ottawa.lon, 45.32, -75.67) < 5


def test_a_short_airport_name_is_weighed_against_its_namesakes_by_the_article() -> None:
    # BBC, 17 December 2016 (trnews): "Heathrow" is also a village in Florida
    found = _places(
        "Fog has affected travel in southern England with some flights cancelled due to "
        "poor visibility at London airports. BA warned that there would be knock-on delays "
        "due to disruption at Heathrow."
    )
    heathrow = found["Heathrow"]
    assert (heathrow.country, heathrow.feature_code) == ("GBR", "AIRP")
    assert haversine_km(heathrow.lat, heathrow.lon, 51.47, -0.46) < 5
    # a village of that name keeps its own name where nothing says otherwise
    assert {e.feature_code for e in gazetteer().candidates("Heathrow")} == {"AIRP", "PPL"}


def test_no_short_name_that_a_town_or_a_country_carries() -> None:
    assert lookup_place("Luton").feature_code == "PPL"  # the town, not London Luton Airport
    assert lookup_place("Kuwait").feature_code == "PCLI"
    assert all(e.feature_code != "AIRP" for e in gazetteer().candidates("Kuwait"))


def test_names_of_an_airport() -> None:
    def place(words: str) -> bool:
        return words in ("London", "Toronto", "Ottawa")

    main, forms, short = names_of("London Heathrow Airport", "London", place, lambda w: False)
    assert (main, short) == ("London Heathrow Airport", "Heathrow")
    assert "Heathrow Airport" in forms and "Heathrow International Airport" in forms
    main, forms, short = names_of(
        "Ottawa / Macdonald-Cartier International Airport", "Ottawa", place, lambda w: False
    )
    assert main == "Ottawa Macdonald-Cartier International Airport"
    assert short == "Macdonald-Cartier" and "Macdonald-Cartier Airport" in forms
    # served by Mississauga, named after Toronto: the leading place is dropped all the same
    _, forms, short = names_of(
        "Toronto Pearson International Airport", "Mississauga", place, lambda w: False
    )
    assert short == "Pearson" and "Pearson International Airport" in forms
    assert (
        names_of("Sioux Falls Regional Airport", "Sioux Falls", place, lambda w: False)[2] is None
    )


def test_an_airport_called_by_the_surname_it_is_named_after() -> None:
    _, forms, _ = names_of(
        "General Edward Lawrence Logan International Airport", "Boston",
        lambda w: False, lambda w: False,
    )  # fmt: skip
    assert "Logan Airport" in forms and "Logan International Airport" in forms
    _, forms, _ = names_of("Charles de Gaulle Airport", "Paris", bool, bool)
    assert "Gaulle Airport" not in forms  # "de": no run of capitalised words


def test_an_airport_is_resolved_by_the_article_like_a_town() -> None:
    # "Logan Airport" is Boston's and Billings'; the article says which
    boston = _places("Travellers slept at Logan Airport after storms hit Boston on Friday.")
    assert haversine_km(boston["Logan Airport"].lat, boston["Logan Airport"].lon, 42.36, -71.01) < 5
    montana = _places("Fog delayed flights at Logan International Airport in Billings, Montana.")
    airport = montana["Logan International Airport"]
    assert haversine_km(airport.lat, airport.lon, 45.81, -108.54) < 5
