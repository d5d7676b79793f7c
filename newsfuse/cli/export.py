"""The ``export`` group: stored records to JSON Lines, CSV or Parquet."""

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.cli.output import cli_errors, err_console, line
from newsfuse.errors import InputError
from newsfuse.export import FIELDS, TYPES, export_rows, write_jsonl
from newsfuse.export_gdelt import gdelt_rows, write_gdelt
from newsfuse.export_plover import plover_records
from newsfuse.store import Store

export_app = typer.Typer(help="Write stored records to a file or stdout.", no_args_is_help=True)


FORMATS = ("jsonl", "csv", "parquet")
EVENT_FORMATS = (*FORMATS, "plover", "gdelt")
"""``export events`` also writes PLOVER records as POLECAT publishes them and GDELT-like rows."""

FormatOption = Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")]
EventFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        help="jsonl, csv or parquet (every stored field); plover (POLECAT-style PLOVER JSON "
        "records, one a line) or gdelt (GDELT 2.0-style event rows, tab-separated).",
    ),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write \\[default: stdout].")
]


def _export(kind: str, rows_of: Callable[[Store], Iterable[dict]], db: str | None, fmt: str,
            output: Path | None) -> None:  # fmt: skip
    """Shared by the export commands: check the options, write the rows, say where."""
    _check_format(fmt, FORMATS)
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
    db: DbOption = None,
    fmt: FormatOption = "jsonl",
    output: OutputOption = None,
    copies: Annotated[
        bool,
        typer.Option(
            "--copies/--no-copies",
            help="Also a row for each input that came with an id of its own and was an exact "
            "copy of a stored article (duplicate_of names it; same text and story_id).",
        ),
    ] = True,
) -> None:
    """Every stored article with all its fields and its story_id, text included."""

    def rows(store: Store) -> Iterable[dict]:
        story_of = store.story_ids()
        yield from (dict(r, story_id=story_of.get(r["id"])) for r in store.iter_articles())
        if copies:
            yield from copy_rows(store, story_of)

    _export("articles", rows, db, fmt, output)


def copy_rows(store: Store, story_of: dict[str, str]) -> Iterator[dict]:
    """One row per id named copies came with (:meth:`Store.iter_named_copies`): the stored
    article's fields under the copy's id and source; its page (url, outlet) was not kept, so
    none. An id several inputs gave (one feed item in two dumps) is one row, its oldest copy,
    the one ``article ID`` finds: ids stay unique in the export."""
    seen: set[str] = set()
    for copy in store.iter_named_copies():
        if copy["given_id"] in seen:
            continue
        seen.add(copy["given_id"])
        stored = store.get_article(copy["article_id"])
        yield dict(
            stored,
            id=copy["given_id"],
            source=copy["source"],
            url=None,
            outlet=None,
            ingested_at=copy["at"],
            duplicate_of=stored["id"],
            story_id=story_of.get(stored["id"]),
        )


def _check_format(fmt: str, known: tuple[str, ...]) -> None:
    if fmt not in known:
        raise InputError(f"unknown format {fmt!r}; use {', '.join(known[:-1])} or {known[-1]}")


def _write_text(output: Path | None, write: Callable[[IO[str]], int]) -> int:
    """Run ``write`` on ``output`` (a new UTF-8 file) or stdout; returns its count."""
    if output is None:
        return write(sys.stdout)
    with open(output, "w", encoding="utf-8", newline="") as out:
        return write(out)


@export_app.command("events")
@cli_errors
def export_events_cli(
    db: DbOption = None,
    fmt: EventFormatOption = "jsonl",
    output: OutputOption = None,
    include_unreal: Annotated[
        bool,
        typer.Option(
            "--include-unreal",
            help="plover: also events the text says did not happen or that are hypothetical "
            "(planned, demanded, threatened), flagged in newsfuse.negated / .hypothetical.",
        ),
    ] = False,
) -> None:
    """Every coded event. jsonl, csv, parquet: every stored field (negated events too), with
    its article, story, PLOVER actors and the GeoNames id and point of its place. plover:
    one PLOVER record a line as POLECAT publishes them. gdelt: one row per happening with
    GDELT's event columns and CAMEO root codes (see the README's "Exports")."""
    _check_format(fmt, EVENT_FORMATS)
    if include_unreal and fmt != "plover":
        raise InputError(
            "--include-unreal is for --format plover, whose records can flag such events; "
            f"{fmt} writes " + ("no negated or hypothetical events" if fmt == "gdelt" else
                                "negated and hypothetical events always, with their flags")
        )  # fmt: skip
    if fmt in FORMATS:
        _export("events", lambda store: store.iter_events(include_negated=True), db, fmt, output)
        return
    with Store(db) as store:
        if fmt == "plover":
            records = plover_records(store, include_unreal=include_unreal)
            count = _write_text(output, lambda out: write_jsonl(records, out))
        else:
            count = _write_text(output, lambda out: write_gdelt(gdelt_rows(store), out))
    if output:
        what = "PLOVER records" if fmt == "plover" else "GDELT rows"
        err_console.print(line(f"wrote {count} {what} to {output}"))


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
