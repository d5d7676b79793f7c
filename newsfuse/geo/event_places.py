"""An event's location as the place the annotate stage resolved.

The coder names an event's place by the name of a place mention of its sentence
(``Event.location``). That mention carries the place resolved in the context of the
whole article (its GeoNames id, point and country: "Paris" in an article about Texas
is Paris, Texas), so the event takes those from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsfuse.model import Event, PlaceMention


def _mention_of(event: Event, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place mention the event's location names: in the event's sentence, inside
    the event's span where one is, else the nearest to its trigger."""
    same = [p for p in places if p.name == event.location and p.sentence == event.sentence]
    if not same:
        return None
    inside = [p for p in same if event.start <= p.start and p.end <= event.end]
    return min(inside or same, key=lambda p: abs(p.start - event.trigger_start))


def locate_events(events: Iterable[Event], places: Sequence[PlaceMention]) -> list[Event]:
    """``events`` with the resolved place (id, point, country, feature code) of their location."""
    out = []
    for event in events:
        place = _mention_of(event, places) if event.location else None
        if place is None or (place.geonameid is None and place.lat is None):
            out.append(event)
            continue
        out.append(
            replace(
                event,
                location_country=place.country or event.location_country,
                location_geonameid=place.geonameid,
                location_lat=place.lat,
                location_lon=place.lon,
                location_feature_code=place.feature_code,
            )
        )
    return out
