"""Claim order kept: each claim's place on the time axis as a column, indexed in ledger
order, so that a page of the ledger is read off an index instead of sorting every claim.

Revision ID: 0016
Revises: 0015

``claims.at`` is what ``ledger.when`` computes (the claim's own date when it has a year,
else its report's publication day, else "9999"); ``ix_claims_at`` orders claims as the
ledger does, ``ix_claims_origin_at`` finds the earlier echoes of a claim (and replaces
``ix_claims_origin``), ``ix_reports_sight`` answers whether a reader may see a report
without reading its row.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"


def upgrade() -> None:
    published = "CAST(reports.published AS VARCHAR)" \
        if op.get_bind().dialect.name == "postgresql" else "reports.published"
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("at", sa.String(length=10), nullable=True))
    op.execute("UPDATE claims SET at = CASE WHEN claims.date IS NOT NULL "
               "AND length(claims.date) != 5 THEN claims.date "
               f"ELSE coalesce({published}, '9999') END "
               "FROM reports WHERE reports.id = claims.report_id")
    op.drop_index("ix_claims_origin", "claims")
    op.create_index("ix_claims_at", "claims", ["at", "report_id", "evidence_start", "id"])
    op.create_index("ix_claims_origin_at", "claims",
                    ["origin", "at", "report_id", "evidence_start", "id", "tlp",
                     "releasable_to"])
    op.create_index("ix_reports_sight", "reports", ["id", "tlp", "releasable_to"])


def downgrade() -> None:
    op.drop_index("ix_reports_sight", "reports")
    op.drop_index("ix_claims_origin_at", "claims")
    op.drop_index("ix_claims_at", "claims")
    op.create_index("ix_claims_origin", "claims", ["origin"])
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("at")
