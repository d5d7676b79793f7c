"""watchlists and alerts: saved queries, their matches, and a delivery outbox

``alerts`` holds each saved query (a watchlist: ``newsfuse.alerts``) with where its
matches go (a JSON Lines file or stdout, a webhook URL) and its high-water marks: the
last story membership (``story_articles.position``) and event id it has looked at.
``alert_matches`` records each match once: (alert, key) is unique, the key naming a
story or one event. ``alert_deliveries`` is the outbox: one row per match and
destination, written in the same transaction as the match, marked delivered only once
the destination took it; an undelivered row is tried again by the next check.
``story_articles`` gains an index on ``position``, which the high-water mark reads.

Revision ID: 0015_alerts
Revises: 0014_watch
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_alerts"
down_revision = "0014_watch"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("jsonl", sa.Text),
        sa.Column("webhook", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("seen_position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("seen_event", sa.Integer, nullable=False, server_default="0"),
        sa.UniqueConstraint("name", name="uq_alerts_name"),
        sqlite_autoincrement=True,  # ids never reused: a webhook's Idempotency-Key holds one
    )
    op.create_table(
        "alert_matches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "alert_id",
            sa.Integer,
            sa.ForeignKey("alerts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("story_id", sa.Text),
        sa.Column("event_id", sa.Integer),
        sa.Column("article_id", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("matched_at", sa.Text, nullable=False),
        sa.UniqueConstraint("alert_id", "key", name="uq_alert_matches_alert_key"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_alert_matches_matched", "alert_matches", ["matched_at"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "match_id",
            sa.Integer,
            sa.ForeignKey("alert_matches.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("channel", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("delivered_at", sa.Text),
        sa.UniqueConstraint("match_id", "channel", "target", name="uq_alert_deliveries_once"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_alert_deliveries_delivered", "alert_deliveries", ["delivered_at"])
    # a check reads the memberships after its high-water mark, and the newest one
    op.create_index("ix_story_articles_position", "story_articles", ["position"])


def downgrade() -> None:
    op.drop_index("ix_story_articles_position", "story_articles")
    op.drop_index("ix_alert_deliveries_delivered", "alert_deliveries")
    op.drop_table("alert_deliveries")
    op.drop_index("ix_alert_matches_matched", "alert_matches")
    op.drop_table("alert_matches")
    op.drop_table("alerts")
