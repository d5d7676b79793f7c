"""articles say what work on them is still to do

An article is stored as soon as it is cleaned, and annotated (and coded) later, in
batches. ``articles.pending`` records what is still owed: ``annotate`` until its
annotations and events are stored (in one transaction that clears it), or
``annotate-failed`` when annotating it raised. A run killed in between leaves the
marker, and the next run finishes the work. Articles stored before this migration
keep NULL: whether they were left unannotated on purpose (``--no-annotate``) cannot be
told, and `newsfuse doctor` lists them apart.

Revision ID: 0008_pending_work
Revises: 0006_unbounded_strings
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_pending_work"
down_revision = "0006_unbounded_strings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("pending", sa.Text))
    op.create_index("ix_articles_pending", "articles", ["pending"])


def downgrade() -> None:
    op.drop_index("ix_articles_pending", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("pending")
