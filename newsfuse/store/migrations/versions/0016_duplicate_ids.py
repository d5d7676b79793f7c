"""a duplicate keeps the id its input gave, so that id still finds the article

An input recognised as an exact duplicate of a stored article is not stored again; until
now only its source was recorded, so the id the input named it by (``id`` in a JSON line,
or the one its file name gave) found nothing: ``newsfuse article ID`` said no such article.
``duplicates`` gains ``given_id`` (NULL for rows recorded before, and where the id is the
stored article's own) and an index on it; looking an id up falls back to it.

Revision ID: 0016_duplicate_ids
Revises: 0015_alerts
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_duplicate_ids"
down_revision = "0015_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("duplicates", sa.Column("given_id", sa.Text))  # no VARCHAR(n): see 0006
    op.create_index("ix_duplicates_given_id", "duplicates", ["given_id"])


def downgrade() -> None:
    op.drop_index("ix_duplicates_given_id", "duplicates")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a column in place (no batch rebuild of the table).
        op.execute("ALTER TABLE duplicates DROP COLUMN given_id")
        return
    op.drop_column("duplicates", "given_id")
