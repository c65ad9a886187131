"""Ledger speed: a page sorted by value or by source is read off an index, either way,
instead of sorting every claim the filter selects; a source name is found in a million
claims' sources through a trigram index on PostgreSQL; "repeated by N reports" counts
an origin's reports off an index in report order; a quote that ends past the first
``READ_BACK`` characters of its report keeps a copy instead of being read back.

Revision ID: 0019
Revises: 0018

``claims.first_source`` is what sorting by source orders by (the first source's name
lower-cased, "~" for a claim without one); new claims get it from Python's ``str.lower``,
existing ones here from the database's ``lower`` (SQLite's folds ASCII letters only: a
name beginning with a non-ASCII capital keeps it until its report is read again).

A quote read back from its report costs PostgreSQL the text's prefix up to it,
decompressed and walked for each claim (~2 ms a claim deep in a live blog of 200,000
characters): the quotes past ``store.READ_BACK`` are copied out here, one report's text
read once for all its claims.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"

ORDER = ["at", "report_id", "evidence_start", "id"]


def upgrade() -> None:
    from intex.store import postgres

    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("first_source", sa.Text(), nullable=True))
    op.execute("UPDATE claims SET first_source = coalesce((SELECT lower(claim_sources.name) "
               "FROM claim_sources WHERE claim_sources.claim_id = claims.id "
               "ORDER BY claim_sources.position LIMIT 1), '~')")
    _copy_far_quotes(op.get_bind())
    op.create_index("ix_claims_value", "claims", ["value", *ORDER])
    op.create_index("ix_claims_first_source", "claims", ["first_source", *ORDER])
    op.create_index("ix_claims_origin_report", "claims", ["origin", "report_id"])
    if op.get_bind().dialect.name == "postgresql":
        for stmt in postgres.ADD_SOURCE_TERMS:
            op.execute(stmt)
        # statistics for the new column and indexes now, not when autovacuum next looks
        op.execute("ANALYZE claims")


def _copy_far_quotes(bind: sa.engine.Connection) -> None:
    from intex.store.store import READ_BACK

    far: dict[str, list[tuple[str, int, int]]] = {}
    for cid, rid, start, end in bind.execute(sa.text(
            "SELECT id, report_id, evidence_start, evidence_end FROM claims "
            "WHERE evidence = '' AND evidence_end > :n"), {"n": READ_BACK}):
        far.setdefault(rid, []).append((cid, start, end))
    rids = sorted(far)
    for i in range(0, len(rids), 200):
        texts = dict(bind.execute(sa.text("SELECT id, text FROM reports WHERE id IN :ids")
                                  .bindparams(sa.bindparam("ids", expanding=True)),
                                  {"ids": rids[i:i + 200]}).all())
        copies = [{"id": cid, "quote": texts[rid][start:end]}
                  for rid in rids[i:i + 200] for cid, start, end in far[rid]]
        bind.execute(sa.text("UPDATE claims SET evidence = :quote WHERE id = :id"), copies)


def downgrade() -> None:
    from intex.store import postgres

    if op.get_bind().dialect.name == "postgresql":
        for stmt in postgres.DROP_SOURCE_TERMS:
            op.execute(stmt)
    op.drop_index("ix_claims_origin_report", "claims")
    op.drop_index("ix_claims_first_source", "claims")
    op.drop_index("ix_claims_value", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("first_source")
