"""Bodies by how reports write them: hospitals, a name after a body's noun, news agencies
and platforms (not share buttons), a numbered unit of a known group, UN missions and
national forces the gazetteer knows. Every sentence here is written for the test."""

from tests.pipeline.wire import entities, names

# --- hospitals, bodies named by the noun before them --------------------------------------

def test_a_hospital_is_a_body_and_two_placed_hospitals_are_two():
    got = names("Casualties\n\nThe wounded were taken to Nkamba General Hospital in Lubero "
                "and Kivuli Mission Hospital, medics said.", "ORG")
    assert {"Nkamba General Hospital", "Kivuli Mission Hospital"} <= got
    assert not any(" in " in n for n in got)


def test_a_name_after_a_bodys_noun_is_a_body_not_a_person():
    got = entities("Vote\n\nThe ruling party, Les Patriotes Unis, said 14 seats were lost, and "
                   "the Gulf channel Al Wasat reported the count.")
    assert {("ORG", "Les Patriotes Unis"), ("ORG", "Al Wasat")} <= got
    assert not {n for t, n in got if t == "PERSON"}


# --- agencies, platforms and units of known groups ----------------------------------------

def test_news_agencies_and_platforms_are_bodies_but_share_buttons_are_not():
    got = names("Border\n\nThe Kuwait News Agency and WAFA both reported the closure; the "
                "ministry posted video on YouTube.\n\nShare: Facebook Twitter WhatsApp",
                "ORG")
    assert {"Kuwait News Agency", "WAFA", "YouTube"} <= got
    assert not {"Twitter", "WhatsApp", "Facebook"} & got


def test_a_numbered_unit_of_a_known_group_goes_by_its_own_words():
    got = names("Clashes\n\nThe group said it was fighting the 12th Front of the FARC near the "
                "river.", "ORG")
    assert {"12th Front", "FARC"} <= got


# --- bodies and outlets the gazetteer knows -----------------------------------------------

def test_un_missions_a_national_force_and_outlets_are_known_bodies():
    got = names("Peacekeeping\n\nUNAMI and UNDOF staff were unhurt, and the Uganda People's "
                "Defence Force said 2 died, Stars and Stripes reported.", "ORG")
    assert {"UNAMI", "UNDOF", "Uganda People's Defence Force", "Stars and Stripes"} <= got
