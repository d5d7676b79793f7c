"""Event magnitudes (dead, injured, size) against hand labels of corpus sentences:
``newsfuse eval magnitudes FILE --texts ../shared/corpus``.

The gold file (``tests/data/magnitudes/corpus_magnitudes.jsonl``; how it was made and
the labelling rules are in the README beside it) names each sentence by its corpus file,
byte offsets and the SHA-1 of those bytes, and gives:

* ``event`` / ``trigger``: the PLOVER type and the trigger word of the event the counts
  belong to (None: a sentence where only ``not`` is judged);
* ``dead`` / ``injured`` / ``size``: what the coder should give for that event, a count,
  the words of a vague amount ("thousands"), or None when the sentence gives none;
* ``not``: numbers of the sentence that count no one (ages, years, sums, tonnes, a
  partitive's whole, a count of killed-or-wounded) and must not be any event's magnitude.

**The event read** for a sentence is the first coded event whose trigger (``eventText``)
contains the labelled trigger word; failing that, the one PLOVER's scorer would match
(:func:`~newsfuse.events.scoring.score_plover`: of the labelled type, else the first);
no event at all gets every field wrong that the label fills.

**Figures**, for each half (records numbered from 0 in file order: even positions tune,
odd check, as ``eval plover``):

* ``dead`` / ``injured`` / ``size``: accuracy over the sentences with an ``event``, an
  empty label included (so a count where the sentence gives none is an error); values
  compare as ``eval plover`` compares them (numbers as integers, words case-insensitively,
  a null count read from its ``*Text`` words);
* ``together``: ``eval plover``'s "magnitudes", the fields the label fills, each counted
  once;
* ``false_counts``: of the sentences with a ``not`` list, the share where some coded event
  gives one of those numbers as its dead, injured or size;
* ``types`` (the labelled ``event`` against the coder's types, negated events left out):
  ``first``, the first coded event has the labelled type; ``any``, some coded event has
  it; ``none``, no event at all (these three over the sentences with an ``event``);
  ``spurious``, the share of the sentences without one (numbers only) that get an event.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsfuse.events.scoring import magnitude

__all__ = ["FIELDS", "evaluate_magnitudes", "format_errors", "format_report", "read_gold"]

FIELDS = ("dead", "injured", "size")
HALVES = ("tune", "check")


def read_gold(path: str | Path, texts: str | Path) -> list[dict[str, Any]]:
    """Gold records of ``path`` with their sentence (``text``) taken from the corpus
    directory ``texts``: the bytes ``start:end`` of ``file``, checked against
    ``text_sha1``, decoded, SGML entities resolved and white space collapsed."""
    root = Path(texts)
    records = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            source = root / record["file"]
            if not source.is_file():
                raise ValueError(f"{root} has no file {record['file']!r}")
            data = source.read_bytes()[record["start"] : record["end"]]
            if hashlib.sha1(data).hexdigest() != record["text_sha1"]:
                raise ValueError(f"sentence {record['id']!r} of {root} is not the labelled text")
            text = " ".join(html.unescape(data.decode("utf-8", "replace")).split())
            records.append({**record, "text": text})
    return records


def half_of(position: int) -> str:
    return "tune" if position % 2 == 0 else "check"


def predict(records: Sequence[Mapping[str, Any]]) -> list[list[dict[str, Any]]]:
    """The coder's PLOVER-shaped events for each sentence (negated ones left out, as
    ``eval plover`` does)."""
    from newsfuse.events.stage import code_sentence

    return [[e.to_plover() for e in code_sentence(r["text"]) if not e.negated] for r in records]


def _value(event: Mapping[str, Any] | None, name: str) -> int | float | str | None:
    if event is None:
        return None
    value = magnitude(event.get(name))
    return value if value is not None else magnitude(event.get(f"{name}Text"))


def matched_event(
    record: Mapping[str, Any], events: Sequence[Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    """The coded event the labels are compared with (see the module docstring)."""
    trigger = str(record.get("trigger") or "").lower()
    for event in events:
        if trigger and trigger in str(event.get("eventText") or "").lower():
            return event
    typed = [e for e in events if str(e.get("event") or "").upper() == record.get("event")]
    if typed:
        return typed[0]
    return events[0] if events else None


def score_record(record: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One sentence's judgement: per field gold and predicted, and the false counts."""
    out: dict[str, Any] = {"id": record["id"], "text": record["text"]}
    out["types"] = [str(e.get("event") or "").upper() for e in events]
    out["gold_type"] = record.get("event")
    if record.get("event"):
        event = matched_event(record, events)
        out["event"] = None if event is None else event.get("event")
        out["eventText"] = None if event is None else event.get("eventText")
        out["fields"] = {
            name: (magnitude(record.get(name)), _value(event, name)) for name in FIELDS
        }
    forbidden = {magnitude(v) for v in record.get("not") or ()}
    if forbidden:
        given = {_value(e, name) for e in events for name in FIELDS}
        out["false_counts"] = sorted(str(v) for v in forbidden & given)
    return out


def _figures(judged: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    rows = list(judged)
    result: dict[str, Any] = {"sentences": len(rows)}
    with_event = [r for r in rows if "fields" in r]
    result["with_event"] = len(with_event)
    for name in FIELDS:
        correct = sum(r["fields"][name][0] == r["fields"][name][1] for r in with_event)
        result[name] = {
            "n": len(with_event),
            "correct": correct,
            "accuracy": correct / len(with_event) if with_event else None,
            "given": sum(r["fields"][name][0] is not None for r in with_event),
        }
    pairs = [r["fields"][name] for r in with_event for name in FIELDS]
    given = [(g, p) for g, p in pairs if g is not None]
    result["together"] = {
        "n": len(given),
        "correct": sum(g == p for g, p in given),
        "accuracy": sum(g == p for g, p in given) / len(given) if given else None,
    }
    judged_not = [r for r in rows if "false_counts" in r]
    wrong = sum(bool(r["false_counts"]) for r in judged_not)
    result["false_counts"] = {
        "n": len(judged_not),
        "wrong": wrong,
        "rate": wrong / len(judged_not) if judged_not else None,
    }
    result["types"] = _type_figures(rows)
    return result


def _share(hits: int, n: int) -> dict[str, Any]:
    return {"n": n, "correct": hits, "accuracy": hits / n if n else None}


def _type_figures(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Event types against the labels: first / any / none over the sentences with an
    ``event``, spurious over those without one."""
    typed = [r for r in rows if r.get("gold_type")]
    untyped = [r for r in rows if not r.get("gold_type")]
    return {
        "first": _share(sum(r["types"][:1] == [r["gold_type"]] for r in typed), len(typed)),
        "any": _share(sum(r["gold_type"] in r["types"] for r in typed), len(typed)),
        "none": _share(sum(not r["types"] for r in typed), len(typed)),
        "spurious": _share(sum(bool(r["types"]) for r in untyped), len(untyped)),
    }


def _type_miss(row: Mapping[str, Any]) -> bool:
    """The first coded type is not the labelled one (an event where none is labelled)."""
    return row.get("types", [])[:1] != ([row["gold_type"]] if row.get("gold_type") else [])


def _is_error(row: Mapping[str, Any]) -> bool:
    fields = row.get("fields") or {}
    return (
        bool(row.get("false_counts")) or any(g != p for g, p in fields.values()) or _type_miss(row)
    )


def evaluate_magnitudes(
    path: str | Path, texts: str | Path, errors: bool = False, half: str = "tune"
) -> dict[str, Any]:
    """Figures of each half (and of all sentences); with ``errors``, the misses of
    ``half`` (tune by default: the check half is a figure, not material to read)."""
    if half not in ("tune", "check", "all"):
        raise ValueError(f"half must be tune, check or all, not {half!r}")
    records = read_gold(path, texts)
    judged = [score_record(r, e) for r, e in zip(records, predict(records), strict=True)]
    for position, row in enumerate(judged):
        row["index"] = position
        row["half"] = half_of(position)
    result: dict[str, Any] = {"all": _figures(judged)}
    for name in HALVES:
        result[name] = _figures(r for r in judged if r["half"] == name)
    if errors:
        result["errors_half"] = half
        result["errors"] = [
            r for r in judged if _is_error(r) and (half == "all" or r["half"] == half)
        ]
    return result


def _cell(row: Mapping[str, Any] | None, key: str = "accuracy") -> str:
    if row is None or row.get(key) is None:
        return "    -      "
    n = row["n"]
    return f"{row[key]:5.3f} ({n:>3})"


def format_report(result: Mapping[str, Any]) -> str:
    """The figures of all sentences, the tune half and the check half side by side."""
    parts = [result[name] for name in ("all", *HALVES)]
    lines = [
        f"magnitudes: {parts[0]['sentences']} sentences, {parts[0]['with_event']} with a "
        f"labelled event (tune {parts[1]['sentences']}, check {parts[2]['sentences']}: even / "
        "odd positions in the file)",
        "",
        f"{'':<14} {'all':>11} {'tune':>11} {'check':>11}   gap",
    ]

    def row(label: str, cells: list[Mapping[str, Any]], key: str = "accuracy") -> str:
        a, b = cells[1].get(key), cells[2].get(key)
        gap = "     -" if a is None or b is None else f"{a - b:+6.3f}"
        return f"{label:<14} {'  '.join(_cell(c, key) for c in cells)} {gap}"

    for name in FIELDS:
        lines.append(row(name, [p[name] for p in parts]))
    lines.append(row("together", [p["together"] for p in parts]))
    lines.append(row("false counts", [p["false_counts"] for p in parts], key="rate"))
    for name in ("first", "any", "none", "spurious"):
        lines.append(row(f"type {name}", [p["types"][name] for p in parts]))
    lines.append("")
    lines.append(
        "dead / injured / size: accuracy over the sentences with a labelled event, an empty "
        "label included; together: the labelled counts only, as eval plover's 'magnitudes'; "
        "false counts: share of sentences where an event gives a number labelled as no "
        "one's count (lower is better); type first / any: the first / some coded event has "
        "the labelled type, type none: no event (both over the sentences with a labelled "
        "event); type spurious: share of the sentences with no event labelled that get one "
        "(lower is better)"
    )
    return "\n".join(lines)


def format_errors(errors: Iterable[Mapping[str, Any]]) -> str:
    """Each missed sentence: its position and text, then gold → predicted per field."""
    out = []
    for row in errors:
        out.append(f"[{row['index']}] {row['id']}: {row['text']}")
        if _type_miss(row):
            out.append(f"    types: gold {row.get('gold_type')}, coded {row.get('types')}")
        if "fields" in row:
            out.append(f"    event read: {row.get('event')} ({row.get('eventText')!r})")
            for name, (gold, predicted) in row["fields"].items():
                if gold != predicted:
                    out.append(f"    {name}: gold {gold!r}, coded {predicted!r}")
        if row.get("false_counts"):
            out.append(f"    false counts: {', '.join(row['false_counts'])}")
    return "\n".join(out)
