"""Scoring a clustering against gold labels: B-cubed and pairwise precision / recall / F1."""

from __future__ import annotations

import ast
import json
import zlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from newsfuse.cluster.config import ClusterConfig
from newsfuse.ingest import ingest_paths
from newsfuse.readers import expand_paths
from newsfuse.store import Store


@dataclass(frozen=True)
class ClusterScores:
    items: int
    gold_clusters: int
    predicted_clusters: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(
    predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]
) -> ClusterScores:
    """Score the items present in both mappings (item → cluster id / gold label).

    B-cubed (Bagga and Baldwin): for each item, the share of its predicted cluster
    that has its gold label (precision) and the share of its gold cluster that
    shares its predicted cluster (recall), averaged over items. Pairwise: the
    item pairs put together, against the pairs the gold puts together.
    """
    items = sorted(set(predicted) & set(gold))
    if not items:
        raise ValueError("no item has both a predicted cluster and a gold label")
    joint: Counter[tuple[Hashable, Hashable]] = Counter((predicted[i], gold[i]) for i in items)
    pred_size: Counter[Hashable] = Counter(predicted[i] for i in items)
    gold_size: Counter[Hashable] = Counter(gold[i] for i in items)
    precision = sum(n * n / pred_size[p] for (p, _g), n in joint.items()) / len(items)
    recall = sum(n * n / gold_size[g] for (_p, g), n in joint.items()) / len(items)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    together = sum(pairs(n) for n in joint.values())
    predicted_pairs = sum(pairs(n) for n in pred_size.values())
    gold_pairs = sum(pairs(n) for n in gold_size.values())
    pp = together / predicted_pairs if predicted_pairs else 1.0
    pr = together / gold_pairs if gold_pairs else 1.0
    return ClusterScores(
        items=len(items),
        gold_clusters=len(gold_size),
        predicted_clusters=len(pred_size),
        bcubed_precision=precision,
        bcubed_recall=recall,
        bcubed_f1=_f1(precision, recall),
        pairwise_precision=pp,
        pairwise_recall=pr,
        pairwise_f1=_f1(pp, pr),
    )


def label_of(record: Mapping, path: str) -> Hashable | None:
    """The value at a dotted ``path`` ("newsCluster.EventId") in a JSON record, or None.

    news-please files sometimes hold the nested object as a Python-literal string;
    that is read too.
    """
    value: object = record
    for part in path.split("."):
        if isinstance(value, str):
            value = _literal(value)
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    if isinstance(value, (list, dict)):
        return str(value)
    return value  # type: ignore[return-value]


def _literal(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        try:
            return ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text


def group(mapping: Mapping[str, Hashable]) -> dict[Hashable, list[str]]:
    out: dict[Hashable, list[str]] = defaultdict(list)
    for item, label in mapping.items():
        out[label].append(item)
    return out


def gold_labels(paths: list[str], field: str) -> dict[str, Hashable]:
    """Source name (as ingest records it) → gold label, for every JSON / JSONL record holding ``field``."""
    labels: dict[str, Hashable] = {}
    for item in expand_paths(paths):
        if not isinstance(item, str):
            continue
        suffix = Path(item).suffix.lower()
        try:
            if suffix == ".json":
                data = json.loads(Path(item).read_text(encoding="utf-8"))
                records = data if isinstance(data, list) else [data]
                for n, record in enumerate(records, start=1):
                    where = item if len(records) == 1 else f"{item}[{n}]"
                    _put(labels, where, record, field)
            elif suffix in (".jsonl", ".ndjson"):
                with open(item, encoding="utf-8") as lines:
                    for lineno, line in enumerate(lines, start=1):
                        if line.strip():
                            _put(labels, f"{item}:{lineno}", json.loads(line), field)
        except (OSError, ValueError, UnicodeDecodeError):
            continue  # ingest reports the file as a reject; it has no label to score
    return labels


def _put(labels: dict[str, Hashable], where: str, record: object, field: str) -> None:
    if isinstance(record, Mapping):
        value = label_of(record, field)
        if value is not None:
            labels[where] = value


def label_half(label: Hashable) -> str:
    """ "tune" or "check": a gold story's fixed half (CRC-32 of its label, even or odd), so
    that a choice made looking at one half can be reported on the other."""
    return "tune" if zlib.crc32(str(label).encode("utf-8")) % 2 == 0 else "check"


def evaluate_clusters(
    paths: list[str],
    field: str,
    config: ClusterConfig | None = None,
    *,
    annotate: bool = True,
    half: str = "all",
) -> tuple[ClusterScores, dict]:
    """Ingest ``paths`` into a scratch database, cluster them, score against ``field``.

    With ``annotate`` (the default) articles are annotated and coded first, as ingest
    does, so the clusterer sees their people, places and dates; without, it clusters
    on words and publication dates alone (faster).

    Every input record with a label counts, duplicates included: a copy that ingest
    recognised as a duplicate is in the story of the article it duplicates. ``half``
    ("tune", "check" or "all") scores only the gold stories of that half (see
    :func:`label_half`); all articles are clustered either way. ``details["storylines"]``
    scores the storylines the stories were linked into against the same gold.
    """
    if half not in ("all", "tune", "check"):
        raise ValueError(f"half must be all, tune or check, not {half!r}")
    gold = gold_labels(paths, field)
    if not gold:
        raise ValueError(
            f"no input record has a {field!r} field; name the gold label with --label "
            "(a dotted path such as newsCluster.EventId)"
        )
    with Store("sqlite://") as store:
        report = ingest_paths(paths, store, annotate=annotate, cluster_config=config)
        story_of = store.story_ids()
        line_of = store.storyline_ids()
        article_of = {row["source"]: row["id"] for row in store.iter_articles()}
        for dup in store.iter_duplicates():
            article_of.setdefault(dup["source"], dup["article_id"])
    if half != "all":
        gold = {src: label for src, label in gold.items() if label_half(label) == half}

    def of(level: dict[str, str]) -> dict[str, str]:
        return {s: level[article_of[s]] for s in gold if article_of.get(s) in level}

    scores = score_clusters(of(story_of), gold)
    details = {
        "labelled_records": len(gold),
        "scored": scores.items,
        "unscored_rejected": len(gold) - scores.items,
        "stored": report.stored,
        "duplicates": report.duplicates,
        "reprints": (report.clustering or {}).get("reprints", 0),
        "half": half,
        "storylines": score_clusters(of(line_of), gold).to_dict(),
    }
    return scores, details
