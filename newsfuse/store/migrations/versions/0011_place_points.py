"""every place has a GeoNames id and a feature class and code

``places`` gains ``geonameid`` (the GeoNames id of the resolved place), ``feature_class``
(A: country or region, P: populated place, L: continent) and ``feature_code`` (PCLI,
ADM1, PPL, PPLC, CONT, ...), as TEXT like every string column since 0006. Existing rows keep NULL until their article is annotated
again (``newsfuse annotate --all``), which also gives countries and regions their point.

Revision ID: 0011_place_points
Revises: 0010_cluster_runs
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_place_points"
down_revision = "0010_cluster_runs"
branch_labels = None
depends_on = None

COLUMNS = ("geonameid", "feature_class", "feature_code")


def upgrade() -> None:
    op.add_column("places", sa.Column("geonameid", sa.BigInteger()))
    op.add_column("places", sa.Column("feature_class", sa.Text()))
    op.add_column("places", sa.Column("feature_code", sa.Text()))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a column in place (no batch rebuild of the table).
        for column in COLUMNS:
            op.execute(f"ALTER TABLE places DROP COLUMN {column}")
        return
    for column in COLUMNS:
        op.drop_column("places", column)
