"""Numeric claims across the articles of a story: which agree, which differ, which stand alone.

A claim is a stored quantity ("more than 10,000 soldiers") with what it measures:
the counted noun folded to a class (soldiers, troops and forces are all troops),
whose they are (a country), what happened to them (killed, wounded, sanctioned, or
plainly counted, read from the events coded in the same sentence) and where (the
place named just after the number, in the same clause). Claims about one measure
form a group. Each value is an interval ("more than 10,000" is [10,000, ∞),
"approximately 10,000" is [9,000, 11,000], "thousands" is [2,000, 9,999]); a group
whose values, from two or more articles, all overlap is consistent, otherwise it
conflicts. A value whose measure is only partly known (no place, no country) joins
the group it agrees with, so "more than 10,000 soldiers" meets "approximately 10,000
North Korean soldiers in Russia" and not "around 8,000 in the Kursk region".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

NOUN_CLASSES = {
    "troops": {"soldier", "troop", "force", "fighter", "serviceman", "servicemen", "marine"},
    # Only words for the same set of people: "two children" and "four people" in one
    # story are usually counts of different groups, not a disagreement.
    "people": {"people", "person", "individual"},
    "children": {"child", "kid"},
    "civilians": {"civilian", "resident", "villager"},
    "entities": {"entity", "company", "firm", "bank", "organisation", "organization"},
    "countries": {"country", "nation", "state", "government"},
    "monitors": {"monitor", "observer", "inspector", "peacekeeper"},
    "refugees": {"refugee", "migrant", "displaced"},
}
_CLASS_OF = {noun: cls for cls, nouns in NOUN_CLASSES.items() for noun in nouns}
APPROXIMATE = 0.10  # "approximately 10,000" covers 9,000-11,000
# Vague amounts are read loosely: "thousands" of troops is not contradicted by "more
# than 10,000", so each reaches up to the next order of magnitude but one.
VAGUE_RANGES = (  # longest first: the first phrase found in the quantity's text wins
    ("hundreds of thousands", 100_000, 9_999_999),
    ("tens of thousands", 10_000, 999_999),
    ("hundreds of millions", 1e8, 9.999e9),
    ("tens of millions", 1e7, 9.99e8),
    ("thousands", 1_000, 99_999),
    ("hundreds", 100, 9_999),
    ("millions", 1e6, 9.99e8),
    ("billions", 1e9, math.inf),
    ("dozens", 24, 999),
    ("scores", 40, 999),
)
LISTED = "listed by name"  # the qualifier of a count made from an enumeration of countries
MIN_LISTED = 4  # "France, Germany and Britain" may be sides; a longer list is a count
_CLAUSE_BREAK = re.compile(r"[,;:()]|\band\b|\bbut\b|\bwhile\b|\bwho\b|\bwhich\b")
_LOCATIVE = re.compile(
    r"\b(?:in|at|inside|near|into|across|within|on)\s+(?:the\s+)?$", re.IGNORECASE
)
PLACE_REACH = 60  # characters after a number within which its place may be named


@dataclass
class ClaimValue:
    """One number as one article gives it."""

    article_id: str
    origin: str
    text: str
    value: float | None
    qualifier: str | None
    low: float
    high: float
    noun: str | None
    actor: str | None  # ISO3 of whose they are
    kind: str  # counted, killed, wounded, killed or wounded, sanctioned, ...
    place: str | None
    attributed_to: str | None
    sentence: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "source": self.origin,
            "text": self.text,
            "value": _number(self.value),
            "qualifier": self.qualifier,
            "attributed_to": self.attributed_to,
        }


@dataclass
class Claim:
    """Values about one measure, and the verdict on them."""

    noun: str
    kind: str
    actor: str | None = None
    place: str | None = None
    values: list[ClaimValue] = field(default_factory=list)
    # What agrees() and add() need, folded in as ``values`` grows (it is only appended to),
    # so that a measure given by thousands of articles is not re-read for each new value.
    _folded: int = field(default=0, init=False, repr=False, compare=False)
    _low: float = field(default=-math.inf, init=False, repr=False, compare=False)
    _high: float = field(default=math.inf, init=False, repr=False, compare=False)
    _said: set[tuple] = field(default_factory=set, init=False, repr=False, compare=False)

    def _fold(self) -> None:
        for x in self.values[self._folded :]:
            self._low = max(self._low, x.low)
            self._high = min(self._high, x.high)
            self._said.add((x.article_id, x.value, x.qualifier))
        self._folded = len(self.values)

    @property
    def measure(self) -> str:
        words = [self.actor or "", self.noun]
        if self.kind != "counted":
            words.append(self.kind)
        if self.place:
            words.append(f"in {self.place}")
        return " ".join(w for w in words if w)

    @property
    def articles(self) -> list[str]:
        return sorted({v.article_id for v in self.values})

    @property
    def sources(self) -> list[str]:
        return sorted({v.origin for v in self.values})

    @property
    def consistent(self) -> bool:
        return max(v.low for v in self.values) <= min(v.high for v in self.values)

    @property
    def verdict(self) -> str:
        if len(self.sources) < 2:
            return "only in " + ", ".join(self.sources)
        return "consistent" if self.consistent else "conflicting"

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "verdict": self.verdict,
            "sources": self.sources,
            "values": [v.to_dict() for v in self.values],
        }

    def accepts(self, v: ClaimValue) -> bool:
        """Could ``v`` be about this measure (nothing known about either contradicts it)?"""
        return (
            v.noun == self.noun
            and v.kind == self.kind
            and (v.actor is None or self.actor is None or v.actor == self.actor)
            and (v.place is None or self.place is None or v.place == self.place)
        )

    def agrees(self, v: ClaimValue) -> bool:
        self._fold()
        return max(v.low, self._low) <= min(v.high, self._high)

    def add(self, v: ClaimValue) -> None:
        self._fold()
        if (v.article_id, v.value, v.qualifier) in self._said:
            return  # the same number said again in the same article
        self.values.append(v)
        self.actor = self.actor or v.actor
        self.place = self.place or v.place


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def interval(value: float | None, qualifier: str | None, text: str) -> tuple[float, float]:
    """The range of true values that a number with its qualifier allows."""
    if value is None:
        lowered = text.lower()
        for phrase, low, high in VAGUE_RANGES:
            if phrase in lowered:
                return float(low), float(high)
        return 1.0, math.inf
    q = qualifier or ""
    if q in ("more than", "at least"):
        return value, math.inf
    if q in ("up to", "less than", "at most"):
        return 0.0, value
    if q == "almost":
        return value * (1 - APPROXIMATE), value
    if q in ("approximately", "around"):
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    return value, value


# "four other people", "five of the dead Americans": a different group, or a part of one
# already counted; "three of its soldiers" is a count of its own (the owner's soldiers)
_OTHER = re.compile(
    r"\b(?:other|others|another|further|additional)\b|\bmore\b(?!\s+than)"
    r"|^\S+(?: \S+)? of (?:the|those|these|them)\b",  # not "three of its soldiers"
    re.IGNORECASE,
)
REFERRING_NOUNS = {"other", "more", "one", "some", "many", "most", "all", "each"}


def noun_class(noun: str | None) -> str | None:
    """The class of a counted noun; None for nouns that only point back ("five others")."""
    if not noun or noun.lower() in REFERRING_NOUNS:
        return None
    return _CLASS_OF.get(noun.lower(), noun.lower())


def place_after(text: str, end: int, places: Iterable[dict[str, Any]]) -> str | None:
    """The place named right after a number (within its clause), as the gazetteer names it."""
    for place in sorted(places, key=lambda p: p["start"]):
        if place["start"] < end or place["start"] - end > PLACE_REACH:
            continue
        between = text[end : place["start"]]
        if _CLAUSE_BREAK.search(between) or not _LOCATIVE.search(between):
            return None
        return place["name"]
    return None


_KILLED = r"(?:killed|dead|died|deaths?|slain|lost their lives)"
_WOUNDED = r"(?:wounded|injured|hurt|injuries)"
_AFTER_KILLED = re.compile(rf"^.{{0,40}}?\b{_KILLED}\b", re.IGNORECASE)
_AFTER_WOUNDED = re.compile(rf"^.{{0,40}}?\b{_WOUNDED}\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.]|\b(?:and|but|while|as)\b")
_BEFORE_KILLED = re.compile(r"\b(?:killed|killing|kills|kill)\s+(?:or\s+\w+\s+)?$", re.IGNORECASE)
_BEFORE_WOUNDED = re.compile(
    r"\b(?:wounded|wounding|injured|injuring|injures|wounds)\s+(?:or\s+\w+\s+)?$", re.IGNORECASE
)


def _casualty_words(text: str, start: int, end: int) -> str | None:
    """ "three soldiers were killed", "killed or wounded at least 30": read around the number."""
    after, before = text[end : end + 60], text[max(0, start - 40) : start]
    cut = _CLAUSE_END.search(after)
    after = after[: cut.start()] if cut else after
    killed = bool(_AFTER_KILLED.search(after) or _BEFORE_KILLED.search(before))
    wounded = bool(_AFTER_WOUNDED.search(after) or _BEFORE_WOUNDED.search(before))
    if killed and wounded:
        return "killed or wounded"
    return "killed" if killed else "wounded" if wounded else None


def claim_kind(
    quantity: dict[str, Any], events: Iterable[dict[str, Any]], text: str = ""
) -> tuple[str, dict | None]:
    """What the number counts: casualty words around it, or an event of the same
    sentence whose span holds it (its dead / injured, or a sanction)."""
    value = quantity.get("value")
    casualty = _casualty_words(text, quantity["start"], quantity["end"]) if text else None
    for event in events:
        if event["sentence"] != quantity["sentence"]:
            continue
        holds = event["start"] <= quantity["start"] and quantity["end"] <= event["end"]
        if not holds:
            continue
        if casualty:
            return casualty, event
        if value is not None and event.get("dead") == value:
            return "killed", event
        if value is not None and event.get("injured") == value:
            return "wounded", event
        if event["event_type"] == "SANCTION":
            return "sanctioned", event
        return "counted", event
    return casualty or "counted", None


SPEECH_TYPES = {"DISAPPROVE", "DEMAND", "ACCUSE", "THREATEN", "REJECT", "APPROVE", "PROTEST"}


def attribution_of(event: dict[str, Any] | None) -> str | None:
    """Who says so: the event's attribution, or the source of a statement event."""
    if event is None:
        return None
    if event.get("attribution"):
        return event["attribution"]
    if event["event_type"] in SPEECH_TYPES and event.get("source"):
        return ", ".join(a.get("code") or a["actorText"] for a in event["source"])
    return None


def claim_values(
    article_id: str,
    origin: str,
    text: str,
    quantities: Iterable[dict[str, Any]],
    places: list[dict[str, Any]],
    events: list[dict[str, Any]],
) -> list[ClaimValue]:
    """The claims one article makes: its stored quantities with what they measure."""
    out = []
    for q in quantities:
        noun = noun_class(q.get("noun"))
        if noun is None or _OTHER.search(q["text"]):
            continue  # "four other people" counts a different group from the one before
        kind, event = claim_kind(q, events, text)
        low, high = interval(q.get("value"), q.get("qualifier"), q["text"])
        out.append(
            ClaimValue(
                article_id=article_id,
                origin=origin,
                text=q["text"],
                value=q.get("value"),
                qualifier=q.get("qualifier"),
                low=low,
                high=high,
                noun=noun,
                actor=q.get("actor_country"),
                kind=kind,
                place=place_after(text, q["end"], places),
                attributed_to=attribution_of(event),
                sentence=q["sentence"],
            )
        )
    return out


def listed_countries(
    article_id: str, origin: str, events: list[dict[str, Any]]
) -> list[ClaimValue]:
    """Counts an article gives by naming: "Australia, Canada, France, ... and the United
    States" saying something together is a claim about how many countries did."""
    out, seen = [], set()
    for event in events:
        for role in ("source", "target"):
            codes = frozenset(a["code"] for a in event[role] if a.get("code"))
            if len(codes) >= MIN_LISTED and codes not in seen:
                seen.add(codes)
                n = float(len(codes))
                out.append(
                    ClaimValue(
                        article_id,
                        origin,
                        ", ".join(sorted(codes)),
                        n,
                        LISTED,
                        n,
                        n,
                        "countries",
                        None,
                        "counted",
                        None,
                        None,
                        event["sentence"],
                    )
                )
    return out


def _specificity(v: ClaimValue) -> tuple:
    exact = v.value is not None
    return (-(v.actor is not None) - (v.place is not None), not exact, v.article_id, v.sentence)


def compare_claims(values: Iterable[ClaimValue]) -> list[Claim]:
    """Group values by measure, the best-specified first, and give each group its verdict."""
    claims: list[Claim] = []
    by_measure: dict[tuple[str, str], list[Claim]] = {}  # accepts() needs noun and kind equal
    for v in sorted(values, key=_specificity):
        fitting = [c for c in by_measure.get((v.noun, v.kind), ()) if c.accepts(v)]
        same_key = [c for c in fitting if c.actor == v.actor and c.place == v.place]
        agreeing = [c for c in fitting if c.agrees(v)]
        # A count made from a list of names only confirms; it never makes a conflict.
        chosen = (agreeing or ([] if v.qualifier == LISTED else same_key) or [None])[0]
        if chosen is None:
            chosen = Claim(v.noun or "", v.kind, v.actor, v.place)
            claims.append(chosen)
            by_measure.setdefault((chosen.noun, chosen.kind), []).append(chosen)
        chosen.add(v)
    claims.sort(key=lambda c: (-len(c.sources), -len(c.values), c.measure))
    return claims
