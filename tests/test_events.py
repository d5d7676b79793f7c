"""Event coding: rules on sentences written for these tests, the seeds' gold events, a quality gate."""

from __future__ import annotations

import json

import pytest

from newsfuse import code_sentence
from newsfuse.events.scoring import PREDICTION_FIELDS

DATE = "2025-03-04"


def _events(text: str) -> list[dict]:
    return [e.to_plover() | {"negated": e.negated} for e in code_sentence(text, DATE)]


def _types(text: str) -> list[str]:
    return [e["event"] for e in _events(text)]


def _one(text: str, event_type: str) -> dict:
    found = [e for e in _events(text) if e["event"] == event_type]
    assert found, f"no {event_type} in {text!r}: {[e['event'] for e in _events(text)]}"
    return found[0]


def _codes(actors: list[dict]) -> set[str | None]:
    return {a["code"] for a in actors}


def test_plover_shape():
    event = _one("Chilean police arrested forty students in Santiago on Tuesday.", "COERCE")
    for key in PREDICTION_FIELDS:
        assert key in event
    assert event["source"][0] == {"actorText": "Chilean police", "code": "CHL", "sector": "COP"}
    assert event["size"] == 40
    assert event["eventLoc"] == {"text": "Santiago", "code": "CHL"}


def test_passive_voice_swaps_source_and_target():
    event = _one("Two Kenyan villages were attacked by Somali gunmen overnight.", "ASSAULT")
    assert _codes(event["source"]) == {"SOM"}
    assert _codes(event["target"]) == {"KEN"}


def test_coordinated_actors_are_compound():
    # signing an agreement is PLOVER SUPPORT ("sign or ratify an agreement")
    event = _one("Hungarian and Romanian officials signed a border treaty in Budapest.", "SUPPORT")
    assert {"HUN", "ROU"} <= _codes(event["source"])


def test_reported_speech_gives_attribution_not_source():
    event = _one(
        "Peruvian troops killed three rebels near the border, the army said on Monday.", "FIGHT"
    )
    assert _codes(event["source"]) == {"PER"}
    assert event["dead"] == 3
    assert event["attribution"] == "the army"


def test_a_threat_is_not_the_act_it_threatens():
    types = [e["event"] for e in _events("Turkey threatened to close its border with Syria.")]
    assert types == ["THREATEN"]


def test_a_demand_targets_who_is_asked():
    event = _one("The European Union urged Belarus to release political prisoners.", "DEMAND")
    assert _codes(event["source"]) == {None} or "IGO" in {a["sector"] for a in event["source"]}
    assert _codes(event["target"]) == {"BLR"}


def test_refusal_to_cooperate_is_reject():
    assert _one("Venezuela would not meet the Colombian delegation, officials said.", "REJECT")


def test_promise_of_aid_is_agree():
    assert _one("Norway will send medical supplies to Sudan, the foreign ministry said.", "AGREE")


def test_nominalisation_with_possessor_and_of():
    event = _one("Officials condemned Ethiopia's invasion of Somalia.", "ASSAULT")
    assert _codes(event["source"]) == {"ETH"} and _codes(event["target"]) == {"SOM"}


def test_vague_crowds_and_lone_protesters_have_a_size():
    crowd = _one("Thousands of Kenyans marched through Nairobi on Saturday.", "PROTEST")
    assert crowd["size"] is None and crowd["sizeText"] == "thousands"
    lone = _one("A Tunisian lawyer began a hunger strike in Tunis.", "PROTEST")
    assert lone["size"] == 1 and lone["sizeText"] is None


def test_the_number_of_attackers_is_not_the_number_of_dead():
    event = _one("Three gunmen killed nine villagers in northern Nigeria.", "ASSAULT")
    assert event["dead"] == 9
    assert event["mode"] == "firearms"


def test_statement_of_concern_alone_is_no_event():
    assert _events("The ministers said they were deeply concerned about the situation.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A powerful cyclone struck the coast of Bangladesh on Monday, killing twelve fishermen.",
        "Floods in northern Pakistan have killed at least forty people this week, officials said.",
        "A magnitude 6.1 earthquake hit western Turkey overnight and killed five residents.",
        "The landslide left eight people dead and dozens injured in Nepal.",
        "A bus crashed into a ravine in Peru, killing 23 passengers.",
        "A fire at a textile factory in Dhaka killed nine workers on Sunday.",
        "Bushfires in Victoria burned 200 houses and killed four volunteers.",
        "Freezing fog closed motorways across Hungary on Thursday.",
        "A boiler explosion at a hospital in Tbilisi killed two nurses.",
        "Eleven climbers were killed in an avalanche in the Himalayas.",
        "Thousands of families were left homeless in Mozambique after the cyclone.",
        # a cause after coordinated harms is the cause of both
        "Thirty villagers were killed or injured in flooding in western Nepal, officials said.",
        # a hazard as the agent of a passive
        "Twelve people were killed by floods in Kenya on Monday.",
        # what a hazard made people do
        "Wildfires in Greece have destroyed hundreds of homes and forced thousands to flee.",
    ],
)
def test_disasters_and_accidents_are_no_events(text):
    # PLOVER codes what political actors do; a hazard or an accident is no one's act
    assert _events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "At least 20 people were injured and dozens arrested in clashes with police during "
        "a general strike called after the earthquake.",
        # the harm's own cause, another subject, an agent, a hazard beside an attack
        "Two soldiers were killed in an ambush and a third was injured in a car crash.",
        "Two men were arrested and charged after the blaze.",
        "Two protesters were shot and wounded by police during a storm.",
        "Two journalists were kidnapped and killed in an accident.",
        "Protesters were killed and wounded in clashes and a stampede.",
    ],
)
def test_a_hazard_near_a_coordinated_harm_is_not_always_its_cause(text):
    assert _events(text) != []


def test_common_crime_without_a_political_actor_is_no_event():
    assert _events("Police said two men were stabbed to death during a burglary in Nairobi.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials fear that Iran could be supplying drones to Russia.",
        "Analysts say Belarus may be training Russian conscripts.",
        "Japan is deeply worried about any weapons that China may be selling to Moscow.",
        "Western diplomats suspect that Eritrea has been supplying weapons to the militia.",
    ],
)
def test_speculation_and_concern_are_no_events(text):
    # neither reported as real nor promised or threatened by the actor: not AGREE, not AID
    assert _events(text) == []


def test_flagged_mentions_are_kept_on_request():
    from newsfuse.annotate.actors import default_resolver
    from newsfuse.annotate.nlp import load_nlp
    from newsfuse.annotate.pieces import parse_text
    from newsfuse.events.coder import code_doc, is_non_event

    doc = parse_text(load_nlp(), "Floods in northern Pakistan have killed at least forty people.")
    kept = code_doc(doc, None, default_resolver(), DATE, keep_non_events=True)
    assert kept and all(is_non_event(e) for e in kept)
    assert {e.extra["non_event"] for e in kept} == {"disaster"}


def test_an_actor_s_own_conditional_is_still_a_threat():
    assert _one("Russia said it could cut gas supplies to Moldova next month.", "THREATEN")


def test_means_of_a_future_course_are_no_event():
    # "including by freezing" names one possible means of an open course: no act decided,
    # so none threatened or done (issue 12, item 4; newsfuse.events.modality)
    text = "Britain will continue to act against Moscow, including by freezing Russian assets."
    assert _events(text) == []


def test_gunfire_is_not_a_blaze():
    event = _one("Russian forces directed artillery fire against Ukrainian positions.", "FIGHT")
    assert _codes(event["source"]) == {"RUS"}


def test_clash_of_armed_sides_is_fight_one_sided_violence_is_assault():
    assert _one("Militants clashed with Nigerian soldiers near Maiduguri on Friday.", "FIGHT")
    assert _one(
        "Islamic State militants attacked a police post in Iraq, killing four officers.", "FIGHT"
    )
    bombing = _one(
        "A suicide bomber blew himself up at a market in Kabul, killing 14 shoppers.", "ASSAULT"
    )
    assert bombing["dead"] == 14
    assert _one("Gunmen killed eleven villagers in Zamfara state.", "ASSAULT")


def test_left_dead_is_a_toll_not_a_retreat():
    types = [
        e["event"]
        for e in _events("Shooting attacks in the province have left nine civilians dead.")
    ]
    assert "RETREAT" not in types
    assert (
        _one("Shooting attacks in the province have left nine civilians dead.", "ASSAULT")["dead"]
        == 9
    )
    assert _one("The Russian delegation left Geneva on Friday.", "RETREAT")


def test_a_toll_left_by_a_coded_act_is_that_act_with_its_casualties():
    # "left 14 dead": the adjective stands for the people, the number is on it
    clash = "Clashes between rebels and soldiers near Goma left 14 dead on Sunday."
    assert _types(clash) == ["FIGHT"]
    assert _one(clash, "FIGHT")["dead"] == 14
    # the act that left the toll is the one event; the wounded are part of the toll
    fighting = "Shelling by government troops has left at least 20 dead and 35 wounded in Idlib."
    assert _types(fighting).count("FIGHT") + _types(fighting).count("ASSAULT") == 1
    raid = _one("Raids by militants have left six farmers dead in Borno.", "ASSAULT")
    assert raid["dead"] == 6
    assert any("farmers" in a["actorText"] for a in raid["target"])


def test_an_explosion_with_an_author_stays_an_event():
    event = _one(
        "A car bomb explosion near a barracks in Benghazi killed five soldiers.", "ASSAULT"
    )
    assert event["dead"] == 5


def test_magnitudes_from_the_right_clause():
    razed = _one("Militiamen burned 60 huts and killed 9 herders in Ituri.", "ASSAULT")
    assert razed["dead"] == 9
    both = _one("Gunmen killed or wounded at least 25 people in Mogadishu.", "ASSAULT")
    assert both["dead"] is None and both["injured"] is None  # one count of both
    shot = _one("Police shot dead two protesters in Nairobi.", "ASSAULT")
    assert shot["dead"] == 2


def test_reciprocal_acts_put_every_party_on_both_sides():
    event = _one("The Kenyan foreign minister telephoned his Ugandan counterpart.", "CONSULT")
    assert _codes(event["source"]) == _codes(event["target"]) == {"KEN", "UGA"}
    hosted = _one("Jordan's king hosted the Iraqi prime minister in Amman.", "CONSULT")
    assert _codes(hosted["source"]) == {"JOR"}  # hosting is not reciprocal


def test_where_a_named_actor_acts_concerns_that_place_when_no_target_is_named():
    event = _one("The Iraqi president arrived in Amman on Monday for a visit.", "CONSULT")
    assert _codes(event["target"]) == {"JOR"}


def test_role_only_actors_take_the_country_where_they_act():
    event = _one("Protesters blocked roads in Nairobi on Monday.", "PROTEST")
    assert _codes(event["source"]) == {"KEN"}
    iaea = _one("The IAEA sent inspectors to a plant in Iran.", "INVESTIGATE")
    assert None in _codes(iaea["source"])  # an international body stays stateless


def test_a_protest_is_against_whom_it_protests():
    event = _one(
        "Chilean students began a hunger strike to protest President Boric's education plan.",
        "PROTEST",
    )
    assert _codes(event["target"]) == {"CHL"}
    assert {a["sector"] for a in event["target"]} == {"GOV"}


def test_us_in_capitals_is_a_country_not_a_pronoun():
    event = _one("The US on Friday rejected the proposal by Iran.", "REJECT")
    assert _codes(event["source"]) == {"USA"}


def test_an_adjunct_deep_in_the_object_is_not_the_target():
    event = _one("Kenya demanded the withdrawal of Somali troops from Ethiopia.", "DEMAND")
    assert _codes(event["target"]) == {"SOM"}


def test_a_nationality_modifier_takes_the_role_of_its_phrase():
    event = _one("Ugandan police arrested Kenyan opposition activists in Kampala.", "COERCE")
    assert {(a["code"], a["sector"]) for a in event["target"]} == {("KEN", "OPP")}


@pytest.fixture(scope="module")
def seed_events():
    from newsfuse.ingest import ingest_paths
    from newsfuse.store import Store

    from .conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    with Store("sqlite://") as store:
        ingest_paths([str(SHARED / "seeds")], store)
        events = list(store.iter_events())
    gold = json.loads((SHARED / "eval" / "seeds-gold.json").read_text())
    return gold, events


def _best(gold_event: dict, events: list[dict]) -> tuple[int, int]:
    """(source overlap, target overlap) of the best coded event of a gold type in a gold article."""
    types = gold_event["type"] if isinstance(gold_event["type"], list) else [gold_event["type"]]
    best = (0, 0)
    for e in events:
        if e["event_type"] in types and e["article_id"][:3] in gold_event["in"]:
            source = len(_codes(e["source"]) & set(gold_event["source"]))
            target = len(_codes(e["target"]) & set(gold_event["target"]))
            best = max(best, (source, target), key=sum)
    return best


@pytest.mark.parametrize("event_id", ["E1", "E2", "E3", "E4", "E6", "E7", "E8", "E9", "E10", "E11"])
def test_seed_event_found_with_its_actors(seed_events, event_id):
    gold, events = seed_events
    gold_event = next(e for e in gold["events"] if e["id"] == event_id)
    source, target = _best(gold_event, events)
    assert source >= 1 and target >= 1, (event_id, source, target)


def test_seed_event_e5_has_its_source(seed_events):
    # The target (Ukraine) is only implied ("entered combat ... alongside Russian forces").
    gold, events = seed_events
    assert _best(next(e for e in gold["events"] if e["id"] == "E5"), events)[0] >= 1


def test_no_junk_seed_events(seed_events):
    """Issue 12's junk on the seeds: an ally taken for the enemy, concern taken for an
    agreement, actors aimed at themselves, a future course of action taken for a sanction."""
    _, events = seed_events

    def pairs(event_type: str) -> set[tuple]:
        return {
            (s, t)
            for e in events
            if e["event_type"] == event_type
            for s in _codes(e["source"])
            for t in _codes(e["target"])
        }

    assert ("PRK", "RUS") not in pairs("FIGHT")  # "... in Kursk alongside Russian forces"
    assert not [e for e in events if e["event_type"] == "AGREE" and "concerned" in e["evidence"]]
    for e in events:
        source, target = _codes(e["source"]) - {None}, _codes(e["target"]) - {None}
        assert not (len(source) == 1 and source == target), (e["event_type"], e["evidence"])
    assert not [
        e for e in events if e["event_type"] == "SANCTION" and "continue to act" in e["evidence"]
    ]


def test_no_seed_event_from_boilerplate(seed_events):
    gold, events = seed_events
    traps = gold["articles"]["000_b3b757cc68dba14e.txt"]["boilerplate_traps"]
    assert not [
        e for e in events if any(e["evidence"] in trap or trap in e["evidence"] for trap in traps)
    ]
    assert not [e for e in events if e["dead"] == 19]


def test_plover_dev_quality_gate(shared):
    """Scores on the CHECK half of the PLOVER dev gold (odd positions, never used to choose
    a rule) must not drop. Floors: the figures measured when the split was introduced
    (macro-F1 0.864, micro 0.887, source/target country 0.914/0.881, sectors 0.667/0.447,
    dead 1.0, size 0.8, mode 0.615), less 0.02, rounded down."""
    from newsfuse.evaluate.plover import evaluate_plover

    result = evaluate_plover(shared / "eval" / "plover-dev.jsonl", errors=True, half="check")
    check = result["check"]
    assert check["records"] == 80 and result["tune"]["records"] == 81
    for name in ("source_country", "target_country", "source_sector", "target_sector"):
        row = check["attributes"][name]
        missed = sum(m["attribute"] == name for e in result["errors"] for m in e["misses"])
        assert missed == row["n"] - row["correct"], name  # --errors lists every miss
    assert {e["half"] for e in result["errors"]} == {"check"}
    assert check["macro_f1"] >= 0.84
    assert check["micro_f1"] >= 0.86
    attributes = check["attributes"]
    assert attributes["source_country"]["accuracy"] >= 0.89
    assert attributes["target_country"]["accuracy"] >= 0.86
    assert attributes["source_sector"]["accuracy"] >= 0.64
    assert attributes["target_sector"]["accuracy"] >= 0.42
    assert attributes["dead"]["accuracy"] >= 0.98
    assert attributes["size"]["accuracy"] >= 0.78
    assert attributes["mode"]["accuracy"] >= 0.59


def test_a_time_inside_what_was_agreed_or_demanded_does_not_date_the_event():
    """PLOVER dates an event by when it happened: "agreed to convene ... in April" is an
    agreement of the article's day; "on March 3" dates the signing itself."""
    from newsfuse import code_sentence

    agreed = code_sentence(
        "The two ministers of Armenia and Azerbaijan agreed to convene the border "
        "commission in April.",
        "2025-03-04",
    )
    assert [(e.event_type, e.date) for e in agreed] == [("AGREE", "2025-03-04")]
    signed = code_sentence("Armenia and Azerbaijan signed a deal on March 3.", "2025-03-04")
    assert [(e.event_type, e.date) for e in signed] == [("SUPPORT", "2025-03-03")]


def test_meeting_demands_is_a_concession_and_calling_up_reserves_a_mobilisation():
    # PLOVER CONCEDE: yield to a demand; "met" with demands is no meeting
    types = _types("The Nigerian government met the demands of striking doctors on Friday.")
    assert "CONCEDE" in types and "CONSULT" not in types
    assert "CONSULT" in _types("The Nigerian president met striking doctors on Friday.")
    # PLOVER MOBILIZE: increase armed forces; "call up" with troops, not "called up a file"
    assert "MOBILIZE" in _types("Armenia called up 20,000 reservists after the border clash.")
    assert "MOBILIZE" not in _types("Armenian officials called up the records of the vote.")


def test_a_crowd_that_protests_demonstrates_and_a_lodged_protest_is_a_complaint():
    # PLOVER PROTEST is a demonstration, with its size; the verb alone is a complaint
    crowd = _one("Some 3,000 Chilean students protested in Santiago on Monday.", "PROTEST")
    assert crowd["size"] == 3000
    assert "PROTEST" in _types("Hundreds of Serbian farmers protested outside parliament.")
    assert "DISAPPROVE" in _types("Amnesty International protested the arrest of the editor.")
    # CAMEO "LODGE * PROTEST" is 110, disapprove: a diplomatic protest is no demonstration
    lodged = _types("South Korea lodged a protest with Japan over the textbook.")
    assert "DISAPPROVE" in lodged and "PROTEST" not in lodged


def test_crowds_sized_in_words_sit_ins_and_gatherings_are_demonstrations():
    # a number word is a count: "several hundred" is a crowd as "300" is
    crowd = _one("Several hundred farmers protested outside the European Commission.", "PROTEST")
    assert crowd["sizeText"] == "several hundred"
    # CAMEO 141 (demonstrate or rally): a crowd gathering in public to denounce someone
    gathered = _one("A crowd of some 2,000 gathered in the square to denounce the government.",
                    "PROTEST")  # fmt: skip
    assert gathered["size"] == 2000
    assert "PROTEST" not in _types("The foreign minister gathered reporters to denounce the vote.")
    sit_in = _one("Dozens of students staged a sit-in at the university in Dhaka.", "PROTEST")
    assert sit_in["mode"] == "obstruct" and sit_in["sizeText"] == "dozens"


def test_yielding_censoring_barring_calling_and_working_with():
    # CAMEO 08 (yield): suspending one's own plan, campaign or curfew eases it
    assert "CONCEDE" in _types("Laos said it was suspending plans to impose curfews.")
    assert "CONCEDE" in _types("The Zimbabwean opposition suspended its campaign to oust Mugabe.")
    assert "SANCTION" in _types("The European Union suspended aid to Niger.")  # not ours to yield
    # CAMEO 1712, PLOVER COERCE censor: blocking or shutting down media and networks
    blocked = _one("Turkey blocked access to Wikipedia on Saturday.", "COERCE")
    assert blocked["mode"] == "censor"
    assert "PROTEST" in _types("Angry farmers blocked the highway to Brussels.")
    assert "COERCE" in _types("Six Armenian human rights groups have been barred from operating.")
    # CAMEO 043: a phone call is a consultation
    call = _one("Putin made a phone call to Erdogan on Monday.", "CONSULT")
    assert call["mode"] == "phone"
    assert "SUPPORT" in _types("Indonesia and Sweden signed an aid package for Jakarta.")
    assert "COOPERATE" in _types("The FBI worked with Pakistani police to find the suspect.")
    # an offer to work with others is an intent to cooperate: AGREE
    assert "AGREE" in _types("Turkmenistan was ready to work with the international community.")


def test_recalled_envoys_blocked_statements_and_raised_subjects():
    # PLOVER SANCTION: reduce or break diplomatic relations; conditional, a threat
    assert "THREATEN" in _types("If talks fail, Serbia would withdraw its ambassador from Kosovo.")
    assert "SANCTION" in _types("Lithuania withdrew its ambassador from Minsk on Monday.")
    assert "RETREAT" in _types("Ethiopia withdrew its troops from the disputed town.")
    # what a veto or block stops does not happen
    blocked = _types("Hungary blocked an EU statement condemning China.")
    assert "REJECT" in blocked and "DISAPPROVE" not in blocked
    # "X is believed to have killed": X is who killed
    event = _one("Boko Haram fighters are believed to have killed 20 villagers.", "ASSAULT")
    assert "REB" in {a["sector"] for a in event["source"]}


def test_what_a_message_says_must_be_done_is_a_demand_of_its_addressee():
    # "issued a warning to X that it must ...": the sender demands it of X
    event = _one(
        "The Danish foreign minister sent a stern message to Tehran that it must free the "
        "detained aid worker.",
        "DEMAND",
    )
    assert _codes(event["source"]) == {"DNK"}
    assert _codes(event["target"]) == {"IRN"}


def test_types_follow_the_ontology_tables():
    # plover.tsv: RETREAT is material de-escalation, with release and resign among its modes
    freed = _one("The Taliban released two American hostages on Friday.", "RETREAT")
    assert freed["mode"] == "release"
    assert "RETREAT" in _types("Peru's prime minister resigned after the protests.")
    assert "RETREAT" in _types("Armenia handed over four villages to Azerbaijan.")
    # CAMEO 150, demonstrate military power: drills held alone; held with others, cooperation
    assert "MOBILIZE" in _types("China held large-scale military drills around Taiwan.")
    assert "COOPERATE" in _types("India and Japan held joint naval exercises in the Bay of Bengal.")
    assert "COOPERATE" in _types("South Korea and Japan resumed military intelligence sharing.")
    # closing a newspaper is coercion (censor); cutting arms exports a sanction
    assert "COERCE" in _types("The Chinese government shut down the newspaper's offices.")
    assert _types("Canada suspended arms exports to Turkey.")[:1] == ["SANCTION"]


def test_forces_sent_towards_a_place_are_a_show_of_force_and_sent_to_an_ally_aid():
    # CAMEO 150: warplanes sent towards a place, to no one, demonstrate military power
    assert _types("China sent 30 warplanes towards Taiwan on Sunday.")[:1] == ["MOBILIZE"]
    assert _types("Russia dispatched two warships off the coast of Norway.")[:1] == ["MOBILIZE"]
    assert _types("Turkey sent troops to Libya to support the government.")[:1] == ["AID"]


def test_a_vow_of_force_is_a_threat():
    # PLOVER THREATEN: a promise to use force; a promise of help stays AGREE
    assert _types("Iran vowed to retaliate against Israel for the strike.") == ["THREATEN"]
    assert _types("Japan pledged to provide aid to Turkey.") == ["AGREE"]
    assert _types("Israel retaliated with air strikes on Tehran.")[:1] == ["FIGHT"]


def test_force_as_a_mass_noun_is_no_armed_body():
    # "use force" is violence, no actor: a pledge not to use force names no target
    assert _types("Switzerland said both sides had pledged not to use force.") == []
    threat = _one("Russia threatened to use force against Ukraine.", "THREATEN")
    assert _codes(threat["target"]) == {"UKR"}
    # CAMEO lists force among "&military" (062, cooperation); used against people, repression
    assert _types("Police used excessive force against protesters in Nairobi.")[:1] == ["COERCE"]


def test_people_of_a_nation_are_civilians_in_events_but_not_in_resolve_actor():
    from newsfuse import resolve_actor

    crowd = _one("Thousands of Nigerians rallied in Lagos against Sharia law.", "PROTEST")
    assert crowd["source"][0]["code"] == "NGA" and crowd["source"][0]["sector"] == "CVL"
    officials = _one("Nigerian officials rejected the report.", "REJECT")
    assert officials["source"][0]["sector"] == "GOV"
    # resolve_actor keeps CAMEO's reading: a nationality names the country alone
    assert resolve_actor("Nigerians").sector is None


def test_a_complement_of_a_future_or_conditional_verb_is_not_yet_done():
    # "would not hesitate to strike": a stated readiness to use force is a threat (PLOVER)
    assert _types("Turkey said it would not hesitate to strike Kurdish militants in Syria.") == [
        "THREATEN"
    ]
    assert "THREATEN" in _types("North Korea said it would be ready to attack US bases.")
    assert "FIGHT" in _types("Turkish jets struck Kurdish militants in Syria on Monday.")


def test_going_back_is_a_retreat_only_for_coded_actors_or_what_is_given_back():
    assert "RETREAT" in _types("Russian troops left the town of Kherson.")
    assert "RETREAT" in _types("The rebels returned the seized weapons to UN peacekeepers.")
    assert "RETREAT" in _types("The Iranian ambassador returned to Tehran for consultations.")
    assert "RETREAT" not in _types("The flight left Los Angeles on Tuesday.")
    assert not _types("He returned home after a week in hospital.")
    # CAMEO's "SOURCE rushed to TARGET" is a visit; "were rushed to hospital" is none
    assert not _types("More than 50 Kenyans were rushed to hospital after the crash.")


def test_a_dateline_is_where_the_story_was_filed_not_who_acted():
    condemned = _one("MOSCOW -- Russia strongly condemned the missile launch by North Korea.",
                     "DISAPPROVE")  # fmt: skip
    assert [a["actorText"] for a in condemned["source"]] == ["Russia"]
    struck = _one("KUNDUZ, Afghanistan — Taliban insurgents struck the German consulate.",
                  "ASSAULT")  # fmt: skip
    assert struck["source"][0]["actorText"] == "Taliban insurgents"
    rammed = _one("PARIS - A truck rammed into a crowd in Nice, killing dozens.", "ASSAULT")
    assert all("PARIS" not in a["actorText"] for a in rammed["source"])
    # a name and its gloss open no dateline
    union = _one(
        "The Homeland Union (Conservatives) began collecting signatures to lobby the "
        "Lithuanian Parliament.",
        "PROTEST",
    )
    assert "Homeland Union" in union["source"][0]["actorText"]


def test_page_furniture_months_and_photos_are_no_events():
    assert not _types("Sign Up You agree to receive occasional updates for The Times's products.")
    assert not _types("In late March of next year, a Chinese space station will fall to Earth.")
    # CAMEO "RELEASE * &people": in a passive the pattern's object is what was released
    assert not _types("This photo released by Costa Rica's Public Safety Ministry shows smoke.")
    assert "RETREAT" in _types("Ten Palestinian prisoners released by Israel returned home.")


def test_prices_crowds_breaking_up_and_accidents_at_sea_are_no_events():
    assert not _types("Qualcomm was allowed to sell chips and charge a patent royalty.")
    assert "DISAPPROVE" in _types("Egyptian prosecutors charged the former minister with fraud.")
    assert not _types("Scrambling for safety, the crowd dispersed and took cover in restaurants.")
    assert "COERCE" in _types("Egyptian police dispersed the crowd with tear gas.")
    assert not _types("Two people were injured when a barge carrying fireworks caught fire.")
    assert "ASSAULT" in _types("A car bomb exploded near the police station in Mogadishu.")


def test_an_armed_agent_of_a_passive_harm_stays_an_event():
    assert _events("Two soldiers were killed by a roadside bomb in Helmand.") != []
    assert _events("Three protesters were killed by police in Lagos.") != []
    assert _events("Rebels forced thousands of villagers to flee their homes.") != []


def test_a_partitive_subject_is_the_actor_its_of_phrase_names():
    # "thousands" names no actor; thousands of opposition supporters are the opposition's
    rally = _one("Thousands of opposition supporters rallied in Nairobi on Sunday.", "PROTEST")
    assert [a.get("sector") for a in rally["source"]] == ["OPP"]
    assert rally["source"][0]["actorText"] == "Thousands of opposition supporters"


def test_protesters_who_gather_demonstrate_others_who_gather_do_not():
    gathered = _one("Protesters gathered outside parliament in Tbilisi on Friday.", "PROTEST")
    assert gathered["mode"] == "demo"
    assert "PROTEST" in _types("A crowd of protesters assembled near the embassy.")
    assert "PROTEST" not in _types("Officials gathered in Geneva for the talks.")
    assert _types("Police gathered evidence from the scene.") == []
    # what protesters gather is collected, no demonstration; an "as" clause is no purpose
    assert "PROTEST" not in _types("Protesters gathered signatures for a petition.")
    assert "PROTEST" in _types("Protesters gathered in the square as police looked on.")


def test_only_a_part_or_a_count_takes_its_of_phrase_as_the_actor():
    # "the start of a general strike" is no actor, and "general" there is no rank
    wounded = _events(
        "At least six persons, including three soldiers, were reported wounded at the start "
        "of a general strike in Ecuador."
    )
    assert all(a.get("sector") != "MIL" for e in wounded for a in e["target"])
