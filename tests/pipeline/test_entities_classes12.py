"""Classes of entity errors on unseen reports (entities12): a national army a report writes
with a capital, and a place-and-date line as a dateline without a dash. Every sentence here
is written for the test."""

from tests.pipeline.wire import entities, names

# a national army by its word alone -----------------------------------------------------


def test_a_capitalised_army_that_acts_is_the_datelines_national_army():
    got = names("Clashes in the hills\n\nQUITO, Ecuador - Rebels ambushed the Army near a "
                "river crossing on Monday, and two soldiers died.", "ORG")
    assert "Army (Ecuador)" in got


def test_the_armys_unit_keeps_its_own_name_too():
    got = names("Patrol hit\n\nMANILA, Philippines - A spokesman of the Army's 5th Infantry "
                "Division said three soldiers were hurt in the blast.", "ORG")
    assert {"Army (Philippines)", "5th Infantry Division"} <= got


def test_an_army_inside_a_title_is_no_party():
    got = names("Budget\n\nWASHINGTON - The Secretary of the Army told lawmakers that recruiting "
                "had improved.", "ORG")
    assert "Army (United States)" not in got


# datelines without a dash ------------------------------------------------------------------


def test_a_place_and_date_line_is_a_dateline():
    got = names("Convoy attacked\n\nPeshawar, 3 March 2019\n\nThe army said four of its men were "
                "wounded when a convoy was attacked.", "ORG")
    assert "Army (Pakistan)" in got


# people named without a capitalised title before them ------------------------------------


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


# military bases ------------------------------------------------------------------------


def test_air_and_space_force_bases_and_numbered_air_bases_are_places():
    got = names("Deployment\n\nAirmen from Moody Air Force Base and Vandenberg Space Force Base "
                "flew on to Air Base No. 7 on Monday.", "LOC")
    assert {"Moody Air Force Base", "Vandenberg Space Force Base", "Air Base No. 7"} <= got


def test_an_army_post_is_a_place_and_a_unit_listed_after_it_a_body():
    got = entities("Deployment\n\nSoldiers of the 3rd Signal Company at Fort Drum and the 41st "
                   "Engineer Battalion at Fort Bliss will deploy next month.")
    assert {("LOC", "Fort Drum"), ("LOC", "Fort Bliss"),
            ("ORG", "41st Engineer Battalion")} <= got


# countries a name holds ------------------------------------------------------------------


def test_a_charity_or_station_named_after_a_country_names_no_country():
    got = names("Aid\n\nThe Danish Refugee Council and Radio France Internationale said 40 "
                "families had fled the camp near Goma.", "GPE")
    assert "Denmark" not in got and "France" not in got


def test_a_states_body_still_names_its_country():
    got = names("Talks\n\nThe Ghanaian Defence Ministry said 12 soldiers were hurt.", "GPE")
    assert "Ghana" in got


def test_a_country_inside_a_longer_country_is_not_named_again():
    got = names("Clashes\n\nThe South Sudan People's Defence Forces said 9 died.", "GPE")
    assert "South Sudan" in got and "Sudan" not in got


def test_a_peoples_word_that_names_a_language_is_no_country():
    got = names("Note\n\nThe Dutch original counts 92 soldiers, and French-speaking towns "
                "reported the same; Spanish- and Portuguese-language papers did too.", "GPE")
    assert not {"Netherlands", "France", "Spain", "Portugal"} & got


def test_the_czech_republic_goes_by_its_common_english_name():
    assert "Czech Republic" in names("Aid\n\nCzechia sent 40 tanks to Ukraine.", "GPE")


# bodies and outlets the gazetteer knows ----------------------------------------------------


def test_un_missions_a_national_force_and_outlets_are_known_bodies():
    got = names("Peacekeeping\n\nUNAMI and UNDOF staff were unhurt, and the Uganda People's "
                "Defence Force said 2 died, Stars and Stripes reported.", "ORG")
    assert {"UNAMI", "UNDOF", "Uganda People's Defence Force", "Stars and Stripes"} <= got


# the page's section labels ----------------------------------------------------------------


def test_a_place_labelling_a_section_desk_or_clock_is_furniture():
    text = ("Asia | 03/02/2024 - 09:12 | Wire\n\nCentral Asia Desk — LIVE\n\nAll times "
            "Oceania | Newest first\n\nFlood waters rose in Dhaka on Monday, where officials "
            "said 40 people had died and more than 2,000 families had been moved to schools.\n\n"
            "Follow our coverage of South America at example.com/hub/floods")
    got = names(text, "LOC") | names(text, "GPE")
    assert "Dhaka" in got
    assert not {"Asia", "Central Asia", "Oceania", "South America"} & got


def test_a_menu_of_cells_set_apart_by_wide_spaces_is_furniture():
    got = names("Home   Europe   Climate   Health\n\nStorms hit Porto on Monday, and officials "
                "said 12 people were hurt in the city.", "LOC")
    assert "Europe" not in got


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
