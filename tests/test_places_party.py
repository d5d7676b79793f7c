"""Rule 14 of :mod:`newsfuse.annotate.place_spans`: a US legislator's party and state
("Sen. Tom Harkin, D-Iowa") names the state, a place of its own that is no evidence for
where the article's other places are. Sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.place_spans import place_spans
from newsfuse.annotate.stage import annotate_article
from newsfuse.annotate.written_places import party_state
from newsfuse.model import Article, PlaceMention


def _places(text: str) -> dict[str, PlaceMention]:
    article = Article("t", "t", text, "", published="2016-05-06")
    return {p.text: p for p in annotate_article(article).places}


def _doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """``text`` parsed, its entities replaced by ``ents`` (text, label)."""
    doc = load_nlp()(text)
    doc.ents = [
        doc.char_span(text.index(name), text.index(name) + len(name), label=label)
        for name, label in ents
    ]
    return doc


def test_any_us_state_abbreviation_after_a_party_initial_is_the_state() -> None:
    # "Wash.", "Pa.", "La." name a state elsewhere only after a town; a party tag names one
    text = (
        "Sen. Jane Roe, D-Wash., Rep. Tim Hale, R-Pa., Rep. Lou Dunn, R-La., and "
        "Sen. Ray Cole, I-Mass., wrote to the agency. Rep. Ann Fry, R-Texas."
    )
    places = _places(text)
    found = {name: places[name].admin1 for name in ("Wash.", "Pa.", "La.", "Mass.", "Texas")}
    assert found == {
        "Wash.": "US.WA", "Pa.": "US.PA", "La.": "US.LA", "Mass.": "US.MA", "Texas": "US.TX",
    }  # fmt: skip
    # a place with its point, as the state's name elsewhere
    assert all(places[name].lat is not None for name in found)
    assert places["Wash."].feature_code == "ADM1"


def test_a_state_written_out_after_a_party_initial_is_no_country() -> None:
    places = _places("Rep. Lena Holt, D-Georgia, voted no on the measure Tuesday.")
    assert (places["Georgia"].country, places["Georgia"].admin1) == ("USA", "US.GA")


def test_the_models_entity_over_the_whole_tag_is_cut_to_the_state() -> None:
    text = "Sen. Mark Bell, D-Ga., voted against the bill."
    doc = _doc(text, [("Mark Bell", "PERSON"), ("D-Ga.", "GPE")])
    assert [s.text for s, _ in place_spans(doc)] == ["Ga."]


def test_a_legislators_state_pulls_no_other_name_towards_it() -> None:
    # Ohio has an Athens and a Dublin; the senator's state says nothing of the talks
    places = _places(
        "Sen. Owen Park, D-Ohio, said the trade envoys would meet in Athens and Dublin."
    )
    assert places["Ohio"].admin1 == "US.OH"
    assert (places["Athens"].country, places["Dublin"].country) == ("GRC", "IRL")
    # nor does a tag's state the model found itself ("Ga." is an entity of its own)
    assert (
        _places("Rep. Carla Diaz, R-Ga., said the panel toured Athens.")["Athens"].country == "GRC"
    )
    # the review's probes: Athens and Paris as the sentence without the tag reads them
    places = _places(
        "WASHINGTON (AP) — Rep. Michael McCaul, R-Texas, said the delegation visited "
        "Athens and Rome before returning."
    )
    assert (places["Texas"].admin1, places["Athens"].country) == ("US.TX", "GRC")
    places = _places(
        "WASHINGTON (AP) — Sen. Sherrod Brown, D-Ohio, said Tuesday he had met allies in "
        "Paris and London last week."
    )
    assert (places["Ohio"].admin1, places["Paris"].country) == ("US.OH", "FRA")


def test_a_hyphen_after_a_letter_that_is_no_party_tag_names_no_state() -> None:
    text = "Traffic on I-Texas Road and the B-Ohio line was slow, drivers said."
    assert place_spans(_doc(text, [])) == []


def test_a_territorys_member_of_the_house_is_tagged_with_the_territory() -> None:
    # Puerto Rico, Guam, the Virgin Islands, American Samoa and the Northern Mariana
    # Islands each send a member to the House, whose tag names the territory
    text = (
        "Rep. Marta Ruiz, R-P.R., Rep. Joe Cruz, D-Guam, Rep. Lee Hart, D-Virgin Islands, "
        "Rep. Ana Toa, R-American Samoa, and Rep. Ben Reyes, I-Northern Mariana Islands, "
        "wrote to the agency."
    )
    places = _places(text)
    found = {
        name: places[name].country
        for name in ("P.R.", "Guam", "Virgin Islands", "American Samoa", "Northern Mariana Islands")
    }
    assert found == {
        "P.R.": "PRI", "Guam": "GUM", "Virgin Islands": "VIR", "American Samoa": "ASM",
        "Northern Mariana Islands": "MNP",
    }  # fmt: skip
    assert all(places[name].lat is not None for name in found)
    # in brackets too, and the District as before
    places = _places("Rep. Ana Soto (D-P.R.) and Rep. Kim Ward (D-D.C.) spoke.")
    assert (places["P.R."].country, places["D.C."].admin1) == ("PRI", "US.DC")


def test_a_territorys_form_names_it_only_in_a_tag() -> None:
    assert "P.R." not in _places("The P.R. firm said the campaign had worked.")
    # a country that is no US territory is no tag's state
    assert party_state("Jamaica") is None and party_state("British Virgin Islands") is None


def test_a_delegates_title_is_no_state() -> None:
    places = _places("Del. Ruth Vale, D-D.C., and Del. Omar Tse, D-Guam, wrote to the agency.")
    assert "Del." not in places
    assert (places["D.C."].admin1, places["Guam"].country) == ("US.DC", "GUM")
    # after a town the form is the state, whatever name follows
    assert _places("He lives in Dover, Del. Ruth Vale said.")["Del."].admin1 == "US.DE"
    # a member's own tag ends a sentence before the next one opens on a name
    places = _places("Sen. Ruth Vale, D-Del. Vale and two others voted against the bill.")
    assert places["Del."].admin1 == "US.DE"
