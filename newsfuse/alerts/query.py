"""What a watchlist asks for, and whether a story or an event answers it.

A :class:`Watch` is a saved query. Each list is a choice (any of its values will do);
the lists together must all hold (an empty list asks nothing):

- ``types``: PLOVER event types (AGREE, ASSAULT, ...);
- ``actors``: ISO3 countries among an event's source or target actors; ``sources`` and
  ``targets`` the same for one role only;
- ``places``: an ISO3 country or a place name where the event happened (its location),
  or where its article is datelined;
- ``keywords``: words or phrases in the story's title, the event's article title or the
  event's evidence sentence (whole words, any case);
- ``min_sources``: the story has at least this many independent sources.

With ``scope="story"`` one match is a story (a story matches once, when one of its
events answers the query, or, for a query about keywords and sources only, when its
texts do); with ``scope="event"`` each answering event is a match of its own.
Negated events ("did not attack") never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsfuse.errors import InputError
from newsfuse.events.ontology import EventType

SCOPES = ("story", "event")
EVENT_TYPES = frozenset(t.value for t in EventType)
_ISO3 = re.compile(r"^[A-Za-z]{3}$")


def _codes(values: Iterable[str], what: str) -> tuple[str, ...]:
    out = []
    for value in values:
        value = value.strip()
        if not _ISO3.match(value):
            raise InputError(f"{what} {value!r} is not an ISO 3166 alpha-3 country code (ARM, RUS)")
        out.append(value.upper())
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Watch:
    """A saved query over stories and events (see the module's docstring)."""

    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    min_sources: int = 1
    scope: str = "story"

    @classmethod
    def build(
        cls,
        *,
        types: Iterable[str] = (),
        actors: Iterable[str] = (),
        sources: Iterable[str] = (),
        targets: Iterable[str] = (),
        places: Iterable[str] = (),
        keywords: Iterable[str] = (),
        min_sources: int = 1,
        scope: str = "story",
    ) -> Watch:
        """A checked query: known event types, ISO3 codes, a known scope."""
        kinds = tuple(dict.fromkeys(t.strip().upper() for t in types))
        unknown = [t for t in kinds if t not in EVENT_TYPES]
        if unknown:
            raise InputError(
                f"unknown event type {unknown[0]!r}; use one of {', '.join(sorted(EVENT_TYPES))}"
            )
        if scope not in SCOPES:
            raise InputError(f"unknown scope {scope!r}; use story or event")
        if min_sources < 1:
            raise InputError("--min-sources must be 1 or more")
        words = tuple(dict.fromkeys(k.strip() for k in keywords if k.strip()))
        return cls(
            types=kinds,
            actors=_codes(actors, "actor"),
            sources=_codes(sources, "source"),
            targets=_codes(targets, "target"),
            places=tuple(dict.fromkeys(p.strip() for p in places if p.strip())),
            keywords=words,
            min_sources=min_sources,
            scope=scope,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any], scope: str = "story") -> Watch:
        keys = ("types", "actors", "sources", "targets", "places", "keywords")
        return cls.build(
            **{k: data.get(k) or () for k in keys},
            min_sources=int(data.get("min_sources") or 1),
            scope=scope,
        )

    def to_dict(self) -> dict[str, Any]:
        """The query as stored (JSON); the scope is stored beside it."""
        return {
            "types": list(self.types),
            "actors": list(self.actors),
            "sources": list(self.sources),
            "targets": list(self.targets),
            "places": list(self.places),
            "keywords": list(self.keywords),
            "min_sources": self.min_sources,
        }

    @property
    def asks_about_events(self) -> bool:
        return bool(self.types or self.actors or self.sources or self.targets or self.places)

    def describe(self) -> str:
        """One line a person reads: ``AGREE · actor ARM · ≥ 2 sources``."""
        parts = list(self.types)
        parts += [f"actor {c}" for c in self.actors]
        parts += [f"source {c}" for c in self.sources]
        parts += [f"target {c}" for c in self.targets]
        parts += [f"place {p}" for p in self.places]
        parts += [f'"{k}"' for k in self.keywords]
        if self.min_sources > 1:
            parts.append(f"≥ {self.min_sources} sources")
        return " · ".join(parts) or "everything"

    # -- matching ------------------------------------------------------------------

    def has_keyword(self, *texts: str | None) -> bool:
        """No keywords asked, or one of them is in one of ``texts``."""
        if not self.keywords:
            return True
        patterns = [_word_pattern(k) for k in self.keywords]
        return any(p.search(t) for p in patterns for t in texts if t)

    def event_matches(self, event: dict[str, Any], story: dict[str, Any]) -> bool:
        """Whether a non-negated ``event`` (a dict as :meth:`AlertStore.alert_candidates`
        gives it) of ``story`` answers the query (sources counted on the story)."""
        if event.get("negated") or story["sources"] < self.min_sources:
            return False
        if self.types and event["event_type"] not in self.types:
            return False
        source = {a.get("code") for a in event["source"]} - {None}
        target = {a.get("code") for a in event["target"]} - {None}
        if self.sources and not source.intersection(self.sources):
            return False
        if self.targets and not target.intersection(self.targets):
            return False
        if self.actors and not (source | target).intersection(self.actors):
            return False
        if self.places and not self._in_place(event):
            return False
        return self.has_keyword(story.get("title"), event.get("article_title"), event["evidence"])

    def story_matches(self, story: dict[str, Any]) -> list[dict[str, Any]] | None:
        """The events by which ``story`` answers the query ([] when it answers by its
        texts alone), or None when it does not."""
        if story["sources"] < self.min_sources:
            return None
        found = [e for e in story["events"] if self.event_matches(e, story)]
        if found:
            return found
        if self.asks_about_events:
            return None
        texts = [story.get("title"), *story.get("article_titles", ())]
        texts += [e["evidence"] for e in story["events"] if not e.get("negated")]
        return [] if self.has_keyword(*texts) else None

    def _in_place(self, event: dict[str, Any]) -> bool:
        codes = {event.get("location_country"), event.get("dateline_country")} - {None}
        names = {(n or "").casefold() for n in (event.get("location"), event.get("dateline_place"))}
        for place in self.places:
            if _ISO3.match(place) and place.upper() in codes:
                return True
            if place.casefold() in names - {""}:
                return True
        return False


@lru_cache(maxsize=1024)
def _word_pattern(keyword: str) -> re.Pattern[str]:
    """A keyword as a whole word or phrase, any case, any run of spaces between words."""
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
