"""Scale: PostgreSQL's own full-text search over reports.

Revision ID: 0009
Revises: 0006

On PostgreSQL, reports get a generated ``tsvector`` column with a GIN index (what FTS5
is on SQLite, made in 0001). SQLite needs nothing here.
"""

from alembic import op

revision = "0009"
down_revision = "0006"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        from intex.store import postgres

        for stmt in postgres.ADD_SEARCH:
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        from intex.store import postgres

        for stmt in postgres.DROP_SEARCH:
            op.execute(stmt)
