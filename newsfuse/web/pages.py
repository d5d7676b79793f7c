"""Server-rendered pages; each has a JSON twin at the same URL with ``.json``."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from newsfuse.alerts.atom import atom_feed
from newsfuse.clean.ids import MAX_ID_CHARS
from newsfuse.events.ontology import EventType, QuadClass
from newsfuse.untrusted import csv_cell, html_bidi
from newsfuse.web import data
from newsfuse.web.params import ISO3, Limit, Offset, event_filters, story_filters

router = APIRouter(include_in_schema=False)
_env = Environment(
    loader=PackageLoader("newsfuse.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    finalize=html_bidi,  # every {{ value }}: no bidi override can reorder the page
)
templates = Jinja2Templates(env=_env)
IdPath = Annotated[str, Path(max_length=MAX_ID_CHARS)]  # every id ingest accepts
AlertName = Annotated[str | None, Query(max_length=200, description="Only this alert.")]
CodePath = Annotated[str, Path(pattern=ISO3.replace(")?$", ")$"))]
EVENT_CSV_FIELDS = ("id", "date", "event_type", "quad_class", "mode", "source", "target",
                    "location", "location_country", "dead", "injured", "size", "dead_text",
                    "injured_text", "size_text", "attribution",
                    "story_id", "article_id", "evidence", "location_geonameid",
                    "location_feature_code", "location_lat", "location_lon")  # fmt: skip


def http_url(url: str | None) -> str | None:
    """A link only for http(s) URLs: article metadata is untrusted (no ``javascript:``)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def segment(value: object) -> str:
    """One URL path segment: every reserved character percent-encoded ("/" included)."""
    return quote(str(value), safe="")


def actors_text(actors: list[dict[str, Any]]) -> str:
    return ", ".join(
        a.get("actorText", "") + (f" ({a['code']})" if a.get("code") else "") for a in actors
    )


_env.filters["http_url"] = http_url
_env.filters["actors_text"] = actors_text
_env.filters["segment"] = segment
_env.filters["distinct_places"] = data.article_places
_env.globals["country_name"] = data.country_name
_env.globals["event_types"] = [t.value for t in EventType]
_env.globals["quad_classes"] = [q.value for q in QuadClass]


def _with(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


def _render(request: Request, name: str, context: dict[str, Any]) -> Response:
    context = {
        "url_with": lambda **kw: _with(request, **kw),
        "query": request.query_params,
        **context,
    }
    return templates.TemplateResponse(request, name, context)


def _pager(result: dict[str, Any]) -> dict[str, Any]:
    limit, offset, total = result["limit"], result["offset"], result["total"]
    return {
        "prev": max(offset - limit, 0) if offset > 0 else None,
        "next": offset + limit if offset + limit < total else None,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "total": total,
    }


def _store(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.store


# -- stories ----------------------------------------------------------------------


@router.get("/stories.json")
def stories_json(request: Request, filters: Annotated[dict, Depends(story_filters)],
                 limit: Limit = 50, offset: Offset = 0) -> JSONResponse:  # fmt: skip
    return JSONResponse(data.stories(_store(request), filters, limit, offset))


@router.get("/stories")
def stories_page(request: Request, filters: Annotated[dict, Depends(story_filters)],
                 limit: Limit = 50, offset: Offset = 0) -> Response:  # fmt: skip
    result = data.stories(_store(request), filters, limit, offset)
    return _render(request, "stories.html", {"result": result, "pager": _pager(result)})


@router.get("/stories/{story_id:path}.json")
def story_json(request: Request, story_id: IdPath, limit: Limit = data.STORY_ARTICLES,
               offset: Offset = 0) -> JSONResponse:  # fmt: skip
    return JSONResponse(data.story(_store(request), story_id, limit, offset))


@router.get("/stories/{story_id:path}")
def story_page(request: Request, story_id: IdPath, limit: Limit = data.STORY_ARTICLES,
               offset: Offset = 0) -> Response:  # fmt: skip
    story = data.story(_store(request), story_id, limit, offset)
    pager = _pager({"limit": limit, "offset": offset, "total": story["articles_total"]})
    return _render(request, "story.html", {"story": story, "pager": pager})


# -- storylines -------------------------------------------------------------------


@router.get("/storylines.json")
def storylines_json(request: Request, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    return JSONResponse(data.storylines(_store(request), limit, offset))


@router.get("/storylines")
def storylines_page(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    result = data.storylines(_store(request), limit, offset)
    return _render(request, "storylines.html", {"result": result, "pager": _pager(result)})


@router.get("/storylines/{storyline_id:path}.json")
def storyline_json(request: Request, storyline_id: IdPath) -> JSONResponse:
    return JSONResponse(data.storyline(_store(request), storyline_id))


@router.get("/storylines/{storyline_id:path}")
def storyline_page(request: Request, storyline_id: IdPath) -> Response:
    storyline = data.storyline(_store(request), storyline_id)
    return _render(request, "storyline.html", {"storyline": storyline})


# -- alerts -----------------------------------------------------------------------

ATOM_ENTRIES = 50


@router.get("/alerts.json")
def alerts_json(request: Request) -> JSONResponse:
    return JSONResponse(data.alerts(_store(request)))


@router.get("/alerts")
def alerts_page(request: Request) -> Response:
    return _render(request, "alerts.html", {"result": data.alerts(_store(request))})


@router.get("/alerts.atom")
def alerts_atom(request: Request, alert: AlertName = None) -> Response:
    """The latest matches of every alert (or of ``alert``) as an Atom feed."""
    matches = _store(request).recorded_matches(alert, limit=ATOM_ENTRIES)
    base = str(request.base_url).rstrip("/")
    feed = atom_feed(
        matches,
        base_url=base,
        self_url=str(request.url),
        title=f"newsfuse alert {alert}" if alert else "newsfuse alerts",
    )
    return Response(feed, media_type="application/atom+xml; charset=utf-8")


# -- events -----------------------------------------------------------------------


@router.get("/events.json")
def events_json(request: Request, filters: Annotated[dict, Depends(event_filters)],
                limit: Limit = 100, offset: Offset = 0) -> JSONResponse:  # fmt: skip
    return JSONResponse(data.events(_store(request), filters, limit, offset))


@router.get("/events.csv")
def events_csv(request: Request, filters: Annotated[dict, Depends(event_filters)],
               limit: Annotated[int, Limit] = 500, offset: Offset = 0) -> Response:  # fmt: skip
    result = data.events(_store(request), filters, limit, offset)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EVENT_CSV_FIELDS), extrasaction="ignore")
    writer.writeheader()
    for row in result["items"]:
        row = dict(row, source=actors_text(row["source"]), target=actors_text(row["target"]))
        writer.writerow({k: csv_cell(row.get(k)) for k in EVENT_CSV_FIELDS})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/events")
def events_page(request: Request, filters: Annotated[dict, Depends(event_filters)],
                limit: Limit = 100, offset: Offset = 0) -> Response:  # fmt: skip
    result = data.events(_store(request), filters, limit, offset)
    return _render(request, "events.html", {"result": result, "pager": _pager(result)})


# -- actors, articles, map ----------------------------------------------------------


@router.get("/actors/{code}.json")
def actor_json(request: Request, code: CodePath) -> JSONResponse:
    return JSONResponse(data.actor(_store(request), code))


@router.get("/actors/{code}")
def actor_page(request: Request, code: CodePath) -> Response:
    return _render(request, "actor.html", {"actor": data.actor(_store(request), code)})


@router.get("/articles/{article_id:path}.json")
def article_json(request: Request, article_id: IdPath) -> JSONResponse:
    return JSONResponse(data.article(_store(request), article_id))


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: IdPath) -> Response:
    return _render(request, "article.html", {"article": data.article(_store(request), article_id)})


@router.get("/map.json")
def map_json(request: Request, filters: Annotated[dict, Depends(event_filters)]) -> JSONResponse:
    return JSONResponse(data.map_points(_store(request), filters))


@router.get("/map")
def map_page(request: Request, filters: Annotated[dict, Depends(event_filters)]) -> Response:
    return _render(request, "map.html", {"map": data.map_points(_store(request), filters)})
