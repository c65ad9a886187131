"""Which figure a cue belongs to: a part takes the outcome of its whole, an outcome closes
its own conjunct, a relative or 'where' clause is not the count's verb. Sentences are our
own."""

from tests.pipeline.wire import claims_of, status_of

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


# --- parts with their own verb, asides, a tally broken down -------------------------------

def test_a_sentence_opening_on_the_group_just_counted_keeps_its_state(pipeline):
    text = ("The police chief said about 180 gunmen were still active in the district. "
            "\"Of them, around 40 are foreigners,\" he said.")
    assert status_of(pipeline, text, 40) == "present"


def test_a_part_with_its_own_verb(pipeline):
    text = "A nurse said 14 people were badly burned and hurt, four of whom died overnight."
    assert status_of(pipeline, text, 4) == "killed"


def test_a_part_of_both_the_dead_and_the_wounded_is_casualties(pipeline):
    text = ("The monitor recorded at least 410 people killed and 220 injured in the raids, "
            "at least 19 of them children.")
    assert status_of(pipeline, text, 19) == "casualties"


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
