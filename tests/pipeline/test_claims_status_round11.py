"""What befell a counted thing, in forms the former blind sets wrote and the rules read
wrongly (status11). Sentences are our own."""

import pytest

from tests.pipeline.wire import status_of

# --- those who serve a side move; they do not flee ----------------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    ("Some 4,000 paratroopers have left the northern province since March.", 4000),
    ("The agency said 35 aid workers were relocated out of the district after the shelling.",
     35),
    ("Twelve crew members were moved out of the port for treatment.", 12),
])
def test_forces_and_staff_that_move_are_not_displaced(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "other"


def test_civilians_that_leave_are_still_displaced(pipeline):
    assert status_of(pipeline, "Some 4,000 villagers have left the northern province since "
                               "March.", 4000) == "displaced"


# --- a search's haul is not equipment captured in battle ----------------------------------

def test_weapons_seized_in_a_raid_are_other(pipeline):
    text = "During the raid police seized 14 rifles, three pistols and four cars."
    assert status_of(pipeline, text, 14) == "other"
    assert status_of(pipeline, text, 4) == "other"


def test_tanks_seized_in_fighting_stay_captured(pipeline):
    assert status_of(pipeline, "The brigade said it had seized 12 tanks near the river.",
                     12) == "captured"


# --- a part takes the outcome of its group -------------------------------------------------

def test_a_part_after_a_toll_whose_noun_stands_before_it(pipeline):
    text = ("The number of people killed in the flooding has risen to 87, nine of them "
            "children, officials said, adding that they expected it to climb.")
    assert status_of(pipeline, text, 9) == "killed"


def test_a_part_of_a_group_no_longer_held_is_not_captured(pipeline):
    text = "The first bus carried 40 former detainees, 25 of them teenagers, to the border."
    assert status_of(pipeline, text, 40) == "other"
    assert status_of(pipeline, text, 25) == "other"


def test_a_part_named_by_the_outcome_of_the_whole(pipeline):
    assert status_of(pipeline, "Relatives buried six of the dead miners on Sunday.",
                     6) == "killed"


def test_captives_freed_after_a_relative_clause(pipeline):
    assert status_of(pipeline, "Four nurses who had been abducted in June were freed on "
                               "Monday.", 4) == "other"


@pytest.mark.parametrize("sentence", [
    "Five workers got out of the plant, two of them badly burned.",
    "Five workers got out of the plant, two of them with severe burns.",
])
def test_people_burned_are_wounded(pipeline, sentence):
    assert status_of(pipeline, sentence, 2) == "wounded"


# --- a toll counts the dead unless it restates a count of both -----------------------------

def test_a_bare_toll_counts_the_dead(pipeline):
    assert status_of(pipeline, "The toll among residents now stands at 320, most of them "
                               "farmers.", 320) == "killed"


def test_a_toll_restating_killed_or_wounded_stays_casualties(pipeline):
    text = ("The army admits 900 killed or wounded, while monitors have estimated the toll "
            "at about 2,500.")
    assert status_of(pipeline, text, 2500) == "casualties"


@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("Two years of feuding between the clans had claimed more than 300 lives.", 300, "killed"),
    ("The landslide cost 45 lives in the valley, the governor said.", 45, "killed"),
    ("Doctors said the new field hospital had saved about 900 lives since May.", 900,
     "other"),
])
def test_lives_claimed_are_the_dead_and_lives_saved_are_not(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


# --- aircraft and ships that fly or sail, weapons trained on a target ----------------------

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


# --- a count restated in households between the figure and its verb -----------------------

@pytest.mark.parametrize("sentence", [
    "The agency said 48,300 people, or about 9,100 families, have fled the coastal districts.",
    "Officials said some 6,400 individuals from nearly 1,000 households had been displaced.",
])
def test_the_verb_past_a_count_of_households_is_the_figures(pipeline, sentence):
    value = 48300 if "48,300" in sentence else 6400
    assert status_of(pipeline, sentence, value) == "displaced"


# --- people counted where they were --------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("About 600 pupils were at the boarding school when the gunmen came.", 600, "present"),
    ("Some 3,000 troops have been in the valley since the spring.", 3000, "present"),
    ("Officials said 120 pupils are on their way to the capital.", 120, "other"),
])
def test_people_said_to_be_at_a_place(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_goods_handed_over_are_supplied_and_people_handed_over_released(pipeline):
    assert status_of(pipeline, "A local firm handed over 40 tonnes of flour to the camp.",
                     40) == "supplied"
    assert status_of(pipeline, "The militia handed over nine hostages to the Red Cross.",
                     9) == "other"


def test_an_outcome_closing_a_conjunct_of_two_nouns_is_not_the_next_figures(pipeline):
    text = "The ministry said four guards and a driver were killed and nine guards wounded."
    assert status_of(pipeline, text, 4) == "killed"
    assert status_of(pipeline, text, 9) == "wounded"


def test_a_part_introduced_after_a_dash_takes_the_wholes_outcome(pipeline):
    text = ("Officials said 9,000 residents had been evacuated since Monday - most of them by "
            "bus - including about 700 children.")
    assert status_of(pipeline, text, 700) == "displaced"


# --- munitions counted where they hit, landed or fell (the guide's 'other') ----------------

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


def test_a_count_of_refugee_households_registered_is_displaced(pipeline):
    assert status_of(pipeline, "By Friday 2,340 refugee households had been registered at the "
                               "border post.", 2340) == "displaced"
    # where they are now, said by a verb of hosting, stays present
    assert status_of(pipeline, "The school hosts 300 refugee families.", 300) == "present"


def test_a_force_on_its_way_somewhere_is_sent(pipeline):
    assert status_of(pipeline, "Some 450 marines left the base at dawn and are now heading to "
                               "the coast.", 450) == "sent"
    assert status_of(pipeline, "About 90 paratroopers were en route to the airport on "
                               "Monday.", 90) == "sent"


def test_a_verb_in_an_aside_on_part_of_the_figure_is_the_parts(pipeline):
    text = ("Before the ceasefire about 80,000 people, most of them already displaced once, "
            "had been sheltering in the old city.")
    assert status_of(pipeline, text, 80000) == "present"
    # a part said with a copula still says what befell it ("most of them were killed")
    assert status_of(pipeline, "About 300 people died, most of them shot in the square.",
                     300) == "killed"


def test_munitions_flown_or_sent_toward_the_other_side_are_launched(pipeline):
    assert status_of(pipeline, "The South said the North had floated some 250 balloons over "
                               "the weekend.", 250) == "launched"
    assert status_of(pipeline, "The militia sent about 60 rockets toward northern Galilee on "
                               "Friday.", 60) == "launched"
