"""The artifacts that flow between pipeline stages.

read  → :class:`RawDocument` (or :class:`Reject`)
clean → :class:`Article` (or :class:`Reject`)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

DocumentKind = Literal["text", "html"]


@dataclass(frozen=True)
class RawDocument:
    """One document as a reader found it, before any cleaning.

    ``source`` says where it came from (a path, ``path:LINE`` for a JSON line,
    ``path#NEWID`` for one story of an SGML file, ``<stdin>``).
    ``meta`` holds the fields the input gave (id, url, outlet, title, published,
    author, language, ...) under our own names.
    ``notes`` are things worth telling the user, e.g. an encoding fallback.
    """

    source: str
    kind: DocumentKind
    content: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reject:
    """An input that did not become an article, with a reason that says what to do."""

    source: str
    reason: str


@dataclass(frozen=True)
class Dateline:
    """What a dateline or wire header says, and where it sits in the text.

    ``start``/``end`` are character offsets of the whole header (place, date,
    agency and the punctuation that ends it) in the text it was found in, so
    that the caller can cut it out of the body.
    """

    place: str | None
    country: str | None  # ISO 3166 alpha-3
    agency: str | None
    published: str | None  # ISO 8601 date (YYYY-MM-DD) or datetime
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A cleaned article: body text without page furniture, with its metadata."""

    id: str
    source: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    agency: str | None = None
    author: str | None = None
    published: str | None = None
    dateline_place: str | None = None
    dateline_country: str | None = None
    language: str | None = None
    boilerplate: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


# -- annotate -------------------------------------------------------------------------

Granularity = Literal["day", "week", "month", "year", "range", "decade"]


@dataclass(frozen=True)
class Actor:
    """Who an expression refers to: ``resolve_actor``'s answer.

    ``country`` is ISO 3166 alpha-3 (None for international organisations and
    unknowns); ``sector`` a short role code (GOV, MIL, COP, REB, IGO, ...).
    """

    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class ActorMention:
    """An actor named in an article's text; ``start``/``end`` are offsets into the cleaned text."""

    start: int
    end: int
    text: str
    actor: Actor
    label: str  # what found it: PERSON, ORG, GPE, NORP, NOUN (a role noun phrase), DICT
    sentence: int


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name: str
    country: str | None
    kind: str  # country, city, region, admin1, feature
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    sentence: int = 0
    geonameid: int | None = None
    feature_class: str | None = None
    """GeoNames feature class: A (country, region), P (populated place), L (continent)."""
    feature_code: str | None = None
    """GeoNames feature code: PCLI (country), ADM1 (first-order region), PPL, PPLC, CONT."""


@dataclass(frozen=True)
class TimeMention:
    """A time expression resolved against the article's date, keeping its granularity.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a range also has ``end_value``.
    """

    start: int
    end: int
    text: str
    value: str
    granularity: Granularity
    end_value: str | None = None
    sentence: int = 0


@dataclass(frozen=True)
class Quantity:
    """A number and what it counts: "more than 10,000 North Korean soldiers"."""

    start: int
    end: int
    text: str
    value: float | None  # None for vague amounts ("thousands")
    qualifier: str | None  # more than, at least, approximately, around, up to, vague, ...
    noun: str | None  # the counted noun, lemmatised: soldier, people, entity, party
    actor: Actor | None = None  # whose they are
    vague: bool = False
    sentence: int = 0


@dataclass(frozen=True)
class Annotations:
    """Everything the annotate stage found in one article."""

    article_id: str
    sentences: tuple[tuple[int, int], ...] = ()
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    annotated_chars: int | None = None
    """How many characters of the text, from its start, were annotated, when not all of them
    (a very long article: see :mod:`newsfuse.annotate.pieces`); None when all were."""
    notes: tuple[str, ...] = ()
    """Things worth telling the user, e.g. "annotated the first 500,000 of 1,200,000 characters"."""


# -- code -----------------------------------------------------------------------------

MAX_COUNT = 2**63 - 1
"""The largest count an event stores: a signed 64-bit integer (BIGINT on PostgreSQL and
SQLite alike). A larger number is kept in words (see :func:`split_magnitude`)."""
MAGNITUDES = ("dead", "injured", "size")
_NUMBER_TEXT = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def as_count(value: object) -> int | None:
    """``value`` as a count an event can store, or None: numbers and numeric strings such as
    "1,000" from -MAX_COUNT-1 to MAX_COUNT (a fraction is cut off, as in ``int``); never a
    bool, an infinity or NaN."""
    if isinstance(value, str):
        text = value.strip().replace("\u2009", "")
        if not _NUMBER_TEXT.match(text):
            return None
        value = float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = int(value)
    return value if -MAX_COUNT - 1 <= value <= MAX_COUNT else None


def split_magnitude(value: object) -> tuple[int | None, str | None]:
    """A dead / injured / size value of any form as ``(count, words)``, one of them None.

    12 → (12, None); "1,000" → (1000, None); "millions" → (None, "millions"); a number
    too large for a 64-bit count, e.g. 10**20 → (None, "100000000000000000000 (too large
    to store as a count)"); None or "" → (None, None).
    """
    if value is None or isinstance(value, bool):
        return None, None
    count = as_count(value)
    if count is not None:
        return count, None
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return None, None
        return None, f"{int(value)} (too large to store as a count)"
    text = " ".join(str(value).split())
    return None, text or None


@dataclass(frozen=True)
class EventActor:
    """One source or target actor as the text names it, resolved."""

    text: str
    country: str | None = None
    sector: str | None = None

    def to_plover(self) -> dict[str, Any]:
        return {"actorText": self.text, "code": self.country, "sector": self.sector}


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, where, when, how many, and who said so.

    ``negated`` marks an event the text says did not happen; ``hypothetical`` one
    that is demanded, threatened, planned or otherwise not (yet) real. Offsets are
    characters in the text the event was coded from.

    ``dead``, ``injured`` and ``size`` are counts (integers within 64 bits) or None; an
    amount without a number ("thousands", "dozens") is kept as its words in
    ``dead_text``, ``injured_text`` or ``size_text``, with the count None.
    """

    event_type: str
    trigger: str
    evidence: str
    source: tuple[EventActor, ...] = ()
    target: tuple[EventActor, ...] = ()
    mode: str | None = None
    context: str | None = None
    location: str | None = None
    location_country: str | None = None
    date: str | None = None
    date_end: str | None = None
    dead: int | None = None
    injured: int | None = None
    size: int | None = None
    attribution: str | None = None
    attribution_actor: EventActor | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    sentence: int = 0
    start: int = 0
    end: int = 0
    trigger_start: int = 0
    trigger_end: int = 0
    article_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    dead_text: str | None = None
    injured_text: str | None = None
    size_text: str | None = None
    location_geonameid: int | None = None
    """GeoNames id of the place ``location`` names, as the annotate stage resolved it."""
    location_lat: float | None = None
    location_lon: float | None = None
    location_feature_code: str | None = None
    """GeoNames feature code of that place (PCLI, ADM1, PPL, ...), as for a place mention."""

    def __post_init__(self) -> None:
        """Counts are integers that fit 64 bits, always: a vague amount given as a count
        ("thousands") moves to its ``*_text`` field, as does a number too large to store."""
        for name in MAGNITUDES:
            value = getattr(self, name)
            if value is None or (type(value) is int and -MAX_COUNT - 1 <= value <= MAX_COUNT):
                continue
            count, words = split_magnitude(value)
            object.__setattr__(self, name, count)
            if words is not None and getattr(self, f"{name}_text") is None:
                object.__setattr__(self, f"{name}_text", words)

    def to_plover(self) -> dict[str, Any]:
        """The event with PLOVER's JSON field names (plus newsfuse's own, prefixed by nothing)."""
        return {
            "event": self.event_type,
            "mode": self.mode,
            "context": self.context,
            "source": [a.to_plover() for a in self.source],
            "target": [a.to_plover() for a in self.target],
            "eventLoc": {"text": self.location, "code": self.location_country}
            if self.location
            else None,
            "date": self.date,
            "dateEnd": self.date_end,
            "dead": self.dead,
            "injured": self.injured,
            "size": self.size,
            "deadText": self.dead_text,
            "injuredText": self.injured_text,
            "sizeText": self.size_text,
            "eventText": self.trigger,
            "text": self.evidence,
            "attribution": self.attribution,
            "attributionActor": self.attribution_actor.to_plover()
            if self.attribution_actor
            else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Analysis:
    """What the annotate and code stages found in one article: the artifact stored after them."""

    annotations: Annotations
    events: tuple[Event, ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        """The annotate stage's notes (e.g. that a very long text was annotated in part)."""
        return self.annotations.notes
