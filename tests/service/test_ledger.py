"""The use cases the CLI, web and TAXII share, on real SQLite and PostgreSQL ledgers."""

from intex import service
from intex.store import ClaimFilter, open_store

REPORTS = [
    "Seoul update\n\nOn Monday the spy agency said about 3,000 soldiers from North Korea had "
    "arrived in Russia, the NIS told lawmakers.",
    "Kyiv update\n\nUkraine's military intelligence said 11,000 North Korean infantrymen were "
    "training in eastern Russia.",
    "Aid update\n\nGermany said it would send 40 air defence missiles to Ukraine.",
]


def test_a_question_about_troops_finds_soldiers_and_infantrymen(db_url):
    store = open_store(db_url)
    for i, text in enumerate(REPORTS):
        store.add(service.extract_bytes(text.encode(), name=f"r{i}"), extractor="t")
    rows = service.ledger(store, ClaimFilter(subject="North Korean troops"))
    assert sorted(r.claim.value for r in rows) == [3000, 11000]
    assert service.ledger(store, ClaimFilter(subject="North Korean missiles")) == []


def test_subject_terms_fold_demonyms_and_synonyms():
    terms = service.subject_terms("North Korean troops")
    assert len(terms) == 2
    assert "north korea" in terms[0] and "north korean" in terms[0]
    assert "soldiers" in terms[1] and "infantrymen" in terms[1]


def test_publish_keeps_the_ledger_as_marked_stix_objects_once(db_url):
    from sqlalchemy import text

    from intex.model import TLP, Marking

    store = open_store(db_url)
    ex = service.extract_bytes(REPORTS[0].encode(), name="r0")
    store.add(ex, extractor="t", marking=Marking(TLP.AMBER, ("KOR",)))
    new, held = service.publish(store)
    assert new > 0 and held == 0
    assert service.publish(store) == (0, new)  # an unchanged ledger adds nothing
    with store.engine.connect() as conn:
        rows = conn.execute(text("select type, tlp, releasable_to from stix_objects "
                                 "where type = 'attributed-claim'")).all()
    assert {tuple(r) for r in rows} == {("attributed-claim", "AMBER", "KOR")}
