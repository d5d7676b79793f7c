"""The PLOVER ontology table: types, quad classes, CAMEO roots, modes, contexts."""

from __future__ import annotations

import pytest

from newsfuse.events import ontology
from newsfuse.events.ontology import (
    CONTEXTS,
    EVENT_TYPES,
    EventType,
    QuadClass,
    cameo_root,
    canonical_context,
    canonical_mode,
    event_info,
    event_type,
    from_cameo,
    is_context,
    is_event_type,
    is_mode,
    modes,
    needs_target,
    quad_class,
    quad_code,
)

NAMES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT INVESTIGATE DEMAND DISAPPROVE "
    "REJECT THREATEN SANCTION PROTEST MOBILIZE COERCE ASSAULT FIGHT"
).split()

QUADS = {
    "verbal cooperation": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "material cooperation": {"COOPERATE", "AID", "RETREAT"},
    "verbal conflict": {"INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN"},
    "material conflict": {"SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"},
}

CAMEO = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "INVESTIGATE": "09",
    "DEMAND": "10",
    "DISAPPROVE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
    "FIGHT": "19",
}


def test_the_eighteen_types_in_specification_order():
    assert [str(t) for t in EVENT_TYPES] == NAMES
    assert all(isinstance(t, str) and t == t.value for t in EVENT_TYPES)


@pytest.mark.parametrize("quad", sorted(QUADS))
def test_quad_classes(quad):
    assert {t for t in NAMES if quad_class(t) == quad} == QUADS[quad]


def test_quad_codes_follow_plover_numbering():
    assert {quad_code(t) for t in QUADS["verbal cooperation"]} == {1}
    assert {quad_code(t) for t in QUADS["material cooperation"]} == {2}
    assert {quad_code(t) for t in QUADS["verbal conflict"]} == {3}
    assert {quad_code(t) for t in QUADS["material conflict"]} == {4}
    assert [str(q) for q in QuadClass] == [
        "verbal cooperation",
        "material cooperation",
        "verbal conflict",
        "material conflict",
    ]


def test_cameo_roots():
    assert {t: cameo_root(t) for t in NAMES} == CAMEO


@pytest.mark.parametrize("name", [n for n in NAMES if n not in {"CONCEDE", "RETREAT"}])
def test_cameo_root_reads_back(name):
    assert from_cameo(cameo_root(name)) == name


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("0831", "CONCEDE"),
        ("081", "CONCEDE"),
        ("08", "CONCEDE"),
        ("0841", "RETREAT"),
        ("0871", "RETREAT"),
        ("195", "FIGHT"),
        ("20", "FIGHT"),
        ("2042", "FIGHT"),
        ("173", "COERCE"),
        (" 057 ", "SUPPORT"),
        ("01", None),
        ("023", None),
        ("1", None),
        ("AGREE", None),
        ("", None),
    ],
)
def test_from_cameo(code, expected):
    assert from_cameo(code) == expected


def test_is_event_type_ignores_case_and_spaces():
    assert is_event_type("AGREE")
    assert is_event_type(" fight ")
    assert is_event_type(EventType.SANCTION)
    for wrong in ("CRIME", "ACCUSE", "", "AGREED", None, 3):
        assert not is_event_type(wrong)


def test_event_type_parses_and_explains_a_wrong_name():
    assert event_type("protest") is EventType.PROTEST
    assert event_type(EventType.AID) is EventType.AID
    with pytest.raises(ValueError, match="not a PLOVER event type; use one of AGREE"):
        event_type("CRIME")
    with pytest.raises(ValueError):
        quad_class("nothing")


def test_modes_are_clean_tuples():
    for name in NAMES:
        found = modes(name)
        assert isinstance(found, tuple)
        assert len(set(found)) == len(found), name
        assert all(m == m.strip().lower() and " " not in m for m in found), name


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        ("CONSULT", "visit"),
        ("CONSULT", "phone"),
        ("PROTEST", "demo"),
        ("PROTEST", "hunger"),
        ("ASSAULT", "explosives"),
        ("ASSAULT", "sexual"),
        ("FIGHT", "heavy-weapons"),
        ("FIGHT", "firearms"),
        ("COERCE", "arrest"),
        ("THREATEN", "violence"),
        ("MOBILIZE", "troops"),
        ("RETREAT", "release"),
        ("SANCTION", "expel"),
        ("DEMAND", "meet"),
    ],
)
def test_known_modes(name, mode):
    assert mode in modes(name)
    assert is_mode(name, mode)


def test_verbal_cooperation_and_aid_have_no_modes():
    for name in ("AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "INVESTIGATE"):
        assert modes(name) == ()


def test_older_mode_spellings_are_aliases():
    assert canonical_mode("PROTEST", "strike-hun") == "hunger"
    assert canonical_mode("PROTEST", "Demo-Org") == "demo"
    assert canonical_mode("PROTEST", "riot-spon") == "riot"
    assert canonical_mode("THREATEN", "martial-law") == "restrict"
    assert canonical_mode("COERCE", "martial-law") == "martial-law"
    assert canonical_mode("ASSAULT", "Suicide attack") == "suicide-attack"
    assert is_mode("protest", "strike-gen")
    assert not is_mode("AGREE", "visit")


def test_needs_target():
    assert {t for t in NAMES if needs_target(t)} == {"COOPERATE", "AID", "SANCTION"}


def test_every_type_has_a_description():
    for name in NAMES:
        info = event_info(name)
        assert info.type == name
        assert info.description.endswith(".")
        assert len(info.description) > 20


def test_contexts():
    for name in ("military", "diplomatic", "economic", "political", "humanitarian", "refugee"):
        assert is_context(name)
    assert canonical_context("Resources") == "resource"
    assert canonical_context(" politics ") == "political"
    assert canonical_context("rights_freedoms") == "rights"
    assert canonical_context("something-new") == "something-new"
    assert not is_context("banana")
    assert all(key == key.lower() and " " not in key for key in CONTEXTS)
    assert all(target in CONTEXTS for target in ontology.CONTEXT_ALIASES.values())


def test_mode_aliases_point_at_modes():
    for name, aliases in ontology.MODE_ALIASES.items():
        assert set(aliases.values()) <= set(modes(name)), name
