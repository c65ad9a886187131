"""Ledger sorts kept: a page sorted by value or by source is read off an index, either
way, instead of sorting every claim the filter selects; a source name is found in a
million claims' sources through a trigram index on PostgreSQL.

Revision ID: 0018
Revises: 0017

``claims.first_source`` is what sorting by source orders by (the first source's name
lower-cased, "~" for a claim without one); new claims get it from Python's ``str.lower``,
existing ones here from the database's ``lower`` (SQLite's folds ASCII letters only: a
name beginning with a non-ASCII capital keeps it until its report is read again).
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"

ORDER = ["at", "report_id", "evidence_start", "id"]


def upgrade() -> None:
    from intex.store import postgres

    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("first_source", sa.Text(), nullable=True))
    op.execute("UPDATE claims SET first_source = coalesce((SELECT lower(claim_sources.name) "
               "FROM claim_sources WHERE claim_sources.claim_id = claims.id "
               "ORDER BY claim_sources.position LIMIT 1), '~')")
    op.create_index("ix_claims_value", "claims", ["value", *ORDER])
    op.create_index("ix_claims_first_source", "claims", ["first_source", *ORDER])
    if op.get_bind().dialect.name == "postgresql":
        for stmt in postgres.ADD_SOURCE_TERMS:
            op.execute(stmt)


def downgrade() -> None:
    from intex.store import postgres

    if op.get_bind().dialect.name == "postgresql":
        for stmt in postgres.DROP_SOURCE_TERMS:
            op.execute(stmt)
    op.drop_index("ix_claims_first_source", "claims")
    op.drop_index("ix_claims_value", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("first_source")
