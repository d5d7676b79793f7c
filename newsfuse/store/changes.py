"""Has anything in the database changed? A cheap token that says so, for read caches.

:class:`ChangeWatch` answers with a value that differs whenever a change has been
committed since it last answered, by any process or connection. On SQLite that is
``PRAGMA data_version`` on a connection of the watch's own, which never writes (the
pragma counts commits made through *other* connections, the server's own pool
included). On PostgreSQL it is the current snapshot (``pg_current_snapshot()``: the
next transaction id and the ones in progress), which changes whenever a transaction
that writes starts or ends; writes elsewhere on the same server (another database,
autovacuum) change it too, which only costs a cache miss. Where neither works (an
in-memory SQLite database, PostgreSQL before 13) the token is ``None`` and callers
must not cache.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError


class ChangeWatch:
    """Tokens for one database; safe to call from many threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        self._usable = engine.dialect.name in ("sqlite", "postgresql")
        if engine.dialect.name == "sqlite":
            path = engine.url.database
            if not path or path == ":memory:":
                self._usable = False  # one shared connection: its own writes are not seen

    def token(self) -> Any:
        """A value that changes whenever a change has been committed; None: unknown."""
        if not self._usable:
            return None
        with self._lock:
            try:
                return self._read()
            except sqlite3.Error:
                self.close()  # reopened next time
                return None
            except SQLAlchemyError:
                self._usable = False  # e.g. PostgreSQL older than 13: stop asking
                return None

    def _read(self) -> Any:
        if self.engine.dialect.name == "sqlite":
            if self._sqlite is None:
                path = self.engine.url.database or ""
                self._sqlite = sqlite3.connect(path, check_same_thread=False)
            return self._sqlite.execute("PRAGMA data_version").fetchone()[0]
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT pg_current_snapshot()::text")).scalar_one()

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
