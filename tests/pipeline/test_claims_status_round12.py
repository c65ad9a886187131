"""What befell a counted thing, in forms the rules read wrongly before status12: counts
given again, tables of a force's activity, answers in an interview. Sentences are our
own."""

from tests.pipeline.wire import status_of

# --- a count given again takes what befell the count it restates ----------------------------

def test_a_total_put_again_by_another_party_keeps_the_first_count_s_status(pipeline):
    text = ("Air defence officials said 64 cruise missiles were fired overnight, 50 of which "
            "were brought down.\n\nA navy spokesman had earlier put the total at about 70 "
            "missiles.")
    assert status_of(pipeline, text, 70) == "launched"


def test_a_figure_put_again_names_the_count_it_restates(pipeline):
    text = ("The ministry says the total number of volunteers sent to the front so far is "
            "about 4,000 fighters. A few of them moved to the eastern sector.\n\nIn March "
            "officials put the figure at 2,500 fighters.")
    assert status_of(pipeline, text, 2500) == "sent"


def test_a_number_put_with_its_outcome_keeps_that_outcome(pipeline):
    text = ("Rescuers said 40 people were wounded in the blast.\n\nThe hospital later put "
            "the number of dead at 12.")
    assert status_of(pipeline, text, 12) == "killed"


# --- a table of a force's exercise counts what it flew and sailed --------------------------

def test_ships_in_a_table_of_an_exercise_are_deployed(pipeline):
    text = ("The navy held a three-day drill off the northern coast this week. The table "
            "below sets out what the coast guard counted.\n\n"
            "Day | Warships | Frigates\n"
            "Monday | 9 | 6\n"
            "Tuesday | 11 | 4")
    assert status_of(pipeline, text, 11) == "deployed"
    assert status_of(pipeline, text, 6) == "deployed"


def test_ships_in_a_table_of_losses_are_not_deployed(pipeline):
    text = ("The table below sets out the vessels each side says it sank.\n\n"
            "Claimant | Warships | Patrol boats\n"
            "Navy | 9 | 6")
    assert status_of(pipeline, text, 9) != "deployed"


# --- an answer counts what its question asks about ---------------------------------------

def test_a_bare_answer_takes_the_question_s_outcome(pipeline):
    text = ("We spoke to the head of the provincial relief office.\n\n"
            "Q: How many residents have fled the valley since the floods?\n\n"
            "A: About 2,300 households, according to our lists.")
    assert status_of(pipeline, text, 2300) == "displaced"


def test_an_answer_with_its_own_verb_keeps_it(pipeline):
    text = ("We spoke to the head of the provincial relief office.\n\n"
            "Q: How many residents have fled the valley since the floods?\n\n"
            "A: Nobody knows yet, but 14 people were killed on the first night.")
    assert status_of(pipeline, text, 14) == "killed"


# --- members of a force, and a force's strength -----------------------------------------

def test_members_of_a_force_who_have_been_somewhere_are_present(pipeline):
    text = ("The new units join about 1,400 Territorial Defence members who have been at "
            "the port since the spring.")
    assert status_of(pipeline, text, 1400) == "present"


def test_a_group_s_strength_put_at_a_figure_is_present(pipeline):
    text = "Army analysts estimated the rebel front in 2022 at some 2,600 fighters."
    assert status_of(pipeline, text, 2600) == "present"


# --- an outcome closes its own conjunct; the next list takes the verb after it -------------

def test_a_list_after_a_closed_conjunct_takes_its_own_verb(pipeline):
    text = ("The mayor spoke of three members of the police killed and 16 firefighters "
            "and four passers-by injured.")
    assert status_of(pipeline, text, 3) == "killed"
    assert status_of(pipeline, text, 16) == "wounded"



# --- the wounded moved on for care are patients, not a force sent ----------------------------

def test_service_members_flown_out_for_care_are_other(pipeline):
    text = ("Twenty-two sailors were hurt in the fire. Five of them were airlifted to the "
            "mainland for specialist treatment on Sunday.")
    assert status_of(pipeline, text, 5) == "other"


def test_troops_flown_in_on_an_errand_stay_sent(pipeline):
    assert status_of(pipeline, "Some 300 marines were flown to the island to guard the "
                               "airport.", 300) == "sent"


# --- a contingent is a batch, not presence; a force 'already in' a place is present --------

def test_a_contingent_that_arrived_is_sent(pipeline):
    assert status_of(pipeline, "A first contingent of 150 engineers from Chile arrived in "
                               "the port on Tuesday.", 150) == "sent"


def test_a_force_already_in_a_place_is_present(pipeline):
    text = "A battalion of 600 soldiers already in Bamako guards the ministries."
    assert status_of(pipeline, text, 600) == "present"


# --- a 'where' clause describes the place, not what befell the count ----------------------

def test_a_where_clause_after_a_place_is_not_the_count_s_status(pipeline):
    text = ("About 90 Belgian instructors were at the camp, where they train army recruits, "
            "the ministry said.")
    assert status_of(pipeline, text, 90) == "present"


# --- 'have left N ... dead': the state the count was left in, not flight ---------------------

def test_left_dead_or_injured_is_not_flight(pipeline):
    assert status_of(pipeline, "Two days of shelling have left 45 villagers dead, the "
                               "governor said.", 45) == "killed"
    assert status_of(pipeline, "The storm had left 120 people injured across the coast.",
                     120) == "wounded"


def test_residents_who_have_left_still_fled(pipeline):
    assert status_of(pipeline, "Around 3,000 residents have left the valley.", 3000) == \
        "displaced"


# --- 'announced by' names who said it, not a package ---------------------------------------

def test_units_announced_by_a_party_are_not_supplied(pipeline):
    text = "The drill involved six navy formations announced by the fleet command on Monday."
    assert status_of(pipeline, text, 6) != "supplied"


# --- a row's label says what befell its figures -----------------------------------------------

def test_a_row_label_with_a_cue_overrules_the_text_above_the_table(pipeline):
    text = ("Fighting has displaced more than 200,000 people in the province since June.\n\n"
            "Indicator | Figure\n"
            "Households in need | 31,000\n"
            "Families displaced | 45,000")
    assert status_of(pipeline, text, 31000) == "other"
    assert status_of(pipeline, text, 45000) == "displaced"
