"""The word "number" said as a verb ("the force numbers 6,000") tells how many are there
(present); named as a noun ("an equal number of", "their number will grow", "..., numbers
that match") it states nothing about the count, and a forecast of "the number" is the
figure it names. Sentences are our own."""

from tests.pipeline.wire import status_of


def test_number_as_a_verb_is_presence(pipeline):
    assert status_of(pipeline, "The rebel force numbers about 6,000 fighters, officials said.",
                     6000) == "present"
    assert status_of(pipeline, "The brigade, numbering 3,000 soldiers, is in the north.",
                     3000) == "present"


def test_numbers_as_an_aside_noun_leave_the_verb_to_decide(pipeline):
    text = ("The army said the militia fired 40 rockets and 12 drones at the port overnight, "
            "numbers that match the group's own claims.")
    assert status_of(pipeline, text, 12) == "launched"


def test_smaller_numbers_that_reached_other_countries(pipeline):
    text = ("Most of the 90,000 refugees fled to the coast. Smaller numbers reached Togo "
            "(4,200) and Benin (1,900).")
    assert status_of(pipeline, text, 4200) == "displaced"


def test_a_forecast_of_the_number_is_the_later_figures(pipeline):
    text = ("The death toll from the landslide has risen to 312, the governor said, adding "
            "that he expected the number to pass 400.")
    assert status_of(pipeline, text, 312) == "killed"
    assert status_of(pipeline, text, 400) == "expected"
