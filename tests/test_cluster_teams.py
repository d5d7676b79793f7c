"""Places an article uses as sports teams (``cluster/teams.py``, ``team_places``).

A club named after its town is an organisation: "Tottenham manager Jacques Santini" was
not in Tottenham, and two pieces on one club share a topic, not a happening. The
shipped ``happening-2026-11l`` (``-11i`` before it did not) reads where an article writes a place name as a team
and takes no shared place or town from it; two different clubs still conflict.
Sentences and articles here are our own.
"""

from __future__ import annotations

from dataclasses import replace

from newsfuse.cluster.config import ClusterConfig, named_config
from newsfuse.cluster.features import features
from newsfuse.cluster.online import StoryClusterer
from newsfuse.cluster.teams import team_names

TOWNS = ("Leeds", "Cardiff", "Burnley", "Paris", "York", "Hull")


def _teams(text: str, title: str = "") -> frozenset[str]:
    return team_names(title, text, TOWNS)


def test_a_side_of_a_match_is_a_team():
    assert _teams("Leeds beat Cardiff on Saturday.") == {"leeds", "cardiff"}
    assert _teams("The visitors drew with Burnley.") == {"burnley"}
    assert _teams("It was a 1-0 defeat to Hull.") == {"hull"}
    assert _teams("Burnley thrashed their rivals.") == {"burnley"}
    assert _teams("The side hosted Hull on Tuesday.") == {"hull"}
    assert _teams("", title="Leeds 2-1 Cardiff") == {"leeds", "cardiff"}
    assert _teams("Preview: Hull v York, kick-off at three.") == {"hull", "york"}
    assert _teams("Next up is the game against Burnley.") == {"burnley"}


def test_a_teams_people_and_a_squad_list_name_teams():
    assert _teams("Leeds manager Sam Reed said he was pleased.") == {"leeds"}
    assert _teams("Uncapped Cardiff defender Tom Hale is called up.") == {"cardiff"}
    assert _teams("Squad: Hale (Cardiff), Reed (Hull), Moss (York).") == {"cardiff", "hull", "york"}


def test_a_place_with_a_plural_verb_is_a_team():
    assert _teams("Leeds are ready to bid for the winger.") == {"leeds"}
    assert _teams('He said: "Hull have been unlucky."') == {"hull"}


def test_a_place_written_as_a_place_is_no_team():
    assert not _teams("Leeds is a city in Yorkshire, and Paris hosted the summit.")
    assert not _teams("Flooding hit Hull and York are said to be next.")
    assert not _teams("The mayor of Paris met officials in Cardiff on Monday.")
    assert not _teams("The talks ran 9-10 hours in York, and Paris 2024 was discussed.")


def _place(name: str, sentence: int = 0) -> dict:
    return {"name": name, "kind": "city", "admin1": "GB.ENG", "lat": 53.0, "sentence": sentence}


def _article(aid: str, title: str, text: str, towns: tuple[str, ...]):
    annotations = {"places": [_place(t) for t in towns], "actors": []}
    return lambda config: features(aid, title, text, None, config, annotations)


RESIGNS = _article(
    "resigns", "Leeds manager quits",
    "Leeds manager Sam Reed has resigned after two seasons at Leeds, the club said. "
    "Reed thanked the board and the fans at Elland Road.",
    ("Leeds",),
)  # fmt: skip
SIGNS = _article(
    "signs", "Leeds sign winger",
    "Leeds are to sign the winger Tom Hale after a trial at Elland Road, the club said. "
    "The board agreed a fee for Hale.",
    ("Leeds",),
)  # fmt: skip
BURNLEY = _article(
    "burnley", "Burnley sign winger",
    "Burnley are to sign the winger Tom Hale after a trial at Turf Moor, the club said. "
    "The board agreed a fee for Hale.",
    ("Burnley",),
)  # fmt: skip


def _score(config: ClusterConfig, first, second) -> float:
    clusterer = StoryClusterer(config)
    story = clusterer.add(first(config)).story_id
    return clusterer.score(second(config), story)


def test_a_shared_club_adds_nothing_but_two_clubs_still_conflict():
    shipped, teams = named_config("happening-2026-11i"), ClusterConfig()  # before, now
    assert teams.team_places == "shared" and shipped.team_places == ""
    # one club's resignation and signing: the town Leeds no longer adds a shared place
    assert features("a", None, "Leeds beat Hull.", None, teams).signals.teams == frozenset()
    assert SIGNS(teams).signals.teams == {"leeds"}
    drop = _score(shipped, RESIGNS, SIGNS) - _score(teams, RESIGNS, SIGNS)
    assert drop > shipped.city_match - 1e-9
    # two clubs' signings of one winger: still the town conflict of two clubs
    assert _score(teams, SIGNS, BURNLEY) == _score(shipped, SIGNS, BURNLEY)


def test_out_takes_a_team_out_of_the_articles_places_altogether():
    out = replace(ClusterConfig(), team_places="out")
    f = SIGNS(out)
    assert not f.signals.cities and "l:leeds" not in f.signals.entities
    assert SIGNS(replace(ClusterConfig(), team_places="")).signals.cities == {"leeds|GB.ENG"}


def test_the_shipped_configuration_is_the_one_before_it_with_teams_read():
    shipped, before = ClusterConfig(), named_config("happening-2026-11i")
    assert shipped.name == "happening-2026-11l" and named_config(shipped.name) == shipped
    assert replace(before, name=shipped.name, team_places="shared") == shipped


def test_a_bracket_or_a_side_that_is_no_team():
    assert not team_names("", "A photo from the Republic of Korea (York)'s agency.", TOWNS)
    assert not _teams("Firemen reached the Hull side of the tunnel.")
    assert _teams("Hull side beat the visitors.") == {"hull"}
