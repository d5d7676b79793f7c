"""every story belongs to a storyline

``stories`` gains ``storyline_id``: the storyline (``newsfuse.cluster.storylines``) the
story belongs to, a developing situation linked over weeks and months. The cluster
stage sets it for every story after each run; existing databases get it on their next
``newsfuse cluster`` (or ``--rebuild``). Only a column and an index are added.

Revision ID: 0013_storylines
Revises: 0012_event_points
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_storylines"
down_revision = "0012_event_points"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # as the schema declares it on SQLite; PostgreSQL keeps no VARCHAR(n) (see 0006)
    kind = sa.String(16) if op.get_bind().dialect.name == "sqlite" else sa.Text()
    op.add_column("stories", sa.Column("storyline_id", kind))
    op.create_index("ix_stories_storyline", "stories", ["storyline_id"])


def downgrade() -> None:
    op.drop_index("ix_stories_storyline", "stories")
    if op.get_bind().dialect.name == "sqlite":  # SQLite 3.35+ drops a column in place
        op.execute("ALTER TABLE stories DROP COLUMN storyline_id")
        return
    op.drop_column("stories", "storyline_id")
