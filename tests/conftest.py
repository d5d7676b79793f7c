"""Shared fixtures: an in-memory store per test, and the ../shared evaluation data when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def store():
    """A fresh, fully migrated in-memory SQLite database."""
    with Store("sqlite://") as db:
        yield db


@pytest.fixture
def shared() -> Path:
    """The ../shared folder; tests that use it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


def pytest_collection_modifyitems(items):
    for item in items:
        if "shared" in item.fixturenames:
            item.add_marker(pytest.mark.shared)


# --- the web app's browser tests: Debian's chromium through Playwright (see web_support.py)


@pytest.fixture(scope="session")
def browser():
    """Headless chromium for the whole session; skipped (failed where CI is set) without it."""
    from playwright.sync_api import sync_playwright

    from .web_support import launch_browser

    with sync_playwright() as playwright:
        launched = launch_browser(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own browser context (no cookies or storage shared between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


# --- PostgreSQL: a throwaway server for the session (see postgres_support.py)


@pytest.fixture(scope="session")
def postgres_url():
    """A SQLAlchemy URL of an empty database on a private PostgreSQL server; skipped (failed
    where CI is set) when the server binaries are missing."""
    import os

    from .postgres_support import PostgresUnavailable, check_postgres, postgres_server

    try:
        check_postgres()
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    with postgres_server() as url:
        yield url
