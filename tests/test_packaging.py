"""A plain `pip install intex` (no extras) has everything intex imports at run time.

The test environment has the dev extra installed, which pulls in many packages: a module
that intex needs but only a dev tool brings (as lxml_html_clean was, for jusText under
trafilatura) works here and fails for a user. So the test lays out a site folder holding
only intex's runtime requirements (links to the installed packages, followed
transitively through their metadata with the extras they ask for), and a fresh
interpreter with no other site-packages runs intex's main paths on it: ingest of text
and HTML, a feed, the ledger, an export, the web and TAXII apps.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
HTML = next((ROOT / "tests" / "corpus" / "dev").glob("*.html"))
TEXT = ROOT.parent / "shared" / "seed" / "000_214a1ceef9495b51.txt"

RUN = """
import json, site, sys
from pathlib import Path
site.addsitedir(SITE)
sys.path.insert(0, SRC)
from intex.cli import app
for args in (["ingest", "--db", DB, HTML, TEXT], ["claims", "--db", DB, "--format", "json"],
             ["export", "--db", DB, "-o", str(Path(DB).with_suffix(".json"))]):
    try:
        app(args)
    except SystemExit as done:
        assert not done.code, (args, done.code)
from intex.ingest.feeds import parse_feed
parse_feed(b'<rss version="2.0"><channel><title>t</title><item><title>a</title>'
           b'<link>http://127.0.0.1/a</link></item></channel></rss>', "http://127.0.0.1/f")
from intex.service import open_ledger
from intex.taxii.app import create_app as taxii
from intex.web import create_app as web
store = open_ledger("sqlite:///" + DB)
web(store, others={"/taxii2": taxii(store)})
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def runtime_closure() -> set[str]:
    """intex and every distribution its requirements bring, extras included as asked."""
    seen: set[tuple[str, str]] = set()
    todo = [("intex", "")]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:  # a requirement for another platform
            continue
        for line in requires:
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate({"extra": extra}):
                continue
            dep = canonicalize_name(req.name)
            todo.append((dep, ""))
            todo.extend((dep, e) for e in req.extras)
    return {name for name, _ in seen}


def runtime_site(folder: Path) -> Path:
    """A folder of links to the installed files of intex's runtime requirements."""
    closure = runtime_closure()
    folder.mkdir()
    for dist in metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name not in closure:
            continue
        for top in {Path(f).parts[0] for f in dist.files or ()}:
            if name == "intex" and not top.endswith(".dist-info"):
                continue  # its code comes from src/, not the editable install's hooks
            source = Path(str(dist.locate_file(top)))
            if top != ".." and source.exists() and not (folder / top).exists():
                (folder / top).symlink_to(source)
    return folder


def test_intex_runs_with_only_its_runtime_requirements_installed(tmp_path):
    site = runtime_site(tmp_path / "site")
    assert (site / "trafilatura").exists() and not (site / "pytest").exists()
    code = (f"DB, HTML, TEXT = {str(tmp_path / 'p.db')!r}, {str(HTML)!r}, {str(TEXT)!r}\n"
            f"SITE, SRC = {str(site)!r}, {str(ROOT / 'src')!r}\n" + RUN)
    out = subprocess.run([sys.executable, "-I", "-S", "-c", code], capture_output=True,
                         text=True, timeout=600, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    imported = json.loads(out.stdout.strip().splitlines()[-1])
    assert "trafilatura" in imported and "fastapi" in imported and "pytest" not in imported
