"""What each page and API answer holds, as plain dicts: one function per view.

The HTML pages, their ``.json`` twins and ``/api/...`` all call these, so the
three can never disagree.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from newsfuse.alerts import Watch, match_record
from newsfuse.countries import country_name
from newsfuse.events.ontology import QuadClass
from newsfuse.fuse.story import story_report
from newsfuse.fuse.storyline import storyline_report
from newsfuse.geo.points import place_point
from newsfuse.store import Store
from newsfuse.store.aggregates import event_place_counts

STORY_ARTICLES = 50  # a story's articles listed per page
MAX_MONTH_BARS = 120  # a longer span is drawn a year a bar
QUAD_CLASSES = tuple(q.value for q in QuadClass)


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def stories(store: Store, filters: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    items, total = store.page_of_stories(limit=limit, offset=offset, **filters)
    return page(items, total, limit, offset)


def story(
    store: Store, story_id: str, limit: int = STORY_ARTICLES, offset: int = 0
) -> dict[str, Any]:
    """A story with ``limit`` of its articles from ``offset`` (``articles_total`` in all),
    its stored fusion, and a timeline of its events and of the articles listed."""
    report = story_report(store, story_id, limit=limit, offset=offset)
    report["timeline"] = timeline(report)
    return report


def storylines(store: Store, limit: int, offset: int, min_stories: int = 2) -> dict[str, Any]:
    items = list(store.iter_storylines(min_stories=min_stories, limit=limit, offset=offset))
    return page(items, store.count_storylines(min_stories=min_stories), limit, offset)


def storyline(store: Store, storyline_id: str) -> dict[str, Any]:
    """A storyline: its stories oldest first with their canonical events, and a timeline."""
    return storyline_report(store, storyline_id)


def alerts(store: Store, latest: int = 5) -> dict[str, Any]:
    """Saved alerts, each with its ``latest`` matches (newest first). Where matches go is
    shown by channel and host only: a webhook URL or a file path may hold a secret."""
    items = []
    for alert in store.list_alerts():
        deliver = ["jsonl"] if alert.get("jsonl") else []
        if alert.get("webhook"):
            deliver.append("webhook " + (urlsplit(alert["webhook"]).hostname or "?"))
        matches = store.recorded_matches(alert["name"], limit=latest)
        items.append({
            "name": alert["name"],
            "scope": alert["scope"],
            "query": alert["query"],
            "watch": Watch.from_dict(alert["query"], alert["scope"]).describe(),
            "deliver": deliver,
            "created_at": alert["created_at"],
            "matches": alert["matches"],
            "pending": alert["pending"],
            "last_match": alert["last_match"],
            "latest": [match_record(m) for m in matches],
        })  # fmt: skip
    return {"items": items, "total": len(items)}


def timeline(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Dated happenings and reports of a story, oldest first."""
    rows = [
        {"date": e["date"], "kind": "event", "what": e["summary"], "sources": e["sources"]}
        for e in report["events"]
        if e.get("date")
    ]
    rows += [
        {
            "date": (a.get("published") or "")[:10],
            "kind": "report",
            "what": a.get("title") or a["id"],
            "sources": [a["origin"]],
        }
        for a in report["articles"]
        if a.get("published")
    ]
    return sorted(rows, key=lambda r: (r["date"], r["kind"] != "report", r["what"]))


def events(store: Store, filters: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    items = list(store.iter_events(limit=limit, offset=offset, **filters))
    return page(items, store.count_events(**filters), limit, offset)


def article(store: Store, article_id: str) -> dict[str, Any]:
    row = store.get_article(article_id)  # an id a duplicate input gave finds its article
    stored = row["id"]
    row["story_id"] = store.story_ids([stored]).get(stored)
    row["annotations"] = store.get_annotations(stored)
    row["events"] = list(store.iter_events(article_id=stored))
    return row


def article_places(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An article's place mentions as distinct places, in the order first named: one row
    per (name, GeoNames id, country, kind) with how often it is named and the first
    mention's fields (point, feature class and code, GeoNames link)."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for p in places:
        key = (p.get("name"), p.get("geonameid"), p.get("country"), p.get("kind"))
        if key in out:
            out[key]["mentions"] += 1
            continue
        geonameid = p.get("geonameid")
        out[key] = {
            **p,
            "mentions": 1,
            "geonames_url": f"https://www.geonames.org/{int(geonameid)}"
            if isinstance(geonameid, int) and not isinstance(geonameid, bool)
            else None,
        }
    return list(out.values())


def actor(store: Store, code: str, limit: int = 50) -> dict[str, Any]:
    """A country's page: events over time, who it deals with, its stories."""
    profile = store.actor_profile(code)
    for row in profile["counterparts"]:
        row["name"] = country_name(row["country"])
        row["cooperation"] = sum(row.get(q, 0) for q in QUAD_CLASSES if "cooperation" in q)
        row["conflict"] = sum(row.get(q, 0) for q in QUAD_CLASSES if "conflict" in q)
    return {
        "code": profile["code"],
        "name": country_name(profile["code"]),
        "events": store.count_events(actor=code),
        "months": profile["months"],
        "chart": month_chart(profile["months"]),
        "counterparts": profile["counterparts"],
        "stories": list(store.iter_stories(actor=code, limit=limit)),
    }


def _fill_months(months: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every month from the first to the last (empty ones too), or years when that is long."""
    known = {m["month"]: m for m in months if len(m["month"]) == 7}
    if not known:
        return []
    first, last = min(known), max(known)
    y, mo = int(first[:4]), int(first[5:])
    out = []
    while f"{y:04d}-{mo:02d}" <= last:
        key = f"{y:04d}-{mo:02d}"
        out.append(known.get(key, {"month": key}))
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    if len(out) <= MAX_MONTH_BARS:
        return out
    years: dict[str, dict[str, Any]] = {}
    for m in out:
        year = years.setdefault(m["month"][:4], {"month": m["month"][:4]})
        for key, n in m.items():
            if key != "month":
                year[key] = year.get(key, 0) + n
    return list(years.values())


def month_chart(months: list[dict[str, Any]], width: float = 720, height: float = 160) -> dict:
    """Bars of events per month, stacked by quad class, in SVG user units."""
    months = _fill_months(months)
    if not months:
        return {"width": width, "height": height, "bars": [], "labels": [], "max": 0}
    totals = [sum(v for k, v in m.items() if k != "month") for m in months]
    top = max(totals) or 1
    step = width / len(months)
    bars, labels = [], []
    for i, m in enumerate(months):
        y = height
        for quad in QUAD_CLASSES:
            n = m.get(quad, 0)
            if not n:
                continue
            h = height * n / top
            y -= h
            bars.append({"x": round(i * step + 1, 1), "y": round(y, 1), "w": round(max(step - 2, 1), 1),
                         "h": round(h, 1), "quad": quad, "month": m["month"], "n": n})  # fmt: skip
        if len(months) <= 12 or i % math.ceil(len(months) / 12) == 0:
            labels.append({"x": round(i * step + step / 2, 1), "text": m["month"]})
    return {"width": width, "height": height, "bars": bars, "labels": labels, "max": top}


def event_point(
    location: str | None, country: str | None, lat: float | None, lon: float | None
) -> tuple[float, float] | None:
    """Where the map puts an event: its stored point, else :func:`place_point` of its
    location and country."""
    if lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon):
        return lat, lon
    return place_point(location, country)


def map_points(store: Store, filters: dict[str, Any]) -> dict[str, Any]:
    """Event locations for the world map (equirectangular: x = lon + 180, y = 90 - lat).

    An event sits at the point stored with it (its place as the annotate stage resolved
    it in its article); one without (stored before 0012_event_points, or whose place has
    no point) at its place name in the gazetteer, else its country's capital. The
    database counts events by place and type; only the distinct places are looked up
    here. Points, and the types at each, come in the order of their newest event.
    """
    points: dict[tuple[float, float], dict[str, Any]] = {}
    placed = unplaced = 0
    for row in event_place_counts(store.engine, **filters):
        n, location, country = row["events"], row["location"], row["location_country"]
        point = event_point(location, country, row["location_lat"], row["location_lon"])
        if point is None:
            unplaced += n
            continue
        placed += n
        lat, lon = round(point[0], 1), round(point[1], 1)
        p = points.setdefault(
            (lat, lon),
            {"lat": lat, "lon": lon, "x": lon + 180, "y": 90 - lat,
             "place": location or country_name(country), "country": country,
             "events": 0, "types": {}},
        )  # fmt: skip
        p["events"] += n
        p["types"][row["event_type"]] = p["types"].get(row["event_type"], 0) + n
    for p in points.values():
        p["r"] = round(0.8 + 0.6 * math.sqrt(p["events"]), 2)
    return {
        "points": sorted(points.values(), key=lambda p: -p["events"]),
        "placed": placed,
        "unplaced": unplaced,
    }
