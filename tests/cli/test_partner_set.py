"""``intex partner set``: a changed agreement, made by a real process, is what the partner
gets on its next request to a real TAXII server (the official client, on loopback), the
old agreement's served forms go, and the audit log keeps old and new side by side."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import select
from taxii2client.v21 import Collection

from intex import service
from intex.model import TLP, Marking, Partner
from intex.store import schema as t
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from tests.taxii.conftest import live_server

pytestmark = pytest.mark.network
INTEX = [sys.executable, "-m", "intex"]
PASSWORD = "a long enough partner password"


def run(*args: str, db: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*INTEX, *args], capture_output=True, timeout=120,
                          env=dict(os.environ, INTEX_DB=db))


def org(name: str) -> dict:
    return {"type": "identity", "id": f"identity--{uuid.uuid4()}", "spec_version": "2.1",
            "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
            "name": name}


def test_a_changed_agreement_is_exactly_what_the_next_request_sees(db_url, tmp_path):
    store = service.open_ledger(db_url)
    marks = {"green": Marking(TLP.GREEN), "amber": Marking(TLP.AMBER),
             "amber-kor": Marking(TLP.AMBER, ("KOR",)), "amber-jpn": Marking(TLP.AMBER, ("JPN",)),
             "red": Marking(TLP.RED)}
    objs = {name: org(name) for name in marks}
    store.keep_stix(list(objs.values()), partner=None,
                    markings={objs[n]["id"]: m for n, m in marks.items()})
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n")
    added = run("partner", "add", "seoul", "--tlp", "amber", "--rel", "KOR",
                "--secret-file", str(secret), db=db_url)
    assert added.returncode == 0, added.stderr

    with live_server(create_app(store)) as live:
        url = f"{live.url}/taxii2/intex/collections/{COLLECTION_ID}/"

        def seen() -> set[str]:
            got = Collection(url, user="seoul", password=PASSWORD).get_objects()
            by_id = {o["id"]: n for n, o in objs.items()}
            return {by_id[o["id"]] for o in got.get("objects", [])}

        assert seen() == {"green", "amber", "amber-kor"}
        old = Partner("seoul", TLP.AMBER, ("KOR",)).audience
        with store.engine.connect() as conn:
            assert old in set(conn.execute(select(t.served_audiences.c.audience)).scalars())

        changed = run("partner", "set", "seoul", "--tlp", "green", "--rel", "jpn", db=db_url)
        assert changed.returncode == 0, changed.stderr
        assert b"up to TLP:GREEN, countries JPN" in changed.stdout
        with store.engine.connect() as conn:  # the old agreement's forms went at once
            assert old not in set(conn.execute(select(t.served_audiences.c.audience)).scalars())
            assert not conn.execute(select(t.served_forms.c.audience).where(
                t.served_forms.c.audience == old)).first()
        assert seen() == {"green"}  # same password: the credentials stayed

        raised = run("partner", "set", "seoul", "--tlp", "amber", db=db_url)  # keeps JPN
        assert raised.returncode == 0, raised.stderr
        assert seen() == {"green", "amber", "amber-jpn"}

    entries = [e for e in store.audit.entries(sight=None, action="partner.changed",
                                              actor=None, offset=0, limit=10)[1]]
    assert [e.detail for e in reversed(entries)] == [
        "up to TLP:AMBER, countries KOR → up to TLP:GREEN, countries JPN",
        "up to TLP:GREEN, countries JPN → up to TLP:AMBER, countries JPN"]
    assert all(e.subject == "seoul" and e.actor is None for e in entries)


def test_red_is_refused_and_an_unknown_or_revoked_partner_named(db_url):
    store = service.open_ledger(db_url)
    service.add_partner(store, Partner("tokyo", TLP.GREEN, ("JPN",)))
    red = run("partner", "set", "tokyo", "--tlp", "red", db=db_url)
    assert red.returncode != 0 and b"TLP:RED is never shared" in red.stderr
    unknown = run("partner", "set", "osaka", "--tlp", "amber", db=db_url)
    assert unknown.returncode != 0 and b"osaka" in unknown.stderr
    service.revoke_partner(store, "tokyo")
    revoked = run("partner", "set", "tokyo", "--tlp", "amber", db=db_url)
    assert revoked.returncode != 0 and b"revoked" in revoked.stderr
    assert store.partners.get("tokyo").max_tlp is TLP.GREEN
