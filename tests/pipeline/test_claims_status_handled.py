"""Casualties handled after the fact: dead or wounded that a sentence reports being
carried, flown home, handed back or identified are counted for what is done with them
(`other`), not as a toll. Finding or burying bodies still counts deaths. Sentences are our
own."""

from tests.pipeline.wire import status_of


def test_wounded_flown_home_are_not_a_new_toll(pipeline):
    text = ("The ministry said about 300 wounded marines had already been flown back to the "
            "capital by Thursday.")
    assert status_of(pipeline, text, 300) == "other"


def test_remains_handed_back_in_an_exchange(pipeline):
    text = "The remains of 45 soldiers killed near the river were handed back on Friday."
    assert status_of(pipeline, text, 45) == "other"
    text = "Both sides handed back the bodies of 60 fighters under the truce, officials said."
    assert status_of(pipeline, text, 60) == "other"


def test_bodies_identified_are_a_part_the_whole_stays_the_toll(pipeline):
    text = "Coroners said only 17 of the 90 bodies had so far been identified."
    assert status_of(pipeline, text, 17) == "other"
    assert status_of(pipeline, text, 90) == "killed"


def test_what_a_helicopter_carried_aboard(pipeline):
    text = ("Aboard the aircraft were the bodies of nine of the guards killed at the camp and "
            "four of the injured.")
    assert status_of(pipeline, text, 9) == "other"
    assert status_of(pipeline, text, 4) == "other"


def test_a_toll_whose_clause_goes_on_to_another_verb_stays_a_toll(pipeline):
    text = ("The rebels said 14 policemen died in the ambush and that their rifles had been "
            "taken.")
    assert status_of(pipeline, text, 14) == "killed"
    text = ("Around 40 fighters, dead or wounded, had been carried out of the town, the "
            "statement said.")
    assert status_of(pipeline, text, 40) == "casualties"


def test_bodies_recovered_still_count_deaths(pipeline):
    text = "Rescuers said they had recovered 33 bodies from the rubble by nightfall."
    assert status_of(pipeline, text, 33) == "killed"


def test_captives_carried_in_an_exchange_are_no_longer_held(pipeline):
    text = "Three chartered planes carried 210 prisoners between the two capitals on Sunday."
    assert status_of(pipeline, text, 210) == "other"


def test_taken_prisoner_or_moved_into_custody_stays_captured(pipeline):
    text = "The army said 640 enemy soldiers had been taken prisoner since the offensive began."
    assert status_of(pipeline, text, 640) == "captured"
    text = "Police said 35 detainees had been transported to a prison outside the city."
    assert status_of(pipeline, text, 35) == "captured"
