"""Served forms worked out when objects are written: each ``stix_objects`` row says, from
the object as it was stored, whether what a partner is served of it can only be the row
as stored or nothing (``plain``, with the TLP levels its official markings state) and
what it refers to (``refs``; None for a row not described yet, which a partial index
finds); the reference index (``stix_refs``, ``stix_marks``) is kept
per row, ``(id, modified)``, written in the transaction that stores the row instead of
on the first request that serves it.

Rows stored before this revision have neither: they are indexed when first served, as
before, and their forms worked out from the object. The index and the forms kept so far
are cleared (the index is rebuilt by row; a form is never wrong to drop).

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"


def _index(name: str, by: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("modified", sa.String(length=40), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", "modified", "ref"),
    )
    op.create_index(by, name, ["ref"])


def _by_seq(name: str, by: str) -> None:
    op.create_table(
        name,
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", "ref"),
    )
    op.create_index(by, name, ["ref"])


def upgrade() -> None:
    with op.batch_alter_table("stix_objects") as batch:
        batch.add_column(sa.Column("plain", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("refs", sa.Text(), nullable=True))
    op.create_index("ix_stix_objects_undescribed", "stix_objects", ["seq"],
                    sqlite_where=sa.text("refs IS NULL"), postgresql_where=sa.text("refs IS NULL"))
    for name, by in (("stix_refs", "ix_stix_refs_ref"), ("stix_marks", "ix_stix_marks_ref")):
        op.drop_index(by, table_name=name)
        op.drop_table(name)
        _index(name, by)
    op.execute("DELETE FROM served_forms")
    op.execute("DELETE FROM served_audiences")


def downgrade() -> None:
    for name, by in (("stix_refs", "ix_stix_refs_ref"), ("stix_marks", "ix_stix_marks_ref")):
        op.drop_index(by, table_name=name)
        op.drop_table(name)
        _by_seq(name, by)
    op.drop_index("ix_stix_objects_undescribed", table_name="stix_objects")
    with op.batch_alter_table("stix_objects") as batch:
        batch.drop_column("refs")
        batch.drop_column("plain")
    op.execute("DELETE FROM served_forms")
    op.execute("DELETE FROM served_audiences")
