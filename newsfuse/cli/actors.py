"""The ``actors`` group: list stored actors, import actor dictionaries."""

from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.options import DbOption
from newsfuse.cli.output import (
    Output,
    cli_errors,
    console,
    err_console,
    line,
    output_options,
    print_json,
)
from newsfuse.errors import InputError
from newsfuse.store import Store

actors_app = typer.Typer(
    help="Actors named in stored articles; import actor dictionaries.", invoke_without_command=True
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
