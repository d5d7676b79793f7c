"""each cluster run records the configuration that clustered it

``cluster_runs`` has one row per run of the cluster stage: when, how many articles it
put into stories, whether it started from scratch (``--rebuild``), and the
configuration's name and every value as JSON (``newsfuse.cluster.config``). The
newest row says which configuration the stories of a database come from.

Revision ID: 0010_cluster_runs
Revises: 0009_story_cache
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_cluster_runs"
down_revision = "0009_story_cache"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cluster_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("rebuild", sa.Boolean, nullable=False),
        sa.Column("config_name", sa.Text, nullable=False),
        sa.Column("config", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cluster_runs")
