"""The gazetteer: scripts folded, towns the city lists miss, one entry per town."""

from intex.gazetteer import default_gazetteer
from intex.gazetteer.normalize import fold, key, lemma, stems


def names(alias: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in default_gazetteer().lookup(alias)}


def test_cyrillic_folds_to_the_english_spelling():
    assert fold("Київ") == "kyiv"
    assert fold("Харків") == "kharkiv"
    assert fold("Запоріжжя") == "zaporizhzhia"
    assert fold("Харьков", "ru") == "kharkov"
    assert fold("Курская", "ru") == "kurskaya"


def test_possessive_is_not_part_of_the_name():
    assert key("Pyongyang's") == ("pyongyang", "s")
    assert key("O'Brien") == ("obrien",)


def test_inflected_region_adjective_and_oblast_word():
    assert lemma("Курській") == "Курська"
    assert lemma("Белгородской") == "Белгородская"
    assert lemma("областям") == "область"
    assert "Одеса" in stems("Одесі")


def test_cyrillic_names_reach_their_entries():
    assert ("LOC", "Kursk Oblast") in names("Курська область")
    assert ("GPE", "Kyiv") in names("Києві")
    assert ("GPE", "Russia") in names("Россия")


def test_front_line_towns_are_places():
    assert ("GPE", "Velyka Novosilka") in names("Velyka Novosilka")
    assert ("GPE", "Chasiv Yar") in names("Chasiv Yar")
    assert ("GPE", "Sudzha") in names("Sudzha")


def test_a_city_list_spelling_joins_our_entry():
    assert names("Kupyansk") == {("GPE", "Kupiansk")}
    assert names("Kryvyy Rih") == {("GPE", "Kryvyi Rih")}


def test_korean_provinces_and_islands_are_locations():
    assert ("LOC", "Gyeonggi Province") in names("Gyeonggi Province")
    assert ("LOC", "Yeonpyeong Island") in names("Yeonpyeong Island")
    assert ("LOC", "Northern Limit Line") in names("NLL")


def test_turkey_is_named_in_english():
    assert ("GPE", "Turkey") in names("Türkiye")


def test_european_cities_of_diplomacy():
    assert ("GPE", "Geneva") in names("Geneva")
