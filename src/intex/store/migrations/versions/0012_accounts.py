"""Accounts: TLP:RED for named recipients only (an admin's choice per user, no longer
implied by a clearance), failed sign-ins counted in the database so that every server
process throttles together, and the audit log.

Users cleared for RED until now were named recipients by their admin's choice: they stay
recipients, with the highest clearance below RED.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("red_recipient", sa.Boolean(), nullable=False,
                                   server_default="0"))
    users = sa.table("users", sa.column("clearance", sa.String),
                     sa.column("red_recipient", sa.Boolean))
    op.execute(users.update().where(users.c.clearance == "RED")
               .values(clearance="AMBER_STRICT", red_recipient=True))
    op.create_table(
        "login_failures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_failures_key", "login_failures", ["name", "address", "at"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("tlp", sa.String(length=16), nullable=True),
        sa.Column("releasable_to", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_index("ix_login_failures_key", table_name="login_failures")
    op.drop_table("login_failures")
    users = sa.table("users", sa.column("clearance", sa.String),
                     sa.column("red_recipient", sa.Boolean))
    op.execute(users.update().where(users.c.red_recipient == sa.true())
               .values(clearance="RED"))
    with op.batch_alter_table("users") as batch:
        batch.drop_column("red_recipient")
