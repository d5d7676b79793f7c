"""A shared name of a body, product or event, rare in the database, is evidence of one
happening (``rare_name_weight``); a name that recurs over many days is a topic's."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.cluster.config import ClusterConfig
from newsfuse.cluster.features import features, rare_names, written_names
from newsfuse.cluster.online import StoryClusterer

ON = replace(ClusterConfig(), rare_name_weight=0.1, rare_name_days=3, corpus_idf_docs=4)

LAUNCH = (
    "Rocket maker readies the Orion Lifter for a first flight",
    "The Orion Lifter rocket built by Skyforge Aerospace will carry a test capsule, "
    "Mara Quell said on Monday. But the launch from the coast of Gallia may slip.",
)
ANNOTATIONS = {
    "actors": [
        {"name": "Mara Quell", "label": "PERSON"},
        {"name": "Skyforge Aerospace", "label": "ORG"},
    ],
    "places": [{"name": "Gallia", "kind": "country"}],
}


def test_names_are_capitalised_runs_inside_sentences_not_people_or_places():
    found = written_names(*LAUNCH, ON, ANNOTATIONS)
    assert "orion lifter" in found  # a product, named inside the sentences
    assert "skyforge aerospace" in found  # a body
    assert not any("quell" in n or "mara" in n for n in found)  # a person: evidence of its own
    assert "gallia" not in found  # a place
    assert "but" not in found and "monday" not in found  # a sentence's first word, a day
    assert "rocket" not in found  # the title's first word only


def test_a_title_in_headline_case_says_nothing_about_names():
    found = written_names("Rocket Maker Readies New Lifter", "It flies soon.", ON)
    assert found == frozenset()


def _feat(aid: str, day: str | None, title: str, text: str):
    return features(aid, title, text, day, ON)


def test_rare_names_crowd_into_few_days_topic_names_recur():
    feats = [
        _feat("a", "2030-05-01", "Skyforge flies", "The Orion Lifter flew from Gallia."),
        _feat("b", "2030-05-02", "Skyforge again", "The Orion Lifter landed, said Skyforge."),
        *(
            _feat(f"t{n}", f"2030-05-{10 + n:02d}", "News", f"The Sky Council met, report {n}.")
            for n in range(5)
        ),
    ]
    rare = rare_names(feats, frozenset(), ON)
    assert "orion lifter" in rare  # two articles, two days
    assert "sky council" not in rare  # five days: the topic's
    assert "orion lifter" not in rare_names(feats, frozenset({"o:orion lifter"}), ON)  # topic
    assert rare_names(feats[:2], frozenset(), ON) == frozenset()  # too few articles to tell
    assert rare_names(feats, frozenset(), ClusterConfig()) == frozenset()  # off


def test_a_name_over_years_or_undated_is_no_happening_name():
    yearly = [
        _feat(str(n), f"{2030 + n}-06-01", "Fair opens", f"The Harbour Fair opened, year {n}.")
        for n in range(4)
    ]
    assert "harbour fair" not in rare_names(yearly, frozenset(), ON)  # once a year: a topic's
    undated = [
        _feat(str(n), None, "Club news", f"The Harbour Cup tie number {n} is on.") for n in range(4)
    ]
    assert rare_names(undated, frozenset(), ON) == frozenset()  # nothing shows it crowding


def test_a_shared_rare_name_raises_the_score_by_its_weight():
    first = _feat("a", "2030-05-01", *LAUNCH)
    second = _feat(
        "b",
        "2030-05-02",
        "Capsule test ends well",
        "The capsule carried by the Orion Lifter splashed down, the company said.",
    )
    scores = []
    for rare in (frozenset(), frozenset({"orion lifter"})):
        clusterer = StoryClusterer(replace(ON, min_cosine=0.0))
        clusterer.rare_names = rare
        story = clusterer.add(first).story_id
        scores.append(clusterer.score(second, story))
    assert abs(scores[1] - scores[0] - 0.1) < 1e-9
