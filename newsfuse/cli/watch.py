"""``newsfuse watch``: follow folders and feeds until stopped (see :mod:`newsfuse.watch`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.cli.output import cli_errors, console, err_console, line
from newsfuse.errors import InputError
from newsfuse.store import Store
from newsfuse.untrusted import inert_json

if TYPE_CHECKING:
    from newsfuse.watch import CycleReport


def _summary(report: CycleReport) -> str:
    parts = [f"cycle {report.cycle}: {report.stored} stored"]
    if report.revised:
        parts.append(f"{report.revised} of them later versions of stored articles")
    if report.duplicates:
        parts.append(f"{report.duplicates} duplicate")
    if report.rejected:
        parts.append(f"{report.rejected} rejected")
    parts.append(f"from {report.files_read} files and {report.items_new} new feed items")
    if report.feeds_polled:
        parts.append(
            f"{report.feeds_polled} feeds polled ({report.feeds_not_modified} not modified, "
            f"{report.feeds_failed} failed)"
        )
    if report.recovered:
        parts.append(f"{report.recovered} left by an interrupted run annotated")
    return ", ".join(parts)


@cli_errors
def watch_cli(
    folders: Annotated[
        list[str] | None,
        typer.Argument(help="Folders to watch (recursively) for new or changed files."),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="An RSS or Atom feed URL to poll (repeat for more)."),
    ] = None,
    feeds: Annotated[
        Path | None,
        typer.Option(
            "--feeds", help="A file of feed URLs, one a line (# comments); read every cycle."
        ),
    ] = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help="Seconds between cycles.")
    ] = 60.0,
    settle: Annotated[
        float,
        typer.Option("--settle", min=0.0, help="Seconds a file must be unwritten to be read."),
    ] = 2.0,
    max_backoff: Annotated[
        float, typer.Option("--max-backoff", min=0.0, help="Longest wait of a failing feed (s).")
    ] = 3600.0,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a feed's server.")
    ] = 30.0,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle, then exit.")] = False,
    annotate: Annotated[
        bool,
        typer.Option("--annotate/--no-annotate", help="Find actors, places, times, quantities."),
    ] = True,
    cluster: Annotated[
        bool, typer.Option("--cluster/--no-cluster", help="Put new articles into stories.")
    ] = True,
    processes: Annotated[
        int, typer.Option("--processes", "-p", min=1, help="Processes for annotation.")
    ] = 1,
    db: DbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print each cycle's summary as a JSON line.")
    ] = False,
) -> None:
    """Ingest what arrives in folders and feeds until stopped (Ctrl-C or SIGTERM).

    Files are read once fully written; feeds are polled with conditional requests
    and back off when they fail. What was read is recorded in the database: a
    restart reads nothing twice. A stop finishes the file or feed in hand, exits 0."""
    from newsfuse.alerts import deliver_pending
    from newsfuse.watch import Watcher, WatchOptions, stop_on_signals

    folders, urls = folders or [], feed or []
    if not (folders or urls or feeds):
        raise InputError("nothing to watch: give folders, --feed URL or --feeds FILE")
    for folder in folders:
        if not Path(folder).expanduser().exists():
            raise InputError(f"no such folder: {folder!r}; create it first")
    if feeds is not None and not feeds.is_file():
        raise InputError(f"no such feed list: {str(feeds)!r}")
    options = WatchOptions(
        interval=interval,
        settle=settle,
        max_backoff=max(max_backoff, interval),
        timeout=timeout,
        annotate=annotate,
        cluster=cluster,
        n_process=processes,
    )

    def on_cycle(report: CycleReport) -> None:
        if as_json:
            sys.stdout.write(inert_json(report.to_dict()) + "\n")
            sys.stdout.flush()
        elif report.busy:
            console.print(line(_summary(report)))
        for error in report.errors:
            err_console.print(line("  ", ("error", "red"), " ", error))
        for note in report.notes:
            err_console.print(line("  ", ("note", "yellow"), " ", note))

    with Store(db) as store:
        # a cycle that stored something checks the alerts (the runner does); every cycle
        # retries what the outbox still owes, so a webhook that was down gets it later
        watcher = Watcher(
            store, folders=folders, feeds=urls, feed_file=feeds, options=options,
            after_cycle=deliver_pending,
        )  # fmt: skip
        try:
            with stop_on_signals(watcher):
                cycles = watcher.run(once=once, on_cycle=on_cycle)
        except KeyboardInterrupt:
            err_console.print(
                "interrupted: what was stored is kept, and the next `newsfuse watch` finishes it"
            )
            raise typer.Exit(130) from None
        finally:
            watcher.close()
    if not as_json:
        err_console.print(f"stopped after {cycles} cycles; what was read is recorded")
