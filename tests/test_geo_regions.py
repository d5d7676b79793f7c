"""Regions with a point and a GeoNames id: state and province abbreviations, counties,
compass parts of regions, and the hand-kept regions that GeoNames has as first-order
regions."""

from __future__ import annotations

from newsfuse.annotate.stage import annotate_article
from newsfuse.evaluate.places import haversine_km
from newsfuse.geo.abbreviation_context import in_context
from newsfuse.geo.abbreviations import abbreviations, read_abbreviation, region
from newsfuse.geo.gazetteer import lookup_place
from newsfuse.geo.geonames import gazetteer
from newsfuse.model import Article, PlaceMention

KENTUCKY = 6254925
BRITISH_COLUMBIA = 5909050
WASHINGTON_STATE = 5815135
WESTERN_AUSTRALIA = 2058645
ACT = 2177478


def _places(text: str) -> list[PlaceMention]:
    return annotate_article(Article("t", "t", text, "", published="2024-03-04")).places


def test_every_abbreviation_names_a_first_order_region_with_a_point() -> None:
    table = abbreviations()
    for form, readings in table.items():
        for reading in readings:
            entry = region(reading)
            assert entry is not None, form
            assert entry.feature_code == "ADM1" and entry.iso2 == reading.iso2, form
    usps = {f for f, rows in table.items() if len(f) == 2 and rows[0].iso2 == "US"}
    assert len(usps) == 51  # fifty states and the District of Columbia
    states = {r.subdivision for rows in table.values() for r in rows if r.iso2 == "US"}
    assert len(states) == 51


def test_abbreviations_that_are_no_words_name_their_region_anywhere() -> None:
    for text, gid in (("Ky.", KENTUCKY), ("B.C.", BRITISH_COLUMBIA), ("W. Va.", 4826850)):
        info = lookup_place(text)
        assert (info.feature_code, info.geonameid) == ("ADM1", gid), text
        assert info.lat is not None and info.lon is not None
    assert lookup_place("NSW").country == "AUS"
    for word in ("IN", "OR", "ME", "WA"):  # words, or shared: no region alone
        assert read_abbreviation(word) is None
        assert lookup_place(word).feature_code != "ADM1"


def test_a_qualifier_is_read_by_the_place_it_follows() -> None:
    assert in_context("WA", ("Perth", ", ")).geonameid == WESTERN_AUSTRALIA
    assert in_context("WA", ("Seattle", ", ")).geonameid == WASHINGTON_STATE
    assert in_context("KY", ("Louisville", ", ")).geonameid == KENTUCKY
    assert in_context("Man.", ("Winnipeg", ", ")).name == "Manitoba"
    assert in_context("ACT", ("Tasmania", " or the ")).geonameid == ACT
    assert in_context("ACT", ("Tasmania", " ACT is ")) is None  # no list, no comma
    assert in_context("IN", ("Ohio", " AND ")) is None  # a headline's capitals: no list


def test_abbreviations_next_to_places_are_spotted_and_resolved() -> None:
    places = _places(
        "A couple from Melville, Sask. believes their cat came from Louisville, KY on a "
        "freight train. Road deaths fell in Tasmania or the ACT over Easter."
    )
    by_text = {p.text: p for p in places}
    assert by_text["Sask."].geonameid == 6141242
    assert (by_text["KY"].geonameid, by_text["KY"].feature_code) == (KENTUCKY, "ADM1")
    assert by_text["ACT"].geonameid == ACT
    assert by_text["Louisville"].admin1 == "US.KY"


def test_bare_codes_that_are_words_are_no_places() -> None:
    texts = {p.text for p in _places("Log IN or sign up, OR call us. Paris is IN France.")}
    assert not texts & {"IN", "OR"}


def test_counties_have_a_point_an_id_and_their_state() -> None:
    info = lookup_place("Metcalfe County")
    assert (info.feature_code, info.geonameid, info.admin1) == ("ADM2", 4300606, "US.KY")
    assert haversine_km(info.lat, info.lon, 36.99, -85.63) < 40  # GeoNames' point
    assert lookup_place("the County of Brant").geonameid == 5907982
    assert lookup_place("Kent").feature_code != "ADM2"  # a bare name stays the town's


def test_a_county_is_resolved_by_the_state_the_article_names() -> None:
    places = _places(
        "The Plymouth County Sheriff's Office said the tractor was stolen near Hinton. "
        "Deputies found it in Monroe County, and the man was jailed in Iowa."
    )
    by_name = {p.name: p for p in places}  # the first is "The Plymouth County" as written
    assert by_name["Plymouth County"].admin1 == "US.IA"
    assert by_name["Monroe County"].admin1 == "US.IA"


def test_a_county_at_the_head_of_a_facility_name() -> None:
    places = _places(
        "The Metcalfe County Sheriff's Office and Kentucky State Police responded to the "
        "shooting on Saturday."
    )
    county = [p for p in places if p.text == "Metcalfe County"]
    assert county and county[0].geonameid == 4300606


def test_a_compass_part_of_a_region_or_country_is_placed_there() -> None:
    assert lookup_place("Far North Queensland").geonameid == 2152274
    assert lookup_place("eastern Ukraine").country == "UKR"
    assert lookup_place("North Carolina").geonameid == 4482348  # a name of its own
    assert lookup_place("Eastern Europe").feature_code == "RGN"  # an M49 area, not Europe's part
    eastern_med = lookup_place("the eastern Mediterranean")  # a part of a sea: the sea's point
    assert eastern_med.kind == "sea" and eastern_med.lat is not None


def test_hand_kept_regions_take_geonames_first_order_regions() -> None:
    for name, gid in (("Crimea", 703883), ("Tigray", 444187), ("Gaza Strip", 281132)):
        info = lookup_place(name)
        assert (info.geonameid, info.feature_code, info.kind) == (gid, "ADM1", "region")
    info = lookup_place("Kursk region")
    assert (info.feature_code, info.country) == ("ADM1", "RUS") and info.geonameid == 538555


def test_iso_3166_2_codes_lead_to_first_order_regions() -> None:
    entry = gazetteer().subdivision("AU-QLD")
    assert entry is not None and (entry.name, entry.feature_code) == ("Queensland", "ADM1")
    assert gazetteer().subdivision("XX-YY") is None


def test_a_stray_place_does_not_stretch_a_regions_box() -> None:
    """Jiangsu lies between 30.7 and 35.2 degrees north and 116.3 and 121.9 east; a place
    the data puts in it far inland must not drag its point out of the province."""
    jiangsu = gazetteer().by_id(1806260)
    assert jiangsu is not None and jiangsu.feature_code == "ADM1"
    assert 30.7 <= jiangsu.lat <= 35.2 and 116.3 <= jiangsu.lon <= 121.9
    kentucky = gazetteer().admin1("US", "KY")  # a region of many places keeps its box
    assert kentucky is not None and 36.5 <= kentucky.lat <= 39.2
    assert -89.6 <= kentucky.lon <= -81.9


def _ingested(text: str) -> Article:
    from newsfuse.clean.document import clean_document
    from newsfuse.model import RawDocument

    article = clean_document(RawDocument(source="t.txt", content=text, kind="text", meta={}))
    assert isinstance(article, Article), article
    return article


def test_a_datelines_place_and_qualifier_are_places_of_the_stored_text() -> None:
    """ "PARIS, Mo. —": the dateline stays in the stored text, and its place and the
    state after it are place spans there, the town read by its state."""
    article = _ingested(
        "PARIS, Mo. — A 25-year-old man was arrested Friday on DWI and other charges "
        "after a crash that led to a serious injury, the state Highway Patrol reported."
    )
    assert article.text.startswith("PARIS, Mo. —\n\nA 25-year-old man")
    places = annotate_article(article).places
    by_text = {p.text: p for p in places}
    town, state = by_text["PARIS"], by_text["Mo."]
    assert (town.start, town.end, state.start, state.end) == (0, 5, 7, 10)
    assert state.feature_code == "ADM1" and state.admin1 == "US.MO"
    assert town.admin1 == "US.MO" and town.lat is not None


def test_a_dateline_after_a_title_line_stays_before_its_lead() -> None:
    article = _ingested(
        "Mayor to unveil a plan against drugs\n"
        "TORRINGTON, Conn. (AP) — Mayor Ryan Bingham will hold a press conference at noon "
        "today to unveil a new program regarding drugs being sold in the city."
    )
    at = article.text.index("TORRINGTON, Conn. (AP) —\n\nMayor Ryan Bingham")
    assert at == 0 or article.text[at - 1] == "\n"
    town = next(p for p in annotate_article(article).places if p.text == "TORRINGTON")
    assert town.start == at and town.admin1 == "US.CT"


ALBERTA = 5883102


def test_a_town_before_a_region_abbreviation_is_a_place_whatever_the_model_made_of_it() -> None:
    # CTV, 2016 (trnews): the model tags "Wainwright" PERSON
    text = (
        'The Hains had heard the story of "Q-199," who was found during a routine safety '
        "check in Wainwright, Alta., by train conductor Brad Slater."
    )
    found = {p.text: p for p in _places(text)}
    town, province = found["Wainwright"], found["Alta."]
    assert (town.country, town.admin1, town.feature_code) == ("CAN", "CA.01", "PPL")
    # read by the town before it, the abbreviation stays Alberta (not Alta, Norway)
    assert (province.geonameid, province.feature_code) == (ALBERTA, "ADM1")
    # no populated place of the name in that region: no town
    names = {p.text for p in _places("The report was written by Brad Slater, Alta., in May.")}
    assert "Slater" not in names and "Brad Slater" not in names


def test_a_borough_is_the_place_it_is_named_for() -> None:
    assert lookup_place("Enfield Borough").name == "Enfield"
    text = (
        "An Edmonton man who carried out a vicious assault has been jailed. Detective "
        "Constable Smith, of Enfield Borough police, said the sentence was just."
    )
    article = Article("t", "t", text, "", published="2017-06-02", url="http://www.nlhnews.co.uk/a")
    found = {p.text: p for p in annotate_article(article).places}
    assert found["Enfield Borough"].country == "GBR"


def test_us_census_regions_have_a_point_among_their_states() -> None:
    midwest = lookup_place("the Midwest")
    assert midwest.country == "USA" and midwest.lat is not None
    iowa = lookup_place("Iowa")  # the Midwest's middle lies near Iowa
    assert haversine_km(midwest.lat, midwest.lon, iowa.lat, iowa.lon) < 300
    assert lookup_place("New England").country == "USA"
