"""Options several commands share: the database URL and the process count."""

from typing import Annotated

import typer

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
