"""Everything SQLite-only: pragmas, the FTS5 full-text index over reports, and the FTS5
trigram index that finds subjects (and so claims) by words of their subject or unit."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, column, event, func, literal_column, select, table, text
from sqlalchemy.engine import Connection, Engine


def configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
        # let SQLAlchemy, not the sqlite3 module, say when transactions begin, so that
        # SAVEPOINTs (one per report inside a batch) work as documented
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


CREATE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5("
    "title, text, content='reports', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS reports_fts_ai AFTER INSERT ON reports BEGIN "
    "INSERT INTO reports_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS reports_fts_ad AFTER DELETE ON reports BEGIN "
    "INSERT INTO reports_fts(reports_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS reports_fts_au AFTER UPDATE ON reports BEGIN "
    "INSERT INTO reports_fts(reports_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO reports_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
)
DROP_FTS = ("DROP TRIGGER IF EXISTS reports_fts_au", "DROP TRIGGER IF EXISTS reports_fts_ad",
            "DROP TRIGGER IF EXISTS reports_fts_ai", "DROP TABLE IF EXISTS reports_fts")


# (0009, dropped by 0012) claims by any part of their subject or unit: a trigram index answers
# "contains" for terms of three characters or more, where LIKE '%term%' reads every claim
CREATE_CLAIM_TERMS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5("
    "subject, unit, content='claims', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS claims_fts_ai AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, subject, unit) VALUES (new.rowid, new.subject, new.unit); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS claims_fts_ad AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, subject, unit) "
    "VALUES ('delete', old.rowid, old.subject, old.unit); END",
    "CREATE TRIGGER IF NOT EXISTS claims_fts_au AFTER UPDATE OF subject, unit ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, subject, unit) "
    "VALUES ('delete', old.rowid, old.subject, old.unit); "
    "INSERT INTO claims_fts(rowid, subject, unit) VALUES (new.rowid, new.subject, new.unit); "
    "END",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
)
DROP_CLAIM_TERMS = ("DROP TRIGGER IF EXISTS claims_fts_au", "DROP TRIGGER IF EXISTS claims_fts_ad",
                    "DROP TRIGGER IF EXISTS claims_fts_ai", "DROP TABLE IF EXISTS claims_fts")


# (0014) the same, over the distinct subjects: a question is matched against these rows
# (thousands) instead of every claim (a million), then claims are found by subject number
CREATE_SUBJECT_TERMS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS subjects_fts USING fts5("
    "subject, unit, content='subjects', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS subjects_fts_ai AFTER INSERT ON subjects BEGIN "
    "INSERT INTO subjects_fts(rowid, subject, unit) VALUES (new.id, new.subject, new.unit); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS subjects_fts_ad AFTER DELETE ON subjects BEGIN "
    "INSERT INTO subjects_fts(subjects_fts, rowid, subject, unit) "
    "VALUES ('delete', old.id, old.subject, old.unit); END",
    "INSERT INTO subjects_fts(subjects_fts) VALUES ('rebuild')",
)
DROP_SUBJECT_TERMS = ("DROP TRIGGER IF EXISTS subjects_fts_ad",
                      "DROP TRIGGER IF EXISTS subjects_fts_ai",
                      "DROP TABLE IF EXISTS subjects_fts")


def subject_terms(groups: Sequence[Sequence[str]]) -> tuple[ColumnElement[bool] | None,
                                                            list[Sequence[str]]]:
    """Subjects whose subject or unit contains a term of every group, through the trigram
    index: (the clause over ``subjects.id``, the groups it cannot answer). A group with a
    term shorter than three characters is left to the caller (trigrams cannot find it)."""
    indexed = [g for g in groups if g and all(len(w) >= 3 for w in g)]
    rest = [g for g in groups if g not in indexed]
    if not indexed:
        return None, rest
    q = " AND ".join("(" + " OR ".join('"' + w.replace('"', '""') + '"' for w in g) + ")"
                     for g in indexed)
    clause = literal_column("subjects.id").in_(
        select(literal_column("rowid")).select_from(text("subjects_fts"))
        .where(text("subjects_fts MATCH :subject_terms").bindparams(subject_terms=q)))
    return clause, rest


def fts_query(words: str) -> str:
    """The user's words as an FTS5 query of quoted terms (no FTS syntax injection)."""
    terms = [t.replace('"', '""') for t in words.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms)


def search(conn: Connection, words: str, limit: int,
           where: ColumnElement[bool] | None = None, ranked: int = 0,
           ) -> list[tuple[str, str | None, str]]:
    """Reports matching the words, best first, with a snippet; ``where`` (over
    ``reports``) leaves out what the reader may not see before anything is ranked. Of
    words most reports hold, the best of the ``ranked`` (``RANKED``)
    latest stored matches."""
    from intex.store import schema as t

    q = fts_query(words)
    if not q:
        return []
    from intex.store.postgres import RANKED

    fts = table("reports_fts", column("rowid"))
    r = t.reports
    matches = literal_column("reports_fts").op("MATCH")(q)
    joined = fts.join(r, literal_column("reports.rowid") == fts.c.rowid)
    # ranking costs per match: of a word most reports hold, only the RANKED latest stored
    # matches are ranked (FTS5 hands matches out by rowid, newest first, from its index)
    oldest = select(fts.c.rowid).select_from(joined).where(matches)
    if where is not None:
        oldest = oldest.where(where)
    bound = conn.execute(oldest.order_by(fts.c.rowid.desc()).limit(1)
                         .offset((ranked or RANKED) - 1)).scalar()
    stmt = (select(r.c.id, r.c.title,
                   func.snippet(literal_column("reports_fts"), 1, "[", "]", " … ", 12))
            .select_from(joined).where(matches)
            .order_by(literal_column("rank")).limit(limit))
    if bound is not None:
        stmt = stmt.where(fts.c.rowid >= bound)
    if where is not None:
        stmt = stmt.where(where)
    return [(row[0], row[1], row[2]) for row in conn.execute(stmt)]
