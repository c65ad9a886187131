"""What befell a counted thing that moved: civilians who flee, a force sent or moved in
service, the hurt moved on for care, goods and people handed over. Sentences are our own."""

import pytest

from tests.pipeline.wire import claims_of, status_of

# --- those who serve a side move; they do not flee ----------------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    ("Some 4,000 paratroopers have left the northern province since March.", 4000),
    ("The agency said 35 aid workers were relocated out of the district after the shelling.",
     35),
    ("Twelve crew members were moved out of the port for treatment.", 12),
])
def test_forces_and_staff_that_move_are_not_displaced(pipeline, sentence, value):
    assert status_of(pipeline, sentence, value) == "other"


def test_civilians_that_leave_are_still_displaced(pipeline):
    assert status_of(pipeline, "Some 4,000 villagers have left the northern province since "
                               "March.", 4000) == "displaced"


# --- a count restated in households between the figure and its verb; households registered ----

@pytest.mark.parametrize("sentence", [
    "The agency said 48,300 people, or about 9,100 families, have fled the coastal districts.",
    "Officials said some 6,400 individuals from nearly 1,000 households had been displaced.",
])
def test_the_verb_past_a_count_of_households_is_the_figures(pipeline, sentence):
    value = 48300 if "48,300" in sentence else 6400
    assert status_of(pipeline, sentence, value) == "displaced"


def test_a_count_of_refugee_households_registered_is_displaced(pipeline):
    assert status_of(pipeline, "By Friday 2,340 refugee households had been registered at the "
                               "border post.", 2340) == "displaced"
    # where they are now, said by a verb of hosting, stays present
    assert status_of(pipeline, "The school hosts 300 refugee families.", 300) == "present"


# --- a force on its way, a contingent that arrived, troops flown in on an errand ----------

def test_a_force_on_its_way_somewhere_is_sent(pipeline):
    assert status_of(pipeline, "Some 450 marines left the base at dawn and are now heading to "
                               "the coast.", 450) == "sent"
    assert status_of(pipeline, "About 90 paratroopers were en route to the airport on "
                               "Monday.", 90) == "sent"


def test_a_contingent_that_arrived_is_sent(pipeline):
    assert status_of(pipeline, "A first contingent of 150 engineers from Chile arrived in "
                               "the port on Tuesday.", 150) == "sent"


def test_troops_flown_in_on_an_errand_stay_sent(pipeline):
    assert status_of(pipeline, "Some 300 marines were flown to the island to guard the "
                               "airport.", 300) == "sent"


# --- the wounded moved on for care are patients, not a force sent -------------------------

def test_service_members_flown_out_for_care_are_other(pipeline):
    text = ("Twenty-two sailors were hurt in the fire. Five of them were airlifted to the "
            "mainland for specialist treatment on Sunday.")
    assert status_of(pipeline, text, 5) == "other"


# --- handed over: goods are supplied, people released -------------------------------------

def test_goods_handed_over_are_supplied_and_people_handed_over_released(pipeline):
    assert status_of(pipeline, "A local firm handed over 40 tonnes of flour to the camp.",
                     40) == "supplied"
    assert status_of(pipeline, "The militia handed over nine hostages to the Red Cross.",
                     9) == "other"


# --- civilians who came, are scattered, or were taken in have fled ------------------------

def test_families_who_arrived_recently_are_displaced(pipeline):
    text = ("Relief workers said the 450 families who arrived recently in the valley need "
            "blankets and clean water.")
    assert status_of(pipeline, text, 450) == "displaced"


def test_newly_arrived_households_are_displaced(pipeline):
    text = "Camp volunteers met 230 newly arrived households at the gate on Tuesday."
    assert status_of(pipeline, text, 230) == "displaced"


def test_newly_arrived_troops_are_not_displaced(pipeline):
    text = "The base commander welcomed 230 newly arrived troops on Tuesday."
    assert status_of(pipeline, text, 230) != "displaced"


def test_families_scattered_across_districts_are_displaced(pipeline):
    text = "Another 900 families are scattered across three districts south of the river."
    assert status_of(pipeline, text, 900) == "displaced"


def test_refugees_who_sought_safety_are_displaced(pipeline):
    text = "The agency estimates that about 48,000 refugees have sought safety in the north."
    assert status_of(pipeline, text, 48_000) == "displaced"


def test_people_a_country_has_taken_in_have_fled(pipeline):
    text = "Kenya has taken in at least 90,000 people since March, the agency said."
    assert status_of(pipeline, text, 90_000) == "displaced"


# --- goods handed out, a ship's load under way --------------------------------------------

def test_aid_handed_out_as_a_list_of_goods_reaches_people(pipeline):
    text = ("Volunteers have handed out rice, soap and water filters to more than 9,000 "
            "people this month.")
    assert status_of(pipeline, text, 9_000) == "supplied"


def test_a_load_carried_by_a_ship_that_sailed_is_sent(pipeline):
    text = "A freighter carrying 12,000 tonnes of wheat sailed for Mombasa on Tuesday."
    assert status_of(pipeline, text, 12_000) == "sent"


def test_a_load_a_ship_is_only_carrying_is_not_sent(pipeline):
    text = "Inspectors said the freighter is carrying 12,000 tonnes of wheat."
    assert status_of(pipeline, text, 12_000) != "sent"


# --- flight without a noun; arrivals, surrenders, taking part -----------------------------

def test_a_count_forced_to_flee_needs_no_noun(pipeline):
    (c,) = claims_of(pipeline, "Since the spring, more than 61,000 have been forced to flee "
                               "the valley.")
    assert (c.value, c.status) == (61000, "displaced")


@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("Aid agencies say about 12,000 people have arrived at the border camps this month.",
     12000, "displaced"),
    ("The governor said some 4,500 villagers had crossed from the neighbouring province.",
     4500, "displaced"),
    ("Another 90,000 people have since poured in from the hills.", 90000, "displaced"),
    ("About 800 combat engineers have already arrived at the front.", 800, "sent"),
    ("The rebels said 140 soldiers gave themselves up at the outpost.", 140, "captured"),
    ("Abducted and kidnapped: more than 300 people, the report says.", 300, "captured"),
    ("Police believe roughly 90 gunmen are still active in the hills.", 90, "present"),
    ("Officials said between 30 and 40 gunmen took part in the raid.", 30, "other"),
    ("Nearly 250 firefighters are taking part in the operation.", 250, "deployed"),
    ("The navy readied four frigates off the coast.", 4, "deployed"),
    ("The army has finished inducting three new battalions into the district.", 3,
     "deployed"),
    ("The junta admitted it had lost control of five towns.", 5, "other"),
])
def test_status_of_people_and_places_in_unseen_wording(pipeline, sentence, value, status):
    assert status_of(pipeline, sentence, value) == status
