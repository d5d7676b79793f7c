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

import sys
from pathlib import Path

from build_gvc_places import Judgement, gold_line

EVERY = 56
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "places" / "bbc_places.jsonl"

US, UK, GB, EUR = "id:6252001", "id:2635167", "id:6269131", "id:6255148"
WAL, SCO, LON, DE = "id:2634895", "id:2638360", "id:2643743", "id:2921044"
AU, FR, RU, JP = "id:2077456", "id:3017382", "id:2017370", "id:1861060"
IN, MY, CN, LA = "id:1269750", "id:1733045", "id:1814991", "id:5368361"
PAR, AFR = "id:2988507", "id:6255146"
JUDGED: dict[int, list[Judgement]] = {
    # tune half (even positions), check half (odd positions)
    0: [("US", US), ("German", DE), ("Europe", EUR)],
    1: [("UK", UK), ("England", GB), ("North Wales", "pt:53.10,-3.70,RGN")],
    2: [("Brussels", "id:2800866"), ("European Commission", "N"), ("European Union", "N"),
        ("German", DE), ("UK", UK), ("Germany", DE), ("European", EUR), ("Britain", UK),
        ("Europe", EUR)],
    3: [("India", IN), ("London", LON), ("Indian", IN)],
    4: [("High Street", "N"), ("UK", UK), ("British", UK)],
    5: [],
    6: [("Australian", AU), ("New South Wales", "id:2155400"), ("US", US), ("Australia", AU),
        ("Netherlands", "id:2750405")],
    7: [("Malaysian", MY), ("London", LON), ("Malaysia", MY), ("Welsh", WAL), ("Kent", "id:3333158"),
        ("Mid Wales", "pt:52.40,-3.50,RGN"), ("UK", UK)],
    8: [("US", US), ("Wall Street Journal", "N"), ("California", "id:5332921"),
        ("Rosemead", "id:5388867"), ("British Medical Journal", "N")],
    9: [("China", CN), ("US", US), ("Japan", JP), ("Hong Kong", "id:1819730"), ("Japanese", JP)],
    10: [("US", US), ("Los Angeles", LA), ("Hollywood", "id:5357527")],
    11: [("Welsh", WAL), ("Hammersmith Odeon", "N"), ("London", LON)],
    12: [("Los Angeles", LA)],
    13: [("US", US), ("Los Angeles", LA), ("New York", "id:5128581"), ("Times Square", "N"),
         ("American Bandstand", "N"), ("American Music Awards", "N"), ("American Dreams", "N")],
    14: [("West End", "PPLX:" + LON), ("UK", UK), ("Broadway", "N"), ("London", LON), ("British", UK),
         ("Hilton", "N"), ("Theatre Royal", "N"), ("Drury Lane", "N"), ("Sadler's Wells", "N"),
         ("San Francisco", "id:5391959"), ("Lady Macbeth of Mtsensk", "N"), ("Royal Opera House", "N"),
         ("Donmar Warehouse", "N"), ("Trafalgar Studios", "N"), ("The Old Vic", "N"), ("Royal Court", "N")],
    15: [("Russian", RU), ("Venice", "id:3164603"), ("London", LON), ("French", FR),
         ("Belleville Rendezvous", "N")],
    16: [("British", UK)],
    17: [("England", GB), ("Great Ormond Street Hospital", "N"), ("Oxford University", "N"),
         ("Guy's Hospital Medical School", "N"), ("University of London", "N"), ("Oriel College", "N"),
         ("Oxford", "id:2640729"), ("Switzerland", "id:2658434"), ("Scotland", SCO), ("Wales", WAL),
         ("Northern Ireland", "id:2641364")],
    18: [("Ealing North", "pt:51.54,-0.35,ADMD"), ("London", LON), ("King Cross", "N"), ("Euston Road", "N"),
         ("Essex", "id:2649889")],
    19: [("Devon", "id:2651292"), ("North Devon", "pt:51.08,-4.06,ADM3")],
    20: [("Britain", UK), ("Africa", AFR), ("Tanzania", "id:149590"), ("Mozambique", "id:1036973"),
         ("Kenya", "id:192950"), ("Iraq", "id:99237")],
    21: [("UK", UK), ("European Union", "N"), ("European", "N"), ("East Midlands", "pt:52.95,-0.95,RGN"),
         ("Hinckley", "id:2646867"), ("Leicestershire", "id:2644667"), ("Brussels", "id:2800866"),
         ("Europe", EUR), ("Britain", UK)],
    22: [("EU", "N")],
    23: [("Westminster", "id:2634341"), ("Palace of Westminster", "N"), ("England", GB),
         ("Victoria Tower", "N"), ("British", UK), ("Norfolk", "id:2641455"), ("UK", UK), ("London", LON)],
    24: [("Norwich", "id:2641181"), ("Birmingham", "id:2655603"), ("National Indoor Arena", "N"),
         ("Ethiopian", "id:337996"), ("Britain", UK), ("Swedish", "id:2661886")],
    25: [("Sydney", "id:2147714"), ("US", US), ("San Francisco", "id:5391959"), ("America", US),
         ("American", US), ("USA", US), ("Athens", "id:264371")],
    26: [("Newcastle", "N"), ("Heerenveen", "N")],
    27: [("Argentine", "id:3865483")],
    28: [("Everton", "N"), ("European", EUR), ("Liverpool", "N")],
    29: [("Wales", "N"), ("Rome", "id:3169070"), ("Italy", "N"), ("England", "N"), ("Italian", "N"),
         ("Welsh", "N"), ("Paris", PAR), ("Australia", AU)],
    30: [("England", "N"), ("Twickenham", "N"), ("Australia", "N"), ("London", LON), ("France", "N"),
         ("New Zealand", "N"), ("Sydney", "id:2147714"), ("Europe", EUR), ("Ireland", "N"), ("Wales", "N"),
         ("Italy", "N"), ("Scotland", "N", [1675]), ("Scotland", SCO, [4073]), ("Lansdowne Road", "N"),
         ("Argentina", "N"), ("Cardiff", "id:2653822"), ("South Africa", "N"), ("French", "N"),
         ("Paris", PAR), ("Scots", "N")],
    31: [("San Jose", "id:5392171"), ("American", US), ("Germany", DE), ("Austrian", "id:2782113")],
    32: [("Australian", AU), ("American", US), ("Russian", RU), ("Wimbledon", "N"),
         ("Croatian", "id:3202326"), ("Cypriot", "id:146669"), ("French", FR)],
    33: [("US", US), ("Europe", EUR), ("Japan", JP), ("America", US)],
    34: [("US", US)],
    35: [("UK", UK)],
    36: [("Las Vegas", "id:5506956"), ("US", US), ("Europe", EUR), ("Japan", JP)],
    37: [("Australian", AU), ("African", AFR), ("Namibia", "id:3355338"), ("US", US)],
    38: [("Finnish", "id:660013"), ("UK", UK)],
    39: [("UK", UK), ("Europe", EUR), ("Scandinavian", "pt:62.00,14.00,RGN"), ("European", EUR),
         ("Greece", "id:390903"), ("Sweden", "id:2661886"), ("Denmark", "id:2623032"),
         ("Norway", "id:3144096"), ("France", FR)],
}  # fmt: skip


def picked(root: Path) -> list[str]:
    """The ids (paths under ``root``) of the chosen articles, in their order."""
    files = sorted(p.relative_to(root).as_posix() for p in (root / "bbc").glob("*/*.txt"))
    return files[::EVERY]


def main(source: str) -> None:
    root = Path(source)
    with OUT.open("w", encoding="utf-8") as out:
        for position, name in enumerate(picked(root)):
            text = (root / name).read_bytes().decode("utf-8")
            out.write(gold_line(name, text, JUDGED[position]))
    print(f"{len(picked(root))} articles -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
