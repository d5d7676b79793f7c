"""Helpers for the web app's tests: a live uvicorn server and Debian's chromium.

Not a test module. The pytest fixtures built on these (``browser``, ``page``) are in
conftest.py; a test that serves an app and drives it looks like::

    def test_home(page, app):
        with live_server(app) as url:
            page.goto(url + "/")

The browser is Debian's chromium (``make setup-browser`` installs it), driven by
Playwright's Python client; ``playwright install`` and its downloaded browsers are not used.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

DEBIAN_CHROMIUM = "/usr/bin/chromium"
MISSING_CHROMIUM = (
    "Debian's chromium is missing: run `make setup-browser` (apt-get install chromium)"
)


@contextmanager
def live_server(app: Any, *, timeout: float = 10.0) -> Iterator[str]:
    """Serve an ASGI app with uvicorn in a thread; yields its base URL, e.g. http://127.0.0.1:41234.

    The port is a free one the operating system picks; the server is stopped on exit.
    """
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported to the test's thread below
            failure.append(exc)

    thread = threading.Thread(target=run, name=f"uvicorn:{port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            if failure or not thread.is_alive():
                raise RuntimeError("uvicorn stopped before it started serving") from (
                    failure[0] if failure else None
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start within {timeout} s")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=timeout)
        sock.close()


def chromium_path() -> str | None:
    """The chromium to drive: $NEWSFUSE_CHROMIUM, else Debian's /usr/bin/chromium, else
    `chromium` on the PATH; None when there is none."""
    override = os.environ.get("NEWSFUSE_CHROMIUM")
    if override:
        return override
    if os.access(DEBIAN_CHROMIUM, os.X_OK):
        return DEBIAN_CHROMIUM
    return shutil.which("chromium")


def launch_browser(playwright: Any) -> Any:
    """Launch headless chromium with a started Playwright (sync API); a Browser.

    Without chromium the calling test fails where the CI environment variable is set
    (a CI run must not pass by skipping its browser tests) and is skipped elsewhere.
    """
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(MISSING_CHROMIUM, pytrace=False)
        pytest.skip(MISSING_CHROMIUM)
    return playwright.chromium.launch(executable_path=path, headless=True)
