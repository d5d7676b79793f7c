"""what `newsfuse watch` follows, and what it has read

``watch_feeds``: one row per feed URL with its validators (ETag, Last-Modified), the
failures in a row and the time of its next poll (the back-off). ``watch_polls``: one
row per poll (time, HTTP status, outcome, items, items never seen before).
``watch_seen``: the items of each feed already handed to the pipeline (feed URL + item
id, unique). ``watch_files``: each file of a watched folder read, with the size,
modification time and content hash it had then. Only new tables.

Revision ID: 0014_watch
Revises: 0013_storylines
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_watch"
down_revision = "0013_storylines"
branch_labels = None
depends_on = None

COUNT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:  # Text, never VARCHAR(n): see 0006
    op.create_table(
        "watch_feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_poll", sa.Float, nullable=False),
        sa.Column("last_poll", sa.Text),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "watch_polls",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("feed_url", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("items", sa.Integer, nullable=False),
        sa.Column("items_new", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_watch_polls_feed", "watch_polls", ["feed_url", "id"])
    op.create_table(
        "watch_seen",
        sa.Column("feed_url", sa.Text, primary_key=True),
        sa.Column("item_key", sa.Text, primary_key=True),
        sa.Column("at", sa.Text, nullable=False),
    )
    op.create_table(
        "watch_files",
        sa.Column("path", sa.Text, primary_key=True),
        sa.Column("size", COUNT, nullable=False),
        sa.Column("mtime_ns", COUNT, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("read_at", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("watch_files")
    op.drop_table("watch_seen")
    op.drop_index("ix_watch_polls_feed", "watch_polls")
    op.drop_table("watch_polls")
    op.drop_table("watch_feeds")
