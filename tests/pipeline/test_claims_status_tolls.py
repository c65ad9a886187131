"""The dead and the hurt: a toll (alone, restated, put at a word number), lives claimed or
saved, people burned or treated, a count left dead. Sentences are our own."""

import pytest

from tests.pipeline.wire import claims_of, status_of

# --- a toll counts the dead unless it restates a count of both ----------------------------

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


# --- the hurt named by their injury -------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Five workers got out of the plant, two of them badly burned.",
    "Five workers got out of the plant, two of them with severe burns.",
])
def test_people_burned_are_wounded(pipeline, sentence):
    assert status_of(pipeline, sentence, 2) == "wounded"


# --- 'have left N ... dead': the state the count was left in, not flight ------------------

def test_left_dead_or_injured_is_not_flight(pipeline):
    assert status_of(pipeline, "Two days of shelling have left 45 villagers dead, the "
                               "governor said.", 45) == "killed"
    assert status_of(pipeline, "The storm had left 120 people injured across the coast.",
                     120) == "wounded"


def test_residents_who_have_left_still_fled(pipeline):
    assert status_of(pipeline, "Around 3,000 residents have left the valley.", 3000) == \
        "displaced"


# --- people treated for injuries are hurt, for shock not ----------------------------------

def test_people_treated_for_shock_are_not_the_wounded(pipeline):
    text = "Medics said 15 residents were being treated for shock after the blast."
    assert status_of(pipeline, text, 15) == "other"


def test_people_treated_for_injuries_stay_wounded(pipeline):
    text = "Medics said 15 residents were being treated for burns after the blast."
    assert status_of(pipeline, text, 15) == "wounded"


# --- a toll alone, restated, or put at a word number --------------------------------------

def test_a_toll_alone_counts_the_dead(pipeline):
    text = ("At least 52 people died in the landslide, the governor said, raising the "
            "province's earlier toll of 31.")
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert (31, "killed") in got


def test_a_toll_restating_the_killed_or_wounded_is_not_only_the_dead(pipeline):
    text = ("The governor counted 900 killed or wounded, while aid groups estimated the toll "
            "at around 700.")
    (c,) = [c for c in claims_of(pipeline, text) if c.value == 700]
    assert c.status != "killed"


def test_the_number_of_dead_put_at_a_word_number(pipeline):
    text = "Police put the number of dead in the market town at eight."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.status) == (8, "killed")


# --- a toll with a long phrase on whose toll it is ----------------------------------------

def test_a_toll_with_a_long_phrase_on_whose_toll_it_is(pipeline):
    text = ("The toll from the ambush on a 12-truck fuel convoy heading for the northern "
            "garrison rose to nine on Thursday.")
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.status) == (9, "killed")


# --- the dead and the hurt in other words, more who died, tolls raised --------------------

def test_a_communique_says_soldiers_fell_and_others_were_badly_hurt(pipeline):
    text = ("Seventeen of our soldiers fell as heroes near the river crossing, and three "
            "others were critically injured.")
    assert status_of(pipeline, text, 17) == "killed"
    assert status_of(pipeline, text, 3) == "wounded"


def test_more_who_died_are_counted_with_the_noun_before(pipeline):
    text = "The ministry reported nine guards killed in the raid and four more who died later."
    assert status_of(pipeline, text, 4) == "killed"


def test_a_toll_brought_to_a_word_number(pipeline):
    text = "A guard died of his wounds overnight, bringing the week's toll of dead to three."
    assert status_of(pipeline, text, 3) == "killed"


def test_others_wounded_after_a_death_toll(pipeline):
    text = "About 120 soldiers have been killed and some 900 others wounded, officials said."
    assert status_of(pipeline, text, 900) == "wounded"


def test_a_toll_raised_or_passed_counts_the_toll_before_it(pipeline):
    text = ("Medics first said 35 villagers died in the fire. The regional office later raised "
            "it to at least 51.")
    (c,) = [c for c in claims_of(pipeline, text) if c.value == 51]
    assert (c.unit, c.status, c.approx) == ("villagers", "killed", True)
