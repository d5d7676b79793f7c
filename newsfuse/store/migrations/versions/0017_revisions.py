"""a later version of an article under a stored id is kept, linked to the first

An input that gave an id already stored with other text (a feed item the outlet updated,
a file re-read after the cleaner changed) was refused, and the reject told the user to
"remove the stored one first", which no command does. It is now stored under the id with
its content hash appended, and ``articles.revision_of`` names the id it is a later
version of (NULL for every other article); an index finds an article's versions.

``newsfuse watch`` never handed a feed item it had seen to the pipeline again, so an
item the outlet updated was never read. ``watch_seen.version`` keeps the update time the
feed declared for the item (Atom ``updated``); an item declared updated since is read
again (NULL: none declared, or recorded before this migration; filled in on the next poll
without reading the item again).

Revision ID: 0017_revisions
Revises: 0016_duplicate_ids
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_revisions"
down_revision = "0016_duplicate_ids"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("revision_of", sa.Text))  # no VARCHAR(n): see 0006
    op.create_index("ix_articles_revision_of", "articles", ["revision_of"])
    op.add_column("watch_seen", sa.Column("version", sa.Text))


def downgrade() -> None:
    op.drop_index("ix_articles_revision_of", "articles")
    if op.get_bind().dialect.name == "sqlite":  # SQLite 3.35+ drops a column in place
        op.execute("ALTER TABLE articles DROP COLUMN revision_of")
        op.execute("ALTER TABLE watch_seen DROP COLUMN version")
        return
    op.drop_column("articles", "revision_of")
    op.drop_column("watch_seen", "version")
