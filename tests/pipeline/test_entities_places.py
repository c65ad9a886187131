"""Places by how reports write them: divisions by their English names or bare, towns
placed in a named district, local government areas, world regions and oceans, military
bases and posts; and names that look like places but are not. Every sentence here is
written for the test."""

from tests.pipeline.wire import entities, names

# --- divisions and the towns placed in them -----------------------------------------------

def test_divisions_whose_iso_names_are_local_are_read_in_english():
    got = names("Storms\n\nFloods cut roads across Lower Saxony and Thuringia on Sunday, "
                "while Tuscany and Catalonia braced for more rain.", "LOC")
    assert {"Lower Saxony State", "Thuringia State", "Tuscany Region",
            "Catalonia Region"} <= got


def test_a_four_letter_division_is_read_bare_and_a_ships_name_is_no_place():
    got = entities("Southern unrest\n\nTwo rangers were shot in Loei overnight. Later the "
                   "Spanish frigate ESPS Galicia escorted a convoy.")
    assert ("LOC", "Loei Province") in got
    assert not any(n.startswith("Galicia") for _, n in got)


def test_a_town_placed_after_a_comma_in_a_named_district_is_a_town():
    got = names("Overnight raids\n\nJets struck Kfar Temnin, in Marjayoun district, and a "
                "drone hit a car near Bir Salem, in Tyre district.", "GPE")
    assert {"Kfar Temnin", "Bir Salem"} <= got


def test_a_local_government_area_with_its_state_after_it_is_a_region():
    got = names("Raid\n\nGunmen stormed a market in Dandume local government area of Katsina "
                "State on Friday.", "LOC")
    assert "Dandume Local Government Area" in got


def test_a_base_named_camp_and_districts_of_three_words_or_an_arabic_article():
    got = names("Alert\n\nSirens sounded at Camp Tessaly. A blast hit the Shah Shahid Pul "
                "district, and a drone fell near Kafr Hamam (Marj al-Zuhur district).", "LOC")
    assert {"Camp Tessaly", "Shah Shahid Pul district"} <= got
    assert any(n.startswith("Marj al-Zuhur") for n in got)


# --- world regions, and names that look like places ---------------------------------------

def test_world_regions_and_oceans_are_places_not_a_countrys_part():
    got = entities("Migration\n\nMost of the migrants came from Central America, and the "
                   "navy patrols the western Pacific and the Indian Ocean.")
    assert {("LOC", "Central America"), ("LOC", "western Pacific"),
            ("LOC", "Indian Ocean")} <= got
    assert not any("United States" in n for _, n in got)


def test_a_people_before_community_and_a_building_name_no_town():
    got = names("Visit\n\nLeaders of the Armenian community met the governor at Government "
                "House in Kaduna on Monday.", "GPE")
    assert "Armenian" not in got and "House" not in got
    assert "Kaduna" in got


def test_a_person_shaped_name_the_report_also_calls_a_place_is_the_place():
    got = entities("Strike\n\nRockets hit Qarat Nour Air Base at dawn. Soldiers at Qarat Nour "
                   "said two hangars burned.")
    assert ("PERSON", "Qarat Nour") not in got


# --- military bases and posts -------------------------------------------------------------

def test_air_and_space_force_bases_and_numbered_air_bases_are_places():
    got = names("Deployment\n\nAirmen from Moody Air Force Base and Vandenberg Space Force Base "
                "flew on to Air Base No. 7 on Monday.", "LOC")
    assert {"Moody Air Force Base", "Vandenberg Space Force Base", "Air Base No. 7"} <= got


def test_an_army_post_is_a_place_and_a_unit_listed_after_it_a_body():
    got = entities("Deployment\n\nSoldiers of the 3rd Signal Company at Fort Drum and the 41st "
                   "Engineer Battalion at Fort Bliss will deploy next month.")
    assert {("LOC", "Fort Drum"), ("LOC", "Fort Bliss"),
            ("ORG", "41st Engineer Battalion")} <= got
