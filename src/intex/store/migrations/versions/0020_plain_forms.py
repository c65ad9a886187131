"""Served forms worked out when objects are written: each ``stix_objects`` row says, from
the object as it was stored, whether what a partner is served of it can only be the row
as stored or nothing (``plain``, with the TLP levels its official markings state) and
what it refers to (``refs``); the reference index (``stix_refs``, ``stix_marks``) is kept
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
    with op.batch_alter_table("stix_objects") as batch:
        batch.drop_column("refs")
        batch.drop_column("plain")
    op.execute("DELETE FROM served_forms")
    op.execute("DELETE FROM served_audiences")
