"""What befell weapons, munitions, aircraft and ships: seized, deployed, launched, shot
down or come down, sold, or where they hit; hardware counted in units. Sentences are our
own."""

import pytest

from tests.pipeline.wire import status_of

# --- a search's haul is not equipment captured in battle ----------------------------------

def test_weapons_seized_in_a_raid_are_other(pipeline):
    text = "During the raid police seized 14 rifles, three pistols and four cars."
    assert status_of(pipeline, text, 14) == "other"
    assert status_of(pipeline, text, 4) == "other"


def test_tanks_seized_in_fighting_stay_captured(pipeline):
    assert status_of(pipeline, "The brigade said it had seized 12 tanks near the river.",
                     12) == "captured"


# --- aircraft and ships that fly or sail, weapons trained on a target ---------------------

def test_platforms_flying_on_their_own_errand_are_deployed(pipeline):
    assert status_of(pipeline, "Four strategic bombers flew nearly 30 hours from their base "
                               "in Missouri.", 4) == "deployed"
    assert status_of(pipeline, "Two frigates sailed from the naval base at dawn.",
                     2) == "deployed"


def test_platforms_carrying_a_count_are_its_carriers(pipeline):
    text = "Over three days 14 aircraft had flown some 600 marines into the capital."
    assert status_of(pipeline, text, 14) == "other"
    assert status_of(pipeline, text, 600) == "sent"


def test_weapons_pointed_at_a_country_are_deployed(pipeline):
    assert status_of(pipeline, "He said the warships carry 800 missiles pointed at the "
                               "coast.", 800) == "deployed"


def test_aircraft_entering_a_zone_stay_other(pipeline):
    assert status_of(pipeline, "Two fighter jets had flown into the safety zone on Monday.",
                     2) == "other"


# --- munitions counted where they hit, landed or fell (the guide's 'other'); launched -----

def test_munitions_that_hit_or_fell_are_other_and_the_salvo_launched(pipeline):
    text = ("The army said the enemy fired 22 rockets at the town overnight; 15 struck the "
            "market and two fell in a field.")
    assert status_of(pipeline, text, 22) == "launched"
    assert status_of(pipeline, text, 15) == "other"
    assert status_of(pipeline, text, 2) == "other"


def test_a_part_of_the_drones_used_that_hit_the_target(pipeline):
    text = "The navy said it sank the tanker using eight sea drones, five of which hit the hull."
    assert status_of(pipeline, text, 5) == "other"


def test_weapons_an_attacker_used_after_another_instrument_are_launched(pipeline):
    assert status_of(pipeline, "The rebels said they had hit the frigate with a sea drone and "
                               "four anti-ship missiles.", 4) == "launched"
    assert status_of(pipeline, "The ministry equipped the brigade with a radar and 14 tanks.",
                     14) != "launched"


def test_munitions_flown_or_sent_toward_the_other_side_are_launched(pipeline):
    assert status_of(pipeline, "The South said the North had floated some 250 balloons over "
                               "the weekend.", 250) == "launched"
    assert status_of(pipeline, "The militia sent about 60 rockets toward northern Galilee on "
                               "Friday.", 60) == "launched"


# --- 'announced by' names who said it, not a package --------------------------------------

def test_units_announced_by_a_party_are_not_supplied(pipeline):
    text = "The drill involved six navy formations announced by the fleet command on Monday."
    assert status_of(pipeline, text, 6) != "supplied"


# --- aircraft lost where the sentence speaks of bringing them down were shot down ---------

def test_jets_lost_in_a_sentence_about_shooting_down_are_intercepted(pipeline):
    text = ("The air force denied that three jets had been lost, saying none of its fighters "
            "had been shot down.")
    assert status_of(pipeline, text, 3) == "intercepted"


def test_jets_lost_on_the_ground_stay_destroyed(pipeline):
    text = "The air force said three jets had been lost in the raid on the airfield."
    assert status_of(pipeline, text, 3) == "destroyed"


# --- equipment shot down, captured, counted in units, sold --------------------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("The minister said four jets had been downed near the border.", 4, "intercepted"),
    ("He said he could confirm that two bombers had been taken down.", 2, "intercepted"),
    ("A raid on the airfield downed 6 helicopters on the ground.", 6, "destroyed"),
    ("Of 900 armoured vehicles lost, 610 were destroyed and 290 were seized by the defenders.",
     290, "captured"),
    ("The defenders have captured more than 1,400 pieces of enemy hardware.", 1400,
     "captured"),
    ("Of the 800 guns counted, 500 were destroyed and 120 fell into enemy hands.", 120,
     "captured"),
])
def test_what_befell_equipment(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_units_count_hardware_where_the_report_speaks_of_equipment(pipeline):
    text = ("The monitor counts 9,200 pieces of enemy equipment lost. Most of them, 7,400 "
            "units, were destroyed outright. Another 600 were left damaged.")
    assert status_of(pipeline, text, 7400) == "destroyed"
    assert status_of(pipeline, text, 600) == "other"


def test_drones_listed_with_ground_equipment_were_destroyed_with_it(pipeline):
    text = "The brigade said it destroyed seven tanks, four howitzers and 52 drones."
    assert status_of(pipeline, text, 52) == "destroyed"
    assert status_of(pipeline, "Air defences destroyed 52 drones overnight.", 52) == \
        "intercepted"


def test_an_attack_named_as_a_time_is_not_what_the_thing_did(pipeline):
    text = ("The air force said it shot down three jets and at least one drone in the hours "
            "after the enemy's missile strikes on the border.")
    assert status_of(pipeline, text, 1) == "intercepted"


def test_aircraft_that_came_down_were_destroyed(pipeline):
    text = "Officials said two warplanes had come down inside the border province."
    assert status_of(pipeline, text, 2) == "destroyed"


def test_the_contents_of_a_sale_are_supplied(pipeline):
    text = "The notice says the sale covers 40 Stinger missiles and 12 radars."
    assert status_of(pipeline, text, 40) == status_of(pipeline, text, 12) == "supplied"
