"""The ``alerts`` group: watchlists (saved queries over stories and events) and their
matches; see :mod:`newsfuse.alerts`. Every ingest checks them; ``alerts check`` does so now."""

import sys
from typing import Annotated, Any

import typer

from newsfuse.alerts import Watch, add_alert, check_alerts, deliver_pending, match_record
from newsfuse.cli.options import DbOption
from newsfuse.cli.output import Output, cli_errors, console, line, output_options, print_json
from newsfuse.store import Store

alerts_app = typer.Typer(
    help="Watchlists: saved queries over stories and events, checked after every ingest.",
    no_args_is_help=True,
)

Many = Annotated[list[str] | None, typer.Option()]
ALERT_COLUMNS = ("name", "scope", "watch", "deliver", "matches", "pending", "last_match")
MATCH_COLUMNS = ("match_id", "matched_at", "alert", "kind", "independent_sources", "story_id",
                 "title")  # fmt: skip


def _alert_row(alert: dict[str, Any]) -> dict[str, Any]:
    watch = Watch.from_dict(alert["query"], alert["scope"])
    deliver = [f"jsonl {alert['jsonl']}"] if alert.get("jsonl") else []
    deliver += [f"webhook {alert['webhook']}"] if alert.get("webhook") else []
    return dict(alert, watch=watch.describe(), deliver=", ".join(deliver) or "-")


@alerts_app.command("add")
@cli_errors
def alerts_add_cli(
    name: Annotated[str, typer.Argument(help="A name for the alert (unique).")],
    event_type: Annotated[
        list[str] | None, typer.Option("--type", help="PLOVER event type (repeat for any of).")
    ] = None,
    actor: Annotated[
        list[str] | None, typer.Option(help="ISO3 country of a source or target actor.")
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option(help="ISO3 country of a source actor.")
    ] = None,
    target: Annotated[
        list[str] | None, typer.Option(help="ISO3 country of a target actor.")
    ] = None,
    place: Annotated[
        list[str] | None,
        typer.Option(help="ISO3 country or place name where it happened (or the dateline)."),
    ] = None,
    keyword: Annotated[
        list[str] | None,
        typer.Option(help="Word or phrase in a title or an event's sentence (any of)."),
    ] = None,
    min_sources: Annotated[
        int, typer.Option(min=1, help="The story has at least this many independent sources.")
    ] = 1,
    per_event: Annotated[
        bool, typer.Option("--per-event", help="One match per event instead of per story.")
    ] = False,
    jsonl: Annotated[
        str | None, typer.Option(help="Append each match to this JSON Lines file (- : stdout).")
    ] = None,
    webhook: Annotated[str | None, typer.Option(help="POST each match (JSON) to this URL.")] = None,
    from_now: Annotated[
        bool, typer.Option("--from-now", help="Match only what arrives from now on.")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace an alert of this name (its matches go).")
    ] = False,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the alert as JSON.")] = False,
) -> None:
    """Save a watchlist. Lists are choices (any of); different options must all hold."""
    watch = Watch.build(
        types=event_type or (),
        actors=actor or (),
        sources=source or (),
        targets=target or (),
        places=place or (),
        keywords=keyword or (),
        min_sources=min_sources,
        scope="event" if per_event else "story",
    )
    with Store(db) as store:
        alert = add_alert(
            store, name, watch, jsonl=jsonl, webhook=webhook, from_now=from_now, replace=replace
        )
    if as_json:
        print_json(alert)
        return
    console.print(line("added alert ", (name, "bold"), ": ", watch.describe()))


@alerts_app.command("list")
@output_options
def alerts_list_cli(db: DbOption = None) -> Output:
    """Saved alerts with their number of matches and deliveries still owed."""
    with Store(db) as store:
        rows = [_alert_row(a) for a in store.list_alerts()]
    return Output(rows=rows, columns=ALERT_COLUMNS, title=f"{len(rows)} alerts")


@alerts_app.command("remove")
@cli_errors
def alerts_remove_cli(
    name: Annotated[str, typer.Argument(help="The alert's name (see `newsfuse alerts list`).")],
    db: DbOption = None,
) -> None:
    """Forget an alert, its matches, and any delivery it still owes."""
    with Store(db) as store:
        store.remove_alert(name)
    console.print(line("removed alert ", (name, "bold")))


@alerts_app.command("check")
@cli_errors
def alerts_check_cli(
    db: DbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the new matches and deliveries as JSON.")
    ] = False,
) -> None:
    """Check every alert now and send what is owed (stdout lines are printed here)."""
    with Store(db) as store:
        new = check_alerts(store)
        report = deliver_pending(store, stdout=None if as_json else sys.stdout)
    if as_json:
        print_json({"matches": new, **report.to_dict()})
        return
    console.print(
        f"{len(new)} new match{'es' if len(new) != 1 else ''}; {report.delivered} delivered"
        + (f", {report.failed} failed (kept, retried next time)" if report.failed else "")
    )
    for error in report.errors:
        console.print(line("  ", ("failed", "red"), " ", error))


@alerts_app.command("matches")
@output_options
def alerts_matches_cli(
    name: Annotated[str | None, typer.Argument(help="Only this alert's matches.")] = None,
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = 50,
) -> Output:
    """Recorded matches, newest first."""
    with Store(db) as store:
        rows = [match_record(m) for m in store.recorded_matches(name, limit=limit)]
    return Output(
        rows=rows,
        columns=MATCH_COLUMNS,
        headers={"independent_sources": "sources"},
        title=f"{len(rows)} matches",
    )
