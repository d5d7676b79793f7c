"""typed magnitudes: 64-bit counts, and vague amounts as words in their own columns

``events.dead``, ``injured`` and ``size`` were 32-bit INTEGER columns, and the coder
wrote money (280,000,000,000 for "$280bn") and words ("millions") into them: PostgreSQL
refused the row and ingest stopped; SQLite kept the words in the INTEGER column.
Now the counts are BIGINT and hold numbers only; an amount without a number is kept as
written in ``dead_text``, ``injured_text`` or ``size_text``.

Existing rows: a numeric string ("1,000", " 12 ") becomes its integer; any other string
("millions") moves to the text column with the count NULL; a number too large for 64 bits
moves there too, with a note. PostgreSQL only ever held integers in these columns, so
there only the column types change (ALTER ... TYPE BIGINT). SQLite stores 64-bit
integers in an INTEGER column already; its columns are not rebuilt.

Revision ID: 0007_typed_magnitudes
Revises: 0006_unbounded_strings
"""

import math
import re

import sqlalchemy as sa
from alembic import op

revision = "0007_typed_magnitudes"
down_revision = "0006_unbounded_strings"
branch_labels = None
depends_on = None

COUNTS = ("dead", "injured", "size")
MAX_COUNT = 2**63 - 1
MAX_INT32 = 2**31 - 1
NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def split(value: object) -> tuple[int | None, str | None]:
    """An old count column value as (count, words); one of them None.

    Written out here rather than imported, so that this migration does what it did
    when it was written, whatever the package later becomes.
    """
    if value is None:
        return None, None
    if isinstance(value, str):
        text = " ".join(value.split())
        if not NUMBER.match(text):
            return None, text or None
        value = float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))
    if isinstance(value, float):
        if not math.isfinite(value):
            return None, None
        value = int(value)
    if isinstance(value, int) and -MAX_COUNT - 1 <= value <= MAX_COUNT:
        return value, None
    return None, f"{value} (too large to store as a count)"


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _convert_sqlite_rows() -> None:
    """Rows whose count columns hold something other than an integer (SQLite keeps text
    and reals in an INTEGER column): numbers become integers, the rest moves to words."""
    conn = op.get_bind()
    odd = " OR ".join(f"typeof({c}) NOT IN ('integer', 'null')" for c in COUNTS)
    rows = conn.execute(sa.text(f"SELECT id, {', '.join(COUNTS)} FROM events WHERE {odd}"))
    updates = []
    for row in rows.mappings().all():
        values: dict[str, object] = {"id": row["id"]}
        for column in COUNTS:
            count, words = split(row[column])
            values[column], values[f"{column}_text"] = count, words
        updates.append(values)
    if updates:
        assignments = ", ".join(f"{c} = :{c}, {c}_text = :{c}_text" for c in COUNTS)
        conn.execute(sa.text(f"UPDATE events SET {assignments} WHERE id = :id"), updates)


def upgrade() -> None:
    for column in COUNTS:
        op.add_column("events", sa.Column(f"{column}_text", sa.Text()))
    if _sqlite():
        _convert_sqlite_rows()
        return
    for column in COUNTS:
        op.alter_column("events", column, type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade() -> None:
    """Back to 0006: on SQLite the words return to the count columns (as 0006 stored
    them); on PostgreSQL counts beyond 32 bits are lost (0006 could not hold them)."""
    conn = op.get_bind()
    if _sqlite():
        for column in COUNTS:
            conn.execute(
                sa.text(
                    f"UPDATE events SET {column} = {column}_text "
                    f"WHERE {column} IS NULL AND {column}_text IS NOT NULL"
                )
            )
            # SQLite 3.35+ drops a column in place; a batch rebuild of events would
            # cascade-delete event_actors under PRAGMA foreign_keys=ON.
            conn.execute(sa.text(f"ALTER TABLE events DROP COLUMN {column}_text"))
        return
    for column in COUNTS:
        conn.execute(
            sa.text(
                f"UPDATE events SET {column} = NULL "
                f"WHERE {column} > {MAX_INT32} OR {column} < {-MAX_INT32 - 1}"
            )
        )
        op.alter_column("events", column, type_=sa.Integer(), existing_type=sa.BigInteger())
        op.drop_column("events", f"{column}_text")
