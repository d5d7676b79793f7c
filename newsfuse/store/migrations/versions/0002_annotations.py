"""annotations: sentences, actor mentions, places, time expressions, quantities

Revision ID: 0002_annotations
Revises: 0001_articles
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_annotations"
down_revision = "0001_articles"
branch_labels = None
depends_on = None


def _article_fk() -> sa.Column:
    return sa.Column(
        "article_id",
        sa.String(200),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    )


def _span() -> list[sa.Column]:
    return [
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "sentences",
        sa.Column(
            "article_id",
            sa.String(200),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("n", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "actor_mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        *_span(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(8)),
        sa.Column("label", sa.String(12), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
    )
    op.create_index("ix_actor_mentions_article", "actor_mentions", ["article_id"])
    op.create_index("ix_actor_mentions_country", "actor_mentions", ["country"])
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        *_span(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("admin1", sa.String(20)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("sentence", sa.Integer, nullable=False),
    )
    op.create_index("ix_places_article", "places", ["article_id"])
    op.create_table(
        "time_expressions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        *_span(),
        sa.Column("value", sa.String(10), nullable=False),
        sa.Column("end_value", sa.String(10)),
        sa.Column("granularity", sa.String(8), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
    )
    op.create_index("ix_time_expressions_article", "time_expressions", ["article_id"])
    op.create_table(
        "quantities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        *_span(),
        sa.Column("value", sa.Float),
        sa.Column("qualifier", sa.String(20)),
        sa.Column("noun", sa.String(60)),
        sa.Column("vague", sa.Boolean, nullable=False),
        sa.Column("actor_country", sa.String(3)),
        sa.Column("actor_sector", sa.String(8)),
        sa.Column("sentence", sa.Integer, nullable=False),
    )
    op.create_index("ix_quantities_article", "quantities", ["article_id"])
    op.create_table(
        "annotation_runs",
        sa.Column(
            "article_id",
            sa.String(200),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "annotation_runs",
        "quantities",
        "time_expressions",
        "places",
        "actor_mentions",
        "sentences",
    ):
        op.drop_table(table)
