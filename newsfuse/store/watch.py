"""What ``newsfuse watch`` follows and has read (mixed into :class:`Store`): each feed's
validators and back-off, a record of every poll, the feed items already handed to the
pipeline, and the folder files read with the size, time and hash they had.

A feed poll is committed in one transaction (:meth:`WatchStore.commit_feed_poll`), after
the pipeline stored its new items: a watcher killed before that polls the feed again
with the old validators and re-reads those items, which the store then recognises by
their text. Nothing is marked seen before it is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, update

from newsfuse.store.schema import watch_feeds, watch_files, watch_polls, watch_seen
from newsfuse.store.work import bounded_reason

SEEN_QUERY_CHUNK = 500
"""Item keys looked up at once (SQLite allows a few thousand bound parameters)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dialect_insert(conn: Any, table: Any) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table)


@dataclass(frozen=True)
class FeedState:
    """What is known about one feed between polls."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll: float = 0.0
    last_poll: str | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class FeedPoll:
    """One poll of a feed, and the state it leaves: recorded with the items it saw."""

    state: FeedState
    status: int | None
    outcome: str  # "read" (a body), "not-modified" (304), "error"
    items: int = 0
    items_new: int = 0
    error: str | None = None


@dataclass(frozen=True)
class FileRecord:
    """A file of a watched folder as it was when last read."""

    path: str
    size: int
    mtime_ns: int
    content_hash: str


class WatchStore:
    engine: Engine

    # -- feeds ----------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        """The stored state of ``url``, or a fresh one (due now) if it was never polled."""
        with self.engine.connect() as conn:
            row = conn.execute(select(watch_feeds).where(watch_feeds.c.url == url)).mappings()
            found = row.first()
        return FeedState(**dict(found)) if found is not None else FeedState(url)

    def unseen_items(self, url: str, keys: Iterable[str] | Mapping[str, str | None]) -> set[str]:
        """Those of ``keys`` never handed to the pipeline from the feed ``url``; given
        as a mapping to each item's version, also those handed on in another version (an
        item recorded before versions were kept counts as seen in any)."""
        versions = keys if isinstance(keys, Mapping) else dict.fromkeys(keys)
        wanted = list(versions)
        seen: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), SEEN_QUERY_CHUNK):
                chunk = wanted[start : start + SEEN_QUERY_CHUNK]
                rows = conn.execute(
                    select(watch_seen.c.item_key, watch_seen.c.version).where(
                        watch_seen.c.feed_url == url, watch_seen.c.item_key.in_(chunk)
                    )
                )
                seen.update(
                    key
                    for key, version in rows
                    if version is None or versions[key] is None or version == versions[key]
                )
        return set(wanted) - seen

    def commit_feed_poll(
        self, poll: FeedPoll, seen: Iterable[str] | Mapping[str, str | None] = ()
    ) -> None:
        """Record ``poll``, save the state it leaves, and mark the ``seen`` item keys (with
        their versions, when a mapping gives them), in one transaction."""
        state, now = poll.state, _now()
        row = {
            "url": state.url,
            "etag": state.etag,
            "last_modified": state.last_modified,
            "failures": state.failures,
            "next_poll": state.next_poll,
            "last_poll": now,
            "last_error": bounded_reason(state.last_error) if state.last_error else None,
        }
        with self.engine.begin() as conn:
            statement = _dialect_insert(conn, watch_feeds)
            changes = {k: statement.excluded[k] for k in row if k != "url"}
            conn.execute(statement.on_conflict_do_update(index_elements=["url"], set_=changes), row)
            conn.execute(
                insert(watch_polls).values(
                    feed_url=state.url,
                    at=now,
                    status=poll.status,
                    outcome=poll.outcome,
                    items=poll.items,
                    items_new=poll.items_new,
                    error=bounded_reason(poll.error) if poll.error else None,
                )
            )
            versions = seen if isinstance(seen, Mapping) else dict.fromkeys(seen)
            keys = [{"feed_url": state.url, "item_key": k, "at": now, "version": v}
                    for k, v in versions.items()]  # fmt: skip
            if keys:
                statement = _dialect_insert(conn, watch_seen)
                # ``at`` stays when the item was first handed on; a version is kept unless a
                # newer one is known
                changed = {"version": func.coalesce(statement.excluded.version,
                                                         watch_seen.c.version)}  # fmt: skip
                conn.execute(
                    statement.on_conflict_do_update(
                        index_elements=["feed_url", "item_key"], set_=changed
                    ),
                    keys,
                )

    def iter_feed_polls(self, url: str | None = None) -> Iterator[dict[str, Any]]:
        """Every recorded poll (of ``url`` only, if given), oldest first."""
        q = select(watch_polls).order_by(watch_polls.c.id)
        if url is not None:
            q = q.where(watch_polls.c.feed_url == url)
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                yield dict(row)

    def iter_feed_states(self) -> Iterator[FeedState]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(watch_feeds).order_by(watch_feeds.c.url)).mappings():
                yield FeedState(**dict(row))

    # -- folders --------------------------------------------------------------

    def watched_files(self, paths: Iterable[str] | None = None) -> dict[str, FileRecord]:
        """The records of ``paths`` (every record if None), by path."""
        q = select(watch_files)
        wanted = None if paths is None else set(paths)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
        return {
            r["path"]: FileRecord(r["path"], r["size"], r["mtime_ns"], r["content_hash"])
            for r in rows
            if wanted is None or r["path"] in wanted
        }

    def save_watched_file(self, record: FileRecord) -> None:
        """Record that ``record.path`` was read as it is described."""
        row = {
            "path": record.path,
            "size": record.size,
            "mtime_ns": record.mtime_ns,
            "content_hash": record.content_hash,
            "read_at": _now(),
        }
        with self.engine.begin() as conn:
            done = conn.execute(
                update(watch_files).where(watch_files.c.path == record.path).values(**row)
            )
            if not done.rowcount:
                conn.execute(insert(watch_files).values(**row))
