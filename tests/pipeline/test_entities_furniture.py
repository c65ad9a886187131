"""The page's furniture names nothing of the story: menus, section labels, desks and
clocks, a language a text was translated from. Every sentence here is written for the
test."""

from tests.pipeline.wire import names, orgs

# --- menus and the language a text was translated from ------------------------------------

def test_a_menu_line_and_a_language_name_no_country():
    got = names("Home | Bolivia | Paraguay | Chile | Uruguay\n\nTranslated from Portuguese.\n\n"
                "Floods in Amazonas killed 12 people, officials said.", "GPE")
    assert not {"Bolivia", "Paraguay", "Chile", "Uruguay", "Portugal"} & got


# --- the page's section labels and menus of cells -----------------------------------------

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


# --- an outlet the gazetteer does not know, credited as the page's publisher --------------

def test_an_unknown_outlets_desk_credit_and_appeal_are_furniture():
    text = ("Avalanches north of Tromsø killed four skiers on Wednesday, the regional rescue "
            "service said.\n\nTranslated by the Fjordline Courier desk.\n\nFjordline Courier "
            "is reader-funded. Support us: courier.example/support")
    assert "Fjordline Courier" not in orgs(text)


def test_an_unknown_outlet_named_by_its_newsroom_in_an_intro_is_furniture():
    text = ("Your Monday read on the Baltic coast, from the Amber Signal newsroom in Gdańsk.\n\n"
            "Storms cut power to 30,000 homes in Pomerania, the grid operator said.\n\n"
            "(c) 2024 Amber Signal")
    assert "Amber Signal" not in orgs(text)


def test_a_digests_compiler_named_by_its_desk_is_still_listed():
    text = ("Compiled by the Lowland Brief desk. Posts are summarised in the order they came."
            "\n\n09:10 The fire service said two barns burned near Utrecht.\n\n"
            "(c) Lowland Brief 2023")
    assert "Lowland Brief" in orgs(text)
