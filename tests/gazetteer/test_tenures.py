"""Offices that change hands: role phrases carry when each holder held them, in the packaged
data and in a user's own gazetteer file."""

from datetime import date
from pathlib import Path

import pytest

from intex.errors import ConfigError
from intex.gazetteer import default_gazetteer, key, load_gazetteer


def holders(phrase: str, on: date | None, g=None) -> list[str]:
    g = g or default_gazetteer()
    return [g.entries[i].name for i in g.holders(key(phrase), on)]


@pytest.mark.parametrize(("phrase", "on", "who"), [
    ("British Defence Secretary", date(2022, 3, 1), "Ben Wallace"),
    ("British Defence Secretary", date(2023, 8, 30), "Ben Wallace"),
    ("British Defence Secretary", date(2023, 8, 31), "Grant Shapps"),  # the handover day
    ("UK Defence Secretary", date(2024, 1, 15), "Grant Shapps"),
    ("British Defence Secretary", date(2024, 7, 5), "John Healey"),
    ("British Defence Secretary", None, "John Healey"),
    ("Kursk governor", date(2023, 6, 1), "Roman Starovoit"),
    ("Kursk governor", date(2024, 8, 10), "Alexei Smirnov"),
    ("Kursk governor", date(2025, 2, 1), "Alexander Khinshtein"),
    ("Kursk governor", None, "Alexander Khinshtein"),
    ("South Korean Defence Minister", date(2023, 1, 10), "Lee Jong-sup"),
    ("South Korean Defence Minister", date(2024, 3, 1), "Shin Won-sik"),
    ("South Korea's Defence Minister", date(2024, 11, 4), "Kim Yong-hyun"),
    ("South Korean Defence Minister", date(2025, 9, 1), "Ahn Gyu-back"),
    ("Russian Defence Minister", date(2023, 5, 1), "Sergei Shoigu"),
    ("Russian Defence Minister", None, "Andrei Belousov"),
    ("Ukrainian Foreign Minister", date(2023, 5, 1), "Dmytro Kuleba"),
    ("Ukrainian Foreign Minister", date(2024, 12, 1), "Andrii Sybiha"),
    # offices that changed hands while the wars in Ukraine and Gaza went on
    ("US President", date(2023, 6, 1), "Joe Biden"),
    ("U.S. President", date(2025, 3, 1), "Donald Trump"),
    ("President of the United States", date(2019, 3, 1), "Donald Trump"),
    ("US Secretary of Defense", date(2024, 3, 1), "Lloyd Austin"),
    ("Pentagon chief", date(2025, 6, 1), "Pete Hegseth"),
    ("US Secretary of State", date(2023, 6, 1), "Antony Blinken"),
    ("Secretary of State", date(2025, 6, 1), "Marco Rubio"),
    ("NATO Secretary General", date(2023, 7, 11), "Jens Stoltenberg"),
    ("NATO chief", date(2024, 10, 1), "Mark Rutte"),  # the handover day
    ("UK Prime Minister", date(2022, 3, 1), "Boris Johnson"),
    ("British Prime Minister", date(2022, 10, 1), "Liz Truss"),
    ("British Prime Minister", date(2023, 10, 1), "Rishi Sunak"),
    ("UK Prime Minister", None, "Keir Starmer"),
    ("German Chancellor", date(2023, 1, 1), "Olaf Scholz"),
    ("German Chancellor", date(2025, 6, 1), "Friedrich Merz"),
    ("Ukraine's Defence Minister", date(2022, 5, 1), "Oleksiy Reznikov"),
    ("Ukrainian Defence Minister", date(2024, 5, 1), "Rustem Umerov"),
    ("Ukrainian Defence Minister", date(2025, 8, 1), "Denys Shmyhal"),
    ("Ukrainian Prime Minister", date(2025, 8, 1), "Yuliia Svyrydenko"),
    ("Ukrainian Prime Minister", date(2024, 8, 1), "Denys Shmyhal"),
    ("Ukraine's top commander", date(2023, 6, 1), "Valerii Zaluzhnyi"),
    ("Ukraine's top commander", date(2024, 6, 1), "Oleksandr Syrskyi"),
    ("Israeli Prime Minister", date(2022, 3, 1), "Naftali Bennett"),
    ("Israeli Prime Minister", date(2022, 9, 1), "Yair Lapid"),
    ("Israeli Prime Minister", date(2024, 3, 1), "Benjamin Netanyahu"),
    ("Israeli Defence Minister", date(2024, 3, 1), "Yoav Gallant"),
    ("Israeli Defense Minister", date(2025, 3, 1), "Israel Katz"),
    ("French President", date(2015, 11, 14), "François Hollande"),
    ("French President", date(2024, 3, 1), "Emmanuel Macron"),
    ("UN Secretary-General", date(2014, 1, 1), "Ban Ki-moon"),
    ("UN Secretary-General", date(2024, 1, 1), "Antonio Guterres"),
])
def test_a_role_phrase_has_one_holder_on_each_day(phrase, on, who):
    assert holders(phrase, on) == [who]


def test_an_office_nobody_known_held_that_day_has_no_holder():
    # South Korea had only an acting minister from December 2024 to July 2025
    assert holders("South Korean Defence Minister", date(2025, 3, 1)) == []
    # Shoigu's Security Council post began in May 2024; his predecessor is not listed
    assert holders("Security Council Secretary", date(2023, 1, 1)) == []
    assert holders("Security Council Secretary", date(2024, 6, 1)) == ["Sergei Shoigu"]


def test_undated_roles_are_held_for_good():
    assert holders("Kremlin spokesman", date(2015, 1, 1)) == ["Dmitry Peskov"]
    assert holders("Kremlin spokesman", None) == ["Dmitry Peskov"]


def write(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text("# name\ttype\taliases\tcountry\tkind\troles\theld\n" + "\n".join(rows)
                    + "\n", encoding="utf-8")
    return path


def test_a_users_gazetteer_dates_its_roles(tmp_path):
    path = write(tmp_path, [
        "Ana Frontera\tPERSON\tFrontera\tXK\tperson\tharbour master of Portvale\t"
        "2019-01-01..2022-06-30",
        "Bo Lindqvist\tPERSON\tLindqvist\tXK\tperson\tharbour master of Portvale\t2022-06-30..",
        # a second term: another row, joined to the same person
        "Ana Frontera\tPERSON\t\tXK\tperson\tharbour master of Portvale\t2025-01-01..",
        "Old Salt\tPERSON\t\tXK\tperson\tlighthouse keeper of Portvale",
    ])
    g = load_gazetteer([path], cities=False)
    assert holders("harbour master of Portvale", date(2020, 5, 1), g) == ["Ana Frontera"]
    assert holders("harbour master of Portvale", date(2023, 5, 1), g) == ["Bo Lindqvist"]
    # both hold it with no end: the one the text disambiguates (country, name) wins later
    assert holders("harbour master of Portvale", None, g) == ["Ana Frontera", "Bo Lindqvist"]
    assert holders("harbour master of Portvale", date(2018, 5, 1), g) == []
    assert holders("lighthouse keeper of Portvale", date(1990, 1, 1), g) == ["Old Salt"]


@pytest.mark.parametrize("cell", ["2019-07-24", "2019-13-01..", "last year..", "..2024/05/14"])
def test_a_tenure_that_is_no_period_is_refused_naming_the_file_and_row(tmp_path, cell):
    path = write(tmp_path, [f"Ana Frontera\tPERSON\t\tXK\tperson\tharbour master\t{cell}"])
    with pytest.raises(ConfigError) as err:
        load_gazetteer([path], cities=False)
    assert "Ana Frontera" in err.value.subject and str(path) in err.value.subject
    assert cell.split("|")[0] in str(err.value)
