"""The ledger: reports, entities, mentions, claims and their sources, reviews, grades.

Revision ID: 0001
Revises:
"""

from alembic import op

from intex.store import schema

revision = "0001"
down_revision = None


def upgrade() -> None:
    bind = op.get_bind()
    # the first revision creates the tables as schema.py declares them at this revision
    schema.metadata.create_all(bind)
    if bind.dialect.name == "sqlite":
        from intex.store import sqlite

        for stmt in sqlite.CREATE_FTS:
            op.execute(stmt)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from intex.store import sqlite

        for stmt in sqlite.DROP_FTS:
            op.execute(stmt)
    schema.metadata.drop_all(bind)
