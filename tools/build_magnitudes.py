"""Build tests/data/magnitudes/corpus_magnitudes.jsonl: hand-labelled event magnitudes.

Candidates are sentences of ``shared/corpus`` (the BBC articles, then the Reuters-21578
BODY texts, in path order) that name a casualty, protest, arrest or force word and a
number word (:func:`candidates`, printed by ``--candidates``). The developer read the
candidates (a helper session of 2026-11-29, issue 12) and labelled the ones below *before*
any of them was run through the coder; the labels are what the coder should give for the
event the sentence reports, in the coder's own fields (see
tests/data/magnitudes/README.md for the rules). The committed file holds byte offsets into
the corpus file, the SHA-1 of those bytes and the labels, none of the publishers' text:
``newsfuse eval magnitudes tests/data/magnitudes/corpus_magnitudes.jsonl --texts
../shared/corpus`` joins the two.

Each judgement, keyed by ``file:start byte``, is ``(event, trigger, dead, injured, size,
not)``: the PLOVER type and trigger word of the event the counts belong to, its dead,
injured and size (a count, the words of a vague amount, or None for "not given"), and
numbers of the sentence that are no one's count and must not appear as any event's
magnitude. An event of None marks a sentence where only ``not`` is judged.

    python tools/build_magnitudes.py ../shared/corpus
    python tools/build_magnitudes.py ../shared/corpus --candidates
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent
    / "tests"
    / "data"
    / "magnitudes"
    / "corpus_magnitudes.jsonl"
)

NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|dozen|dozens|scores|several|million|"
    r"millions|tens)"
)
TOPIC = re.compile(
    r"\b(kill|killed|killing|dead|died|deaths?|death toll|wounded|wounding|injured|injuring|"
    r"injuries|casualties|lives|protesters|demonstrators|marchers|rally|rallied|marched|strikers|"
    r"protest|protested|arrested|detained|troops|soldiers|gunmen|rioters|refugees|hostages)\b",
    re.I,
)
NUMBER_WORD = re.compile(r"\b" + NUMBER + r"\b", re.I)
SENTENCE_END = re.compile(rb"(?<=[.!?])[\"']?\s+(?=[\"'A-Z])")

Judgement = tuple  # (event, trigger, dead, injured, size, not)
JUDGED: dict[str, Judgement] = {
    "bbc/business/187.txt:404": ("ASSAULT", "killed", 3000, None, None, []),
    "bbc/business/224.txt:658": ("PROTEST", "protested", None, None, 300, []),
    "bbc/business/272.txt:2036": ("PROTEST", "protest", None, None, "thousands", []),
    "bbc/business/311.txt:781": ("ASSAULT", "killed", 191, 2000, None, []),
    "bbc/business/330.txt:1131": ("PROTEST", "took", "dozens", None, None, []),
    "bbc/business/338.txt:35": ("COERCE", "detained", None, None, 3, []),
    "bbc/business/338.txt:502": ("COERCE", "detained", None, None, 3, []),
    "bbc/entertainment/054.txt:168": ("ASSAULT", "killed", 250, 1000, None, []),
    "bbc/entertainment/057.txt:677": (None, None, None, None, None, [18]),
    "bbc/entertainment/090.txt:234": (None, None, None, None, None, [21, 1943]),
    "bbc/entertainment/110.txt:354": (None, None, None, None, None, [10, 2004]),
    "bbc/entertainment/110.txt:670": (None, None, None, None, None, [18]),
    "bbc/entertainment/110.txt:926": (None, None, None, None, None, [39, 1996]),
    "bbc/entertainment/114.txt:381": (None, None, None, None, None, [25]),
    "bbc/entertainment/149.txt:442": (None, None, None, None, None, [64]),
    "bbc/entertainment/154.txt:150": ("COERCE", "arrested", None, None, 5, [2002]),
    "bbc/entertainment/169.txt:513": (None, None, None, None, None, [44]),
    "bbc/entertainment/192.txt:181": ("PROTEST", "demonstrated", None, None, None, [47000]),
    "bbc/entertainment/225.txt:1268": ("COERCE", "arrested", None, None, 15, [300]),
    "bbc/entertainment/237.txt:291": (None, None, None, None, None, [18, 17]),
    "bbc/entertainment/237.txt:945": (None, None, None, None, None, [25, 22]),
    "bbc/entertainment/279.txt:1471": (None, None, None, None, None, [16, 2003]),
    "bbc/politics/034.txt:1588": (None, None, None, None, None, [16, 1999]),
    "bbc/politics/058.txt:186": (None, None, None, None, None, [15]),
    "bbc/politics/066.txt:30": ("COERCE", "charged", None, None, 8, []),
    "bbc/politics/066.txt:1490": (None, None, None, None, None, [34, 7]),
    "bbc/politics/066.txt:1947": ("PROTEST", "protest", None, None, None, [15]),
    "bbc/politics/074.txt:288": (None, None, None, None, None, [45]),
    "bbc/politics/074.txt:625": ("COERCE", "arrested", None, None, 10, []),
    "bbc/politics/074.txt:902": ("COERCE", "arrested", None, None, 2, []),
    "bbc/politics/074.txt:1012": (None, None, None, None, None, [24]),
    "bbc/politics/115.txt:142": (None, None, None, None, None, [65, 80, 50]),
    "bbc/politics/119.txt:1680": ("PROTEST", "disturbances", None, 400, None, [3]),
    "bbc/politics/129.txt:34": ("MOBILIZE", "standby", None, None, None, ["several hundred"]),
    "bbc/politics/129.txt:286": ("ASSAULT", "killed", 9, None, None, []),
    "bbc/politics/129.txt:935": ("FIGHT", "killing", 9, None, None, [18]),
    "bbc/politics/131.txt:579": ("COERCE", "detained", None, None, None, [3]),
    "bbc/politics/137.txt:632": ("COERCE", "arrested", None, None, 4, []),
    "bbc/politics/140.txt:246": ("ASSAULT", "killed", 800000, None, None, []),
    "bbc/politics/152.txt:291": (None, None, None, None, None, [270, 91, 4]),
    "bbc/politics/183.txt:1775": (None, None, None, None, None, [1994]),
    "bbc/politics/185.txt:1366": ("PROTEST", "march", None, None, 1000, []),
    "bbc/politics/199.txt:529": (None, None, None, None, None, [14]),
    "bbc/politics/209.txt:415": ("ASSAULT", "killed", 5, None, None, []),
    "bbc/politics/210.txt:32": ("PROTEST", "strike", None, None, "thousands", []),
    "bbc/politics/229.txt:419": (None, None, None, None, None, [5]),
    "bbc/politics/229.txt:670": ("COERCE", "arrested", None, None, 9, [28, 2003]),
    "bbc/politics/294.txt:33": (None, None, None, None, None, [290000, 65]),
    "bbc/politics/386.txt:333": (None, None, None, None, None, [1989]),
    "bbc/sport/147.txt:502": ("COERCE", "arrested", None, None, 3, []),
    "bbc/sport/245.txt:1698": ("ASSAULT", "injured", None, 17, None, []),
    "bbc/tech/035.txt:1404": ("COERCE", "arrested", None, None, 20, []),
    "bbc/tech/120.txt:32": ("COERCE", "arrested", None, None, 28, []),
    "bbc/tech/280.txt:1218": (None, None, None, None, None, [50, 2]),
    "bbc/tech/281.txt:4210": ("COERCE", "arrested", None, None, 8, [29]),
    "bbc/tech/354.txt:1076": ("COERCE", "arrested", None, None, 60, [45]),
    "reuters21578/0.sgm:330206": ("FIGHT", "killed", None, None, None, [4, 1500, 45]),
    "reuters21578/0.sgm:331348": (None, None, None, None, None, [6]),
    "reuters21578/0.sgm:438247": ("PROTEST", "rally", None, None, 15000, [200000]),
    "reuters21578/0.sgm:828756": ("PROTEST", "march", None, None, "thousands", []),
    "reuters21578/0.sgm:829023": ("PROTEST", "protest", None, None, None, [20]),
    "reuters21578/0.sgm:1117297": ("PROTEST", "marched", None, None, 10000, []),
    "reuters21578/1.sgm:85537": ("FIGHT", "killed", 3, 7, None, []),
    "reuters21578/1.sgm:1092015": ("FIGHT", "killed", None, None, None, [2000]),
    "reuters21578/1.sgm:1159967": ("FIGHT", "killed", None, None, None, [604, 200]),
    "reuters21578/2.sgm:37913": ("FIGHT", "killed", None, None, None, [15000]),
    "reuters21578/2.sgm:38265": (None, None, None, None, None, [15000]),
    "reuters21578/2.sgm:38383": ("FIGHT", "killed", None, None, None, [1200, 10]),
    "reuters21578/2.sgm:309575": ("FIGHT", "attacked", 90, 230, None, []),
    "reuters21578/2.sgm:654397": (None, None, None, None, None, [275, 100, 80]),
    "reuters21578/2.sgm:1091346": (None, None, None, None, None, [21]),
    "reuters21578/2.sgm:1149977": ("FIGHT", "torpedoed", 7700, None, None, [30, 1945]),
    "reuters21578/2.sgm:1160026": ("ASSAULT", "wounded", None, 6, None, [4]),
    "reuters21578/3.sgm:182592": ("PROTEST", "marched", None, None, 8000, []),
    "reuters21578/3.sgm:182761": ("PROTEST", "burned", None, None, None, [2, 17]),
    "reuters21578/3.sgm:565858": ("COERCE", "arrested", None, None, 2, []),
    "reuters21578/3.sgm:589553": ("FIGHT", "offensive", None, None, None, [3000]),
    "reuters21578/3.sgm:589708": ("FIGHT", "repulsed", None, None, None, [9]),
    "reuters21578/3.sgm:589883": ("FIGHT", "lost", None, None, None, [3000]),
    "reuters21578/3.sgm:610348": ("FIGHT", "killed", "hundreds", None, None, []),
    "reuters21578/3.sgm:880149": ("ASSAULT", "died", 11, None, None, []),
    "reuters21578/3.sgm:1042767": ("PROTEST", "protest", None, None, None, [19, 800, 4000, 350]),
    "reuters21578/3.sgm:1110164": ("FIGHT", "killed", 220, "many", None, [6]),
    "reuters21578/3.sgm:1130113": ("MOBILIZE", "sent", None, None, "thousands", [9, 6]),
    "reuters21578/3.sgm:1131465": (None, None, None, None, None, [1]),
    "reuters21578/3.sgm:1132292": ("PROTEST", "rallies", None, None, "hundreds of thousands", []),
    "reuters21578/4.sgm:975537": ("PROTEST", "strikes", None, None, None, [4000, 19, 800, 350]),
    "reuters21578/4.sgm:977366": ("PROTEST", "marched", None, None, None, [30]),
    "reuters21578/4.sgm:1029646": ("PROTEST", "protest", None, None, 220, []),
    "reuters21578/4.sgm:1261939": ("MOBILIZE", "went", None, None, None, [55000]),
    "reuters21578/4.sgm:1263479": ("PROTEST", "rallies", None, None, "hundreds of thousands", []),
    "reuters21578/5.sgm:200735": ("PROTEST", "rally", None, None, 5000, [100, 24]),
    "reuters21578/5.sgm:201268": ("MOBILIZE", "ordered", None, None, "thousands", []),
    "reuters21578/5.sgm:273841": ("PROTEST", "riots", 15, None, None, []),
    "reuters21578/5.sgm:708491": ("PROTEST", "sit-in", None, None, 6000, []),
    "reuters21578/5.sgm:905272": ("COERCE", "arrested", None, None, 500, []),
    "reuters21578/5.sgm:1244465": ("ASSAULT", "killing", 7, None, None, []),
    "reuters21578/6.sgm:161638": ("PROTEST", "protest", None, None, "hundreds", []),
    "reuters21578/6.sgm:232383": ("PROTEST", "protest", None, None, None, [18, 2]),
    "reuters21578/6.sgm:408046": ("ASSAULT", "killed", 1, 40, None, []),
    "reuters21578/6.sgm:492580": ("ASSAULT", "bombed", None, 20, None, []),
    "reuters21578/6.sgm:1038063": ("ASSAULT", "killed", 8, 30, None, []),
    "reuters21578/6.sgm:1116971": (
        "PROTEST",
        "protested",
        None,
        None,
        None,
        [500000, 100000, 80, 10],
    ),
    "reuters21578/7.sgm:697474": ("FIGHT", "killed", 18, None, None, []),
    "reuters21578/7.sgm:697577": ("FIGHT", "attacked", None, None, None, [70]),
    "reuters21578/7.sgm:697740": ("FIGHT", "died", 18, None, None, []),
    "reuters21578/7.sgm:697881": ("ASSAULT", "killed", 19, None, None, []),
    "reuters21578/7.sgm:855827": ("PROTEST", "riots", 15, None, None, [3]),
    "reuters21578/7.sgm:1013887": ("FIGHT", "killed", 384, None, None, []),
    "reuters21578/7.sgm:1118383": (None, None, None, None, None, [72]),
    "reuters21578/8.sgm:13974": (None, None, None, None, None, [2300]),
    "reuters21578/8.sgm:92651": ("PROTEST", "demonstrators", None, None, None, [20000]),
    "reuters21578/8.sgm:100255": ("COERCE", "arrested", None, None, 5, [450]),
    "reuters21578/8.sgm:101395": ("COERCE", "arrested", None, None, 5, [47]),
    "reuters21578/8.sgm:215663": ("PROTEST", "boycotted", None, None, None, [47]),
    "reuters21578/8.sgm:302633": ("PROTEST", "protest", None, None, None, [770000]),
    "reuters21578/8.sgm:310128": ("ASSAULT", "died", 4, 40, None, []),
    "reuters21578/8.sgm:598385": ("COERCE", "arrested", None, None, 7, []),
    "reuters21578/8.sgm:598579": ("COERCE", "arrested", None, None, 6, []),
    "reuters21578/8.sgm:598781": ("COERCE", "arrested", None, None, 3, []),
    "reuters21578/8.sgm:950558": ("FIGHT", "killed", 22, None, None, []),
    "reuters21578/8.sgm:950872": ("FIGHT", "bombing", 70, None, None, []),
    "reuters21578/8.sgm:985829": ("ASSAULT", "exploded", None, 30, None, []),
    "reuters21578/9.sgm:227750": ("FIGHT", "killed", 150, None, None, []),
    "reuters21578/9.sgm:273992": ("ASSAULT", "killed", 8, None, None, []),
    "reuters21578/9.sgm:275715": ("FIGHT", "killed", 1269, None, None, [5000]),
    "reuters21578/9.sgm:275891": ("FIGHT", "killed", 29, 58, None, []),
    "reuters21578/9.sgm:296587": ("FIGHT", "killed", 150, None, None, []),
    "reuters21578/9.sgm:296714": (None, None, None, None, None, [85]),
    "reuters21578/9.sgm:296815": ("FIGHT", "killed", 45, None, None, []),
    "reuters21578/9.sgm:463593": ("PROTEST", "protest", None, None, None, [1]),
    "reuters21578/9.sgm:520756": ("PROTEST", "sit-in", None, None, None, [1221]),
    "reuters21578/9.sgm:737909": ("ASSAULT", "wounded", None, 6, None, [3]),
    "reuters21578/9.sgm:738449": ("ASSAULT", "wounded", None, 3, None, []),
    "reuters21578/9.sgm:932630": ("ASSAULT", "injured", None, 14, None, []),
    "reuters21578/9.sgm:932984": ("COERCE", "detained", None, None, 80, [8]),
    "reuters21578/10.sgm:178101": ("PROTEST", "marched", None, None, "thousands", []),
    "reuters21578/10.sgm:468203": (None, None, None, None, None, [32, 330, 10, 82]),
    "reuters21578/10.sgm:675765": ("COERCE", "arrested", None, None, 2, []),
    "reuters21578/10.sgm:1051455": (None, None, None, None, None, [60]),
    "reuters21578/10.sgm:1075771": ("PROTEST", "striking", None, None, None, [4]),
    "reuters21578/10.sgm:1326996": ("COERCE", "arrested", None, None, 2, [28]),
    "reuters21578/11.sgm:543511": ("FIGHT", "died", 40, None, None, []),
    "reuters21578/11.sgm:543662": ("FIGHT", "killed", 42, None, None, [800, 35]),
    "reuters21578/11.sgm:588438": (None, None, None, None, None, [100000, 38000]),
    "reuters21578/11.sgm:1151779": ("RETREAT", "released", None, None, 8, [9]),
    "reuters21578/12.sgm:522195": (None, None, None, None, None, [800000]),
    "reuters21578/12.sgm:535148": ("PROTEST", "protest", None, None, None, [854000]),
    "reuters21578/12.sgm:672865": ("PROTEST", "striking", None, None, "thousands", []),
    "reuters21578/12.sgm:690776": ("ASSAULT", "injured", None, 60, None, []),
    "reuters21578/13.sgm:627003": ("FIGHT", "killed", "thousands", None, None, []),
    "reuters21578/13.sgm:627523": ("FIGHT", "killed", None, None, None, [2600, 8]),
    "reuters21578/13.sgm:856773": ("FIGHT", "killed", 7, None, None, []),
    "reuters21578/13.sgm:857164": (None, None, None, None, None, [2]),
    "reuters21578/14.sgm:406900": ("MOBILIZE", "marched", None, None, "scores", []),
    "reuters21578/14.sgm:407593": ("FIGHT", "killed", 2400, None, None, []),
    "reuters21578/14.sgm:1085413": ("PROTEST", "strikes", None, None, None, [2, 19, 350, 4000]),
    "reuters21578/15.sgm:30983": ("PROTEST", "riots", 15, None, None, [120]),
    "reuters21578/15.sgm:160788": (None, None, None, None, None, [1500]),
    "reuters21578/15.sgm:160916": ("FIGHT", "killed", None, None, None, [2600]),
    "reuters21578/15.sgm:209413": (None, None, None, None, None, [26, 1981]),
    "reuters21578/15.sgm:265644": ("FIGHT", "killed", None, None, None, [4000]),
    "reuters21578/15.sgm:537015": ("ASSAULT", "killed", 3, 2, None, []),
    "reuters21578/15.sgm:825921": ("FIGHT", "repelled", None, None, None, ["thousands"]),
    "reuters21578/16.sgm:678395": ("PROTEST", "strike", None, None, 340, []),
    "reuters21578/16.sgm:966003": ("PROTEST", "marched", None, None, 2000, []),
    "reuters21578/16.sgm:1038083": ("ASSAULT", "killed", 1, "several", None, [120]),
    "reuters21578/16.sgm:1038545": ("COERCE", "arrested", None, None, 7, []),
    "reuters21578/16.sgm:1077148": ("COERCE", "arrested", None, None, 19, [8]),
    "reuters21578/16.sgm:1077773": ("COERCE", "arrested", None, None, 114, []),
    "reuters21578/16.sgm:1252458": ("ASSAULT", "killed", 1, 70, None, []),
    "reuters21578/16.sgm:1252845": ("ASSAULT", "wounded", None, 70, None, []),
    "reuters21578/17.sgm:56790": (None, None, None, None, None, [1987]),
    "reuters21578/17.sgm:455563": (None, None, None, None, None, [3]),
    "reuters21578/17.sgm:788807": ("COERCE", "arrested", None, None, 2, []),
    "reuters21578/17.sgm:858738": ("PROTEST", "protest", None, None, 400000, []),
    "reuters21578/17.sgm:887145": ("PROTEST", "killed", 15, None, None, []),
    "reuters21578/17.sgm:1171966": ("FIGHT", "killed", 37, None, None, [17]),
    "reuters21578/17.sgm:1248710": ("PROTEST", "strike", None, None, "thousands", [1]),
    "reuters21578/17.sgm:1418842": ("COERCE", "detained", None, None, None, [7]),
    "reuters21578/18.sgm:320659": ("FIGHT", "killed", 37, None, None, [17, 11]),
    "reuters21578/18.sgm:397892": ("FIGHT", "killed", 2, None, None, []),
    "reuters21578/18.sgm:869337": (None, None, None, None, None, [15]),
    "reuters21578/19.sgm:32705": ("PROTEST", "took", None, None, "thousands", []),
    "reuters21578/19.sgm:56226": ("ASSAULT", "killed", 52, None, None, []),
    "reuters21578/19.sgm:56321": ("ASSAULT", "killed", 22, None, None, []),
    "reuters21578/19.sgm:166177": ("PROTEST", "took", None, None, "tens of thousands", []),
    "reuters21578/19.sgm:173891": ("PROTEST", "strike", None, None, None, [9]),
    "reuters21578/19.sgm:178378": ("COERCE", "arrested", None, None, 20, []),
    "reuters21578/19.sgm:594276": ("COERCE", "detained", None, None, None, [15, 4]),
    "reuters21578/19.sgm:705627": ("COERCE", "arrested", None, None, 2, []),
    "reuters21578/20.sgm:678492": (None, None, None, None, None, [23.5]),
    "reuters21578/21.sgm:229389": ("PROTEST", "marched", None, None, 10000, []),
    "reuters21578/21.sgm:507766": ("ASSAULT", "killed", 1, 2, None, []),
    "reuters21578/21.sgm:508503": ("ASSAULT", "killed", 1, 2, None, []),
}


def _regions(path: Path, data: bytes) -> Iterator[tuple[int, int]]:
    """Byte spans of running text: each line of a BBC file, each BODY of a Reuters file."""
    if path.suffix == ".sgm":
        for m in re.finditer(rb"<BODY>(.*?)</BODY>", data, re.S):
            yield m.start(1), m.end(1)
    else:
        for m in re.finditer(rb"[^\n]+", data):
            yield m.start(), m.end()


def _sentences(data: bytes, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Byte spans of the sentences of ``data[start:end]`` (a plain split after . ! ?)."""
    chunk = data[start:end]
    position = 0
    for m in SENTENCE_END.finditer(chunk):
        quote = 1 if chunk[m.start() : m.start() + 1] in (b'"', b"'") else 0
        yield start + position, start + m.start() + quote
        position = m.end()
    yield start + position, end


def candidates(corpus: Path) -> Iterator[dict[str, object]]:
    """Sentences of 20 to 400 characters with a topic word and a number word, in corpus order."""
    files = sorted((corpus / "bbc").rglob("*.txt")) + sorted(
        (corpus / "reuters21578").glob("*.sgm"), key=lambda p: int(p.stem)
    )
    for path in files:
        data = path.read_bytes()
        for a, b in _regions(path, data):
            for s, e in _sentences(data, a, b):
                text = " ".join(data[s:e].decode("utf-8", "replace").split())
                if 20 <= len(text) <= 400 and TOPIC.search(text) and NUMBER_WORD.search(text):
                    yield {
                        "file": str(path.relative_to(corpus)),
                        "start": s,
                        "end": e,
                        "text": text,
                    }


def main(corpus: Path, list_candidates: bool = False) -> None:
    found = list(candidates(corpus))
    if list_candidates:
        for row in found:
            print(f"{row['file']}:{row['start']}\t{row['text']}")
        return
    by_key = {f"{row['file']}:{row['start']}": row for row in found}
    missing = sorted(set(JUDGED) - set(by_key))
    if missing:
        sys.exit(f"judged sentences not among the candidates (corpus changed?): {missing[:5]}")
    records = []
    for key in sorted(JUDGED, key=lambda k: found.index(by_key[k])):
        records.append(labelled_record(corpus, key, by_key[key], JUDGED[key]))
    with open(OUT, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    labelled = sum(1 for r in records if r["event"])
    print(f"{OUT}: {len(records)} sentences ({labelled} with an event)")


def labelled_record(corpus: Path, key: str, row: dict, judged: tuple) -> dict:
    """One line of a magnitude set: where the sentence is, its text's SHA-1 (the text
    itself stays in ../shared) and the labels judged for it."""
    event, trigger, dead, injured, size, not_counts = judged
    data = (corpus / str(row["file"])).read_bytes()[int(row["start"]) : int(row["end"])]
    return {
        "id": key,
        "file": row["file"],
        "start": row["start"],
        "end": row["end"],
        "text_sha1": hashlib.sha1(data).hexdigest(),
        "event": event,
        "trigger": trigger,
        "dead": dead,
        "injured": injured,
        "size": size,
        "not": not_counts,
    }


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), "--candidates" in sys.argv[2:])
