"""Exchange: default markings per feed or site, push to partners (flag and cursor),
pulls that resume mid-pass (next token, objects waiting for their references), and
marking definitions kept under the marking they state.

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"

# the official TLP 2.0 marking definitions (as in intex.stix.markings, frozen here)
_TLP2 = {
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": "CLEAR",
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": "GREEN",
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": "AMBER",
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": "AMBER_STRICT",
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": "RED",
}


def upgrade() -> None:
    op.create_table(
        "source_markings",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("tlp", sa.String(length=16), nullable=False),
        sa.Column("releasable_to", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", "name"),
    )
    op.create_table(
        "push_cursors",
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("collection", sa.String(length=200), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_result", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("partner", "collection"),
    )
    op.create_table(
        "sync_pending",
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("collection", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("modified", sa.String(length=40), nullable=False),
        sa.Column("refs", sa.Text(), nullable=False),
        sa.Column("json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("partner", "collection", "id", "modified"),
    )
    with op.batch_alter_table("partners") as batch:
        batch.add_column(sa.Column("push", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("sync_cursors") as batch:
        batch.add_column(sa.Column("next_token", sa.Text(), nullable=True))
    # marking definitions held so far counted as CLEAR; from now on each is kept under
    # what it states (TLP:RED's is RED, "REL TO KOR" releasable to KOR)
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, modified, json FROM stix_objects "
                                "WHERE type = 'marking-definition' AND tlp IS NULL")).all()
    for oid, modified, text in rows:
        obj = json.loads(text)
        tlp, rel = _TLP2.get(oid), None
        statement = (obj.get("definition") or {}).get("statement", "") \
            if obj.get("definition_type") == "statement" else ""
        if isinstance(statement, str) and statement.startswith("REL TO "):
            codes = [c.strip() for c in statement[7:].split(",")]
            if codes and all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes):
                tlp, rel = "CLEAR", ",".join(sorted(set(codes)))
        if tlp is not None:
            conn.execute(sa.text("UPDATE stix_objects SET tlp = :tlp, releasable_to = :rel "
                                 "WHERE id = :id AND modified = :modified"),
                         {"tlp": tlp, "rel": rel, "id": oid, "modified": modified})


def downgrade() -> None:
    with op.batch_alter_table("sync_cursors") as batch:
        batch.drop_column("next_token")
    with op.batch_alter_table("partners") as batch:
        batch.drop_column("push")
    op.drop_table("sync_pending")
    op.drop_table("push_cursors")
    op.drop_table("source_markings")
