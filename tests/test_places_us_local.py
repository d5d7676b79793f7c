"""US local news places: the rules the GVC place dev set (tests/data/places) showed, on
sentences written for these tests, and that dev set's quality gate where ../shared is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.place_spans import place_spans
from newsfuse.annotate.stage import annotate_article
from newsfuse.clean.dateline import find_dateline
from newsfuse.evaluate.places import evaluate_places, haversine_km, read_gold
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import gazetteer
from newsfuse.model import Article, PlaceMention

GOLD = Path(__file__).parent / "data" / "places" / "gvc_places.jsonl"


def _places(text: str) -> list[PlaceMention]:
    article = Article("t", "t", text, "", published="2016-05-06")
    return list(annotate_article(article).places)


def _by_text(text: str) -> dict[str, PlaceMention]:
    return {p.text: p for p in _places(text)}


def test_st_and_saint_are_one_word_for_a_name_indexed_only_one_way() -> None:
    # GeoNames spells the county "Saint Louis County"; news writes "St. Louis County"
    ids = {e.geonameid for e in gazetteer().candidates("St. Louis County")}
    assert 4407074 in ids
    info = lookup_place("St. Louis County")
    assert (info.feature_code, info.admin1) == ("ADM2", "US.MO")
    # a name indexed as written keeps its own places only: St. Louis the city first
    assert lookup_place("ST. LOUIS").geonameid == 4407066


def test_a_municipalitys_legal_form_names_its_town() -> None:
    info = lookup_place("the Village of Scarsdale")
    assert (info.country, info.admin1, info.feature_class) == ("USA", "US.NY", "P")
    assert lookup_place("the City of Detroit").admin1 == "US.MI"
    # a whole name the gazetteer knows stays itself
    assert lookup_place("the City of London").country == "GBR"


def _doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """``text`` parsed, with the model's entities replaced by ``ents`` (text, label), so
    that a rule is tested on the entities it reads whatever the model makes of a sentence."""
    doc = load_nlp()(text)
    spans = []
    for name, label in ents:
        start = text.index(name, spans[-1].end_char if spans else 0)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = spans
    return doc


def test_a_split_persons_name_is_no_place_and_its_surname_stays_the_person() -> None:
    text = (
        "The shooting also killed Barry Washington, 56, police in Akron said on Friday. "
        "Washington's family said he had just retired."
    )
    ents = [("Barry", "PERSON"), ("Washington", "GPE"), ("Akron", "GPE"), ("Washington", "GPE")]
    found = [s.text for s, _ in place_spans(_doc(text, ents))]
    assert found == ["Akron"]
    # as the model splits it in such a sentence
    assert list(_by_text(text)) == ["Akron"]


def test_a_place_after_a_persons_full_name_elsewhere_is_still_a_place() -> None:
    places = _by_text("Denzel Washington visited Washington on Monday to meet lawmakers.")
    assert "Washington" in places


def test_page_furniture_words_are_no_places() -> None:
    text = "Buy Photo Akron police officers investigate the scene. (Photo: Provided) Two were hurt."
    ents = [("Photo", "GPE"), ("Akron", "GPE"), ("Photo", "GPE")]
    assert [s.text for s, _ in place_spans(_doc(text, ents))] == ["Akron"]


def test_a_words_after_a_name_must_be_a_month_to_make_a_dateline() -> None:
    assert find_dateline("Police found 48-year-old Ann Lee dead inside her home.") is None
    found = find_dateline("DAYTON, March 4 - Police found a man dead inside his home.")
    assert found is not None and found.place == "DAYTON"


def test_a_header_state_abbreviation_without_its_full_stop() -> None:
    places = _by_text("PIKEVILLE, Ky (WYMT) - A man was shot on Sunday, deputies said.")
    assert places["Ky"].feature_code == "ADM1" and places["Ky"].admin1 == "US.KY"
    assert places["PIKEVILLE"].admin1 == "US.KY"
    springfield = _by_text("SPRINGFIELD, Mo (KY3) - A man was shot on Sunday, police said.")
    assert springfield["Mo"].admin1 == "US.MO"  # not the Norwegian town Mo


def test_a_neighbourhood_named_as_such_is_placed_at_the_articles_city() -> None:
    places = _places(
        "A man was shot in the Fountain Square neighborhood late Friday, Indianapolis "
        "police said. Neighbors in Fountain Square said they heard five shots. "
        "Indianapolis has seen 90 homicides this year."
    )
    squares = [p for p in places if p.text == "Fountain Square"]
    assert squares and all(p.admin1 == "US.IN" and p.geonameid is None for p in squares)
    assert all(haversine_km(p.lat, p.lon, 39.768, -86.158) < 5 for p in squares)
    alone = _by_text("A man was shot in the Fountain Square neighborhood late Friday.")
    assert alone.get("Fountain Square") is None or alone["Fountain Square"].lat is None


def test_the_gold_file_holds_offsets_and_no_text() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 60 and all("text" not in row and row["text_sha1"] for row in rows)
    for row in rows:
        for t in row["toponyms"]:
            assert t["end"] > t["start"] and t["lat"] is not None and t["lon"] is not None


GVC_CHECK_FLOOR = {"recall": 0.79, "precision": 0.88, "acc161": 0.78}
"""The gvc dev set's CHECK half at the figures measured when this gate was set (a little
under): tune 1.000 / 0.955 / 0.866, check 0.904 / 0.810 / 0.802 (precision / recall /
acc@161)."""


@pytest.mark.slow
def test_gvc_check_half_quality_gate(shared) -> None:
    texts = shared / "eval/stories/gvc.jsonl"
    assert len(read_gold(GOLD, texts)) == 60  # every id and text hash still matches
    check = evaluate_places(GOLD, half="check", texts=texts)["halves"]["check"]
    assert check["toponyms"]["recall"] >= GVC_CHECK_FLOOR["recall"]
    assert check["precision"] >= GVC_CHECK_FLOOR["precision"]
    assert check["toponyms"]["acc161"] >= GVC_CHECK_FLOOR["acc161"]
