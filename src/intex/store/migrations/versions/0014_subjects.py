"""Subjects: the distinct (subject, unit) pairs of the claims, matched once per question.

Revision ID: 0014
Revises: 0013

A question about a subject used to be matched against every claim (trigram indexes on
claims, 0009), which costs in proportion to the claims any synonym of its words finds
(tens of thousands in a million). Now every distinct (subject, unit) pair is one row of
``subjects``, each claim names its row (``claims.subject_id``, indexed), and the trigram
index is over subjects: a question matches thousands of rows, then claims by number.
Existing claims are numbered here; the claims' trigram indexes are dropped.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"


def upgrade() -> None:
    from intex.store import postgres, sqlite
    from intex.store.subjects import key

    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "sqlite":
        for stmt in sqlite.DROP_CLAIM_TERMS:
            op.execute(stmt)
    elif dialect == "postgresql":
        for stmt in postgres.DROP_CLAIM_TERMS:
            op.execute(stmt)
    subjects = op.create_table(
        "subjects",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_subjects_key", "subjects", ["key"], unique=True)
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("subject_id", sa.Integer(), nullable=True))
    pairs = bind.execute(sa.text(
        "SELECT DISTINCT coalesce(subject, ''), coalesce(unit, '') FROM claims")).all()
    rows = [{"key": key(s, u), "subject": s, "unit": u} for s, u in pairs]
    for i in range(0, len(rows), 1000):
        bind.execute(subjects.insert(), rows[i:i + 1000])
    if dialect == "sqlite":  # a join index for the numbering below, then gone
        op.execute("CREATE INDEX tmp_subjects_pair ON subjects (subject, unit)")
    op.execute("UPDATE claims SET subject_id = subjects.id FROM subjects "
               "WHERE subjects.subject = coalesce(claims.subject, '') "
               "AND subjects.unit = coalesce(claims.unit, '')")
    if dialect == "sqlite":
        op.execute("DROP INDEX tmp_subjects_pair")
    op.create_index("ix_claims_subject_id", "claims", ["subject_id"])
    if dialect == "sqlite":
        for stmt in sqlite.CREATE_SUBJECT_TERMS:
            op.execute(stmt)
    elif dialect == "postgresql":
        for stmt in postgres.ADD_SUBJECT_TERMS:
            op.execute(stmt)


def downgrade() -> None:
    from intex.store import postgres, sqlite

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for stmt in sqlite.DROP_SUBJECT_TERMS:
            op.execute(stmt)
    elif dialect == "postgresql":
        for stmt in postgres.DROP_SUBJECT_TERMS:
            op.execute(stmt)
    op.drop_index("ix_claims_subject_id", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("subject_id")
    op.drop_index("ix_subjects_key", "subjects")
    op.drop_table("subjects")
    if dialect == "sqlite":
        for stmt in sqlite.CREATE_CLAIM_TERMS:
            op.execute(stmt)
    elif dialect == "postgresql":
        for stmt in postgres.ADD_CLAIM_TERMS:
            op.execute(stmt)
