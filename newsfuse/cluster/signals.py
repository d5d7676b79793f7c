"""What the annotate and code stages found in an article, cut down to what tells one
happening from another: who (people, organisations), where (places below country
level), when (the happening's own day), how many (dead, injured) and what (event types).

Words say "topic"; these say "happening". Two reports of one shooting name the same
victim, street and town and date; two shootings in one week share only their words.

Listed companies are named by their exchange tickers in financial wires (Reuters'
``OHIO MATTRESS <OMT> 1ST QTR NET``, a press release's ``(NYSE: BA)``, a RIC such as
``(BAC.N)``). Where a title or lead names its companies that way, they are the report's
participants: two quarterly results of different companies are two happenings, however
alike their tables.

Match reports give their result as a score line ("Italy 17-28 Ireland", "won 2-1",
"a 3-0 defeat"). Where a title or lead gives one, it is a figure of the happening: two
reports with score lines and none in common are of two matches, however alike the
tournament's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

LOCAL_PLACE_KINDS = frozenset({"city", "place", "region"})  # below country level
HAPPENING_SENTENCES = 3  # the lead: where a news report says when its happening was


@dataclass(frozen=True)
class Signals:
    """An article's happening, as far as the earlier stages saw it."""

    entities: frozenset[str] = frozenset()  # people (surname), organisations, local places
    cities: frozenset[str] = frozenset()  # resolved towns and cities: "name|admin1"
    lead_cities: frozenset[str] = frozenset()  # ...of them, those the lead names: where it was
    event_day: int | None = None  # the happening's day (days since 1970-01-01)
    dated: bool = False  # event_day comes from the lead's own words, not the publication date
    numbers: frozenset[tuple[str, int]] = frozenset()  # ("dead", 3), ("injured", 5)
    types: frozenset[str] = frozenset()  # PLOVER event types coded in the article
    tickers: frozenset[str] = frozenset()  # companies the title or lead names by ticker
    scores: frozenset[tuple[int, int]] = frozenset()  # match results the title or lead gives
    teams: frozenset[str] = frozenset()  # places it uses as sports teams (cluster/teams.py)


EMPTY = Signals()

_TICKERS = re.compile(
    r"<([A-Z0-9][A-Z0-9.&'\- ]{0,40})>"  # Reuters: <OMT>, <HLDN.L>, <SULLIVAN MINES INC>
    r"|\((?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE American|NYSE Arca|LSE|TSX|TSXV|ASX|OTC\w*)"
    r"\s*:\s*([A-Z][A-Z0-9.\-]{0,9})\)"  # a press release: (NYSE: BA)
    r"|\(([A-Z][A-Z0-9]{0,5}\.[A-Z]{1,2})\)"  # a RIC: (BAC.N)
)
LEAD_CHARS = 300  # where a wire names the company its report is about


def subject_tickers(title: str | None, text: str) -> frozenset[str]:
    """The companies a report is about, as the tickers its title and lead name them by
    (upper case, exchange suffix kept: ``OMT``, ``HLDN.L``); empty for most news."""
    found = set()
    for match in _TICKERS.finditer(f"{title or ''}\n{text[:LEAD_CHARS]}"):
        ticker = next(g for g in match.groups() if g)
        found.add(" ".join(ticker.split()))
    return frozenset(found)


_PAIR = r"(?<![\w.,/:$£€-])(\d{1,3}) ?[-\u2013] ?(\d{1,3})(?![\w/:%-]|[.,]\d)"
"""Two numbers joined by a dash, ending a sentence or clause ("lost 1-0, saying") but not
a decimal, a thousands figure or a compound ("3-2.5", "10-15,000", "4-3-3")."""
_NOT_SIDE = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|(?:People|Years?|Percent|Per|Points|Votes|Seats|Million|Billion|Now|Am|Pm)\b"
)
_RESULT_WORDS = r"win|victory|defeat|loss|draw|triumph|success|thrashing|drubbing|rout|scoreline"
_RESULT_VERBS = r"beat|beats|drew|defeated|edged|thrashed|lost|lose|loses"  # not "losing
# 2-1 at half-time": a state of the game, not its result
_RESULT_KIND = (  # what may stand between a score and its result word: how, where, in what
    r"home|away|opening|final|dramatic|shock|comfortable|narrow|aggregate"
    r"|[a-z]+-(?:round|leg)|quarter-final|semi-final|group|league|cup"
    r"|[A-Z][\w.'&]*"  # the competition's name: "a 2-0 Uefa Cup win", "3-0 FA Cup victory"
)
_QUANTITY = (  # what a range of a quantity counts: "lost 12-15 seats", "lost 1-2 cents"
    r"seats?|votes?|points?|per ?cent|percent|pct|cents?|pence|jobs?|people|million|billion"
)
_SCORES = re.compile(
    # "Italy 17-28 Ireland", "Man City 0-2 Man Utd": a title that is the result (a date,
    # "Summit 9-10 September", or a range, "Ages 5-11 Now", is none)
    rf"^[A-Z][\w.'&]*(?: [A-Z][\w.'&]*){{0,3}} {_PAIR} (?!{_NOT_SIDE})(?=[A-Z])"
    # "a 3-0 defeat", "their 2-1 win", "their 3-0 FA Cup fifth-round victory"; "beat Spain
    # 3-1", "drew 1-1 with", "lost 2-1 in the first leg", "lost the match 3-0" (not "won
    # 52-48": votes are won too)
    rf"|{_PAIR} (?:(?:{_RESULT_KIND}) ){{0,4}}(?:{_RESULT_WORDS})\b"
    rf"|\b(?:{_RESULT_VERBS}) (?:(?:[A-Z][\w.'&]*|the|a|by|match|game|tie) ){{0,4}}{_PAIR}"
    rf"(?! (?i:{_QUANTITY})\b)",
    re.MULTILINE,
)


def subject_scores(title: str | None, text: str) -> frozenset[tuple[int, int]]:
    """The match results a title and lead give, each as (lower, higher) score: a
    report's "Italy 17-28 Ireland" and another's "Ireland's 28-17 win" are one result.
    A result that starts in the lead is read whole even where the lead's end cuts it."""
    head = f"{(title or '')[:LEAD_CHARS]}\n"
    found = set()
    for match in _SCORES.finditer(head + text[: LEAD_CHARS + 40]):
        if match.start() >= len(head) + LEAD_CHARS:
            continue
        a, b = (int(g) for g in match.groups() if g is not None)
        found.add((min(a, b), max(a, b)))
    return frozenset(found)


def _day(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal() - 719163
    except ValueError:
        return None


def _surname(name: str) -> str | None:
    words = [w for w in name.replace("’", "'").split() if w[:1].isalpha()]
    if not words:
        return None
    last = words[-1].lower().removesuffix("'s")
    return last if len(last) > 2 else None


def happening_day(
    times: Iterable[Mapping[str, Any]], published_day: int | None, lookback: int
) -> int | None:
    day, _ = dated_happening(times, published_day, lookback)
    return day


def dated_happening(
    times: Iterable[Mapping[str, Any]], published_day: int | None, lookback: int
) -> tuple[int | None, bool]:
    """The happening's day: the first day-exact time expression of the lead that falls in
    the ``lookback`` days up to publication ("Saturday night" in a Monday report), else the
    publication day itself. A date outside that window is background, not the happening."""
    if published_day is None:
        return None, False
    for t in sorted(times, key=lambda t: (t.get("sentence", 0), t.get("start", 0))):
        if t.get("sentence", 0) >= HAPPENING_SENTENCES:
            break
        if t.get("granularity") != "day":
            continue
        day = _day(t.get("value"))
        if day is not None and published_day - lookback <= day <= published_day:
            return day, True
    return published_day, False


def digest(
    raw: Mapping[str, list[Mapping[str, Any]]] | None,
    published_day: int | None,
    lookback: int = 7,
) -> Signals:
    """Signals from one article's stored annotations and events (see
    ``Store.cluster_signals``); empty where the article was not annotated."""
    if not raw:
        return Signals(event_day=published_day)
    entities: set[str] = set()
    for actor in raw.get("actors", ()):
        if actor.get("label") == "PERSON":
            surname = _surname(actor.get("name") or "")
            if surname:
                entities.add("p:" + surname)
        elif actor.get("label") == "ORG":
            entities.add("o:" + (actor.get("name") or "").lower())
    cities: set[str] = set()
    lead_cities: set[str] = set()
    for place in raw.get("places", ()):
        if place.get("kind") not in LOCAL_PLACE_KINDS:
            continue
        name = (place.get("name") or "").lower()
        entities.add("l:" + name)
        if place.get("kind") == "city" and place.get("lat") is not None:
            town = f"{name}|{place.get('admin1') or ''}"
            cities.add(town)
            if (place.get("sentence") or 0) < HAPPENING_SENTENCES:
                lead_cities.add(town)
    numbers: set[tuple[str, int]] = set()
    types: set[str] = set()
    for event in raw.get("events", ()):
        if event.get("negated") or event.get("hypothetical"):
            continue
        types.add(event.get("event_type") or "")
        for field in ("dead", "injured"):
            if event.get(field) is not None:
                numbers.add((field, int(event[field])))
    event_day, dated = dated_happening(raw.get("times", ()), published_day, lookback)
    return Signals(
        entities=frozenset(entities),
        cities=frozenset(cities),
        lead_cities=frozenset(lead_cities),
        event_day=event_day,
        dated=dated,
        numbers=frozenset(numbers),
        types=frozenset(types - {""}),
    )
