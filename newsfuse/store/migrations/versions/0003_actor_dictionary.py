"""imported actor dictionaries (CAMEO / PETRARCH format)

Revision ID: 0003_actor_dictionary
Revises: 0002_annotations
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_actor_dictionary"
down_revision = "0002_annotations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actor_dictionary",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(8)),
        sa.Column("start", sa.String(10)),
        sa.Column("end", sa.String(10)),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("is_agent", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("actor_dictionary")
