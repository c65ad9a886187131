"""Migrations 0014 (subjects) and 0015 (evidence as offsets) on a ledger that already
holds claims: every claim is found by the same questions and reads back the same
evidence afterwards, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from intex.store import ClaimFilter, open_store
from intex.store import schema as t
from intex.store.postgres import driver_url

TEXT = ("Kyiv said 1,200 drones were shot down. Seoul put North Korean troops at 11,000. "
        "Über 300 Soldaten wurden verwundet.")


def _upgrade(url: str, to: str) -> None:
    engine = create_engine(driver_url(url))
    if engine.dialect.name == "postgresql":  # the test database comes migrated: empty it
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("intex.store") / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, to)
    engine.dispose()


def _cut(part: str) -> tuple[int, int, str]:
    start = TEXT.index(part)
    return start, start + len(part), part


def _report(text_: str) -> dict[str, object]:
    """report--1, holding ``text_``, as a row of the reports table."""
    return {"id": "report--1", "content_hash": "h", "url": None, "title": "T",
            "published": date(2024, 10, 1), "language": "en", "site": None,
            "source_name": None, "format": "text", "text": text_, "extractor": "t",
            "ingested_at": datetime(2024, 10, 1, tzinfo=UTC), "tlp": "CLEAR",
            "releasable_to": None, "cluster_id": "report--1", "fingerprint": "",
            "raw": None, "raw_format": None, "partner": None}


def _claim(n: int, subject: str | None, unit: str | None, evidence: tuple[int, int, str],
           ) -> dict[str, object]:
    start, end, quote = evidence
    return {"id": f"claim--{n}", "report_id": "report--1", "value": float(n), "value_max": None,
            "approx": False, "unit": unit, "subject": subject, "status": "other",
            "location": None, "date": None, "modality": "asserted", "evidence_start": start,
            "evidence_end": end, "evidence": quote, "vague": False, "extractor": "t",
            "origin": f"o{n}", "tlp": None, "releasable_to": None, "partner": None}


def test_claims_held_before_0014_are_found_and_quoted_the_same(db_url):
    _upgrade(db_url, "0013")
    claims = [
        _claim(1, "drones", "drones", _cut("1,200 drones were shot down")),
        _claim(2, "North Korean troops", "troops", _cut("North Korean troops at 11,000")),
        _claim(3, None, "Soldaten", _cut("Über 300 Soldaten wurden verwundet")),
        _claim(4, "North Korean troops", "troops", (0, 5, "a partner's own quote")),
        _claim(5, "drones", "drones", _cut("Kyiv said")),
    ]
    engine = create_engine(driver_url(db_url))
    with engine.begin() as conn:
        conn.execute(t.reports.insert(), _report(TEXT))
        conn.execute(t.claims.insert(), claims)
    engine.dispose()

    store = open_store(db_url)  # migrates to head: 0014, 0015, 0016
    def found(**kw: object) -> list[str]:
        return sorted(r.claim.id or "" for r in store.claims(ClaimFilter(fold=False, **kw)))

    assert found(subject="drones") == ["claim--1", "claim--5"]
    assert found(subject="korean troops") == ["claim--2", "claim--4"]
    assert found(subject_terms=(("soldaten", "troops"),)) == ["claim--2", "claim--3",
                                                               "claim--4"]
    assert found(subject="nothing") == []
    quotes = {r.claim.id: r.claim.evidence for r in store.claims(ClaimFilter(fold=False))}
    for c in claims:
        span = quotes[str(c["id"])]
        assert (span.start, span.end, span.text) == (
            c["evidence_start"], c["evidence_end"], c["evidence"])
    with store.engine.connect() as conn:
        kept = dict(conn.execute(text("SELECT id, evidence FROM claims")).all())
        pairs = conn.execute(text("SELECT count(*) FROM subjects")).scalar_one()
    # the copies the report's text holds are gone; the partner's own quote stays
    assert kept == {"claim--1": "", "claim--2": "", "claim--3": "",
                    "claim--4": "a partner's own quote", "claim--5": ""}
    assert pairs == 3  # (drones, drones), (North Korean troops, troops), ("", Soldaten)
    exported = {c.id: c.evidence.text for c, *_ in store.export_rows().claims}
    assert exported == {c["id"]: c["evidence"] for c in claims}


def test_new_claims_keep_offsets_and_a_reread_keeps_reviewed_quotes(db_url):
    from dataclasses import replace

    from intex import service
    from intex.extraction import run as extract_run
    from intex.model import ReviewState
    from intex.service import default_pipeline

    report = ("Air Force: 1,200 drones shot down\n\nKYIV - Ukraine's air defence units shot "
              "down 1,200 attack drones over the past week, the Air Force said on Sunday.\n")
    ex = service.extract_bytes(report.encode(), name="a.txt")
    store = open_store(db_url)
    store.add(ex, extractor="old")
    rows = store.claims(ClaimFilter(fold=False))
    assert rows and [r.claim.evidence for r in rows] == [
        c.evidence for c in sorted(ex.claims, key=lambda c: c.evidence.start)][:len(rows)]
    with store.engine.connect() as conn:
        assert {e for (e,) in conn.execute(text("SELECT evidence FROM claims"))} == {""}
    kept = rows[0].claim
    store.review(kept.id or "", ReviewState.ACCEPTED)

    def rerun(raw, fmt, doc):  # a newer extractor that reads the text differently
        got = extract_run(default_pipeline(), "Preface.\n\n" + raw, format=fmt,
                          report_id=doc.id)
        return replace(got, document=replace(got.document, id=doc.id))

    list(store.reextract(rerun, extractor="new"))
    (again,) = [r for r in store.claims(ClaimFilter(fold=False)) if r.claim.id == kept.id]
    assert again.claim.evidence == kept.evidence


def test_a_folded_page_keeps_the_claim_the_ledger_keeps_for_each_reader(db_url):
    """The page's SQL folding (an earlier echo among the selected claims folds a claim
    away) keeps, for every reader, the claims the ledger's own folding keeps."""
    from intex import service
    from intex.model import TLP, Marking
    from intex.store.sight import Sight

    report = ("Ministry: 1,200 drones shot down this week\n\nKYIV - Ukraine's air defence "
              "units shot down 1,200 attack drones over the past week, the Air Force said "
              "on Sunday, adding that Russia had launched 1,450 drones in total.\n")
    copy = report.replace("KYIV -", "KYIV (Agency) -") + "\nThis story was updated.\n"
    store = open_store(db_url)
    for text_, name, tlp in ((report, "a.txt", TLP.AMBER), (copy, "b.txt", TLP.GREEN)):
        store.add(service.extract_bytes(text_.encode(), name=name), extractor="t",
                  marking=Marking(tlp))
    for sight in (None, Sight(frozenset({TLP.CLEAR, TLP.GREEN})),
                  Sight(frozenset(TLP))):
        f = ClaimFilter(sight=sight)
        want = [r.claim.id for r in store.claims(f)]
        got = store.page(f)
        assert [r.claim.id for r in got.rows] == want and got.total == len(want)
        assert all(r.repeats == (1 if sight and TLP.AMBER not in sight.levels else 2)
                   for r in got.rows)


def test_0019_copies_far_quotes_and_keeps_each_claims_first_source(db_url):
    from intex.store.store import READ_BACK

    _upgrade(db_url, "0017")
    filler = "Nothing was counted on this quiet day in the valley. " * (READ_BACK // 50 + 10)
    body = "Kyiv said 1,200 drones were shot down. " + filler + \
        "Seoul put North Korean troops at 11,000."
    near = (0, 38, body[:38])
    far_at = body.index("North Korean troops at 11,000")
    far = (far_at, far_at + 29, body[far_at:far_at + 29])
    assert far[0] > READ_BACK and near[1] <= READ_BACK
    claims = [dict(_claim(1, "drones", "drones", near), evidence="", at="2024-10-01"),
              dict(_claim(2, "North Korean troops", "troops", far), evidence="",
                   at="2024-10-01"),
              dict(_claim(3, "tanks", "tanks", near), evidence="", at="2024-10-01")]
    engine = create_engine(driver_url(db_url))
    with engine.begin() as conn:
        conn.execute(t.reports.insert(), _report(body))
        conn.execute(text("INSERT INTO claims (id, report_id, value, value_max, approx, unit, "
                          "subject, status, location, date, modality, evidence_start, "
                          "evidence_end, evidence, vague, extractor, origin, tlp, "
                          "releasable_to, partner, at) VALUES (:id, :report_id, :value, "
                          ":value_max, :approx, :unit, :subject, :status, :location, :date, "
                          ":modality, :evidence_start, :evidence_end, :evidence, :vague, "
                          ":extractor, :origin, :tlp, :releasable_to, :partner, :at)"), claims)
        conn.execute(t.claim_sources.insert(), [
            {"claim_id": "claim--1", "position": 1, "name": "Zed", "entity_id": None,
             "kind": None},
            {"claim_id": "claim--1", "position": 0, "name": "Air Force", "entity_id": None,
             "kind": None},
            {"claim_id": "claim--2", "position": 0, "name": "NIS", "entity_id": None,
             "kind": None}])
    engine.dispose()

    store = open_store(db_url)  # migrates to head: 0019
    with store.engine.connect() as conn:
        kept = dict(conn.execute(text("SELECT id, evidence FROM claims")).all())
        firsts = dict(conn.execute(text("SELECT id, first_source FROM claims")).all())
    assert kept == {"claim--1": "", "claim--2": far[2], "claim--3": ""}
    assert firsts == {"claim--1": "air force", "claim--2": "nis", "claim--3": "~"}
    quotes = {r.claim.id: r.claim.evidence.text for r in store.claims(ClaimFilter(fold=False))}
    assert quotes == {"claim--1": near[2], "claim--2": far[2], "claim--3": near[2]}
    by_source = store.page(ClaimFilter(fold=False), sort="source")
    assert [r.claim.id for r in by_source.rows] == ["claim--1", "claim--2", "claim--3"]


def test_quotes_far_into_a_report_keep_a_copy_and_read_back_the_same(db_url):
    from intex import service
    from intex.store.store import READ_BACK

    filler = "Nothing was counted on this quiet day in the valley. " * (READ_BACK // 50 + 10)
    report = ("Drones\n\nThe Air Force said 1,200 drones were shot down on Monday. " + filler
              + "The Air Force said 300 tanks were destroyed on Tuesday.\n")
    ex = service.extract_bytes(report.encode(), name="long.txt")
    assert {c.value for c in ex.claims} >= {1200.0, 300.0}
    store = open_store(db_url)
    store.add(ex, extractor="t")
    with store.engine.connect() as conn:
        stored = {row.value: (row.evidence, row.evidence_end) for row in conn.execute(
            text("SELECT value, evidence, evidence_end FROM claims"))}
    assert stored[1200.0][0] == "" and stored[1200.0][1] <= READ_BACK
    assert stored[300.0][0] != "" and stored[300.0][1] > READ_BACK
    got = {r.claim.value: r.claim.evidence for r in store.claims(ClaimFilter(fold=False))}
    assert got == {c.value: c.evidence for c in ex.claims}
