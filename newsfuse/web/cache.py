"""Whole responses to GET requests, kept until the database changes.

Every page, JSON twin and API answer is a function of its URL and the database alone
(no cookies, no per-user content), so a response computed once can be sent again
until anything in the database changes. :class:`ResponseCache` keys each successful
(200) response by path and query string, tagged with the database's change token
(:class:`~newsfuse.store.changes.ChangeWatch`), read *before* the response is
computed: a response cached under a token is at least as new as the database was
when that token was current. Any commit (an ingest, a re-cluster, a story fusion
stored on first view) changes the token, and every entry is then stale. Entries are
dropped least recently used first beyond ``max_bytes``; a response over
``max_entry_bytes`` is sent but not kept. Where the database cannot give a token
(in-memory SQLite), nothing is cached.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsfuse.store.changes import ChangeWatch

CACHE_BYTES = 64 * 2**20
"""Response bytes kept by one server process, all entries together."""
ENTRY_BYTES = 2 * 2**20
"""The largest response kept (a CSV export of every event is sent, not kept)."""


@dataclass(frozen=True)
class _Entry:
    token: Any
    start: Message
    body: bytes


class ResponseCache:
    """ASGI middleware: GET responses replayed while the database's token is unchanged."""

    def __init__(
        self,
        app: ASGIApp,
        watch: ChangeWatch,
        max_bytes: int = CACHE_BYTES,
        max_entry_bytes: int = ENTRY_BYTES,
    ) -> None:
        self.app = app
        self.watch = watch
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self.entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
        self.size = 0
        self.token: Any = None
        self.hits = self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        token = await anyio.to_thread.run_sync(self.watch.token)
        if token is None:
            await self.app(scope, receive, send)
            return
        if token != self.token:  # the database changed: every entry is stale
            self.token = token
            self.entries.clear()
            self.size = 0
        key = (scope.get("root_path", "") + scope["path"], scope.get("query_string", b""))
        entry = self.entries.get(key)
        if entry is not None and entry.token == token:
            self.entries.move_to_end(key)
            self.hits += 1
            headers = [*entry.start.get("headers", []), (b"x-newsfuse-cache", b"hit")]
            await send({**entry.start, "headers": headers})
            await send({"type": "http.response.body", "body": entry.body, "more_body": False})
            return
        self.misses += 1
        await self.app(scope, receive, self._recorder(key, token, send))

    def _recorder(self, key: tuple[str, bytes], token: Any, send: Send) -> Send:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def record(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > self.max_entry_bytes:
                    keep = False
                    chunks.clear()
                else:
                    chunks.append(body)
                    if not message.get("more_body", False) and start is not None:
                        self._put(key, _Entry(token, start, b"".join(chunks)))
            await send(message)

        return record

    def _put(self, key: tuple[str, bytes], entry: _Entry) -> None:
        if entry.token != self.token:  # computed before a change that another request saw
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)
