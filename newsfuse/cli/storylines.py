"""``storylines`` and ``storyline``: stories linked over weeks and months."""

from typing import Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.cli.output import Output, output_options
from newsfuse.cli.views import render_storyline
from newsfuse.fuse.storyline import storyline_report
from newsfuse.store import Store

STORYLINE_COLUMNS = ("id", "stories", "articles", "first_published", "last_published", "title")


@output_options
def storylines_cli(
    db: DbOption = None,
    min_stories: Annotated[
        int, typer.Option(help="Only storylines of at least this many stories.")
    ] = 2,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = 100,
) -> Output:
    """List storylines (stories about one developing situation), the most recent first."""
    with Store(db) as store:
        rows = list(store.iter_storylines(min_stories=min_stories, limit=limit))
    return Output(rows=rows, columns=STORYLINE_COLUMNS, title=f"{len(rows)} storylines")


@output_options
def storyline_cli(
    storyline_id: Annotated[
        str, typer.Argument(help="Storyline id (see `newsfuse storylines`), or a story's id.")
    ],
    db: DbOption = None,
) -> Output:
    """One storyline: its stories oldest first, each with its canonical events."""
    with Store(db) as store:
        line = storyline_report(store, storyline_id)
    return Output(
        rows=line["stories"],
        columns=("id", "first_published", "article_count", "title"),
        data=line,
        render=lambda: render_storyline(line),
    )
