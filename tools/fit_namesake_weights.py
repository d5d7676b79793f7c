"""Fit the weights of the namesake score (``newsfuse.geo.context.WEIGHTS``) on a places set.

The context resolver picks, for each ambiguous name of an article, the namesake of best
score: :data:`~newsfuse.geo.context.WEIGHTS` times
:func:`~newsfuse.geo.context.candidate_features` (own name, capital or country, log
people, the article's other names in its country and in its first-order region, nearness
to the article's other towns). This script fits those weights as a conditional logit (one
choice among a name's namesakes, L2 penalty) from the choices the resolver meets on gold
files, and reports each weight set on every file given, per half, end to end (acc@161
over all gold toponyms, as ``newsfuse eval places`` prints it):

    .venv/bin/python tools/fit_namesake_weights.py \\
        --fit gvc=tests/data/places/gvc_places.jsonl:../shared/eval/stories/gvc.jsonl \\
        --fit trnews=../shared/eval/places/trnews.jsonl \\
        --fit bbc=tests/data/places/bbc_places.jsonl:../shared/corpus [--without nearby]

Each ``--fit NAME=FILE[:TEXTS]`` is both a training set and a reported set: a weight set
fitted on one file is judged on the others (leave one corpus out); each file is also fitted
on its tune half alone. A choice is labelled by the gold toponyms of the article that bear
the choice's name: the namesakes with the gold's GeoNames id or within 161 km of the gold
point are right. Choices no gold toponym labels, whose gold place is none of the
namesakes, or where every namesake is right are left out. The features are read with the
shipped weights' choices for the article's other names (one step, not iterated).
``--without FEATURE`` fits with that feature left out (weight 0).

Licences: weights fitted on the gvc set (our own judgements) may ship; weights fitted on
TR-News (GPL-3.0) are for measurement only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

import numpy as np
from scipy.optimize import minimize

import newsfuse.geo.context as context
from newsfuse.evaluate import places
from newsfuse.evaluate.place_choices import namesake_choices
from newsfuse.geo.distance import haversine_km
from newsfuse.geo.geonames import Entry
from newsfuse.geo.places import normalise_place
from newsfuse.model import Reject

Choice = tuple[str, list[Entry], np.ndarray]  # name, namesakes, features (one row each)
Labelled = tuple[str, np.ndarray, list[int]]  # half, features, the right namesakes


def _features(found: list[Entry], key: str, args: tuple[Any, ...]) -> Choice:
    rows = [context.candidate_features(e, key, *args) for e in found]
    return (key, found, np.array(rows, dtype=float))


def _right(golds: list[dict[str, Any]], found: list[Entry]) -> list[int]:
    """The namesakes that are right for most of ``golds``: the gold's GeoNames id or within
    161 km of the gold point, as acc@161 counts."""
    votes: Counter[tuple[int, ...]] = Counter()
    for gold in golds:
        right = tuple(
            k
            for k, e in enumerate(found)
            if str(e.geonameid) == str(gold.get("geonameid"))
            or (
                gold.get("lat") is not None
                and haversine_km(e.lat, e.lon, gold["lat"], gold["lon"]) <= places.ACC_KM
            )
        )
        if right:
            votes[right] += 1
    return list(votes.most_common(1)[0][0]) if votes else []


def choices(path: str, texts: str | None) -> list[Labelled]:
    """Each choice of ``path`` that a gold toponym labels and where some namesake is wrong."""
    records = places.read_gold(path, texts)
    with namesake_choices(_features) as seen:
        predicted = places.predict(records)
    out = []
    for n, (record, (article, found)) in enumerate(zip(records, predicted, strict=True)):
        if isinstance(article, Reject):
            continue
        offsets = places.OffsetMap(record["text"], article.text)
        by_name: dict[str, list[dict[str, Any]]] = {}
        for gold in record.get("toponyms") or []:
            span = offsets.span(gold["start"], gold["end"])
            if span is None:
                continue
            names = {normalise_place(gold["name"])}
            names |= {
                normalise_place(p.name) for p in found if p.start < span[1] and span[0] < p.end
            }
            for name in names:
                by_name.setdefault(name, []).append(gold)
        for key, namesakes, features in seen.get(article.text, {}).values():
            right = _right(by_name.get(key, []), namesakes)
            if right and len(right) < len(namesakes):  # some namesake would be wrong
                out.append((places.half_of(n), features, right))
    return out


def fit(data: list[Labelled], penalty: float = 1.0) -> np.ndarray:
    """Conditional-logit weights of the choices ``data``, L2 ``penalty``."""

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * penalty * w @ w, penalty * w
        for _, x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.zeros_like(p)
            q[y] = p[y] / p[y].sum()  # the right namesakes' share of the right probability
            total -= np.log(p[y].sum())
            grad = grad - (q @ x - p @ x)
        return float(total), grad

    start = np.array(context.WEIGHTS, dtype=float)  # the loss is convex: any start will do
    return minimize(loss, start, jac=True, method="L-BFGS-B").x


def wrong(data: list[Labelled], w: np.ndarray, half: str) -> str:
    """Choices of ``half`` whose best score under ``w`` is not the gold namesake."""
    picked = [(x @ w).argmax() not in y for h, x, y in data if h == half]
    return f"{sum(picked)}/{len(picked)}"


def end_to_end(sets: dict[str, tuple[str, str | None]], w: np.ndarray) -> dict[str, str]:
    """acc@161 (all gold toponyms) tune / check of each set with weights ``w``."""
    shipped, context.WEIGHTS = context.WEIGHTS, tuple(float(v) for v in w)
    try:
        out = {}
        for name, (path, texts) in sets.items():
            halves = places.evaluate_places(path, texts=texts)["halves"]
            tune, check = (halves[h]["toponyms"]["acc161"] for h in ("tune", "check"))
            out[name] = f"{tune:.3f} / {check:.3f}"
        return out
    finally:
        context.WEIGHTS = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="append", required=True, help="NAME=FILE[:TEXTS]")
    parser.add_argument("--penalty", type=float, default=1.0)
    parser.add_argument("--no-eval", action="store_true", help="choices only, no end to end")
    parser.add_argument(
        "--without", action="append", default=[], choices=context.FEATURES,
        help="fit with this feature left out (its weight 0)",
    )  # fmt: skip
    args = parser.parse_args()
    sets: dict[str, tuple[str, str | None]] = {}
    for item in args.fit:
        name, _, where = item.partition("=")
        path, _, texts = where.partition(":")
        sets[name] = (path, texts or None)
    data = {name: choices(path, texts) for name, (path, texts) in sets.items()}
    kept = np.array([f not in args.without for f in context.FEATURES], dtype=float)
    data = {name: [(h, x * kept, y) for h, x, y in rows] for name, rows in data.items()}
    weights = {"hand": np.array(context.WEIGHTS, dtype=float)}
    for name, rows in data.items():
        weights[f"fit {name}"] = fit(rows, args.penalty)
        weights[f"fit {name} tune"] = fit([r for r in rows if r[0] == "tune"], args.penalty)
    print("features:", ", ".join(context.FEATURES))
    for label, w in weights.items():
        print(f"\n{label}: " + " ".join(f"{v:.2f}" for v in w))
        for name, rows in data.items():
            print(f"  {name}: wrong choices tune {wrong(rows, w, 'tune')}, "
                  f"check {wrong(rows, w, 'check')}")  # fmt: skip
        if not args.no_eval:
            for name, acc in end_to_end(sets, w).items():
                print(f"  {name}: acc@161 tune / check {acc}")


if __name__ == "__main__":
    main()
