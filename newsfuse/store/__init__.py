"""Storage: one schema on SQLite (default) or PostgreSQL, created by named migrations."""

from newsfuse.store.db import DEFAULT_DB_URL, Store, database_url

__all__ = ["DEFAULT_DB_URL", "Store", "database_url"]
