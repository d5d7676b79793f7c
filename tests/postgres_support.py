"""A throwaway PostgreSQL server for the tests (not a test module).

The ``postgres_url`` fixture in conftest.py is built on :func:`postgres_server`: it runs
Debian's PostgreSQL (``make setup-postgres`` installs it) from ``initdb`` into a temporary
directory, listening only on a unix socket in that directory with trust authentication,
and removes everything when the session ends. Root may not run ``initdb`` or ``postgres``,
so as root the server runs as the ``postgres`` user that Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MISSING_POSTGRES = "PostgreSQL is missing: run `make setup-postgres` (apt-get install postgresql)"
SERVER_USER = "postgres"  # created by Debian's postgresql-common
PORT = 5432  # only names the socket file: the socket directory is ours alone


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries here (or no user to run them as)."""


def postgres_bindir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are: $NEWSFUSE_PG_BIN alone when it is set, else the
    newest /usr/lib/postgresql/NN/bin (Debian), else the directory of ``pg_ctl`` on the PATH."""
    override = os.environ.get("NEWSFUSE_PG_BIN")
    if override:
        candidates = [override]
    else:
        candidates = sorted(
            glob.glob("/usr/lib/postgresql/*/bin"),
            key=lambda d: int(Path(d).parent.name) if Path(d).parent.name.isdigit() else 0,
            reverse=True,
        )
        on_path = shutil.which("pg_ctl")
        if on_path:
            candidates.append(str(Path(on_path).parent))
    for candidate in candidates:
        d = Path(candidate)
        if all(
            os.access(d / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres", "createdb")
        ):
            return d
    return None


def _runner() -> list[str]:
    """The command prefix that runs a server binary as an unprivileged user."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"running as root and there is no {SERVER_USER!r} user to run PostgreSQL as; "
            + MISSING_POSTGRES
        ) from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailable("running as root and `runuser` (util-linux) is missing")
    return [runuser, "-u", SERVER_USER, "--"]


def _run(cmd: list[str], *, what: str, log: Path | None = None) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        detail = (done.stdout + done.stderr).strip()
        if log is not None and log.exists():
            detail += "\n--- server log ---\n" + log.read_text(errors="replace")
        raise RuntimeError(f"{what} failed ({done.returncode}): {' '.join(cmd)}\n{detail}")


def check_postgres() -> tuple[Path, list[str]]:
    """The server binaries' directory and the prefix to run them with; raises
    :class:`PostgresUnavailable` saying what to install when they cannot be run."""
    bindir = postgres_bindir()
    if bindir is None:
        raise PostgresUnavailable(MISSING_POSTGRES)
    return bindir, _runner()


@contextmanager
def postgres_server(database: str = "newsfuse") -> Iterator[str]:
    """Start a private PostgreSQL server with an empty ``database``; yields its SQLAlchemy URL
    (``postgresql+psycopg://postgres@/DATABASE?host=SOCKET_DIR&port=PORT``).

    Raises :class:`PostgresUnavailable` when the server binaries are missing.
    """
    bindir, prefix = check_postgres()
    # A unix socket path may be at most ~107 bytes: stay in a short directory.
    base = tempfile.gettempdir()
    if len(base) > 60 and os.path.isdir("/tmp"):
        base = "/tmp"
    root = Path(tempfile.mkdtemp(prefix="newsfuse-pg-", dir=base))
    data, log = root / "data", root / "server.log"
    if prefix:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(root, user.pw_uid, user.pw_gid)
    try:
        _run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"],
            what="initdb",
        )  # fmt: skip
        options = (
            f"-k {root} -p {PORT} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        _run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
             "-o", options, "start"],
            what="pg_ctl start",
            log=log,
        )  # fmt: skip
        _run(
            [*prefix, str(bindir / "createdb"), "-h", str(root), "-p", str(PORT), "-U", "postgres",
             database],
            what="createdb",
        )  # fmt: skip
        yield f"postgresql+psycopg://postgres@/{database}?host={root}&port={PORT}"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=120,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


def create_database(url: str, name: str) -> str:
    """Create (or empty) database ``name`` on the server of ``url``; returns its URL."""
    from sqlalchemy import create_engine, make_url, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)
