"""Build tests/data/places/reuters_places.jsonl: hand judgements of toponyms in Reuters wire news.

The articles are drawn from the Reuters-21578 collection (``shared/corpus/reuters21578``,
22 SGML files of many stories each, 1987 wire copy) by a fixed rule written down before any
article was read: the stories ingest reads from the files (``newsfuse.readers.read_file``;
title-only briefs are rejects, not stories), files in the order of their number and
stories in file order, whose text (the dateline and body ingest cleans) is 400 to 4,000
characters long (13,402 of 19,779); of those, every 335th, the first 40 (0-based 0, 335,
..., 13065), kept in that order, so that the place scorer's fixed split (even positions
tune, odd check) makes the tune and check halves. An article is named by its file's path under ``shared/corpus``
and its NEWID ("reuters21578/3.sgm#3012"), which ``newsfuse eval places --texts
../shared/corpus`` reads as ingest reads it. The judgements below were made by reading each
article (see tests/data/places/README.md for the rules); this script only turns them into
character offsets, so that the committed file holds offsets, names and GeoNames facts but
none of the text. Judgements are written as in ``tools/build_gvc_places.py``.

    python tools/build_reuters_places.py ../shared/corpus
"""

from __future__ import annotations

import sys
from pathlib import Path

from build_gvc_places import Judgement, gold_line

from newsfuse.model import RawDocument
from newsfuse.readers import read_file

EVERY, COUNT = 335, 40
SHORTEST, LONGEST = 400, 4000
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "places" / "reuters_places.jsonl"

JUDGED: dict[int, list[Judgement]] = {
    # tune half (even positions), check half (odd positions)
}  # fmt: skip


def stories(root: Path) -> list[tuple[str, str]]:
    """Every story ingest reads from the collection, in order, as (id, text)."""
    out = []
    files = sorted((root / "reuters21578").glob("*.sgm"), key=lambda p: int(p.stem))
    for path in files:
        name = path.relative_to(root).as_posix()
        for doc in read_file(str(path)):
            if isinstance(doc, RawDocument):
                out.append((f"{name}#{doc.source.rpartition('#')[2]}", doc.content))
    return out


def picked(root: Path) -> list[tuple[str, str]]:
    """The chosen articles (id, text), in their order."""
    sized = [(name, text) for name, text in stories(root) if SHORTEST <= len(text) <= LONGEST]
    return sized[::EVERY][:COUNT]


def main(source: str) -> None:
    chosen = picked(Path(source))
    with OUT.open("w", encoding="utf-8") as out:
        for position, (name, text) in enumerate(chosen):
            out.write(gold_line(name, text, JUDGED[position]))
    print(f"{len(chosen)} articles -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
