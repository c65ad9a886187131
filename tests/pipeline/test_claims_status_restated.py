"""A count given again takes what befell the count it restates (claims/restated.py).
Sentences are our own."""

from tests.pipeline.wire import status_of

# --- a total or figure put again ----------------------------------------------------------

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


# --- another party's count of the same thing ----------------------------------------------

def test_another_party_s_lower_count_restates_the_count_before(pipeline):
    text = ("The ministry said about 6,000 soldiers were deployed along the river.\n\n"
            "A local newspaper gave a lower count, about 4,500 soldiers.")
    assert status_of(pipeline, text, 4_500) == "deployed"


# --- a figure put again is no presence ----------------------------------------------------

def test_a_figure_put_again_is_no_presence(pipeline):
    text = ("Some 9,000 people have fled the valley. The UN put the figure at more than "
            "11,000, most of them from the villages.")
    assert status_of(pipeline, text, 11000) == "displaced"
