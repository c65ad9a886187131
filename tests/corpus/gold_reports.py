"""What the corpus scripts (diagnose.py, train_attribution.py) share: the shared claims
scorer, loaded from ../shared/tools, and the gold reports of a gold file, each with the
path of its text and its publication date.

The scripts run as files (``python tests/corpus/diagnose.py``), so they import this one
as a sibling module."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def scorer() -> Any:
    """../shared/tools/score_claims.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("score_claims",
                                                  SHARED / "tools" / "score_claims.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_reports(gold: Path, texts: Path) -> Iterator[tuple[dict[str, Any], Path, date | None]]:
    """Each report of the gold file: its gold record, its text file (under ``texts``) and
    its publication date when the gold gives a full one."""
    for line in gold.read_text().splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        pub = doc.get("published")
        when = date.fromisoformat(pub) if pub and re.fullmatch(r"\d{4}-\d\d-\d\d", pub) else None
        yield doc, texts / (doc.get("text_file") or f"{doc['id']}.txt"), when
