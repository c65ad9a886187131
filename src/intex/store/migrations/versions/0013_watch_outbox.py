"""`intex watch` notifications as an outbox: the entries a poll is storing, and the
messages to send, written in the transaction that records the poll.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    op.create_table(
        "watch_taking",
        sa.Column("source", sa.String(length=2000), nullable=False),
        sa.Column("entry", sa.String(length=2000), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", "entry"),
    )
    op.create_table(
        "watch_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=2000), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("hook", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("tried_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_watch_outbox_pending", "watch_outbox", ["sent_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_watch_outbox_pending", table_name="watch_outbox")
    op.drop_table("watch_outbox")
    op.drop_table("watch_taking")
