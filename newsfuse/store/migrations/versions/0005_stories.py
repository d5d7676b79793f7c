"""stories and the articles in them

Revision ID: 0005_stories
Revises: 0004_events
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_stories"
down_revision = "0004_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("first_published", sa.String(40)),
        sa.Column("last_published", sa.String(40)),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("actors", sa.Text),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_stories_last_published", "stories", ["last_published"])
    op.create_table(
        "story_articles",
        sa.Column(
            "article_id",
            sa.String(200),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("story_id", sa.String(16), sa.ForeignKey("stories.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reprint_of", sa.String(200)),
        sa.Column("origin", sa.String(200), nullable=False),
    )
    op.create_index("ix_story_articles_story", "story_articles", ["story_id"])


def downgrade() -> None:
    op.drop_table("story_articles")
    op.drop_table("stories")
