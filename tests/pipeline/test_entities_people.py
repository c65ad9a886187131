"""People by how reports name them: after a lower-case office or trade, in apposition with
an office, after a role and a comma, a given name a city shares, the surname before the
full name; and words no person's name starts or ends with. Every sentence here is
written for the test."""

from tests.pipeline.wire import entities, names

# --- titles and fields before a name ------------------------------------------------------

def test_a_field_between_two_titles_is_no_part_of_the_name():
    got = entities("Crossings\n\nDeputy Transport Minister Tomasz Wielgus said two crossings "
                   "would close.")
    assert ("PERSON", "Tomasz Wielgus") in got


# --- people named without a capitalised title before them ---------------------------------

def test_a_lower_case_office_or_trade_before_a_name_makes_a_person():
    got = names("Talks\n\nThe Chilean president Ana Morello met the arms trader Piet Valdemar "
                "and the basketball player Tove Lindahl on Monday.", "PERSON")
    assert {"Ana Morello", "Piet Valdemar", "Tove Lindahl"} <= got


def test_a_names_apposition_with_a_capitalised_office_makes_a_person():
    got = names("Aid\n\nMarek Osterhagen, Commissioner of the border agency, put the number "
                "at 400. Lina Farouk, UNICEF's regional director, gave a higher one.", "PERSON")
    assert {"Marek Osterhagen", "Lina Farouk"} <= got


def test_a_role_then_a_comma_then_the_name_ending_the_clause():
    got = names("Talks\n\nThe prisoners were listed by the rebels' chief negotiator, Tomas "
                "Ardelean. The town's mayor, Ibrahim al-Sayegh, said 30 were hurt.", "PERSON")
    assert {"Tomas Ardelean", "Ibrahim al-Sayegh"} <= got


def test_a_given_name_a_city_shares_starts_a_persons_name():
    got = names("Camp\n\nAccording to Shiraz Mehsud, the camp manager, 300 families arrived. "
                "Salem al-Khatib of the local council told us 40 tents were missing.", "PERSON")
    assert "Shiraz Mehsud" in got
    assert "Jerusalem" not in names("Camp\n\nSalem al-Khatib of the local council told us 40 "
                                    "tents were missing.", "GPE")


# --- words no name starts or ends with, a surname put first -------------------------------

def test_words_no_persons_name_starts_or_ends_with():
    got = names("Raids\n\nGunmen hit Kawo in the Birnin Emirate, the Director of Defence "
                "Operations, Maj. Gen. Ade Bello, said. The Commission on Missing Persons said "
                "that 12 Sunni Bedouin and the General Officer Commanding were among those "
                "held.", "PERSON")
    assert not {"Birnin Emirate", "Defence Operations", "Missing Persons", "Sunni Bedouin",
                "Officer Commanding"} & got


def test_a_surname_before_the_full_name_is_one_person():
    got = names("Interview\n\nHOST: With us is the deputy mayor, Rasa Virkutyte. Mayor "
                "Virkutyte, how many homes were lost?\n\nVIRKUTYTE: About 300.\n\nHOST: Deputy "
                "Mayor Virkutyte, thank you.", "PERSON")
    assert got == {"Rasa Virkutyte"}


# --- a column's author, named by the writer's note ----------------------------------------

def test_a_writers_note_names_the_columns_author():
    text = ("Winter will test the grid\n\nStorms cut power to 30,000 homes in Pomerania on "
            "Monday, the operator said, and repairs will take a week.\n\nNadia Korhonen is a "
            "former energy ministry adviser who writes on power markets.")
    assert "Nadia Korhonen" in names(text, "PERSON")


def test_a_note_on_what_a_writer_covers_names_the_author():
    text = ("Storms cut power to 30,000 homes in Pomerania on Monday, the operator said.\n\n"
            "Tomas Reiner writes on Baltic energy security.")
    assert "Tomas Reiner" in names(text, "PERSON")


def test_a_place_described_in_a_paragraphs_opening_is_no_author():
    text = ("Storms cut power to 30,000 homes on Monday, the operator said.\n\nGdańsk is a "
            "port city where repairs will take a week.")
    assert not names(text, "PERSON")
