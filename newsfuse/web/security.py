"""What guards the web layer, shared by the app and its routers: the limits of one POST to
/api/articles, the security headers of every response, and the bearer-token check of
ingest over HTTP."""

from __future__ import annotations

import secrets

from fastapi import Request
from starlette.exceptions import HTTPException as StarletteHTTPException

MAX_BODY_BYTES = 5 * 2**20  # one POST to /api/articles
MAX_ARTICLES = 100  # articles in one POST to /api/articles
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


def check_token(request: Request) -> None:
    """Ingest over HTTP: only when enabled, only with the right bearer token.

    The scheme is matched in any case (``bearer`` too, RFC 7235); the token itself is
    compared in constant time.
    """
    if not request.app.state.allow_ingest:
        raise StarletteHTTPException(
            403,
            "this server is read-only; start it with --allow-ingest and a token to accept articles",
        )
    scheme, _, sent = request.headers.get("authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not sent.strip():
        raise StarletteHTTPException(
            401, "send the token as 'Authorization: Bearer TOKEN'", {"WWW-Authenticate": "Bearer"}
        )
    expected = str(request.app.state.token)
    if not secrets.compare_digest(sent.strip().encode(), expected.encode()):
        raise StarletteHTTPException(403, "wrong token")
