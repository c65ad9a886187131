"""``intex brief``: a real process over a real database file, Markdown and HTML."""

from __future__ import annotations

import os
import subprocess
import sys

from intex import service
from tests.web_ledger import build

INTEX = [sys.executable, "-m", "intex"]


def run(*args: str, db):  # noqa: ANN001
    return subprocess.run([*INTEX, *args], capture_output=True, timeout=120,
                          env=dict(os.environ, INTEX_DB=str(db)))


def test_brief_as_markdown_and_as_a_printable_page(tmp_path):
    db = tmp_path / "ledger.db"
    build(service.open_ledger(f"sqlite:///{db}"))
    md = run("brief", "--since", "2024-11-01", db=db)
    assert md.returncode == 0, md.stderr
    text = md.stdout.decode()
    assert text.startswith("**TLP:AMBER**\n\n# Points of attention since 2024-11-01\n")
    assert "- **changed** — National Intelligence Service (South Korea): ~11,000 sent " \
           "(2024-11-20), was ~3,000 (2024-10-23)" in text
    # October's figure is what changed, not a point of its own
    assert "National Intelligence Service (South Korea): ~3,000 sent (2024-10-23)" not in text
    page = tmp_path / "brief.html"
    html = run("brief", "--since", "2024-11-01", "--subject", "North Korean troops",
               "--format", "html", "-o", str(page), db=db)
    assert html.returncode == 0, html.stderr
    body = page.read_text(encoding="utf-8")
    assert "<title>Points of attention since 2024-11-01: North Korean troops</title>" in body
    assert "<script" not in body and "<link" not in body  # whole in itself
    assert "40 air defence missiles" not in body  # another subject


def test_bad_days_and_formats_are_refused_by_name(tmp_path):
    db = tmp_path / "ledger.db"
    bad = run("brief", "--since", "2024-13-01", db=db)
    assert bad.returncode == 2 and b"is not YYYY-MM-DD" in bad.stderr
    assert run("brief", "--format", "pdf", db=db).returncode == 2
