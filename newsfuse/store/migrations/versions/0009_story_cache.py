"""stored story fusions, keyed by story version; indexes for the web's reads

``stories.version`` changes whenever a story's members, or their annotations and
events, change; ``story_fusions`` keeps each story's fusion with the version it was
computed from, so a story page no longer fuses its articles on every request.

Revision ID: 0009_story_cache
Revises: 0006_unbounded_strings
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_story_cache"
down_revision = "0006_unbounded_strings"
branch_labels = None
depends_on = None


def _string(length: int) -> sa.types.TypeEngine:
    """VARCHAR(n) where nothing enforces it (SQLite); TEXT on PostgreSQL, as 0006 made
    every other string column there."""
    return sa.String(length) if op.get_bind().dialect.name == "sqlite" else sa.Text()


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_table(
        "story_fusions",
        sa.Column(
            "story_id",
            _string(16),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("fusion", sa.Text, nullable=False),
        sa.Column("computed_at", _string(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_fusions")
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("version")
