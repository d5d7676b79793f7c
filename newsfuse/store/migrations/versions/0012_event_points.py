"""every event keeps the point and GeoNames id of its place

``events`` gains ``location_geonameid`` (the GeoNames id of the place the event's
``location`` names, as the annotate stage resolved it in the context of its article),
``location_lat`` / ``location_lon`` (that place's point) and ``location_feature_code``
(PCLI, ADM1, PPL, ...). Existing rows keep NULL until their article is annotated again
(``newsfuse annotate --all``); the map places those as before, by name or country.

On SQLite the map's covering index ``ix_events_place`` is rebuilt with the point after
the place name, so the map still counts events by place from the index alone. Only
columns are added and an index replaced: no table is rebuilt, so nothing cascades.

Revision ID: 0012_event_points
Revises: 0011_place_points
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_event_points"
down_revision = "0011_place_points"
branch_labels = None
depends_on = None

COLUMNS = ("location_geonameid", "location_lat", "location_lon", "location_feature_code")
OLD_PLACE_INDEX = ["location_country", "location", "event_type", "date", "id", "negated"]
NEW_PLACE_INDEX = [
    "location_country",
    "location",
    "location_lat",
    "location_lon",
    "event_type",
    "date",
    "id",
    "negated",
]


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    op.add_column("events", sa.Column("location_geonameid", sa.BigInteger()))
    op.add_column("events", sa.Column("location_lat", sa.Float()))
    op.add_column("events", sa.Column("location_lon", sa.Float()))
    op.add_column("events", sa.Column("location_feature_code", sa.Text()))
    if _sqlite():  # PostgreSQL has no ix_events_place (see 0009_story_cache)
        op.drop_index("ix_events_place", "events")
        op.create_index("ix_events_place", "events", NEW_PLACE_INDEX)


def downgrade() -> None:
    if _sqlite():
        op.drop_index("ix_events_place", "events")
        # SQLite 3.35+ drops a column in place (no batch rebuild of the table).
        for column in COLUMNS:
            op.execute(f"ALTER TABLE events DROP COLUMN {column}")
        op.create_index("ix_events_place", "events", OLD_PLACE_INDEX)
        return
    for column in COLUMNS:
        op.drop_column("events", column)
