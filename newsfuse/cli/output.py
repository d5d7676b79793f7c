"""How read commands print: a rich table by default, ``--json`` or ``--csv`` on request.

Every read command is decorated with :func:`output_options`; it returns an
:class:`Output` and never prints itself.

Text from articles is never rich markup and never reaches the terminal as a control:
human output is built from :func:`plain` / :func:`line` (``rich.text.Text``, control and
bidi characters shown as escapes); JSON is escaped so that it parses to the exact text.
"""

from __future__ import annotations

import csv
import functools
import inspect
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from newsfuse.errors import NewsfuseError, StoreError
from newsfuse.untrusted import csv_cell, inert_json, visible

console = Console()
err_console = Console(stderr=True)


@dataclass
class Output:
    """What a read command produced: rows for tables and CSV, ``data`` for JSON if different."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    columns: Sequence[str] = ()
    headers: dict[str, str] = field(default_factory=dict)
    """Short table headings for long column names."""
    title: str | None = None
    data: Any = None
    render: Callable[[], None] | None = None
    """A custom human rendering (panels, side-by-side views) instead of the table."""

    def json_data(self) -> Any:
        return self.data if self.data is not None else self.rows


def plain(value: Any, style: str = "") -> Text:
    """Untrusted ``value`` as terminal text: no markup, control characters as escapes."""
    return Text("" if value is None else visible(value), style=style)


def line(*parts: str | tuple[Any, str] | Text) -> Text:
    """One line from parts: a ``str`` or ``(value, style)`` is untrusted text (shown with
    :func:`plain`), a ``Text`` is kept. ``line(("rejected", "red"), " ", source)``."""
    out = Text()
    for part in parts:
        if isinstance(part, Text):
            out.append_text(part)
        elif isinstance(part, tuple):
            out.append_text(plain(*part))
        else:
            out.append_text(plain(part))
    return out


def _short(value: Any, width: int = 60) -> Text:
    if value is None:
        return Text("")
    text = " ".join(visible(value).split())
    return Text(text if len(text) <= width else text[: width - 1] + "…")


def print_table(output: Output) -> None:
    table = Table(title=output.title, show_lines=False, header_style="bold")
    for n, column in enumerate(output.columns):
        table.add_column(output.headers.get(column, column), no_wrap=n == 0, overflow="fold")
    for row in output.rows:
        table.add_row(*(_short(row.get(c)) for c in output.columns))
    console.print(table)


def print_json(data: Any) -> None:
    """JSON on stdout: the exact data, with nothing a terminal would act on left raw."""
    sys.stdout.write(inert_json(data, indent=2, default=str) + "\n")


def print_csv(output: Output) -> None:
    """CSV on stdout, formula cells guarded; on a terminal control characters are escaped."""
    shown = visible if sys.stdout.isatty() else (lambda v: v)
    writer = csv.DictWriter(sys.stdout, fieldnames=list(output.columns), extrasaction="ignore")
    writer.writeheader()
    for row in output.rows:
        writer.writerow({k: csv_cell(_cell(row.get(k), shown)) for k in output.columns})


def _cell(value: Any, shown: Callable[[Any], Any]) -> Any:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return shown(value) if isinstance(value, str) else value


def fail(exc: NewsfuseError) -> typer.Exit:
    """Print a library error as a clean CLI error (JSON shape under --json) and exit 1."""
    err_console.print(line(("Error:", "bold red"), " ", str(exc)), highlight=False)
    return typer.Exit(1)


def cli_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Library exceptions become a one-line error and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsfuseError as exc:
            raise fail(exc) from None
        except SQLAlchemyError as exc:  # the database itself: full disk, lost server, locked
            detail = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
            raise fail(
                StoreError(
                    f"the database failed ({detail}); what was stored before is kept. Check the "
                    "disk space and the database server, then run the command again"
                )
            ) from None

    return wrapper


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]


def output_options(func: Callable[..., Output]) -> Callable[..., None]:
    """Add ``--json`` and ``--csv`` to a read command and print its :class:`Output`."""
    signature = inspect.signature(func)
    extra = [
        inspect.Parameter(
            "as_json", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=JsonFlag
        ),
        inspect.Parameter(
            "as_csv", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=CsvFlag
        ),
    ]

    @functools.wraps(func)
    @cli_errors
    def wrapper(*args: Any, as_json: bool = False, as_csv: bool = False, **kwargs: Any) -> None:
        output = func(*args, **kwargs)
        if as_json:
            print_json(output.json_data())
        elif as_csv:
            print_csv(output)
        elif output.render is not None:
            output.render()
        else:
            print_table(output)

    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *extra]
    )
    return wrapper
