"""The web app against hostile requests: HEAD, bearer scheme case, control characters in
URLs, ids the routes cannot serve, per-request rejects, POST limits, odd bodies."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean.ids import MAX_ID_CHARS
from newsfuse.store import Store
from newsfuse.web import create_app
from newsfuse.web.app import MAX_ARTICLES, MAX_BODY_BYTES

from .test_web import client  # noqa: F401  (the read-only app over the examples)
from .web_support import live_server

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = (
    "ROTTERDAM, March 4 (Reuters) - Dock workers at the port of Rotterdam began a 48-hour "
    "strike on Tuesday over pay, the FNV union said, halting container traffic at Europe's "
    "largest port. Talks with employers broke down on Monday."
)


@pytest.fixture
def ingest_app():
    store = Store("sqlite://")
    app = create_app(store, allow_ingest=True, token=TOKEN, max_articles=MAX_ARTICLES)
    with TestClient(app) as c:
        yield c
    store.close()


def _article(n: int, **fields) -> dict:
    return {"text": BODY.replace("48-hour", f"{n}-hour"), "title": f"Strike {n}", **fields}


# -- HEAD, bearer, control characters --------------------------------------------------


def test_head_answers_wherever_get_does(client):  # noqa: F811
    story = client.get("/api/stories").json()["items"][0]["id"]
    for path in ("/stories", f"/stories/{story}", f"/stories/{story}.json", "/events.csv",
                 "/api/events", "/articles/frontier-wire", "/static/style.css", "/docs",
                 "/openapi.json", "/static/vendor/swagger-ui.css"):  # fmt: skip
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert "content-security-policy" in head.headers
    assert client.head("/stories/nope").status_code == 404
    assert client.head("/api/articles").status_code == 405  # POST only


def test_bearer_scheme_in_any_case_token_exact(ingest_app):
    for header in (f"bearer {TOKEN}", f"BEARER {TOKEN}", f"Bearer   {TOKEN} "):
        response = ingest_app.post(
            "/api/articles", json=_article(1), headers={"Authorization": header}
        )
        assert response.status_code == 201, header
    for header, status in ((f"Basic {TOKEN}", 401), ("Bearer", 401), (f"bearer {TOKEN.upper()}", 403),
                           (f"Bearer {TOKEN}x", 403)):  # fmt: skip
        response = ingest_app.post(
            "/api/articles", json=_article(2), headers={"Authorization": header}
        )
        assert response.status_code == status, header
        assert set(response.json()) == {"error", "message", "status"}


@pytest.mark.parametrize(
    "path",
    ["/api/stories?q=%00", "/stories.json?q=a%00b", "/api/events?story=%0A", "/stories?q=%1B%5B2J",
     "/api/stories?q=%C2%9B", "/api/events?%00=x", "/articles/a%00b", "/api/stories/%0A", "/static/%00"],
)  # fmt: skip
def test_control_characters_in_urls_are_refused(client, path):  # noqa: F811
    response = client.get(path)
    assert response.status_code == 422, path
    assert "control character" in (
        response.json()["message"] if response.headers["content-type"] == "application/json"
        else response.text
    )  # fmt: skip


def test_blank_and_ordinary_queries_still_work(client):  # noqa: F811
    everything = client.get("/api/stories").json()["total"]
    assert client.get("/api/stories", params={"q": ""}).json()["total"] == everything
    assert client.get("/api/stories", params={"q": "frontier\tpost"}).status_code == 422
    assert client.get("/api/stories", params={"q": "frontier"}).json()["total"] >= 1


# -- ids -------------------------------------------------------------------------------

SERVABLE = ["x" * MAX_ID_CHARS, "é" * MAX_ID_CHARS, "a/b", "a/../b", "q?x=1#frag", "100%", "x.jsonl",
            "json", " spaced out "]  # fmt: skip
REFUSED = {
    "x" * (MAX_ID_CHARS + 1): "over the 500",
    "story.json": ".json or .csv",
    "story.CSV": ".json or .csv",
    "a\nb": "control character",
    "a\x00b": "control character",
    ".": "relative path segment",
    "..": "relative path segment",
}


def test_ids_are_servable_or_refused_with_a_reason(ingest_app):
    records = [_article(n, id=i) for n, i in enumerate([*SERVABLE, *REFUSED], start=1)]
    report = ingest_app.post("/api/articles", json=records, headers=AUTH).json()
    assert report["stored"] == len(SERVABLE)
    assert report["stored_ids"] == [i.strip() for i in SERVABLE]
    reasons = [r["reason"] for r in report["rejects"]]
    for reason, expected in zip(reasons, REFUSED.values(), strict=True):
        assert expected in reason and "give the article an id" in reason
    with live_server(ingest_app.app) as url:  # uvicorn's own URL decoding, not the test client's
        for article_id in report["stored_ids"]:
            segment = quote(article_id, safe="")
            for path in (
                f"/articles/{segment}",
                f"/articles/{segment}.json",
                f"/api/articles/{segment}",
            ):
                with urllib.request.urlopen(url + path) as response:
                    assert response.status == 200, path
                    if path.endswith(".json") or path.startswith("/api/"):
                        assert json.load(response)["id"] == article_id


# -- rejects, limits, bodies -------------------------------------------------------------


def test_rejects_keep_a_source_unique_to_their_request(ingest_app):
    bad = {"id": "no-text", "title": "no text here"}
    first = ingest_app.post("/api/articles", json=[bad, _article(1)], headers=AUTH)
    second = ingest_app.post("/api/articles", json=[bad, _article(2)], headers=AUTH)
    ids = [r.json()["request_id"] for r in (first, second)]
    assert ids[0] != ids[1] and [r.headers["x-request-id"] for r in (first, second)] == ids
    sources = [r.json()["rejects"][0]["source"] for r in (first, second)]
    assert sources == [f"http-request-{i}[1] id=no-text" for i in ids]
    # an article stored later as the first of its request deletes no earlier reject
    assert ingest_app.post("/api/articles", json=[_article(3)], headers=AUTH).status_code == 201
    stored = {r["source"] for r in ingest_app.app.state.store.iter_rejects()}
    assert set(sources) <= stored
    # id-less articles of different requests get different ids from their request
    one = ingest_app.post("/api/articles", json=_article(4), headers=AUTH).json()
    two = ingest_app.post("/api/articles", json=_article(5), headers=AUTH).json()
    assert one["stored_ids"] == [f"http-request-{one['request_id']}-1"]
    assert two["stored_ids"] == [f"http-request-{two['request_id']}-1"]


def test_too_many_articles_or_bytes_say_what_to_do():
    app = create_app("sqlite://", allow_ingest=True, token=TOKEN, max_articles=3, max_body=20_000)
    with TestClient(app) as c:
        many = c.post("/api/articles", json=[_article(n) for n in range(4)], headers=AUTH)
        assert many.status_code == 422 and "at most 3 per request" in many.json()["message"]
        big = c.post("/api/articles", content=b" " * 20_001, headers=AUTH)
        assert big.status_code == 413 and "fewer articles" in big.json()["message"]
    schema = create_app("sqlite://").openapi()["paths"]["/api/articles"]["post"]
    body = schema["requestBody"]["content"]["application/json"]["schema"]["anyOf"]
    assert body[1]["maxItems"] == MAX_ARTICLES == 100
    assert body[0]["anyOf"] == [{"required": ["text"]}, {"required": ["html"]}]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more than"),
        (json.dumps({"text": BODY, "x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}).encode(), "nested more than"),
        (b'{"text": "' + b"9" * 5000 + b'", "id": ' + b"9" * 5000 + b"}", "not JSON"),
        (b"\xff\xfe{}", "not JSON"),
        (b"[]", "empty list"),
        (b'"just a string"', "expected a JSON object"),
        (b"null", "expected a JSON object"),
        (b"[1, true, null]", "expected a JSON object"),
        (b'{"text": 5}', "'text' field is a number"),
        (b'{"text": ["a", "b"]}', "'text' field is"),
        (b'{"text": "\\ud800' + BODY.encode() + b'"}', "unpaired UTF-16 surrogate"),
    ],
)  # fmt: skip
def test_odd_bodies_are_4xx_with_a_reason(ingest_app, body, message):
    response = ingest_app.post("/api/articles", content=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert message in response.json()["message"]


def test_bodies_near_the_size_limit_are_answered_without_5xx(ingest_app):
    blank_records = json.dumps([{"text": " " * 49_000, "id": f"b{n}"} for n in range(MAX_ARTICLES)])
    long_field = json.dumps({**_article(9), "title": "T" * (MAX_BODY_BYTES - 2_000)})
    for body, status in ((blank_records, 422), (long_field, 201), ("x" * MAX_BODY_BYTES, 422),
                         ("[" + "1," * (MAX_BODY_BYTES // 2 - 2) + "1]", 422)):  # fmt: skip
        assert len(body) <= MAX_BODY_BYTES
        response = ingest_app.post("/api/articles", content=body.encode(), headers=AUTH)
        assert response.status_code == status, response.text[:300]
    huge = (
        b'{"text": "%s", "id": 1e999, "published": -1e999, "title": 123456789012345678901234567890}'
    )
    answer = ingest_app.post("/api/articles", content=huge % BODY.encode(), headers=AUTH)
    assert answer.status_code == 422 and "'id'" in answer.json()["message"]  # no infinite ids


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        name: JSON_VALUES | st.text(max_size=200)
        for name in (
            "id",
            "url",
            "outlet",
            "agency",
            "title",
            "published",
            "text",
            "html",
            "date_publish",
        )
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=JSON_VALUES | RECORDS | st.lists(RECORDS, max_size=3))
def test_fuzzed_bodies_never_answer_5xx(ingest_app, body):
    response = ingest_app.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code in (201, 422), response.text
    assert set(response.json()) >= (
        {"error", "message", "status"}
        if response.status_code == 422
        else {"request_id", "stored", "rejects"}
    )
