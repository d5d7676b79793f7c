"""Commands. Each parses its options, calls one library function and hands back an Output."""

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsfuse import __version__
from newsfuse.cli.output import (
    Output,
    cli_errors,
    console,
    err_console,
    line,
    output_options,
    plain,
    print_json,
)
from newsfuse.cli.views import render_article, render_story
from newsfuse.errors import InputError
from newsfuse.export import FIELDS, TYPES, export_rows
from newsfuse.ingest import IngestReport, annotate_stored, ingest_paths
from newsfuse.processes import default_processes
from newsfuse.store import Store
from newsfuse.untrusted import visible

app = typer.Typer(
    help="newsfuse: raw news articles in, one deduplicated, source-attributed database out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Write stored records to a file or stdout.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure newsfuse against gold-standard data.", no_args_is_help=True)
actors_app = typer.Typer(
    help="Actors named in stored articles; import actor dictionaries.", invoke_without_command=True
)
app.add_typer(export_app, name="export")
app.add_typer(actors_app, name="actors")
app.add_typer(eval_app, name="eval")

ProcessesOption = Annotated[
    int | None,
    typer.Option(
        "--processes",
        "-p",
        min=1,
        help="Processes for annotation \\[default: the machine's cores].",
    ),
]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="NEWSFUSE_DB", help="Database URL or SQLite file \\[default: newsfuse.db]."
    ),
]


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


# -- ingest -------------------------------------------------------------------------


def _print_summary(report: IngestReport) -> None:
    console.print(
        f"[bold green]{report.stored} stored[/], [yellow]{report.duplicates} duplicate[/], "
        f"[red]{report.rejected} rejected[/]"
        + (f", {report.skipped} skipped" if report.skipped else "")
        + f"; {report.annotated} annotated"
    )
    if report.recovered:
        console.print(f"{report.recovered} left unannotated by an interrupted run: annotated now")
    if report.annotate_failed:
        err_console.print(
            f"  [red]{len(report.annotate_failed)} stored but not annotated[/] "
            "(see `newsfuse rejects`; `newsfuse doctor --repair` retries them)"
        )
    if report.clustering:
        c = report.clustering
        console.print(
            f"{c['articles']} clustered: {c['new_stories']} new stories, "
            f"{c['reprints']} wire copies, {len(c['merged'])} stories merged"
        )
    for reject in report.rejects[:20]:
        word = "skipped" if reject.reason.startswith("skipped") else "rejected"
        err_console.print(line("  ", (word, "red"), " ", reject.source, ": ", reject.reason))
    if len(report.rejects) > 20:
        err_console.print(f"  … and {len(report.rejects) - 20} more: see `newsfuse rejects`")
    for note in dict.fromkeys(report.notes):
        err_console.print(line("  ", ("note", "yellow"), " ", note))


@app.command("ingest")
@cli_errors
def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    db: DbOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="Read every input as this suffix (txt, html, json, jsonl, sgm)."
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if any input was rejected.")
    ] = False,
    annotate: Annotated[
        bool,
        typer.Option("--annotate/--no-annotate", help="Find actors, places, times, quantities."),
    ] = True,
    cluster: Annotated[
        bool, typer.Option("--cluster/--no-cluster", help="Put new articles into stories.")
    ] = True,
    processes: ProcessesOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read, clean, store, annotate and cluster articles. Re-ingesting stores nothing new."""
    suffix = f".{fmt.lstrip('.')}" if fmt else None
    with Store(db) as store:
        show_bar = not as_json and sys.stderr.isatty()
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=not show_bar,
            transient=True,
        ) as progress:
            task = progress.add_task("ingesting", total=None)

            def on_file(path: str, done: int, total: int) -> None:
                name = escape(visible(Path(path).name[:40]))  # the column reads markup
                progress.update(task, completed=done, total=total, description=name)

            try:
                report = ingest_paths(
                    paths,
                    store,
                    suffix=suffix,
                    annotate=annotate,
                    cluster=cluster,
                    n_process=processes or default_processes(),
                    on_file=on_file,
                )
            except KeyboardInterrupt:
                err_console.print(
                    "interrupted: what was stored is kept, and the next `newsfuse ingest` "
                    "(or `newsfuse doctor --repair`) finishes it"
                )
                raise typer.Exit(130) from None
    if as_json:
        print_json(report.to_dict())
    else:
        _print_summary(report)
    if report.read == 0 or (strict and report.rejected):
        raise typer.Exit(1)


# -- batch --------------------------------------------------------------------------


@app.command("batch")
@cli_errors
def batch_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for articles/ and rejects/ Parquet.")],
    use_ray: Annotated[
        bool, typer.Option("--ray/--no-ray", help="Run on Ray Data, or in this process.")
    ] = True,
    address: Annotated[
        str | None, typer.Option("--address", help="Ray cluster to join \\[default: start one].")
    ] = None,
    cpus: Annotated[
        int | None, typer.Option("--cpus", min=1, help="CPUs of the local Ray, actors to run.")
    ] = None,
    db: DbOption = None,
    load: Annotated[bool, typer.Option("--load", help="Then store it in the database.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read, clean, annotate and code many files into Parquet, on Ray Data (scale-out)."""
    from newsfuse.batch import load_batch, run_batch

    dictionary = None
    if db or load:
        with Store(db) as store:
            dictionary = store.dictionary_rows() or None
    summary = run_batch(
        paths, out, use_ray=use_ray, address=address, num_cpus=cpus, dictionary_rows=dictionary
    )
    report = None
    if load:
        with Store(db) as store:
            report = load_batch(out, store)
    if as_json:
        print_json({**summary, "load": report.to_dict() if report else None})
    else:
        console.print(
            line(
                f"{summary['articles']} articles, {summary['rejects']} rejects from "
                f"{summary['files']} files in {summary['seconds']:.1f} s "
                f"({'Ray' if use_ray else 'this process'}); Parquet in {out}"
            )
        )
        if report is not None:
            _print_summary(report)
    if summary["articles"] == 0:
        raise typer.Exit(1)


@app.command("batch-load")
@cli_errors
def batch_load_cli(
    folder: Annotated[Path, typer.Argument(help="A folder written by `newsfuse batch`.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Store a batch's Parquet in the database: duplicates, rejects, annotations, stories."""
    from newsfuse.batch import load_batch

    with Store(db) as store:
        report = load_batch(folder, store)
    if as_json:
        print_json(report.to_dict())
    else:
        _print_summary(report)
    if report.read == 0:
        raise typer.Exit(1)


# -- reading ------------------------------------------------------------------------

ARTICLE_COLUMNS = (
    "id",
    "outlet",
    "agency",
    "dateline_place",
    "dateline_country",
    "published",
    "title",
)
ARTICLE_HEADERS = {"dateline_place": "dateline", "dateline_country": "ctry", "published": "date"}


@app.command("articles")
@output_options
def articles_cli(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> Output:
    """List stored articles, newest first."""
    with Store(db) as store:
        rows = list(store.iter_articles(limit=limit))
    for row in rows:
        row.pop("text", None)
    return Output(
        rows=rows, columns=ARTICLE_COLUMNS, headers=ARTICLE_HEADERS, title=f"{len(rows)} articles"
    )


@app.command("article")
@output_options
def article_cli(
    article_id: Annotated[str, typer.Argument(help="Article id.")], db: DbOption = None
) -> Output:
    """Show one article: metadata, cleaned text, and its actors, places, times and quantities."""
    with Store(db) as store:
        row = store.get_article(article_id)
        row["annotations"] = store.get_annotations(article_id)
    return Output(rows=[row], columns=ARTICLE_COLUMNS, data=row, render=lambda: render_article(row))


@app.command("annotate")
@cli_errors
def annotate_cli(
    db: DbOption = None,
    all_articles: Annotated[
        bool, typer.Option("--all", help="Annotate every article again.")
    ] = False,
    processes: ProcessesOption = None,
) -> None:
    """Annotate stored articles that have not been annotated yet (or all with --all)."""
    with Store(db) as store:
        ids = (
            [r["id"] for r in store.iter_articles()]
            if all_articles
            else store.unannotated_article_ids()
        )
        report = IngestReport()
        count = annotate_stored(store, ids, processes or default_processes(), report=report)
    console.print(f"{count} articles annotated")
    if report.annotate_failed:
        err_console.print(
            f"{len(report.annotate_failed)} could not be annotated: see `newsfuse rejects`"
        )


@actors_app.callback()
@output_options
def actors_cli(
    ctx: typer.Context,
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this ISO3 country.")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = 50,
) -> Output:
    """List actors with how often they are named and in how many articles."""
    if ctx.invoked_subcommand is not None:
        return Output(render=lambda: None)
    with Store(db) as store:
        rows = list(store.actor_counts(country=country, limit=limit))
    columns = ("name", "country", "sector", "mentions", "articles")
    return Output(rows=rows, columns=columns, title=f"{len(rows)} actors")


@actors_app.command("import")
@cli_errors
def actors_import_cli(
    files: Annotated[
        list[Path], typer.Argument(help="CAMEO/PETRARCH actor or agent dictionary files.")
    ],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Import actor dictionaries (CAMEO format, date-bounded codes) for actor resolution."""
    from newsfuse.actors import load_dictionary_files

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise InputError(f"no such file: {', '.join(missing)}; check the paths")
    dictionary, problems = load_dictionary_files(files)
    rows = dictionary.to_rows()
    with Store(db) as store:
        store.replace_dictionary_rows(rows, [str(f) for f in files])
        total = store.dictionary_size()
    summary = {
        "entries": len(dictionary),
        "rows": len(rows),
        "total_rows": total,
        "problems": problems,
    }
    if as_json:
        print_json(summary)
        return
    console.print(
        f"imported {len(dictionary)} entries ({len(rows)} name-code rows; {total} in the database)"
    )
    for problem in problems[:20]:
        err_console.print(line("  ", ("problem", "yellow"), " ", problem))
    if len(problems) > 20:
        err_console.print(f"  … and {len(problems) - 20} more problems (--json lists them all)")
    console.print("Run `newsfuse annotate --all` to apply it to articles already stored.")


def _actor_list(actors: list[dict]) -> str:
    return "; ".join(
        " ".join(x for x in (a.get("code") or "—", a.get("sector") or "") if x)
        + f" ({a['actorText']})"
        for a in actors
    )


EVENT_COLUMNS = (
    "date",
    "event_type",
    "source_actors",
    "target_actors",
    "location",
    "attribution",
    "trigger",
    "article_id",
)


@app.command("events")
@output_options
def events_cli(
    db: DbOption = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="PLOVER type, e.g. SANCTION.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="ISO3 country of a source or target actor.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Events on or before this date (YYYY-MM-DD).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = 100,
) -> Output:
    """List coded events (PLOVER), newest first, with filters."""
    from newsfuse.events.ontology import is_event_type

    if event_type and not is_event_type(event_type):
        raise InputError(
            f"unknown event type {event_type!r}; use one of the 18 PLOVER types, e.g. SANCTION"
        )
    with Store(db) as store:
        rows = list(
            store.iter_events(
                event_type=event_type, actor=actor, since=since, until=until, limit=limit
            )
        )
    for row in rows:
        row["source_actors"] = _actor_list(row["source"])
        row["target_actors"] = _actor_list(row["target"])
    headers = {
        "event_type": "type",
        "source_actors": "source",
        "target_actors": "target",
        "article_id": "article",
    }
    return Output(rows=rows, columns=EVENT_COLUMNS, headers=headers, title=f"{len(rows)} events")


# -- stories ------------------------------------------------------------------------

STORY_COLUMNS = (
    "id",
    "last_published",
    "article_count",
    "independent_sources",
    "main_actors",
    "title",
)
STORY_HEADERS = {
    "last_published": "latest",
    "article_count": "articles",
    "independent_sources": "sources",
    "main_actors": "actors",
}


@app.command("stories")
@output_options
def stories_cli(
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option(help="Stories with an article on or after this date.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Stories with an article on or before this date.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="ISO3 country among the story's main actors.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help="Words every match must contain.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = 100,
) -> Output:
    """List stories, the most recent first, with their count of independent sources."""
    with Store(db) as store:
        rows = list(
            store.iter_stories(since=since, until=until, actor=actor, query=search, limit=limit)
        )
    data = [dict(row) for row in rows]
    for row in rows:
        row["main_actors"] = " ".join(row["actors"])
    return Output(
        rows=rows,
        columns=STORY_COLUMNS,
        headers=STORY_HEADERS,
        title=f"{len(rows)} stories",
        data=data,
    )


@app.command("story")
@output_options
def story_cli(
    story_id: Annotated[
        str, typer.Argument(help="Story id (see `newsfuse stories`), or an article's id.")
    ],
    db: DbOption = None,
) -> Output:
    """One story: sources side by side, claim comparison, canonical events, coverage."""
    from newsfuse.fuse.story import story_report

    with Store(db) as store:
        story = story_report(store, story_id)
    return Output(
        rows=story["articles"],
        columns=("id", "origin", "title"),
        data=story,
        render=lambda: render_story(story),
    )


@app.command("cluster")
@cli_errors
def cluster_cli(
    db: DbOption = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Forget all stories and cluster every article again.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Put stored articles that are in no story yet into stories (ingest does this itself)."""
    from newsfuse.cluster.stage import cluster_new_articles

    with Store(db) as store:
        report = cluster_new_articles(store, rebuild=rebuild)
    if as_json:
        print_json(report.to_dict())
    else:
        console.print(
            f"{report.articles} clustered: {report.new_stories} new stories, "
            f"{report.reprints} wire copies, {len(report.merged)} stories merged"
            + (f" (configuration {report.config})" if report.config else "")
        )


# -- serve --------------------------------------------------------------------------


@app.command("serve")
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


@app.command("doctor")
@cli_errors
def doctor_cli(
    db: DbOption = None,
    repair: Annotated[
        bool, typer.Option("--repair", help="Finish what is unfinished (annotate, cluster).")
    ] = False,
    processes: ProcessesOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check the database for unfinished work an interrupted run left; --repair finishes it.

    Exits 1 if anything is still unfinished."""
    from newsfuse.doctor import doctor

    with Store(db) as store:
        result = doctor(store, repair=repair, n_process=processes or default_processes())
    health = result["health"]
    if as_json:
        print_json(result)
    else:
        _print_health(health, result.get("repaired"))
    if health["unfinished"]:
        raise typer.Exit(1)


def _print_health(health: dict, repaired: dict | None) -> None:
    if repaired is not None:
        console.print(
            f"repaired: {repaired['annotated']} annotated, {repaired['clustered']} clustered, "
            f"{repaired['stories_refreshed']} story summaries refreshed, "
            f"{repaired['self_duplicates_dropped']} self-duplicate records dropped"
        )
    lines = {
        "pending": "still to be annotated (an interrupted run): `newsfuse doctor --repair`",
        "failed": "annotating failed (see `newsfuse rejects`); `newsfuse doctor --repair` retries",
        "unclustered": "in no story: `newsfuse cluster`",
        "stale_stories": "stories whose summary is out of date: `newsfuse doctor --repair`",
        "never_annotated": "never annotated (ingested with --no-annotate?): `newsfuse annotate`",
    }
    console.print(f"{health['articles']} articles")
    for key, advice in lines.items():
        if health[key]:
            console.print(f"  {len(health[key])} {advice}", markup=False, highlight=False)
    if health["self_duplicates"]:
        console.print(f"  {health['self_duplicates']} duplicate records of an article's own input")
    if not health["unfinished"]:
        console.print("nothing unfinished", style="green")


@app.command("rejects")
@output_options
def rejects_cli(db: DbOption = None) -> Output:
    """List inputs that could not be ingested, with the reason and what to do."""
    with Store(db) as store:
        rows = list(store.iter_rejects())
    return Output(rows=rows, columns=("source", "reason", "at"), title=f"{len(rows)} rejects")


@app.command("duplicates")
@output_options
def duplicates_cli(db: DbOption = None) -> Output:
    """List inputs recognised as exact duplicates of a stored article."""
    with Store(db) as store:
        rows = list(store.iter_duplicates())
    return Output(
        rows=rows, columns=("source", "article_id", "at"), title=f"{len(rows)} duplicates"
    )


# -- export -------------------------------------------------------------------------


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


# -- eval ---------------------------------------------------------------------------


@eval_app.command("datelines")
@cli_errors
def eval_datelines_cli(
    paths: Annotated[
        list[str], typer.Argument(help="Reuters-21578 .sgm files or their directory.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Dateline place accuracy on Reuters-21578 (gold: each story's DATELINE element)."""
    from newsfuse.evaluate.datelines import evaluate_reuters_datelines

    report = evaluate_reuters_datelines(paths)
    if as_json:
        print_json(report)
        return
    console.print(
        f"stories with a dateline: {report['stories']}\n"
        f"place accuracy: [bold]{report['accuracy']:.4f}[/] ({report['correct']} correct)\n"
        f"places resolved to a country: {report['country_resolved']:.4f}"
    )


@eval_app.command("clusters")
@cli_errors
def eval_clusters_cli(
    paths: Annotated[
        list[str], typer.Argument(help="JSON / JSON Lines articles with gold labels.")
    ],
    label: Annotated[
        str, typer.Option("--label", help="Dotted path of the gold story label in each record.")
    ] = "newsCluster.EventId",
    annotate: Annotated[
        bool,
        typer.Option(
            "--annotate/--no-annotate",
            help="Annotate first, as ingest does (the clusterer uses people, places, dates); "
            "--no-annotate is faster and clusters on words and publication dates alone.",
        ),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """B-cubed and pairwise precision / recall / F1 of the stories against gold labels."""
    from newsfuse.evaluate.clusters import evaluate_clusters

    try:
        scores, details = evaluate_clusters(paths, label, annotate=annotate)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    if as_json:
        print_json({**scores.to_dict(), **details})
        return
    console.print(
        f"records with a label: {details['labelled_records']} "
        f"(scored {scores.items}; {details['unscored_rejected']} rejected at ingest)\n"
        f"gold stories: {scores.gold_clusters}, predicted: {scores.predicted_clusters}\n"
        f"B-cubed  P {scores.bcubed_precision:.3f}  R {scores.bcubed_recall:.3f}  "
        f"[bold]F1 {scores.bcubed_f1:.3f}[/]\n"
        f"pairwise P {scores.pairwise_precision:.3f}  R {scores.pairwise_recall:.3f}  "
        f"F1 {scores.pairwise_f1:.3f}"
    )


def _confusion_table(matrix: dict[str, dict[str, int]], title: str) -> Table:
    """A confusion matrix (gold type rows, predicted first type columns) as a rich table;
    column heads are the first four letters of each type, the diagonal in bold."""
    columns: list[str] = []
    for row in matrix.values():
        columns.extend(c for c in row if c not in columns)
    order = {name: i for i, name in enumerate(matrix)}
    columns.sort(key=lambda c: (c == "none", order.get(c, len(order)), c))
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0, 0, 1)
    )
    table.add_column("gold", no_wrap=True, min_width=11)
    for name in columns:
        table.add_column(plain(name[:4]), justify="right", no_wrap=True, min_width=4)
    table.add_column("n", justify="right", no_wrap=True, min_width=3)
    for gold, row in matrix.items():
        cells = [
            Text(str(row[c]), style="bold" if c == gold else "") if row.get(c) else Text(".")
            for c in columns
        ]
        table.add_row(plain(gold), *cells, Text(str(sum(row.values()))))
    return table


@eval_app.command("plover")
@cli_errors
def eval_plover_cli(
    path: Annotated[Path, typer.Argument(help="PLOVER gold records, one JSON object a line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also print each record's misses: type, actor countries, sectors "
            "(of the tune half unless --half check or --half all).",
        ),
    ] = False,
    half: Annotated[
        str,
        typer.Option(
            "--half",
            help="tune (even record positions), check (odd), both side by side with the gap, "
            "or all records as one set. JSON always has all records at the top level and "
            "'tune' / 'check' sub-objects.",
        ),
    ] = "both",
    confusion: Annotated[
        bool,
        typer.Option(
            "--confusion",
            help="Also print the confusion matrix: gold type against the first predicted "
            "type ('none' when nothing was coded).",
        ),
    ] = False,
) -> None:
    """Event type P/R/F1 per type, macro-F1, actor country and sector accuracy, magnitudes,
    on the tune half and the check half of the file (even and odd record positions)."""
    from newsfuse.evaluate.plover import evaluate_plover, format_halves
    from newsfuse.events.scoring import format_errors, format_report

    if not path.is_file():
        raise InputError(f"no such file: {path}; pass a PLOVER .jsonl file")
    if half not in ("tune", "check", "both", "all"):
        raise InputError(f"--half must be tune, check, both or all, not {half!r}")
    result = evaluate_plover(path, errors=errors, half=half, confusion=confusion)  # type: ignore[arg-type]
    if as_json:
        print_json(result)
        return
    if half == "both":
        console.print(format_halves(result), highlight=False, markup=False)
    else:
        scores = result if half == "all" else result[half]
        text = format_report(scores)
        if half != "all":
            text = (
                f"{half} half (records at {'even' if half == 'tune' else 'odd'} positions)\n" + text
            )
        console.print(text, highlight=False, markup=False)
    if confusion:
        parts = {"both": ("tune", "check"), "all": ("all",)}.get(half, (half,))
        for name in parts:
            matrix = result["confusion"] if name == "all" else result[name]["confusion"]
            console.print()
            title = f"confusion, {name}: gold type (rows) x first predicted type"
            # 20 columns do not fit in 80: print at the table's own width rather than squeeze it.
            needed = 14 + 6 * (len({c for row in matrix.values() for c in row}) + 1)
            wide = Console(width=max(console.width, needed), highlight=False)
            wide.print(_confusion_table(matrix, title))
    if errors:
        text = "\n" + format_errors(result["errors"])
        console.print(text, highlight=False, markup=False, soft_wrap=True)


@eval_app.command("places")
@cli_errors
def eval_places_cli(
    path: Annotated[
        Path, typer.Argument(help="Gold articles with toponym offsets, one JSON object a line.")
    ],
    half: Annotated[
        str,
        typer.Option(
            "--half",
            help="tune (even lines, counting from 0), check (odd lines) or both, side by side.",
        ),
    ] = "both",
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also print each article's misses (the tune half's unless --half check).",
        ),
    ] = False,
    clean: Annotated[
        bool,
        typer.Option(
            "--clean/--no-clean",
            help="Clean each text as ingest does (default; gold offsets carried over by "
            "alignment), or annotate the given text as it is.",
        ),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Place recall, precision, accuracy within 161 km, GeoNames id match and AUC."""
    from newsfuse.evaluate.places import evaluate_places, format_errors, format_report

    if not path.is_file():
        raise InputError(f"no such file: {path}; pass a .jsonl file of gold toponyms")
    if half not in ("tune", "check", "both"):
        raise InputError(f"--half must be tune, check or both, not {half!r}")
    result = evaluate_places(path, half=half, errors=errors, clean=clean)  # type: ignore[arg-type]
    if as_json:
        print_json(result)
        return
    console.print(format_report(result), highlight=False, markup=False)
    if errors:
        text = f"\nerrors ({result['errors_half']} half)\n" + format_errors(result["errors"])
        console.print(text, highlight=False, markup=False, soft_wrap=True)


def main() -> None:
    app()
