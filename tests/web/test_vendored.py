"""The vendored chart libraries are the files VENDORED.md pins: same hash, license
beside each, and every script in vendor/ accounted for in README.md or VENDORED.md."""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

VENDOR = Path(str(resources.files("intex.web") / "static" / "vendor"))
ROW = re.compile(r"^\| (\S+\.js) \| (\S+) .*?\| ([\d.]+) \| ([0-9a-f]{64}) \| "
                 r".*?(\S+\.LICENSE) \|$")


def test_vendored_files_match_their_pinned_hashes_and_licenses():
    rows = [ROW.match(line) for line in (VENDOR / "VENDORED.md").read_text().splitlines()]
    found = {m[1]: m for m in rows if m}
    assert set(found) == {"vega.min.js", "vega-lite.min.js", "vega-embed.min.js"}
    for name, m in found.items():
        data = (VENDOR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == m[4], name
        assert (VENDOR / m[5]).read_text().startswith("Copyright"), m[5]
        # the build names its own version (vega's near the end of its bundle)
        assert f'"{m[3]}"'.encode() in data, name


def test_every_vendored_script_is_accounted_for():
    listed = (VENDOR / "VENDORED.md").read_text() + (VENDOR / "README.md").read_text()
    for script in VENDOR.glob("*.js"):
        assert script.name in listed, script.name
