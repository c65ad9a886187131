"""Scale: full-text search on PostgreSQL, and claims found by subject without a full scan.

Revision ID: 0009
Revises: 0006

On PostgreSQL, reports get a generated ``tsvector`` column with a GIN index (what FTS5
is on SQLite, made in 0001), and claims trigram indexes on their subject and unit. On
SQLite, claims get an FTS5 trigram index on the same two columns. Both answer the ledger's
"subject contains" question from an index, so it stays fast at a million claims.
"""

from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        from intex.store import postgres

        for stmt in postgres.ADD_SEARCH + postgres.ADD_CLAIM_TERMS:
            op.execute(stmt)
    elif dialect == "sqlite":
        from intex.store import sqlite

        for stmt in sqlite.CREATE_CLAIM_TERMS:
            op.execute(stmt)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        from intex.store import postgres

        for stmt in postgres.DROP_CLAIM_TERMS + postgres.DROP_SEARCH:
            op.execute(stmt)
    elif dialect == "sqlite":
        from intex.store import sqlite

        for stmt in sqlite.DROP_CLAIM_TERMS:
            op.execute(stmt)
