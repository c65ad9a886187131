"""Which figure a cue belongs to: a part takes the outcome of its whole, an outcome closes
its own conjunct, a relative or 'where' clause is not the count's verb. Sentences are our
own."""

from tests.pipeline.wire import status_of

# --- a part takes the outcome of its group ------------------------------------------------

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


def test_a_part_introduced_after_a_dash_takes_the_wholes_outcome(pipeline):
    text = ("Officials said 9,000 residents had been evacuated since Monday - most of them by "
            "bus - including about 700 children.")
    assert status_of(pipeline, text, 700) == "displaced"


def test_a_verb_in_an_aside_on_part_of_the_figure_is_the_parts(pipeline):
    text = ("Before the ceasefire about 80,000 people, most of them already displaced once, "
            "had been sheltering in the old city.")
    assert status_of(pipeline, text, 80000) == "present"
    # a part said with a copula still says what befell it ("most of them were killed")
    assert status_of(pipeline, "About 300 people died, most of them shot in the square.",
                     300) == "killed"


# --- an outcome closes its own conjunct; the next list takes the verb after it ------------

def test_an_outcome_closing_a_conjunct_of_two_nouns_is_not_the_next_figures(pipeline):
    text = "The ministry said four guards and a driver were killed and nine guards wounded."
    assert status_of(pipeline, text, 4) == "killed"
    assert status_of(pipeline, text, 9) == "wounded"


def test_a_list_after_a_closed_conjunct_takes_its_own_verb(pipeline):
    text = ("The mayor spoke of three members of the police killed and 16 firefighters "
            "and four passers-by injured.")
    assert status_of(pipeline, text, 3) == "killed"
    assert status_of(pipeline, text, 16) == "wounded"


# --- a relative or 'where' clause is not what befell the count ----------------------------

def test_captives_freed_after_a_relative_clause(pipeline):
    assert status_of(pipeline, "Four nurses who had been abducted in June were freed on "
                               "Monday.", 4) == "other"


def test_a_where_clause_after_a_place_is_not_the_count_s_status(pipeline):
    text = ("About 90 Belgian instructors were at the camp, where they train army recruits, "
            "the ministry said.")
    assert status_of(pipeline, text, 90) == "present"


# --- the parts a group is said to be take its outcome -------------------------------------

def test_the_parts_a_group_of_dead_is_said_to_be_were_killed(pipeline):
    text = "The 14 dead were eleven miners and three rescuers, the company said."
    assert status_of(pipeline, text, 11) == "killed"
    assert status_of(pipeline, text, 3) == "killed"
