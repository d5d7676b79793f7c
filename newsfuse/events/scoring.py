"""Score PLOVER-shaped predictions against PLOVER gold records, whatever produced them.

``score_plover(gold, predicted)`` takes gold records (one event each, as in the PLOVER
gold standard: ``event``, ``mode``, ``context``, ``source``/``target``, ``dead``,
``injured``, ``size``, ``text`` ...) and, for each, the list of PLOVER-shaped dicts a
coder produced for its ``text``. The figures, precisely:

**Event type** (every record counts once; its gold type is ``g``):

* TP for ``g`` when at least one predicted event has type ``g`` (further predictions of
  ``g`` for the same record are ignored: neither TP nor FP);
* FN for ``g`` when none has;
* FP for ``t`` for every predicted event of a type ``t`` ≠ ``g``. A gold record codes
  one event, while a sentence may hold others, so precision is a lower bound.
* Per type: precision TP/(TP+FP), recall TP/(TP+FN), F1 their harmonic mean; a ratio
  with a zero denominator is 0. ``support`` is the number of gold records of the type.
* ``macro_f1``: the mean F1 over every type that occurs in the gold or in the
  predictions (``macro_over`` lists them; a predicted name outside the 18 counts too,
  with F1 0). ``micro``: precision, recall and F1 from TP, FP and FN summed over types;
  micro recall is the share of records whose gold type was predicted.

Types are compared upper-cased; a predicted event without a type is ignored.

**Attributes**, each read from one predicted event per record, the *matched event*: of
the predicted events of the gold type, the one sharing most country codes with the gold
(source and target together; the earliest on a tie); when none has the gold type, the
first predicted event; when nothing was predicted, the attribute counts as wrong. Each
attribute has ``n`` (records the gold gives it on), ``correct`` and ``accuracy``
(correct/n, None when n is 0); set-valued ones also ``overlap``/``overlap_accuracy``
(the sets share at least one member).

* ``quad_class``: every record; correct when any predicted event's type has the gold
  type's quad class (unknown predicted types have none).
* ``source_country`` / ``target_country``: records whose gold side has at least one
  country code. Codes are upper-cased and cut to their first three letters; CAMEO
  spellings become ISO 3166 alpha-3 by ``data/cameo_codes.tsv`` (JAP→JPN, ROM→ROU,
  KSV/KOS→XKX, WSB/GZS/PAL→PSE, USR→SUN, ...); what is then neither a current nor a former
  ISO alpha-3 code (nor XKX) is "no country": IGO, NGO, ISM, IMG, MNC, ... Correct when
  the set of gold countries equals the set of the matched event's countries.
* ``source_sector`` / ``target_sector`` and ``sector`` (both sides pooled): record sides
  whose gold actors give a sector. A sector is the first three letters upper-cased
  ("CVLalb" → CVL, "REBHUT" → REB, "GOVMOS" → GOV; "***" is none), with CAMEO codes
  renamed to ours (CIV→CVL, HLH→MED, religion codes MOS/CHR/JEW/... → REL). Correct when
  the sets are equal.
* ``dead`` / ``injured`` / ``size``: records whose gold gives the field. Numbers compare
  as integers ("1,000" = 1000 = 1000.0); words compare case- and space-insensitively
  ("Thousands" = "thousands"). PLOVER gold gives a vague amount in the field itself;
  a prediction whose count is null is read from its words (``deadText``,
  ``injuredText``, ``sizeText``), as newsfuse writes vague amounts.
* ``mode``: records with a non-empty gold mode; modes go through
  :func:`~newsfuse.events.ontology.canonical_mode` of the gold type (so ``strike-hun`` =
  ``hunger``); correct when the sets are equal.
* ``context``: records with a gold context; comma- or semicolon-separated values go
  through :func:`~newsfuse.events.ontology.canonical_context` (``resources`` =
  ``resource``); correct when the sets are equal.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from newsfuse.actors.cameo import cameo_country
from newsfuse.countries import iso3_codes
from newsfuse.events.ontology import (
    EVENT_TYPES,
    canonical_context,
    canonical_mode,
    is_event_type,
    quad_class,
)

__all__ = [
    "ATTRIBUTES",
    "as_prediction",
    "confusion_matrix",
    "country_code",
    "format_errors",
    "format_report",
    "magnitude",
    "read_plover_jsonl",
    "record_errors",
    "score_plover",
    "sector_code",
]

Record = Mapping[str, Any]

ATTRIBUTES = (
    "quad_class",
    "source_country",
    "target_country",
    "source_sector",
    "target_sector",
    "sector",
    "dead",
    "injured",
    "size",
    "mode",
    "context",
)
PREDICTION_FIELDS = (
    "event",
    "mode",
    "context",
    "source",
    "target",
    "eventLoc",
    "dead",
    "injured",
    "size",
    "deadText",
    "injuredText",
    "sizeText",
)

_EXTRA_COUNTRIES = frozenset({"XKX"})
_RELIGIONS = frozenset(
    {"REL", "MOS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN", "CTH", "PRO", "ORT", "SIK"}
)
_SECTOR_RENAMES = {"CIV": "CVL", "HLH": "MED", **{code: "REL" for code in _RELIGIONS}}
_LIST_SEPARATORS = re.compile(r"[,;]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


# -- normalisation ------------------------------------------------------------------


@cache
def _iso_alpha3() -> frozenset[str]:
    return iso3_codes() | _EXTRA_COUNTRIES


def country_code(code: object) -> str | None:
    """The ISO 3166 alpha-3 country of an actor code, None for none or a non-country."""
    if not isinstance(code, str) or len(code.strip()) < 3:
        return None
    key = code.strip().upper()[:3]
    key = cameo_country(key) or key
    return key if key in _iso_alpha3() else None


def sector_code(sector: object) -> str | None:
    """Our three-letter sector for a PLOVER/CAMEO sector code, None for none or "***"."""
    if not isinstance(sector, str):
        return None
    key = sector.strip().upper()[:3]
    if len(key) < 3 or not key.isalpha():
        return None
    return _SECTOR_RENAMES.get(key, key)


def magnitude(value: object) -> int | float | str | None:
    """A dead/injured/size value in a comparable form: a number, lower-case words, or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else float(value)
    text = " ".join(str(value).split()).lower()
    digits = text.replace(",", "")
    if _NUMBER.match(digits):
        return magnitude(float(digits))
    return text or None


def _predicted_magnitude(event: Record | None, name: str) -> int | float | str | None:
    """A predicted dead/injured/size: the count, else its words (``sizeText`` ...)."""
    if event is None:
        return None
    value = magnitude(event.get(name))
    return value if value is not None else magnitude(event.get(f"{name}Text"))


def _actors(value: object) -> list[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list | tuple):
        return [a for a in value if isinstance(a, Mapping)]
    return []


def _countries(event: Record | None, side: str) -> frozenset[str]:
    if event is None:
        return frozenset()
    codes = (country_code(a.get("code")) for a in _actors(event.get(side)))
    return frozenset(c for c in codes if c)


def _sectors(event: Record | None, side: str) -> frozenset[str]:
    if event is None:
        return frozenset()
    codes = (sector_code(a.get("sector")) for a in _actors(event.get(side)))
    return frozenset(c for c in codes if c)


def _values(value: object) -> list[str]:
    """The non-empty strings of a field that holds one string, a separated string or a list."""
    items = value if isinstance(value, list | tuple) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.extend(v.strip() for v in _LIST_SEPARATORS.split(item) if v.strip())
    return out


def _event_name(event: Record) -> str:
    value = event.get("event")
    return value.strip().upper() if isinstance(value, str) else ""


def _modes(event: Record | None, gold_type: str) -> frozenset[str]:
    if event is None:
        return frozenset()
    values = _values(event.get("mode"))
    if is_event_type(gold_type):
        return frozenset(canonical_mode(gold_type, v) for v in values)
    return frozenset(v.lower() for v in values)


def _contexts(event: Record | None) -> frozenset[str]:
    if event is None:
        return frozenset()
    return frozenset(canonical_context(v) for v in _values(event.get("context")))


# -- event types ----------------------------------------------------------------------


def _ratio(numerator: int | float, denominator: int | float) -> float:
    return numerator / denominator if denominator else 0.0


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _type_counts(
    gold: Sequence[Record], predicted: Sequence[Sequence[Record]]
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """TP, FP, FN and support per type name, by the rules in the module docstring."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    support: Counter[str] = Counter()
    for record, events in zip(gold, predicted, strict=True):
        g = _event_name(record)
        support[g] += 1
        names = [n for n in map(_event_name, events) if n]
        if g in names:
            tp[g] += 1
        else:
            fn[g] += 1
        fp.update(n for n in names if n != g)
    return tp, fp, fn, support


def _type_order(names: Iterable[str]) -> list[str]:
    """The 18 types in specification order, then any other names alphabetically."""
    seen = set(names)
    known = [str(t) for t in EVENT_TYPES if str(t) in seen]
    return known + sorted(seen - set(known))


def _score_types(gold: Sequence[Record], predicted: Sequence[Sequence[Record]]) -> dict[str, Any]:
    tp, fp, fn, support = _type_counts(gold, predicted)
    names = _type_order(n for n in (*tp, *fp, *fn) if n)
    per_type = {
        name: {"support": support[name], **_prf(tp[name], fp[name], fn[name])} for name in names
    }
    micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    macro = _ratio(sum(row["f1"] for row in per_type.values()), len(per_type))
    return {"per_type": per_type, "macro_f1": macro, "macro_over": names, "micro": micro}


# -- attributes -----------------------------------------------------------------------


def _matched_event(record: Record, events: Sequence[Record]) -> Record | None:
    """The predicted event the attributes of ``record`` are read from (see module docstring)."""
    g = _event_name(record)
    candidates = [e for e in events if _event_name(e) == g]
    if not candidates:
        return events[0] if events else None

    def shared(event: Record) -> int:
        return sum(len(_countries(record, s) & _countries(event, s)) for s in ("source", "target"))

    return max(candidates, key=shared)  # max keeps the first of equals: the earliest


class _Tally:
    """Counts for one attribute: records scored, exact matches, overlapping sets."""

    def __init__(self, with_overlap: bool) -> None:
        self.n = self.correct = self.overlap = 0
        self.with_overlap = with_overlap

    def add(self, gold_value: object, predicted_value: object) -> None:
        self.n += 1
        self.correct += gold_value == predicted_value
        if isinstance(gold_value, frozenset) and isinstance(predicted_value, frozenset):
            self.overlap += bool(gold_value & predicted_value)

    def result(self) -> dict[str, Any]:
        accuracy = self.correct / self.n if self.n else None
        out: dict[str, Any] = {"n": self.n, "correct": self.correct, "accuracy": accuracy}
        if self.with_overlap:
            out["overlap"] = self.overlap
            out["overlap_accuracy"] = self.overlap / self.n if self.n else None
        return out


SetReader = Callable[[Record | None], frozenset[str]]


def _set_readers(gold_type: str) -> dict[str, SetReader]:
    return {
        "source_country": lambda e: _countries(e, "source"),
        "target_country": lambda e: _countries(e, "target"),
        "source_sector": lambda e: _sectors(e, "source"),
        "target_sector": lambda e: _sectors(e, "target"),
        "mode": lambda e: _modes(e, gold_type),
        "context": _contexts,
    }


def _quad(name: str) -> str | None:
    return quad_class(name) if is_event_type(name) else None


def _tally_record(tallies: dict[str, _Tally], record: Record, events: Sequence[Record]) -> None:
    """Add one gold record and its predictions to every attribute tally it has gold for."""
    gold_type = _event_name(record)
    gold_quad = _quad(gold_type)
    predicted_quads = {_quad(_event_name(e)) for e in events}
    tallies["quad_class"].add(True, gold_quad is not None and gold_quad in predicted_quads)
    matched = _matched_event(record, events)
    for name, read in _set_readers(gold_type).items():
        gold_value = read(record)
        if gold_value:
            tallies[name].add(gold_value, read(matched))
            if name.endswith("_sector"):
                tallies["sector"].add(gold_value, read(matched))
    for name in ("dead", "injured", "size"):
        gold_value = magnitude(record.get(name))
        if gold_value is not None:
            tallies[name].add(gold_value, _predicted_magnitude(matched, name))


def _score_attributes(
    gold: Sequence[Record], predicted: Sequence[Sequence[Record]]
) -> dict[str, dict[str, Any]]:
    magnitudes = {"quad_class", "dead", "injured", "size"}
    tallies = {name: _Tally(with_overlap=name not in magnitudes) for name in ATTRIBUTES}
    for record, events in zip(gold, predicted, strict=True):
        _tally_record(tallies, record, events)
    return {name: tally.result() for name, tally in tallies.items()}


# -- public ---------------------------------------------------------------------------


def score_plover(gold: Sequence[Record], predicted: Sequence[Sequence[Record]]) -> dict[str, Any]:
    """Score ``predicted[i]`` (the events coded from ``gold[i]["text"]``) against ``gold[i]``.

    Returns ``records``, ``predicted_events``, ``per_type`` (type → support, tp, fp, fn,
    precision, recall, f1), ``macro_f1``, ``macro_over``, ``micro`` (tp, fp, fn,
    precision, recall, f1), ``micro_f1`` and ``attributes`` (name → n, correct, accuracy,
    and for sets overlap, overlap_accuracy). The module docstring defines each figure.
    """
    if len(gold) != len(predicted):
        raise ValueError(
            f"{len(gold)} gold records but {len(predicted)} prediction lists: "
            "pass one list of predicted events (possibly empty) per gold record"
        )
    types = _score_types(gold, predicted)
    return {
        "records": len(gold),
        "predicted_events": sum(len(events) for events in predicted),
        **types,
        "micro_f1": types["micro"]["f1"],
        "attributes": _score_attributes(gold, predicted),
    }


NO_EVENT = "none"


def confusion_matrix(
    gold: Sequence[Record], predicted: Sequence[Sequence[Record]]
) -> dict[str, dict[str, int]]:
    """Gold type → the type of the first predicted event with a type (``"none"`` when there
    is none) → number of records. Rows in specification order, each row's columns too
    (``"none"`` last); only non-zero cells are kept."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold records but {len(predicted)} prediction lists")
    cells: Counter[tuple[str, str]] = Counter()
    for record, events in zip(gold, predicted, strict=True):
        names = [n for n in map(_event_name, events) if n]
        cells[(_event_name(record), names[0] if names else NO_EVENT)] += 1
    rows = _type_order(g for g, _ in cells)
    columns = [*_type_order(p for _, p in cells if p != NO_EVENT), NO_EVENT]
    return {g: {p: cells[(g, p)] for p in columns if cells[(g, p)]} for g in rows}


ERROR_ATTRIBUTES = ("source_country", "target_country", "source_sector", "target_sector")


def _actor_texts(event: Record | None, side: str) -> list[str]:
    """ "text (CODE/SECTOR)" for each actor on one side of an event, for reading errors."""
    if event is None:
        return []
    out = []
    for a in _actors(event.get(side)):
        code = a.get("code") or "-"
        sector = a.get("sector")
        out.append(f"{a.get('actorText') or ''} ({code}{'/' + sector if sector else ''})")
    return out


def record_errors(
    gold: Sequence[Record], predicted: Sequence[Sequence[Record]]
) -> list[dict[str, Any]]:
    """The misses of each gold record, by the rules of :func:`score_plover`.

    One entry per record with at least one miss: ``index``, ``id``, ``text``, ``event``
    (the gold type), ``predicted_types``, ``misses`` (a list of ``{"attribute", "gold",
    "predicted"}``; ``type`` when the gold type was not predicted, and every attribute of
    ``ERROR_ATTRIBUTES`` the gold gives and the matched event gets wrong), and the gold
    and matched event's actors as ``"text (CODE/SECTOR)"`` strings.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold records but {len(predicted)} prediction lists")
    out = []
    for index, (record, events) in enumerate(zip(gold, predicted, strict=True)):
        gold_type = _event_name(record)
        names = [n for n in map(_event_name, events) if n]
        misses: list[dict[str, Any]] = []
        if gold_type not in names:
            misses.append({"attribute": "type", "gold": [gold_type], "predicted": names})
        matched = _matched_event(record, events)
        readers = _set_readers(gold_type)
        for name in ERROR_ATTRIBUTES:
            gold_value = readers[name](record)
            predicted_value = readers[name](matched)
            if gold_value and gold_value != predicted_value:
                misses.append(
                    {
                        "attribute": name,
                        "gold": sorted(gold_value),
                        "predicted": sorted(predicted_value),
                    }
                )
        if misses:
            out.append(
                {
                    "index": index,
                    "id": record.get("id"),
                    "text": " ".join(str(record.get("text", "")).split()),
                    "event": gold_type,
                    "predicted_types": names,
                    "misses": misses,
                    "gold_source": _actor_texts(record, "source"),
                    "gold_target": _actor_texts(record, "target"),
                    "predicted_source": _actor_texts(matched, "source"),
                    "predicted_target": _actor_texts(matched, "target"),
                }
            )
    return out


def as_prediction(record: Record) -> dict[str, Any]:
    """The PLOVER prediction fields of a record (what a perfect coder would output)."""
    return {name: record[name] for name in PREDICTION_FIELDS if name in record}


def read_plover_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a PLOVER JSON Lines file (blank lines skipped)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# -- report ---------------------------------------------------------------------------


def _cell(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _type_table(result: Mapping[str, Any]) -> list[str]:
    lines = [
        f"{'type':<12} {'gold':>5} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5}  {'R':>5}  {'F1':>5}"
    ]
    for name, row in result["per_type"].items():
        lines.append(
            f"{name:<12} {row['support']:>5} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4}"
            f"  {_cell(row['precision'])}  {_cell(row['recall'])}  {_cell(row['f1'])}"
        )
    micro = result["micro"]
    lines.append(
        f"{'micro':<12} {result['records']:>5} {micro['tp']:>4} {micro['fp']:>4} {micro['fn']:>4}"
        f"  {_cell(micro['precision'])}  {_cell(micro['recall'])}  {_cell(micro['f1'])}"
    )
    lines.append(f"macro-F1 {_cell(result['macro_f1'])} over {len(result['macro_over'])} types")
    return lines


def _attribute_table(attributes: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = [f"{'attribute':<15} {'n':>5} {'correct':>8}  {'accuracy':>8}  {'overlap':>7}"]
    for name, row in attributes.items():
        overlap = _cell(row["overlap_accuracy"]) if "overlap_accuracy" in row else "    -"
        lines.append(
            f"{name:<15} {row['n']:>5} {row['correct']:>8}     {_cell(row['accuracy'])}    {overlap:>5}"
        )
    return lines


def format_report(result: Mapping[str, Any]) -> str:
    """``score_plover``'s result as a readable plain-text table."""
    header = (
        f"PLOVER event coding: {result['records']} gold records, "
        f"{result['predicted_events']} predicted events"
    )
    return "\n".join(
        [header, "", *_type_table(result), "", *_attribute_table(result["attributes"])]
    )


def _listed(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "(none)"


def format_errors(errors: Sequence[Mapping[str, Any]]) -> str:
    """``record_errors``'s result as plain text: one block per record with misses."""
    lines = [f"{len(errors)} records with misses"]
    for error in errors:
        lines.append("")
        lines.append(f"#{error['index']} {error['id'] or ''} [{error['event']}]")
        lines.append(f"  text: {error['text']}")
        for miss in error["misses"]:
            lines.append(
                f"  {miss['attribute']:<15} gold {_listed(miss['gold'])}"
                f" | predicted {_listed(miss['predicted'])}"
            )
        for side in ("source", "target"):
            lines.append(
                f"  {side}: gold {_listed(error['gold_' + side])}"
                f" | predicted {_listed(error['predicted_' + side])}"
            )
    return "\n".join(lines)
