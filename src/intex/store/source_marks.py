"""Default markings an analyst sets per feed or per site, applied at ingest when the
command line names none (``intex source mark``)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, select

from intex.errors import NotFound, StoreError
from intex.model import TLP, Marking
from intex.store import schema as t

KINDS = ("feed", "site")
_m = t.source_markings


class SourceMarks:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def set(self, kind: str, name: str, marking: Marking, now: datetime | None = None) -> None:
        if kind not in KINDS:
            raise StoreError(f"a default marking is for a feed or a site, not a {kind}",
                             subject=name)
        if not name:
            raise StoreError(f"name the {kind}", subject=kind)
        with self.engine.begin() as conn:
            conn.execute(_m.delete().where(_m.c.kind == kind, _m.c.name == name))
            conn.execute(_m.insert().values(
                kind=kind, name=name, tlp=marking.tlp.name,
                releasable_to=",".join(marking.releasable_to) or None,
                at=now or datetime.now(UTC)))

    def remove(self, kind: str, name: str) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(_m.delete().where(_m.c.kind == kind, _m.c.name == name))
        if not done.rowcount:
            raise NotFound(f"no default marking for this {kind}", subject=name)

    def all(self) -> dict[tuple[str, str], Marking]:
        """(kind, name) → the default marking, every one set."""
        with self.engine.connect() as conn:
            return {(r.kind, r.name): Marking(TLP[r.tlp], tuple(
                c for c in (r.releasable_to or "").split(",") if c))
                for r in conn.execute(select(_m).order_by(_m.c.kind, _m.c.name))}
