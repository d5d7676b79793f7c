"""articles say what work on them is still to do

An article is stored as soon as it is cleaned, and annotated (and coded) later, in
batches. ``articles.pending`` records what is still owed: ``annotate`` until its
annotations and events are stored (in one transaction that clears it), or
``annotate-failed`` when annotating it raised. A run killed in between leaves the
marker, and the next run finishes the work. Articles stored before this migration
keep NULL: whether they were left unannotated on purpose (``--no-annotate``) cannot be
told, and `newsfuse doctor` lists them apart.

Revision ID: 0008_pending_work
Revises: 0007_typed_magnitudes
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_pending_work"
down_revision = "0007_typed_magnitudes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD / DROP COLUMN, never a table rebuild: on SQLite, rebuilding ``articles``
    # with foreign keys on would cascade-delete every annotation, event and membership.
    op.add_column("articles", sa.Column("pending", sa.Text))
    op.create_index("ix_articles_pending", "articles", ["pending"])


def downgrade() -> None:
    op.drop_index("ix_articles_pending", "articles")
    op.execute("ALTER TABLE articles DROP COLUMN pending")  # SQLite 3.35+ and PostgreSQL
