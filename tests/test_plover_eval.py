"""The tune / check protocol of ``newsfuse eval plover`` and its confusion matrix."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.evaluate.plover import evaluate_plover, half_of, split, split_noise
from newsfuse.events.scoring import confusion_matrix

runner = CliRunner()

RECORDS = [
    {
        "event": "PROTEST",
        "text": "Thousands of farmers protested in Paris against the new tax on diesel.",
    },
    {"event": "AGREE", "text": "The weather in Oslo was mild on Tuesday."},
    {"event": "SANCTION", "text": "The European Union imposed sanctions on Belarus on Monday."},
]


def _gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_split_is_even_tune_odd_check():
    assert split(list("abcde")) == {"tune": [0, 2, 4], "check": [1, 3]}
    assert [half_of(p) for p in range(4)] == ["tune", "check", "tune", "check"]
    assert split([]) == {"tune": [], "check": []}


def test_confusion_counts_the_first_typed_prediction_and_none():
    gold = [{"event": "FIGHT"}, {"event": "FIGHT"}, {"event": "AGREE"}, {"event": "fight"}]
    predicted = [
        [{"event": ""}, {"event": "ASSAULT"}, {"event": "FIGHT"}],  # first typed: ASSAULT
        [],
        [{"event": "AGREE"}],
        [{"event": "FIGHT"}],
    ]
    matrix = confusion_matrix(gold, predicted)
    assert matrix == {"AGREE": {"AGREE": 1}, "FIGHT": {"ASSAULT": 1, "FIGHT": 1, "none": 1}}
    assert list(matrix) == ["AGREE", "FIGHT"]  # specification order


def test_json_keeps_all_records_at_top_level_and_adds_the_halves(tmp_path):
    result = evaluate_plover(_gold(tmp_path), confusion=True)
    assert result["records"] == 3 and result["half"] == "both"
    assert (result["tune"]["records"], result["check"]["records"]) == (2, 1)
    assert {"macro_f1", "micro_f1", "per_type", "attributes"} <= set(result)
    assert result["gap"]["macro_f1"] == result["tune"]["macro_f1"] - result["check"]["macro_f1"]
    assert result["check"]["confusion"] == {"AGREE": {"none": 1}}
    assert sum(sum(row.values()) for row in result["confusion"].values()) == 3


def test_errors_come_from_the_tune_half_unless_asked(tmp_path):
    gold = _gold(tmp_path)
    both = evaluate_plover(gold, errors=True)
    assert all(e["half"] == "tune" and e["index"] % 2 == 0 for e in both["errors"])
    check = evaluate_plover(gold, errors=True, half="check")
    assert [(e["index"], e["half"]) for e in check["errors"]] == [(1, "check")]
    assert 1 in {e["index"] for e in evaluate_plover(gold, errors=True, half="all")["errors"]}


def test_cli_halves_and_confusion(tmp_path):
    gold = str(_gold(tmp_path))
    both = runner.invoke(app, ["eval", "plover", gold, "--confusion"], catch_exceptions=False)
    assert both.exit_code == 0
    for needle in ("tune 2, check 1", "macro-F1", "gap", "confusion, tune", "confusion, check"):
        assert needle in both.stdout
    check = runner.invoke(app, ["eval", "plover", gold, "--half", "check"])
    assert check.exit_code == 0 and check.stdout.startswith("check half")
    as_json = json.loads(
        runner.invoke(
            app, ["eval", "plover", gold, "--half", "all", "--confusion", "--json"]
        ).stdout
    )
    assert as_json["confusion"]["AGREE"] == {"none": 1} and as_json["half"] == "all"
    bad = runner.invoke(app, ["eval", "plover", gold, "--half", "odd"])
    assert bad.exit_code != 0


def test_split_noise_is_zero_for_a_perfect_coder_and_positive_for_a_mixed_one():
    gold = [{"event": t} for t in ("AGREE", "FIGHT") for _ in range(5)]
    perfect = [[{"event": g["event"]}] for g in gold]
    assert split_noise(gold, perfect, rounds=20)["macro_f1_gap_sd"] == 0.0
    mixed = [[{"event": "AGREE"}] for _ in gold]  # right on half the records
    noise = split_noise(gold, mixed, rounds=20)
    assert noise["rounds"] == 20
    assert noise["macro_f1_gap_sd"] > 0.0 and 0.0 <= noise["share_over_0.05"] <= 1.0
    assert split_noise(gold, mixed, rounds=20) == noise  # seeded: the figure repeats


def test_one_magnitude_miss_in_a_few_records_gaps_every_halving():
    # 6 records with a toll, one coded wrong: whichever half holds the miss is 1/3 lower
    gold = [{"event": "ASSAULT", "dead": "3"} for _ in range(6)]
    predicted = [[{"event": "ASSAULT", "dead": 3}] for _ in range(5)] + [
        [{"event": "ASSAULT", "dead": 4}]
    ]
    assert split_noise(gold, predicted, rounds=20)["magnitudes_share_over_0.05"] == 1.0
    right = [[{"event": "ASSAULT", "dead": 3}] for _ in range(6)]
    assert split_noise(gold, right, rounds=20)["magnitudes_share_over_0.05"] == 0.0
    assert split_noise([{"event": "AGREE"}], [[]], rounds=2)["magnitudes_share_over_0.05"] is None


def test_magnitudes_are_scored_together_in_each_half(tmp_path):
    result = evaluate_plover(_gold(tmp_path))
    for part in (result, result["tune"], result["check"]):
        row = part["attributes"]["magnitudes"]
        names = ("dead", "injured", "size")
        assert row["n"] == sum(part["attributes"][n]["n"] for n in names)
    assert "macro_f1_gap_sd" in result["split_noise"]


def test_split_noise_also_measures_the_actor_country_gaps():
    # ten records with a target country, the coder right on half of them
    gold = [
        {"event": "AGREE", "source": [{"code": "FRA"}], "target": [{"code": "DEU"}]}
        for _ in range(10)
    ]
    predicted = [
        [{"event": "AGREE", "source": [{"code": "FRA"}], "target": [{"code": code}]}]
        for code in ("DEU", "ITA") * 5
    ]
    noise = split_noise(gold, predicted, rounds=20)["actors"]
    assert noise["source_country"] == {"gap_sd": 0.0, "share_over_0.05": 0.0}
    assert noise["target_country"]["gap_sd"] > 0.0
