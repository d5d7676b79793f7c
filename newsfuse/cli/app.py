"""The ``newsfuse`` typer app: its commands, in the order ``newsfuse --help`` lists them.

Each command lives in a module named for what it holds: :mod:`~newsfuse.cli.ingest`
(ingest, batch, batch-load, annotate, cluster, doctor), :mod:`~newsfuse.cli.watch`,
:mod:`~newsfuse.cli.read` (articles, article, events, stories, story, rejects,
duplicates), :mod:`~newsfuse.cli.storylines`, :mod:`~newsfuse.cli.serve`,
and the groups :mod:`~newsfuse.cli.export`, :mod:`~newsfuse.cli.actors`,
:mod:`~newsfuse.cli.alerts` and
:mod:`~newsfuse.cli.evaluate`. Each command parses its options, calls one library
function and hands back an Output (or prints a summary).
"""

from typing import Annotated

import typer

from newsfuse import __version__
from newsfuse.cli import ingest, read, serve, storylines, watch
from newsfuse.cli.actors import actors_app
from newsfuse.cli.alerts import alerts_app
from newsfuse.cli.evaluate import eval_app
from newsfuse.cli.export import export_app
from newsfuse.cli.output import console

app = typer.Typer(
    help="newsfuse: raw news articles in, one deduplicated, source-attributed database out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Commands first, in this order; typer lists the groups after them.
app.command("ingest")(ingest.ingest_cli)
app.command("watch")(watch.watch_cli)
app.command("batch")(ingest.batch_cli)
app.command("batch-load")(ingest.batch_load_cli)
app.command("articles")(read.articles_cli)
app.command("article")(read.article_cli)
app.command("annotate")(ingest.annotate_cli)
app.command("events")(read.events_cli)
app.command("stories")(read.stories_cli)
app.command("story")(read.story_cli)
app.command("storylines")(storylines.storylines_cli)
app.command("storyline")(storylines.storyline_cli)
app.command("cluster")(ingest.cluster_cli)
app.command("serve")(serve.serve_cli)
app.command("doctor")(ingest.doctor_cli)
app.command("rejects")(read.rejects_cli)
app.command("duplicates")(read.duplicates_cli)
app.add_typer(export_app, name="export")
app.add_typer(actors_app, name="actors")
app.add_typer(alerts_app, name="alerts")
app.add_typer(eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        console.print(f"newsfuse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """newsfuse: raw news articles in, one deduplicated, source-attributed database out."""


def main() -> None:
    app()
