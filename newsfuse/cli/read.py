"""Commands that list or show what is stored: articles, article, events, stories,
story, rejects, duplicates."""

from typing import Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.cli.output import Output, output_options
from newsfuse.cli.views import render_article, render_story
from newsfuse.errors import InputError
from newsfuse.store import Store

# -- articles -----------------------------------------------------------------------

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


@output_options
def article_cli(
    article_id: Annotated[str, typer.Argument(help="Article id.")], db: DbOption = None
) -> Output:
    """Show one article: metadata, cleaned text, and its actors, places, times and quantities."""
    with Store(db) as store:
        row = store.get_article(article_id)  # an id a duplicate input gave finds its article
        row["annotations"] = store.get_annotations(row["id"])
    return Output(rows=[row], columns=ARTICLE_COLUMNS, data=row, render=lambda: render_article(row))


# -- events -------------------------------------------------------------------------


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


# -- rejects and duplicates ---------------------------------------------------------


@output_options
def rejects_cli(db: DbOption = None) -> Output:
    """List inputs that could not be ingested, with the reason and what to do."""
    with Store(db) as store:
        rows = list(store.iter_rejects())
    return Output(rows=rows, columns=("source", "reason", "at"), title=f"{len(rows)} rejects")


@output_options
def duplicates_cli(db: DbOption = None) -> Output:
    """List inputs recognised as exact duplicates of a stored article."""
    with Store(db) as store:
        rows = list(store.iter_duplicates())
    return Output(
        rows=rows, columns=("source", "article_id", "at"), title=f"{len(rows)} duplicates"
    )
