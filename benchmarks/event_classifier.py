"""How well the learned event-type classifier does, beside the rule coder (issue 12).

    .venv/bin/python benchmarks/event_classifier.py            # the shipped weights
    .venv/bin/python benchmarks/event_classifier.py --grid     # choose C / class weights / headlines
    .venv/bin/python benchmarks/event_classifier.py --no-cv    # skip the cross-validation

Reports, for the shipped weights (or each configuration of ``--grid``):

(a) 5-fold cross-validated accuracy and macro-F1 on the training sentences (synthetic leads,
    written sentences, BBC non-events), folds grouped by headline template, so no template
    is on both sides; headlines train but are not scored;
(b) on the TUNE half of ../shared/eval/plover-dev.jsonl (records at even 0-based positions):
    per record, whether the classifier's most probable PLOVER type (ignoring "none") is the
    gold ``event``; accuracy and macro-F1 over the gold types of the half; per-type F1;
(c) the same two figures on the CHECK half (odd positions), as numbers only.

Beside it, the rule coder on the same records: the type of the first non-negated event of
``newsfuse.code_sentence(text, date)`` (no event counts as wrong), and two ways to combine
them, with the threshold chosen on the tune half only. Last, speed in sentences per second.
Needs the ``train`` extra (scikit-learn) and ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter

from train_tool import PLOVER_DEV, train

GRID = [
    (sentence, headlines, True, c)
    for sentence in ("lead", "trigger")
    for headlines in (True, False)
    for c in (0.25, 1.0, 4.0)
]
"""(sentence choice, headlines, balanced class weights, C): balanced won clearly in a first
grid with unbalanced weights at C 1, 4, 16 (tune macro-F1 0.20-0.25 against 0.27-0.32)."""
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)


def halves() -> tuple[list[dict], list[dict]]:
    """(tune, check): the records at even and at odd 0-based positions."""
    records = [json.loads(x) for x in PLOVER_DEV.read_text(encoding="utf-8").splitlines() if x]
    return records[0::2], records[1::2]


def scores(gold: list[str], predicted: list[str | None]) -> tuple[float, float, dict]:
    """Accuracy, macro-F1 over the gold types, and per-type F1 (None counts as wrong)."""
    types = sorted(set(gold))
    per_type = {}
    for t in types:
        tp = sum(g == t and p == t for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != t and p == t for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == t and p != t for g, p in zip(gold, predicted, strict=True))
        per_type[t] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return accuracy, sum(per_type.values()) / len(types), per_type


def rule_types(records: list[dict]) -> list[str | None]:
    """The rule coder's first non-negated event type of each record (None: no event)."""
    from newsfuse import code_sentence

    out = []
    for record in records:
        events = [e for e in code_sentence(record["text"], record.get("date") or None)]
        first = next((e.event_type for e in events if not e.negated), None)
        out.append(first)
    return out


def record_features(records: list[dict]) -> list[list[str]]:
    from newsfuse.annotate.nlp import load_nlp
    from newsfuse.events.classifier import load_classifier

    model = load_classifier()  # the features of the version its weights were trained with
    return [model.features(doc) for doc in load_nlp().pipe(r["text"] for r in records)]


def top_event(result) -> str:
    return result.top_event_type


def combine_fallback(rules: list[str | None], results) -> list[str]:
    """The rule type; the classifier's top type where the rules find no event."""
    return [r or res.top_event_type for r, res in zip(rules, results, strict=True)]


def combine_rerank(rules: list[str | None], results, threshold: float) -> list[str]:
    """The rule type unless the classifier gives it less than ``threshold`` (or there is
    none): then the classifier's top type."""
    out = []
    for r, res in zip(rules, results, strict=True):
        probs = dict(res.types)
        out.append(r if r is not None and probs.get(r, 0.0) >= threshold else res.top_event_type)
    return out


def cross_validate(examples, feature_lists, *, c: float, balanced: bool, folds: int = 5):
    """Grouped k-fold accuracy and macro-F1 on the scored (non-headline) examples."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    groups = [e.group for e in examples]
    gold, predicted = [], []
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(examples, groups=groups):
        model = train.fit(
            [feature_lists[i] for i in train_idx],
            [examples[i].label for i in train_idx],
            c=c,
            balanced=balanced,
        )
        for i in test_idx:
            if examples[i].kind != "headline":
                gold.append(examples[i].label)
                predicted.append(model.result(feature_lists[i]).top)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return accuracy, f1_score(gold, predicted, average="macro"), len(gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--grid", action="store_true", help="fit and compare configurations")
    parser.add_argument("--no-cv", action="store_true")
    args = parser.parse_args(argv)
    if not PLOVER_DEV.is_file():
        print("needs ../shared beside the repository", file=sys.stderr)
        return 2
    from newsfuse.annotate.nlp import load_nlp
    from newsfuse.events.classifier import load_classifier

    tune, check = halves()
    tune_gold = [r["event"] for r in tune]
    check_gold = [r["event"] for r in check]
    tune_feats, check_feats = record_features(tune), record_features(check)

    shipped = load_classifier()
    config = {
        k: shipped.meta.get(k, "lead")
        for k in ("c", "balanced", "headlines", "sentence", "aerial_as")
    }
    print(f"shipped weights: {config}")

    examples = feature_lists = None
    if args.grid or not args.no_cv:
        examples = train.load_examples(
            headlines=True, aerial_as=config["aerial_as"]
        )  # headline rows are dropped below where a configuration has none
        by_choice = train.featurize(examples, ("lead", "trigger"))
        feature_lists = by_choice[config["sentence"]]

    if args.grid:
        print("\n(grid) configuration           tune acc  tune macro-F1  none-top on tune")
        rows = []
        for sentence, headlines, balanced, c in GRID:
            keep = [i for i, e in enumerate(examples) if headlines or e.kind != "headline"]
            model = train.fit(
                [by_choice[sentence][i] for i in keep],
                [examples[i].label for i in keep],
                c=c,
                balanced=balanced,
            )
            results = [model.result(f) for f in tune_feats]
            acc, f1, _ = scores(tune_gold, [r.top_event_type for r in results])
            none_top = sum(r.top == "none" for r in results)
            rows.append((f1, acc, sentence, headlines, balanced, c))
            print(
                f"  {sentence:7} headlines={headlines!s:5} balanced={balanced!s:5} C={c:<5}"
                f"  {acc:.3f}     {f1:.3f}          {none_top}"
            )
        best = max(rows)
        print(
            f"best on tune macro-F1: sentence={best[2]} headlines={best[3]} balanced={best[4]}"
            f" C={best[5]}"
            " (retrain with tools/train_event_classifier.py to ship it)"
        )

    if not args.no_cv:
        keep = [i for i, e in enumerate(examples) if config["headlines"] or e.kind != "headline"]
        started = time.perf_counter()
        acc, f1, n = cross_validate(
            [examples[i] for i in keep],
            [feature_lists[i] for i in keep],
            c=config["c"],
            balanced=config["balanced"],
        )
        print(
            f"\n(a) 5-fold grouped CV on {n} training sentences (19 labels incl. none): "
            f"accuracy {acc:.3f}, macro-F1 {f1:.3f} ({time.perf_counter() - started:.0f} s)"
        )

    tune_results = [shipped.result(f) for f in tune_feats]
    check_results = [shipped.result(f) for f in check_feats]
    tune_rules, check_rules = rule_types(tune), rule_types(check)

    def line(name: str, tune_pred, check_pred) -> dict:
        t_acc, t_f1, per_type = scores(tune_gold, tune_pred)
        c_acc, c_f1, _ = scores(check_gold, check_pred)
        print(
            f"  {name:38} tune {t_acc:.3f} / {t_f1:.3f}   check {c_acc:.3f} / {c_f1:.3f}"
            f"   gap (tune-check) macro-F1 {t_f1 - c_f1:+.3f}"
        )
        return per_type

    print("\n(b, c) first type per record: accuracy / macro-F1 over gold types")
    model_pt = line(
        "classifier top type",
        [r.top_event_type for r in tune_results],
        [r.top_event_type for r in check_results],
    )
    rules_pt = line("rule coder first event", tune_rules, check_rules)
    line(
        "rules, classifier where rules find none",
        combine_fallback(tune_rules, tune_results),
        combine_fallback(check_rules, check_results),
    )
    rerank = {
        t: scores(tune_gold, combine_rerank(tune_rules, tune_results, t))[1] for t in THRESHOLDS
    }
    best_t = max(THRESHOLDS, key=lambda t: (rerank[t], -t))
    line(
        f"rules re-ranked: P(rule type) < {best_t}",
        combine_rerank(tune_rules, tune_results, best_t),
        combine_rerank(check_rules, check_results, best_t),
    )
    print(f"  (re-rank threshold chosen on tune macro-F1 among {THRESHOLDS}: {rerank})")
    print(
        f"  records the rules give no event: tune {tune_rules.count(None)}, "
        f"check {check_rules.count(None)}; classifier top is none: tune "
        f"{sum(r.top == 'none' for r in tune_results)}, "
        f"check {sum(r.top == 'none' for r in check_results)}"
    )

    print("\nper-type F1 on the TUNE half (n gold): classifier vs rules")
    counts = Counter(tune_gold)
    for t in sorted(counts):
        mark = "  <- classifier better" if model_pt[t] > rules_pt[t] else ""
        print(f"  {t:12} ({counts[t]:2})  {model_pt[t]:.2f}  {rules_pt[t]:.2f}{mark}")
    confusions = Counter(
        (g, r.top_event_type)
        for g, r in zip(tune_gold, tune_results, strict=True)
        if g != r.top_event_type
    )
    print("classifier confusions on tune (gold -> predicted):", dict(confusions.most_common(12)))

    # Speed: features + prediction on parsed sentences, and with parsing.
    nlp = load_nlp()
    texts = [r["text"] for r in tune + check] * 3
    docs = list(nlp.pipe(texts))
    from newsfuse.events.classifier import classify

    started = time.perf_counter()
    for doc in docs:
        classify(doc)
    on_docs = len(docs) / (time.perf_counter() - started)
    started = time.perf_counter()
    for text in texts:
        classify(text)
    on_text = len(texts) / (time.perf_counter() - started)
    print(
        f"\nspeed: {on_docs:,.0f} sentences/s on parsed Docs (features + model), "
        f"{on_text:,.0f} sentences/s from plain text (spaCy parse included)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
