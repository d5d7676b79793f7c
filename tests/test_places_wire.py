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
