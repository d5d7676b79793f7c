"""The GET response cache: replayed while the database is unchanged, never after a change."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsfuse.ingest import ingest_documents, ingest_paths
from newsfuse.model import RawDocument
from newsfuse.store import Store
from newsfuse.store.changes import ChangeWatch
from newsfuse.web import create_app

from .conftest import EXAMPLES

HIT = "x-newsfuse-cache"


def articles_in_stories(client: TestClient) -> int:
    return sum(s["article_count"] for s in client.get("/api/stories").json()["items"])


STRIKE = RawDocument(
    "strike.json",
    "text",
    "ROTTERDAM, March 4 (Reuters) - Dock workers at the port of Rotterdam began a 48-hour "
    "strike on Tuesday over pay, the FNV union said, halting container traffic.",
    {"id": "strike-1", "title": "Dock workers strike in Rotterdam", "published": "2025-03-04",
     "outlet": "Example Wire"},
)  # fmt: skip


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "cache.db"
    with Store(str(path)) as store:
        ingest_paths([str(EXAMPLES)], store, annotate=True, cluster=True)
    return path


def test_a_page_is_replayed_until_another_process_writes(db_path):
    with TestClient(create_app(str(db_path))) as client:
        first = client.get("/api/stories")
        again = client.get("/api/stories")
        assert HIT not in first.headers and again.headers.get(HIT) == "hit"
        assert again.json() == first.json()
        assert again.headers["content-type"] == first.headers["content-type"]
        assert again.headers["x-content-type-options"] == "nosniff"  # security headers too
        head = client.head("/api/stories")
        assert head.status_code == 200 and head.content == b""

        with Store(str(db_path)) as other:  # a CLI ingest beside the running server
            ingest_documents([STRIKE], other, annotate=True, cluster=True)
        after = client.get("/api/stories")
        assert HIT not in after.headers
        assert (
            articles_in_stories(client)
            == sum(s["article_count"] for s in first.json()["items"]) + 1
        )
        assert client.get("/api/articles/strike-1").status_code == 200


def test_ingest_over_http_is_seen_at_once(db_path):
    app = create_app(str(db_path), allow_ingest=True, token="t")
    with TestClient(app) as client:
        before = client.get("/api/articles/strike-1")
        assert before.status_code == 404
        assert client.get("/api/stories").json() == client.get("/api/stories").json()
        total = articles_in_stories(client)
        article = {"id": "strike-1", "title": STRIKE.meta["title"], "text": STRIKE.content,
                   "published": "2025-03-04"}  # fmt: skip
        posted = client.post("/api/articles", json=article, headers={"Authorization": "Bearer t"})
        assert posted.status_code == 201, posted.text
        assert client.get("/api/articles/strike-1").status_code == 200
        assert articles_in_stories(client) == total + 1


def test_errors_are_not_kept_and_a_zero_budget_keeps_nothing(db_path):
    with TestClient(create_app(str(db_path))) as client:
        client.get("/api/articles/nope")
        assert HIT not in client.get("/api/articles/nope").headers
    with TestClient(create_app(str(db_path), cache_bytes=0)) as client:
        client.get("/api/stories")
        assert HIT not in client.get("/api/stories").headers
    with TestClient(create_app(str(db_path), cache_bytes=500)) as client:  # over the budget
        client.get("/stories")
        assert HIT not in client.get("/stories").headers


def test_in_memory_databases_are_not_cached():
    store = Store("sqlite://")
    assert ChangeWatch(store.engine).token() is None
    with TestClient(create_app(store)) as client:
        client.get("/api/stories")
        assert HIT not in client.get("/api/stories").headers
