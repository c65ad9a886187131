"""What befell a counted thing, in forms the ninth round's material (the blind set of the
eighth) showed the rules missing (status10): the wounded named by the care they get, both
outcomes named together, the hurt who died later, a part counted among a group, flight and
arrest said with other words, aircraft and ships the other side saw, undertakings
"launched", money put on a head, and a figure "put" nowhere. Sentences are our own."""

import pytest

from intex.pipeline import Doc
from tests.pipeline.wire import claims_of, status_of

# --- the wounded named by the care they get -------------------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    ("The regional health office said 45 people had been admitted to the city's hospitals.",
     45),
    ("Some 20 soldiers have been diagnosed with concussion after the strike.", 20),
    ("By Monday 1,200 people had been treated at field hospitals near the front.", 1200),
    ("The clinic had received more than 300 injured people by the evening.", 300),
])
def test_people_in_medical_care_are_the_wounded(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "wounded"


# --- both outcomes, or the second after the first ---------------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    ("A farmer put the dead and injured together at about 70.", 70),
    ("The rebels said some 40 guards, dead or badly wounded, were carried off.", 40),
])
def test_the_dead_and_the_hurt_named_together_are_casualties(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "casualties"


def test_the_hurt_who_died_later_are_killed(pipeline):
    text = "Two privates were wounded by the blast and later died of their wounds."
    assert status_of(pipeline, text, 2) == "killed"


def test_parts_counted_among_a_group_take_its_outcome(pipeline):
    text = "Doctors said 31 boys and 12 girls were among the injured, and 40 adults were killed."
    assert [c.status for c in claims_of(pipeline, text)] == ["wounded", "wounded", "killed"]
    # a figure with its own verb keeps it
    text = "Five guards were killed and 12 civilians were among the injured."
    assert [c.status for c in claims_of(pipeline, text)] == ["killed", "wounded"]


# --- flight and arrest in other words -----------------------------------------------------

def test_people_who_escaped_amid_fighting_are_displaced(pipeline):
    text = "Residents said about 3,000 people escaped amid fierce fighting on Sunday."
    assert status_of(pipeline, text, 3000) == "displaced"


def test_the_arrest_of_a_number_is_a_capture(pipeline):
    text = "The governor announced the arrest of 17 men suspected of the ambush."
    assert status_of(pipeline, text, 17) == "captured"


# --- aircraft and ships the other side saw ------------------------------------------------

def test_aircraft_and_ships_detected_around_an_island_are_deployed(pipeline):
    text = "The coast guard detected 32 aircraft and nine ships around the island on Tuesday."
    assert [c.status for c in claims_of(pipeline, text)] == ["deployed", "deployed"]
    # other kit seen is no force out there
    assert status_of(pipeline, "Officials said 14 vehicles were spotted near the checkpoint.",
                     14) == "other"


def test_a_column_of_aircraft_detected_under_an_exercise_launched(pipeline):
    doc = pipeline(Doc(raw="Wire report\n\nThe navy launched a two-day exercise around the "
                           "island on Monday.\n\nTable 1. Activity reported by the ministry\n\n"
                           "Date | Aircraft detected | Navy ships\n3 May | 27 | 8\n"))
    statuses = {c.value: c.status for c in doc.claims}
    assert statuses[27] == "deployed"
    assert statuses[8] != "launched"  # an exercise begun fires nothing


# --- munitions sent against a target; money that is no aid; "put" without a figure ---------

def test_drones_sent_against_a_site_are_launched(pipeline):
    assert status_of(pipeline, "Rebels said they had sent six drones against the refinery.",
                     6) == "launched"


def test_a_reward_is_no_aid(pipeline):
    text = "Washington raised to $15 million the reward it offers for the commander's capture."
    assert status_of(pipeline, text, 15_000_000) == "other"


def test_put_without_a_figure_says_no_presence(pipeline):
    text = "Analysts put the two convoys side by side, noting that some 40 trucks waited."
    assert status_of(pipeline, text, 40) != "present"
    # a count put at a figure still says where the force is
    text = "The ministry put the number of troops in the enclave at about 2,500."
    assert status_of(pipeline, text, 2500) == "present"


# --- a count's own noun, a main verb past a relative clause, hostages, civilians carried off

def test_a_count_named_further_on_is_another_figures(pipeline):
    text = ("The mayor said 90 people had been hurt and 60 of them were still in hospital, "
            "so the number of dead could rise.")
    assert status_of(pipeline, text, 60) == "wounded"
    text = "Police said the number of militants arrested in the raids had risen to 45."
    assert status_of(pipeline, text, 45) == "captured"


def test_the_main_verb_after_a_relative_clause_decides(pipeline):
    text = ("Nine guards who had been badly injured and left without treatment for hours in "
            "the desert heat had died, the ministry said.")
    assert status_of(pipeline, text, 9) == "killed"


def test_people_taken_hostage_are_captured(pipeline):
    text = "The raid killed 30 villagers, and about 80 people were taken hostage."
    assert status_of(pipeline, text, 80) == "captured"


@pytest.mark.parametrize(("sentence", "value"), [
    ("Officials said some 9,000 civilians had been flown out since Monday.", 9000),
    ("The envoy spoke of around 40,000 residents taken to safer areas.", 40000),
])
def test_civilians_carried_away_from_danger_are_displaced(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "displaced"


# --- platforms, releases in a list, decisions, people a party holds -------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    ("The junta used three attack helicopters against the rebel villages on Sunday.", 3),
    ("Two frigates in the gulf fired about 20 interceptors overnight.", 2),
])
def test_aircraft_and_ships_in_an_attack_are_deployed_not_launched(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "deployed"


def test_a_release_said_before_a_list_holds_for_its_first_item(pipeline):
    text = ("The ministry said the rebels released 40 soldiers and 15 civilians on Friday in "
            "return for a similar number of their own fighters.")
    assert status_of(pipeline, text, 40) == "other"


def test_a_decision_to_send_troops_is_a_plan(pipeline):
    text = "The cabinet decided to send 800 troops to the island."
    assert status_of(pipeline, text, 800) == "planned"


def test_people_a_party_is_holding_said_after_them_are_captured(pipeline):
    text = "Under the deal the rebels are to free 20 of the roughly 90 people they are holding."
    assert status_of(pipeline, text, 90) == "captured"
    # released now, whoever held them before
    assert status_of(pipeline, "The army freed two soldiers it had held since May.",
                     2) == "other"


# --- a release still to come (the guide: planned; people freed are other) --------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("Under the deal the militia will release 35 captives over three days.", 35, "planned"),
    ("The talks ended with a swap that mediators say would free about 600 detainees.", 600,
     "planned"),
    ("The government is to free at least 70 prisoners before the holiday.", 70, "planned"),
    ("On Sunday the militia freed 35 captives near the border.", 35, "other"),
    ("The kidnappers still hold 12 hostages in the hills.", 12, "captured"),
])
def test_a_release_still_to_come_is_planned(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


# --- crossing into another's airspace, zone or waters (the guide) -----------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("Vilnius said as many as 9 drones entered Lithuanian airspace after midnight.", 9,
     "launched"),
    ("Two rockets crossed into the country's airspace before falling in a field.", 2,
     "launched"),
    ("The ministry said 27 aircraft entered the air defence identification zone.", 27,
     "other"),
    ("Four fighter jets crossed the median line on Thursday, officials said.", 4, "other"),
])
def test_crossing_in_is_an_incursion_for_aircraft_and_a_launch_for_drones(
        pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_a_table_column_of_aircraft_entering_a_zone_counts_an_incursion(pipeline):
    text = ("Daily drill counts\n\nThe coast command gave its tallies for the week.\n\n"
            "Day | Aircraft detected | Aircraft entering ADIZ | Ships\n"
            "Monday | 41 | 23 | 9\n")
    got = {c.value: c.status for c in claims_of(pipeline, text)}
    assert got.get(23) == "other" and got.get(41) == "deployed"
