"""The TAXII server's cache of served forms: per partner class and stamped row, what
that class gets (hidden, verbatim or trimmed), with the reference index that says which
cached forms a new row can change.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"


def upgrade() -> None:
    op.create_table(
        "served_audiences",
        sa.Column("audience", sa.String(length=300), nullable=False),
        sa.Column("upto", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("audience"),
    )
    op.create_table(
        "served_forms",
        sa.Column("audience", sa.String(length=300), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("json", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("audience", "seq"),
    )
    op.create_table(
        "stix_refs",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", "ref"),
    )
    op.create_index("ix_stix_refs_ref", "stix_refs", ["ref"])


def downgrade() -> None:
    op.drop_index("ix_stix_refs_ref", table_name="stix_refs")
    op.drop_table("stix_refs")
    op.drop_table("served_forms")
    op.drop_table("served_audiences")
