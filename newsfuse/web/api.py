"""``/api/...``: paginated JSON with the same filters as the pages, and ingest over HTTP."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse.clean.ids import MAX_ID_CHARS
from newsfuse.errors import InputError
from newsfuse.ingest import ingest_documents
from newsfuse.model import RawDocument, Reject
from newsfuse.readers.formats import record_to_document
from newsfuse.store import Store
from newsfuse.untrusted import visible
from newsfuse.web import data
from newsfuse.web.params import ISO3, Limit, Offset, event_filters, story_filters
from newsfuse.web.security import MAX_ARTICLES, MAX_BODY_BYTES, check_token

MAX_JSON_DEPTH = 32
"""Articles are flat objects; a body nested deeper than this is refused before any work."""

router = APIRouter(prefix="/api", tags=["api"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not found: `{error, message, status}`"},
    422: {"description": "Invalid parameters: `{error, message, status}`"},
}
NO_CONTROLS = r"^[^\x00-\x1f\x7f-\x9f]*$"
ID_SCHEMA: dict[str, Any] = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_ID_CHARS,
    "pattern": r"^(?!\s*$)(?!\.{1,2}$)[^\x00-\x1f\x7f-\x9f]*$",
    "not": {"pattern": r"\.([jJ][sS][oO][nN]|[cC][sS][vV])$"},
    "description": f"Kept as the article's id: 1 to {MAX_ID_CHARS} characters, no control "
    "characters, not `.` or `..`, not ending in `.json` or `.csv` (the web's twins); "
    "without one the id is made from the request.",
}
_FIELD = {"type": "string"}
ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "One article in the JSON Lines interchange fields; `text` or `html` is "
    "required (news-please's `maintext`, `date_publish` and `source_domain` are read too).",
    "properties": {
        "id": ID_SCHEMA,
        "url": _FIELD,
        "outlet": _FIELD,
        "agency": _FIELD,
        "author": _FIELD,
        "title": _FIELD,
        "language": _FIELD,
        "published": {**_FIELD, "description": "ISO 8601 date or date-time"},
        "text": {**_FIELD, "pattern": r"\S", "description": "The article as plain text."},
        "html": {**_FIELD, "pattern": r"\S", "description": "The article's web page."},
    },
    "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
}
IdPath = Annotated[
    str,
    Path(
        max_length=MAX_ID_CHARS,
        pattern=NO_CONTROLS,
        description="An id as listed by the API.",
    ),
]


def _store(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.store


def _link(operation: str, parameter: str, pointer: str) -> dict[str, Any]:
    return {"operationId": operation, "parameters": {parameter: f"$response.body#{pointer}"}}


STORY_LINK = {"story": _link("api_story", "story_id", "/items/0/id")}


@router.get(
    "/stories",
    responses={**ERRORS, 200: {"description": "A page of stories", "links": STORY_LINK}},
    summary="Stories, newest first",
)
def api_stories(
    request: Request,
    filters: Annotated[dict, Depends(story_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return data.stories(_store(request), filters, limit, offset)


@router.get(
    "/stories/{story_id:path}",
    operation_id="api_story",
    responses=ERRORS,
    summary="One story with its fusion",
)
def api_story(
    request: Request, story_id: IdPath, limit: Limit = data.STORY_ARTICLES, offset: Offset = 0
) -> dict[str, Any]:
    """`limit` of the story's articles from `offset`; `articles_total` says how many."""
    return data.story(_store(request), story_id, limit, offset)


@router.get(
    "/storylines", responses=ERRORS, summary="Storylines of two stories or more, newest first"
)
def api_storylines(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return data.storylines(_store(request), limit, offset)


@router.get(
    "/storylines/{storyline_id:path}",
    responses=ERRORS,
    summary="One storyline: its stories oldest first, with their canonical events",
)
def api_storyline(request: Request, storyline_id: IdPath) -> dict[str, Any]:
    """``storyline_id`` may also be the id of one of its stories or articles."""
    return data.storyline(_store(request), storyline_id)


@router.get("/alerts", responses=ERRORS, summary="Alerts and their latest matches")
def api_alerts(request: Request) -> dict[str, Any]:
    """Destinations show only their channel and host, never a webhook's full URL."""
    return data.alerts(_store(request))


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


@router.get(
    "/articles/{article_id:path}",
    operation_id="api_article",
    responses=ERRORS,
    summary="One article with annotations",
)
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
        201: {
            "description": "What was stored, recognised as a duplicate or rejected, and why",
            "links": {"article": _link("api_article", "article_id", "/stored_ids/0")},
        },
        401: {"description": "No token, or not a bearer token"},
        403: {"description": "Read-only server or wrong token"},
        413: {"description": f"Body over the size limit ({MAX_BODY_BYTES} bytes by default)"},
        422: {
            "description": f"Not JSON, nested too deep, more than {MAX_ARTICLES} articles, "
            "or no article could be used"
        },
    },
    summary="Ingest articles (only with --allow-ingest and a token)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            ARTICLE_SCHEMA,
                            {
                                "type": "array",
                                "items": ARTICLE_SCHEMA,
                                "minItems": 1,
                                "maxItems": MAX_ARTICLES,
                            },
                        ]
                    }
                }
            },
        }
    },
)
async def api_ingest(request: Request, response: Response) -> dict[str, Any]:
    """Body: one article object or a list of at most 100, in the JSON Lines interchange
    fields (`id`, `url`, `outlet`, `title`, `text` or `html`, `published`).

    Each request gets a `request_id` (in the answer and the `X-Request-Id` header); an
    article that cannot be used is kept as a reject whose source is
    `http-request-<request_id>[<n>]` (with ` id=<id>` when it gave one), see `newsfuse rejects`.
    """
    check_token(request)
    body = await _read_body(request, request.app.state.max_body)
    records = parse_articles(body, request.app.state.max_articles)
    request_id = new_request_id()
    response.headers["X-Request-Id"] = request_id
    return await run_in_threadpool(_ingest, request.app.state.store, records, request_id)


def parse_articles(body: bytes, max_articles: int) -> list[Any]:
    """The records of a POST body, or an :class:`InputError` saying what to send instead."""
    try:
        payload = json.loads(body.removeprefix(b"\xef\xbb\xbf"))  # a UTF-8 BOM is no error
    except RecursionError as exc:
        raise InputError(_too_deep()) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(
            f"the body is not JSON ({_short(str(exc))}); send an article object or a list of them"
        ) from exc
    if json_depth(payload) > MAX_JSON_DEPTH:
        raise InputError(_too_deep())
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise InputError("the body is an empty list; send at least one article")
    if len(records) > max_articles:
        raise InputError(
            f"{len(records)} articles in one request; send at most {max_articles} per request "
            "(split the list)"
        )
    return records


def _too_deep() -> str:
    return f"the body is nested more than {MAX_JSON_DEPTH} levels deep; send flat article objects"


def _short(text: str, width: int = 120) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def json_depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        )
        if children is None:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def new_request_id() -> str:
    """A unique, time-ordered id for one POST: ``20250304T101500Z-3f9a2c1d``."""
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


def record_source(request_id: str, n: int, record: Any) -> str:
    """Where the ``n``-th record of a request came from, unique to the request: the key of
    its reject if it has one, and the base of its id if it gives none."""
    source = f"http-request-{request_id}[{n}]"
    given = record.get("id") if isinstance(record, dict) else None
    if isinstance(given, int | float | str) and not isinstance(given, bool):
        text = str(given).strip()
        if text and text not in ("None", "null"):
            source += f" id={visible(_short(text, 100))}"  # controls escaped: a key, not data
    return source


def _record(record: Any, source: str) -> RawDocument | Reject:
    if _has_surrogate(record):
        return Reject(
            source,
            "the article holds an unpaired UTF-16 surrogate escape (such as \\ud800), which is "
            "not Unicode text; send valid UTF-8",
        )
    return record_to_document(record, source)


def _has_surrogate(record: Any) -> bool:
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _ingest(store: Store, records: list[Any], request_id: str) -> dict[str, Any]:
    docs = [_record(r, record_source(request_id, n, r)) for n, r in enumerate(records, start=1)]
    report = ingest_documents(docs, store, cluster=True)
    result = {"request_id": request_id, **report.to_dict()}
    result["story_ids"] = store.story_ids(report.stored_ids) if report.stored_ids else {}
    if report.read == 0:
        raise InputError(
            f"no article could be used (request {request_id}): "
            + "; ".join(f"{r.source}: {_short(r.reason, 300)}" for r in report.rejects[:5])
        )
    return result
