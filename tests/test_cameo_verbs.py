"""The CAMEO verb table (derived from PETRARCH2's dictionary) and the coder's fallback on it."""

from __future__ import annotations

import importlib.util

import pytest

from newsfuse.annotate.nlp import load_nlp
from newsfuse.events.cameo_verbs import cameo_match, table
from newsfuse.events.lexicon import triggers
from newsfuse.events.stage import code_sentence

from .conftest import REPO


def _build_module():
    spec = importlib.util.spec_from_file_location("build", REPO / "tools" / "build_cameo_verbs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_checked_in_table_is_what_the_build_script_writes(shared):
    source = shared / "dictionaries" / "CAMEO.2.0.txt"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    build = _build_module()
    expected = build.render(build.build(source.read_text(encoding="utf-8", errors="replace")))
    checked_in = (REPO / "newsfuse" / "data" / "cameo_verbs.tsv").read_text(encoding="utf-8")
    assert checked_in == expected
    assert len(checked_in.encode()) < 2_000_000
    assert "PETRARCH2" in checked_in.splitlines()[0] and "MIT" in checked_in.splitlines()[0]


def test_codes_map_to_plover_and_statements_to_no_event():
    build = _build_module()
    assert build.plover_of("0231") == "-"  # 02 appeal: no PLOVER event
    assert build.plover_of("010") == "-"  # 01 public statement
    assert build.plover_of("---") == "-"
    assert build.plover_of("042:043") == "CONSULT"
    assert build.plover_of(":173") == "COERCE"
    assert build.plover_of("0874") == "RETREAT" and build.plover_of("083") == "CONCEDE"
    assert build.plover_of("204") == "FIGHT"
    verbs, patterns = table()
    assert len(verbs) > 1000 and sum(map(len, patterns.values())) > 4000


def _verb(text: str, form: str):
    return next(t for t in load_nlp()(text) if t.text == form)


def test_multi_word_verbs_and_patterns_match_over_the_parse():
    called = cameo_match(_verb("Pakistan called off the talks with India.", "called"))
    assert (called.verb, called.plover) == ("call off", "SANCTION")
    asked = cameo_match(_verb("The villagers asked the governor for help.", "asked"))
    assert asked.plover is None and asked.code.startswith("02")  # an appeal: no event
    rushed = cameo_match(_verb("Kenya rushed food to the refugee camps.", "rushed"))
    assert rushed.pattern == "* &food" and rushed.plover == "AID"
    assert cameo_match(_verb("The committee wondered about the costs.", "wondered")).plover is None


@pytest.mark.parametrize(
    ("sentence", "lemma", "expected"),
    [
        ("Kenya rushed food to the refugee camps in Somalia.", "rush", "AID"),
        ("The French air force airlifted food to Haiti on Monday.", "airlift", "AID"),
        ("Thai police put the border guards on alert.", "put", "MOBILIZE"),
    ],
)
def test_verbs_the_hand_lexicon_lacks_code_through_cameo_patterns(sentence, lemma, expected):
    assert (lemma, "VERB") not in triggers()
    assert [e.event_type for e in code_sentence(sentence)] == [expected]


def test_a_verb_code_without_a_pattern_is_not_enough():
    # "rescind" is 160 (SANCTION) in CAMEO, but only as the verb's own code: no pattern
    # says what it acts on, and a verb's bare code does not make an event (coder docs).
    rescinded = _verb("Ecuador rescinded the accreditation of the ambassador.", "rescinded")
    assert cameo_match(rescinded).plover == "SANCTION" and cameo_match(rescinded).pattern is None
    assert code_sentence("Ecuador rescinded the accreditation of the ambassador.") == []


def test_sentences_with_a_lexicon_trigger_do_not_consult_the_table():
    # CAMEO codes "call off talks" 160 (SANCTION); the hand lexicon's "call off" decides here.
    from newsfuse.events.coder import match_trigger

    sentence = "Pakistan called off the talks with India."
    hand = match_trigger(_verb(sentence, "called"))
    assert hand is not None and hand.lemma == "call off"
    assert [e.event_type for e in code_sentence(sentence)][:1] == [hand.event_type]
