"""What befell a counted thing that is where it was: people at a place, a force already in
it or there for a while, a force's strength, people housed somewhere or on a train.
Sentences are our own."""

import pytest

from tests.pipeline.wire import status_of

# --- people counted where they were -------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("About 600 pupils were at the boarding school when the gunmen came.", 600, "present"),
    ("Some 3,000 troops have been in the valley since the spring.", 3000, "present"),
    ("Officials said 120 pupils are on their way to the capital.", 120, "other"),
])
def test_people_said_to_be_at_a_place(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_members_of_a_force_who_have_been_somewhere_are_present(pipeline):
    text = ("The new units join about 1,400 Territorial Defence members who have been at "
            "the port since the spring.")
    assert status_of(pipeline, text, 1400) == "present"


def test_a_force_already_in_a_place_is_present(pipeline):
    text = "A battalion of 600 soldiers already in Bamako guards the ministries."
    assert status_of(pipeline, text, 600) == "present"


# --- a force's strength put at a figure ---------------------------------------------------

def test_a_group_s_strength_put_at_a_figure_is_present(pipeline):
    text = "Army analysts estimated the rebel front in 2022 at some 2,600 fighters."
    assert status_of(pipeline, text, 2600) == "present"


# --- people housed somewhere, a force stationed -------------------------------------------

def test_a_camp_that_houses_people_has_them_present(pipeline):
    text = "A school the council converted last month now houses 650 people, officials said."
    assert status_of(pipeline, text, 650) == "present"


def test_a_news_release_is_no_release_of_the_people_counted(pipeline):
    text = ("The agency said on the day of the release that about 4,000 troops, among them "
            "marines and engineers, were stationed along the coast.")
    assert status_of(pipeline, text, 4_000) == "deployed"


# --- people on a train are where it is ----------------------------------------------------

def test_a_railway_train_is_no_training(pipeline):
    text = "The train, which was carrying some 350 passengers, stopped in a tunnel."
    assert status_of(pipeline, text, 350) == "present"
    text = "Gunmen seized 90 people from the train near the pass."
    assert status_of(pipeline, text, 90) != "training"
