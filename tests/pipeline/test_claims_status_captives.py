"""What befell people taken: held, freed, handed on, missing after an abduction; and
raiders, who do the taking and are not its captives. Sentences are our own."""

import pytest

from tests.pipeline.wire import status_of

# --- people taken and later freed are released --------------------------------------------

def test_a_release_after_the_noun_s_capture_participle_is_what_befell_them(pipeline):
    text = ("About 60 farmers abducted from two hamlets near the river have been freed, "
            "the state police said on Monday.")
    assert status_of(pipeline, text, 60) == "other"


def test_the_release_of_abducted_people_named_before_them_frees_them(pipeline):
    text = "Elders negotiated the release of 27 traders seized on the highway in March."
    assert status_of(pipeline, text, 27) == "other"


def test_abducted_people_still_held_stay_captured(pipeline):
    text = "Police said 27 traders were seized on the highway in March."
    assert status_of(pipeline, text, 27) == "captured"


def test_hostages_handed_on_to_others_are_released(pipeline):
    text = ("The mediators said they had driven 11 hostages across the border and handed "
            "them to the consul.")
    assert status_of(pipeline, text, 11) == "other"


# --- raiders are the doers of the seizing, not its captives -------------------------------

def test_raiders_that_seize_people_are_not_captured(pipeline):
    text = ("Witnesses said some 80 gunmen rode in at dawn, abducted farmers and "
            "burned the granary.")
    assert status_of(pipeline, text, 80) == "other"


def test_raiders_seized_by_troops_are_captured(pipeline):
    text = "The army said 14 bandits were captured in the forest on Sunday."
    assert status_of(pipeline, text, 14) == "captured"


def test_attackers_who_took_part_are_not_a_force_deployed(pipeline):
    text = "Police said six attackers took part, two of them on motorbikes."
    assert status_of(pipeline, text, 6) == "other"


# --- people led off, in custody, or missing after an abduction are held -------------------

def test_people_taken_away_by_raiders_are_captured(pipeline):
    text = "Residents said armed men entered the market at noon and took away 45 women."
    assert status_of(pipeline, text, 45) == "captured"


def test_the_missing_of_an_abduction_are_still_held(pipeline):
    text = ("Twenty-six pupils were still missing on Friday, and the kidnappers have asked "
            "their parents for a ransom.")
    assert status_of(pipeline, text, 26) == "captured"


def test_the_missing_of_a_flood_are_neither_dead_nor_held(pipeline):
    text = "Twenty-six people were still missing on Friday after the river burst its banks."
    assert status_of(pipeline, text, 26) == "other"


def test_an_outcome_nobody_suffered_is_no_cue(pipeline):
    text = ("The gang seized 30 passengers from the bus, the driver said, adding that nobody "
            "was killed.")
    assert status_of(pipeline, text, 30) == "captured"


def test_people_in_a_state_s_custody_are_captured(pipeline):
    text = "The rights group said 1,300 protesters are currently in military custody."
    assert status_of(pipeline, text, 1_300) == "captured"


def test_hostages_who_remain_somewhere_are_still_held(pipeline):
    text = "Officials believe 40 hostages remain in the tunnels under the city."
    assert status_of(pipeline, text, 40) == "captured"


# --- hostages and prisoners: what the verb says befell them -------------------------------

@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("The militia says it has executed 12 hostages since the siege began.", 12, "killed"),
    ("The bodies of 9 captives who died in detention were returned on Monday.", 9, "killed"),
    ("Mediators said 31 hostages had been handed over at the border post.", 31, "other"),
    ("Police said 44 hostages have been rescued from the compound.", 44, "other"),
    ("The rebels let a dozen prisoners go free at dawn.", 12, "other"),
    ("A drone hit the depot, killing 15 people including four detainees.", 4, "killed"),
])
def test_what_befell_hostages_and_prisoners(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


def test_people_a_party_is_holding_are_captured(pipeline):
    assert status_of(pipeline, "Gunmen were holding 26 "
                               "passengers, the police said.", 26) == "captured"
    assert status_of(pipeline, "About 3,000 troops are holding the line east of the town.",
                     3000) != "captured"
