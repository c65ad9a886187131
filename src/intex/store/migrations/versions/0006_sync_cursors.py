"""How far intex has read each partner's TAXII collection, to resume where it stopped.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "sync_cursors",
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("collection", sa.String(length=200), nullable=False),
        sa.Column("added_after", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_result", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("partner", "collection"),
    )


def downgrade() -> None:
    op.drop_table("sync_cursors")
