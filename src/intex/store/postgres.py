"""Everything PostgreSQL-only: the driver URL, the writers' lock, full-text search.

Full-text search uses PostgreSQL's own text search: a stored, generated ``tsvector``
column on ``reports`` (added by migration 0009, outside ``schema.py`` like SQLite's FTS5
table) with a GIN index, queried with ``plainto_tsquery`` and shown with ``ts_headline``.
The ``simple`` configuration (lower-cased words, no stemming, no stop words) matches what
SQLite's ``unicode61`` tokenizer does, so a search finds the same reports on both backends
and in any language.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal_column, select, text
from sqlalchemy.engine import Connection

#: the text search configuration of the ``reports.search_tsv`` column and of queries
TS_CONFIG = "simple"
#: PostgreSQL-only schema objects, beside the tables ``schema.py`` declares
SEARCH_COLUMN = "search_tsv"
SEARCH_INDEX = "ix_reports_search_tsv"

ADD_SEARCH = (
    f"ALTER TABLE reports ADD COLUMN {SEARCH_COLUMN} tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector('{TS_CONFIG}', coalesce(title, '')), 'A') || "
    f"to_tsvector('{TS_CONFIG}', text)) STORED",
    f"CREATE INDEX {SEARCH_INDEX} ON reports USING gin ({SEARCH_COLUMN})",
)
DROP_SEARCH = (f"DROP INDEX IF EXISTS {SEARCH_INDEX}",
               f"ALTER TABLE reports DROP COLUMN IF EXISTS {SEARCH_COLUMN}")

# claims by any part of their subject or unit: trigram indexes answer the store's
# lower(column) LIKE '%term%' without reading every claim (pg_trgm ships with PostgreSQL
# and is a trusted extension: a database owner may create it)
ADD_CLAIM_TERMS = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_claims_subject_trgm ON claims USING gin (lower(subject) gin_trgm_ops)",
    "CREATE INDEX ix_claims_unit_trgm ON claims USING gin (lower(unit) gin_trgm_ops)",
)
DROP_CLAIM_TERMS = ("DROP INDEX IF EXISTS ix_claims_unit_trgm",
                    "DROP INDEX IF EXISTS ix_claims_subject_trgm")

# (0014) the same over the distinct subjects, which the claims' indexes above give way to
ADD_SUBJECT_TERMS = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_subjects_subject_trgm ON subjects USING gin (lower(subject) gin_trgm_ops)",
    "CREATE INDEX ix_subjects_unit_trgm ON subjects USING gin (lower(unit) gin_trgm_ops)",
)
DROP_SUBJECT_TERMS = ("DROP INDEX IF EXISTS ix_subjects_unit_trgm",
                      "DROP INDEX IF EXISTS ix_subjects_subject_trgm")

# (0018) claims by any part of a source's name: the ledger's source filter
ADD_SOURCE_TERMS = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_claim_sources_name_trgm ON claim_sources "
    "USING gin (lower(name) gin_trgm_ops)",
)
DROP_SOURCE_TERMS = ("DROP INDEX IF EXISTS ix_claim_sources_name_trgm",)

#: full-text search ranks at most this many matches, the latest stored (a word most
#: reports hold would otherwise rank every one of them); the same on SQLite
RANKED = 1000

#: a hit's snippet is cut from this many first characters of its text: ts_headline
#: parses all it is given, and twenty live blogs of 200,000 characters took most of a
#: second; a hit whose words lie further in shows its opening words instead
HEADLINE_CHARS = 10_000

#: one advisory lock key for the ledger's writers (see :func:`lock_ledger`)
LEDGER_LOCK = 20260009


def driver_url(url: str) -> str:
    """``postgresql://`` (or ``postgres://``) as SQLAlchemy's psycopg 3 URL; a URL that
    names its driver already is left as it is."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def lock_ledger(conn: Connection) -> None:
    """Hold the ledger's writers' lock until this transaction ends.

    Storing a report decides things from what is already stored (is it held? which
    earlier report is it a near-duplicate of?). SQLite makes writers take turns
    (``BEGIN IMMEDIATE``); on PostgreSQL two ingesters would otherwise decide from the
    same snapshot and both insert, or both miss each other's near-duplicate. Extraction
    runs before the transaction, so writers wait only for each other's inserts.
    """
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LEDGER_LOCK})


def search(conn: Connection, words: str, limit: int,
           where: ColumnElement[bool] | None = None, ranked: int = 0,
           ) -> list[tuple[str, str | None, str]]:
    """Reports matching every word, best first, each with a snippet of its text;
    ``where`` (over ``reports``) leaves out what the reader may not see before ranking.
    Of words most reports hold, the best of the ``ranked`` (``RANKED``)
    latest stored matches."""
    from intex.store import schema as t

    if not words.split():
        return []
    r = t.reports
    # the query inline (not in a CTE) so that the planner takes the GIN index
    cfg = literal_column(f"CAST('{TS_CONFIG}' AS regconfig)")
    query = func.plainto_tsquery(cfg, words)
    vector = literal_column(f"reports.{SEARCH_COLUMN}")
    # ranking reads each match's whole vector: only the RANKED latest matches are ranked
    latest = select(r.c.id).where(vector.op("@@")(query))
    if where is not None:
        latest = latest.where(where)
    latest = latest.order_by(r.c.ingested_at.desc(), r.c.id.desc()).limit(ranked or RANKED)
    best = (select(r.c.id, r.c.title, r.c.text, func.ts_rank(vector, query).label("rank"))
            .where(r.c.id.in_(latest.scalar_subquery())))
    sub = best.order_by(literal_column("rank").desc(), r.c.id).limit(limit).subquery("best")
    headline = func.ts_headline(
        cfg, func.left(sub.c.text, HEADLINE_CHARS), func.plainto_tsquery(cfg, words),
        "StartSel=[, StopSel=], MaxWords=18, MinWords=6, MaxFragments=1")
    # the planner prices "@@" on each report's stored vector as cheap and reads them all
    # for a common word (every vector fetched from TOAST: a second at a million claims);
    # the GIN index answers the match without reading any, so it is taken here
    conn.execute(text("SET LOCAL enable_seqscan = off"))
    rows = conn.execute(select(sub.c.id, sub.c.title, headline)
                        .order_by(sub.c.rank.desc(), sub.c.id))
    return [(row[0], row[1], row[2]) for row in rows]
