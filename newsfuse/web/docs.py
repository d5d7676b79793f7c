"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), offline and under the site's CSP.

FastAPI's own pages start Swagger UI with an inline script and load both from a CDN:
our Content-Security-Policy (``script-src 'self'``) blocks that and the pages stay blank.
Here the assets come from the ``fastapi-offline`` package (Swagger UI 5 and ReDoc 2
bundles, served under ``/static/vendor``), Swagger UI is started by our own
``/static/swagger-init.js`` and ReDoc starts itself from its ``<redoc>`` element.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from newsfuse.web.security import SECURITY_HEADERS

VENDOR_URL = "/static/vendor"

SWAGGER_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsfuse API</title>
<link rel="icon" href="{VENDOR_URL}/favicon.png">
<link rel="stylesheet" href="{VENDOR_URL}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{VENDOR_URL}/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""

REDOC_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsfuse API</title>
<link rel="icon" href="{VENDOR_URL}/favicon.png">
</head>
<body>
<redoc spec-url="/openapi.json"></redoc>
<script src="{VENDOR_URL}/redoc.standalone.js"></script>
</body>
</html>
"""

# ReDoc styles its page with <style> elements it writes at run time (styled-components)
# and builds its search index in a worker made from a blob: that page alone may do both.
# Scripts stay 'self' only, and the page shows our own schema, never article text.
REDOC_CSP = (
    SECURITY_HEADERS["Content-Security-Policy"].replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
    )
    + "; worker-src 'self' blob:"
)


def mount_docs(app: FastAPI) -> None:
    """Add ``/docs``, ``/redoc`` and the vendored assets to ``app``."""
    vendor = files("fastapi_offline") / "static"
    app.mount(VENDOR_URL, StaticFiles(directory=str(vendor)), name="vendor")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(SWAGGER_PAGE)

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(REDOC_PAGE, headers={"Content-Security-Policy": REDOC_CSP})
