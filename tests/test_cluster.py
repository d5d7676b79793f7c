"""Story clustering: features, the online clusterer, wire copies, and the stage on a real store."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import delete

from newsfuse.cluster.features import (
    _stem,
    corpus_damping,
    damped,
    day_spread,
    document_frequency,
    features,
    generic_terms,
    vectorise,
)
from newsfuse.cluster.online import ClusterConfig, StoryClusterer, story_id_for
from newsfuse.cluster.reprints import ReprintIndex
from newsfuse.cluster.stage import cluster_new_articles, origin_of
from newsfuse.evaluate.clusters import score_clusters
from newsfuse.ingest import ingest_documents, ingest_paths
from newsfuse.model import RawDocument
from newsfuse.store.schema import cluster_runs
from newsfuse.store.stories import UNRECORDED

STRIKE_A = (
    "Dock workers in Rotterdam walk out over pay",
    "Dock workers at the port of Rotterdam began a 48-hour strike on Tuesday after talks "
    "over pay broke down, halting container traffic at Europe's largest harbour. The FNV "
    "union said crane operators and lashers stopped work at the Maasvlakte terminals.",
)
STRIKE_B = (
    "Rotterdam port strike halts container terminals",
    "Container terminals at Rotterdam stood still on Tuesday as dockers from the FNV union "
    "struck for two days over wages. Shipping lines diverted vessels to Antwerp while the "
    "Maasvlakte crane operators picketed the harbour gates.",
)
FLOOD_A = (
    "Floods in Kerala kill dozens as monsoon rains persist",
    "Heavy monsoon rains triggered floods and landslides across Kerala, killing at least "
    "38 people, officials said on Sunday. Rescue teams evacuated villages in Idukki and "
    "Wayanad districts as rivers burst their banks.",
)
FLOOD_B = (
    "Kerala landslides: rescuers search for missing villagers",
    "Rescuers in Wayanad dug through mud on Monday searching for villagers missing after "
    "landslides, as the death toll from Kerala's monsoon floods rose. Idukki dam shutters "
    "were opened as the rains continued.",
)


def _f(aid, story, day="2025-03-04"):
    return features(aid, story[0], story[1], day)


def test_stem_folds_plurals_only_onto_known_words():
    assert _stem("missiles") == "missile"
    assert _stem("japan's") == "japan"
    assert _stem("christmas") == "christmas"
    assert _stem("paris") == "paris"


def test_vector_is_normalised_and_ignores_function_words():
    v = vectorise(*STRIKE_A)
    assert abs(sum(x * x for x in v.values()) - 1) < 1e-9
    assert "the" not in v and "rotterdam" in v


def test_clusterer_joins_coverage_of_one_story_and_keeps_others_apart():
    c = StoryClusterer()
    a = c.add(_f("a", STRIKE_A))
    b = c.add(_f("b", FLOOD_A))
    assert a.started and b.started and a.story_id != b.story_id
    assert c.add(_f("c", STRIKE_B)).story_id == a.story_id
    assert c.add(_f("d", FLOOD_B)).story_id == b.story_id
    assert a.story_id == story_id_for("a")


def test_same_input_same_stories():
    order = [("a", STRIKE_A), ("b", FLOOD_A), ("c", STRIKE_B), ("d", FLOOD_B)]
    runs = []
    for _ in range(2):
        c = StoryClusterer()
        for aid, story in order:
            c.add(_f(aid, story))
        runs.append(c.stories())
    assert runs[0] == runs[1]


def test_a_bridging_article_merges_two_stories():
    c = StoryClusterer(ClusterConfig(threshold=0.75, merge_threshold=0.3, merge_evidence=False))
    first = c.add(_f("a", STRIKE_A))
    second = c.add(_f("b", STRIKE_B))
    assert first.story_id != second.story_id  # too strict a threshold to join
    bridge = (STRIKE_A[0] + " " + STRIKE_B[0], STRIKE_A[1] + " " + STRIKE_B[1])
    result = c.add(_f("c", bridge))
    assert result.story_id == first.story_id  # the older story survives
    assert result.merged == (second.story_id,)
    assert sorted(c.stories()[first.story_id]) == ["a", "b", "c"]


def test_stories_whose_centroids_converge_become_one():
    config = ClusterConfig(
        threshold=0.75, merge_threshold=2.0, story_merge=0.3, merge_evidence=False
    )
    c = StoryClusterer(config)
    first = c.add(_f("a", STRIKE_A))
    second = c.add(_f("b", STRIKE_B))
    assert first.story_id != second.story_id
    both = (STRIKE_B[0] + " " + STRIKE_A[0], STRIKE_B[1] + " " + STRIKE_A[1])
    result = c.add(_f("c", both))
    assert result.story_id == first.story_id and result.merged == (second.story_id,)
    assert len(c.stories()) == 1


def test_a_merge_needs_stories_as_alike_as_a_first_join():
    """An article close to two stories does not join them unless the stories themselves
    are as alike as an article must be to its story: no chaining through one bridge."""
    config = ClusterConfig(
        threshold=0.75, merge_threshold=0.3, story_merge=0.3, merge_evidence=True
    )
    c = StoryClusterer(config)
    first = c.add(_f("a", STRIKE_A))
    second = c.add(_f("b", STRIKE_B))
    bridge = (STRIKE_A[0] + " " + STRIKE_B[0], STRIKE_A[1] + " " + STRIKE_B[1])
    result = c.add(_f("c", bridge))
    assert result.merged == () and len(c.stories()) == 2
    assert result.story_id in (first.story_id, second.story_id)


def test_distance_in_time_needs_stronger_evidence():
    c = StoryClusterer()
    c.add(_f("a", STRIKE_A, "2025-03-04"))
    near = c.score(_f("x", STRIKE_B, "2025-03-05"), story_id_for("a"))
    far = c.score(_f("y", STRIKE_B, "2025-09-05"), story_id_for("a"))
    assert near > far


def test_wire_copies_are_found_and_rewrites_are_not():
    index = ReprintIndex()
    assert index.add("orig", STRIKE_A[1] * 3) is None
    edited = (STRIKE_A[1] * 3).replace("Tuesday", "Tuesday morning")
    assert index.add("copy", edited) == "orig"
    assert index.add("rewrite", STRIKE_B[1] * 3) is None


def test_origin_prefers_agency_then_outlet_then_site():
    assert origin_of({"id": "x", "agency": "AFP", "outlet": "SpaceWar.com"}) == "afp"
    assert origin_of({"id": "x", "outlet": "www.dw.com"}) == "dw.com"
    assert origin_of({"id": "x", "url": "https://www.bbc.co.uk/news/1"}) == "bbc.co.uk"
    assert origin_of({"id": "x"}) == "article:x"


def _doc(aid, story, outlet, agency=None, day="2025-03-04"):
    meta = {"id": aid, "title": story[0], "outlet": outlet, "published": day}
    if agency:
        meta["agency"] = agency
    return RawDocument(f"{aid}.json", "text", story[1], meta)


def test_stage_stores_stories_counts_sources_and_extends_them_online(store):
    long_a = (STRIKE_A[0], " ".join([STRIKE_A[1]] * 4))
    docs = [
        _doc("a1", long_a, "NL Times", "ANP"),
        _doc("a2", (long_a[0], long_a[1] + " Talks resume on Friday."), "DutchNews", "ANP"),
        _doc("b1", STRIKE_B, "Lloyd's List"),
        _doc("f1", FLOOD_A, "The Hindu"),
    ]
    ingest_documents(docs, store, annotate=False)
    report = cluster_new_articles(store)
    assert report.articles == 4 and report.reprints == 1 and report.new_stories == 2
    strike = store.get_story(store.story_ids()["a1"])
    assert strike["article_count"] == 3
    assert strike["independent_sources"] == 2  # the ANP copy counts once
    copy = next(a for a in strike["articles"] if a["id"] == "a2")
    assert copy["reprint_of"] == "a1" and copy["origin"] == "anp"

    assert cluster_new_articles(store).articles == 0  # nothing new, nothing changes
    ingest_documents([_doc("f2", FLOOD_B, "NDTV", day="2025-03-05")], store, annotate=False)
    assert cluster_new_articles(store).articles == 1
    ids = store.story_ids()
    assert ids["f2"] == ids["f1"] != ids["a1"]
    assert [s["id"] for s in store.iter_stories(query="Wayanad")] == [ids["f1"]]
    assert [s["id"] for s in store.iter_stories(since="2025-03-05")] == [ids["f1"]]


def test_each_cluster_run_records_its_configuration(store):
    ingest_documents([_doc("a1", STRIKE_A, "NL Times")], store, annotate=False)
    config = ClusterConfig(name="strict-test", threshold=0.5)
    assert cluster_new_articles(store, config).config == "strict-test"
    ingest_documents([_doc("f1", FLOOD_A, "The Hindu")], store, annotate=False)
    cluster_new_articles(store, rebuild=True)
    latest, first = store.cluster_runs()
    assert (first["config_name"], first["articles"], first["rebuild"]) == ("strict-test", 1, False)
    assert ClusterConfig.from_dict(first["config"]) == config
    assert latest["config_name"] == ClusterConfig().name and latest["rebuild"]
    assert latest["articles"] == 2 and latest["config"] == ClusterConfig().to_dict()


def test_articles_joining_stories_another_configuration_made_say_so(store):
    ingest_documents([_doc("a1", STRIKE_A, "NL Times")], store, annotate=False)
    older = ClusterConfig(name="older-test", threshold=0.5)
    first = cluster_new_articles(store, older)
    assert first.earlier_configs == [] and first.mixed_note() is None
    ingest_documents([_doc("f1", FLOOD_A, "The Hindu")], store, annotate=False)
    mixed = cluster_new_articles(store)  # the shipped configuration
    assert mixed.earlier_configs == ["older-test"]
    assert "older-test" in mixed.mixed_note() and "--rebuild" in mixed.mixed_note()
    ingest_documents([_doc("f2", FLOOD_B, "NDTV", day="2025-03-05")], store, annotate=False)
    assert cluster_new_articles(store).earlier_configs == ["older-test"]
    cluster_new_articles(store, rebuild=True)
    late = (FLOOD_B[0], FLOOD_B[1] + " Schools in the district stay shut until Friday.")
    ingest_documents([_doc("f3", late, "Mathrubhumi", day="2025-03-06")], store, annotate=False)
    again = cluster_new_articles(store)
    assert again.articles == 1
    assert again.earlier_configs == [] and again.mixed_note() is None


def test_stories_made_before_runs_were_recorded_count_as_another_configuration(store):
    ingest_documents([_doc("a1", STRIKE_A, "NL Times")], store, annotate=False)
    cluster_new_articles(store)
    with store.engine.begin() as conn:  # a database clustered before migration 0010
        conn.execute(delete(cluster_runs))
    ingest_documents([_doc("f1", FLOOD_A, "The Hindu")], store, annotate=False)
    report = cluster_new_articles(store)
    assert report.earlier_configs == [UNRECORDED]
    assert "unrecorded" in report.mixed_note() and "configuration unrecorded" not in (
        report.mixed_note()
    )


def test_the_ingest_runner_passes_the_note_on(store, tmp_path):
    ingest_documents([_doc("a1", STRIKE_A, "NL Times")], store, annotate=False)
    cluster_new_articles(store, ClusterConfig(name="older-test"))
    path = tmp_path / "flood.jsonl"
    path.write_text(json.dumps({"id": "f1", "title": FLOOD_A[0], "text": FLOOD_A[1]}) + "\n")
    report = ingest_paths([path], store, annotate=False)
    assert any("older-test" in note for note in report.notes)


def test_bcubed_on_a_known_case():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    perfect = score_clusters({"a": "x", "b": "x", "c": "y", "d": "y"}, gold)
    assert perfect.bcubed_f1 == 1 and perfect.pairwise_f1 == 1
    lumped = score_clusters({k: "x" for k in gold}, gold)
    assert lumped.bcubed_recall == 1 and lumped.bcubed_precision == 0.5
    split = score_clusters({k: k for k in gold}, gold)
    assert split.bcubed_precision == 1 and split.bcubed_recall == 0.5


@given(
    st.dictionaries(
        st.sampled_from("abcdefgh"), st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1
    )
)
def test_bcubed_scores_are_bounded_and_perfect_on_identity(pairs):
    predicted = {k: p for k, (p, _) in pairs.items()}
    gold = {k: g for k, (_, g) in pairs.items()}
    s = score_clusters(predicted, gold)
    assert 0 < s.bcubed_precision <= 1 and 0 < s.bcubed_recall <= 1
    assert score_clusters(gold, gold).bcubed_f1 == 1


# -- on the shared data ---------------------------------------------------------------


def test_seeds_are_one_story_with_two_independent_sources(shared, store):
    gold = json.loads((shared / "eval" / "seeds-gold.json").read_text())["stories"][0]
    ingest_paths([str(shared / "seeds")], store)
    stories = list(store.iter_stories())
    assert len(stories) == 1
    assert stories[0]["independent_sources"] == gold["independent_sources"]
    assert stories[0]["first_published"][:10] == gold["date"]
    assert set(store.story_ids()) == {a.removesuffix(".txt") for a in gold["articles"]}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("corpus", "label", "records", "f1", "precision"),
    [
        ("news_cluster", "newsCluster.EventId", 383, 0.83, 0.98),
        ("stories/gvc.jsonl", "gold", 510, 0.90, 0.98),
        ("stories/meantime.jsonl", "gold", 120, 0.96, 0.93),
    ],
)
def test_story_quality_gate_on_words_and_dates(shared, corpus, label, records, f1, precision):
    """B-cubed F1 and precision of the shipped configuration without annotations (words
    and publication dates only; ~3 s per corpus). Measured (happening-2026-11f; -11g is
    the same on dated articles):
    news_cluster 0.886 (P 0.995), gvc 0.934 (P 0.993), meantime 0.970 (P 0.942); with
    -11e 0.844 / 0.914 / 0.974. With annotations (as ingest runs it) see
    ``benchmarks/cluster_loco.py``."""
    from newsfuse.evaluate.clusters import evaluate_clusters

    scores, details = evaluate_clusters([str(shared / "eval" / corpus)], label, annotate=False)
    assert details["labelled_records"] == records
    assert scores.bcubed_f1 >= f1
    assert scores.bcubed_precision >= precision


# -- a corpus's own vocabulary ----------------------------------------------------------

EARNINGS = "Shr {a} cts vs {b} cts Net {c} mln vs {d} mln Revs {e} mln vs {f} mln Avg shrs"


def test_house_jargon_weighs_no_more_than_its_frequency_in_the_corpus():
    """ "dlrs" is rare in English (Zipf 1.1) but a wire's house style puts it in every
    report: among enough articles its weight is capped by its document frequency."""
    names = [a + b for a in ("Ash", "Bell", "Corr", "Dun", "Elm", "Fenn", "Gor", "Hal", "Ire", "Jura")
             for b in ("grove", "wether", "more", "wick", "stead", "ford", "by", "ton", "ham", "ley",
                       "dale", "mere")]  # fmt: skip
    vectors = [
        vectorise(f"{name} results", f"Net rose to 5 mln dlrs, {name} said.") for name in names
    ]
    df = document_frequency(vectors)
    n = len(vectors)
    config = ClusterConfig()
    damping = corpus_damping(df, n, config)
    dlrs = _stem("dlrs")
    assert damping[dlrs] < 0.1 and "ashgrove" not in damping  # in all 120 / in one
    assert corpus_damping(df, n, ClusterConfig(corpus_idf_docs=0)) == {}
    assert corpus_damping(df, n, ClusterConfig(corpus_idf_docs=n + 1)) == {}  # too few
    f = damped(_f("x", ("Ashgrove results", "Net rose to 5 mln dlrs, Ashgrove said.")), damping)
    assert sum(w * w for w in f.vector.values()) == pytest.approx(1.0)
    assert f.vector.get(dlrs, 0.0) < f.vector["ashgrove"]


def test_a_genre_s_words_alone_do_not_make_one_story():
    """Earnings tables of two companies share every template word and no company: with
    ``min_specific_terms`` an article needs terms beyond a genre's (those in at least
    ``generic_share`` of the articles) in common with a story."""
    firms = [f"{first} {second}" for first in ("Ashgrove", "Bellwether", "Corran", "Dunmore")
             for second in ("Mills", "Tool", "Foods", "Radio", "Bancorp")]  # fmt: skip
    reports = [
        _f(str(n), (f"{firm} 4th qtr net", EARNINGS.format(a=n, b=4, c=1.2, d=1.1, e=9, f=8)))
        for n, firm in enumerate(firms)
    ]
    generic = generic_terms(
        document_frequency([r.vector for r in reports]),
        len(reports),
        ClusterConfig(corpus_idf_docs=len(reports), generic_share=0.3),
    )
    assert {"qtr", "shr", _stem("revs")} <= generic and "ashgrove" not in generic
    a = reports[0]  # Ashgrove Mills
    b = reports[6]  # Bellwether Tool
    lax = StoryClusterer(ClusterConfig(min_specific_terms=0))
    lax.generic = generic
    strict = StoryClusterer(ClusterConfig(min_specific_terms=2))
    strict.generic = generic
    for clusterer in (lax, strict):
        clusterer.add(a)
        clusterer.add(b)
    assert lax.story_of(a.id) == lax.story_of(b.id)
    assert strict.story_of(a.id) != strict.story_of(b.id)


def test_a_happening_s_own_names_are_not_a_genre_s_words():
    """Template words recur on every day of a wire's earnings season; the names of one
    happening fill only the days it is reported. With ``generic_spread_days`` a
    frequent term is a genre's only when it is spread over that many days."""
    firms = ["Ashgrove", "Bellwether", "Corran", "Dunmore", "Elmstead", "Fennick"]
    tables = [
        _f(f"t{n}", (f"{firm} 4th qtr net", EARNINGS.format(a=n, b=4, c=1.2, d=1.1, e=9, f=8)),
           f"2025-03-{n + 1:02d}")
        for n, firm in enumerate(firms)
    ]  # fmt: skip
    split = [
        _f(f"s{n}", ("Silverman and Sheen split", "Sarah Silverman and Michael Sheen have split."),
           f"2025-03-0{1 + n % 2}")
        for n in range(4)
    ]  # fmt: skip
    reports = tables + split
    df = document_frequency([r.vector for r in reports])
    config = ClusterConfig(corpus_idf_docs=len(reports), generic_share=0.3)
    spread = day_spread(reports)
    assert spread["qtr"] == 6 and spread["silverman"] == 2
    everywhere = generic_terms(df, len(reports), config)
    assert {"qtr", "silverman"} <= everywhere  # by article count alone, both a genre's
    spread_out = generic_terms(df, len(reports), replace(config, generic_spread_days=3), spread)
    assert "qtr" in spread_out and "silverman" not in spread_out
    assert generic_terms(df, len(reports), config, spread) == everywhere  # off by default


def test_a_join_with_no_date_to_weigh_costs_what_an_unknown_gap_may_be():
    # Plain text carries no date: the gap may be years, so likeness must make up for it.
    dated, undated = StoryClusterer(), StoryClusterer()
    dated.add(_f("a", STRIKE_A))
    undated.add(_f("a", STRIKE_A, None))
    on_one_day = dated.score(_f("x", STRIKE_B), story_id_for("a"))
    with_no_date = undated.score(_f("x", STRIKE_B, None), story_id_for("a"))
    assert with_no_date == pytest.approx(on_one_day - ClusterConfig().unknown_time_cost)
    assert with_no_date >= ClusterConfig().threshold  # two reports of one strike still join
    assert undated.score(_f("y", FLOOD_A, None), story_id_for("a")) < ClusterConfig().threshold
