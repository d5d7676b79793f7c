"""``/api/...``: paginated JSON with the same filters as the pages, and ingest over HTTP."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse.errors import InputError
from newsfuse.web import data
from newsfuse.web.app import check_token
from newsfuse.web.params import ISO3, Limit, Offset, event_filters, story_filters

router = APIRouter(prefix="/api", tags=["api"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not found: `{error, message, status}`"},
    422: {"description": "Invalid parameters: `{error, message, status}`"},
}
ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "One article in the JSON Lines interchange fields; `text` or `html` is required.",
    "properties": {
        name: {"type": "string"}
        for name in ("id", "url", "outlet", "agency", "title", "text", "html", "published")
    },
}
IdPath = Annotated[str, Path(max_length=200, description="An id as listed by the API.")]


def _store(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.store


@router.get("/stories", responses=ERRORS, summary="Stories, newest first")
def api_stories(
    request: Request,
    filters: Annotated[dict, Depends(story_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return data.stories(_store(request), filters, limit, offset)


@router.get("/stories/{story_id:path}", responses=ERRORS, summary="One story with its fusion")
def api_story(
    request: Request, story_id: IdPath, limit: Limit = data.STORY_ARTICLES, offset: Offset = 0
) -> dict[str, Any]:
    """`limit` of the story's articles from `offset`; `articles_total` says how many."""
    return data.story(_store(request), story_id, limit, offset)


@router.get("/events", responses=ERRORS, summary="Coded events, newest first")
def api_events(
    request: Request,
    filters: Annotated[dict, Depends(event_filters)],
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    return data.events(_store(request), filters, limit, offset)


@router.get("/actors/{code}", responses=ERRORS, summary="A country's events, partners, stories")
def api_actor(
    request: Request,
    code: Annotated[str, Path(pattern=ISO3.replace(")?$", ")$"), description="ISO3 code.")],
) -> dict[str, Any]:
    return data.actor(_store(request), code)


@router.get("/articles/{article_id:path}", responses=ERRORS, summary="One article with annotations")
def api_article(request: Request, article_id: IdPath) -> dict[str, Any]:
    return data.article(_store(request), article_id)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise StarletteHTTPException(
            413, f"request body over {limit} bytes; send fewer articles per request"
        )
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise StarletteHTTPException(
                413, f"request body over {limit} bytes; send fewer articles per request"
            )
    return bytes(body)


@router.post(
    "/articles",
    status_code=201,
    responses={
        401: {"description": "No token"},
        403: {"description": "Read-only server or wrong token"},
        413: {"description": "Body too large"},
        422: {"description": "Not JSON, or no article could be used"},
    },
    summary="Ingest articles (only with --allow-ingest and a token)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [ARTICLE_SCHEMA, {"type": "array", "items": ARTICLE_SCHEMA}]
                    }
                }
            },
        }
    },
)
async def api_ingest(request: Request) -> dict[str, Any]:
    """Body: one article object or a list of them, in the JSON Lines interchange fields
    (`id`, `url`, `outlet`, `title`, `text` or `html`, `published`)."""
    check_token(request)
    body = await _read_body(request, request.app.state.max_body)
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(
            f"the body is not JSON ({exc}); send an article object or a list of them"
        ) from exc
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise InputError("the body is an empty list; send at least one article")
    return await run_in_threadpool(_ingest, request.app.state.store, records)


def _ingest(store, records: list[Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from newsfuse.cluster.stage import cluster_new_articles
    from newsfuse.ingest import ingest_documents
    from newsfuse.readers.formats import record_to_document

    docs = [record_to_document(r, f"http-request[{n}]") for n, r in enumerate(records, start=1)]
    report = ingest_documents(docs, store)
    if report.stored:
        report.clustering = cluster_new_articles(store).to_dict()
    result = report.to_dict()
    result["story_ids"] = store.story_ids(report.stored_ids) if report.stored_ids else {}
    if report.read == 0:
        raise InputError(
            "no article could be used: "
            + "; ".join(f"{r.source}: {r.reason}" for r in report.rejects[:5])
        )
    return result
