"""Who, where, when and how many: the signals that tell one happening from another."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.cluster.config import NAMED, ClusterConfig, named_config
from newsfuse.cluster.features import day_number, features, generic_names, term_counts
from newsfuse.cluster.online import StoryClusterer
from newsfuse.cluster.signals import (
    Signals,
    digest,
    happening_day,
    subject_scores,
    subject_tickers,
)

MONDAY = day_number("2015-07-06")


def _t(value, sentence=0, granularity="day", start=0):
    return {"value": value, "granularity": granularity, "sentence": sentence, "start": start}


def test_happening_day_is_the_leads_first_recent_day():
    times = [_t("2015-07", granularity="month"), _t("2015-07-04", start=5), _t("2015-07-05", 1)]
    assert happening_day(times, MONDAY, 7) == day_number("2015-07-04")


def test_happening_day_ignores_background_dates_and_later_sentences():
    assert happening_day([_t("2014-01-02")], MONDAY, 7) == MONDAY  # months before: background
    assert happening_day([_t("2015-07-08")], MONDAY, 7) == MONDAY  # after publication: a plan
    assert happening_day([_t("2015-07-04", sentence=5)], MONDAY, 7) == MONDAY  # not the lead
    assert happening_day([], None, 7) is None


def test_digest_keeps_surnames_local_places_and_real_tolls():
    raw = {
        "actors": [{"name": "Chicago Police Superintendent Garry McCarthy", "label": "PERSON"},
                   {"name": "Cook County Hospital", "label": "ORG"},
                   {"name": "family", "label": "NOUN"}],
        "places": [{"name": "Chicago", "kind": "city", "admin1": "US.IL", "lat": 41.8},
                   {"name": "Humboldt Park", "kind": "place", "admin1": None, "lat": None},
                   {"name": "United States", "kind": "country", "admin1": None, "lat": 38.0}],
        "events": [{"event_type": "ASSAULT", "dead": 1, "injured": None, "negated": False,
                    "hypothetical": False},
                   {"event_type": "PROTEST", "dead": 9, "injured": None, "negated": True,
                    "hypothetical": False}],
    }  # fmt: skip
    s = digest(raw, MONDAY)
    assert s.entities == {"p:mccarthy", "o:cook county hospital", "l:chicago", "l:humboldt park"}
    assert s.cities == {"chicago|US.IL"}
    assert s.numbers == {("dead", 1)} and s.types == {"ASSAULT"}
    assert s.event_day == MONDAY
    assert digest(None, MONDAY).entities == frozenset()


SHOOTING = (
    "Man shot dead outside bar",
    "A 24-year-old man was shot dead outside a bar early Saturday, police said. Officers "
    "found the victim on the sidewalk with gunshot wounds; no arrests have been made and "
    "detectives asked witnesses to come forward.",
)


def _shooting(aid, day, town, victim):
    raw = {
        "actors": [{"name": victim, "label": "PERSON"}],
        "places": [{"name": town, "kind": "city", "admin1": "US.XX", "lat": 1.0}],
    }
    return features(aid, *SHOOTING, day, ClusterConfig(), raw)


def test_same_words_different_town_and_victim_are_different_stories():
    config = replace(ClusterConfig(), entity_weight=0.3, city_conflict=0.3, threshold=0.8)
    c = StoryClusterer(config)
    first = c.add(_shooting("a", "2015-07-04", "Dayton", "John Smith"))
    again = c.add(_shooting("b", "2015-07-05", "Dayton", "John Smith"))
    other = c.add(_shooting("c", "2015-07-05", "Toledo", "Mary Jones"))
    assert again.story_id == first.story_id
    assert other.started


def test_weeks_apart_is_another_story_unless_it_names_the_same_people():
    c = StoryClusterer(replace(ClusterConfig(), max_gap_days=21, long_gap_people=1))
    first = c.add(_shooting("a", "2015-07-04", "Dayton", "John Smith")).story_id
    assert c.add(_shooting("b", "2015-09-01", "Toledo", "Mary Jones")).story_id != first
    assert c.add(_shooting("c", "2015-09-02", "Dayton", "John Smith")).story_id == first  # a trial
    assert c.add(_shooting("d", "2017-09-01", "Dayton", "John Smith")).story_id != first  # too late


def test_day_conflict_parts_leads_dated_on_other_days():
    config = replace(ClusterConfig(), day_conflict=1.0, day_tolerance=1, entity_weight=0.0)
    c = StoryClusterer(config)
    text = ("Stocks fall sharply", "Stock markets fell sharply on Monday as investors sold shares "
            "of banks and insurers across Europe and Asia, traders said.")  # fmt: skip
    monday = {"times": [_t("2015-07-06")]}
    thursday = {"times": [_t("2015-07-09")]}
    first = c.add(features("a", *text, "2015-07-06", config, monday))
    assert c.add(features("b", *text, "2015-07-06", config, monday)).story_id == first.story_id
    assert c.add(features("c", *text, "2015-07-09", config, thursday)).started


def test_weeks_apart_joins_on_a_shared_town_only_when_towns_count():
    def run(towns: bool) -> bool:
        config = replace(ClusterConfig(), max_gap_days=21, long_gap_people=1, long_gap_towns=towns)
        c = StoryClusterer(config)
        first = c.add(_shooting("a", "2015-07-04", "Dayton", "John Smith")).story_id
        # a month later, same town, no name of the core's people (a charge, a vigil)
        return c.add(_shooting("b", "2015-08-10", "Dayton", "Bob Brown")).story_id == first

    assert not run(False)
    assert run(True)


def test_a_shared_town_spares_the_day_conflict_when_towns_count():
    def run(towns: bool) -> bool:
        config = replace(ClusterConfig(), day_conflict=1.0, day_conflict_towns=towns,
                         day_conflict_places=False, entity_weight=0.0)  # fmt: skip
        c = StoryClusterer(config)
        monday = {**_town("Dayton"), "times": [_t("2015-07-06")]}
        thursday = {**_town("Dayton"), "times": [_t("2015-07-09")]}
        first = c.add(features("a", *SHOOTING, "2015-07-06", config, monday)).story_id
        return c.add(features("b", *SHOOTING, "2015-07-09", config, thursday)).story_id == first

    assert not run(False)
    assert run(True)


def _town(name):
    return {"places": [{"name": name, "kind": "city", "admin1": "US.XX", "lat": 1.0}]}


def test_organisation_conflict_parts_same_words_about_other_companies():
    text = ("Airline orders new jets", "The airline said on Monday it had ordered new jets worth "
            "billions of dollars to expand its fleet of long-haul aircraft, the company said.")  # fmt: skip

    def run(org_conflict: float) -> bool:
        config = replace(ClusterConfig(), org_conflict=org_conflict, entity_weight=0.0)
        c = StoryClusterer(config)
        ryanair = {"actors": [{"name": "Ryanair", "label": "ORG"}]}
        qatar = {"actors": [{"name": "Qatar Airways", "label": "ORG"}]}
        first = c.add(features("a", *text, "2015-07-06", config, ryanair)).story_id
        return c.add(features("b", *text, "2015-07-06", config, qatar)).story_id == first

    assert run(0.0)
    assert not run(1.5)


def test_undated_leads_count_on_their_publication_day_when_asked():
    text = ("Stocks fall sharply", "Stock markets fell sharply as investors sold shares of "
            "banks and insurers across Europe and Asia, traders said.")  # fmt: skip

    def run(undated: bool) -> bool:
        config = replace(ClusterConfig(), day_conflict=1.0, day_conflict_undated=undated,
                         entity_weight=0.0)  # fmt: skip
        c = StoryClusterer(config)
        first = c.add(features("a", *text, "2015-07-06", config, {"times": []})).story_id
        return c.add(features("b", *text, "2015-07-09", config, {"times": []})).story_id == first

    assert run(False)  # no date in either lead: no conflict
    assert not run(True)


def _results(company: str, ticker: str, shr: str, net: str) -> tuple[str, str]:
    return (
        f"{company.upper()} <{ticker}> 4TH QTR NET",
        f"Shr {shr} cts vs 31 cts\nNet {net} mln vs 2,318,000\nRevs 41.6 mln vs 35.2 mln\n"
        f"Year shr 1.42 dlrs vs 1.19 dlrs\nNet 11.3 mln vs 9,410,000\nRevs 160.4 mln vs 141.0 mln",
    )


def test_subject_tickers_come_from_the_title_and_lead_only():
    title = "OHIO MATTRESS <OMT> MAY HAVE LOWER 1ST QTR NET"
    assert subject_tickers(title, "Ohio Mattress Co <OMT> said its first quarter...") == {"OMT"}
    assert subject_tickers("<SULLIVAN MINES INC> YEAR LOSS", "") == {"SULLIVAN MINES INC"}
    release = "Acme Corp (NYSE: ACM) today announced a dividend; its rival (BAC.N) did not."
    assert subject_tickers("Acme declares dividend", release) == {"ACM", "BAC.N"}
    later = "A long report. " * 40 + "Boeing (NYSE: BA) also builds rockets."
    assert subject_tickers("SpaceX launches", later) == frozenset()  # past the lead
    assert subject_tickers("Storm hits coast", "Winds of 150 km/h <gusting> hit") == frozenset()


def test_quarterly_results_of_two_companies_are_two_stories():
    """The shipped configuration: same table words, other listed companies."""
    config = ClusterConfig()
    c = StoryClusterer(config)
    first = c.add(features("a", *_results("Markel Corp", "MAKL", "38", "2.9"), "1987-03-02"))
    same = c.add(features("b", *_results("Markel Corp", "MAKL", "38", "2.9"), "1987-03-03"))
    other = c.add(features("c", *_results("Kaneb Services", "KAB", "40", "3.1"), "1987-03-02"))
    assert same.story_id == first.story_id
    assert other.started


def test_words_glued_to_digits_are_no_terms():
    counts = term_counts("4TH QTR ended March 31 vs 1st half; G7 talks and COVID-19 cases")
    assert "th" not in counts and "st" not in counts and "g" not in counts
    assert counts["covid"] == 1.5 and counts["qtr"] == 1.0  # a name, and a title's first word


def test_digest_keeps_the_towns_the_lead_names_apart():
    raw = {
        "places": [
            {"name": "Toledo", "kind": "city", "admin1": "US.OH", "lat": 41.7, "sentence": 0},
            {"name": "Columbus", "kind": "city", "admin1": "US.OH", "lat": 40.0, "sentence": 6},
        ]
    }
    s = digest(raw, MONDAY)
    assert s.cities == {"toledo|US.OH", "columbus|US.OH"}
    assert s.lead_cities == {"toledo|US.OH"}  # Columbus: where the trial is, further down


STREET = (
    "Girl, 2, dies of gunshot wound",
    "A 2-year-old girl died of a gunshot wound at a house on Seaman Street, police said. "
    "Her father was charged with child endangering after officers found a loaded handgun.",
)


def _on_street(aid: str, day: str, config: ClusterConfig, town: str | None):
    raw = {
        "times": [_t(day)],
        "places": [{"name": "Seaman Street", "kind": "place", "admin1": None, "lat": None}],
    }
    if town:
        raw["places"].append({"name": town, "kind": "city", "admin1": "US.OH", "lat": 41.7})
    return features(aid, *STREET, day, config, raw)


def test_a_shared_street_spares_the_day_conflict_when_places_count():
    """Three days on, the indictment of the father: its lead dates the indictment, it names
    the street of the shooting but no town that was resolved, and no person of the first."""

    def run(places: bool) -> bool:
        config = replace(ClusterConfig(), day_conflict=2.0, day_conflict_places=places)
        c = StoryClusterer(config)
        first = c.add(_on_street("a", "2016-12-04", config, "Toledo")).story_id
        return c.add(_on_street("b", "2016-12-07", config, None)).story_id == first

    assert not run(False)
    assert run(True)


def test_weeks_later_a_town_counts_only_where_both_leads_name_it_when_asked():
    """A piece two months on that names the first story's town only in passing (further
    down) is no follow-up of it when only the leads' towns count."""
    text = ("Jet maker unveils long-range airliner", "The jet maker unveiled its long-range "
            "airliner at a ceremony, saying the plane can fly nonstop between any two cities.")  # fmt: skip

    def run(lead_only: bool) -> bool:
        config = replace(ClusterConfig(), follow_up_lead_towns=lead_only, entity_weight=0.0)
        c = StoryClusterer(config)
        london_lead = {"places": [{"name": "London", "kind": "city", "admin1": "GB.ENG",
                                   "lat": 51.5, "sentence": 0}]}  # fmt: skip
        london_later = {"places": [{"name": "London", "kind": "city", "admin1": "GB.ENG",
                                    "lat": 51.5, "sentence": 5}]}  # fmt: skip
        first = c.add(features("a", *text, "2005-02-17", config, london_lead)).story_id
        return c.add(features("b", *text, "2005-04-20", config, london_later)).story_id == first

    assert run(False)
    assert not run(True)


def test_earlier_configurations_keep_their_values_under_their_names():
    shipped = ClusterConfig()
    assert named_config(shipped.name) == shipped and shipped.day_conflict_places
    clubs = named_config("happening-2026-11l")  # shipped: places used as teams
    assert clubs == shipped and clubs.team_places == "shared"
    topics = named_config("happening-2026-11i")
    assert replace(topics, name=clubs.name, team_places="shared") == clubs
    assert topics.generic_name_min_articles == 0
    experiment = named_config("happening-2026-11j")  # kept to compare, not shipped
    assert replace(topics, name=experiment.name, generic_name_min_articles=20) == experiment
    eleventh = named_config("happening-2026-11h")
    assert eleventh.generic_name_share == 0.0 and eleventh.result_names == 1.0
    assert replace(eleventh, name=topics.name, generic_name_share=0.12,
                   result_names=0.0) == topics  # fmt: skip
    grid_moved = {"threshold": 0.25, "generic_share": 0.05, "generic_weight": 1.0}
    previous = named_config("happening-2026-11g")
    assert replace(previous, name=eleventh.name, threshold=0.22, generic_share=0.1,
                   generic_weight=0.3) == eleventh  # fmt: skip
    rare = named_config("happening-2026-11k")  # an experiment too: rare names of bodies
    assert replace(topics, name=rare.name, rare_name_weight=0.05) == rare
    for config in NAMED.values():  # none before -11i set the names of a topic aside
        if config.name != clubs.name:  # nor before -11l read places as sports teams
            assert config.team_places == ""
        if config.name not in (experiment.name, topics.name, rare.name, clubs.name):
            assert config.generic_name_share == 0.0 and config.result_names == 1.0
        if config.name != experiment.name:  # nor asked a topic's name for a count of articles
            assert config.generic_name_min_articles == 0
        if config.name != rare.name:  # nor weighed a rare name of a body, product or event
            assert config.rare_name_weight == 0.0
    last = named_config("happening-2026-11f")
    assert last.unknown_time_cost == last.score_conflict == 0.0
    assert (
        replace(
            last,
            name=previous.name,
            unknown_time_cost=previous.unknown_time_cost,
            score_conflict=previous.score_conflict,
        )
        == previous
    )
    before = named_config("happening-2026-11e")
    assert replace(before, name=last.name, name_weight=last.name_weight) == last
    assert before.name_weight == 0.0 < last.name_weight
    for name in ("happening-2026-11c", "happening-2026-11d", "happening-2026-11e"):
        config = named_config(name)
        assert {k: getattr(config, k) for k in grid_moved} == grid_moved


def test_subject_scores_are_results_not_ranges_votes_or_leads():
    assert subject_scores("Italy 17-28 Ireland", "Ireland won in Rome.") == {(17, 28)}
    assert subject_scores("Wales win in Rome", "Wales sealed a 38-8 victory over Italy.") == {
        (8, 38)
    }
    assert subject_scores("Cup final", "Chelsea beat Liverpool 3-2 after extra time.") == {(2, 3)}
    assert subject_scores("Ruling", "The court ruled 5-4 that the law stands.") == frozenset()
    assert subject_scores("Senate", "Senators voted 51-49 to confirm her.") == frozenset()
    assert subject_scores("Injuries", "Between 10-15 people were hurt in 2004-05.") == frozenset()
    assert subject_scores("Comeback", "The Cubs saw a 6-3 lead evaporate.") == frozenset()


def test_subject_scores_read_results_as_match_reports_write_them():
    """A competition or round between score and result word, a defeat told as "lost", a
    score ending its clause: all results. A thousands figure or a formation is none."""
    assert subject_scores("Boro", "It followed the 2-0 Uefa Cup win against Lazio.") == {(0, 2)}
    assert subject_scores("Spurs", "after their 3-0 FA Cup fifth-round victory over") == {(0, 3)}
    assert subject_scores("Moyes", "a game they ultimately lost 1-0, saying") == {(0, 1)}
    assert subject_scores("FA", "Millwall, who lost the match 3-0, have also") == {(0, 3)}
    assert subject_scores("Robben", "having lost 2-1 in the first leg.") == {(1, 2)}
    assert subject_scores("Comeback", "They were losing 2-1 at half-time.") == frozenset()
    assert subject_scores("Crowd", "The club lost 10-15,000 fans.") == frozenset()
    assert subject_scores("Tactics", "They played a 4-3-3 system in the win.") == frozenset()


def test_a_loss_counted_in_seats_votes_points_or_money_is_no_score():
    assert subject_scores("Polls", "The Tories lost 12-15 seats in the vote.") == frozenset()
    assert subject_scores("Markets", "Shares lost 2-3 points in early trade.") == frozenset()
    assert subject_scores("Dollar", "The dollar lost 1-2 Cents against the yen.") == frozenset()
    assert subject_scores("Derby", "City lost 2-1 at home on Saturday.") == {(1, 2)}


def _match(home: str, away: str, result: str, venue: str) -> tuple[str, str]:
    return (
        f"{home} {result} {away}",
        f"{home} and {away} met in the group stage of the European Championship in {venue} "
        f"on Saturday. The first half was goalless before a header from a corner broke the "
        f"deadlock, and a late penalty settled the group match in front of a full stadium.",
    )


def test_two_matches_of_one_tournament_on_one_day_are_two_stories():
    c = StoryClusterer(ClusterConfig())
    first = c.add(features("a", *_match("Italy", "Spain", "2-0", "Paris"), "2016-06-18"))
    same = c.add(features("b", *_match("Italy", "Spain", "2-0", "Saint-Denis"), "2016-06-18"))
    other = c.add(features("c", *_match("France", "Romania", "2-1", "Paris"), "2016-06-18"))
    assert same.story_id == first.story_id
    assert other.started


def test_a_stored_run_of_an_older_configuration_reads_back_as_that_configuration():
    stored = named_config("happening-2026-11f").to_dict()
    del stored["unknown_time_cost"], stored["score_conflict"]  # knobs it predates
    assert ClusterConfig.from_dict(stored) == named_config("happening-2026-11f")
    assert ClusterConfig.from_dict({"name": "custom", "threshold": 0.3}).threshold == 0.3


def test_a_topics_names_are_no_happenings_names():
    """A club named in a third of a football corpus is its topic: with
    ``generic_name_share`` sharing it adds nothing to a join, sharing a player still does."""

    def art(aid: str, title: str, text: str, names: set[str]) -> object:
        f = features(aid, title, text, None)
        return replace(f, signals=Signals(entities=frozenset(names)))

    transfer = art("a", "Chelsea bid for striker", "Chelsea made a bid for the Inter striker "
                   "Adriano on Monday, his agent said.", {"l:chelsea", "p:adriano"})  # fmt: skip
    fined = art("b", "Chelsea fined over complaint", "Chelsea were fined by Uefa on Monday "
                "over their complaint about the referee.", {"l:chelsea", "o:uefa"})  # fmt: skip
    agent = art("c", "Adriano agent denies bid", "The agent of the Inter striker Adriano "
                "denied a bid on Monday.", {"l:chelsea", "p:adriano"})  # fmt: skip
    config = ClusterConfig(
        generic_name_share=0.9,
        corpus_idf_docs=3,
        min_shared_terms=1,
        min_cosine=0.0,
        generic_name_min_articles=3,
    )
    assert generic_names([transfer, fined, agent], config) == {"l:chelsea"}
    few = replace(config, generic_name_min_articles=4)  # in 3 articles: fewer than asked
    assert not generic_names([transfer, fined, agent], few)
    off = ClusterConfig(corpus_idf_docs=3, generic_name_share=0.0)
    assert not generic_names([transfer, fined, agent], off)
    assert not generic_names([transfer, fined, agent], ClusterConfig())  # under 100 articles
    plain, topical = StoryClusterer(config), StoryClusterer(config)
    topical.topic_names = generic_names([transfer, fined, agent], config)
    for clusterer in (plain, topical):
        clusterer.add(transfer)
    sid = plain.story_of("a")
    assert topical.score(fined, sid) < plain.score(fined, sid)  # only the club in common
    assert topical.score(agent, sid) > topical.score(fined, sid)  # a player in common


def _named(aid: str, title: str, text: str, names: set[str], **signals) -> object:
    f = features(aid, title, text, None)
    return replace(f, signals=Signals(entities=frozenset(names), **signals))


def test_a_name_is_one_name_whatever_its_kind_or_gazetteer_place():
    """ "Liverpool" the club, read as an organisation in one article, a place in another
    and a town in a third, is one name: in two of three articles, it is the topic's."""
    a = _named("a", "t", "x", {"o:liverpool", "p:gerrard"})
    b = _named("b", "t", "x", {"l:liverpool"}, cities=frozenset({"liverpool|GB.ENG"}))
    c = _named("c", "t", "x", {"l:newcastle"}, cities=frozenset({"newcastle|AU.02"}))
    config = ClusterConfig(generic_name_share=0.6, corpus_idf_docs=3, generic_name_min_articles=2)
    assert generic_names([a, b, c], config) == {"o:liverpool", "l:liverpool", "liverpool|GB.ENG"}


def test_names_tie_a_piece_to_a_match_result_only_when_both_give_one():
    """A match's who (the club, its manager) is named by every piece about that club: a
    transfer shares them with the match report as readily as a second report of it does.
    With ``result_names`` 0 only words tie a piece that gives no result to one that does;
    two pieces that give none (two on one transfer) still share names as evidence."""
    names = {"l:newcastle", "p:souness", "p:bellamy"}
    report = _named("a", "Newcastle 1-2 Heerenveen", "Newcastle went through in the Uefa "
                    "Cup despite a 2-1 defeat, Souness said.", names,
                    scores=frozenset({(1, 2)}))  # fmt: skip
    second = _named("b", "Souness delight at Euro progress", "Newcastle went through "
                    "after the 2-1 defeat in the Uefa Cup, Souness said.", names,
                    scores=frozenset({(1, 2)}))  # fmt: skip
    transfer = _named("c", "Bellamy loan move", "Newcastle agreed to loan Bellamy to "
                      "Celtic, Souness said.", names)  # fmt: skip
    again = _named("d", "Bellamy loan agreed", "Newcastle agreed a loan for Bellamy, "
                   "Souness said.", names)  # fmt: skip
    loose = ClusterConfig(result_names=1.0, min_shared_terms=1, min_cosine=0.0)
    strict = replace(loose, result_names=0.0)
    gaps = {}
    for config in (loose, strict):
        match, news = StoryClusterer(config), StoryClusterer(config)
        on_match, on_news = match.add(report).story_id, news.add(again).story_id
        gaps[config.result_names] = (
            match.score(transfer, on_match),  # no result against a result: words only
            match.score(second, on_match),  # a result against a result: names count
            news.score(transfer, on_news),  # no result against none: names count
        )
    assert gaps[0.0][0] < gaps[1.0][0]
    assert gaps[0.0][1:] == gaps[1.0][1:]
