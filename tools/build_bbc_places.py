"""Build tests/data/places/bbc_places.jsonl: hand judgements of toponyms in BBC News articles.

The articles are every 56th text file of the BBC corpus (``shared/corpus/bbc``: the
2,225 ``.txt`` files of its five folders business, entertainment, politics, sport and
tech, sorted by path), 0-based 0, 56, ..., 2184: 40 articles, kept in that order, so
that the place scorer's fixed split (even positions tune, odd check) makes the tune and
check halves. The rule was written down before any article was read. The judgements
below were made by reading each article (see tests/data/places/README.md for the rules);
this script only turns them into character offsets, so that the committed file holds
offsets, names and GeoNames facts but none of the BBC's text. Judgements are written as
in ``tools/build_gvc_places.py``, whose ``annotate`` turns them into offsets.

    python tools/build_bbc_places.py ../shared/corpus
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from build_gvc_places import Judgement, annotate

EVERY = 56
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "places" / "bbc_places.jsonl"

JUDGED: dict[int, list[Judgement]] = {}


def picked(root: Path) -> list[str]:
    """The ids (paths under ``root``) of the chosen articles, in their order."""
    files = sorted(p.relative_to(root).as_posix() for p in (root / "bbc").glob("*/*.txt"))
    return files[::EVERY]


def main(source: str) -> None:
    root = Path(source)
    with OUT.open("w", encoding="utf-8") as out:
        for position, name in enumerate(picked(root)):
            text = (root / name).read_bytes().decode("utf-8")
            toponyms, neutral = annotate(text, JUDGED[position])
            row = {
                "id": name,
                "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
                "toponyms": toponyms,
                "neutral": neutral,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(picked(root))} articles -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
