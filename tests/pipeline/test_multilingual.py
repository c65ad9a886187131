"""Reports in Ukrainian and Russian get their numbers, what they count and a status."""

from intex import service

UKRAINIAN = ("Атака дронів на Київ\n\nУ ніч на 12 травня росіяни запустили 45 ударних дронів. "
             "Сили ППО збили 38 безпілотників над Київщиною. Поранено 3 людини.")
RUSSIAN = ("Обстрел Белгорода\n\nПо данным губернатора, за сутки погибли 2 человека, "
           "ранены 14 мирных жителей. Над областью сбиты 12 беспилотников.")


def claims(text: str):
    ex = service.extract_bytes(text.encode(), name="t", published=None)
    return ex, {(c.value, c.unit, c.status) for c in ex.claims}


def test_ukrainian_numbers_units_and_statuses():
    ex, got = claims(UKRAINIAN)
    assert ex.document.language == "uk"
    assert {(45, "drones", "launched"), (38, "drones", "intercepted"),
            (3, "people", "wounded")} <= got
    assert {e.name for e in ex.entities} >= {"Kyiv"}


def test_russian_numbers_and_scales():
    ex, got = claims(RUSSIAN)
    assert ex.document.language == "ru"
    assert (2, "people", "killed") in got
    assert (14, "civilians", "wounded") in got
    assert (12, "drones", "intercepted") in got


def test_cyrillic_scale_words():
    from intex.pipeline.numbers import find_numbers

    values = [n.value for n in find_numbers("понад 1,2 тисячі та 3 млн і 12 тысяч")]
    assert values == [1200, 3_000_000, 12_000]
