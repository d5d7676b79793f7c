"""The web test helpers themselves: a live server, and the browser following a link on it."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from .web_support import live_server


def two_pages() -> FastAPI:
    app = FastAPI()

    @app.get("/", response_class=HTMLResponse)
    def home() -> str:
        return (
            "<!doctype html><title>Home</title><h1>Home</h1>"
            '<p><a href="/second">Go to the second page</a></p>'
        )

    @app.get("/second", response_class=HTMLResponse)
    def second() -> str:
        return "<!doctype html><title>Second</title><h1>The second page</h1>"

    return app


def test_live_server_serves_and_stops():
    with live_server(two_pages()) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "/second", timeout=5) as response:
            assert b"The second page" in response.read()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "/", timeout=2)


def test_browser_follows_a_link(page, tmp_path):
    from playwright.sync_api import expect

    with live_server(two_pages()) as url:
        page.goto(url + "/")
        expect(page.locator("h1")).to_have_text("Home")
        page.get_by_role("link", name="Go to the second page").click()
        page.wait_for_url(url + "/second")
        expect(page.locator("h1")).to_have_text("The second page")
        assert page.title() == "Second"
        shot = tmp_path / "second.png"
        page.screenshot(path=shot)
    assert shot.read_bytes().startswith(b"\x89PNG")
