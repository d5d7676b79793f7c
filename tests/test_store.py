"""Storage: migrations build the schema the code describes; writes are idempotent."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from newsfuse.model import Article, Reject
from newsfuse.store import Store, database_url
from newsfuse.store.schema import metadata


def _article(id_="a1", text="Body text.", hash_="h1") -> Article:
    return Article(id=id_, source=f"{id_}.txt", text=text, content_hash=hash_, title="T")


def test_migrations_match_schema(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_a_first_migration_cut_short_leaves_nothing_behind(tmp_path):
    """Killed while creating a new database, the next run must find it empty, not half-made
    (each CREATE TABLE used to commit on its own)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from newsfuse.store.db import MIGRATIONS

    path = tmp_path / "cut.db"
    store = Store(str(path), migrate=False)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with store._migration_connection() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            raise KeyboardInterrupt  # the process stopping before the commit
    except KeyboardInterrupt:
        pass
    store.close()
    assert inspect(Store(str(path), migrate=False).engine).get_table_names() == []
    with Store(str(path)) as again:  # and the next run builds the whole schema
        assert again.add_article(_article()) == ("stored", "a1")


def test_database_url_defaults(monkeypatch):
    monkeypatch.delenv("NEWSFUSE_DB", raising=False)
    assert database_url() == "sqlite:///newsfuse.db"
    assert database_url("x.db") == "sqlite:///x.db"
    monkeypatch.setenv("NEWSFUSE_DB", "postgresql://u@h/db")
    assert database_url() == "postgresql://u@h/db"


def test_add_article_duplicate_and_conflict(store):
    assert store.add_article(_article()) == ("stored", "a1")
    assert store.add_article(_article(id_="other")) == ("duplicate", "a1")
    assert store.add_article(_article(hash_="h2")) == ("conflict", "a1")
    assert store.counts() == {"articles": 1, "duplicates": 1, "rejects": 0}


def test_rejects_are_refreshed_not_repeated(store):
    store.add_reject(Reject("x.txt", "empty"))
    store.add_reject(Reject("x.txt", "still empty"))
    assert [r["reason"] for r in store.iter_rejects()] == ["still empty"]


def test_file_database_survives_reopening(tmp_path):
    path = tmp_path / "n.db"
    with Store(str(path)) as db:
        db.add_article(_article())
    with Store(str(path)) as db:
        assert db.get_article("a1")["title"] == "T"
