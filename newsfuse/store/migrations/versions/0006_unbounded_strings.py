"""strings of any length on PostgreSQL, as on SQLite

SQLite never enforces VARCHAR lengths, so ids, outlets, agencies, places and codes of any
length were stored there, while PostgreSQL refused them (``value too long for type
character varying(200)``) and ingest stopped. On PostgreSQL every VARCHAR(n) column
becomes TEXT (the same storage there); on SQLite this migration changes nothing.

Revision ID: 0006_unbounded_strings
Revises: 0005_stories
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_unbounded_strings"
down_revision = "0005_stories"
branch_labels = None
depends_on = None

# table -> (column, the VARCHAR length 0001-0005 gave it)
COLUMNS = {
    "articles": [("id", 200), ("outlet", 200), ("agency", 100), ("published", 40),
                 ("dateline_place", 200), ("dateline_country", 3), ("language", 12),
                 ("content_hash", 64), ("ingested_at", 40)],
    "rejects": [("at", 40)],
    "duplicates": [("article_id", 200), ("at", 40)],
    "sentences": [("article_id", 200)],
    "actor_mentions": [("article_id", 200), ("country", 3), ("sector", 8), ("label", 12)],
    "places": [("article_id", 200), ("country", 3), ("kind", 12), ("admin1", 20)],
    "time_expressions": [("article_id", 200), ("value", 10), ("end_value", 10),
                         ("granularity", 8)],
    "quantities": [("article_id", 200), ("qualifier", 20), ("noun", 60), ("actor_country", 3),
                   ("actor_sector", 8)],
    "annotation_runs": [("article_id", 200), ("at", 40)],
    "actor_dictionary": [("country", 3), ("sector", 8), ("start", 10), ("end", 10)],
    "events": [("article_id", 200), ("event_type", 12), ("quad_class", 24), ("mode", 40),
               ("context", 40), ("location_country", 3), ("date", 10), ("date_end", 10),
               ("attribution_country", 3)],
    "event_actors": [("role", 8), ("country", 3), ("sector", 8)],
    "stories": [("id", 16), ("first_published", 40), ("last_published", 40),
                ("updated_at", 40)],
    "story_articles": [("article_id", 200), ("story_id", 16), ("reprint_of", 200),
                       ("origin", 200)],
}  # fmt: skip


def _enforces_lengths() -> bool:
    return op.get_bind().dialect.name != "sqlite"


def upgrade() -> None:
    if not _enforces_lengths():
        return
    for table, columns in COLUMNS.items():
        for column, length in columns:
            op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(length))


def downgrade() -> None:
    if not _enforces_lengths():
        return
    for table, columns in COLUMNS.items():
        for column, length in columns:
            op.alter_column(table, column, type_=sa.String(length), existing_type=sa.Text())
