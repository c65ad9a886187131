"""The store's contract, on a real SQLite file and a real PostgreSQL server alike: idempotent
ingest, near-duplicates, reviews, grades, search, migrations."""

from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from intex import service
from intex.errors import NotFound, StoreError
from intex.model import TLP, Marking, ReviewState
from intex.store import ClaimFilter, open_store

REPORT = """Ministry: 1,200 drones shot down this week

KYIV — Ukraine's air defence units shot down 1,200 attack drones over the past week,
the Air Force said on Sunday, adding that Russia had launched 1,450 drones in total.
Officials said the attacks targeted energy facilities in eastern Ukraine.
"""
SYNDICATED = REPORT.replace("KYIV —", "KYIV (Agency) —") + "\nThis story was updated.\n"
OTHER = "Aid\n\nGermany said it would provide 500 million euros in military aid to Ukraine."


#: schema objects only one backend has (SQLite's FTS5 tables, PostgreSQL's tsvector column
#: and trigram indexes), made by the migrations outside schema.py
DIALECT_ONLY = ("reports_fts", "search_tsv", "subjects_fts", "_trgm")


def extract(text: str, name: str):
    return service.extract_bytes(text.encode(), name=name)


def test_same_report_twice_changes_nothing(db_url):
    store = open_store(db_url)
    first = store.add(extract(REPORT, "a.txt"), extractor="t")
    again = store.add(extract(REPORT, "b.txt"), extractor="t")
    assert first.status == "added" and again.status == "unchanged"
    assert again.report_id == first.report_id
    assert store.counts()["reports"] == 1
    assert store.counts()["claims"] == first.claims > 0


def test_syndicated_copy_is_linked_and_counted_as_one_origin(db_url):
    store = open_store(db_url)
    a = store.add(extract(REPORT, "a.txt"), extractor="t")
    b = store.add(extract(SYNDICATED, "b.txt"), extractor="t")
    assert b.status == "added" and b.near_duplicate_of == a.report_id
    assert store.near_duplicates(a.report_id)[0][0] == b.report_id
    folded = store.claims(ClaimFilter(subject="drones"))
    every = store.claims(ClaimFilter(subject="drones", fold=False))
    assert len(every) == 2 * len(folded)
    assert all(r.repeats == 2 for r in folded)


def test_review_survives_and_corrections_show(db_url):
    store = open_store(db_url)
    store.add(extract(OTHER, "o.txt"), extractor="t")
    (row,) = store.claims(ClaimFilter(subject="EUR"))
    store.review(row.claim.id, ReviewState.CORRECTED, reviewer="ana",
                 corrections={"value": 600_000_000})
    (after,) = store.claims(ClaimFilter(subject="EUR"))
    assert after.review == "corrected" and after.claim.value == 600_000_000
    with pytest.raises(NotFound):
        store.review("claim--nope", ReviewState.ACCEPTED)


def test_grades_are_shown_with_claims(db_url):
    store = open_store(db_url)
    store.add(extract(REPORT, "a.txt"), extractor="t")
    store.grade("Air Force (Ukraine)", "b")
    rows = store.claims(ClaimFilter(source="air force"))
    assert rows and rows[0].grades["Air Force (Ukraine)"] == "B"
    with pytest.raises(StoreError):
        store.grade("x", "Z")


def test_full_text_search_and_markings(db_url):
    store = open_store(db_url)
    r = store.add(extract(OTHER, "o.txt"), extractor="t",
                  marking=Marking(TLP.AMBER, ("UKR", "KOR")))
    hits = store.search("military aid")
    assert hits and hits[0][0] == r.report_id
    assert store.search('"; DROP TABLE reports; --') == []
    with store.engine.connect() as conn:
        assert tuple(conn.execute(sql("select tlp, releasable_to from reports")).one()) \
            == ("AMBER", "UKR,KOR")


def test_schema_is_under_migrations(db_url):
    store = open_store(db_url)
    with store.engine.connect() as conn:
        assert conn.execute(sql("select version_num from alembic_version")).scalar_one() \
            >= "0009"
    store.close()
    open_store(db_url)  # opening again migrates nothing and fails nothing


def test_a_refused_report_rolls_back_alone(db_url):
    from dataclasses import replace

    store = open_store(db_url)
    good = extract(REPORT, "good.txt")
    other = extract(OTHER, "other.txt")
    claim = other.claims[0]
    broken = replace(other, claims=(claim, claim))  # the same claim id twice: refused
    results = store.add_many([(good, None), (broken, None)], extractor="t")
    assert results[0].status == "added"
    assert isinstance(results[1], StoreError) and "other.txt" in str(results[1])
    counts = store.counts()
    assert counts["reports"] == 1 and counts["claims"] == len(good.claims)


def test_migrations_match_the_declared_schema(db_url):
    """A change to schema.py without a new migration revision fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from intex.store.schema import metadata

    store = open_store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # the full-text index of each backend is made outside schema.py, by the migrations
    assert [d for d in diff if not any(n in repr(d) for n in DIALECT_ONLY)] == []


def test_reextract_replaces_auto_claims_and_keeps_reviewed_ones(db_url):
    from intex.extraction import run as extract_run
    from intex.service import default_pipeline

    store = open_store(db_url)
    store.add(extract(REPORT, "a.txt"), extractor="old")
    rows = store.claims(ClaimFilter(fold=False))
    kept = rows[0].claim.id
    store.review(kept, ReviewState.CORRECTED, corrections={"status": "destroyed"})

    def rerun(raw, fmt, doc):
        return extract_run(default_pipeline(), raw, format=fmt, report_id=doc.id)

    done = list(store.reextract(rerun, extractor="new"))
    assert [rid for rid, _ in done] == [rows[0].report_id]
    after = store.claims(ClaimFilter(fold=False))
    assert {r.claim.id for r in after} == {r.claim.id for r in rows}  # same ids: same claims
    assert next(r for r in after if r.claim.id == kept).claim.status == "destroyed"
    assert list(store.reextract(rerun, extractor="new")) == []  # nothing left outdated


def test_one_briefing_retold_in_other_words_is_one_origin(db_url):
    store = open_store(db_url)
    a = "Seoul\n\nThe NIS said 3,000 North Korean troops were sent to Russia on Monday."
    b = "Briefing\n\nNorth Korea sent 3,000 soldiers to Russia, the NIS said, citing satellites."
    store.add(extract(a, "a.txt"), extractor="t")
    store.add(extract(b, "b.txt"), extractor="t")
    rows = store.claims(ClaimFilter(fold=True))
    assert len(rows) == 1 and rows[0].repeats == 2


def test_reports_in_other_scripts_are_stored_and_searchable(db_url):
    store = open_store(db_url)
    text = ("Атака дронів\n\nУ ніч на вівторок сили ППО збили 42 ударні дрони над Київщиною, "
            "повідомили в Повітряних силах.")
    r = store.add(extract(text, "uk.txt"), extractor="t")
    assert store.report(r.report_id).language == "uk"
    assert store.search("дрони")[0][0] == r.report_id


def test_claims_are_found_by_any_part_of_their_subject(db_url):
    """Through the trigram index (terms of 3+ characters) and without it (shorter ones)."""
    store = open_store(db_url)
    store.add(extract(REPORT, "a.txt"), extractor="t")
    store.add(extract(OTHER, "o.txt"), extractor="t")
    every = store.claims(ClaimFilter(fold=False))

    def about(*words: str) -> set[str]:
        return {r.claim.id for r in every if any(
            w in f"{r.claim.subject or ''} {r.claim.unit or ''}".lower() for w in words)}

    drones = store.claims(ClaimFilter(subject="DRON", fold=False))
    assert {r.claim.id for r in drones} == about("dron") != set()
    short = store.claims(ClaimFilter(subject_terms=(("eu", "dron"),), fold=False))
    assert {r.claim.id for r in short} == about("eu", "dron") > about("dron")
    both = store.claims(ClaimFilter(subject_terms=(("dron",), ("eu",)), fold=False))
    assert {r.claim.id for r in both} == about("dron") & about("eu")
    assert store.claims(ClaimFilter(subject="zeppelins")) == []
