"""How reports write what befell the people and things they count, in forms the unseen
reports of the fifth round used and the rules missed (claims6). Sentences are our own."""

import pytest

from tests.pipeline.wire import claims_of, status_of


def test_two_dozen_is_twenty_four(pipeline):
    (c,) = claims_of(pipeline, "The mayor said about two dozen villagers had been hurt.")
    assert (c.value, c.status) == (24, "wounded")


# --- people: the outcome said after the number ------------------------------------------

def test_a_communique_says_soldiers_fell_and_others_were_badly_hurt(pipeline):
    text = ("Seventeen of our soldiers fell as heroes near the river crossing, and three "
            "others were critically injured.")
    assert status_of(pipeline, text, 17) == "killed"
    assert status_of(pipeline, text, 3) == "wounded"


def test_more_who_died_are_counted_with_the_noun_before(pipeline):
    text = "The ministry reported nine guards killed in the raid and four more who died later."
    assert status_of(pipeline, text, 4) == "killed"


def test_a_count_forced_to_flee_needs_no_noun(pipeline):
    (c,) = claims_of(pipeline, "Since the spring, more than 61,000 have been forced to flee "
                               "the valley.")
    assert (c.value, c.status) == (61000, "displaced")


def test_a_toll_brought_to_a_word_number(pipeline):
    text = "A guard died of his wounds overnight, bringing the week's toll of dead to three."
    assert status_of(pipeline, text, 3) == "killed"


# --- groups named by their plight: the verb says what befell them -----------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("The militia says it has executed 12 hostages since the siege began.", 12, "killed"),
    ("The bodies of 9 captives who died in detention were returned on Monday.", 9, "killed"),
    ("Mediators said 31 hostages had been handed over at the border post.", 31, "other"),
    ("Police said 44 hostages have been rescued from the compound.", 44, "other"),
    ("The rebels let a dozen prisoners go free at dawn.", 12, "other"),
    ("A drone hit the depot, killing 15 people including four detainees.", 4, "killed"),
])
def test_what_befell_hostages_and_prisoners(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_people_a_party_is_holding_are_captured(pipeline):
    assert status_of(pipeline, "Gunmen were holding 26 "
                               "passengers, the police said.", 26) == "captured"
    assert status_of(pipeline, "About 3,000 troops are holding the line east of the town.",
                     3000) != "captured"


def test_a_railway_train_is_no_training(pipeline):
    text = "The train, which was carrying some 350 passengers, stopped in a tunnel."
    assert status_of(pipeline, text, 350) == "present"
    text = "Gunmen seized 90 people from the train near the pass."
    assert status_of(pipeline, text, 90) != "training"


def test_a_table_of_statements_gives_no_header_status(pipeline):
    text = ("How the count grew. The table below lists what each official said.\n\n"
            "Date | Who said it | What they said\n"
            "March | Defence minister | about 4,100 containers since the spring, holding up to "
            "two million rounds\n"
            "May | Intelligence agency | more than 6,300 containers of shells and rockets since "
            "the spring")
    assert status_of(pipeline, text, 6300) != "captured"


# --- equipment: shot down, captured, counted in "units" ---------------------------------

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


def test_one_singled_out_of_a_group_is_no_count(pipeline):
    text = ("Police said nine people died in the fire. One of the dead was a teacher. One of "
            "the trucks caught fire as well.")
    assert [c.value for c in claims_of(pipeline, text)] == [9]


# --- arrivals, surrenders, presence, joining an attack ----------------------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("Aid agencies say about 12,000 people have arrived at the border camps this month.",
     12000, "displaced"),
    ("The governor said some 4,500 villagers had crossed from the neighbouring province.",
     4500, "displaced"),
    ("Another 90,000 people have since poured in from the hills.", 90000, "displaced"),
    ("About 800 combat engineers have already arrived at the front.", 800, "sent"),
    ("The rebels said 140 soldiers gave themselves up at the outpost.", 140, "captured"),
    ("Abducted and kidnapped: more than 300 people, the report says.", 300, "captured"),
    ("Police believe roughly 90 gunmen are still active in the hills.", 90, "present"),
    ("Officials said between 30 and 40 gunmen took part in the raid.", 30, "other"),
    ("Nearly 250 firefighters are taking part in the operation.", 250, "deployed"),
    ("The navy readied four frigates off the coast.", 4, "deployed"),
    ("The army has finished inducting three new battalions into the district.", 3,
     "deployed"),
    ("The junta admitted it had lost control of five towns.", 5, "other"),
])
def test_status_of_people_and_places_in_unseen_wording(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_two_names_joined_by_and_qualify_one_counted_noun(pipeline):
    (c,) = claims_of(pipeline, "About 120 Navy and Marine Corps personnel are based there.")
    assert (c.value, c.unit) == (120, "personnel")


def test_a_sentence_opening_on_the_group_just_counted_keeps_its_state(pipeline):
    text = ("The police chief said about 180 gunmen were still active in the district. "
            "\"Of them, around 40 are foreigners,\" he said.")
    assert status_of(pipeline, text, 40) == "present"


# --- list items under an introduction ---------------------------------------------------

def test_labelled_lines_under_an_introduction_count_its_noun(pipeline):
    text = ("Where the families have fled to:\n"
            "- Upper valley (Alpha, Beta): nearly 80,000 people\n"
            "- Coast (Gamma, Delta, Epsilon): more than 42,000\n"
            "- Islands: 9,500")
    claims = {c.value: c for c in claims_of(pipeline, text)}
    for value in (80000, 42000, 9500):
        assert claims[value].status == "displaced"
    assert claims[9500].unit == "people"


def test_a_label_that_says_what_befell_its_noun(pipeline):
    text = ("The tally of the enemy's losses stood as follows:\n\n"
            "  • tanks – 2,110\n  • cruise missiles shot down – 940")
    assert status_of(pipeline, text, 940) == "intercepted"


def test_two_plain_qualifiers_joined_by_and(pipeline):
    (c,) = claims_of(pipeline, "The package includes 14 coastal and riverine patrol boats.")
    assert c.unit == "patrol boats"


# --- parts, asides and lists of what was destroyed --------------------------------------

def test_an_item_after_a_colon_is_not_governed_by_the_nouns_participle(pipeline):
    text = ("Police have destroyed five more drones launched from across the river: three on "
            "the outskirts of Alpha and two in Beta.")
    assert status_of(pipeline, text, 3) == status_of(pipeline, text, 5) == "intercepted"


def test_drones_listed_with_ground_equipment_were_destroyed_with_it(pipeline):
    text = "The brigade said it destroyed seven tanks, four howitzers and 52 drones."
    assert status_of(pipeline, text, 52) == "destroyed"
    assert status_of(pipeline, "Air defences destroyed 52 drones overnight.", 52) == \
        "intercepted"


def test_a_part_with_its_own_verb(pipeline):
    text = "A nurse said 14 people were badly burned and hurt, four of whom died overnight."
    assert status_of(pipeline, text, 4) == "killed"


def test_a_part_of_both_the_dead_and_the_wounded_is_casualties(pipeline):
    text = ("The monitor recorded at least 410 people killed and 220 injured in the raids, "
            "at least 19 of them children.")
    assert status_of(pipeline, text, 19) == "casualties"


# --- money in local currencies, members of a family or force, digest headlines ----------

def test_a_local_currency_and_its_dollar_gloss(pipeline):
    text = ("Each fighter who surrendered was given 2 million kyats (about $950), and each "
            "relative 150,000 kyats ($71).")
    assert sorted((c.value, c.unit) for c in claims_of(pipeline, text)) == [
        (150_000, "MMK"), (2_000_000, "MMK")]


def test_members_of_families_and_forces_are_people(pipeline):
    text = ("The rebels said 90 soldiers and 64 members of their families surrendered, and "
            "that 17 members of the security forces were killed.")
    claims = {c.value: c for c in claims_of(pipeline, text)}
    assert claims[64].unit == "family members"
    assert claims[17].status == "killed"
    assert not claims_of(pipeline, "The 40 members of parliament voted.")


def test_a_digest_items_capital_headline_is_its_body_figure(pipeline):
    text = ("Morning brief\n\n1. BORDER: 14 GUARDS KILLED IN AMBUSH\n\n"
            "The army said on Sunday that 14 of its guards had been killed near the border.")
    assert [c.value for c in claims_of(pipeline, text)] == [14]


def test_the_number_of_a_hyphenated_noun(pipeline):
    text = "The monitor puts the number of pro-government fighters killed at 75."
    (c,) = claims_of(pipeline, text)
    assert (c.unit, c.status) == ("fighters", "killed")


# --- restated counts, event nouns, plans said after the noun ----------------------------

def test_a_figure_put_again_is_no_presence(pipeline):
    text = ("Some 9,000 people have fled the valley. The UN put the figure at more than "
            "11,000, most of them from the villages.")
    assert status_of(pipeline, text, 11000) == "displaced"


def test_others_wounded_after_a_death_toll(pipeline):
    text = "About 120 soldiers have been killed and some 900 others wounded, officials said."
    assert status_of(pipeline, text, 900) == "wounded"


def test_an_attack_named_as_a_time_is_not_what_the_thing_did(pipeline):
    text = ("The air force said it shot down three jets and at least one drone in the hours "
            "after the enemy's missile strikes on the border.")
    assert status_of(pipeline, text, 1) == "intercepted"


@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("A list was published of more than 600 detainees that the government is expected to "
     "release.", 600, "expected"),
    ("The group named the 12 hostages it is due to set free on Sunday.", 12, "planned"),
])
def test_what_is_to_become_of_the_counted_said_after_them(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_a_tally_broken_down_in_the_next_sentence(pipeline):
    text = ("The enemy has lost more than 2,400 tanks since March. The tally, the ministry "
            "said, comprises 1,100 tanks, 800 armoured vehicles and 500 artillery systems.")
    for value in (1100, 800, 500):
        assert status_of(pipeline, text, value) == "destroyed"


def test_the_whole_looks_past_an_including_aside_to_its_verb(pipeline):
    text = "The minister said 2,310 people, including 150 children and 98 women, had been killed."
    assert status_of(pipeline, text, 2310) == "killed"
    text = "Two people, a man of 70 and a woman of 41, were wounded."
    assert status_of(pipeline, text, 2) == "wounded"


def test_a_part_after_a_long_phrase_on_the_whole(pipeline):
    text = ("Monitors had counted about 90 dead in four districts of the hill region, which "
            "borders the river, among them nine former fighters.")
    assert status_of(pipeline, text, 9) == "killed"


def test_a_count_of_people_by_nationality(pipeline):
    text = ("More than 300,000 people had been evacuated by Friday. Of these, about 210,000 "
            "were Laotian and 90,000 Burmese.")
    claims = {c.value: c for c in claims_of(pipeline, text)}
    assert claims[210000].status == claims[90000].status == "displaced"


def test_aircraft_that_came_down_were_destroyed(pipeline):
    text = "Officials said two warplanes had come down inside the border province."
    assert status_of(pipeline, text, 2) == "destroyed"


def test_a_capacity_is_no_count(pipeline):
    text = "The terminal has storage capacity for 2 million barrels and lost 40 tanks."
    assert [c.value for c in claims_of(pipeline, text)] == [40]


def test_the_contents_of_a_sale_are_supplied(pipeline):
    text = "The notice says the sale covers 40 Stinger missiles and 12 radars."
    assert status_of(pipeline, text, 40) == status_of(pipeline, text, 12) == "supplied"


# --- counts whose noun goes unsaid (eighth round, lead) ---------------------------------

def test_a_name_between_number_and_noun_keeps_the_count(pipeline):
    (c,) = claims_of(pipeline, "Three African Union monitors died when their lorry overturned.")
    assert (c.value, c.unit, c.status) == (3, "monitors", "killed")


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


def test_a_table_column_header_names_the_noun_and_what_befell_it(pipeline):
    text = ("Clashes reported by the brigade this spring, with the dead on each side:\n\n"
            "Date | Village | Militants killed | Guards killed | Guards wounded\n"
            "3 Apr | Upper Ford | 7 | 0 | 4\n"
            "9 May | Stone Bridge | 2 | 1 | 0\n")
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (4, "guards", "wounded") in got
    assert (7, "militants", "killed") in got
    assert (1, "guards", "killed") in got
    assert not [v for v, _, _ in got if v == 0]  # an empty cell counts nothing


def test_a_toll_raised_or_passed_counts_the_toll_before_it(pipeline):
    text = ("Medics first said 35 villagers died in the fire. The regional office later raised "
            "it to at least 51.")
    (c,) = [c for c in claims_of(pipeline, text) if c.value == 51]
    assert (c.unit, c.status, c.approx) == ("villagers", "killed", True)


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


def test_two_counts_with_their_own_modifiers_share_the_noun_after_them(pipeline):
    text = "About 30 loaded and 45 empty trucks were still waiting at the border crossing."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(30, "trucks"), (45, "trucks")} <= got
