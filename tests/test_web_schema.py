"""Property-based API testing: schemathesis drives every operation in /openapi.json
with generated parameters and bodies; no answer may be a 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from newsfuse.cluster.stage import cluster_new_articles
from newsfuse.ingest import ingest_paths
from newsfuse.store import Store
from newsfuse.web import create_app

from .conftest import EXAMPLES

TOKEN = "schema-test-token"


def _app():
    store = Store("sqlite://")
    ingest_paths([str(EXAMPLES)], store)
    cluster_new_articles(store)
    return create_app(store, allow_ingest=True, token=TOKEN, max_body=50_000)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_operation_answers_5xx(case):
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error", "message", "status"}
        assert body["status"] == response.status_code
