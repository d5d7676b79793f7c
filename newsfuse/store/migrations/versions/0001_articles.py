"""articles, rejects and duplicates

Revision ID: 0001_articles
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_articles"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("agency", sa.String(100)),
        sa.Column("author", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.String(40)),
        sa.Column("dateline_place", sa.String(200)),
        sa.Column("dateline_country", sa.String(3)),
        sa.Column("language", sa.String(12)),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("boilerplate", sa.Text),
        sa.Column("notes", sa.Text),
        sa.Column("ingested_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.UniqueConstraint("source", name="uq_rejects_source"),
    )
    op.create_table(
        "duplicates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.UniqueConstraint("source", "article_id", name="uq_duplicates_source_article"),
    )


def downgrade() -> None:
    op.drop_table("duplicates")
    op.drop_table("rejects")
    op.drop_index("ix_articles_published", table_name="articles")
    op.drop_table("articles")
