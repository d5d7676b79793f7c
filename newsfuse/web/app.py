"""The FastAPI application: security headers, one JSON error shape, pages and API."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsfuse import __version__
from newsfuse.errors import NewsfuseError, StoreError
from newsfuse.store import Store
from newsfuse.store.changes import ChangeWatch
from newsfuse.store.db import database_url
from newsfuse.web.api import router as api_router
from newsfuse.web.cache import CACHE_BYTES, ResponseCache
from newsfuse.web.docs import mount_docs
from newsfuse.web.pages import router as pages_router
from newsfuse.web.pages import templates
from newsfuse.web.security import MAX_ARTICLES, MAX_BODY_BYTES, SECURITY_HEADERS

STATIC = Path(__file__).parent / "static"
SHUTDOWN_SECONDS = 5
"""On SIGTERM a request still running after this long is cut off and the server exits."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def error_body(status: int, message: str, error: str) -> dict[str, Any]:
    """The one error shape of the API (the same as ``NewsfuseError.to_dict``)."""
    return {"error": error, "message": message, "status": status}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith((".json", ".csv")) or path == "/openapi.json"


def open_store(db: str | None) -> Store:
    """Open an existing database; a missing SQLite file is an error, not a new empty database."""
    url = database_url(db)
    if url.startswith("sqlite:///") and url not in ("sqlite:///:memory:",):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(
                f"no database at {path}: ingest something first (`newsfuse ingest FILES --db {path}`)"
                " or point --db at an existing one"
            )
    return Store(url)


def warm_up() -> None:
    """Load the place tables now (~3.5 s) rather than in the first request that draws a
    map: a request doing it would hold up every other one in its worker meanwhile."""
    from newsfuse.geo.points import place_point

    place_point("London", "GBR")


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    warm_up()  # before the server accepts connections; once per process
    yield


def create_app(
    db: str | Store | None = None,
    *,
    allow_ingest: bool = False,
    token: str | None = None,
    max_body: int = MAX_BODY_BYTES,
    max_articles: int = MAX_ARTICLES,
    cache_bytes: int = CACHE_BYTES,
) -> FastAPI:
    """The web app over database ``db`` (a URL, a path, or an open :class:`Store`).

    Read-only unless ``allow_ingest``; then ``POST /api/articles`` takes up to
    ``max_articles`` articles in a body of up to ``max_body`` bytes from clients that
    send ``Authorization: Bearer <token>``. Up to ``cache_bytes`` of GET responses are
    kept until the database changes (:mod:`newsfuse.web.cache`; 0: none).
    """
    if allow_ingest and not token:
        raise NewsfuseError("--allow-ingest needs a token (--token or NEWSFUSE_TOKEN)")
    store = db if isinstance(db, Store) else open_store(db)
    app = FastAPI(
        title="newsfuse",
        version=__version__,
        description="Stories, events, actors and claims from news articles. "
        "Every page has a JSON twin at the same URL with `.json`.",
        docs_url=None,  # served by newsfuse.web.docs: local assets, no inline script
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.store = store
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.max_body = max_body
    app.state.max_articles = max_articles
    app.add_middleware(ResponseCache, watch=ChangeWatch(store.engine), max_bytes=cache_bytes)
    app.add_middleware(UrlGuard)  # outside the cache: HEAD becomes GET, bad URLs never reach it

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(NewsfuseError)
    async def newsfuse_error(request: Request, exc: NewsfuseError):  # type: ignore[no-untyped-def]
        return _error(request, exc.http_status, str(exc), type(exc).__name__)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # type: ignore[no-untyped-def]
        name = {404: "NotFound", 405: "MethodNotAllowed", 401: "Unauthorized", 403: "Forbidden",
                413: "TooLarge"}.get(exc.status_code, "HTTPError")  # fmt: skip
        response = _error(request, exc.status_code, str(exc.detail), name)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):  # type: ignore[no-untyped-def]
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'path', 'body'))}: "
            f"{e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        return _error(request, 422, f"invalid request: {problems}", "InvalidRequest")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # type: ignore[no-untyped-def]
        return _error(request, 500, "internal error; see the server log", "InternalError")

    app.include_router(api_router)
    app.include_router(pages_router)
    mount_docs(app)  # before /static: its assets live under /static/vendor
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/stories")

    return app


def _error(request: Request, status: int, message: str, name: str):  # type: ignore[no-untyped-def]
    if _wants_json(request):
        return JSONResponse(error_body(status, message, name), status_code=status)
    try:
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    except Exception:  # the error page itself failed: plain text, never a second 500 page
        return HTMLResponse(f"{status}: error", status_code=status)


class UrlGuard:
    """ASGI middleware: HEAD answered wherever GET is, and no control characters in URLs.

    HEAD runs the GET route and sends its status and headers without the body. A control
    character (C0, DEL, C1; ``%00`` included) in the path or in any query parameter is a
    422: no id holds one (see :mod:`newsfuse.clean.ids`) and no filter means anything with
    one, so ``q=%00`` no longer matches everything.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = url_problem(scope)
        if problem:
            response = _error(Request(scope), 422, problem, "InvalidRequest")
            await response(scope, receive, _without_body(send) if _is_head(scope) else send)
            return
        if _is_head(scope):
            await self.app(dict(scope, method="GET"), receive, _without_body(send))
            return
        await self.app(scope, receive, send)


def _is_head(scope: Scope) -> bool:
    return scope.get("method") == "HEAD"


def _without_body(send: Send) -> Send:
    async def send_headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_headers_only


def url_problem(scope: Scope) -> str | None:
    """What is wrong with a request's path or query, or None."""
    found = _CONTROL.search(scope.get("path", ""))
    if found:
        return (
            f"the URL path holds a control character (U+{ord(found.group()):04X}); "
            "no page or id has one: remove it"
        )
    query = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True, errors="replace"):
        found = _CONTROL.search(name + value)
        if found:
            shown = _CONTROL.sub("", name)[:40]
            return (
                f"query parameter {shown!r} holds a control character "
                f"(U+{ord(found.group()):04X}); remove it"
            )
    return None
