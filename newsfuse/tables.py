"""The tables shipped in ``newsfuse/data/``, all read one way by :func:`read_table`.

* A table is UTF-8 text, one row a line. In a ``.tsv`` file tabs separate the cells; a
  ``.txt`` line is one cell.
* Blank lines are skipped. ``#`` starts a comment where it begins a line or a cell: the
  rest of the line is dropped (``ROM<TAB>ROU<TAB>-<TAB># Romania`` is three cells).
* Cells are stripped of surrounding spaces.
* :data:`COLUMNS` says how many cells a row of each table has (fewest, most). A row outside
  that is an error naming ``file:line``; a shorter row is padded with ``""`` up to the most.

A loader turns rows into its own structures; a cell it cannot read becomes an error that
names the file and line too, through :meth:`Row.error`.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from newsfuse.errors import TableError

__all__ = ["COLUMNS", "Row", "TableError", "parse_table", "read_table", "table_names"]

COLUMNS: dict[str, tuple[int, int]] = {
    "agencies.tsv": (1, 2),
    "boilerplate_patterns.txt": (1, 1),
    "cameo_codes.tsv": (3, 3),
    "cameo_verbs.tsv": (3, 5),
    "country_names.tsv": (2, 2),
    "country_points.tsv": (4, 4),
    "demonyms.tsv": (2, 2),
    "entities.tsv": (2, 2),
    "modes.tsv": (3, 3),
    "organisations.tsv": (3, 3),
    "people.tsv": (1, 5),
    "place_aliases.tsv": (1, 2),
    "plover.tsv": (6, 6),
    "quantity_words.tsv": (2, 4),
    "region_abbreviations.tsv": (3, 3),
    "regions.tsv": (5, 5),
    "sectors.tsv": (3, 3),
    "triggers.tsv": (3, 5),
}
"""Every table in ``newsfuse/data/`` → (fewest, most) cells in a row."""


class Row(tuple[str, ...]):
    """The cells of one row, and where the row stands (``newsfuse/data/regions.tsv:12``)."""

    where: str

    def __new__(cls, cells: Iterable[str], where: str) -> Row:
        row = super().__new__(cls, cells)
        row.where = where
        return row

    def error(self, message: str) -> TableError:
        """An error about this row, naming its file and line."""
        return TableError(f"{self.where}: {message}")


def _cells(line: str, tabs: bool) -> list[str]:
    cells = []
    for cell in line.split("\t") if tabs else [line]:
        cell = cell.strip()
        if cell.startswith("#"):
            break
        cells.append(cell)
    return cells


def parse_table(
    text: str, source: str, columns: tuple[int, int] | None = None, tabs: bool = True
) -> tuple[Row, ...]:
    """The rows of ``text`` by the rules above; ``source`` names it in errors."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = _cells(line, tabs) if line.strip() else []
        if not cells:
            continue
        row = Row(cells, f"{source}:{number}")
        if columns is not None:
            fewest, most = columns
            if not fewest <= len(cells) <= most:
                wanted = f"{fewest}" if fewest == most else f"{fewest} to {most}"
                raise row.error(f"{len(cells)} cells where {wanted} are expected")
            row = Row([*cells, *[""] * (most - len(cells))], row.where)
        rows.append(row)
    return tuple(rows)


def read_table(name: str) -> tuple[Row, ...]:
    """The rows of the table ``name`` in ``newsfuse/data/`` (``"regions.tsv"``)."""
    if name not in COLUMNS:
        raise TableError(f"newsfuse/data/{name} is not a known table; add it to COLUMNS")
    text = resources.files("newsfuse").joinpath(f"data/{name}").read_text("utf-8")
    return parse_table(text, f"newsfuse/data/{name}", COLUMNS[name], name.endswith(".tsv"))


def table_names() -> list[str]:
    """The names of the ``.tsv`` and ``.txt`` files shipped in ``newsfuse/data/``."""
    folder = resources.files("newsfuse").joinpath("data")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt")))
