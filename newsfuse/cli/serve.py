"""The ``serve`` command: the web pages and the REST API."""

from typing import Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.cli.output import cli_errors, err_console, line


@cli_errors
def serve_cli(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool,
        typer.Option("--allow-ingest", help="Accept POST /api/articles from holders of the token."),
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(envvar="NEWSFUSE_TOKEN", help="Bearer token for ingest over HTTP."),
    ] = None,
    cache_mb: Annotated[
        int | None,
        typer.Option(
            min=0, help="MB of responses kept until the database changes (0: none; default 64)."
        ),
    ] = None,
) -> None:
    """Serve the web pages and the REST API (read-only unless --allow-ingest)."""
    import uvicorn

    from newsfuse.web import create_app
    from newsfuse.web.app import SHUTDOWN_SECONDS

    cache = {} if cache_mb is None else {"cache_bytes": cache_mb * 2**20}
    web = create_app(db, allow_ingest=allow_ingest, token=token, **cache)
    err_console.print(
        line(
            f"newsfuse on http://{host}:{port}/ (API docs at /docs)",
            "; ingest over HTTP is on" if allow_ingest else "; read-only",
        )
    )
    # On SIGTERM or Ctrl-C a request still running after SHUTDOWN_SECONDS is cut off (its
    # ingest runs in a daemon thread) and the process exits.
    uvicorn.run(
        web, host=host, port=port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_SECONDS
    )
