"""The ``export`` group: stored records to JSON Lines, CSV or Parquet."""

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.cli.output import cli_errors, err_console, line
from newsfuse.errors import InputError
from newsfuse.export import FIELDS, TYPES, export_rows
from newsfuse.store import Store

export_app = typer.Typer(help="Write stored records to a file or stdout.", no_args_is_help=True)


FormatOption = Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write \\[default: stdout].")
]


def _export(kind: str, rows_of: Callable[[Store], Iterable[dict]], db: str | None, fmt: str,
            output: Path | None) -> None:  # fmt: skip
    """Shared by the export commands: check the options, write the rows, say where."""
    if fmt not in ("jsonl", "csv", "parquet"):
        raise InputError(f"unknown format {fmt!r}; use jsonl, csv or parquet")
    if fmt == "parquet" and output is None:
        raise InputError("Parquet is binary: give a file with --output FILE.parquet")
    with Store(db) as store:
        rows = rows_of(store)
        if fmt == "parquet":
            count = export_rows(rows, FIELDS[kind], "parquet", str(output), TYPES.get(kind))
        else:
            out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
            try:
                count = export_rows(rows, FIELDS[kind], fmt, out)  # type: ignore[arg-type]
            finally:
                if output:
                    out.close()
    if output:
        err_console.print(line(f"wrote {count} {kind} to {output}"))


@export_app.command("articles")
@cli_errors
def export_articles_cli(
    db: DbOption = None, fmt: FormatOption = "jsonl", output: OutputOption = None
) -> None:
    """Every stored article with all its fields and its story_id, text included."""

    def rows(store: Store) -> Iterable[dict]:
        story_of = store.story_ids()
        return (dict(r, story_id=story_of.get(r["id"])) for r in store.iter_articles())

    _export("articles", rows, db, fmt, output)


@export_app.command("events")
@cli_errors
def export_events_cli(
    db: DbOption = None, fmt: FormatOption = "jsonl", output: OutputOption = None
) -> None:
    """Every coded event (negated ones too) with its article, story, PLOVER actors and the
    GeoNames id and point of its place."""
    _export("events", lambda store: store.iter_events(include_negated=True), db, fmt, output)


@export_app.command("places")
@cli_errors
def export_places_cli(
    db: DbOption = None, fmt: FormatOption = "jsonl", output: OutputOption = None
) -> None:
    """Every place mention: its article, offsets, name, kind, country, GeoNames id,
    feature class and code, and point."""
    _export("places", lambda store: store.iter_places(), db, fmt, output)


@export_app.command("stories")
@cli_errors
def export_stories_cli(
    db: DbOption = None, fmt: FormatOption = "jsonl", output: OutputOption = None
) -> None:
    """Every story with its dates, counts, main actors and article ids."""

    def rows(store: Store) -> Iterable[dict]:
        members: dict[str, list[str]] = {}
        for article_id, story_id in sorted(store.story_ids().items()):
            members.setdefault(story_id, []).append(article_id)
        return (dict(s, article_ids=members.get(s["id"], [])) for s in store.iter_stories())

    _export("stories", rows, db, fmt, output)
