"""What is still to befall a counted thing: people cleared or asked for, a strength to be
reached or had, places to open, money to be paid, whom an appeal means to reach; a
forecast by others stays expected. Sentences are our own."""

import pytest

from tests.pipeline.wire import status_of

# --- people cleared or asked for are still to go ------------------------------------------

def test_people_approved_to_deploy_are_planned(pipeline):
    text = "Around 900 reservists have been approved to deploy to the eastern coast next month."
    assert status_of(pipeline, text, 900) == "planned"


def test_an_approval_of_a_request_to_send_stays_sent(pipeline):
    text = "The cabinet approved in June a request to send about 400 troops to the island."
    assert status_of(pipeline, text, 400) == "sent"


def test_long_items_under_an_intro_of_approved_units_are_planned(pipeline):
    text = ("Some 600 soldiers have been cleared for the mission, the ministry said.\n\n"
            "The approved units are:\n\n"
            "- about 220 soldiers of a transport battalion, to move fuel, water and spare "
            "parts between the depots along the coast;\n"
            "- about 90 soldiers of a signal company, to run the radio network for the "
            "headquarters and its forward posts;")
    assert status_of(pipeline, text, 220) == "planned"
    assert status_of(pipeline, text, 90) == "planned"


def test_forces_asked_for_are_planned(pipeline):
    text = "The interior ministry asked on Friday for 3,000 more police officers for the capital."
    assert status_of(pipeline, text, 3_000) == "planned"


def test_a_request_to_send_approved_stays_sent(pipeline):
    text = "The president approved in May a request to send some 300 troops to the island."
    assert status_of(pipeline, text, 300) == "sent"


# --- what the actor is to do or have is planned; what others forecast is not --------------

def test_a_strength_the_actor_is_to_reach_is_planned(pipeline):
    text = "By next spring the battalion is to grow to about 700 soldiers, the ministry said."
    assert status_of(pipeline, text, 700) == "planned"


def test_a_strength_forecast_by_others_stays_expected(pipeline):
    text = "Analysts said the battalion is expected to grow to about 700 soldiers by spring."
    assert status_of(pipeline, text, 700) == "expected"


def test_places_that_are_to_open_are_planned(pipeline):
    text = "The agency said four new camps are to open in the district next month."
    assert status_of(pipeline, text, 4) == "planned"


def test_money_expected_to_be_handed_over_is_planned(pipeline):
    text = ("The last $300 million, mostly for fuel and spare parts, is expected to be paid "
            "out before the winter, two officials said.")
    assert status_of(pipeline, text, 300_000_000) == "planned"


def test_people_expected_to_be_displaced_stay_a_forecast(pipeline):
    text = "Aid groups said 20,000 residents are expected to be displaced by the floods."
    assert status_of(pipeline, text, 20_000) != "planned"


def test_a_strength_a_unit_will_have_is_planned(pipeline):
    text = "Once the reform is complete, the brigade will have around 900 soldiers."
    assert status_of(pipeline, text, 900) == "planned"


def test_a_strength_someone_hopes_for_is_no_plan(pipeline):
    text = "I hope that by summer we will have at least 40 tanks, the minister said."
    assert status_of(pipeline, text, 40) != "planned"


# --- whom an appeal or an allocation means to reach ---------------------------------------

def test_people_an_appeal_means_to_support_are_planned(pipeline):
    text = ("The regional plan asks donors for $400 million to support 1.2 million refugees "
            "and their hosts.")
    assert status_of(pipeline, text, 1_200_000) == "planned"


def test_people_an_allocation_is_to_reach_are_planned(pipeline):
    text = ("The fund has approved a $4 million allocation to reach an estimated 60,000 "
            "people in the two districts.")
    assert status_of(pipeline, text, 60_000) == "planned"


def test_people_targeted_by_an_appeal_are_planned(pipeline):
    text = "2.5M people targeted (Source: 2024 Flash Appeal)"
    assert status_of(pipeline, text, 2_500_000) == "planned"


def test_troops_sent_to_help_people_do_not_make_them_planned(pipeline):
    text = "Some 300 soldiers were sent to help 2,000 villagers cut off by the floods."
    assert status_of(pipeline, text, 2_000) != "planned"


# --- what is to become of the counted, said after them ------------------------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("A list was published of more than 600 detainees that the government is expected to "
     "release.", 600, "expected"),
    ("The group named the 12 hostages it is due to set free on Sunday.", 12, "planned"),
])
def test_what_is_to_become_of_the_counted_said_after_them(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status
