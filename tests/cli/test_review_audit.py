"""`intex review`, `mark`, `partner` and `export` go through the web's use cases: the same
checks of a correction, the reviewer and time recorded, corrections that hold through
re-extraction and go into every export, and an audit entry for each change (and each
export), marked with what it concerns, so that an admin cleared below it never reads it."""

from __future__ import annotations

import json

from intex import service
from intex.model import TLP, Role, User
from tests.cli.test_cli import run

ADMIN = User("adm", Role.ADMIN, TLP.AMBER_STRICT)
GREEN_ADMIN = User("gad", Role.ADMIN, TLP.GREEN)


def entries(db, user: User) -> list[dict[str, object]]:  # noqa: ANN001
    store = service.open_ledger(db if "://" in str(db) else f"sqlite:///{db}")
    try:
        got = service.audit_log(store, user, limit=1000)
        assert got.total == len(got.entries)
        return [{"action": e.action, "actor": e.actor, "subject": e.subject,
                 "detail": e.detail, "marking": e.marking.label() if e.marking else None}
                for e in reversed(got.entries)]  # oldest first
    finally:
        store.close()


def test_cli_review_is_the_webs_review(tmp_path, seed_bytes, new_db):
    db = new_db()  # SQLite, then PostgreSQL
    src = tmp_path / "seed.txt"
    src.write_bytes(seed_bytes)
    assert run("ingest", str(src), "-q", env_db=db).returncode == 0
    rows = json.loads(run("claims", "--format", "json", "--all", env_db=db).stdout)
    sent = next(r for r in rows if r["status"] == "sent")
    other = next(r for r in rows if r["id"] != sent["id"])
    cid = sent["id"]

    # the web's rule for a correction, named, and nothing stored
    for bad, words in ((["--date", "2024-02-30"], "date: not a date"),
                       (["--date", "last week"], "date: not a date"),
                       (["--value", "-5"], "value: not a number of zero or more"),
                       (["--value", "900", "--value-max", "100"], "value_max: below value"),
                       (["--status", "vaporised"], "status: not one of the ledger's statuses")):
        out = run("review", cid, "correct", *bad, env_db=db)
        assert out.returncode == 2 and words.encode() in out.stderr, out.stderr
    store = service.open_ledger(db if "://" in str(db) else f"sqlite:///{db}")
    assert store.reviews([cid]) == {}
    store.close()
    [ingested] = entries(db, ADMIN)  # the ingest only: nothing refused is logged
    assert ingested["action"] == "report.ingested" and ingested["subject"].endswith("seed.txt")
    assert ingested["actor"].startswith("cli") and ingested["marking"] == "TLP:CLEAR"

    # the claim is AMBER from now on: the review's entry carries that
    marked = run("mark", cid, "--tlp", "amber", env_db=db)
    assert marked.returncode == 0, marked.stderr
    out = run("review", cid, "correct", "--value", "3500", "--source", "NIS",
              "--date", "2024-10-18", "--reviewer", "kim", "--note", "NIS briefing", env_db=db)
    assert out.returncode == 0, out.stderr
    assert run("review", other["id"], "accept", env_db=db).returncode == 0

    # read again from the stored text: the correction holds, with who and when
    assert run("reextract", "--all", env_db=db).returncode == 0
    after = {r["id"]: r for r in json.loads(
        run("claims", "--format", "json", "--all", env_db=db).stdout)}
    row = after[cid]
    assert row["review"] == "corrected" and row["value"] == 3500
    assert row["sources"] == ["NIS"] and row["date"] == "2024-10-18"
    store = service.open_ledger(db if "://" in str(db) else f"sqlite:///{db}")
    review = store.reviews([cid])[cid]
    assert review.reviewer == "kim" and review.at is not None and review.note == "NIS briefing"
    store.close()

    # and into the export, as the web's export has it
    out = run("export", "--status", "sent", env_db=db)
    assert out.returncode == 0, out.stderr
    (claim,) = [o for o in json.loads(out.stdout)["objects"]
                if o["type"] == "attributed-claim"]
    assert claim["value"] == 3500 and claim["status"] == "sent"
    assert "NIS" in json.dumps(claim)

    log = entries(db, ADMIN)
    assert [e["action"] for e in log] == ["report.ingested", "claim.marked", "claim.reviewed",
                                          "claim.reviewed", "export.stix"]
    _, mark, fixed, accepted, export = log
    assert mark["subject"] == cid and mark["actor"] is None
    assert mark["detail"] == "TLP:CLEAR → TLP:AMBER" and mark["marking"] == "TLP:AMBER"
    assert fixed["subject"] == cid and fixed["marking"] == "TLP:AMBER"
    assert fixed["detail"].startswith("corrected {") and "(reviewer kim)" in fixed["detail"]
    assert json.loads(fixed["detail"][len("corrected "):fixed["detail"].index(" (")]) == {
        "value": 3500.0, "sources": ["NIS"], "date": "2024-10-18"}
    assert accepted["subject"] == other["id"] and accepted["marking"] == "TLP:CLEAR"
    assert export["subject"] == "--status sent" and export["actor"] is None
    # an admin cleared for GREEN reads only what concerns what they may see
    assert [e["subject"] for e in entries(db, GREEN_ADMIN)] == [
        ingested["subject"], other["id"], "--status sent"]
    assert cid not in json.dumps(entries(db, GREEN_ADMIN))


def test_cli_partner_changes_and_exports_for_a_partner_are_audited(tmp_path, seed_bytes,
                                                                      new_db):
    db = new_db()
    src = tmp_path / "seed.txt"
    src.write_bytes(seed_bytes)
    assert run("ingest", str(src), "-q", env_db=db).returncode == 0
    added = run("partner", "add", "kr-node", "--tlp", "green", "--rel", "KOR", env_db=db)
    assert added.returncode == 0, added.stderr
    out = run("export", "--for", "kr-node", "--profile", "misp", env_db=db)
    assert out.returncode == 0, out.stderr
    assert run("partner", "revoke", "kr-node", env_db=db).returncode == 0
    assert run("source", "mark", "--site", "example.org", "--tlp", "amber",
               env_db=db).returncode == 0
    ingested, *log = entries(db, ADMIN)
    assert ingested["action"] == "report.ingested" and ingested["actor"].startswith("cli")
    assert [(e["action"], e["subject"]) for e in log] == [
        ("partner.added", "kr-node"), ("export.stix", "the whole ledger"),
        ("partner.revoked", "kr-node"), ("source.marked", "site example.org")]
    assert log[0]["detail"] == "up to TLP:GREEN, countries KOR"
    assert log[1]["detail"] == "for partner kr-node, misp profile"
    assert all(e["actor"] is None for e in log)
    assert log[3]["marking"] == "TLP:AMBER"  # what the site's reports will be
    assert ("source.marked", "site example.org") not in [
        (e["action"], e["subject"]) for e in entries(db, GREEN_ADMIN)]
