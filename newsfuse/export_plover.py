"""Coded events as PLOVER JSON records laid out as POLECAT publishes them.

POLECAT (the PLOVER-coded successor of ICEWS) publishes one JSON record per coded event
with these names: ``id``, ``event_type``, ``event_mode`` and ``contexts`` (lists),
``date`` (of the event), ``pub_date``, ``story_id`` (the news text it was coded from),
``publisher``, ``headline``, ``event_text``, ``attributes`` (``ACTOR`` and ``RECIP`` lists of
``{text, country, code_1, code_2, wiki}``, ``LOC`` a list of ``{text}``),
``event_geolocation`` (``{geo: {geonameid, lat, lon, feature_code, country_code3, ...}}``)
and ``version``. PLOVER's own ``quad_code`` and its magnitude fields ``dead``,
``injured``, ``size`` are added under their PLOVER names. Everything newsfuse knows beyond
that (its article and story ids, who said so, negation, confidence, ...) is under one key,
``newsfuse``, so a reader of POLECAT records can ignore it.

POLECAT records events that happened: negated and hypothetical events are left out unless
asked for, and then carry ``newsfuse.negated`` / ``newsfuse.hypothetical``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsfuse import __version__
from newsfuse.events.ontology import quad_code
from newsfuse.store import Store

VERSION = f"newsfuse-{__version__}"
"""The ``version`` of every record: the coder that made it."""


def article_meta(store: Store) -> dict[str, dict[str, Any]]:
    """Article id → the fields an event export cites (no text), for every stored article."""
    keep = ("url", "outlet", "agency", "title", "published", "ingested_at", "language")
    return {a["id"]: {k: a.get(k) for k in keep} for a in store.iter_articles()}


def is_real(event: dict[str, Any]) -> bool:
    """Whether the text reports the event as having happened (not negated, not hypothetical)."""
    return not event.get("negated") and not event.get("hypothetical")


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": actor.get("actorText"),
        "country": actor.get("code"),
        "code_1": actor.get("sector"),
        "code_2": None,
        "wiki": None,
    }


def _geolocation(event: dict[str, Any]) -> dict[str, Any]:
    if event.get("location_geonameid") is None and not event.get("location"):
        return {"geo": None}
    return {
        "geo": {
            "search_placename": event.get("location"),
            "geonameid": event.get("location_geonameid"),
            "feature_code": event.get("location_feature_code"),
            "country_code3": event.get("location_country"),
            "lat": event.get("location_lat"),
            "lon": event.get("location_lon"),
        }
    }


def plover_record(event: dict[str, Any], article: dict[str, Any] | None) -> dict[str, Any]:
    """One stored event (an ``iter_events`` row) as a POLECAT-style PLOVER record."""
    article = article or {}
    published = article.get("published")
    attribution = None
    if event.get("attribution"):
        attribution = {"text": event["attribution"], "country": event.get("attribution_country")}
    return {
        "id": str(event["id"]),
        "event_type": event["event_type"],
        "event_mode": [event["mode"]] if event.get("mode") else [],
        "contexts": [event["context"]] if event.get("context") else [],
        "quad_code": quad_code(event["event_type"]),
        "date": event.get("date"),
        "pub_date": published[:10] if published else None,
        "story_id": event["article_id"],
        "publisher": article.get("outlet") or article.get("agency"),
        "headline": article.get("title"),
        "event_text": event.get("evidence"),
        "attributes": {
            "ACTOR": [_actor(a) for a in event.get("source") or []],
            "RECIP": [_actor(a) for a in event.get("target") or []],
            "LOC": [{"text": event["location"]}] if event.get("location") else [],
        },
        "event_geolocation": _geolocation(event),
        "dead": event.get("dead"),
        "injured": event.get("injured"),
        "size": event.get("size"),
        "version": VERSION,
        "newsfuse": {
            "article_id": event["article_id"],
            "story_id": event.get("story_id"),
            "url": article.get("url"),
            "outlet": article.get("outlet"),
            "agency": article.get("agency"),
            "attribution": attribution,
            "negated": bool(event.get("negated")),
            "hypothetical": bool(event.get("hypothetical")),
            "confidence": event.get("confidence"),
            "trigger": event.get("trigger"),
            "date_end": event.get("date_end"),
            "dead_text": event.get("dead_text"),
            "injured_text": event.get("injured_text"),
            "size_text": event.get("size_text"),
            "sentence": event.get("sentence"),
            "start": event.get("start"),
            "end": event.get("end"),
        },
    }


def plover_records(store: Store, *, include_unreal: bool = False) -> Iterator[dict[str, Any]]:
    """Every stored event as a POLECAT-style PLOVER record, newest first.

    Negated and hypothetical events are left out unless ``include_unreal`` (then they are
    flagged in ``newsfuse.negated`` / ``newsfuse.hypothetical``).
    """
    articles = article_meta(store)
    for event in store.iter_events(include_negated=include_unreal):
        if include_unreal or is_real(event):
            yield plover_record(event, articles.get(event["article_id"]))
