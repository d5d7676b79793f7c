"""Place names an article uses as sports teams, which are no evidence of where.

A club or national side named after its town or country ("Liverpool beat Chelsea 2-1",
"Tottenham manager Jacques Santini", "Bellamy (Newcastle),") is an organisation, not the
place the happening was at: two pieces on one club share it as they share a topic, and a
preview listing its players' clubs names towns no one went to. A name counts as a team
where the article writes it in a position only a team takes, by how English (and the
sports pages) write about teams:

- a side of a match: the subject or object of a result verb ("beat", "drew with", "lost
  to", "thrashed"; "hosted" with the team its object: a town hosts a summit), a side of
  a score line ("Leeds 2-1", "2-1 Leeds") or of a fixture ("Leeds v Cardiff", "Leeds
  vs. Cardiff"), the opponent of a match, game, tie or fixture ("a match against
  Charlton", "defeat to West Ham");
- the employer of a team's role ("Tottenham manager", "Cardiff defender", "Leeds' fans",
  "the Leeds side", not "the Leeds side of the river"): a town has no striker, a club does;
- a player's club in a squad list: an item of a list (after its start, a comma, colon
  or semicolon, before a comma, semicolon or full stop) that is a surname followed by
  the name in brackets ("Jones (Wolves), Savage (Blackburn)."; not an abbreviation
  glossed, "Korea (DPRK)'s agency");
- the subject of a plural verb ("Tottenham are primed", "Wales have a clutch of
  injuries"): British English gives a collective, a team, plural agreement; a town or
  country takes a singular verb.

The annotations keep no character offsets for organisations, only the sentence, so "an
organisation at that position" cannot be read from them; the positions above are read
from the text. A name used as a team once is a team throughout the article (one sense per
discourse: the piece that calls Tottenham's manager "Tottenham manager" means the club by
"at Tottenham" too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SCORE = r"\d{1,3} ?[-\u2013] ?\d{1,3}(?![\d.,]\d)"
_BEFORE_VERBS = (  # the team is the subject: "Leeds beat Cardiff"
    r"beat|beats|drew with|draw with|draws with|drew against|lost to|lose to|loses to"
    r"|thrashed|thrash|hammered|defeated|edged past|edged out"
)  # not "hosted": a town hosts a summit
_AFTER_VERBS = (  # the team is the object or opponent: "beat Leeds", "a defeat to Leeds"
    r"beat|beats|drew with|draw with|draws with|drew against|lost to|lose to|loses to"
    r"|thrashed|thrash|hammered|defeated|edged past|edged out"
    r"|loss to|defeat to|defeat by|defeat against|win over|win against|victory over"
    r"|victory against|draw against|(?:match|game|tie|fixture|clash|friendly|derby)"
    r" (?:against|with)|v|vs\.?"
)
_ROLES = (  # a team's people: "Tottenham manager", "Cardiff's defender"
    r"manager|boss|coach|striker|forward|midfielder|defender|goalkeeper|keeper|winger"
    r"|full-back|centre-back|centre-half|captain|chairman|sporting director|team-mate"
    r"|team-mates|fans|supporters|squad|side(?! of)|team|players?|skipper"
)
_CLAUSE_START = (  # where a subject starts: a line, a sentence or quote, a conjunction
    r"(?:^|(?<=[.!?:;\"“”])\s*|\b(?:but|while|as|after|although|because|since"
    r"|though|so|yet|when|where|if|now|then) )"
)


def _patterns(name: str) -> re.Pattern[str]:
    n = re.escape(name)
    return re.compile(
        rf"(?<![\w-]){n} (?:{_BEFORE_VERBS})\b"  # Leeds beat
        rf"|\b(?:{_AFTER_VERBS}) (?:the )?{n}(?![\w-])"  # beat Leeds, Cardiff v Leeds
        rf"|\bhost(?:ed|s)? {n}(?=\s*(?:[.,;:!?)]|$| (?:on|at|in|for|last|next)\b))"
        rf"|(?<![\w-]){n} (?:v|vs\.?) [A-Z]"  # Leeds v Cardiff
        rf"|(?<![\w-]){n}(?:'s?|’s?)? {_SCORE}"  # Leeds 2-1 Cardiff, Leeds' 2-1 win
        rf"|(?<![\w.,-]){_SCORE} {n}(?![\w-])"  # Cardiff 1-2 Leeds
        rf"|(?<![\w-]){n}(?:'s?|’s?)? (?:{_ROLES})\b"  # Leeds manager
        rf"|(?:^|[,:;] ?)[A-Z][\w'’-]+ \({n}\)(?= ?[,;.]|$)"  # Jones (Wolves), Savage
        rf"|{_CLAUSE_START}{n} (?:are|were|have)\b",  # Leeds are
        re.MULTILINE,
    )


def team_names(title: str | None, text: str, names: Iterable[str]) -> frozenset[str]:
    """Those of ``names`` (as the article writes them) that the title or text uses as a
    team (see the module docstring), lower case."""
    whole = f"{title or ''}\n{text}"
    found = set()
    for name in {n for n in names if n and n[:1].isupper()}:
        if name in whole and _patterns(name).search(whole):
            found.add(name.lower())
    return frozenset(found)
