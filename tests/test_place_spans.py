"""Place spotting beyond the model's GPE/LOC/FAC entities (newsfuse/annotate/place_spans.py)."""

from __future__ import annotations

from newsfuse.annotate.dateline_spans import dateline_spans
from newsfuse.annotate.place_spans import is_place_name
from newsfuse.annotate.stage import annotate_article
from newsfuse.model import Article


def _places(text: str) -> dict[str, str | None]:
    ann = annotate_article(Article("t", "t", text, "", published="2024-03-04"))
    return {p.text: p.country for p in ann.places}


def test_is_place_name_by_definition() -> None:
    assert is_place_name("Kentucky")  # first-order region
    assert is_place_name("Edmonton")  # a city of a million
    assert is_place_name("Winnipeg's")  # a possessive is no part of the name
    assert not is_place_name("Alliance")  # a town of 22,000: under the threshold
    assert not is_place_name("Southern")  # a position word, whatever GeoNames says
    assert not is_place_name("Swissport")


def test_place_at_the_head_of_an_organisation_name() -> None:
    found = _places(
        "Kentucky State Police said a hunter was hurt on Saturday. The Oxford Police "
        "closed the road."
    )
    assert found.get("Kentucky") == "USA"
    assert "Oxford" in found


def test_place_after_of_in_an_organisation_name() -> None:
    found = _places(
        "A professor at the University of Manitoba said the budget would not pass this year."
    )
    assert found.get("Manitoba") == "CAN"


def test_a_name_the_article_uses_as_a_place_is_a_place_throughout() -> None:
    text = (
        "The report ranked Canadian cities on health. Calgary and Edmonton each earned a "
        "B grade. Edmonton needs to eat more vegetables, the authors said. Edmonton was "
        "the only large city to fall in the ranking."
    )
    found = [p for p in annotate_article(Article("t", "t", text, "")).places]
    assert sum(p.text == "Edmonton" for p in found) == 3


def test_people_are_not_places() -> None:
    found = _places(
        "Coach Darren Ripley praised the team in Leeds. Ripley said the players had "
        "trained hard. Police chief Henry Farrin thanked residents. Ms Raggi declined to "
        "comment."
    )
    assert "Leeds" in found
    for person in ("Ripley", "Darren Ripley", "Henry Farrin", "Farrin", "Ms Raggi", "Raggi"):
        assert person not in found


def test_event_location_is_the_resolved_place() -> None:
    from newsfuse.annotate.nlp import load_nlp
    from newsfuse.annotate.stage import analyse_doc

    text = (
        "Protesters clashed with police in Paris, Texas on Monday. Hundreds of people "
        "marched in Dublin, Ohio, the next day."
    )
    article = Article("t", "t", text, "", published="2024-03-04")
    events = analyse_doc(article, load_nlp()(text)).events
    located = {e.location: e for e in events if e.location}
    assert located["Paris"].location_country == "USA"
    assert located["Paris"].location_lon is not None and located["Paris"].location_lon < -90
    assert located["Dublin"].location_geonameid is not None
    assert located["Dublin"].location_lon < -80  # Dublin, Ohio, not Ireland
    plover = located["Paris"].to_plover()["eventLoc"]
    assert plover == {"text": "Paris", "code": "USA"}  # PLOVER's fields as they were


def test_common_words_and_modifiers_are_no_places() -> None:
    found = _places(
        "Police in Leeds found about 20 grams of meth in a car. The city's crystal meth "
        "crisis has prompted a review. They include the Golden Globe-nominated Toni "
        "Erdmann from Germany."
    )
    assert "Leeds" in found and "Germany" in found
    for word in ("meth", "crystal meth crisis", "the Golden Globe-nominated"):
        assert word not in found


def test_a_title_of_nobility_makes_an_unknown_name_a_person() -> None:
    found = _places("The trick caught on with internet stars like King Bach in Los Angeles.")
    assert "King Bach" not in found and "Los Angeles" in found
    kept = _places("The plane landed in Prince George after a storm in Vancouver.")
    assert kept.get("Prince George") == "CAN"


def test_a_publication_is_no_place() -> None:
    found = _places(
        "A video by The Atlantic taken inside the conference showed the crowd. The New "
        "York Times said the meeting in Boston ended early."
    )
    assert "Atlantic" not in found and "New York" not in found
    assert found.get("Boston") == "USA"
    hague = _places("Judges in The Hague heard the case on Monday.")
    assert hague.get("The Hague") == "NLD" or hague.get("Hague") == "NLD"


def test_an_unknown_name_that_speaks_is_no_place_anywhere_in_the_article() -> None:
    found = _places(
        "Baggage handlers employed by Swissport will walk out at Heathrow on Friday. "
        "Swissport said it had made numerous offers to the union."
    )
    assert "Swissport" not in found


def test_a_surname_shared_only_by_a_small_town_is_the_person() -> None:
    found = _places(
        "TORRINGTON - Mayor Ryan Bingham will hold a press conference in Torrington "
        "today. The city will be the first partner in the new initiative, Bingham said."
    )
    assert "Bingham" not in found


def test_a_place_after_of_inside_a_longer_organisation_name() -> None:
    # BBC, 2016 (trnews)
    found = _places(
        "The experts were led by J Alex Halderman, the director of the University of "
        "Michigan Center for Computer Security and Society."
    )
    assert found.get("Michigan") == "USA"


def test_an_event_named_for_its_place() -> None:
    # ABC (Australia), 2016 (trnews): the model tags the festival EVENT
    found = _places("It won the audience award at the Venice International Film Festival.")
    assert "Venice" in found


def test_a_town_takes_no_the() -> None:
    assert not is_place_name("the Union")  # a town called Union has 56,000 people
    assert is_place_name("the Philippines") and is_place_name("the Netherlands")
    found = _places("President Barack Obama will deliver the State of the Union address.")
    assert not {"Union", "the Union"} & set(found)


def test_a_name_cut_short_after_an_abbreviation_is_widened() -> None:
    # 2016 (trnews): the model tags "Fort St." GPE and "John" PERSON
    text = (
        "Hydro officials also said about 30 homes in the Peace River Valley area near "
        "Fort St. John will be affected by the dam over the course of construction."
    )
    places = annotate_article(Article("t", "t", text, "", published="2016-12-17")).places
    fort = next(p for p in places if p.text.startswith("Fort"))
    assert (fort.text, fort.country, fort.admin1) == ("Fort St. John", "CAN", "CA.02")


def test_a_place_name_opening_with_saint_is_no_title() -> None:
    # "St." is a title before a saint's name but opens many place names: the whole name
    # a town of 15,000 people or more, or a region, is a place.
    found = _places(
        "Flights from St. Louis were delayed. St. Thomas police arrested two men on Friday."
    )
    assert found.get("St. Louis") == "USA"
    assert found.get("St. Thomas") == "CAN"
    # "St." is "Saint": the main name of the Russian city, not an alternate one
    assert _places("Rain fell over St. Petersburg.").get("St. Petersburg") == "RUS"


def test_a_saint_a_church_is_dedicated_to_is_no_place() -> None:
    found = _places(
        "Worshippers gathered at the church of St. Peter and St. Paul in Cairo on Sunday."
    )
    assert "Cairo" in found
    assert "St. Peter" not in found and "St. Paul" not in found


def test_a_dotted_initialism_in_a_compound_adjective_is_a_place() -> None:
    # "U.S.-led" splits as "Saudi-led" does: the country is a word of its own
    found = _places(
        "Jets of the U.S.-led coalition struck targets near the border, and a U.K.-based "
        "monitor counted the dead."
    )
    assert found.get("U.S.") == "USA"
    assert found.get("U.K.") == "GBR"
    pair = _places("U.S.-China talks resumed on Monday near the U.S.-Mexico border.")
    assert pair.get("U.S.") == "USA" and pair.get("China") == "CHN"
    assert pair.get("Mexico") == "MEX"


def test_an_unknown_name_after_this_or_next_is_a_time_throughout_the_article() -> None:
    found = _places(
        "Crowds filled Queensland's beaches over Easter. Police said roads were busier "
        "this Easter than a year ago."
    )
    assert "Queensland" in found and "Easter" not in found
    # a name that modifies a noun after "next" may still be a place's
    found = _places("Aid reached Kfraya in Idlib on Monday. The next Kfraya convoy left.")
    assert "Kfraya" in found


def test_a_name_after_a_persons_initial_is_a_person() -> None:
    found = _places(
        "Samoa: B Lima, T Fanolua; C Paterson, B Douglas. A Paris court said on Monday that "
        "S Korea would host the final in Seoul."
    )
    assert "Lima" not in found and "Douglas" not in found and "Paterson" not in found
    assert found.get("Paris") == "FRA" and found.get("Seoul") == "KOR"
    assert found.get("S Korea") == "KOR"  # "S" abbreviates a compass word, no initial
    # a dotted letter may end a sentence: the place opening the next one stays
    assert "London" in _places("The firm switched to Plan B. London officials approved it.")


def test_a_compass_letter_before_a_name_is_the_compass_word() -> None:
    found = _places(
        "N Korea fired two missiles, S Korea's military said. Police in N Ireland arrested a "
        "man; talks in S Africa and E Timor went on."
    )
    assert found == {
        "N Korea": "PRK", "S Korea": "KOR", "N Ireland": "GBR", "S Africa": "ZAF",
        "E Timor": "TLS",
    }  # fmt: skip


def test_a_heavenly_body_is_no_place_unless_written_as_a_town() -> None:
    found = _places(
        "The rover landed on Mars after a seven-month trip from Earth, and the Moon will be "
        "next, engineers in Houston said."
    )
    assert "Mars" not in found and "Earth" not in found and "Moon" not in found
    assert found.get("Houston") == "USA"
    towns = _places(
        "The council of Mars, Pa., met on Monday; a letter came from Earth, Texas, too."
    )
    assert towns.get("Mars") == "USA" and towns.get("Earth") == "USA"


def test_a_heavenly_body_town_needs_its_own_region_and_stays_a_town_throughout() -> None:
    said = _places("The rover landed on Mars, China's space agency said on Saturday.")
    assert "Mars" not in said and said.get("China") == "CHN"
    town = _places(
        "Tiger Woods was arrested in Jupiter, Fla., early Monday. Jupiter police said he "
        "was asleep at the wheel."
    )
    assert town.get("Jupiter") == "USA"
    ann = annotate_article(
        Article("t", "t", "Woods was arrested in Jupiter, Fla. Police in Jupiter said so.", "")
    )
    assert [p.text for p in ann.places].count("Jupiter") == 2


def test_a_dateline_makes_a_heavenly_bodys_name_its_town_throughout() -> None:
    ann = annotate_article(
        Article("t", "t", "JUPITER (AP) — Police in Jupiter said the suspect fled on foot.", "")
    )
    assert [p.text for p in ann.places].count("Jupiter") == 1


def test_a_countrys_border_is_that_country() -> None:
    found = _places(
        "Troops massed near the Lebanon border, and shells hit the Kursk border region."
    )
    assert found.get("Lebanon") == "LBN"
    assert found.get("the Kursk border region") == "RUS"


def test_a_name_the_model_cut_short_is_the_longest_name_the_gazetteer_knows() -> None:
    # the model reads "Wales" alone, or "New South" and "Wales" as two places
    assert _places("Floods hit New South Wales on Monday.") == {"New South Wales": "AUS"}
    found = _places("Fires burned in northern New South Wales and eastern Victoria.")
    assert found.get("New South Wales") == "AUS" and "Wales" not in found
    assert _places("Visiting Paris, the minister met students.") == {"Paris": "FRA"}


def test_a_press_release_headers_state_before_a_double_hyphen_is_a_place() -> None:
    text = "DAYTON, OH--(Newswire - May 2, 2024) - Acme Tools said on Thursday it would hire."
    _, _, spans = dateline_spans(text)
    assert [text[a:b] for a, b in spans] == ["DAYTON", "OH"]
    text = "SPOKANE, Wash.-- Acme Tools said on Thursday it would hire."
    _, _, spans = dateline_spans(text)
    assert [text[a:b] for a, b in spans] == ["SPOKANE", "Wash."]
