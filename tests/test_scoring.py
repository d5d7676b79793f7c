"""The PLOVER scorer on small hand-made records, and on the dev gold where it is present."""

from __future__ import annotations

from typing import Any

import pytest

from newsfuse.events.scoring import (
    ATTRIBUTES,
    as_prediction,
    country_code,
    format_errors,
    format_report,
    magnitude,
    read_plover_jsonl,
    record_errors,
    score_plover,
    sector_code,
)


def actor(code: str | None, sector: str | None = None, text: str = "someone") -> dict[str, Any]:
    out: dict[str, Any] = {"actorText": text, "code": code}
    if sector is not None:
        out["sector"] = sector
    return out


def event(name: str, source=(), target=(), **fields: Any) -> dict[str, Any]:
    """A PLOVER-shaped dict; ``source``/``target`` are actor codes or actor dicts."""

    def side(items):
        return [a if isinstance(a, dict) else actor(a) for a in items]

    return {"event": name, "source": side(source), "target": side(target), **fields}


def attr(result: dict[str, Any], name: str) -> dict[str, Any]:
    return result["attributes"][name]


def has(row: dict[str, Any], expected: dict[str, Any]) -> bool:
    """Whether ``row`` holds every key of ``expected`` with the same value."""
    return row.items() >= expected.items()


# -- event types ----------------------------------------------------------------------


def test_perfect_predictions_score_one():
    gold = [event("AGREE", ["FRA"], ["DEU"]), event("PROTEST", ["KEN"], mode="demo")]
    result = score_plover(gold, [[g] for g in gold])
    assert result["micro_f1"] == 1.0
    assert result["macro_f1"] == 1.0
    assert result["per_type"]["PROTEST"]["f1"] == 1.0


def test_type_counts_follow_the_documented_rules():
    gold = [event("AGREE"), event("PROTEST"), event("ASSAULT")]
    predicted = [
        [event("AGREE"), event("AGREE")],  # one TP; the repeat is neither TP nor FP
        [event("DEMAND")],  # FN for PROTEST, FP for DEMAND
        [event("ASSAULT"), event("FIGHT")],  # TP for ASSAULT, FP for FIGHT
    ]
    result = score_plover(gold, predicted)
    per_type = result["per_type"]
    assert per_type["AGREE"] == {
        "support": 1,
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert (per_type["PROTEST"]["fn"], per_type["PROTEST"]["precision"]) == (1, 0.0)
    assert (per_type["DEMAND"]["fp"], per_type["DEMAND"]["support"]) == (1, 0)
    assert per_type["FIGHT"]["fp"] == 1
    assert has(result["micro"], {"tp": 2, "fp": 2, "fn": 1})
    assert result["micro"]["precision"] == pytest.approx(0.5)
    assert result["micro"]["recall"] == pytest.approx(2 / 3)
    assert result["micro_f1"] == pytest.approx(4 / 7)
    # Macro over AGREE, PROTEST, DEMAND, ASSAULT, FIGHT (gold or predicted), in spec order.
    assert result["macro_over"] == ["AGREE", "DEMAND", "PROTEST", "ASSAULT", "FIGHT"]
    assert result["macro_f1"] == pytest.approx(2 / 5)
    assert result["predicted_events"] == 5


def test_unknown_predicted_type_counts_in_macro_and_empty_type_is_ignored():
    gold = [event("AGREE")]
    result = score_plover(gold, [[event("agree"), event("CRIME"), event("")]])
    assert result["per_type"]["AGREE"]["tp"] == 1
    assert result["per_type"]["CRIME"]["fp"] == 1
    assert result["macro_over"] == ["AGREE", "CRIME"]
    assert result["macro_f1"] == pytest.approx(0.5)


def test_no_predictions_score_zero_without_dividing_by_zero():
    gold = [event("COERCE", ["CHN"], dead="2")]
    result = score_plover(gold, [[]])
    assert has(result["micro"], {"precision": 0.0, "recall": 0.0, "f1": 0.0})
    assert has(attr(result, "source_country"), {"n": 1, "correct": 0, "accuracy": 0.0})
    assert attr(result, "dead")["accuracy"] == 0.0


def test_lengths_must_match():
    with pytest.raises(ValueError, match="one list of predicted events"):
        score_plover([event("AGREE")], [])


def test_quad_class_accuracy():
    gold = [event("AGREE"), event("ASSAULT"), event("DEMAND")]
    predicted = [[event("SUPPORT")], [event("CONSULT")], []]
    result = score_plover(gold, predicted)
    assert has(attr(result, "quad_class"), {"n": 3, "correct": 1})
    assert result["per_type"]["AGREE"]["tp"] == 0


# -- actors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USA", "USA"),
        ("jap", "JPN"),
        ("ROM", "ROU"),
        ("KSV", "XKX"),
        ("WSB", "PSE"),
        ("FRY", "YUG"),  # every CAMEO spelling in data/cameo_codes.tsv, as actors read them
        ("USAGOV", "USA"),
        ("PSE", "PSE"),
        ("HKG", "HKG"),
        ("IGO", None),
        ("NGO", None),
        ("ISM", None),
        ("IMG", None),
        ("", None),
        (None, None),
        ("US", None),
    ],
)
def test_country_code(code, expected):
    assert country_code(code) == expected


@pytest.mark.parametrize(
    ("sector", "expected"),
    [
        ("GOV", "GOV"),
        ("CVLalb", "CVL"),
        ("REBHUT", "REB"),
        ("GOVMOS", "GOV"),
        ("MOS", "REL"),
        ("CIV", "CVL"),
        ("HLH", "MED"),
        ("***", None),
        ("", None),
        (None, None),
    ],
)
def test_sector_code(sector, expected):
    assert sector_code(sector) == expected


def test_country_sets_compare_with_igo_left_out():
    gold = [
        event("AGREE", ["JAP", "IGO"], ["USA"]),
        event("CONSULT", ["IGO"], ["NGO"]),  # no country on either side: not scored
        event("DEMAND", ["GBR", "FRA"], []),
    ]
    predicted = [
        [event("AGREE", ["JPN"], ["USA"])],
        [event("CONSULT", ["FRA"], ["DEU"])],
        [event("DEMAND", ["GBR"], [])],  # a subset: wrong, but overlapping
    ]
    result = score_plover(gold, predicted)
    assert has(attr(result, "source_country"), {"n": 2, "correct": 1, "overlap": 2})
    assert has(attr(result, "target_country"), {"n": 1, "correct": 1})


def test_matched_event_is_the_best_of_the_gold_type_then_the_earliest():
    gold = [event("FIGHT", ["SYR"], ["TUR"], dead="4")]
    best_second = [
        event("ASSAULT", ["SYR"], ["TUR"], dead=9),
        event("FIGHT", ["IRQ"], [], dead=1),
        event("FIGHT", ["SYR"], ["TUR"], dead=4),
    ]
    assert attr(score_plover(gold, [best_second]), "dead")["correct"] == 1
    tie = [event("FIGHT", ["SYR"], [], dead=4), event("FIGHT", ["SYR"], [], dead=5)]
    assert attr(score_plover(gold, [tie]), "dead")["correct"] == 1


def test_matched_event_falls_back_to_the_first_prediction():
    gold = [event("PROTEST", ["NGA"], size="200")]
    predicted = [[event("DEMAND", ["NGA"], size=200), event("COERCE", ["GHA"])]]
    result = score_plover(gold, predicted)
    assert attr(result, "source_country")["correct"] == 1
    assert attr(result, "size")["correct"] == 1


def test_sectors_per_side_and_pooled():
    gold = [
        event("ASSAULT", [actor("IRQ", "REBalb")], [actor("IRQ", "CVL"), actor("IRQ")]),
        event("SUPPORT", [actor("EGY", "***")], [actor("EGY", "MOS")]),
    ]
    predicted = [
        [event("ASSAULT", [actor("IRQ", "REB")], [actor("IRQ", "GOV")])],
        [event("SUPPORT", [actor("EGY", "GOV")], [actor("EGY", "REL")])],
    ]
    result = score_plover(gold, predicted)
    assert has(attr(result, "source_sector"), {"n": 1, "correct": 1})
    assert has(attr(result, "target_sector"), {"n": 2, "correct": 1})
    assert has(attr(result, "sector"), {"n": 3, "correct": 2})


# -- magnitudes, mode, context --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,000", 1000),
        (1000.0, 1000),
        (" 23 ", 23),
        ("Hundreds  of Thousands", "hundreds of thousands"),
        ("", None),
        (None, None),
        (2.5, 2.5),
    ],
)
def test_magnitude(value, expected):
    assert magnitude(value) == expected


def test_magnitudes_are_scored_where_the_gold_gives_them():
    gold = [
        event("PROTEST", size="Thousands"),
        event("ASSAULT", dead="3", injured="12"),
        event("FIGHT"),
    ]
    predicted = [
        [event("PROTEST", size="thousands")],
        [event("ASSAULT", dead=3, injured=10)],
        [event("FIGHT", dead=7)],
    ]
    result = score_plover(gold, predicted)
    assert has(attr(result, "size"), {"n": 1, "correct": 1})
    assert has(attr(result, "dead"), {"n": 1, "correct": 1, "accuracy": 1.0})
    assert has(attr(result, "injured"), {"n": 1, "correct": 0})


def test_accuracy_is_none_without_gold():
    result = score_plover([event("AGREE")], [[event("AGREE")]])
    assert attr(result, "injured") == {"n": 0, "correct": 0, "accuracy": None}
    assert set(result["attributes"]) == set(ATTRIBUTES)


def test_modes_compare_through_aliases():
    gold = [event("PROTEST", mode="strike-hun"), event("CONSULT", mode=""), event("ASSAULT")]
    predicted = [
        [event("PROTEST", mode="hunger")],
        [event("CONSULT", mode="visit")],
        [event("ASSAULT", mode=["firearms"])],
    ]
    assert has(attr(score_plover(gold, predicted), "mode"), {"n": 1, "correct": 1})


def test_contexts_compare_as_sets():
    gold = [
        event("AGREE", context="diplomatic, military"),
        event("AID", context="resources"),
        event("REJECT", context="legal"),
    ]
    predicted = [
        [event("AGREE", context=["military", "diplomatic"])],
        [event("AID", context="resource")],
        [event("REJECT", context="legal; election")],
    ]
    result = score_plover(gold, predicted)
    assert has(attr(result, "context"), {"n": 3, "correct": 2, "overlap": 3})


# -- helpers and report ---------------------------------------------------------------


def test_as_prediction_keeps_only_prediction_fields():
    record = event("AGREE", ["FRA"], text="a sentence", id="x-1", eventLoc={"name": "Paris"})
    prediction = as_prediction(record)
    assert set(prediction) == {"event", "source", "target", "eventLoc"}


def test_read_plover_jsonl(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"event": "AGREE"}\n\n{"event": "FIGHT"}\n', encoding="utf-8")
    assert [r["event"] for r in read_plover_jsonl(path)] == ["AGREE", "FIGHT"]


def test_format_report_shows_types_totals_and_attributes():
    gold = [event("AGREE", ["FRA"]), event("FIGHT", ["RUS"], dead="5")]
    report = format_report(score_plover(gold, [[event("AGREE", ["FRA"])], []]))
    for needle in ("AGREE", "FIGHT", "micro", "macro-F1", "source_country", "dead", "2 gold"):
        assert needle in report
    assert "0.500" in report  # macro-F1: AGREE 1.0, FIGHT 0.0


def test_record_errors_lists_each_miss_of_a_record():
    gold = [
        event("AGREE", ["FRA"], ["DEU"], text="France and Germany agreed."),
        event("FIGHT", [actor("RUS", "MIL")], [actor("UKR", "MIL")], text="They fought."),
        event("PROTEST", ["KEN"], text="Kenyans marched."),
    ]
    predicted = [
        [event("AGREE", ["FRA"], ["DEU"])],  # all right: no entry
        [event("ASSAULT", [actor("RUS", "GOV")], [actor("UKR", "MIL")])],
        [],
    ]
    errors = record_errors(gold, predicted)
    assert [e["index"] for e in errors] == [1, 2]
    fight = {m["attribute"]: m for m in errors[0]["misses"]}
    assert set(fight) == {"type", "source_sector"}  # countries and the target sector agree
    assert fight["type"] == {"attribute": "type", "gold": ["FIGHT"], "predicted": ["ASSAULT"]}
    assert fight["source_sector"]["gold"] == ["MIL"]
    assert fight["source_sector"]["predicted"] == ["GOV"]
    assert errors[0]["text"] == "They fought."
    assert errors[0]["predicted_source"] == ["someone (RUS/GOV)"]
    protest = {m["attribute"]: m for m in errors[1]["misses"]}
    assert protest["source_country"] == {
        "attribute": "source_country",
        "gold": ["KEN"],
        "predicted": [],
    }
    text = format_errors(errors)
    for needle in ("2 records with misses", "They fought.", "source_sector", "gold MIL", "GOV"):
        assert needle in text


def test_record_errors_agree_with_the_scores():
    gold = [event("AGREE", ["FRA"], ["DEU"]), event("AGREE", ["FRA", "DEU"])]
    predicted = [[event("AGREE", ["FRA"], ["ITA"])], [event("AGREE", ["FRA"], ["DEU"])]]
    result = score_plover(gold, predicted)
    errors = record_errors(gold, predicted)
    for name in ("source_country", "target_country"):
        missed = sum(m["attribute"] == name for e in errors for m in e["misses"])
        assert missed == attr(result, name)["n"] - attr(result, name)["correct"]


# -- the PLOVER dev gold (../shared) --------------------------------------------------


@pytest.fixture
def plover_dev(shared):
    path = shared / "eval" / "plover-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return read_plover_jsonl(path)


def test_dev_gold_against_itself_scores_one_everywhere(plover_dev):
    result = score_plover(plover_dev, [[as_prediction(r)] for r in plover_dev])
    assert result["records"] == len(plover_dev) > 100
    assert result["macro_f1"] == result["micro_f1"] == 1.0
    assert all(row["f1"] == 1.0 for row in result["per_type"].values())
    assert len(result["macro_over"]) == 18
    for name, row in result["attributes"].items():
        assert row["accuracy"] in (1.0, None), name
    assert attr(result, "source_country")["n"] > 100
    assert attr(result, "dead")["n"] > 0 and attr(result, "size")["n"] > 0


def test_dev_gold_against_nothing_recalls_nothing(plover_dev):
    result = score_plover(plover_dev, [[] for _ in plover_dev])
    assert result["micro"]["recall"] == 0.0
    assert result["micro"]["fn"] == len(plover_dev)
    assert result["macro_f1"] == 0.0
    assert all(row["accuracy"] in (0.0, None) for row in result["attributes"].values())
