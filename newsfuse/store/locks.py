"""Named locks across processes, for work that must not run twice at once on one database.

Clustering reads every story, decides, then writes: two runs at once would both start a
story with the same id. Such work runs under :meth:`Store.lock`:

* a SQLite file: ``flock`` on a file beside the database (``NAME.db-cluster.lock``, next to
  SQLite's own ``NAME.db-wal``);
* PostgreSQL: a session-level advisory lock (``pg_advisory_lock``) on its own connection;
* an in-memory SQLite database: a lock inside this process (no other process can see it).

Each is released by the operating system or the server when its holder dies, so a run
killed while holding a lock never blocks the next one.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

from newsfuse.errors import StoreError

_IN_PROCESS: dict[tuple[int, str], threading.Lock] = {}
_IN_PROCESS_GUARD = threading.Lock()


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for an in-memory database."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("://", 1)[1].removeprefix("/")
    if path in ("", ":memory:") or path.startswith(("file::memory:", ":memory:")):
        return None
    return Path(path.split("?", 1)[0])


def _advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_lock``."""
    return int.from_bytes(
        hashlib.sha1(f"newsfuse:{name}".encode()).digest()[:8], "big", signed=True
    )


@contextmanager
def named_lock(engine: Engine, url: str, name: str) -> Iterator[None]:
    """Hold the lock ``name`` on the database at ``url`` for the duration of the block."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            key = _advisory_key(name)
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                conn.commit()
        return
    path = sqlite_file(url)
    if path is None:
        with _IN_PROCESS_GUARD:
            lock = _IN_PROCESS.setdefault((id(engine), name), threading.Lock())
        with lock:
            yield
        return
    import fcntl

    lock_path = path.with_name(f"{path.name}-{name}.lock")
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115  (held open for the whole block)
    except OSError as exc:
        raise StoreError(
            f"cannot create the lock file {lock_path} ({exc.strerror}); "
            "newsfuse needs to write beside the database file"
        ) from exc
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()
