"""What the ledger counts most often, as a reader may see it: for pages that offer
subjects to look at before one is asked for."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from intex.store import schema as t
from intex.store.sight import Sight


def common(engine: Engine, sight: Sight | None, limit: int = 300) -> list[tuple[str, int]]:
    """(subject as written, claims) most frequent first."""
    from intex.store.ledger import visible

    c, r = t.claims, t.reports
    q = (select(c.c.subject, func.count().label("n")).join(r, r.c.id == c.c.report_id)
         .where(c.c.subject.isnot(None), c.c.subject != "").group_by(c.c.subject)
         .order_by(func.count().desc(), c.c.subject).limit(limit))
    if sight is not None:
        q = q.where(visible(sight))
    with engine.connect() as conn:
        return [(row.subject, row.n) for row in conn.execute(q)]
