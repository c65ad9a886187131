"""The ledger: reports, entities, mentions, claims and their sources, reviews, grades.

Revision ID: 0001
Revises:

Frozen DDL: later schema changes are new revisions, never edits here.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:

    op.create_table('entities',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('reports',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('site', sa.Text(), nullable=True),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('extractor', sa.String(length=64), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tlp', sa.String(length=16), server_default='CLEAR', nullable=False),
    sa.Column('releasable_to', sa.Text(), nullable=True),
    sa.Column('cluster_id', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash'),
    sa.UniqueConstraint('url')
    )
    op.create_table('reviews',
    sa.Column('claim_id', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reviewer', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('corrections', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('claim_id')
    )
    op.create_table('source_grades',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('grade', sa.String(length=1), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('aliases',
    sa.Column('entity_id', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('why', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ),
    sa.UniqueConstraint('entity_id', 'alias', name='uq_alias')
    )
    op.create_table('claims',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('report_id', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('value_max', sa.Float(), nullable=True),
    sa.Column('approx', sa.Boolean(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('modality', sa.String(length=16), nullable=False),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('vague', sa.Boolean(), nullable=False),
    sa.Column('extractor', sa.String(length=64), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('tlp', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_claims_origin', 'claims', ['origin'], unique=False)
    op.create_index('ix_claims_report', 'claims', ['report_id'], unique=False)
    op.create_index('ix_claims_status_date', 'claims', ['status', 'date'], unique=False)
    op.create_table('mentions',
    sa.Column('report_id', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('why', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], ondelete='CASCADE')
    )
    op.create_index('ix_mentions_entity', 'mentions', ['entity_id'], unique=False)
    op.create_index('ix_mentions_report', 'mentions', ['report_id'], unique=False)
    op.create_table('near_duplicates',
    sa.Column('report_id', sa.String(length=64), nullable=False),
    sa.Column('other_id', sa.String(length=64), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['other_id'], ['reports.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'other_id')
    )
    op.create_table('report_bands',
    sa.Column('band', sa.String(length=40), nullable=False),
    sa.Column('report_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], ondelete='CASCADE')
    )
    op.create_index('ix_report_bands_band', 'report_bands', ['band'], unique=False)
    op.create_table('claim_sources',
    sa.Column('claim_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('entity_id', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'position')
    )
    op.create_index('ix_claim_sources_name', 'claim_sources', ['name'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        from intex.store import sqlite

        for stmt in sqlite.CREATE_FTS:
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        from intex.store import sqlite

        for stmt in sqlite.DROP_FTS:
            op.execute(stmt)

    op.drop_index('ix_claim_sources_name', table_name='claim_sources')
    op.drop_table('claim_sources')
    op.drop_index('ix_report_bands_band', table_name='report_bands')
    op.drop_table('report_bands')
    op.drop_table('near_duplicates')
    op.drop_index('ix_mentions_report', table_name='mentions')
    op.drop_index('ix_mentions_entity', table_name='mentions')
    op.drop_table('mentions')
    op.drop_index('ix_claims_status_date', table_name='claims')
    op.drop_index('ix_claims_report', table_name='claims')
    op.drop_index('ix_claims_origin', table_name='claims')
    op.drop_table('claims')
    op.drop_table('aliases')
    op.drop_table('source_grades')
    op.drop_table('reviews')
    op.drop_table('reports')
    op.drop_table('entities')
