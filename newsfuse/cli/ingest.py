"""Commands that put articles in the database and finish their processing: ingest,
batch, batch-load, annotate, cluster, doctor.

Each command imports the pipeline when it runs: it brings spaCy and the clusterer, which
every other command (``newsfuse stories``...) would otherwise wait for at start.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsfuse.cli.options import DbOption, ProcessesOption
from newsfuse.cli.output import cli_errors, console, err_console, line, print_json
from newsfuse.processes import default_processes
from newsfuse.store import Store
from newsfuse.untrusted import visible

if TYPE_CHECKING:
    from newsfuse.pipeline import IngestReport

# -- ingest -------------------------------------------------------------------------


def _print_summary(report: IngestReport) -> None:
    console.print(
        f"[bold green]{report.stored} stored[/], [yellow]{report.duplicates} duplicate[/], "
        f"[red]{report.rejected} rejected[/]"
        + (f", {report.skipped} skipped" if report.skipped else "")
        + f"; {report.annotated} annotated"
    )
    if report.revisions:
        n = len(report.revisions)
        first = report.revisions[0]
        console.print(
            f"{n} stored as a later version of a stored article (same id, other text), "
            f"e.g. {escape(visible(repr(first['of'])))} → {escape(visible(repr(first['id'])))}; "
            "the first version is kept (`newsfuse article ID` lists an article's versions)"
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
    if report.alerts:
        a = report.alerts
        console.print(
            f"alerts: {a['matches']} new match{'es' if a['matches'] != 1 else ''}; "
            f"{a['delivered']} delivered"
            + (f", {a['failed']} failed (kept, retried next time)" if a["failed"] else "")
            + (f", {a['waiting']} for stdout (`newsfuse alerts check`)" if a["waiting"] else "")
        )
        for error in a["errors"][:5]:
            err_console.print(line("  ", ("alert", "red"), " ", error))
    for reject in report.rejects[:20]:
        word = "skipped" if reject.reason.startswith("skipped") else "rejected"
        err_console.print(line("  ", (word, "red"), " ", reject.source, ": ", reject.reason))
    if len(report.rejects) > 20:
        err_console.print(f"  … and {len(report.rejects) - 20} more: see `newsfuse rejects`")
    for note in dict.fromkeys(report.notes):
        err_console.print(line("  ", ("note", "yellow"), " ", note))


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
    revisions: Annotated[
        bool,
        typer.Option(
            "--revisions",
            help="Keep an input that gives a stored article's id with other text (an "
            "updated article) as a later version of it, ID-v2, ...; without, it is refused.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read, clean, store, annotate and cluster articles. Re-ingesting stores nothing new."""
    from newsfuse.ingest import ingest_paths

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
                    revisions=revisions,
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


# -- finishing stored articles: annotate, cluster, doctor ---------------------------


@cli_errors
def annotate_cli(
    db: DbOption = None,
    all_articles: Annotated[
        bool, typer.Option("--all", help="Annotate every article again.")
    ] = False,
    processes: ProcessesOption = None,
) -> None:
    """Annotate stored articles that have not been annotated yet (or all with --all)."""
    from newsfuse.ingest import IngestReport, annotate_stored

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
        if (mixed := report.mixed_note()) is not None:
            err_console.print(line("  ", ("note", "yellow"), " ", mixed))


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
        _print_configs(result["story_configs"], result["shipped_config"])
        for note in result.get("notes", []):
            err_console.print(line("  ", ("note", "yellow"), " ", note))
    if health["unfinished"]:
        raise typer.Exit(1)


def _print_configs(made_with: list[str], shipped: str) -> None:
    """Which clustering configurations made the stored stories, when not only the shipped."""
    others = [name for name in made_with if name != shipped]
    if others:
        console.print(
            f"  stories made with {', '.join(made_with)}; new articles are clustered with "
            f"{shipped}: `newsfuse cluster --rebuild` re-clusters every article with it",
            markup=False,
            highlight=False,
        )


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
