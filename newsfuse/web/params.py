"""Query parameters shared by the pages and the API, validated once."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from newsfuse.errors import InputError
from newsfuse.events.ontology import EventType, QuadClass, is_event_type

ISO3 = r"^([A-Za-z]{3})?$"  # empty: no filter (what a blank form field sends)
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
MAX_LIMIT = 500

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Since = Annotated[
    str | None,
    Query(pattern=DATE, description="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
Until = Annotated[str | None, Query(pattern=DATE, description="On or before this date.")]
Actor = Annotated[str | None, Query(pattern=ISO3, description="ISO3 code of an actor's country.")]
Country = Annotated[
    str | None, Query(pattern=ISO3, description="ISO3 code of a country where it happened.")
]
NO_CONTROLS = r"^[^\x00-\x1f\x7f-\x9f]*$"
"""No control characters (the app answers 422 for any in a URL: see ``UrlGuard``)."""
EVENT_TYPES = [t.value for t in EventType]
QUAD_CLASSES = [q.value for q in QuadClass]

EventTypeParam = Annotated[
    str | None,
    Query(
        alias="type",
        max_length=12,
        description="PLOVER event type, e.g. SANCTION (any case; empty: any type).",
        json_schema_extra={"enum": ["", *EVENT_TYPES]},
    ),
]
QuadParam = Annotated[
    str | None,
    Query(
        alias="quad",
        max_length=24,
        description="Quad class, e.g. material conflict (empty: any).",
        json_schema_extra={"enum": ["", *QUAD_CLASSES]},
    ),
]
Search = Annotated[
    str | None,
    Query(
        alias="q",
        max_length=200,
        pattern=NO_CONTROLS,
        description="Words every match must contain (no control characters).",
    ),
]
StoryParam = Annotated[
    str | None, Query(max_length=64, pattern=NO_CONTROLS, description="Story id.")
]


def _blank(value: str | None) -> str | None:
    return value if value and value.strip() else None


def check_type(event_type: str | None) -> str | None:
    event_type = _blank(event_type)
    if event_type and not is_event_type(event_type):
        raise InputError(
            f"unknown event type {event_type!r}; use one of the 18 PLOVER types, e.g. SANCTION"
        )
    return event_type.upper() if event_type else None


def check_quad(quad: str | None) -> str | None:
    quad = _blank(quad)
    if quad and quad not in QUAD_CLASSES:
        raise InputError(f"unknown quad class {quad!r}; use one of: " + ", ".join(QUAD_CLASSES))
    return quad


def story_filters(
    q: Search = None,
    actor: Actor = None,
    country: Country = None,
    event_type: EventTypeParam = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    return {
        "query": _blank(q),
        "actor": _blank(actor),
        "country": _blank(country),
        "event_type": check_type(event_type),
        "since": _blank(since),
        "until": _blank(until),
    }


def event_filters(
    event_type: EventTypeParam = None,
    quad: QuadParam = None,
    actor: Actor = None,
    country: Country = None,
    since: Since = None,
    until: Until = None,
    story: StoryParam = None,
) -> dict[str, Any]:
    return {
        "event_type": check_type(event_type),
        "quad_class": check_quad(quad),
        "actor": _blank(actor),
        "country": _blank(country),
        "since": _blank(since),
        "until": _blank(until),
        "story_id": _blank(story),
    }
