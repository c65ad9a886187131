"""Evidence as offsets: a claim whose evidence is its report's text between its offsets
keeps "" instead of a copy.

Revision ID: 0015
Revises: 0014

Claim evidence was about half of a ledger's size, each claim holding a copy of the
sentence it was read from, which its report already holds (``evidence_start`` and
``evidence_end`` point at it). The store now keeps "" for such a claim and reads the text
back from the report (``store.evidence_text``); a claim whose evidence is not its
report's text there (one a partner sent) keeps its copy. The space freed is reused by
later writes; ``VACUUM`` (SQLite, or PostgreSQL's ``VACUUM FULL``) gives it back at once.
"""

from alembic import op

revision = "0015"
down_revision = "0014"

_CUT = "substr(reports.text, claims.evidence_start + 1, " \
    "claims.evidence_end - claims.evidence_start)"


def upgrade() -> None:
    op.execute("UPDATE claims SET evidence = '' FROM reports "
               "WHERE reports.id = claims.report_id AND claims.evidence <> '' "
               "AND claims.evidence_start >= 0 "
               "AND claims.evidence_end >= claims.evidence_start "
               f"AND claims.evidence = {_CUT}")


def downgrade() -> None:
    op.execute(f"UPDATE claims SET evidence = {_CUT} FROM reports "
               "WHERE reports.id = claims.report_id AND claims.evidence = ''")
