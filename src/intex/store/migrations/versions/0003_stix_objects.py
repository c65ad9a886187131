"""STIX objects kept verbatim, and which partner sent a report or claim.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "stix_objects",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("modified", sa.String(length=40), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("spec_version", sa.String(length=8), nullable=True),
        sa.Column("json", sa.Text(), nullable=False),
        sa.Column("partner", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tlp", sa.String(length=16), nullable=True),
        sa.Column("releasable_to", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", "modified"),
    )
    op.create_index("ix_stix_objects_type", "stix_objects", ["type"])
    op.create_index("ix_stix_objects_received", "stix_objects", ["received_at"])
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("partner", sa.Text(), nullable=True))
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("releasable_to", sa.Text(), nullable=True))
        batch.add_column(sa.Column("partner", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("partner")
        batch.drop_column("releasable_to")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("partner")
    op.drop_index("ix_stix_objects_received", "stix_objects")
    op.drop_index("ix_stix_objects_type", "stix_objects")
    op.drop_table("stix_objects")
