"""The :class:`Store`: open a database, bring its schema up to date, read and write rows."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Table, create_engine, event, func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from newsfuse.errors import MissingDependency, NotFound, StoreError
from newsfuse.model import Article, Reject
from newsfuse.store.alerts import AlertStore
from newsfuse.store.annotations import AnnotationStore, DictionaryStore
from newsfuse.store.events import EventStore
from newsfuse.store.schema import articles, duplicates, rejects
from newsfuse.store.stories import StoryStore
from newsfuse.store.storylines import StorylineStore
from newsfuse.store.watch import WatchStore
from newsfuse.store.work import PENDING_ANNOTATE, WorkStore, bounded_reason

if TYPE_CHECKING:
    from newsfuse.annotate.actors import ActorResolver

DEFAULT_DB_URL = "sqlite:///newsfuse.db"
MIGRATIONS = Path(__file__).parent / "migrations"

AddResult = Literal["stored", "duplicate", "conflict"]
SQLITE_BUSY_SECONDS = 60.0
"""How long a SQLite write waits for another process's transaction (a big cluster save)."""


def database_url(url: str | None = None) -> str:
    """``url`` if given, else ``$NEWSFUSE_DB``, else ``newsfuse.db`` in the working directory.

    A bare file path is taken as a SQLite file.
    """
    url = url or os.environ.get("NEWSFUSE_DB") or DEFAULT_DB_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _nul_free(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def _postgres_text(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool
) -> tuple[str, Any]:
    """PostgreSQL text cannot hold NUL (SQLite's can): store U+FFFD instead, one character
    for one, so that annotation offsets still point at the same text."""
    if isinstance(parameters, dict):
        parameters = {k: _nul_free(v) for k, v in parameters.items()}
    elif executemany and isinstance(parameters, list | tuple):
        parameters = [
            {k: _nul_free(v) for k, v in p.items()} if isinstance(p, dict) else p
            for p in parameters
        ]
    return statement, parameters


def _make_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            memory = url in ("sqlite://", "sqlite:///:memory:")
            engine = create_engine(
                url,
                poolclass=StaticPool if memory else None,
                # wait up to SQLITE_BUSY_SECONDS for another process's write to finish
                connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_SECONDS},
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        for plain in ("postgresql://", "postgres://"):  # SQLAlchemy would look for psycopg2
            if url.startswith(plain):
                url = "postgresql+psycopg://" + url.removeprefix(plain)
        engine = create_engine(url, pool_pre_ping=True)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "before_cursor_execute", _postgres_text, retval=True)
        return engine
    except ModuleNotFoundError as exc:
        raise MissingDependency(
            f"no database driver for {url.split('://')[0]} ({exc.name} is missing); "
            "for PostgreSQL install the extra: pip install 'newsfuse[postgres]'"
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}") from exc


class Store(
    AnnotationStore,
    DictionaryStore,
    EventStore,
    StoryStore,
    StorylineStore,
    WatchStore,
    WorkStore,
    AlertStore,
):
    """A newsfuse database. Opening it applies any migration it lacks."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = database_url(url)
        self.engine = _make_engine(self.url)
        if migrate:
            self.migrate()

    def migrate(self, revision: str = "head") -> None:
        """Apply the named migrations under ``store/migrations/versions`` up to ``revision``."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            if revision == "head" and self._at_head(config):
                return  # the common case: no lock, no write
            with self.lock("migrate"), self._migration_connection() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        except OperationalError as exc:
            raise StoreError(
                f"cannot open or migrate the database {self.url}: {exc.orig}; "
                "check the path or URL and that you may write there"
            ) from exc

    @contextmanager
    def _migration_connection(self) -> Iterator[Connection]:
        """A connection whose migrations are all or nothing, even if the process is killed.

        Python's sqlite3 module opens a transaction only before INSERT, UPDATE or DELETE, so
        under ``engine.begin()`` each CREATE TABLE of a first migration commits on its own:
        killed half-way, a new database was left with some tables and no version, which the
        next run could not migrate. On SQLite the transaction is therefore begun explicitly.
        """
        if self.engine.dialect.name != "sqlite":
            with self.engine.begin() as connection:
                yield connection
            return
        with self.engine.connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.exec_driver_sql("ROLLBACK")
                raise
            if connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                connection.exec_driver_sql("COMMIT")

    def _at_head(self, config: Config) -> bool:
        with self.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_heads()
        return set(current) == set(ScriptDirectory.from_config(config).get_heads())

    def actor_resolver(self) -> ActorResolver:
        """A resolver that also knows the actor dictionaries imported into this database."""
        from newsfuse.actors import ActorDictionary
        from newsfuse.annotate.actors import ActorResolver

        rows = self.dictionary_rows()
        return ActorResolver(ActorDictionary.from_rows(rows) if rows else None)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------

    def add_article(
        self, article: Article, *, pending: bool = False, revision_of: str | None = None
    ) -> tuple[AddResult, str]:
        """Store ``article`` unless its content is already there.

        Returns ``("stored", id)``, ``("duplicate", id_of_the_stored_copy)`` or
        ``("conflict", id)`` when the id is taken by an article with other content.
        With ``pending`` the article is marked as still to be annotated (see
        :mod:`newsfuse.store.work`); ``revision_of`` names the stored article it is a later
        version of. Reading the same input again is not recorded as a duplicate of itself.
        """
        with self.engine.begin() as conn:
            existing = conn.execute(
                select(articles.c.id, articles.c.source).where(
                    articles.c.content_hash == article.content_hash
                )
            ).first()
            if existing is not None:
                if existing.source != article.source:
                    self._record_duplicate(conn, article.source, existing.id, article.id)
                return "duplicate", existing.id
            if conn.execute(select(articles.c.id).where(articles.c.id == article.id)).scalar():
                return "conflict", article.id
            row = {
                "id": article.id,
                "source": article.source,
                "url": article.url,
                "outlet": article.outlet,
                "agency": article.agency,
                "author": article.author,
                "title": article.title,
                "text": article.text,
                "published": article.published,
                "dateline_place": article.dateline_place,
                "dateline_country": article.dateline_country,
                "language": article.language,
                "content_hash": article.content_hash,
                "boilerplate": json.dumps(list(article.boilerplate), ensure_ascii=False),
                "notes": json.dumps(list(article.notes), ensure_ascii=False),
                "ingested_at": _now(),
                "pending": PENDING_ANNOTATE if pending else None,
                "revision_of": revision_of,
            }
            # On PostgreSQL a failed INSERT aborts the whole transaction: try it in a SAVEPOINT.
            # Not on SQLite, whose driver would commit the INSERT alone at RELEASE SAVEPOINT.
            sqlite = conn.dialect.name == "sqlite"
            try:
                with nullcontext() if sqlite else conn.begin_nested():
                    conn.execute(insert(articles).values(**row))
            except IntegrityError:  # a concurrent writer stored the same content or id first
                same = conn.execute(
                    select(articles.c.id).where(articles.c.content_hash == article.content_hash)
                ).scalar()
                return ("duplicate", same) if same is not None else ("conflict", article.id)
            conn.execute(rejects.delete().where(rejects.c.source == article.source))
        return "stored", article.id

    def versions_of(self, article_id: str) -> tuple[str, str, list[str]]:
        """The first version of the stored article ``article_id`` (itself, unless it is a
        later version of another), that first version's source, and its later versions,
        oldest first."""
        with self.engine.connect() as conn:
            first = conn.execute(
                select(articles.c.revision_of).where(articles.c.id == article_id)
            ).scalar()
            first = first or article_id
            source = conn.execute(select(articles.c.source).where(articles.c.id == first)).scalar()
            return first, source or "", _later_versions(conn, first)

    def _record_duplicate(
        self, conn: Any, source: str, article_id: str, given_id: str | None = None
    ) -> None:
        """Record that ``source`` held a copy of ``article_id``, and the id the input gave
        the copy when it is another one (so that id still finds the article)."""
        row = {"source": source, "article_id": article_id, "at": _now(),
               "given_id": given_id if given_id != article_id else None}  # fmt: skip
        upsert(conn, duplicates, row, keys=("source", "article_id"))

    def add_reject(self, reject: Reject) -> None:
        """Record (or refresh) why ``reject.source`` could not be ingested (reason bounded)."""
        self.add_rejects([reject])

    def add_rejects(self, found: list[Reject]) -> None:
        """Record (or refresh) many rejects in one transaction."""
        now = _now()
        rows = {r.source: {"source": r.source, "reason": bounded_reason(r.reason), "at": now}
                for r in found}  # fmt: skip
        with self.engine.begin() as conn:
            upsert(conn, rejects, list(rows.values()), keys=("source",))

    # -- reading -------------------------------------------------------------

    def article_ids_taken(self, ids: list[str]) -> set[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id).where(articles.c.id.in_(ids)))
            return {r[0] for r in rows}

    def iter_articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[dict]:
        """Stored articles, newest publication first (undated last), as dicts."""
        query = (
            select(articles)
            .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield _decode_article(dict(row))

    def get_article(self, article_id: str) -> dict:
        """The stored article with ``article_id``; failing that, the one an input so named
        was an exact duplicate of, with ``duplicate`` saying so (``id`` is the stored
        article's: its annotations, events and story are under that id)."""
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
            )
            copy = None
            if row is None:
                copy = (
                    conn.execute(
                        select(duplicates.c.source, duplicates.c.article_id)
                        .where(duplicates.c.given_id == article_id)
                        .order_by(duplicates.c.id)
                    )
                    .mappings()
                    .first()
                )
                if copy is not None:
                    row = (
                        conn.execute(select(articles).where(articles.c.id == copy["article_id"]))
                        .mappings()
                        .first()
                    )
            if row is None:
                raise NotFound(
                    f"no article with id {article_id!r}; `newsfuse articles` lists the ids"
                )
            found = _decode_article(dict(row))
            found["revisions"] = _later_versions(conn, found["id"])
        if copy is not None:
            found["duplicate"] = {"id": article_id, "source": copy["source"], "of": found["id"]}
        return found

    def load_article(self, article_id: str) -> Article:
        """A stored article as the :class:`Article` artifact later stages take."""
        row = self.get_article(article_id)
        fields = Article.__dataclass_fields__
        values = {k: v for k, v in row.items() if k in fields}
        values["boilerplate"] = tuple(values.get("boilerplate") or ())
        values["notes"] = tuple(values.get("notes") or ())
        return Article(**values)

    def iter_rejects(self) -> Iterator[dict]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(rejects).order_by(rejects.c.id)).mappings():
                yield dict(row)

    def iter_named_copies(self) -> Iterator[dict]:
        """Duplicates that came with an id of their own (``given_id``) no stored article has,
        oldest first: each is an input the database holds only as a copy of ``article_id``."""
        query = (
            select(duplicates)
            .where(duplicates.c.given_id.is_not(None))
            .where(~duplicates.c.given_id.in_(select(articles.c.id)))
            .order_by(duplicates.c.id)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield dict(row)

    def iter_duplicates(self) -> Iterator[dict]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(duplicates).order_by(duplicates.c.id)).mappings():
                yield dict(row)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (articles, duplicates, rejects)
            }


def upsert(
    conn: Any, table: Table, rows: dict[str, Any] | list[dict[str, Any]], *, keys: tuple[str, ...]
) -> None:
    """Insert ``rows``, or update the rows with the same ``keys``: one statement (run once
    per row by the driver), so that two processes recording the same thing cannot collide.
    Rows must have the same columns and distinct keys."""
    rows = [rows] if isinstance(rows, dict) else rows
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(table)
    changes = {k: statement.excluded[k] for k in rows[0] if k not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changes), rows)


_VERSION = re.compile(r"-v(\d+)$")


def _later_versions(conn: Any, first: str) -> list[str]:
    """The ids of the later versions of ``first``, oldest first (by the "-vN" their ids
    end in; ingest times are whole seconds)."""
    rows = conn.execute(
        select(articles.c.id, articles.c.ingested_at).where(articles.c.revision_of == first)
    )

    def order(row: Any) -> tuple[int, str, str]:
        number = _VERSION.search(row.id)
        return (int(number.group(1)) if number else 1 << 30, row.ingested_at, row.id)

    return [row.id for row in sorted(rows, key=order)]


def _decode_article(row: dict) -> dict:
    for key in ("boilerplate", "notes"):
        row[key] = json.loads(row[key]) if row.get(key) else []
    return row
