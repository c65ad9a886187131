"""Ministries named by their field alone (entities10): "the health ministry said" is the
ministry of the country the report is about, named as the guide writes national bodies;
the field words the owner shapes know include emergencies and national defence."""

from tests.pipeline.wire import orgs


def test_a_bare_health_ministry_is_the_ministry_of_the_country_the_report_names():
    got = orgs("Floods in the north\n\nHeavy rain swept across Bolivia this week. Eleven "
               "people drowned near the river, the Health Ministry said on Friday.")
    assert "Ministry of Health (Bolivia)" in got
    assert "Health Ministry" not in got


def test_a_lower_case_ministry_before_a_spokesman_takes_the_country_named_before_it():
    got = orgs("Border incident\n\nTwo soldiers of Peru were hurt in the clash. A defence "
               "ministry spokesman said patrols would double.")
    assert "Ministry of Defence (Peru)" in got


def test_a_bare_ministry_is_the_one_the_report_named_with_its_country():
    got = orgs("Strikes on the capital\n\nLebanon's health ministry counted 40 dead. "
               "Israel said it hit depots. Later the health ministry raised the toll.")
    assert "Ministry of Health (Lebanon)" in got
    assert "Ministry of Health (Israel)" not in got


def test_a_bare_ministry_in_a_report_naming_no_country_stays_unlisted():
    got = orgs("Notice\n\nThe health ministry asked people to stay indoors.")
    assert not any("Ministry" in n for n in got)


def test_emergencies_and_national_defence_are_ministry_fields():
    got = orgs("Shelling\n\nRussia's Emergencies Ministry said six houses burned. The "
               "Estonian Ministry of National Defence sent two engineers.")
    assert {"Ministry of Emergency Situations (Russia)",
            "Ministry of Defence (Estonia)"} <= got


def test_the_joint_chiefs_of_staff_are_the_ones_of_the_country_the_report_is_about():
    us = orgs("WASHINGTON (Harbour Wire) - The Joint Chiefs of Staff said two bombers flew "
              "over the Pacific, the United States confirmed.")
    kr = orgs("SEOUL (Harbour Wire) - North Korea fired two missiles, the Joint Chiefs of "
              "Staff said.")
    assert "Joint Chiefs of Staff (United States)" in us
    assert "Joint Chiefs of Staff (South Korea)" in kr
    assert "Joint Chiefs of Staff (United States)" not in kr


def test_a_defence_or_interior_ministry_has_one_name_whatever_its_title():
    # the guide: "Ministry of Defence (<Country>)" and "Ministry of Interior (<Country>)"
    # for every country, the official title being an alias, so a ledger groups the claims
    got = orgs("Border week\n\nThe Latvian Ministry of National Defense said drills would "
               "go on. Georgia's Ministry of Internal Affairs said three were held.")
    assert {"Ministry of Defence (Latvia)", "Ministry of Interior (Georgia)"} <= got
    assert not any("National Defen" in n or "Internal Affairs" in n for n in got)


def test_a_bare_army_that_speaks_is_the_army_of_the_datelines_country():
    # as sources read "the army said": the report's country, from its dateline
    got = orgs("LIMA (Andes Wire) - Gunmen burned two trucks near the border on Sunday, "
               "the army said, adding that Ecuador had closed its crossing.")
    assert "Army (Peru)" in got
    assert "Army (Ecuador)" not in got


def test_a_bare_army_in_a_report_without_a_dateline_is_left_unlisted():
    got = orgs("Border notes\n\nEcuador closed a crossing. The army said two trucks burned.")
    assert not any(n.startswith("Army (") for n in got)


def test_a_bare_defence_ministry_is_the_one_of_the_country_the_report_is_about():
    # the sentence names the foe's drones last; the report is about Russia
    got = orgs("Volgograd desk\n\nRussian air defences shot down 64 Ukrainian drones "
               "overnight, the Defence Ministry said. Flights at Moscow's airports resumed "
               "by morning, and a school in Belgorod stayed shut.")
    assert "Ministry of Defence (Russia)" in got
    assert "Ministry of Defence (Ukraine)" not in got


def test_a_bare_defence_ministry_of_a_country_with_none_listed_is_named_after_it():
    got = orgs("Border fighting\n\nFighting flared on the Azerbaijani side of the line near "
               "Tovuz, and Baku said shelling had hit two villages near Ganja. An Armenian "
               "post was hit, the defence ministry said.")
    assert "Ministry of Defence (Azerbaijan)" in got
    assert "Ministry of Defence (Armenia)" not in got
