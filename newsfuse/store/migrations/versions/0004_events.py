"""coded events and their actors

Revision ID: 0004_events
Revises: 0003_actor_dictionary
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_events"
down_revision = "0003_actor_dictionary"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(200),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("event_type", sa.String(12), nullable=False),
        sa.Column("quad_class", sa.String(24), nullable=False),
        sa.Column("mode", sa.String(40)),
        sa.Column("context", sa.String(40)),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("location", sa.Text),
        sa.Column("location_country", sa.String(3)),
        sa.Column("date", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("dead", sa.Integer),
        sa.Column("injured", sa.Integer),
        sa.Column("size", sa.Integer),
        sa.Column("attribution", sa.Text),
        sa.Column("attribution_country", sa.String(3)),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("hypothetical", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_events_article", "events", ["article_id"])
    op.create_index("ix_events_type_date", "events", ["event_type", "date"])
    op.create_table(
        "event_actors",
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(8)),
    )
    op.create_index("ix_event_actors_country", "event_actors", ["country", "role"])
    op.create_index("ix_event_actors_event", "event_actors", ["event_id"])


def downgrade() -> None:
    op.drop_table("event_actors")
    op.drop_table("events")
