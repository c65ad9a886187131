"""Which marking definitions each stamped row marks itself (or parts of itself) with, so
that a definition is served only with an object that marks with it. The reference index
and the served forms kept so far are cleared: rows are indexed again (now with their
markings), and forms worked out before served every definition its own marking allowed.

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"


def upgrade() -> None:
    op.create_table(
        "stix_marks",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", "ref"),
    )
    op.create_index("ix_stix_marks_ref", "stix_marks", ["ref"])
    op.execute("DELETE FROM served_forms")
    op.execute("DELETE FROM served_audiences")
    op.execute("DELETE FROM stix_refs")


def downgrade() -> None:
    op.drop_index("ix_stix_marks_ref", table_name="stix_marks")
    op.drop_table("stix_marks")
    op.execute("DELETE FROM served_forms")
    op.execute("DELETE FROM served_audiences")
