"""Everything SQLite-only: pragmas and the FTS5 full-text index over reports."""

from __future__ import annotations

from sqlalchemy import ColumnElement, column, event, func, literal_column, select, table
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


def fts_query(words: str) -> str:
    """The user's words as an FTS5 query of quoted terms (no FTS syntax injection)."""
    terms = [t.replace('"', '""') for t in words.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms)


def search(conn: Connection, words: str, limit: int,
           where: ColumnElement[bool] | None = None) -> list[tuple[str, str | None, str]]:
    """Reports matching the words, best first, with a snippet; ``where`` (over
    ``reports``) leaves out what the reader may not see before anything is ranked."""
    from intex.store import schema as t

    q = fts_query(words)
    if not q:
        return []
    fts = table("reports_fts", column("rowid"))
    r = t.reports
    stmt = (select(r.c.id, r.c.title,
                   func.snippet(literal_column("reports_fts"), 1, "[", "]", " … ", 12))
            .select_from(fts.join(r, literal_column("reports.rowid") == fts.c.rowid))
            .where(literal_column("reports_fts").op("MATCH")(q))
            .order_by(literal_column("rank")).limit(limit))
    if where is not None:
        stmt = stmt.where(where)
    return [(row[0], row[1], row[2]) for row in conn.execute(stmt)]
