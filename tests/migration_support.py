"""Schema downgrades for the migration tests (not a test module)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from newsfuse.store import Store
from newsfuse.store.db import MIGRATIONS


def downgrade(store: Store, revision: str) -> None:
    """Take ``store``'s schema down to ``revision`` with our migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
