"""How often does the coder make a political event of a natural hazard or an accident?

Issue 12 asks that at most 10% of disaster reports be coded as political events. This
script picks, by a fixed rule, every Reuters-21578 sentence (../shared/corpus) that names
a hazard or an accident and a harm (killed, injured, homeless, destroyed, ...), and codes
each with :func:`newsfuse.code_sentence`. Sentences that report a political act beside the
hazard (aid approved, a strike called, exports suspended, a naval battle) were read once
and are listed by hash in ``POLITICAL``; the rest are disaster reports, where any coded
event is a false one. The set was read while fixing one rule (a cause named after
coordinated harms, "killed or injured in flooding"), so its figure is a tune figure.

    .venv/bin/python benchmarks/disaster_reuters.py [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
from pathlib import Path

from newsfuse import code_sentence
from newsfuse.events.nonevents import VIOLENT_TYPES

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "reuters21578"
HAZARD = re.compile(
    r"\b(earthquakes?|quakes?|floods?|flooding|storms?|hurricanes?|cyclones?|typhoons?"
    r"|landslides?|avalanches?|tornado(?:es)?|volcan\w+|blizzards?|mudslides?|tidal wave"
    r"|heat wave|drought|(?:train|plane|air|bus|road) crash(?:es)?|crashed|derail\w*|capsized"
    r"|sank|collided|collision|blaze|fire (?:broke|swept|gutted|destroyed)"
    r"|mine (?:explosion|blast|disaster))\b",
    re.I,
)
HARM = re.compile(
    r"\b(killed|killing|dead|died|deaths?|injured|injuring|wounded|homeless|destroyed"
    r"|damaged|missing|drowned|casualties|victims)\b",
    re.I,
)
POLITICAL = frozenset(
    "0197436629 03787d3d6c 0c1fa992bb 0c225f1241 22e519917f 24289705f5 314688c9fc 34aff8e98d "
    "6c13ff7273 75c75c7f04 77d6aa910c 78461f11c1 873302da26 8ef21cc600 8ef750624a 931be7574e "
    "ced479dd2b d6844eb740".split()
)
"""Hashes (sha1, first 10 hex digits) of the selected sentences that also report a
political act or are no disaster report at all ("a flood of lawsuits")."""


def sentences(corpus: Path = CORPUS) -> list[str]:
    """The selected sentences, in file order, each once."""
    found: dict[str, None] = {}
    for path in sorted(corpus.glob("*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for m in re.finditer(r"<BODY>(.*?)</BODY>", raw, re.S):
            body = html.unescape(m.group(1)).replace("\n", " ")
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", body):
                s = re.sub(r"\s+", " ", s.strip())
                if HAZARD.search(s) and HARM.search(s) and 40 < len(s) < 400:
                    found.setdefault(s)
    return list(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print each coded disaster sentence")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}: put ../shared beside the repository")
    chosen = sentences()
    disasters = [s for s in chosen if hashlib.sha1(s.encode()).hexdigest()[:10] not in POLITICAL]
    coded = violent = 0
    for s in disasters:
        types = [e.event_type for e in code_sentence(s, "1987-04-01")]
        coded += bool(types)
        violent += any(t in VIOLENT_TYPES for t in types)
        if types and args.show:
            print(f"{types}  {s[:160]}")
    n = len(disasters)
    print(f"{len(chosen)} hazard-and-harm sentences, {n} disaster reports")
    print(f"  coded with any event      {coded:3d}  ({coded / n:.3f})")
    print(f"  coded ASSAULT/FIGHT/COERCE {violent:3d}  ({violent / n:.3f})")


if __name__ == "__main__":
    main()
