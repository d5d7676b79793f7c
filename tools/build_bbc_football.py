"""Build tests/data/stories/bbc_football.jsonl: BBC Sport football articles, each labelled
with the happening it reports (for ``newsfuse eval clusters``: one match = one story).

The articles are the files of ``shared/corpus/bbc/sport`` that :func:`is_football` keeps
(a mechanical rule, printed by ``--candidates``): at least one football word and none of
the words of the other sports in that folder (rugby union, tennis, athletics). It keeps
189 files, 095.txt to 283.txt. The developer (a helper session of 2026-11-29, issue 11)
read each one's title and lead and labelled it below *before* any clusterer was run on
them (see tests/data/stories/README.md for the rules). The committed file holds the file
name, the SHA-1 of its bytes and the label, none of the BBC's text;
:mod:`newsfuse.evaluate.bbc_football` joins the two at run time.

Labels: ``m:`` a match ("YYYY-MM[-DD] Home v Away (competition)"; the day where the
developer was sure of it), ``h:`` any other happening (a transfer, an injury, a
disciplinary case, an appointment, a draw, a statement).

    python tools/build_bbc_football.py ../shared/corpus/bbc
    python tools/build_bbc_football.py ../shared/corpus/bbc --candidates
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "stories" / "bbc_football.jsonl"

FOOTBALL_WORDS = (
    "football", "footballer", "striker", "midfielder", "defender", "goalkeeper", "keeper",
    "winger", "goal", "goals", "Premiership", "Premier League", "Champions League", "Uefa",
    "Fifa", "FA", "IFA", "SFA", "Carling Cup", "Old Firm", "penalty", "free-kick", "Cosafa",
    "manager", "boss", "transfer", "World Cup qualifier",
)  # fmt: skip
"""An article of the sport folder is about football if it holds one of these..."""

OTHER_SPORT_WORDS = (
    "rugby", "Six Nations", "scrum", "fly-half", "scrum-half", "tries", "try-line",
    "drop goal", "lineout", "flanker", "All Blacks", "rucking",
    "tennis", "Davis Cup", "ATP", "WTA",
    "athletics", "IAAF", "sprinter", "hurdles", "marathon", "relay", "sprint", "indoor",
)  # fmt: skip
"""...and none of these (rugby union, tennis, athletics: the folder's other sports)..."""

RUGBY_TRY = re.compile(
    r"\b(?:a|the|his|her|first|second|late|penalty|their|our|one|two) try\b", re.I
)
"""...nor a try scored ("a try", "his second try"; "try" the verb is no rugby)."""


def _hits(words: tuple[str, ...], text: str) -> set[str]:
    """The words found whole (a capitalised word or phrase case-sensitively)."""
    found = set()
    for w in words:
        flags = 0 if w[0].isupper() else re.I
        if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text, flags):
            found.add(w)
    return found


def is_football(text: str) -> bool:
    """Whether a BBC Sport article is about football, by the rule above."""
    return (
        bool(_hits(FOOTBALL_WORDS, text))
        and not _hits(OTHER_SPORT_WORDS, text)
        and not RUGBY_TRY.search(text)
    )


LABELS: dict[int, tuple[str, str]] = {
    95: ("m:2005-02-19 Everton v Man Utd (FA Cup R5)", "report"),
    96: (
        "m:2005-02-19 Everton v Man Utd (FA Cup R5)",
        "preview: van Nistelrooy may return for the tie",
    ),
    97: (
        "h:Beattie sent off for headbutt on Gallas: Everton discipline him",
        "disciplinary, not the match",
    ),
    98: ("h:Ronaldo close to new Man Utd contract", ""),
    99: ("h:Walter Smith backs return of Home International series", ""),
    100: ("h:Mido apologises to rejoin Egypt squad", ""),
    101: ("m:2005-02-13 Man City v Man Utd (Premiership)", "report"),
    102: (
        "h:Gerrard plays down Liverpool's Champions League hopes, Benitez replies",
        "statement about the competition; lead names the Leverkusen tie only as the occasion",
    ),
    103: (
        "m:2005-02-23 Barcelona v Chelsea (Champions League last 16, 1st leg)",
        "preview: team news",
    ),
    104: ("m:2005-02-27 Liverpool v Chelsea (League Cup final)", "report"),
    105: ("m:2004-05 Newcastle v Bolton (Premiership)", "report"),
    106: ("m:2004-05 Middlesbrough v Charlton (Premiership)", "report"),
    107: ("m:2005 Dundee Utd v Aberdeen (Scottish Cup QF)", "report"),
    108: ("m:2005 Clyde v Celtic (Scottish Cup QF)", "report"),
    109: ("m:2005 Hearts v Livingston (Scottish Cup QF)", "report"),
    110: (
        "m:2005-03-08 Chelsea v Barcelona (Champions League last 16, 2nd leg)",
        "preview: will Robben return for the 2nd leg",
    ),
    111: ("h:Wayne Bridge breaks ankle, may miss rest of season", "injury with a prognosis"),
    112: ("h:Rick Parry BBC interview: Gerrard above money, new stadium", ""),
    113: ("m:2005-02-09 England v Netherlands (friendly)", "preview: team news"),
    114: ("h:Robben breaks foot, out six weeks", "injury with a prognosis"),
    115: ("m:2005-02-09 Wales v Hungary (friendly)", "preview: Giggs to captain"),
    116: ("h:Bosvelt awaits new Man City deal", ""),
    117: ("h:Mladenovic loan from Rangers to Real Sociedad", "transfer"),
    118: (
        "h:Rick Parry BBC interview: Gerrard above money, new stadium",
        "analysis of the same interview",
    ),
    119: ("h:Column: should international friendlies be scrapped", ""),
    120: ("m:2005 Barcelona v Atletico Madrid (La Liga)", "report"),
    121: ("h:Rick Parry BBC interview: Gerrard above money, new stadium", ""),
    122: ("h:FA Cup sixth round draw 2005", ""),
    123: ("m:2005-02-09 England v Netherlands (friendly)", "preview: defensive injuries"),
    124: ("h:Glazer third bid for Man Utd, Ferdinand unsure", ""),
    125: ("h:Premier League inquiry into Chelsea approach for Ashley Cole", ""),
    126: ("h:Ian McCall reprieved as Dundee United manager", ""),
    127: ("h:Kewell Achilles injury drags on", "injury"),
    128: ("h:Walter Smith's first Scotland get-together: restore respect", ""),
    129: ("m:2005-02-09 Wales v Hungary (friendly)", "preview: injury doubts"),
    130: ("h:Robbie Weir to join Sunderland from Larne", "transfer"),
    131: ("h:Newry City ejected from Irish Cup, to go to court", ""),
    132: ("h:Republic of Ireland arrange friendlies with China and Italy", ""),
    133: (
        "h:Finnan says Ireland can win World Cup qualifying group",
        "interview between two qualifiers; its lead is about the group",
    ),
    134: ("h:Ireland's World Cup qualifying fixtures agreed", ""),
    135: ("h:Bnei Sakhnin field African players in Uefa Cup", ""),
    136: (
        "m:2004 Maccabi Tel Aviv v Bayern Munich (Champions League group)",
        "preview: Hashemian will not travel",
    ),
    137: (
        "h:FA: no charges over Highbury tunnel incident (Arsenal v Man Utd)",
        "disciplinary, not the match",
    ),
    138: ("h:Souness says departed Bellamy not good enough", ""),
    139: ("m:2004-05 Chelsea v Man City (Premiership)", "report"),
    140: ("h:Chelsea complaint to Uefa over Frisk and Rijkaard", "complaint, not the match"),
    141: (
        "h:Gerrard plays down Liverpool's Champions League hopes, Benitez replies",
        "reply to 102",
    ),
    142: ("h:Owen determined to stay at Real Madrid", ""),
    143: ("h:Wenger guaranteed summer transfer funds", ""),
    144: ("m:2005-02-24 Newcastle v Heerenveen (Uefa Cup last 32, 2nd leg)", "reaction"),
    145: (
        "m:2005-02-24 Middlesbrough v Grazer AK (Uefa Cup last 32, 2nd leg)",
        "reaction; Downing hurt in the match, no diagnosis yet",
    ),
    146: ("m:2005-02-20 Celtic v Rangers (SPL)", "report"),
    147: ("h:SFA awaits referee's report on Mikoliunas (Hearts v Rangers)", "disciplinary"),
    148: (
        "m:2005-01-22 Crystal Palace v Man Utd (Premiership)",
        "preview: Cantona masks banned at the match",
    ),
    149: ("h:Rinus Michels dies", ""),
    150: ("m:2005-03 Tottenham v Nottingham Forest (FA Cup R5 replay)", "reaction"),
    151: ("m:2005 Real Madrid v Real Betis (La Liga)", "reaction"),
    152: ("m:2005-02-23 Man Utd v AC Milan (Champions League last 16, 1st leg)", "preview"),
    153: ("h:Ian Rush's future as Chester manager uncertain", ""),
    154: ("h:Reyes tricked by radio prank into Real Madrid admission", ""),
    155: (
        "m:2005-02-22 Liverpool v Bayer Leverkusen (Champions League last 16, 1st leg)",
        "reaction",
    ),
    156: ("h:Souness eyes summer move for Owen", ""),
    157: ("m:2005-02-22 Bayern Munich v Arsenal (Champions League last 16, 1st leg)", "reaction"),
    158: ("m:2005-02-23 Man Utd v AC Milan (Champions League last 16, 1st leg)", "preview: Stam"),
    159: ("h:Mourinho denies Chelsea dip in form", "press statement after two defeats"),
    160: ("h:Hodgson calls for Premiership winter break", ""),
    161: ("h:Ranieri sacked by Valencia", ""),
    162: ("h:Carlton Cole knee injury, out six weeks", "injury"),
    163: ("m:2005-03-01 Sheffield Utd v Arsenal (FA Cup R5 replay)", "report"),
    164: ("h:Ajax coach search: Jol not ruled out", ""),
    165: ("h:Baros unsure of future after being dropped for League Cup final", ""),
    166: ("h:Prutton faces FA ban after dismissal against Arsenal", "disciplinary"),
    167: (
        "m:2005-03-08 Chelsea v Barcelona (Champions League last 16, 2nd leg)",
        "preview: Robben's chance of playing",
    ),
    168: ("h:Adriano's agent denies Chelsea contact", ""),
    169: ("h:FA takes no action over Mourinho's League Cup final dismissal", "disciplinary"),
    170: ("h:Aragones disciplinary case over remarks about Henry", "the fine"),
    171: ("h:Morrison hernia operation, out eight weeks", "injury"),
    172: ("h:Bobby Robson advises Mourinho", ""),
    173: ("h:QPR keeper Chris Day loaned to Preston", "transfer"),
    174: ("h:Chelsea drop Cudicini appeal: he misses League Cup final", "disciplinary"),
    175: ("h:Beattie assaulted on night out", ""),
    176: ("m:2005-02-28 Norwich v Man City (Premiership)", "reaction"),
    177: ("h:Phil Thompson urges Gerrard to stay at Liverpool", ""),
    178: ("m:2005-03-01 Sheffield Utd v Arsenal (FA Cup R5 replay)", "preview: no fit strikers"),
    179: ("m:2005-03-01 Blackburn v Burnley (FA Cup R5 replay)", "preview"),
    180: ("m:2005-03-01 Brentford v Southampton (FA Cup R5 replay)", "preview"),
    181: (
        "m:2005-02-23 Barcelona v Chelsea (Champions League last 16, 1st leg)",
        "preview: Desailly",
    ),
    182: (
        "m:2005-02-23 Barcelona v Chelsea (Champions League last 16, 1st leg)",
        "preview: Desailly (same text as 181)",
    ),
    183: (
        "m:2005-02-23 Barcelona v Chelsea (Champions League last 16, 1st leg)",
        "preview: Mourinho",
    ),
    184: ("h:FA Cup fifth round draw 2005", ""),
    185: ("h:Candela joins Bolton from Roma", "transfer"),
    186: ("h:Graham Stuart joins Norwich from Charlton", "transfer"),
    187: ("h:Bellamy loan move to Celtic", "transfer"),
    188: ("m:2005-02-01 Arsenal v Man Utd (Premiership)", "preview: Campbell"),
    189: ("h:Barry Ferguson transfer: Blackburn reject Rangers bids", "transfer"),
    190: ("m:2005 Seychelles v South Africa (Cosafa Cup)", "preview"),
    191: ("h:Tottenham bid for Forest's Reid and Dawson", "transfer"),
    192: ("h:FA Cup fourth round draw 2005", ""),
    193: ("h:Gravesen move from Everton to Real Madrid", "transfer"),
    194: ("h:Klinsmann warns Lehmann over Arsenal place", ""),
    195: ("h:Juninho's possible move from Celtic", "transfer saga"),
    196: ("h:Wenger signs new Arsenal contract", ""),
    197: ("h:FA action over crowd trouble at Chelsea v West Ham (League Cup)", "disciplinary"),
    198: (
        "h:Old Trafford tunnel fracas after Man Utd v Arsenal (Oct 2004)",
        "incident after the match, investigated on its own",
    ),
    199: ("h:Chelsea sack Mutu after failed drugs test", ""),
    200: ("h:Ferguson urges FA to punish Henry for Heinze incident", "disciplinary"),
    201: ("h:Chelsea sack Mutu after failed drugs test", "Wenger's reaction to the sacking"),
    202: ("h:Santini resigns as Tottenham manager", ""),
    203: ("h:Mutu in talks with Juventus", "later: after his ban"),
    204: ("h:Uefa approves artificial pitches", ""),
    205: ("h:FA Cup third round draw 2004-05", ""),
    206: ("h:Anelka criticises Man City ambition, then apologises", ""),
    207: ("h:Santini resigns as Tottenham manager", "Arnesen denies a rift"),
    208: (
        "h:Walter Smith appointed Scotland manager after Vogts resigns",
        "before the appointment",
    ),
    209: ("h:Gallas sees two-horse title race", ""),
    210: ("h:Tevez joins Corinthians", "transfer"),
    211: ("h:Edu criticises Arsenal over contract", ""),
    212: ("h:Walter Smith appointed Scotland manager after Vogts resigns", ""),
    213: ("h:Jansen knee operation", "injury"),
    214: ("m:2004-05 Mansfield v Leyton Orient (League Two)", "report"),
    215: ("m:2004 Zambia v Angola (Cosafa Cup final)", "preview"),
    216: ("m:2004-11-17 Spain v England (friendly)", "reaction: Spanish press"),
    217: ("m:2004-11-16 Republic of Ireland v Croatia (friendly)", "reaction"),
    218: ("m:2004-11-13 Fulham v Chelsea (Premiership)", "column on the win"),
    219: ("m:2004 Hearts of Oak v Cotonsport Garoua (Confederation Cup)", "report"),
    220: ("m:2004-05 Charlton v Norwich (Premiership)", "reaction"),
    221: ("m:2004-05 Rangers v Celtic (CIS Cup QF)", "preview"),
    222: ("m:2004-11-25 Middlesbrough v Lazio (Uefa Cup group)", "reaction"),
    223: ("m:2004-11-03 Liverpool v Deportivo La Coruna (Champions League group)", "reaction"),
    224: ("m:2004-05 Bristol City v MK Dons (LDV Vans Trophy)", "report"),
    225: ("m:2004-05 Hereford v Doncaster (cup, penalties)", "report"),
    226: ("h:Wolves appoint Hoddle as manager", ""),
    227: ("h:Wenger keeps faith with goalkeeper Almunia", ""),
    228: ("h:Houllier praises Benitez", ""),
    229: ("m:2004-05 Middlesbrough v Man City (Premiership)", "reaction"),
    230: ("h:Hitzlsperger waits on O'Leary's future before new contract", ""),
    231: (
        "h:FA: no charge for Mourinho over remarks on referee (League Cup v Man Utd)",
        "disciplinary",
    ),
    232: ("h:Wolves appoint Hoddle as manager", ""),
    233: ("h:Redknapp appointed Southampton manager", ""),
    234: ("h:FA charges Liverpool and Millwall over crowd trouble", "disciplinary"),
    235: ("h:Wenger says Ferguson brings game into disrepute", ""),
    236: ("m:2004-12-08 Liverpool v Olympiakos (Champions League group)", "reaction"),
    237: ("h:All four English clubs reach Champions League knockout stage", ""),
    238: ("m:2004-12 Fenerbahce v Man Utd (Champions League group)", "reaction"),
    239: ("m:2004-12 Roma v Real Madrid (Champions League group)", "reaction"),
    240: ("m:2005-01 Exeter v Man Utd (FA Cup R3 replay)", "report"),
    241: ("m:2004-12 USA v Mexico (women's friendly, Hamm's last game)", ""),
    242: ("h:Wenger rules out signing a goalkeeper in January", ""),
    243: ("h:Parry: Liverpool will never sell Gerrard (Dec 2004)", ""),
    244: ("h:Pearce wants to succeed Keegan at Man City", ""),
    245: ("m:2004-12-12 Real Madrid v Real Sociedad (La Liga)", "abandoned after bomb threat"),
    246: ("m:2004-12-12 Arsenal v Chelsea (Premiership)", "report"),
    247: (
        "m:2004-12-12 Real Madrid v Real Sociedad (La Liga)",
        "the abandoned match's last minutes to be played",
    ),
    248: (
        "m:2004-12-12 Arsenal v Chelsea (Premiership)",
        "reaction: the referee on Henry's free-kick",
    ),
    249: ("h:Solskjaer hopes to return from knee surgery", ""),
    250: ("h:Dunne keen on new Man City deal", ""),
    251: ("h:Ken Bates completes Leeds takeover", ""),
    252: ("m:2004-12-13 Man Utd v Fulham (Premiership)", "reaction"),
    253: ("h:Novo and Camara suspended after Old Firm game", "disciplinary"),
    254: ("h:Anelka criticises Man City ambition, then apologises", "the apology"),
    255: ("m:2004-12-13 Man Utd v Fulham (Premiership)", "reaction (same text as 252)"),
    256: ("h:Everton's Weir plays down European hopes", ""),
    257: ("h:Aragones disciplinary case over remarks about Henry", "case opened"),
    258: (
        "h:Aragones disciplinary case over remarks about Henry",
        "case opened (same text as 257)",
    ),
    259: ("m:2004-12 Liverpool v Portsmouth (Premiership)", "reaction"),
    260: ("h:Newcastle fine Bellamy after row with Souness", ""),
    261: ("m:2004-12 Middlesbrough v Partizan Belgrade (Uefa Cup group)", "preview"),
    262: ("h:Spurs to sign Emil Hallfredsson", "transfer"),
    263: ("m:2004-12 Rangers v Auxerre (Uefa Cup group)", "reaction"),
    264: ("h:O'Leary signs new Aston Villa contract", ""),
    265: ("h:Gronkjaer move from Birmingham to Atletico Madrid", "transfer"),
    266: ("h:Morientes transfer race (Liverpool, Newcastle)", "transfer saga"),
    267: ("m:2004-12 Hearts v Ferencvaros (Uefa Cup group)", "preview: a win keeps players"),
    268: ("m:2004-12 Portsmouth v Arsenal (Premiership)", "report"),
    269: ("m:2004-12 Liverpool v Newcastle (Premiership)", "report"),
    270: ("h:Strachan turns down Portsmouth job", ""),
    271: ("h:Henry tipped for Fifa World Player award", ""),
    272: ("h:Morientes transfer race (Liverpool, Newcastle)", "transfer saga"),
    273: ("h:Blackburn bid for Robbie Savage", "transfer"),
    274: ("h:Gerrard happy to stay at Liverpool (Dec 2004)", ""),
    275: ("h:Beckham rules out management", ""),
    276: ("h:Juninho's possible move from Celtic", "transfer saga"),
    277: ("h:Celtic unhappy over Petrov's Bulgaria call-up", ""),
    278: ("m:2004-12 Portsmouth v Chelsea (Premiership)", "report"),
    279: ("h:Newcastle close to signing Babayaro", "transfer"),
    280: (
        "m:2004-12 Portsmouth v Chelsea (Premiership)",
        "reaction: Mourinho's press conference after the match, its lead about Arsenal's rest",
    ),
    281: ("m:2004-12 Newcastle v Arsenal (Premiership)", "preview"),
    282: ("m:2004-12 Aston Villa v Man Utd (Premiership)", "reaction"),
    283: ("m:2005-01 Man Utd v Tottenham (Premiership)", "reaction: Mendes goal not given"),
}
"""File number (sport/NNN.txt) -> (gold happening, note: the kind of piece, why)."""


def candidates(corpus: Path) -> list[Path]:
    """The sport files the rule keeps, in path order."""
    return [
        p
        for p in sorted((corpus / "sport").glob("*.txt"))
        if is_football(p.read_bytes().decode("utf-8", errors="replace"))
    ]


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/bbc")
    kept = candidates(corpus)
    if "--candidates" in sys.argv:
        for p in kept:
            title = p.read_bytes().decode("utf-8", errors="replace").splitlines()[0]
            print(f"{p.relative_to(corpus)}\t{title}")
        print(f"{len(kept)} files", file=sys.stderr)
        return
    numbers = [int(p.stem) for p in kept]
    if sorted(numbers) != sorted(LABELS):
        sys.exit(f"the rule keeps files the labels do not cover (or the reverse): "
                 f"{sorted(set(numbers) ^ set(LABELS))}")  # fmt: skip
    with OUT.open("w", encoding="utf-8") as out:
        for p in kept:
            gold, note = LABELS[int(p.stem)]
            record = {
                "file": str(p.relative_to(corpus)),
                "text_sha1": hashlib.sha1(p.read_bytes()).hexdigest(),
                "gold": gold,
                "note": note,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(kept)} articles, {len(set(g for g, _ in LABELS.values()))} happenings -> {OUT}")


if __name__ == "__main__":
    main()
