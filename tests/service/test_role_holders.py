"""A role phrase names whoever held the office on the report's date, however the reports
arrive: ingested one way round or the other, on real SQLite and PostgreSQL ledgers."""

from __future__ import annotations

from datetime import date

import pytest

from intex import service
from intex.pipeline import Doc, build_pipeline
from intex.store import ClaimFilter, open_store


def page(day: str, body: str) -> bytes:
    return (f'<html><head><title>Defence update</title><meta property="article:published_time" '
            f'content="{day}T09:00:00Z"></head><body><article><h1>Defence update</h1>'
            f"<p>{body}</p></article></body></html>").encode()


TROOPS = ("LONDON - The British Defence Secretary said on Monday that 5,000 British troops "
          "would be sent to Estonia next year, the UK government said.")


@pytest.mark.parametrize("order", [("2022", "2025"), ("2025", "2022")])
def test_a_2022_report_names_wallace_and_a_2025_one_healey_in_either_order(
        db_url, tmp_path, order):
    files = {"2022": tmp_path / "old.html", "2025": tmp_path / "new.html"}
    files["2022"].write_bytes(page("2022-06-01", TROOPS))
    files["2025"].write_bytes(page("2025-06-01", TROOPS.replace("5,000", "6,000")))
    store = open_store(db_url)
    for year in order:  # one ingest run per report, in this order
        events = list(service.ingest(store, [str(files[year])]))
        assert [e.error for e in events] == [None]
    sources = {r.claim.value: {s.name for s in r.claim.sources}
               for r in service.ledger(store, ClaimFilter())}
    assert "Ben Wallace" in sources[5000] and "John Healey" not in sources[5000]
    assert "John Healey" in sources[6000] and "Ben Wallace" not in sources[6000]


def people(text: str, published: date | None) -> set[str]:
    stages = ("intex.clean.v1", "intex.language.v1", "intex.sentences.v1",
              "intex.entities.gazetteer.v1")
    doc = build_pipeline(stages)(Doc(raw=text, published=published))
    return {e.name for e in doc.entities.values() if e.type == "PERSON"}


def test_an_undated_report_names_the_holder_now():
    assert people("London\n\n" + TROOPS, None) == {"John Healey"}


def test_a_role_before_its_holders_name_is_theirs_whatever_the_date():
    text = ("London\n\nFormer British Defence Secretary Ben Wallace said 5,000 troops were "
            "needed, the UK government said.")
    assert people(text, date(2025, 6, 1)) == {"Ben Wallace"}


def test_an_office_no_listed_person_held_that_day_is_left_unresolved():
    text = ("Seoul\n\nSouth Korea's Defence Minister said 2,000 troops took part in the drill "
            "in South Korea.")
    assert people(text, date(2024, 3, 1)) == {"Shin Won-sik"}
    assert people(text, date(2025, 3, 1)) == set()  # an acting minister then, not listed
