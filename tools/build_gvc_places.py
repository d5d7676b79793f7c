"""Build tests/data/places/gvc_places.jsonl: hand judgements of toponyms in GVC articles.

The articles are every 17th line of ``shared/eval/stories/gvc.jsonl`` (0-based lines 0,
17, 34, ..., 493: 30 articles), then a second draw of every 17th line from line 8 (8, 25,
..., 501: 30 more); kept in that order, so that the place scorer's fixed split (even
positions tune, odd check) makes the tune and check halves. The judgements below
were made by reading each article (see tests/data/places/README.md for the rules); this
script only turns them into character offsets, so that the committed file holds offsets,
names and GeoNames facts but none of the publishers' text.

Each judgement is ``(surface, target)`` or ``(surface, target, starts)``: every
case-sensitive whole-word occurrence of ``surface`` (longer surfaces first, no overlap),
or only those starting near ``starts``. ``target``: ``id:N`` a GeoNames place of our
gazetteer; ``PPLX:id:N`` a neighbourhood, at the point of place N, with no id of its own;
``pt:LAT,LON,CODE`` a place the gazetteer lacks; ``N`` neutral (a street, building, park,
school or hospital name: counts neither way); a name of the gazetteer (an airport).

    python tools/build_gvc_places.py ../shared/eval/stories/gvc.jsonl
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from newsfuse.geo.geonames import gazetteer

EVERY = 17
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "places" / "gvc_places.jsonl"

CHI, IND, CIN, NYC = "id:4887398", "id:4259418", "id:4508722", "id:5128581"
DET, TOP, PIT, TOL = "id:4990729", "id:4280539", "id:5206379", "id:5174035"
HOU, KY, MC, TX = "id:4699066", "id:6254925", "id:4300606", "id:4736286"
Judgement = tuple  # (surface, target) or (surface, target, starts)
JUDGED: dict[int, list[Judgement]] = {
    # tune half (even positions)
    0: [("Chicago", CHI), ("Humboldt Park", "PPLX:" + CHI), ("West Side", "N"), ("South Side", "N"),
        ("North Harding Avenue", "N"), ("Cook County Hospital", "N")],
    2: [("INDIANAPOLIS", IND), ("Indianapolis", IND), ("Little Leaf Place Circle", "N"),
        ("Little Leaf Place", "N"), ("Hickory Knoll", "N"), ("Eskenazi", "N"),
        ("Marion County", "id:4260977")],
    4: [("Woodville", "id:4743079"), ("Tyler County Sheriff", "N"), ("Tyler County Hospital", "N"),
        ("Tyler County", "id:4738216"), ("Ivanhoe", "pt:30.77,-94.42,PPL"),
        ("Forensic Medical Center", "N"), ("Beaumont", "id:4672989")],
    6: [("HERMITAGE", "id:4628929"), ("TN", "id:4662168"), ("Briley Parkway", "N"),
        ("Glastonbury Apartments", "N"), ("Nashville International Airport", "Nashville International Airport")],
    8: [("Columbus", "id:4509177"), ("East Markison Avenue", "N"), ("Grant Medical Center", "N")],
    10: [("Cincinnati", CIN), ("Madisonville", "PPLX:" + CIN), ("Mathis", "N", [62]), ("Prentice", "N", [73]),
         ("Elks Home Lodge", "N"), ("Elks Lodge", "N"), ("Prentice Street", "N"),
         ("University of Cincinnati Medical Center", "N")],
    12: [("ST. LOUIS", "id:4407066"), ("Mo.", "id:4398678"), ("St. Louis County", "id:4407074"),
         ("Utica", "N"), ("Hanley Hills", "id:4389411")],
    14: [("CHANNELVIEW", "id:4680388"), ("Channelview", "id:4680388"), ("Texas", TX),
         ("Market Street", "N"), ("Harris County", "id:4696376")],
    16: [("Philadelphia", "id:4560349"), ("Mayfield Street", "N"), ("B Street", "N"),
         ("Kensington", "PPLX:id:4560349")],
    18: [("TOPEKA", TOP), ("Topeka", TOP), ("SE Golf Park Boulevard", "N"), ("SE Fremont Street", "N"),
         ("SE Fremont", "N"), ("Stormont-Vail", "N")],
    20: [("Ridge St.", "N"), ("LOWER EAST SIDE", "PPLX:" + NYC), ("Bellevue Hospital", "N")],
    22: [("New York", "id:5128638"), ("Newburgh", "id:5128654"), ("Valley View Mobil Home", "N"),
         ("5th Avenue", "N"), ("Wallkill", "id:5143116"), ("Valley View Mobile Home Park", "N")],
    24: [("INDIANAPOLIS", IND), ("Indianapolis", IND), ("Marion County", "id:4260977"), ("Wallace", "N"),
         ("33rd Street", "N")],
    26: [("METCALFE COUNTY", MC), ("Metcalfe County", MC), ("Ky", KY), ("Kentucky", KY)],
    28: [("Detroit Free Press", "N"), ("Detroit", DET), ("Tennessee Street", "N")],
    # check half (odd positions)
    1: [("Allentown", "PPLX:" + PIT), ("Arlington Avenue", "N")],
    3: [("SALEM", "id:4950065"), ("Mass.", "id:6254926"), ("Beverly", "id:4930505"), ("Miami", "id:4164138"),
        ("Florida", "id:4155751"), ("Ropes Street", "N")],
    5: [("Stockton", "id:5399020"), ("STOCKTON", "id:5399020"), ("UC Davis Children’s Hospital", "N"),
        ("Ledgewood Avenue", "N"), ("UC DAVIS METAL CENTER", "N"), ("SAN JOAQUIN TRAUMA CENTER", "N")],
    7: [("TAMPA", "id:4174757"), ("FL", "id:4155751"), ("Tampa", "id:4174757"),
        ("Clipper Bay Apartments", "N"), ("S. Lois Ave.", "N")],
    9: [("Gary", "id:4920607"), ("Indiana", "id:4921868"), ("Lake County", "id:4922493"),
        ("West 39th Avenue", "N")],
    11: [("Toledo", TOL), ("Old West End", "PPLX:" + TOL), ("Scottwood", "N"), ("Hollywood Avenue", "N"),
         ("Vance St.", "N"), ("South Byrne Road", "N")],
    13: [("Shady Tree Lane", "N"), ("Harris County", "id:4696376"), ("Texas Medical", "N"),
         ("Brazoria County", "id:4676137"), ("East Texas 6", "N"), ("Alvin", "id:4670592")],
    15: [("TULSA", "id:4553433"), ("Okla.", "id:4544379"), ("Tulsa County", "id:4553440"),
         ("Tulsa", "id:4553433")],
    17: [("Wisconsin Rapids", "id:5279436"), ("WISCONSIN RAPIDS", "id:5279436"), ("Wis.", "id:5279468")],
    19: [("WOODBURN", "id:5761708"), ("Ore.", "id:5744337"), ("Woodburn", "id:5761708"),
         ("Killiam Road NE", "N"), ("Oregon", "id:5744337"), ("I-84", "N"), ("Portland", "id:5746545"),
         ("Marion County", "id:5739051"), ("Marion Cty", "id:5739051")],
    21: [("Edmonton", "id:4290886"), ("Ky.", KY), ("Cedar Flat Rd.", "N"), ("Metcalfe County", MC),
         ("Kentucky", KY)],
    23: [("Uniontown", "id:4561859"), ("Fayette County Jail", "N"), ("Fayette County", "id:5189414"),
         ("Fayette EMS", "N"), ("Pershing Court", "N"), ("Pittsburgh", PIT),
         ("Ruby Memorial Medical Center", "N"), ("Morgantown", "id:4815352"), ("W.Va.", "id:4826850"),
         ("State Correctional Institution at Somerset", "N")],
    25: [("Flamingo", "N"), ("Durango", "N"), ("Clifford Lawrence Middle School", "N"),
         ("Clark County", "id:5501879")],
    27: [("Old West End", "PPLX:" + TOL), ("Scottwood", "N"), ("Toledo Hospital", "N"), ("Toledo", TOL)],
    29: [("Houston", HOU), ("Texas", TX), ("Elvera", "N"), ("Broadway", "N"), ("Lawndale", "N"),
         ("Fennell", "N"), ("Mexico", "id:3996063")],
}  # fmt: skip

SECOND = 8
"""The second draw: every 17th line from line 8 (8, 25, ..., 501), positions 30-59."""
STL, CMH, LOU, WIL, NY = "id:4407066", "id:4509177", "id:4299276", "id:4499379", "id:5128581"
UT, AR, MI = "id:5780802", "id:4099753", "id:5001836"
JUDGED_2: dict[int, list[Judgement]] = {
    # tune half (even positions)
    0: [("MORRISON", "id:4902724"), ("Rock Falls", "id:4907898"), ("Newman Central Catholic High School", "N"),
        ("Whiteside County", "id:4916434"), ("Dixon", "id:4889959")],
    2: [("RONAN", "id:5674601"), ("Lake County", "id:5661385"), ("Ninepipes", "N"), ("Ronan", "id:5674601"),
        ("St. Ignatius", "id:5675755")],
    4: [("Gwinnett County", "id:4198645"), ("Appaloosa Trail", "N"), ("Norcross", "id:4212888")],
    6: [("Columbus", CMH), ("Olde Towne East", "PPLX:" + CMH), ("Linden McKinley Stem Academy", "N"),
        ("Nationwide Children's Hospital", "N"), ("S. 18th and Capital Streets", "N"), ("Hoffman Street", "N")],
    8: [("EUREKA", "id:4385835"), ("Mo.", "id:4398678"), ("Six Flags St. Louis", "N"),
        ("Eureka", "id:4385835"), ("Holiday Inn", "N")],
    10: [("Toledo", TOL), ("St. Charles Hospital", "N"), ("Seaman Street", "N"), ("Lucas County", "id:5161413")],
    12: [("St. Louis", STL), ("Cates Avenue", "N"), ("West End", "PPLX:" + STL), ("Farlin Avenue", "N"),
         ("Penrose", "PPLX:" + STL), ("Louisiana Avenue", "N"), ("Gravois Park", "N"), ("Lexington", "N"),
         ("Dr. Samuel Shepard Drive", "N")],
    14: [("North Lawndale", "PPLX:" + CHI), ("Southwest Side", "N"), ("South Kedzie", "N"), ("Chicago", CHI),
         ("Mount Sinai Hospital", "N")],
    16: [("OVERLAND", "id:4402178"), ("MO", "id:4398678"), ("Overland", "id:4402178"), ("Page", "N", [325]),
         ("St. Louis Post-Dispatch", "N")],
    18: [("Virginia", "id:6254928"), ("Stafford County", "id:4787248")],
    20: [("LOUISVILLE", LOU), ("KY", KY), ("Park DuValle", "PPLX:" + LOU), ("Louisville", LOU),
         ("Algonquin Parkway", "N"), ("35th Street", "N"), ("Kosair Children's Hospital", "N")],
    22: [("Aransas Pass", "id:4671141"), ("West Highland", "N"), ("Corpus Christi", "id:4683416")],
    24: [("Little Rock", "id:4119403"), ("Van Buren St.", "N"), ("S. Harrison St.", "N"),
         ("Charles Bussey", "N"), ("Harrison", "N", [1083])],
    26: [("Buckner", "pt:33.36,-93.43,PPL"), ("Magnolia Regional Medical Center", "N"),
         ("Magnolia", "id:4120323"), ("Southwest Arkansas", AR), ("Lafayette County Road 41", "N"),
         ("Stamps", "id:4132194"), ("Ark.", AR), ("Lafayette County", "id:4117774"), ("Arkansas", AR)],
    28: [("New Hanover Regional Medical Center", "N"), ("Creekwood South", "N"), ("Creekwood", "PPLX:" + WIL),
         ("North 30th Street", "N"), ("Wilmington", WIL)],
    # check half (odd positions)
    1: [("ROY", UT), ("Roy High School", "N"), ("Roy", UT), ("2106 W. 4750 South", "N"),
        ("Busy Bee Playhouse", "N"), ("Northridge High School", "N"), ("Layton", "id:5777107"),
        ("Wasatch Front", "pt:40.76,-111.89,RGN"), ("Murray", "id:5778755")],
    3: [("Little Rock", "id:4119403"), ("America's Best Value Inn", "N"), ("Pulaski county", "id:4127619"),
        ("Scott Hamilton", "N")],
    5: [("Queens", "id:5133273"), ("John F. Kennedy International Airport", "John F Kennedy International Airport"),
        ("New York City", NY), ("NBC New York", "N")],
    7: [("PATERSON", "id:5102466"), ("N.J.", "id:5101760"), ("Paterson", "id:5102466"),
        ("New Jersey", "id:5101760"), ("Rosa Parks Boulevard", "N"), ("Passaic County", "id:5102445"),
        ("Blvd Liquor Store", "N"), ("St. Joseph’s Regional Medical Center", "N")],
    9: [("Paulding County", "id:4214993"), ("Fairview Drive", "N"), ("Georgia", "id:4197000")],
    11: [("Paulding County", "id:4214993"), ("Fairview Drive", "N"), ("Dallas", "id:4190598"),
         ("WellStar Paulding Hospital", "N"), ("Floyd Hospital", "N"), ("Rome", "id:4219762"),
         ("Ragsdale Elementary School", "N"), ("Rockmart", "id:4219459")],
    13: [("NEWPORT", "id:4645532"), ("Cocke County", "id:4614441"), ("North Highway 340", "N"),
         ("Parrottsville", "pt:36.01,-83.09,PPL"), ("Tennessee", "id:4662168")],
    15: [("Marion County", "id:4709165"), ("LSU Medical Center", "N"), ("Shreveport", "id:4341513"),
         ("Dallas", "id:4684888"), ("Monica Drive", "N"), ("Lake O' the Pines", "pt:32.77,-94.58,LK")],
    17: [("Minneapolis", "id:5037649"), ("Rice County", "id:5043007"),
         ("Webster Township", "pt:44.53,-93.33,ADM3"), ("Twin Cities", "pt:44.97,-93.20,RGN"),
         ("Prior Lake", "id:5042373")],
    19: [("Rock Hill", "id:4593142"), ("ROCK HILL", "id:4593142"), ("S.C.", "id:4597040"),
         ("Horseman Drive", "N")],
    21: [("Brooklyn", "id:5110302"), ("East New York", "id:5115985"), ("Bellevue Hospital", "N"),
         ("Sutter Avenue", "N")],
    23: [("Bronx", "id:5110266"), ("Astor Avenue", "N"), ("Allerton", "PPLX:id:5110266"), ("Jacobi Hospital", "N")],
    25: [("Detroit", DET), ("DETROIT", DET), ("Mich.", MI), ("Oakfield", "N"), ("Pembroke & St. Martins", "N"),
         ("Southfield Freeway", "N")],
    27: [("Rochester", "id:5134086"), ("Caledonia", "id:5111073")],
    29: [("Fort Worth", "id:4691930"), ("North Elm Street", "N")],
}  # fmt: skip


def _place(target: str) -> dict:
    g = gazetteer()
    if target.startswith("pt:"):
        lat, lon, code = target[3:].split(",")
        return {
            "type": code,
            "geonameid": None,
            "gaz_name": None,
            "lat": float(lat),
            "lon": float(lon),
        }
    if target.startswith("PPLX:"):
        base = _place(target[5:])
        return {**base, "type": "PPLX", "geonameid": None, "gaz_name": f"in {base['gaz_name']}"}
    if target.startswith("id:"):
        e = g.by_id(int(target[3:]))
    else:
        e = next(iter(g.candidates(target)), None)
    if e is None:
        raise SystemExit(f"no gazetteer place for {target}")
    gid = e.geonameid if e.geonameid > 0 else None
    return {
        "type": e.feature_code,
        "geonameid": gid,
        "gaz_name": e.name,
        "lat": e.lat,
        "lon": e.lon,
    }


def annotate(text: str, judged: list[Judgement]) -> tuple[list[dict], list[dict]]:
    taken: list[tuple[int, int]] = []
    toponyms, neutral = [], []
    for surface, target, *rest in sorted(judged, key=lambda j: -len(j[0])):
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
        hits = 0
        for m in pattern.finditer(text):
            if rest and not any(abs(m.start() - s) <= 3 for s in rest[0]):
                continue
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            hits += 1
            taken.append((m.start(), m.end()))
            span = {"start": m.start(), "end": m.end(), "name": surface}
            if target == "N":
                neutral.append(span)
            else:
                toponyms.append({**span, **_place(target)})
        if not hits:
            raise SystemExit(f"{surface!r} not found")
    return sorted(toponyms, key=lambda t: t["start"]), sorted(neutral, key=lambda t: t["start"])


def gold_line(article_id: str, text: str, judged: list[Judgement]) -> str:
    """One JSON line of the set: the article's id, the SHA-1 of its text, and the toponyms
    and neutral spans ``judged`` (one article's judgements) give as offsets into it."""
    toponyms, neutral = annotate(text, judged)
    row = {
        "id": article_id,
        "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
        "toponyms": toponyms,
        "neutral": neutral,
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


def main(source: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    picked = [json.loads(line) for n, line in enumerate(lines) if n % EVERY == 0]
    picked += [json.loads(line) for n, line in enumerate(lines) if n % EVERY == SECOND]
    judged = [JUDGED[n] for n in range(30)] + [JUDGED_2[n] for n in range(30)]
    with OUT.open("w", encoding="utf-8") as out:
        for position, record in enumerate(picked):
            out.write(gold_line(record["id"], record["text"], judged[position]))
    print(f"{len(picked)} articles -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/stories/gvc.jsonl")
