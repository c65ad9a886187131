"""Settings, declared once: name, default, help. Read from the environment (INTEX_*), then flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_db_path() -> Path:
    """Per-user data folder: $XDG_DATA_HOME/intex/intex.db, else ~/.local/share/intex/intex.db."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "intex" / "intex.db"


@dataclass(frozen=True)
class Settings:
    db: str = field(default="", metadata={"env": "INTEX_DB",
                                          "help": "database: a SQLite path or a SQLAlchemy URL"})
    max_bytes: int = field(default=5_000_000, metadata={
        "env": "INTEX_MAX_BYTES", "help": "largest input accepted, in bytes"})
    timeout: float = field(default=20.0, metadata={
        "env": "INTEX_TIMEOUT", "help": "seconds to wait for a URL or feed"})
    session_hours: float = field(default=12.0, metadata={
        "env": "INTEX_SESSION_HOURS", "help": "hours a web UI sign-in lasts"})
    gazetteer: str = field(default="", metadata={
        "env": "INTEX_GAZETTEER", "help": "extra gazetteer TSV files (os.pathsep-separated)"})
    spacy_model: str = field(default="", metadata={
        "env": "INTEX_SPACY_MODEL",
        "help": "a trained spaCy pipeline (package or folder) extraction joins; default none"})

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for name, f in cls.__dataclass_fields__.items():
            env = f.metadata.get("env")
            if env and env in os.environ:
                raw = os.environ[env]
                values[name] = type(f.default)(raw) if not isinstance(f.default, str) else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def db_url(self) -> str:
        db = self.db or str(default_db_path())
        if "://" in db:
            return db
        return f"sqlite:///{Path(db).expanduser().resolve()}"
