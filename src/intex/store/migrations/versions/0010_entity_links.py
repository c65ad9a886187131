"""An analyst's merges and splits of entities, kept so re-extraction re-applies them.

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    op.create_table(
        "entity_links",
        sa.Column("entity_id", sa.String(length=200), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("into_id", sa.String(length=200), nullable=False),
        sa.Column("analyst", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "alias"),
    )
    op.create_index("ix_entity_links_into", "entity_links", ["into_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_links_into", table_name="entity_links")
    op.drop_table("entity_links")
