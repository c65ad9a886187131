"""Entity pages, and an analyst's merges and splits, on a real SQLite file: they apply at
once, to reports stored later, and survive re-extraction."""

from __future__ import annotations

import pytest

from intex import service
from intex.errors import NotFound, StoreError
from intex.model import TLP, Marking, User
from intex.store import open_store
from tests.web_ledger import build

ZELENSKY = "person:volodymyr-zelensky"
BUDANOV = "person:kyrylo-budanov"
HUR = "org:main-directorate-of-intelligence-ukraine"


def test_entity_page_says_why_each_spelling_matched(db_url):
    store = open_store(db_url)
    build(store)
    page = service.entity_page(store, ZELENSKY)
    assert page.entity.name == "Volodymyr Zelensky" and page.entity.type == "PERSON"
    why = {a.text: a.explained for a in page.aliases}
    assert why["Volodymyr Zelenskyy"] == "gazetteer alias"
    assert set(why) == {"Volodymyr Zelenskyy", "Volodymyr Zelenskyi"}
    # claims it asserts: the range and the forecast report's two figures
    assert sorted(r.claim.value for r in page.asserts) == [3000, 10000, 12000]
    assert page.reports == 2 and page.mentions == 2
    assert page.over_time == (("2024-12", 2),)
    co = {e.id for e, _ in page.co_mentioned}
    assert "gpe:north-korea" in co and "gpe:russia" in co


def test_claims_about_an_entity_are_those_whose_sentence_names_it(db_url):
    store = open_store(db_url)
    build(store)
    page = service.entity_page(store, "loc:kursk-oblast")
    assert [r.claim.value for r in page.about] == [11000]
    assert page.asserts == ()


def test_alias_explanations_tell_variants_from_gazetteer_aliases():
    from intex.model import Entity

    z = Entity(ZELENSKY, "Volodymyr Zelensky", "PERSON")
    assert service.explain_alias(z, "Volodymyr Zelensky", "alias") == "canonical name"
    assert service.explain_alias(z, "ZELENSKYY", "alias").startswith("spelling variant")
    assert service.explain_alias(z, "Володимир Зеленський", "alias").startswith(
        "transliteration")
    assert service.explain_alias(z, "President of Ukraine", "role").startswith("role title")
    assert service.explain_alias(z, "Ukrainian", "demonym").startswith("demonym")


def test_a_user_sees_nothing_of_an_entity_named_only_where_they_may_not_look(db_url):
    store = open_store(db_url)
    ids = build(store)
    store.mark(ids["hur"], Marking(TLP.AMBER))
    reader = User("r", clearance=TLP.GREEN)
    with pytest.raises(NotFound):
        service.entity_page(store, BUDANOV, user=reader)
    # the ledger's owner sees every mention (the role phrase and the name both name him)
    held = [m for m in store.mentions(ids["hur"]) if m[3] == BUDANOV]
    assert held and service.entity_page(store, BUDANOV).mentions == len(held)
    # a co-mention seen only in a hidden report is not shown either
    russia = service.entity_page(store, "gpe:russia", user=reader)
    assert "loc:kursk-oblast" not in {e.id for e, _ in russia.co_mentioned}


def test_merge_moves_mentions_aliases_and_sources_and_survives_reextraction(db_url):
    store = open_store(db_url)
    ids = build(store)
    held = [m for m in store.mentions(ids["hur"]) if m[3] == BUDANOV]
    moved = service.merge_entities(store, BUDANOV, HUR, analyst="ana")
    assert moved == len(held) >= 1
    assert service.entity_moved(store, BUDANOV) == HUR
    page = service.entity_page(store, HUR)
    assert {"Kyrylo Budanov", "Ukraine's military intelligence"} <= {a.text for a in page.aliases}
    assert [r.claim.sources[0].name for r in page.asserts] == [
        "Main Directorate of Intelligence (Ukraine)"] * 1
    assert page.links[0].analyst == "ana"
    with pytest.raises(NotFound):
        service.entity_page(store, BUDANOV)  # nothing is left under the old id

    list(service.reextract(store, everything=True))
    after = service.entity_page(store, HUR)
    assert {a.text for a in after.aliases} == {a.text for a in page.aliases}
    assert after.mentions == page.mentions
    assert all(n != BUDANOV for n, *_ in store.entities())


def test_merge_refuses_itself_unknowns_and_a_merged_target(db_url):
    store = open_store(db_url)
    build(store)
    with pytest.raises(StoreError):
        service.merge_entities(store, HUR, HUR)
    with pytest.raises(NotFound):
        service.merge_entities(store, "person:nobody", HUR)
    service.merge_entities(store, BUDANOV, HUR)
    with pytest.raises(StoreError):
        service.merge_entities(store, ZELENSKY, BUDANOV)


def test_split_moves_one_spelling_to_another_entity_for_good(db_url):
    store = open_store(db_url)
    build(store)
    into, moved = service.split_entity(store, ZELENSKY, ["Volodymyr Zelenskyi"],
                                       name="Volodymyr Zelenskyi (impostor)", analyst="ana")
    assert moved == 1 and into == "person:volodymyr-zelenskyi-impostor"
    other = service.entity_page(store, into)
    assert [a.text for a in other.aliases] == ["Volodymyr Zelenskyi"]
    # the report that only says "Zelenskyi" now credits its claims to the new entity
    assert sorted(r.claim.value for r in other.asserts) == [3000, 12000]
    assert {r.claim.sources[0].name for r in other.asserts} == {
        "Volodymyr Zelenskyi (impostor)"}
    left = service.entity_page(store, ZELENSKY)
    assert [a.text for a in left.aliases] == ["Volodymyr Zelenskyy"]

    list(service.reextract(store, everything=True))
    assert [a.text for a in service.entity_page(store, into).aliases] == ["Volodymyr Zelenskyi"]
    assert service.entity_page(store, ZELENSKY).mentions == 1
    with pytest.raises(StoreError):
        service.split_entity(store, ZELENSKY, ["Nobody"], name="X")
    with pytest.raises(StoreError):
        service.split_entity(store, ZELENSKY, [], name="X")


def test_an_analyst_names_an_entity_by_id_or_exact_name(db_url):
    store = open_store(db_url)
    ids = build(store)
    assert service.entity_named(store, HUR) == HUR
    assert service.entity_named(store, "kyrylo budanov") == BUDANOV
    for nothing in ("", "Budanov K.", "person:nobody"):
        with pytest.raises(NotFound):
            service.entity_named(store, nothing)
    store.mark(ids["hur"], Marking(TLP.AMBER))
    with pytest.raises(NotFound):
        service.entity_named(store, BUDANOV, user=User("r", clearance=TLP.GREEN))
