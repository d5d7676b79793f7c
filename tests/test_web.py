"""The web app in-process: pages and their JSON twins, the API, errors, security, ingest."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsfuse.errors import NewsfuseError, StoreError
from newsfuse.ingest import ingest_documents, ingest_paths
from newsfuse.model import RawDocument
from newsfuse.web import create_app

from .conftest import EXAMPLES

HOSTILE_TEXT = (
    "GENEVA, March 4 (AFP) - Armenia accused Azerbaijan of shelling a village near Sotk "
    "on Tuesday. <script>alert('xss-body')</script> The ministry said "
    "<img src=x onerror=alert('xss-img')> three soldiers were wounded, and linked "
    "<a href=\"javascript:alert('xss-link')\">a statement</a> to its website."
)
HOSTILE = RawDocument(
    "hostile.json",
    "text",
    HOSTILE_TEXT,
    {
        "id": "hostile<script>alert('xss-id')</script>",
        "title": "Shelling near Sotk <script>alert('xss-title')</script>",
        "url": "javascript:alert('xss-url')",
        "outlet": "<b onmouseover=alert('xss-outlet')>Evil</b>",
        "published": "2025-03-04",
    },
)


@pytest.fixture(scope="module")
def client():
    from newsfuse.store import Store

    store = Store("sqlite://")
    ingest_paths([str(EXAMPLES)], store)
    report = ingest_documents([HOSTILE], store)
    assert report.stored == 1
    from newsfuse.cluster.stage import cluster_new_articles

    cluster_new_articles(store)
    with TestClient(create_app(store)) as c:
        yield c


def _first_story(client) -> dict:
    return client.get("/api/stories", params={"q": "frontier clash"}).json()["items"][0]


def test_every_page_renders_and_has_its_json_twin(client):
    story = _first_story(client)
    pages = ["/stories", f"/stories/{story['id']}", "/events", "/actors/ARM", "/map",
             "/articles/frontier-wire"]  # fmt: skip
    for path in pages:
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        twin = client.get(path + ".json")
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert client.get("/").status_code == 200  # redirects to the stories


def test_twins_and_api_give_the_same_data(client):
    story = _first_story(client)
    assert client.get("/stories.json").json() == client.get("/api/stories").json()
    assert (
        client.get(f"/stories/{story['id']}.json").json()
        == client.get(f"/api/stories/{story['id']}").json()
    )
    assert client.get("/actors/ARM.json").json() == client.get("/api/actors/ARM").json()
    assert (
        client.get("/events.json?type=AGREE").json() == client.get("/api/events?type=AGREE").json()
    )


def test_story_shows_sources_claims_events_and_timeline(client):
    story = client.get(f"/api/stories/{_first_story(client)['id']}").json()
    assert story["independent_sources"] == 3
    assert {a["origin"] for a in story["articles"]} == {"afp", "reuters", "ani"}
    assert any(c["verdict"] == "consistent" for c in story["claims"])
    assert story["events"] and story["timeline"]
    html = client.get(f"/stories/{story['id']}").text
    for heading in ("Sources side by side", "What the numbers say", "Events", "Timeline"):
        assert heading in html


def test_filters_and_pagination(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) > 3
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == everything["total"] and len(first["items"]) == 2
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])
    agree = client.get("/api/events", params={"type": "agree"}).json()
    assert agree["items"] and {e["event_type"] for e in agree["items"]} == {"AGREE"}
    arm = client.get("/api/events", params={"actor": "ARM", "quad": "material conflict"}).json()
    assert all(e["quad_class"] == "material conflict" for e in arm["items"])
    assert client.get("/api/stories", params={"actor": "ARM"}).json()["total"] >= 1
    assert client.get("/api/stories", params={"q": "zzzz-nothing"}).json()["total"] == 0
    assert client.get("/api/stories", params={"until": "1999-01-01"}).json()["total"] == 0
    assert client.get("/api/stories", params={"type": "AGREE", "country": ""}).json()["total"] >= 1
    # a blank form field is no filter
    assert client.get("/stories", params={"actor": "", "since": "", "type": ""}).status_code == 200


def test_events_csv_download(client):
    response = client.get("/events.csv", params={"actor": "ARM"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {"event_type", "source", "target", "story_id"} <= set(rows[0])
    assert {"location_geonameid", "location_lat", "location_lon"} <= set(rows[0])


def test_one_error_shape_with_the_status(client):
    cases = [
        ("/api/stories/nope", 404),
        ("/api/articles/nope", 404),
        ("/api/events?limit=0", 422),
        ("/api/events?type=BOGUS", 422),
        ("/api/events?quad=sideways", 422),
        ("/api/stories?since=yesterday", 422),
        ("/api/actors/XX1", 422),
        ("/api/nothing-here", 404),
    ]
    for path, status in cases:
        response = client.get(path)
        assert response.status_code == status, path
        body = response.json()
        assert set(body) == {"error", "message", "status"} and body["status"] == status
    page = client.get("/stories/nope")
    assert page.status_code == 404 and "newsfuse stories" in page.text  # an HTML error page


def test_untrusted_article_text_renders_inert_on_every_page(client):
    hostile_id = next(
        a["id"]
        for a in client.get("/api/stories", params={"q": "Sotk", "limit": 50}).json()["items"]
        for a in client.get(f"/api/stories/{a['id']}").json()["articles"]
        if "xss" in a["id"]
    )
    quoted = quote(hostile_id, safe="")
    story_id = client.get(f"/api/articles/{quoted}").json()["story_id"]
    pages = ["/stories", f"/stories/{story_id}", "/events?limit=500", "/actors/ARM", "/actors/AZE",
             "/map", f"/articles/{quoted}"]  # fmt: skip
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert "<script>alert" not in html, path
        assert not re.search(r"<[^>]*\son\w+\s*=", html.replace("&lt;", "")), path
        assert 'href="javascript:' not in html.lower(), path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
    article = client.get(f"/articles/{quoted}").text
    assert "&lt;script&gt;alert(&#39;xss-body&#39;)&lt;/script&gt;" in article
    assert "xss-url" not in article  # the javascript: URL is not linked at all


def test_no_path_traversal(client):
    for path in (
        "/static/../newsfuse/store/db.py",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2F..%2Fpyproject.toml",
        "/articles/..%2F..%2Fpyproject.toml",
        "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    ):
        response = client.get(path)
        assert response.status_code in (404, 422), path
        assert "[build-system]" not in response.text and "root:" not in response.text
    assert client.get("/static/style.css").status_code == 200


def test_read_only_by_default(client):
    response = client.post("/api/articles", json={"text": "A story.", "title": "T"})
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["message"]


def test_ingest_over_http_with_a_token():
    app = create_app("sqlite://", allow_ingest=True, token="s3cret", max_body=20_000)
    article = {"id": "strike-1", "title": "Dock workers strike in Rotterdam",
               "text": "ROTTERDAM, March 4 (Reuters) - Dock workers at the port of Rotterdam "
                       "began a 48-hour strike on Tuesday over pay, the FNV union said.",
               "published": "2025-03-04", "outlet": "Example Wire"}  # fmt: skip
    with TestClient(app) as c:
        assert c.post("/api/articles", json=article).status_code == 401
        wrong = c.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        auth = {"Authorization": "Bearer s3cret"}
        created = c.post("/api/articles", json=[article], headers=auth)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["stored_ids"] == ["strike-1"] and body["story_ids"]["strike-1"]
        again = c.post("/api/articles", json=article, headers=auth).json()
        assert again["duplicates"] == 1 and again["stored"] == 0
        assert c.get("/api/articles/strike-1").json()["story_id"] == body["story_ids"]["strike-1"]

        bad = c.post("/api/articles", content=b"{not json", headers=auth)
        assert bad.status_code == 422 and bad.json()["status"] == 422
        useless = c.post("/api/articles", json={"title": "no text"}, headers=auth)
        assert useless.status_code == 422 and "text" in useless.json()["message"]
        big = c.post("/api/articles", content=json.dumps({"text": "x" * 30_000}), headers=auth)
        assert big.status_code == 413 and big.json()["error"] == "TooLarge"
        assert c.get("/api/stories").json()["total"] == 1  # nothing lost, nothing half-stored


def test_app_refuses_bad_setups(tmp_path):
    with pytest.raises(NewsfuseError, match="token"):
        create_app("sqlite://", allow_ingest=True)
    with pytest.raises(StoreError, match="ingest something first"):
        create_app(str(tmp_path / "missing.db"))


def test_an_id_an_exact_copy_came_with_finds_its_article(client):
    body = client.get("/api/articles/ani-mirror-copy").json()
    assert body["id"] == "ani-2025-03-04-frontier" and body["duplicate"]["id"] == "ani-mirror-copy"
    original = client.get("/api/articles/ani-2025-03-04-frontier").json()
    assert body["story_id"] == original["story_id"] is not None
    assert body["events"] == original["events"]
    assert client.get("/articles/ani-mirror-copy").status_code == 200


def test_an_article_page_links_its_versions():
    from newsfuse.store import Store

    store = Store("sqlite://")
    first = RawDocument("feed#1", "text", HOSTILE_TEXT.replace("<", "("), {"id": "v/1"})
    later = RawDocument("feed#1", "text", first.content + " Two more were hurt.", {"id": "v/1"})
    ingest_documents([first], store, annotate=False, cluster=False)
    report = ingest_documents([later], store, annotate=False, cluster=False, revisions=True)
    [revision] = report.stored_ids
    with TestClient(create_app(store)) as c:
        page = c.get("/articles/v/1").text
        assert f'href="/articles/{quote(revision, safe="")}">2</a>' in page
        assert 'href="/articles/v%2F1">first version</a>' in c.get(f"/articles/{revision}").text
        assert c.get("/articles/v/1.json").json()["revisions"] == [revision]
