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

US, UK, DC, NYC = "id:6252001", "id:2635167", "id:4140963", "id:5128581"
LON, PAR, ZUR, OTT = "id:2643743", "id:2988507", "id:2657896", "id:6094817"
DE, FR, JP, CA = "id:2921044", "id:3017382", "id:1861060", "id:6251999"
CH, BR, HK, SJ = "id:2658434", "id:3469034", "id:1819730", "id:5392171"
CAL, NYS, TOR = "id:5332921", "id:5128638", "id:6167865"
WEST_GERMANY = DE
"""West Germany (1949-1990) has no place of its own in the gazetteer: Germany's."""
NORTH_SEA = "pt:56.00,3.00,SEA"
MEDITERRANEAN = "pt:35.00,18.00,SEA"
MIDWEST = "pt:41.90,-91.00,RGN"
"""Places the gazetteer lacks, at points read from the map (the US Midwest at the middle
of its twelve states)."""
JUDGED: dict[int, list[Judgement]] = {
    # tune half (even positions), check half (odd positions)
    0: [("SALVADOR", "id:3450554"), ("Bahia superior", "N"), ("Bahia", "id:3471168"), ("New York", NYC),
        ("New\nYork", NYC),
        ("U.S.", US), ("Uruguay", "id:3439705"), ("Argentina", "id:3865483"), ("Brazilian", BR)],
    1: [("WASHINGTON", DC), ("Texas", "id:4736286"),
        ("Dulles Airport", "Washington Dulles International Airport"), ("Washington", DC),
        ("Albany", "id:5106834"), ("N.Y.", NYS), ("Birmingham", "id:4049979"), ("Huntsville", "id:4068590"),
        ("Alabama", "id:4829764"), ("Columbus", "id:4509177"), ("Ohio", "id:5165418"),
        ("Daytona Beach", "id:4152872"), ("Melbourne", "id:4163971"), ("Sarasota", "id:4172131"),
        ("Florida", "id:4155751"), ("Indianapolis", "id:4259418"), ("New York", NYC),
        ("Kennedy Airport", "John F Kennedy International Airport"), ("Philadelphia", "id:4560349"),
        ("Portland", "id:4975802"), ("Me.", "id:4971068"), ("Savannah", "id:4221552"), ("Ga.", "id:4197000")],
    2: [("ZURICH", ZUR), ("Swiss", CH), ("Japan", JP)],
    3: [("NEW YORK", NYC), ("Boston", "id:4930956")],
    4: [("WASHINGTON", DC), ("U.S.", US)],
    5: [("NEW YORK", NYC), ("U.S.", US)],
    6: [("GENEVA", "id:2660646"), ("Thailand", "id:1605651"), ("Malaysian", "id:1733045")],
    7: [("BUDAPEST", "id:3054643"), ("Hungary", "id:719819"), ("West", "N"), ("Western", "N"),
        ("Japanese", JP)],
    8: [("LONDON", LON), ("Japan", JP), ("Japanese", JP), ("Tokyo", "id:1850147"), ("England", "id:6269131"),
        ("U.S.", US), ("U.K.", UK), ("British", UK), ("American", US), ("Basle", "id:2661604")],
    9: [("LONDON", LON)],
    10: [("BRUSSELS", "id:2800866"), ("U.S.", US), ("Japan", JP), ("European Community", "N"), ("EC", "N"),
         ("European Currency Units", "N"), ("Britain", UK), ("United States", US), ("Senegal", "id:2245662"),
         ("Malaysia", "id:1733045"), ("Indonesia", "id:1643084"), ("Brazil", BR), ("Argentina", "id:3865483"),
         ("Canada", CA), ("Iceland", "id:2629691"), ("Norway", "id:3144096"), ("West Germany", WEST_GERMANY),
         ("Denmark", "id:2623032"), ("Netherlands", "id:2750405"), ("Portugal", "id:2264397"),
         ("Mediterranean", MEDITERRANEAN), ("Italy", "id:3175395"), ("France", FR), ("Greece", "id:390903"),
         ("Washington", DC)],
    11: [("WASHINGTON", DC), ("Florida", "id:4155751")],
    12: [("LONDON", LON), ("U.K.", UK), ("North Sea", NORTH_SEA)],
    13: [("WASHINGTON", DC), ("U.S.", US)],
    14: [("New York", NYC)],
    15: [("ATLANTA", "id:4180439"), ("Lombard", "id:4900373"), ("Illinois", "id:4896861")],
    16: [("WASHINGTON", DC), ("U.S.", US), ("Minn.", "id:5037779"), ("Iowa", "id:4862182"),
         ("Midwestern", MIDWEST)],
    17: [("CHANTILLY", "id:4751935"), ("Va.", "id:6254928"), ("Delaware", "id:4142224"),
         ("Maryland", "id:4361885"), ("Farmingdale", "id:5116931"), ("N.Y.", NYS)],
    18: [("MIAMI", "id:4164138"), ("American", US)],
    19: [("PARIS", PAR), ("France", FR), ("Paris", PAR), ("Canada", CA), ("Japan", JP), ("French", FR),
         ("Japanese", JP), ("West German", WEST_GERMANY), ("U.S.", US), ("Germany", DE), ("Britain", UK),
         ("British", UK), ("Washington", DC)],
    20: [("OTTAWA", OTT), ("Canadian", CA), ("Canada", CA)],
    21: [("RIO DE JANEIRO", "id:3451190"), ("Brazilian", BR), ("Brazil", BR), ("London", LON)],
    22: [("WASHINGTON", DC), ("United States", US), ("Asian", "id:6255147")],
    23: [("LONDON", LON), ("Hongkong", HK), ("Bermuda", "id:3573345"), ("London", LON),
         ("Daily Telegraph", "N"), ("Hong Kong", HK), ("British", UK), ("China", "id:1814991")],
    24: [("TOKYO", "id:1850147"), ("Japan", JP)],
    25: [("MONTEREY PARK", "id:5374406"), ("Calif.", CAL)],
    26: [("BRUNSWICK", "id:2945024"), ("West Germany", WEST_GERMANY), ("Frankfurt", "id:2925533")],
    27: [("PARIS", PAR), ("French", FR)],
    28: [("SAN FRANCISCO", "id:5391959"), ("California", CAL), ("New York", NYC),
         ("San Francisco", "id:5391959"), ("San Jose", SJ)],
    29: [("LONDON", LON), ("U.K.", UK), ("North America", "id:6255149")],
    30: [("CHICAGO", "id:4887398"), ("Journal of the\nAmerican Medical Association", "N"),
         ("Case\nWestern Reserve University", "N"), ("Cleveland", "id:5150529")],
    31: [("WASHINGTON", DC), ("U.S.", US), ("European Community", "N"), ("EC", "N"), ("American", US)],
    32: [("TORONTO", TOR), ("Hudson's Bay", "N"), ("Canadian", CA)],
    33: [("LONDON", LON), ("Britain", UK), ("The Times of London", "N"), ("The Times", "N")],
    34: [("ZURICH", ZUR), ("Norway", "id:3144096"), ("Christiania Bank", "N"), ("Swiss", CH)],
    35: [("LONDON", LON), ("British", UK)],
    36: [("OTTAWA", OTT), ("Canada", CA), ("United States", US), ("U.S.", US), ("Canadian", CA)],
    37: [("NEW YORK", NYC), ("West Germany", WEST_GERMANY), ("Augsburg", "id:2954172")],
    38: [("SAN JOSE", SJ), ("Calif.", CAL)],
    39: [("TORONTO", TOR), ("Manitoba", "id:6065171")],
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
