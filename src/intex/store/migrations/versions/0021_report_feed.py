"""Reports linked to the feed that brought them, so the feed list can count, for each
reader, the reports of a feed that reader may see; and the entries a feed's last poll
could not read as a column of the watcher's state, not only words in its result.

Revision ID: 0021
Revises: 0020

Reports stored before this revision are linked to no feed (where they came from was not
recorded); a feed's count starts with its next poll. The failed-entry count of each
feed's last poll is read back from the result the watcher wrote ("3 new, 2 failed").
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"

_FAILED = re.compile(r"\b(\d+) failed\b")


def upgrade() -> None:
    op.create_table(
        "report_feeds",
        sa.Column("feed", sa.String(length=2000), nullable=False),
        sa.Column("report_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("feed", "report_id"),
    )
    op.create_index("ix_report_feeds_report", "report_feeds", ["report_id"])
    with op.batch_alter_table("watch_sources") as batch:
        batch.add_column(sa.Column("failed_entries", sa.Integer(), nullable=False,
                                   server_default="0"))
    bind = op.get_bind()
    counts = [{"url": url, "n": int(m[1])} for url, result in bind.execute(sa.text(
        "SELECT url, result FROM watch_sources WHERE result LIKE '%failed%'"))
        if (m := _FAILED.search(result or ""))]
    if counts:
        bind.execute(sa.text("UPDATE watch_sources SET failed_entries = :n WHERE url = :url"),
                     counts)


def downgrade() -> None:
    with op.batch_alter_table("watch_sources") as batch:
        batch.drop_column("failed_entries")
    op.drop_index("ix_report_feeds_report", table_name="report_feeds")
    op.drop_table("report_feeds")
