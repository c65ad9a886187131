"""Keep each report's input as read, so a newer extractor can re-read it.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("raw", sa.Text(), nullable=True))
        batch.add_column(sa.Column("raw_format", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("raw_format")
        batch.drop_column("raw")
