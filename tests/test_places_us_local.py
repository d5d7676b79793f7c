"""US local news places: the rules the GVC place dev set (tests/data/places) showed, on
sentences written for these tests, and that dev set's quality gate where ../shared is."""

from __future__ import annotations

import json
from dataclasses import replace
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
from newsfuse.geo.neighbourhoods import place_neighbourhoods
from newsfuse.geo.unplaced import keep_placed
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


def _found(text: str, ents: list[tuple[str, str]]) -> list[str]:
    return [s.text for s, _ in place_spans(_doc(text, ents))]


def test_a_small_town_heads_its_own_police_and_fire_departments() -> None:
    text = "The Rockport Police Department said a man was hurt. Rockport police are searching."
    assert _found(text, [("The Rockport Police Department", "ORG")])[:1] == ["Rockport"]
    # a small town's name before other words is no place by rule 1's population floor
    assert _found("The Rockport Rotary Club met.", [("The Rockport Rotary Club", "ORG")]) == []


def test_an_english_court_is_named_for_its_town() -> None:
    # towns under rule 1's population floor, so only the court's name makes them places
    text = "He appeared at Wood Green Crown Court and then at Chippenham Coroner's Court."
    ents = [("Wood Green Crown Court", "ORG"), ("Chippenham Coroner's Court", "ORG")]
    assert _found(text, ents) == ["Wood Green", "Chippenham"]
    # "Crown" with no "Court" after it names no court
    assert _found("The Golden Crown Casino was sold.", [("The Golden Crown Casino", "ORG")]) == []


def test_a_small_towns_bare_dateline() -> None:
    found = find_dateline("GALENA – A man was hurt in a shooting on Friday, police said.")
    assert found is not None and found.place == "GALENA"
    assert find_dateline("POLICE — A man was hurt in a shooting on Friday.") is None


def test_a_county_written_as_one_where_the_model_saw_none() -> None:
    text = "- The Lumpkin County Sheriff's Office is investigating after a boy was hurt."
    assert _found(text, []) == ["Lumpkin County"]
    # and at the head of a place entity whose whole name says something
    said = "The Lumpkin County Sheriff's Office said a boy was hurt."
    assert _found(said, [("The Lumpkin County Sheriff's Office", "FAC")]) == ["Lumpkin County"]


def test_a_name_after_an_age_a_metro_police_an_initialism_a_block_are_no_places() -> None:
    assert _found("Police found 17-year-old Tavion Greer shot.", [("Tavion Greer", "FAC")]) == []
    assert _found("Metro Police officers responded.", [("Metro Police", "ORG")]) == []
    assert _found("The gun was a BB gun, police said.", [("BB", "GPE")]) == []
    text = "A man was shot in the 4400 block of Lexington. Lexington police said he lived."
    assert _found(text, [("Lexington", "GPE"), ("Lexington", "GPE")]) == ["Lexington"]


def test_streets_are_no_towns() -> None:
    def found(text: str, *names: str) -> list[str]:
        return _found(text, [(n, "GPE") for n in names])

    assert found("Officers were at Mathis and Prentice Street on Friday.", "Mathis") == []
    assert found("A home near Wallace and 33rd Street was hit.", "Wallace") == []
    assert found("The intersection of SE Golf Park Boulevard and SE Fremont.", "Fremont") == []
    assert found("He lives on Harding Avenue in Topeka.", "Harding", "Topeka") == ["Topeka"]
    assert found("Police in Fremont Street said.", "Fremont Street") == []
    # towns joined by "and" stay towns, and so does a saint's town
    assert found("Flights from Dallas and Fort Worth.", "Dallas", "Fort Worth") == [
        "Dallas",
        "Fort Worth",
    ]
    assert found("Fans in Minneapolis and St. Paul.", "Minneapolis", "St. Paul") == [
        "Minneapolis",
        "St. Paul",
    ]


def test_a_county_goes_to_the_state_of_the_articles_towns() -> None:
    places = _by_text(
        "POLSON — Deputies in Lake County said a man was hurt near Ronan on Friday. "
        "Lake County officials said he was taken to a hospital in Polson."
    )
    assert places["Lake County"].admin1 == "US.MT"
    # with no other place the most populous county of the name stands
    alone = _by_text("Deputies in Lake County said a man was hurt on Friday.")
    assert alone["Lake County"].admin1 == "US.IL"


def test_a_neighbourhood_the_gazetteer_places_far_from_the_city_moves_to_it() -> None:
    text = "A man was shot in the West End neighborhood of St. Louis on Friday."
    w, s = text.index("West End"), text.index("St. Louis")
    west_end = PlaceMention(w, w + 8, "West End", "West End", "USA", "city", "US.NY", 42.47,
                            -75.09, geonameid=5143789, feature_class="P", feature_code="PPL")  # fmt: skip
    st_louis = PlaceMention(s, s + 9, "St. Louis", "St. Louis", "USA", "city", "US.MO", 38.63,
                            -90.2, geonameid=4407066, feature_class="P", feature_code="PPL")  # fmt: skip
    moved = place_neighbourhoods([west_end, st_louis], text)
    assert (moved[0].admin1, moved[0].geonameid, moved[0].lat) == ("US.MO", None, 38.63)
    near = replace(west_end, lat=38.65, lon=-90.26, admin1="US.MO", geonameid=1)
    assert place_neighbourhoods([near, st_louis], text)[0] == near


def _unknown(text: str, name: str, at: int = 0) -> PlaceMention:
    start = text.index(name, at)
    return PlaceMention(start, start + len(name), name, name, None, "place")


def test_a_name_no_table_places_is_kept_only_where_it_reads_as_a_place() -> None:
    text = "Shares in Quorvex fell. Quorvex said it sold its plant. Quorvex's boss quit."
    places = [_unknown(text, "Quorvex", n) for n in (10, 24, 56)]
    assert keep_placed(places, text) == []
    text = "Rebels shelled the villages of Zarqo and Bylat. Families fled from Bylat."
    places = [_unknown(text, "Zarqo"), _unknown(text, "Bylat"), _unknown(text, "Bylat", 50)]
    assert [p.text for p in keep_placed(places, text)] == ["Zarqo", "Bylat", "Bylat"]
    # a place of the gazetteer stays whatever stands around it
    known = replace(_unknown(text, "Bylat"), country="SYR", lat=35.0, lon=38.0)
    assert keep_placed([known], text) == [known]


def test_a_part_named_by_a_towns_possessive_is_placed_at_the_town() -> None:
    text = "Crowds filled London's Docklands and Whittier's Penn Park on Friday."
    london = PlaceMention(text.index("London"), text.index("London") + 6, "London", "London",
                          "GBR", "city", "GB.ENG", 51.5, -0.13, geonameid=2643743,
                          feature_class="P", feature_code="PPLC")  # fmt: skip
    docklands = replace(_unknown(text, "Docklands"), country="AUS", lat=-37.8, lon=144.9,
                        geonameid=7521471, feature_class="P", feature_code="PPL")  # fmt: skip
    whittier = replace(london, start=text.index("Whittier"), end=text.index("Whittier") + 8,
                       text="Whittier", name="Whittier", country="USA", admin1="US.CA",
                       lat=33.98, lon=-118.03, geonameid=5409059)  # fmt: skip
    park = _unknown(text, "Penn Park")
    out = place_neighbourhoods([london, docklands, whittier, park], text)
    assert (out[1].country, out[1].lat, out[1].geonameid) == ("GBR", 51.5, None)
    assert (out[3].admin1, out[3].lat) == ("US.CA", 33.98)


def test_a_leaders_name_before_his_office_is_no_town() -> None:
    text = "The Bush administration said the talks would go on."
    assert _found(text, [("Bush", "GPE")]) == []


def test_a_world_city_is_meant_unless_the_small_namesakes_county_is_named() -> None:
    places = _by_text(
        "Oil rose in New York after the vote in the swing state of Ohio. Shares in London "
        "and Paris closed higher, and traders in New York said the US economy was strong."
    )
    assert places["London"].country == "GBR" and places["Paris"].country == "FRA"
    local = _by_text(
        "LONDON, Ky. (AP) - A fire destroyed a barn in Laurel County. London police said "
        "no one was hurt."
    )
    assert local["London"].admin1 == "US.KY"


def test_towns_of_the_articles_own_state_without_an_entity() -> None:
    places = _by_text(
        "A Rock Falls man was hurt on Friday, Whiteside County deputies said. His "
        "Dixon-based lawyer said he would recover."
    )
    assert places["Rock Falls"].admin1 == "US.IL" and places["Dixon"].admin1 == "US.IL"
    # with no region certain, no run of capitals is taken for a town
    assert "Rock Falls" not in _by_text("A Rock Falls man was hurt on Friday, police said.")


def test_the_gold_file_holds_offsets_and_no_text() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 60 and all("text" not in row and row["text_sha1"] for row in rows)
    for row in rows:
        for t in row["toponyms"]:
            assert t["end"] > t["start"] and t["lat"] is not None and t["lon"] is not None


GVC_CHECK_FLOOR = {"recall": 0.79, "precision": 0.96, "acc161": 0.76}
"""The gvc dev set's CHECK half at the figures measured when this gate was set (a little
under): tune 1.000 / 0.919 / 0.886, check 0.987 / 0.811 / 0.778 (precision / recall /
acc@161); main before this work: tune 0.888 / 0.821 / 0.675, check 0.908 / 0.805 / 0.735."""


@pytest.mark.slow
def test_gvc_check_half_quality_gate(shared) -> None:
    texts = shared / "eval/stories/gvc.jsonl"
    assert len(read_gold(GOLD, texts)) == 60  # every id and text hash still matches
    check = evaluate_places(GOLD, half="check", texts=texts)["halves"]["check"]
    assert check["toponyms"]["recall"] >= GVC_CHECK_FLOOR["recall"]
    assert check["precision"] >= GVC_CHECK_FLOOR["precision"]
    assert check["toponyms"]["acc161"] >= GVC_CHECK_FLOOR["acc161"]


def test_a_neighbourhood_written_as_one_is_a_place_whatever_the_model_made_of_it() -> None:
    text = (
        "Police found a teenager shot in the Penrose neighborhood, and a woman in the "
        "Olde Towne East neighbourhood. The Jewish neighborhood was calm."
    )
    ents = [("Penrose", "PERSON"), ("Olde Towne East", "ORG"), ("Jewish", "NORP")]
    assert _found(text, ents) == ["Penrose", "Olde Towne East"]
    # a people's, a faith's or a known person's name says who lives there, not where
    for name, label in (("Alawite", "PERSON"), ("Latino", "ORG"), ("Trump", "PERSON")):
        assert _found(f"They met in the {name} neighborhood.", [(name, label)]) == [], name
    # a neighbourhood of no city the article names keeps no point
    alone = _by_text("A teenager was shot in the Penrose neighborhood on Friday.")
    assert alone.get("Penrose") is None or alone["Penrose"].lat is None
    # a name the model already made a place of stays one span
    assert _found("He lived in the Englewood neighborhood.", [("Englewood", "GPE")]) == [
        "Englewood"
    ]


def test_a_community_written_as_one_is_placed_at_the_articles_city_unless_a_town() -> None:
    text = (
        "Two men were shot in the Briarfield community on Sunday, Savannah police said. "
        "Residents of Briarfield said the shots woke them. The LGBTQ community held a vigil."
    )
    ents = [("Briarfield", "PERSON"), ("Savannah", "GPE"), ("LGBTQ", "ORG")]
    assert _found(text, ents) == ["Briarfield", "Savannah"]
    briarfield = [p for p in _places(text) if p.text == "Briarfield"]
    assert briarfield and all(p.admin1 == "US.GA" and p.geonameid is None for p in briarfield)
    # a community the gazetteer knows is a town of its own and keeps its place
    town = _by_text("A barn burned in the Bogalusa community on Sunday, Mobile police said.")
    assert town["Bogalusa"].admin1 == "US.LA"


def test_the_words_that_write_a_neighbourhood_are_the_words_that_place_it() -> None:
    # one definition of the words serves the span and its point
    for word in ("neighborhood", "neighbourhood", "community"):
        text = f"Police in Savannah said a man was shot in the Briarfield {word} on Friday."
        ents = [("Savannah", "GPE"), ("Briarfield", "PERSON")]
        assert _found(text, ents) == ["Savannah", "Briarfield"], word
        place = _by_text(text)["Briarfield"]
        assert (place.admin1, place.geonameid) == ("US.GA", None), word


def test_a_legislators_party_and_state_names_the_state() -> None:
    text = (
        "Sen. Mary Okafor, D-Vt., and Rep. Jim Dale (R-Ohio) wrote the bill; "
        "Gov. Ann Ruiz, D-New Mexico, backed it."
    )
    found = _found(
        text, [("Mary Okafor", "PERSON"), ("Jim Dale", "PERSON"), ("Ann Ruiz", "PERSON")]
    )
    assert found == ["Vt.", "Ohio", "New Mexico"]
    places = _by_text(text)
    assert [places[n].admin1 for n in found] == ["US.VT", "US.OH", "US.NM"]
    # a hyphenated initial that is no party before a state's name is left alone
    assert _found("The B-Texas team won.", []) == []
