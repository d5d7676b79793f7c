"""Event coding of violent and related reports, on sentences written for these tests: the
kinds of miss issue 12 lists (weapons fired or dropped, bombs with victims, plunder and
arson, capture of ground, sums given, opposition, agreements ended or breached)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse import code_sentence

DATE = "2025-03-04"


def _events(text: str) -> list[dict]:
    return [e.to_plover() for e in code_sentence(text, DATE)]


def _types(text: str) -> list[str]:
    return [e["event"] for e in _events(text)]


def _one(text: str, event_type: str) -> dict:
    found = [e for e in _events(text) if e["event"] == event_type]
    assert found, f"no {event_type} in {text!r}: {_types(text)}"
    return found[0]


def _codes(actors: list[dict]) -> set[str | None]:
    return {a["code"] for a in actors}


def _sectors(actors: list[dict]) -> set[str | None]:
    return {a["sector"] for a in actors}


# -- weapons fired or dropped: FIGHT (artillery, aircraft), the munition is no target ----------


def test_artillery_fired_at_a_place_is_fight_and_the_shells_are_no_target():
    event = _one("Sudanese army units fired three mortar shells at a market in El Fasher.", "FIGHT")
    assert _codes(event["source"]) >= {"SDN"}
    assert "MIL" in _sectors(event["source"])
    assert all("shell" not in a["actorText"] for a in event["target"])
    assert event["mode"] == "heavy-weapons"


def test_shells_fired_by_an_army_name_the_army_as_source():
    # a reduced passive: "shells [that were] fired by X towards Y"
    event = _one(
        "Dozens of rocket shells fired by Ethiopian troops towards the rebels landed in Tigray.",
        "FIGHT",
    )
    assert {(a["code"], a["sector"]) for a in event["source"]} == {("ETH", "MIL")}
    assert "REB" in _sectors(event["target"])


def test_shots_fired_at_unarmed_people_are_one_sided_violence():
    event = _one("Myanmar soldiers fired shots at villagers in Sagaing.", "ASSAULT")
    assert _codes(event["source"]) == {"MMR"}
    assert event["mode"] == "firearms"


@pytest.mark.parametrize(
    "text",
    [
        "Riot police opened fire on student demonstrators in Dhaka on Friday.",
        "Gunmen opened fire on passengers at a bus station in Quetta.",
        "Soldiers opened fire at a crowd of mourners outside the town.",
    ],
)
def test_fire_opened_on_unarmed_people_is_one_sided(text):
    # CAMEO 193 "open fire" is small arms; PLOVER FIGHT needs two armed sides
    event = _one(text, "ASSAULT")
    assert event["mode"] == "firearms"
    assert "FIGHT" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani troops opened fire on Taliban fighters in the valley.",
        "A helicopter gunship opened fire on villagers near the town.",
        "Police opened fire on shoppers and gunmen in the mall.",
        "Soldiers opened fire on a crowd of militiamen in the square.",
        "Police opened fire on youths armed with rifles.",
        "Troops opened fire on demonstrators, who shot back with pistols.",
    ],
)
def test_fire_opened_on_anyone_armed_is_no_one_sided_assault(text):
    assert "ASSAULT" not in _types(text), _types(text)


def test_munitions_dropped_from_aircraft_are_fight_with_their_mode():
    gas = _one(
        "Syrian warplanes dropped canisters of chlorine gas on a village near Homs.", "FIGHT"
    )
    assert _codes(gas["source"]) == {"SYR"}
    assert gas["mode"] == "unconventional"
    bombs = _one("Russian jets dropped cluster bombs on a district of Kharkiv.", "FIGHT")
    assert bombs["mode"] == "aerial"


def test_dismissal_is_not_gunfire():
    assert not {"FIGHT", "ASSAULT"} & set(_types("The president fired the army chief on Monday."))


# -- a bomb's victims are its target ---------------------------------------------------------


def test_a_bomb_that_went_off_targets_whom_it_killed_or_wounded():
    event = _one(
        "A car bomb exploded on Sunday, killing three policemen and wounding several others.",
        "ASSAULT",
    )
    assert "COP" in _sectors(event["target"])
    assert event["dead"] == 3


def test_a_bomb_in_a_named_town_is_an_event_there():
    event = _one(
        "A bomb exploded at a bus stop in Kandahar, wounding several passengers.", "ASSAULT"
    )
    assert "AFG" in _codes(event["target"])
    assert event["injured"] == "several" or event["injured"] is None


# -- plunder and arson -----------------------------------------------------------------------


def test_plunder_by_a_crowd_is_a_riot_and_arson_a_destruction():
    types = _types("Stores were looted and set ablaze in the centre of Lagos.")
    assert types[:2] == ["PROTEST", "COERCE"]
    riot = _one("Stores were looted and set ablaze in the centre of Lagos.", "PROTEST")
    assert riot["mode"] == "riot"


def test_plunder_by_soldiers_is_a_seizure_not_a_riot():
    event = _one("Soldiers plundered and looted houses in the town of Kidal.", "COERCE")
    assert event["mode"] == "confiscate"
    assert "PROTEST" not in _types("Soldiers looted houses in the town of Kidal.")


# -- capture of ground by armed force: FIGHT (occupy) ------------------------------------------


def test_capture_of_a_town_is_fight_and_an_armed_march_is_no_protest():
    text = "M23 rebels captured a lakeside town and marched further into an army-held district."
    types = _types(text)
    assert types[0] == "FIGHT"
    assert "PROTEST" not in types
    assert _one(text, "FIGHT")["mode"] == "occupy"


def test_seizing_control_of_a_place_is_fight_seizing_goods_is_coercion():
    assert _types("Jihadist fighters seized control of the border town of Menaka.")[0] == "FIGHT"
    assert _types("Indian police seized weapons in a raid in Srinagar.")[0] != "FIGHT"


def test_taking_a_town_is_fight_taking_over_a_firm_or_funds_is_not():
    assert (
        _types("Taliban fighters took control of the provincial capital on Sunday.")[0] == "FIGHT"
    )
    assert "FIGHT" not in _types("Rosneft took over Yugansk after the auction in Moscow.")
    assert "FIGHT" not in _types("Thousands of Britons took out split-capital funds.")


def test_as_opposed_to_is_a_comparison():
    assert _types("Margins fell to 4% in Germany, as opposed to 5% a year earlier.") == []


def test_ground_taken_from_someone_targets_them():
    event = _one("Ukrainian troops recaptured the village from Russian forces.", "FIGHT")
    assert _codes(event["target"]) == {"RUS"}


def test_civilians_marching_still_protest():
    assert "PROTEST" in _types("Thousands of students marched through Dhaka on Friday.")


# -- sums given, help urged, opposition --------------------------------------------------------


def test_a_sum_given_is_aid_and_a_sum_promised_is_agree():
    given = _one("The Nepalese government contributed two million rupees to the victims.", "AID")
    assert _codes(given["source"]) == {"NPL"}
    assert "AGREE" in _types(
        "Japan will contribute five million yen to the relief effort in Nepal."
    )


def test_urging_someone_to_help_is_a_demand():
    event = _one("Bangladesh urged Myanmar to help the returning refugees.", "DEMAND")
    assert _codes(event["source"]) == {"BGD"}
    assert _codes(event["target"]) == {"MMR"}


@pytest.mark.parametrize(
    "text",
    [
        "The new election law was opposed by Kenyan opposition parties.",
        "Egypt strongly opposed the construction of the Ethiopian dam.",
    ],
)
def test_opposing_a_policy_is_disapproval(text):
    assert _types(text)[0] == "DISAPPROVE"


def test_opposing_a_proposal_put_to_you_is_rejection():
    assert _types("Turkey is opposed to Swedish mediation in the dispute.")[0] == "REJECT"


# -- agreements ended or breached are no AGREE -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Moscow broke off its fishing treaty with Norway.",
        "Washington scrapped the trade accord with Beijing.",
        "Mali pulled out of the defence pact with France.",
    ],
)
def test_ending_an_agreement_is_sanction_not_agree(text):
    types = _types(text)
    assert "AGREE" not in types and "RETREAT" not in types
    assert types[0] == "SANCTION"


def test_breaching_a_truce_is_fight_and_breaching_an_accord_no_agreement():
    assert _types("Rebel units violated the truce near Goma.")[0] == "FIGHT"
    assert "AGREE" not in _types("The militia breached the peace accord signed in Addis Ababa.")


def test_signing_an_agreement_is_support_and_promising_to_sign_agree():
    # PLOVER SUPPORT: "sign or ratify an agreement"; AGREE: "promises to sign or ratify"
    assert _types("Chile and Peru signed a fisheries treaty in Lima.") == ["SUPPORT"]
    assert _types("Chile and Peru agreed to sign a fisheries treaty in Lima.") == ["AGREE"]
    assert _types("Kenya's parliament ratified the fisheries treaty with Chile.") == ["SUPPORT"]


# -- sides: allies are no target, no actor is its own target -----------------------------------


def test_fighting_alongside_allies_does_not_target_them_or_their_ground():
    event = _one(
        "Belarusian volunteers went into battle in Belgorod alongside Russian troops.", "FIGHT"
    )
    assert "RUS" not in _codes(event["target"])
    assert "BLR" in _codes(event["source"])


def test_cooperation_between_two_parties_of_a_long_name_lists_both():
    event = _one(
        "Ministers condemned the military cooperation between the Democratic People's Republic "
        "of Korea (DPRK) and the Islamic Republic of Iran.",
        "COOPERATE",
    )
    assert _codes(event["source"]) >= {"PRK", "IRN"}


def test_coordinated_acts_share_their_author_and_aid_is_not_for_the_adversary():
    event = _one(
        "Diplomats condemned Iran's transfer of drones to Russia and the provision of "
        "ammunition for use in the war against Ukraine.",
        "AID",
    )
    assert "IRN" in _codes(event["source"])
    assert "UKR" not in _codes(event["target"]) | _codes(event["source"])


# -- attacks named without a fighting verb; violence whose author is not named -------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Gunmen beheaded a village chief in Cabo Delgado on Sunday.", "primitive"),
        (
            "A roadside bomb went off near a police checkpoint in Quetta, killing three.",
            "explosives",
        ),
        ("A bomb explosion in a crowded market in Mogadishu wounded 12 people.", "explosives"),
        ("Government forces bombarded rebel positions outside Idlib overnight.", None),
    ],
)
def test_attacks_named_by_their_means_are_violence(text: str, mode: str | None):
    events = _events(text)
    assert events and events[0]["event"] in ("ASSAULT", "FIGHT"), _types(text)
    if mode is not None:  # armed against armed is FIGHT, whose mode the means do not set
        assert events[0]["mode"] == mode


def test_a_toll_with_no_named_author_is_still_an_attack():
    event = _one(
        "Nine people were killed in an air strike on a wedding party in Saada province.", "ASSAULT"
    )
    assert not any(a["sector"] for a in event["source"])  # no author is named
    assert event["dead"] == 9


def test_a_bomb_that_claimed_lives_counts_them_as_dead():
    event = _one("A car bomb outside a mosque in Kirkuk claimed 17 lives on Friday.", "ASSAULT")
    assert event["dead"] == 17


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake claimed 40 lives in the mountain villages.",
        "A gas cylinder explosion in a restaurant kitchen injured four cooks.",
        "The fire alarm went off twice during the night.",
        "Nine people were killed when their bus crashed into a ravine.",
        "Aid poured into Aceh after the tsunami which killed 160,000 people there.",
        "Hundreds were killed and thousands left homeless after a cyclone hit the delta.",
        # the parser hangs "killed" in the hazard's relative clause, "Turkey" its subject
        "A very strong earthquake which struck eastern Turkey killed two people and injured "
        "at least five, officials said.",
    ],
)
def test_hazards_accidents_and_alarms_are_no_attack(text: str):
    assert not {"ASSAULT", "FIGHT"} & set(_types(text)), _types(text)


def test_violent_story_leads_quality_gate(shared):
    """Leads of the synthetic stories labelled ASSAULT whose headline template is in the
    CHECK half (``benchmarks/event_synthetic.py``; never read to choose a rule): the first
    coded type must stay ASSAULT or FIGHT as often as when this gate was set (0.519, less
    0.02, rounded down). The label is the story's, so the figure is a floor, not a ceiling."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "event_synthetic.py"
    spec = importlib.util.spec_from_file_location("event_synthetic", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    csv_path = shared / "train" / "plover-synthetic-2023.csv"
    rows = [r for r in bench.leads(csv_path) if r["label"] == "ASSAULT" and r["half"] == "check"]
    assert len(rows) == 312
    right = sum(bench.first_type(r["lead"]) == "ASSAULT" for r in rows)
    assert right / len(rows) >= 0.49


def test_deaths_in_a_fight_are_that_fight():
    # PLOVER FIGHT: both sides armed; people killed "in clashes", "in an exchange of fire",
    # "during fighting" are the toll of a fight, not one-sided violence
    for text in (
        "Four Indian soldiers were killed in an exchange of fire along the Line of Control.",
        "Six Somali soldiers were killed and nine wounded in clashes with al-Shabaab on Friday.",
        "Three Colombian police officers died during fighting with ELN guerrillas in Arauca.",
    ):
        assert "FIGHT" in _types(text) and "ASSAULT" not in _types(text), text
    assert "ASSAULT" in _types("Gunmen killed nine worshippers in a mosque in Zamfara.")


def test_strikes_aimed_at_a_place_are_attacks_and_a_stormed_building_has_an_author():
    assert "ASSAULT" in _types("Pakistan condemned India's strikes on Muzaffarabad.")
    assert "FIGHT" in _types("US forces carried out strikes against Houthi positions in Yemen.")
    # a labour strike stays a protest, even "against" a policy
    assert _types("French unions staged a strike against the pension reform.") == ["PROTEST"]
    assert _types("Teachers in Lagos began a strike over unpaid salaries.") == ["PROTEST"]
    # storming: an attack by armed men, a riot by protesters (CAMEO 145)
    assert "ASSAULT" in _types("Al-Shabaab militants stormed a hotel in Mogadishu.")
    stormed = _one("Hundreds of protesters stormed the parliament building in Colombo.", "PROTEST")
    assert stormed["mode"] == "riot"


def test_tolls_told_with_the_fight_are_counted_not_coded_apart():
    # "were killed and five wounded": the participle shares the passive, five are wounded
    event = _one(
        "Two Malian soldiers were killed and six wounded in clashes with jihadists.", "FIGHT"
    )
    assert (event["dead"], event["injured"]) == (2, 6)
    # a harm told in a relative clause of the fight is its toll
    clash = "The talks followed a clash in which Tajikistan said four of its guards were killed."
    assert "ASSAULT" not in _types(clash)
    assert _one(clash, "FIGHT")["dead"] == 4


def test_a_raid_that_kills_is_violence_and_fighting_that_broke_out_has_its_sides():
    raid = "Boko Haram fighters raided a village in Borno, burning houses and killing five people."
    assert _types(raid)[:1] == ["ASSAULT"]
    assert _types("Police raided the offices of the opposition newspaper in Harare.") == ["COERCE"]
    fight = _one(
        "Fighting broke out between Ethiopian and Eritrean troops near Badme on Friday.", "FIGHT"
    )
    assert {"ETH", "ERI"} <= _codes(fight["source"])


def test_review_cases_stay_what_they_are():
    # acts joined to a toll keep their own event
    assert "COERCE" in _types("The bombing left 30 dead and police arrested 12 suspects.")
    # a walkout is no attack; a labour strike against a firm no air strike
    assert _types("The opposition stormed out of parliament.") == []
    assert _types("Workers went on a strike against Ford.") == ["PROTEST"]
    assert "ASSAULT" in _types("Israeli strikes on hospitals in Gaza drew condemnation.")
    # a raid that kills is one ASSAULT, its killing not a second
    assert _types("Police raided the compound, arresting 12 people and killing two.") == ["ASSAULT"]
    # a civilian killed in clashes with police: one-sided, not a fight of armed sides
    assert _types("A protester was killed in clashes with police in Nairobi.")[:1] == ["ASSAULT"]
    # two senators are no crowd
    assert _types("Two opposition senators protested the ruling.")[:1] == ["DISAPPROVE"]
    # the released are the target, not whom they are handed to
    freed = _one("Israel released 90 Palestinian prisoners to the Red Cross.", "RETREAT")
    assert _codes(freed["target"]) == {"PSE"}
    # exercises held with a partner, or by two, are cooperation
    assert _types("Japan held exercises with the United States.") == ["COOPERATE"]
    assert _types("Russia and Belarus held military exercises near Poland.") == ["COOPERATE"]
    # a forecast is no promise
    assert _types("The army is expected to withdraw from the town.") == []


def test_an_act_measured_by_a_clause_after_after_is_dated_by_the_offset():
    events = code_sentence(
        "Two days after a clash left three Malian soldiers dead, the sides met in Bamako "
        "on Friday.",
        "2025-03-04",
    )
    assert [e.date for e in events if e.event_type == "FIGHT"] == ["2025-02-26"]


def test_a_bomb_blast_has_an_author_and_the_means_of_a_killing_is_no_second_act():
    # an explosion is an accident only when what blew up was gas, a boiler, a plant
    bomb = _one("At least 12 people were killed when a bomb blast rocked central Colombo.",
                "ASSAULT")  # fmt: skip
    assert bomb["dead"] == 12
    assert not _types("Five workers were killed when a gas explosion ripped through a factory.")
    # "killed by shelling": the shelling is how they were killed, one act
    assert len(_events("Two civilians were killed by shelling in Kharkiv.")) == 1
    # "met by protests": the meeting is no harm, the protests are their own event
    assert "PROTEST" in _types("The minister was met by protests in Lagos.")


def test_protesters_clashing_with_police_riot_and_gerund_fighting_has_sides():
    # PLOVER FIGHT needs two armed sides; a crowd clashing with police protests violently
    riot = _one("Anti-government protesters clashed with police in Tehran.", "PROTEST")
    assert riot["mode"] == "riot"
    assert "FIGHT" in _types("Government troops clashed with rebels near Yei, leaving 12 dead.")
    fight = _one("Fighting between Israeli troops and Hezbollah intensified on Sunday.", "FIGHT")
    assert {"ISR", "LBN"} <= _codes(fight["source"]) | _codes(fight["target"])


@pytest.mark.parametrize(
    "text",
    [
        "England's bowlers struck early to leave Australia on 20 for three.",
        "The striker fired a shot past the keeper in the 89th minute.",
        "Serena Williams killed off the match with an ace.",
    ],
)
def test_sports_play_is_no_attack(text: str):
    assert not _types(text), _types(text)


def test_violence_at_a_sports_event_by_armed_actors_stays():
    assert "ASSAULT" in _types("Gunmen attacked the Togo football team's bus in Angola.")
    assert _types("Egyptian police fired tear gas at fans after the match in Cairo.")


def test_an_accident_anywhere_in_the_sentence_is_the_cause_of_a_harm_no_one_did():
    tram = (
        "At least seven people have been killed and more than 50 taken to hospital after a "
        "tram, believed to have been going too fast, crashed in south London on Wednesday."
    )
    assert not _types(tram)
    assert "ASSAULT" in _types("Gunmen killed 12 passengers after their bus crashed in Zamfara.")
    # "erupt" and "collapse" may follow violence: not accidents by themselves
    assert _types("Clashes erupted in Conakry, killing five people.")


def test_a_passive_with_its_subject_elsewhere_has_that_subject_for_target():
    # "after being beaten by police": the journalist was beaten, the police beat
    beaten = _one("The journalist died after being beaten by police in Harare.", "ASSAULT")
    assert beaten["source"][0]["actorText"] == "police"
    assert beaten["target"][0]["actorText"] == "journalist"
    abducted = _one("Two Kenyan activists went missing after being abducted by gunmen.", "ASSAULT")
    assert abducted["target"][0]["code"] == "KEN"


def test_a_tram_that_jumped_the_rails_and_a_grand_prix_are_no_attacks():
    assert not _types("Seven people were killed when a tram jumped the rails in south London.")
    assert not _types("Massa had to withdraw from the race at the Brazilian Grand Prix.")


def test_a_launch_aimed_at_no_one_is_a_show_of_force():
    # PLOVER MOBILIZE: military moves short of the use of force (CAMEO 15)
    over = _one("North Korea fired a ballistic missile over Hokkaido on Friday.", "MOBILIZE")
    assert over["mode"] == "weapons"
    assert "MOBILIZE" in _types("North Korea fired two short-range missiles into the Sea of Japan.")
    assert "MOBILIZE" in _types("Iran tested a new medium-range missile on Sunday.")
    assert "FIGHT" in _types("Hamas fired rockets at Tel Aviv on Friday.")
    assert "FIGHT" in _types("Israel fired missiles into Gaza.")


def test_a_place_on_the_shared_subject_locates_each_of_its_acts():
    # "in Cameroon" hangs on "mob", the subject "torched" shares with "has broken into"
    events = code_sentence(
        "A mob in Cameroon has broken into a school and torched some classrooms, witnesses said."
    )
    assert [(e.event_type, e.mode) for e in events] == [("COERCE", "destroy")]
    assert events[0].location == "Cameroon"


@pytest.mark.parametrize(
    ("sentence", "locations"),
    [
        ("Police in Paris arrested the suspect and later charged him in Lyon.", ["Paris", "Lyon"]),
        ("Rebels based in Sudan crossed into Chad and killed five soldiers in Abeche.", ["Abeche"]),
    ],
)
def test_an_acts_own_place_beats_one_on_its_shared_subject(sentence, locations):
    assert [e.location for e in code_sentence(sentence)] == locations


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The Liberal party attacked the government's new housing plan on Monday.", "DISAPPROVE"),
        ("Union leaders attacked ministers over the pension reform.", "DISAPPROVE"),
        ("A new audit attacked the ministry over its spending on consultants.", "DISAPPROVE"),
        ("Opposition supporters attacked a police station with machetes.", "ASSAULT"),
        ("Rebels attacked an army post, killing four soldiers.", "FIGHT"),
    ],
)
def test_an_attack_by_those_who_wield_no_force_is_criticism(sentence, kind):
    assert _types(sentence)[:1] == [kind]


def test_a_harm_in_another_clause_below_a_hazard_stays_an_attack():
    # the nearest relative clause above the killing is on "villages" / "attack", not the flood
    text = "A flood which hit villages where a car bombing killed 14 people in May cut roads."
    assert "ASSAULT" in _types(text)
