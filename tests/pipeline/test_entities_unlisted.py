"""Entities no list holds, found by how reports write them (entities8): sites named by a
lower-case word for them, bodies named head first, bodies a place's possessive introduces,
lists of towns, forces named as proper names, Spanish-article names, and the gazetteer's
additions from packages (a country outside ISO 3166-1, US states by their bare names)."""

from tests.pipeline.wire import entities, names

# sites named by a lower-case word for what stands there --------------------------------

def test_a_field_a_block_and_a_bay_named_by_a_lower_case_word_are_places():
    got = entities("Strikes overnight\n\nTwo drones fell inside the Varmala oil field late on "
                   "Monday, and a third hit the Qeshlan block, while a patrol boat was sunk "
                   "in Oskarin bay.")
    assert {("LOC", "Varmala oil field"), ("LOC", "Qeshlan block"),
            ("LOC", "Oskarin bay")} <= got


def test_a_towns_dam_or_airfield_is_a_site_of_its_own():
    got = names("Flooding\n\nWater poured through the breached Kakhovka dam, and jets later "
                "bombed targets near Sanaa airfield.", "LOC")
    assert {"Kakhovka dam", "Sanaa airfield"} <= got


def test_a_towns_sector_stays_the_town_and_a_demonym_names_no_site():
    got = entities("Clashes\n\nShelling hit the Kharkiv sector and a Russian base, then "
                   "reached the Crimean peninsula.")
    assert not {n for t, n in got if t == "LOC" and n.endswith(("sector", "base", "peninsula"))}


def test_the_owner_before_a_site_is_no_part_of_its_name():
    got = names("Prison riot\n\nInmates fought for hours inside Quito's Vantaro "
                "penitentiary, police said.", "LOC")
    assert "Vantaro penitentiary" in got


def test_a_list_of_sites_before_the_plural_names_each_site():
    got = names("Oil output\n\nProduction stopped at the Tarjan and Bekhal fields, and "
                "residents left the Arzan, Dovin and Kelbek areas.", "LOC")
    assert {"Tarjan", "Bekhal", "Arzan", "Dovin", "Kelbek"} <= got


def test_streets_and_squares_are_places():
    got = names("Blast in the centre\n\nCars burned at the corner of Tarasova Avenue and "
                "Lenina Street, near Freedom Square.", "LOC")
    assert {"Tarasova Avenue", "Freedom Square"} <= got


# bodies --------------------------------------------------------------------------------

def test_a_body_named_head_first_is_found():
    got = names("Statement\n\nThe Secretariat of Border Affairs said on Monday that the "
                "regional Ministry of Water Resources had closed two dams.", "ORG")
    assert {"Secretariat of Border Affairs", "Ministry of Water Resources"} <= got


def test_a_government_of_a_country_is_not_a_new_body_but_a_named_one_is():
    got = names("Talks\n\nThe Government of National Accord rejected the plan, and the "
                "Government of Romania and the Israeli Government said nothing.", "ORG")
    assert "Government of National Accord" in got
    assert not {n for n in got if "Romania" in n or "Israeli" in n}


def test_a_regional_government_is_a_body():
    got = names("Oil\n\nA senior Halvar Regional Government official said exports fell.", "ORG")
    assert "Halvar Regional Government" in got


def test_a_known_body_ending_a_longer_name_is_the_longer_body():
    got = names("Strikes\n\nAnkara says the Zagros Workers' Party runs the camps.", "ORG")
    assert "Zagros Workers' Party" in got
    assert "Workers' Party of Korea" not in got


def test_a_body_after_a_places_possessive_is_named_after_it():
    got = entities("Drones\n\nThe Kurdistan Region's Counter-Terrorism Service said a drone "
                   "was shot down.")
    assert ("ORG", "Counter-Terrorism Service (Kurdistan Region)") in got
    got = entities("Launches\n\nJapan's Joint Staff said two missiles fell into the sea.")
    assert {("ORG", "Joint Staff (Japan)"), ("GPE", "Japan")} <= got


def test_a_short_form_may_clip_the_last_word():
    got = entities("Reinforcements\n\nNATO's Kosovo Force (KFOR) said 200 troops arrived. "
                   "KFOR now counts 4,500 soldiers.")
    assert ("ORG", "Kosovo Force") in got
    got = entities("Appeal\n\nThe United Nations (UNHCR) said it needed funds.")
    assert ("ORG", "United Nations (UNHCR)") not in got


def test_a_bodys_part_after_another_bodys_possessive_is_not_a_body():
    got = names("Briefing\n\nBriefing the National Assembly's Budget Committee, the minister "
                "gave no figure.", "ORG")
    assert "Budget Committee" not in got


def test_a_force_the_text_names_as_a_proper_name_keeps_it():
    got = names("Standoff\n\nSix China Coast Guard ships blocked the convoy, and the Kosovo "
                "Police said two officers were hurt.", "ORG")
    assert {"China Coast Guard", "Kosovo Police"} <= got


def test_a_force_named_by_a_possessive_or_a_demonym_keeps_the_guides_form():
    got = names("Clashes\n\nNiger's army said 12 attackers were killed, and the Chadian "
                "National Army said it lost two.", "ORG")
    assert {"Army (Niger)", "Army (Chad)"} <= got


def test_a_force_named_by_its_country_s_name_takes_the_guides_form_too():
    # a branch word (army, navy, air force, armed forces) makes the force '<Branch>
    # (<Country>)' whatever the text's form; a police force named so keeps its name
    got = names("Border incident\n\nThe Chad Army said nine fighters were killed near the "
                "lake, and the Ghana Navy said 3 boats were seized, while the Kosovo Police "
                "reported two arrests.", "ORG")
    assert {"Army (Chad)", "Navy (Ghana)", "Kosovo Police"} <= got
    assert not {"Chad Army", "Ghana Navy"} & got


def test_names_led_by_a_spanish_article_are_groups_not_people():
    got = entities("Prison\n\nMembers of Los Halcones fought Las Sombras inside the jail.")
    assert {("ORG", "Los Halcones"), ("ORG", "Las Sombras")} <= got
    assert not any(t == "PERSON" for t, _ in got)


def test_a_place_named_with_a_spanish_article_stays_a_place():
    got = entities("Flights\n\nThe plane landed in La Paz on Sunday.")
    assert ("ORG", "La Paz") not in got


# lists of towns ------------------------------------------------------------------------

def test_towns_the_gazetteer_knows_vouch_for_the_rest_of_a_list():
    got = entities("Strikes\n\nDrones hit areas from Kobani, Tel Hamra, Qamishli, Ain Dara "
                   "and Hasakah on Friday.")
    assert {("GPE", "Tel Hamra"), ("GPE", "Ain Dara")} <= got
    assert not any(t == "PERSON" for t, _ in got)


def test_a_list_of_people_with_a_town_among_them_is_no_list_of_towns():
    got = entities("Meeting\n\nVladimir Putin, Sergei Lavrov and Kursk governor Bolt met "
                   "Ivor Dunn and Pella Kors.")
    assert ("GPE", "Ivor Dunn") not in got and ("GPE", "Pella Kors") not in got


def test_a_list_of_regions_is_left_to_the_region_rules():
    got = entities("Attacks\n\nAir bases came under attack in the Murmansk, Irkutsk and Amur "
                   "regions.")
    assert ("GPE", "Amur") not in got


# the gazetteer's additions ---------------------------------------------------------------

def test_a_country_outside_iso_3166_1_is_a_country():
    got = entities("Unrest\n\nGunmen attacked a police patrol in northern Kosovo.")
    assert ("GPE", "Kosovo") in got or ("LOC", "northern Kosovo") in got


def test_a_us_state_goes_by_its_bare_name():
    got = entities("Oil\n\nThe field is run by Ohio-based Ridge Oil, and staff flew in from "
                   "Texas.")
    assert ("GPE", "Texas") in got
    assert not {n for _, n in got if n.endswith(" State")}


def test_a_person_apposed_with_a_bodys_role_stays_a_person():
    got = entities("Claims\n\nThe next day, Karim Halabi, the movement's envoy to Geneva, "
                   "spoke of losses. Nadia Ferran, an official in the region's water board, "
                   "said two pumps failed.")
    assert {("PERSON", "Karim Halabi"), ("PERSON", "Nadia Ferran")} <= got


def test_a_direction_before_a_territory_makes_a_region_of_it():
    # entities10: a territory the gazetteer reads as a place of its own (the Gaza Strip)
    # takes a direction as a country does ("eastern Russia")
    got = entities("Aid convoy\n\nTrucks reached families sheltering in central Gaza on "
                   "Sunday.")
    assert ("LOC", "central Gaza") in got
    assert ("GPE", "Gaza Strip") not in got


def test_a_town_the_gazetteer_knows_by_its_romanisation_keeps_the_reports_spelling():
    # entities10: geonames writes "Ţarţūs"; the guide names places in the common English
    # spelling, which is the one the report uses
    got = names("Coast\n\nFishing boats stayed in port in Tartus on Monday.", "GPE")
    assert "Tartus" in got
    assert not any(not n.isascii() for n in got)


def test_a_towns_camp_and_a_road_junction_are_sites_of_their_own():
    # entities10: the camp beside a town is named for it ("Jenin camp"), a junction by its
    # own name; a candidate's "camp" is no ground
    got = names("Raids\n\nSoldiers searched homes in Jenin camp and set up a post at the "
                "Dalmo junction, while the Harris camp stayed silent.", "LOC")
    assert {"Jenin camp", "Dalmo junction"} <= got
    assert "Harris camp" not in got


def test_a_name_with_a_capital_inside_or_a_central_european_initial_is_read_whole():
    # entities10: "McKenzie" is not "Mc", and "Łukasz" starts with a capital letter
    got = names("Briefing\n\nGeneral Moira McAllister said two were hurt, and spokesman "
                "Źbigniew Kowalczyk said the rest were safe.", "PERSON")
    assert {"Moira McAllister", "Źbigniew Kowalczyk"} <= got
