"""`intex watch`: watched feeds and pages with their validators and schedule, and the
feed entries already taken.

Revision ID: 0011
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.String(length=64), nullable=True),
        sa.Column("last_poll", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_poll", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("new_reports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("url"),
    )
    op.create_table(
        "watch_entries",
        sa.Column("source", sa.String(length=2000), nullable=False),
        sa.Column("entry", sa.String(length=2000), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", "entry"),
    )


def downgrade() -> None:
    op.drop_table("watch_entries")
    op.drop_table("watch_sources")
