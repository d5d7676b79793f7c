"""Polling RSS and Atom feeds: conditional requests, back-off, and the items not seen yet.

A poll sends the validators of the last body read (``If-None-Match`` with its ETag,
``If-Modified-Since`` with its Last-Modified): a feed that has not changed answers 304
and costs no parsing. A body is parsed by the feed reader of :mod:`newsfuse.readers`
(the one ``newsfuse ingest`` uses on a feed file). Each item is known by its id (Atom
``id``, RSS ``guid``), else its link, else a hash of its text: an item whose key the
database holds for this feed is not handed to the pipeline again, unless the feed declares
it updated since (a new Atom ``updated`` time: the outlet revised a toll, added a
paragraph); then it is read again and, when its text changed, the store keeps it as a
later version of the article (see ``revision_of``). A feed that declares no update time
(RSS gives only ``pubDate``) has its items read once: a body that changes by itself (a
comment count, a related-coverage list) is no update.

A poll that fails (no answer, a timeout, an HTTP error, a body that is no feed) doubles
the feed's wait before its next poll, up to a cap (:func:`backoff_delay`); the first
poll that works brings it back to the interval. One feed failing never touches another.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import httpx

from newsfuse import __version__
from newsfuse.model import RawDocument, Reject
from newsfuse.readers import read_bytes
from newsfuse.readers.limits import MAX_FEED_BYTES, size
from newsfuse.store.watch import FeedPoll, FeedState

USER_AGENT = f"newsfuse/{__version__} (newsfuse watch; feed reader)"
MAX_KEY_CHARS = 500
"""An item key longer than this (an id that is a very long URL) is stored as its hash."""
FEED_TYPES = "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5"


def backoff_delay(interval: float, failures: int, cap: float) -> float:
    """Seconds before the next poll of a feed that failed ``failures`` times in a row:
    ``interval`` after a success, then doubling with each failure, never over ``cap``
    (nor under ``interval``)."""
    if failures <= 0:
        return interval
    return max(interval, min(interval * 2.0 ** min(failures, 64), cap))


@dataclass(frozen=True)
class Fetched:
    """What one GET of a feed brought: a status (None: no answer), a body on 2xx, the
    validators to send next time, or why it failed."""

    status: int | None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


Fetcher = Callable[[FeedState], Fetched]
"""Fetches one feed given its state (its URL and validators)."""


def http_fetcher(client: httpx.Client, max_bytes: int = MAX_FEED_BYTES) -> Fetcher:
    """A :data:`Fetcher` over ``client`` (whose timeouts bound each request); a body over
    ``max_bytes`` is refused unread past that point."""

    def fetch(state: FeedState) -> Fetched:
        headers = {"Accept": FEED_TYPES}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            with client.stream("GET", state.url, headers=headers) as response:
                status = response.status_code
                if status == 304:
                    return Fetched(304)
                if not 200 <= status < 300:
                    return Fetched(status, error=f"HTTP {status} {response.reason_phrase}".strip())
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        return Fetched(status, error=f"the feed is larger than {size(max_bytes)}")
                return Fetched(
                    status,
                    bytes(body),
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                )
        except Exception as exc:  # a timeout, a refused connection, a URL httpx cannot use
            return Fetched(None, error=f"{type(exc).__name__}: {exc}" if str(exc) else repr(exc))

    return fetch


def make_client(timeout: float) -> httpx.Client:
    """An HTTP client for feeds: ``timeout`` seconds to connect and between reads."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
    )


def item_key(doc: RawDocument) -> str:
    """How an item is known from one poll to the next: its id, else its link, else a
    hash of its text."""
    key = doc.meta.get("id") or doc.meta.get("url")
    if not key:
        return "sha256:" + hashlib.sha256(doc.content.encode("utf-8", "replace")).hexdigest()
    key = str(key)
    if len(key) > MAX_KEY_CHARS:
        return "sha256:" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()
    return key


def item_version(doc: RawDocument) -> str | None:
    """What says the outlet updated an item between polls: the update time the feed
    declares for it (None when it declares none: any version is the one seen)."""
    updated = doc.meta.get("updated")
    return str(updated) if updated else None


@dataclass
class FeedItems:
    """A feed body read into documents: each with its key, the rejected items, or why
    the body is no feed at all."""

    documents: dict[str, RawDocument] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    error: str | None = None

    @property
    def count(self) -> int:
        return len(self.documents) + len(self.rejects)


def read_feed_body(url: str, body: bytes) -> FeedItems:
    """The items of a feed body, each document's source ``URL#key`` (stable across polls,
    whatever the item's position)."""
    found = FeedItems()
    docs = list(read_bytes(body, url, ".rss"))
    if len(docs) == 1 and isinstance(docs[0], Reject) and docs[0].source == url:
        found.error = docs[0].reason  # not a feed, or a feed without items
        return found
    for doc in docs:
        if isinstance(doc, Reject):
            found.rejects.append(doc)
            continue
        key = item_key(doc)
        found.documents.setdefault(key, replace(doc, source=f"{url}#{key}"))
    return found


@dataclass(frozen=True)
class Polled:
    """One feed polled: the documents to ingest (new or changed items, item rejects), and
    the poll record to commit, with the keys to mark seen and their versions, once they
    are stored."""

    inputs: list[RawDocument | Reject]
    poll: FeedPoll
    seen: dict[str, str | None]


def poll_feed(
    state: FeedState,
    fetch: Fetcher,
    unseen: Callable[[str, dict[str, str | None]], set[str]],
    *,
    now: float,
    interval: float,
    max_backoff: float,
) -> Polled:
    """Poll the feed of ``state`` at ``now``; ``unseen(url, versions)`` says which item
    keys (with their :func:`item_version`) were never handed to the pipeline in that
    version. Never raises for what the feed does."""
    fetched = fetch(state)
    if fetched.error is None and fetched.status == 304:
        kept = replace(state, failures=0, next_poll=now + interval, last_error=None)
        return Polled([], FeedPoll(kept, 304, "not-modified"), {})
    error = fetched.error
    items = FeedItems()
    if error is None:
        items = read_feed_body(state.url, fetched.body)
        error = items.error
    if error is not None:
        failures = state.failures + 1
        delay = backoff_delay(interval, failures, max_backoff)
        failed = replace(state, failures=failures, next_poll=now + delay, last_error=error)
        return Polled([], FeedPoll(failed, fetched.status, "error", error=error), {})
    versions = {key: item_version(doc) for key, doc in items.documents.items()}
    new = unseen(state.url, versions)
    inputs: list[RawDocument | Reject] = [d for k, d in items.documents.items() if k in new]
    # Rejected items are recorded (again) only with a body that brings something new.
    inputs += items.rejects if new else []
    done = replace(
        state,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        failures=0,
        next_poll=now + interval,
        last_error=None,
    )
    poll = FeedPoll(done, fetched.status, "read", items=items.count, items_new=len(new))
    # Every item's version is recorded, not only the new ones': an item recorded before
    # versions were kept gets its version now, without being read again.
    return Polled(inputs, poll, versions)
