"""The FastAPI application: security headers, one JSON error shape, pages and API."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse import __version__
from newsfuse.errors import NewsfuseError, StoreError
from newsfuse.store import Store
from newsfuse.store.db import database_url

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 5 * 2**20  # one POST to /api/articles
SECURITY_HEADERS = {
    # Article text is untrusted: no inline script may run, nothing loads from elsewhere.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


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


def create_app(
    db: str | Store | None = None,
    *,
    allow_ingest: bool = False,
    token: str | None = None,
    max_body: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The web app over database ``db`` (a URL, a path, or an open :class:`Store`).

    Read-only unless ``allow_ingest``; then ``POST /api/articles`` takes articles
    from clients that send ``Authorization: Bearer <token>``.
    """
    if allow_ingest and not token:
        raise NewsfuseError("--allow-ingest needs a token (--token or NEWSFUSE_TOKEN)")
    store = db if isinstance(db, Store) else open_store(db)
    app = FastAPI(
        title="newsfuse",
        version=__version__,
        description="Stories, events, actors and claims from news articles. "
        "Every page has a JSON twin at the same URL with `.json`.",
    )
    app.state.store = store
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.max_body = max_body

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

    from newsfuse.web.api import router as api_router
    from newsfuse.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/stories")

    return app


def _error(request: Request, status: int, message: str, name: str):  # type: ignore[no-untyped-def]
    if _wants_json(request):
        return JSONResponse(error_body(status, message, name), status_code=status)
    from newsfuse.web.pages import templates

    try:
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    except Exception:  # the error page itself failed: plain text, never a second 500 page
        return HTMLResponse(f"{status}: error", status_code=status)


def check_token(request: Request) -> None:
    """Ingest over HTTP: only when enabled, only with the right bearer token."""
    if not request.app.state.allow_ingest:
        raise StarletteHTTPException(
            403,
            "this server is read-only; start it with --allow-ingest and a token to accept articles",
        )
    sent = request.headers.get("authorization", "")
    expected = f"Bearer {request.app.state.token}"
    if not sent:
        raise StarletteHTTPException(
            401, "send the token as 'Authorization: Bearer TOKEN'", {"WWW-Authenticate": "Bearer"}
        )
    if not secrets.compare_digest(sent.encode(), expected.encode()):
        raise StarletteHTTPException(403, "wrong token")
