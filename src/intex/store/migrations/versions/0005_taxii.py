"""TAXII: an increasing sequence and date_added on stix_objects, and POST statuses.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    with op.batch_alter_table("stix_objects") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("date_added", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_stix_objects_seq", "stix_objects", ["seq"], unique=True)
    op.create_table(
        "taxii_statuses",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("collection", sa.String(length=64), nullable=False),
        sa.Column("request_timestamp", sa.DateTime(timezone=True), nullable=False),
        sa.Column("json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("taxii_statuses")
    op.drop_index("ix_stix_objects_seq", "stix_objects")
    with op.batch_alter_table("stix_objects") as batch:
        batch.drop_column("date_added")
        batch.drop_column("seq")
