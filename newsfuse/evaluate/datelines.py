"""Dateline place accuracy on Reuters-21578, whose ``<DATELINE>`` element is the gold.

Gold rule, for each story with a non-empty ``<DATELINE>``:

1. the *head* is the element text before its first dash separator (a run of
   dashes followed by whitespace or the end: "WINSTON-SALEM, N.C. - " has head
   "WINSTON-SALEM, N.C.");
2. a trailing date is dropped from the head: "<month> <day>", "<day> <month>" or a
   bare month name, typos included ("Macrh 31", "Apri l7", "ABR 9", "April -");
3. the gold place is the first comma-separated part of what is left, so a
   qualifier goes: "ST. LOUIS, Mo., March 3 -" → "ST. LOUIS",
   "KYIV, Ukraine" → "KYIV";
4. there is no gold place (None) when nothing is left, or it has digits or does
   not start with a letter: price tables ("us 7.8015 - "), bare dates
   ("APRIL 7 - "), "(totals - ".

Commodity labels in the element ("WHEAT - ", "COPPER GRADE A - ") stay gold
places by this rule; the parser rightly refuses them, so they count as errors.
A prediction is correct when it equals the gold place ignoring case and
spacing, or when both are None. The parser sees only ``doc.content`` (the
element text followed by the body) and ``meta['published']``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsfuse.clean.dateline import find_dateline
from newsfuse.model import RawDocument
from newsfuse.readers import read_paths

__all__ = ["evaluate_reuters_datelines", "gold_place", "main"]

MAX_ERRORS = 30

_HEAD = re.compile(r"\s*(?P<head>.*?)\s*-+(?:\s|$)", re.S)
_TRAILING_DATE = re.compile(
    r"(?:^|[\s,]+)(?:[A-Za-z]{3,9}\.?,?\s*(?:\d{1,2}|l\d?|\d?l)|\d{1,2}\s+[A-Za-z]{3,9}\.?)\s*$"
)
_MONTH_NAME = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?")


def gold_place(dateline: str) -> str | None:
    """The place a Reuters ``<DATELINE>`` element names, by the rule in the module doc."""
    found = _HEAD.match(dateline)
    head = found.group("head") if found else dateline.strip()
    head = _TRAILING_DATE.sub("", head).strip(" ,")
    parts = [part.strip() for part in head.split(",") if part.strip()]
    if parts and _MONTH_NAME.fullmatch(parts[-1]):
        parts.pop()
    if not parts:
        return None
    place = parts[0]
    if any(ch.isdigit() for ch in place) or not place[0].isalpha():
        return None
    return place


def _same(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    return " ".join(gold.split()).casefold() == " ".join(predicted.split()).casefold()


def _stories(paths: Iterable[str]) -> Iterable[RawDocument]:
    for doc in read_paths(paths):
        if isinstance(doc, RawDocument) and str(doc.meta.get("dateline") or "").strip():
            yield doc


def evaluate_reuters_datelines(paths: list[str]) -> dict[str, Any]:
    """Place accuracy of :func:`find_dateline` against the Reuters ``<DATELINE>`` gold."""
    stories = correct = predicted_places = resolved = gold_none = 0
    errors: list[tuple[str | None, str | None]] = []
    for doc in _stories(paths):
        gold = gold_place(doc.meta["dateline"])
        found = find_dateline(doc.content, doc.meta.get("published"))
        predicted = found.place if found else None
        stories += 1
        gold_none += gold is None
        if predicted is not None:
            predicted_places += 1
            resolved += found is not None and found.country is not None
        if _same(gold, predicted):
            correct += 1
        elif len(errors) < MAX_ERRORS:
            errors.append((gold, predicted))
    return {
        "stories": stories,
        "correct": correct,
        "accuracy": correct / stories if stories else 0.0,
        "gold_none": gold_none,
        "predicted_places": predicted_places,
        "country_resolved": resolved / predicted_places if predicted_places else 0.0,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m newsfuse.evaluate.datelines PATH...`` prints a short report."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m newsfuse.evaluate.datelines PATH...", file=sys.stderr)
        return 2
    paths = [str(Path(p)) for p in args]
    result = evaluate_reuters_datelines(paths)
    print(f"stories with a DATELINE: {result['stories']} (no gold place: {result['gold_none']})")
    print(
        f"place accuracy:          {result['correct']}/{result['stories']}"
        f" = {result['accuracy']:.4f}"
    )
    print(
        f"country resolved:        {result['country_resolved']:.4f}"
        f" of {result['predicted_places']} predicted places"
    )
    for gold, predicted in result["errors"]:
        print(f"  gold {gold!r:<28} predicted {predicted!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
