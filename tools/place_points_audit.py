"""How many places annotation finds have a point, over a fixed sample of ``../shared/corpus``.

    .venv/bin/python tools/place_points_audit.py [--bbc 100] [--reuters 100] [--top 30]

The sample: every k-th BBC article (k chosen so that ``--bbc`` articles spread over the five
sections) and the first ``--reuters`` Reuters-21578 stories of ``0.sgm`` with a body. Each
goes through what ingest does (reader, clean, annotate). Prints places with and without a
point, by kind, and the commonest names left without one.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newsfuse.annotate.stage import annotate_articles
from newsfuse.clean.document import clean_document
from newsfuse.model import Article, Reject
from newsfuse.readers import read_file

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def sample(bbc: int, reuters: int) -> list[Article]:
    out: list[Article] = []
    files = sorted((SHARED / "bbc").glob("*/*.txt"))
    step = max(1, len(files) // max(bbc, 1))
    for path in files[::step][:bbc]:
        for raw in read_file(str(path)):
            doc = raw if isinstance(raw, Reject) else clean_document(raw)
            if isinstance(doc, Article):
                out.append(doc)
    taken = 0
    for raw in read_file(str(SHARED / "reuters21578" / "0.sgm")):
        if taken >= reuters:
            break
        doc = raw if isinstance(raw, Reject) else clean_document(raw)
        if isinstance(doc, Article):
            out.append(doc)
            taken += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bbc", type=int, default=100)
    parser.add_argument("--reuters", type=int, default=100)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    articles = sample(args.bbc, args.reuters)
    with_point: Counter[str] = Counter()
    without: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for article in annotate_articles(articles, code=False):
        for p in article.annotations.places:
            if p.lat is not None and p.lon is not None:
                with_point[p.kind] += 1
            else:
                without[p.kind] += 1
                names[p.name] += 1
    total = sum(with_point.values()) + sum(without.values())
    print(f"articles {len(articles)}, places {total}")
    print(f"with a point {sum(with_point.values())}, without {sum(without.values())}")
    for kind in sorted(set(with_point) | set(without)):
        print(f"  {kind:10} with {with_point[kind]:5}  without {without[kind]:5}")
    print("commonest names without a point:")
    for name, n in names.most_common(args.top):
        print(f"  {n:4}  {name}")


if __name__ == "__main__":
    main()
