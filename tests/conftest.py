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
