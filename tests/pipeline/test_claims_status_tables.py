"""What befell a figure in a flattened table or an interview's answer (claims/tables.py):
the header over its column, the label of its row, the question it answers. Sentences
are our own."""

from tests.pipeline.wire import status_of

# --- a table of a force's exercise counts what it flew and sailed -------------------------

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


# --- a row's label says what befell its figures -------------------------------------------

def test_a_row_label_with_a_cue_overrules_the_text_above_the_table(pipeline):
    text = ("Fighting has displaced more than 200,000 people in the province since June.\n\n"
            "Indicator | Figure\n"
            "Households in need | 31,000\n"
            "Families displaced | 45,000")
    assert status_of(pipeline, text, 31000) == "other"
    assert status_of(pipeline, text, 45000) == "displaced"


# --- an answer counts what its question asks about ----------------------------------------

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


# --- a table of statements has no header status -------------------------------------------

def test_a_table_of_statements_gives_no_header_status(pipeline):
    text = ("How the count grew. The table below lists what each official said.\n\n"
            "Date | Who said it | What they said\n"
            "March | Defence minister | about 4,100 containers since the spring, holding up to "
            "two million rounds\n"
            "May | Intelligence agency | more than 6,300 containers of shells and rockets since "
            "the spring")
    assert status_of(pipeline, text, 6300) != "captured"
