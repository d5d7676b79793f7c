"""stored story fusions, keyed by story version; indexes for the web's reads

``stories.version`` changes whenever a story's members, or their annotations and
events, change; ``story_fusions`` keeps each story's fusion with the version it was
computed from, so a story page no longer fuses its articles on every request. Indexes
serve the event list's order (newest first), the map's counts by place, and an actor's
events.

Revision ID: 0009_story_cache
Revises: 0008_pending_work
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_story_cache"
down_revision = "0008_pending_work"
branch_labels = None
depends_on = None


def _string(length: int) -> sa.types.TypeEngine:
    """VARCHAR(n) where nothing enforces it (SQLite); TEXT on PostgreSQL, as 0006 made
    every other string column there."""
    return sa.String(length) if op.get_bind().dialect.name == "sqlite" else sa.Text()


def upgrade() -> None:
    # ADD / DROP COLUMN, never a table rebuild (on SQLite a rebuild of stories, referenced
    # by story_articles with foreign keys on, would fail or cascade)
    op.add_column("stories", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
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
    # The event list, newest first, whole and by type and quad class: its first page read
    # in order and its total counted from the index alone (SQLite keeps NULLs last in DESC
    # order by itself; PostgreSQL has to be told).
    newest = "date DESC" + ("" if op.get_bind().dialect.name == "sqlite" else " NULLS LAST")
    op.execute(f"CREATE INDEX ix_events_listing ON events ({newest}, id, negated)")
    op.execute(f"CREATE INDEX ix_events_type_listing ON events (event_type, negated, {newest}, id)")
    op.execute(f"CREATE INDEX ix_events_quad_listing ON events (quad_class, negated, {newest}, id)")
    # A story's events (through its articles), counted from the index alone.
    op.create_index("ix_events_article_listing", "events", ["article_id", "negated", "date", "id"])
    # The map: events counted by place, type and date without reading the table (and events
    # by the country where they happened). Not on PostgreSQL, which counts them fast enough
    # by hashing, and whose B-tree entries have a size limit a long place name would break.
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(
            "ix_events_place",
            "events",
            ["location_country", "location", "event_type", "date", "id", "negated"],
        )

    # An actor's events (its page, the actor filter), and the other actors of each event.
    op.create_index("ix_event_actors_country_event", "event_actors", ["country", "event_id"])
    op.create_index("ix_event_actors_event_country", "event_actors", ["event_id", "country"])


def downgrade() -> None:
    op.drop_index("ix_event_actors_event_country", "event_actors")
    op.drop_index("ix_event_actors_country_event", "event_actors")
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_events_place", "events")
    for name in ("ix_events_article_listing", "ix_events_quad_listing", "ix_events_type_listing",
                 "ix_events_listing"):  # fmt: skip
        op.drop_index(name, "events")
    op.drop_table("story_fusions")
    op.execute("ALTER TABLE stories DROP COLUMN version")
