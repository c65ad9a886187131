"""What befell a counted thing, in forms the reports of the seventh round's blind set used
and the rules missed (status9): destruction by fire and explosives, hurt stated as a
condition, either outcome with its severity, cues scoped to their own conjunct, counts
that are no event, presence without a verb of movement and flight without the word
displaced. Sentences are our own."""

import pytest

from tests.pipeline.wire import claims_of, status_of


@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("Witnesses said the militia torched 32 shops in the market overnight.", 32, "destroyed"),
    ("Villagers said the raiders set fire to some 60 homes before dawn.", 60, "destroyed"),
    ("Engineers blew up 14 bridges as the column withdrew.", 14, "destroyed"),
    ("Nine of the miners were in critical condition on Tuesday, the hospital said.", 9,
     "wounded"),
    ("The governor said 27 guards were killed or badly injured in the riot.", 27,
     "casualties"),
])
def test_what_befell_them_without_the_usual_verb(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status


# --- a cue belongs to the figure of its own conjunct --------------------------------------

def test_an_outcome_closing_the_conjunct_before_is_not_the_next_figures(pipeline):
    text = "The mayor said four officers were killed and nine other residents hurt in the blast."
    assert status_of(pipeline, text, 4) == "killed"
    assert status_of(pipeline, text, 9) == "wounded"


def test_a_loss_beside_the_wounded_counted_apart_is_the_dead(pipeline):
    text = '"We lost about 30 men, and some 14 others were wounded," a commander said.'
    assert status_of(pipeline, text, 30) == "killed"
    assert status_of(pipeline, text, 14) == "wounded"
    # a loss said of both outcomes stays casualties
    assert status_of(pipeline, "The regiment lost 700 men, killed or wounded, in a month.",
                     700) == "casualties"


def test_a_part_hurt_how_badly_is_of_the_wounded_only(pipeline):
    text = "The crew reports two dead and at least five injured, two of them critically."
    assert [c.status for c in claims_of(pipeline, text)] == ["killed", "wounded", "wounded"]


# --- flight said without the word displaced -----------------------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    ("Local leaders say some 12,000 Yemenis have come over since the truce collapsed.", 12000),
    ("Officials said about 6,500 villagers had entered the province in the past week.", 6500),
    ("The storm left roughly 4,000 families without a home.", 4000),
    ("Officials said 35,000 residents were staying in school shelters on Friday.", 35000),
])
def test_civilians_on_the_move_or_put_up_are_displaced(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "displaced"


# --- a force counted where it is, or as who holds or attacks ------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    ("The airport is guarded by roughly 600 marines, officials said.", 600),
    ("The outpost was attacked by about 40 fighters on Sunday.", 40),
    ("The ministry listed some 2,000 troops in Gao and 300 soldiers in the east.", 2000),
    ("The ministry listed some 2,000 troops in Gao and 300 soldiers in the east.", 300),
    ("Two frigates were in the area at the time, the navy said.", 2),
])
def test_a_force_counted_where_it_is_is_present(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "present"


def test_a_breakdown_of_a_count_without_status_stays_other(pipeline):
    text = ("Of the 60 released soldiers, 41 serve in the army, twelve in the navy and seven "
            "in the National Guard.")
    assert status_of(pipeline, text, 7) == "other"


# --- counts that are no event ---------------------------------------------------------------

def test_a_crew_broken_down_in_an_aside_does_not_take_an_earlier_sentences_status(pipeline):
    text = ("Two sailors died in the blast. The tanker had a crew of 25 - six Greek and 19 "
            "Egyptian nationals - on board.")
    assert status_of(pipeline, text, 19) == "other"


def test_a_clause_after_a_semicolon_speaks_for_itself(pipeline):
    text = "A frigate took aboard 17 survivors; medics on deck are treating the injured."
    assert status_of(pipeline, text, 17) == "other"


def test_a_part_handed_back_is_no_longer_held(pipeline):
    text = ("Thirty soldiers were captured near the pass. Twelve of them were handed back on "
            "Monday after talks.")
    assert status_of(pipeline, text, 30) == "captured"
    assert status_of(pipeline, text, 12) == "other"


# --- lists, events named, incursions, plans decided and values --------------------------

def test_a_list_takes_the_outcome_said_after_its_last_item(pipeline):
    text = "The ambush left four guards, two policemen and five villagers injured."
    assert [c.status for c in claims_of(pipeline, text)] == ["wounded"] * 3


def test_a_battle_named_by_its_year_is_no_deployment(pipeline):
    text = ("It was the worst clash since the 1962 fighting at the pass, in which about 70 "
            "border guards and at least 200 militiamen died.")
    assert status_of(pipeline, text, 70) == "killed"


@pytest.mark.parametrize(("sentence", "status"), [
    ("Two Russian Su-30 jets entered Finnish airspace for about three minutes on Monday.",
     "other"),
    # the guide: drones that enter airspace are flown at the other side
    ("Officials said up to 14 drones had flown into the country's airspace overnight.",
     "launched"),
])
def test_an_incursion_into_airspace_is_other(pipeline, sentence, status):
    (c,) = claims_of(pipeline, sentence)
    assert c.status == status


def test_a_plan_approved_has_been_decided(pipeline):
    text = "The cabinet approved a defence ministry request to send about 300 troops to Chad."
    assert status_of(pipeline, text, 300) == "sent"


def test_an_intake_still_to_come_is_planned(pipeline):
    text = "The junta announced a campaign to recruit 20,000 volunteers for the militia."
    assert status_of(pipeline, text, 20000) == "planned"


def test_what_a_thing_is_worth_is_no_money_given(pipeline):
    assert status_of(pipeline, "The port's new terminals are worth about $4 billion, the "
                               "ministry said.", 4e9) == "other"
    assert status_of(pipeline, "The new package is worth about $400 million, the ministry "
                               "said.", 4e8) == "supplied"


def test_what_is_left_of_the_dead_counts_the_dead(pipeline):
    text = "The militia said it was holding the remains of 14 soldiers near the river."
    assert status_of(pipeline, text, 14) == "killed"


def test_things_registered_are_a_record_not_a_presence(pipeline):
    text = "The court said it had registered 430 complaints over the past year."
    assert status_of(pipeline, text, 430) == "other"


def test_a_part_listed_after_a_part_takes_the_parts_status(pipeline):
    text = ("The air force said air defences brought down 30 of the 35 drones and about 12 "
            "of the missiles.")
    assert [c.status for c in claims_of(pipeline, text)] == ["intercepted", "launched",
                                                             "intercepted"]
