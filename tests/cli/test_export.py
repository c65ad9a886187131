"""`intex export` on a real ledger: valid STIX 2.1, official TLP 2.0 ids, byte-stable."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from stix2validator import ValidationOptions, validate_instance

INTEX = [sys.executable, "-m", "intex"]
TLP_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
TLP_RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"


def run(*args: str, db):
    return subprocess.run([*INTEX, *args], capture_output=True, timeout=300,
                          env=dict(os.environ, INTEX_DB=str(db)))


def test_export_is_valid_marked_and_stable(tmp_path, seed_bytes):
    (tmp_path / "seed.txt").write_bytes(seed_bytes)
    db = tmp_path / "l.db"
    assert run("ingest", str(tmp_path / "seed.txt"), "-q", "--tlp", "amber", "--rel",
               "UKR,KOR", db=db).returncode == 0
    out = tmp_path / "b.json"
    assert run("export", "-o", str(out), db=db).returncode == 0
    bundle = json.loads(out.read_text())
    result = validate_instance(bundle, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    by_type: dict[str, list[dict]] = {}
    for o in bundle["objects"]:
        by_type.setdefault(o["type"], []).append(o)
    claims = by_type["attributed-claim"]
    assert {c["value"] for c in claims} == {3000, 12000, 10000, 11000}
    report = by_type["report"][0]
    assert TLP_AMBER in report["object_marking_refs"]
    statements = [m for m in by_type["marking-definition"]
                  if m.get("definition_type") == "statement"]
    assert statements and "REL TO KOR, UKR" in statements[0]["definition"]["statement"]
    assert TLP_RED not in json.dumps(bundle)
    again = tmp_path / "b2.json"
    run("export", "-o", str(again), db=db)
    assert again.read_bytes() == out.read_bytes()


def test_a_correction_flows_into_the_export(tmp_path, seed_bytes):
    (tmp_path / "seed.txt").write_bytes(seed_bytes)
    db = tmp_path / "l.db"
    run("ingest", str(tmp_path / "seed.txt"), "-q", db=db)
    row = json.loads(run("claims", "--status", "sent", "--format", "json", db=db).stdout)[0]
    before = json.loads(run("export", "--status", "sent", db=db).stdout)
    assert run("review", row["id"], "correct", "--value", "3500", db=db).returncode == 0
    after = json.loads(run("export", "--status", "sent", db=db).stdout)
    old = next(o for o in before["objects"] if o["type"] == "attributed-claim")
    new = next(o for o in after["objects"] if o["type"] == "attributed-claim")
    assert new["id"] == old["id"] and new["value"] == 3500 and new["modified"] > old["modified"]


def test_a_claim_marked_red_in_a_green_report_is_granularly_marked(tmp_path, seed_bytes):
    (tmp_path / "seed.txt").write_bytes(seed_bytes)
    db = tmp_path / "l.db"
    run("ingest", str(tmp_path / "seed.txt"), "-q", "--tlp", "green", db=db)
    row = json.loads(run("claims", "--status", "training", "--format", "json", db=db).stdout)[0]
    out = run("mark", row["id"], "--tlp", "red", db=db)
    assert out.returncode == 0 and b"TLP:RED" in out.stdout
    bundle = json.loads(run("export", db=db).stdout)
    claim = next(o for o in bundle["objects"] if o["type"] == "attributed-claim"
                 and o["value"] == 11000)
    assert TLP_RED in claim["object_marking_refs"]
    report = next(o for o in bundle["objects"] if o["type"] == "report")
    assert any(TLP_RED in g["marking_ref"] for g in report.get("granular_markings", []))
    assert run("mark", "claim--nope", "--tlp", "red", db=db).returncode == 2
    bad = run("mark", row["id"], "--tlp", "purple", db=db)
    assert bad.returncode != 0 and b"purple" in bad.stderr


def test_partner_add_prints_credentials_once_and_red_is_never_agreed(tmp_path):
    db = tmp_path / "l.db"
    secret = tmp_path / "s.txt"
    secret.write_text("seoul-password-123\n")
    out = run("partner", "add", "seoul", "--tlp", "amber", "--rel", "KOR", "--secret-file",
              str(secret), db=db)
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "user name: seoul" in text and "API key:" in text and "seoul-password" not in text
    assert b"seoul" in run("partner", "list", db=db).stdout
    red = run("partner", "add", "rogue", "--tlp", "red", db=db)
    assert red.returncode == 2 and b"never shared" in red.stderr
    assert run("partner", "revoke", "seoul", db=db).returncode == 0
    assert b"revoked" in run("partner", "list", db=db).stdout


def test_export_profile_misp_reaches_misp_with_every_claim(tmp_path, seed_bytes):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportWarning)
        from misp_stix_converter import ExternalSTIX2toMISPParser
        from misp_stix_converter.tools import load_stix2_content

    (tmp_path / "seed.txt").write_bytes(seed_bytes)
    db = tmp_path / "l.db"
    assert run("ingest", str(tmp_path / "seed.txt"), "-q", "--tlp", "green", db=db).returncode == 0
    out = run("export", "--profile", "misp", db=db)
    assert out.returncode == 0, out.stderr
    parser = ExternalSTIX2toMISPParser()
    parser.load_stix_bundle(load_stix2_content(out.stdout.decode()))
    parser.parse_stix_bundle(single_event=True)
    assert not any(parser.errors.values()) and not any(parser.warnings.values())
    event = json.loads(parser.misp_event.to_json())
    notes = " ".join(n["note"] for n in event["Note"])
    claims = json.loads(run("claims", "--all", "--format", "json", db=db).stdout)
    assert claims
    for c in claims:
        assert f"{int(c['value']):,}" in notes and c["evidence"]["text"] in notes
    bad = run("export", "--profile", "openioc", db=db)
    assert bad.returncode != 0 and b"openioc" in bad.stderr
