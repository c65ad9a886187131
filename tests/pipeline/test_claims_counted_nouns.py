"""What a number counts: the noun a report leaves unsaid (said before, or in the clause
before), parts that add up to a total, nouns in forms that hide them, a force sized by its
strength, things done a number of times, one of a kind counted by its article. Sentences
are our own."""

import pytest

from tests.pipeline.wire import claims_of

# --- a number whose noun was said before --------------------------------------------------

def test_a_number_opening_its_clause_counts_what_was_counted_before(pipeline):
    text = ("The militia fired 30 rockets at the port overnight; 12 hit the docks, four fell "
            "into the sea and one was stopped by the frigate.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(30, "rockets"), (12, "rockets"), (4, "rockets"), (1, "rockets")} <= got


def test_a_word_number_starting_the_next_sentence_counts_the_same_people(pipeline):
    text = ("Twenty sailors were pulled from the water and taken to the naval hospital. "
            "Six remain there, the navy said.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (6, "sailors") in got


# --- a number whose noun was said before --------------------------------------------------

def test_a_clause_that_leaves_out_its_verb_counts_what_the_one_before_counted(pipeline):
    text = "The mayor said 14 villagers were wounded and three kidnapped by the gunmen."
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (3, "villagers", "captured") in got


def test_a_state_listed_with_its_verb_left_out(pipeline):
    text = ("Nine miners were hurt in the blast: two were in a critical condition and "
            "seven in a stable condition.")
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (7, "miners", "wounded") in got


# --- a number whose noun was said before --------------------------------------------------

def test_more_of_the_thing_just_counted(pipeline):
    text = ("Guards killed three of the gunmen and arrested four more near the gate, the "
            "prison service said.")
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert (4, "captured") in got


def test_others_after_a_word_number(pipeline):
    text = "Two policemen were killed and five others badly hurt in the blast on Friday."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (5, "policemen") in got


def test_another_said_with_the_number_counts_what_was_counted_before(pipeline):
    text = ("Germany will refurbish 30 howitzers for Kyiv, and Norway will pay for another "
            "30, the ministry said.")
    got = [c for c in claims_of(pipeline, text) if c.value == 30]
    assert len(got) == 2


def test_the_other_few_of_a_group_counted_before(pipeline):
    text = ("The camp held 50 refugees: 30 lived in tents and 12 in a school, while the other "
            "eight stayed with relatives in town.")
    got = {c.value for c in claims_of(pipeline, text)}
    assert 8 in got


# --- parts that add up to a total count what it counts ------------------------------------

def test_a_crew_listed_by_where_its_members_come_from(pipeline):
    text = ("The freighter had 14 sailors on board: nine Egyptians, three from Bangladesh "
            "and two from Ghana.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(3, "sailors"), (2, "sailors")} <= got


# --- parts that add up to a total count what it counts ------------------------------------

def test_figures_that_add_up_to_a_total_count_what_it_counts(pipeline):
    text = ("About 2,000 officers will guard the summit, with 1,200 inside the security zone "
            "and 800 at the airport.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(1200, "officers"), (800, "officers")} <= got


def test_word_numbers_splitting_a_total_by_agent(pipeline):
    text = ("Twelve hostages were released on Sunday: seven by the militia and five by "
            "the smugglers.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(7, "hostages"), (5, "hostages")} <= got


def test_figures_that_do_not_add_up_split_no_total(pipeline):
    text = "About 300 troops arrived on Monday, with 40 in the north and 90 at the port."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (40, "troops") not in got and (90, "troops") not in got


# --- parts that add up to a total count what it counts ------------------------------------

def test_a_list_by_place_after_a_colon_counts_what_the_sentence_before_counted(pipeline):
    text = ("Air defences destroyed 60 drones overnight, the ministry said. Most fell over "
            "the southern regions: 25 over Rostov, 19 over Krasnodar and 8 over Crimea.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(25, "drones"), (19, "drones"), (8, "drones")} <= got


# --- nouns in forms that hide them --------------------------------------------------------

def test_quotation_marks_around_the_counted_noun_do_not_hide_it(pipeline):
    text = 'The governor said nine "militants" had been "neutralised" near the dam.'
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (9, "militants") in got


def test_the_number_of_a_noun_with_a_modifier_before_it(pipeline):
    text = ("The number of border guards killed in the ambush near the river crossing rose "
            "on Tuesday to 9, the ministry said.")
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (9, "guards", "killed") in got


# --- nouns in forms that hide them --------------------------------------------------------

def test_the_men_of_a_service_are_people(pipeline):
    text = "The wing sent about 40 airmen and a dozen patrolmen to guard the depot."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (40, "airmen") in got


def test_installations_a_raid_destroys(pipeline):
    text = "The raiders destroyed two refuelling stations and four hangars at the airfield."
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (2, "refuelling stations", "destroyed") in got


def test_a_drive_configuration_between_the_number_and_its_noun(pipeline):
    text = "The army delivered 20 Tatra 8x8 armoured trucks and six Iveco 4x4 utility vehicles."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (20, "armoured trucks") in got or (20, "trucks") in got
    assert (6, "vehicles") in got or (6, "utility vehicles") in got


def test_suspected_members_of_an_armed_group(pipeline):
    text = "Police said fourteen suspected members of the smuggling ring were arrested at dawn."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.status) == (14, "captured")


# --- a force sized by a figure or its strength --------------------------------------------

def test_a_force_sized_by_a_count_verb_counts_troops(pipeline):
    text = "The second contingent, flown in last month, had been put at 2,000 by officials."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (2000, "troops")


# --- a force sized by a figure or its strength --------------------------------------------

def test_a_force_sized_by_its_strength(pipeline):
    text = "The 4,200-strong regional task force will be deployed to the border in May."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit, c.subject) == (4200, "troops", "regional task force")


def test_a_crowd_sized_by_its_strength_is_no_force(pipeline):
    text = "A 3,000-strong crowd marched through the capital on Sunday."
    assert not [c for c in claims_of(pipeline, text) if c.unit == "troops"]


# --- things done a number of times --------------------------------------------------------

def test_a_violation_repeated_a_number_of_times(pipeline):
    text = "Belarusian helicopters have breached Polish airspace six times since June."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (6, "violations")


def test_the_times_a_group_has_attacked(pipeline):
    text = "It was the third times that the militia had attacked the camp, a resident said."
    got = [c for c in claims_of(pipeline, text) if c.unit == "attacks"]
    assert not got  # an ordinal is no count
    text = "Residents said it was now four times that gunmen had raided the market."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (4, "attacks")


def test_times_of_a_change_are_no_count(pipeline):
    assert claims_of(pipeline, "Fuel prices rose three times this year.") == []


# --- one of a kind, counted by its word or its article ------------------------------------

def test_one_service_member_and_hired_contractors(pipeline):
    text = "The blast killed one service member and two contractors at the depot."
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert {(1, "killed"), (2, "killed")} <= got


# --- one of a kind, counted by its word or its article ------------------------------------

def test_one_of_a_force_counted_by_its_article(pipeline):
    text = ("On Sunday a marine was killed and another was wounded when their patrol hit a "
            "mine, the navy said.")
    got = sorted((c.value, c.status) for c in claims_of(pipeline, text))
    assert got == [(1, "killed"), (1, "wounded")]


def test_an_article_before_a_noun_that_is_no_outcome_is_no_count(pipeline):
    text = "A soldier who served in the unit told reporters the base was quiet."
    assert claims_of(pipeline, text) == []


def test_one_more_of_something_uncounted_is_no_count(pipeline):
    text = ("Ten soldiers were killed, the army said; a spokesman for the rebels called it "
            "one more invented story.")
    assert [c.value for c in claims_of(pipeline, text)] == [10]


# --- qualifiers, names and hyphens between the number and its noun ------------------------

def test_two_names_joined_by_and_qualify_one_counted_noun(pipeline):
    (c,) = claims_of(pipeline, "About 120 Navy and Marine Corps personnel are based there.")
    assert (c.value, c.unit) == (120, "personnel")


def test_two_plain_qualifiers_joined_by_and(pipeline):
    (c,) = claims_of(pipeline, "The package includes 14 coastal and riverine patrol boats.")
    assert c.unit == "patrol boats"


def test_members_of_families_and_forces_are_people(pipeline):
    text = ("The rebels said 90 soldiers and 64 members of their families surrendered, and "
            "that 17 members of the security forces were killed.")
    claims = {c.value: c for c in claims_of(pipeline, text)}
    assert claims[64].unit == "family members"
    assert claims[17].status == "killed"
    assert not claims_of(pipeline, "The 40 members of parliament voted.")


def test_the_number_of_a_hyphenated_noun(pipeline):
    text = "The monitor puts the number of pro-government fighters killed at 75."
    (c,) = claims_of(pipeline, text)
    assert (c.unit, c.status) == ("fighters", "killed")


def test_a_name_between_number_and_noun_keeps_the_count(pipeline):
    (c,) = claims_of(pipeline, "Three African Union monitors died when their lorry overturned.")
    assert (c.value, c.unit, c.status) == (3, "monitors", "killed")


def test_two_counts_with_their_own_modifiers_share_the_noun_after_them(pipeline):
    text = "About 30 loaded and 45 empty trucks were still waiting at the border crossing."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(30, "trucks"), (45, "trucks")} <= got


# --- a count without its noun, or put on an object said before 'at' -----------------------

@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Some 9,000 residents left the old quarter, 4,000 from the market district and "
     "another 2,000 from the river camps.", 2000, "residents"),
    ("Some 9,000 residents left the old quarter, 4,000 from the market district and "
     "another 2,000 from the river camps.", 4000, "residents"),
    ("Rescuers pulled 40 miners out alive; the other 12 were trapped below.", 12, "miners"),
    ("The convoy carried 60 families out of the valley, while about 300 were still in the "
     "village.", 300, "families"),
])
def test_a_count_without_its_noun_counts_what_came_before(pipeline, text, value, unit):
    (c,) = [c for c in claims_of(pipeline, text) if c.value == value]
    assert c.unit == unit


def test_a_count_put_on_an_object_said_before_at(pipeline):
    (c,) = claims_of(pipeline, "The command put overall enemy personnel losses at about 7,300 "
                               "by the end of the week.")
    assert (c.value, c.unit, c.approx) == (7300, "personnel", True)


def test_a_breakdown_that_names_its_people_after_are(pipeline):
    text = "Of the 40 freed, three are officers and 37 are privates and sergeants."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(3, "officers"), (37, "privates")} <= got


def test_places_listed_with_their_share_count_what_was_counted_before(pipeline):
    text = ("About 80,000 refugees have crossed so far, most to Ghana with 41,000, then to "
            "Togo (22,500) and Benin (9,800). Reader Comments (12)")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(41000, "refugees"), (22500, "refugees"), (9800, "refugees")} <= got
    assert 12 not in {v for v, _ in got}
