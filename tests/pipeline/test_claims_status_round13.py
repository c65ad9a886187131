"""What befell a counted thing, in forms the rules read wrongly before status13: people
freed after they were taken, raiders counted as the doers, plans approved but not yet
carried out. Sentences are our own."""

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


# --- raiders are the doers of the seizing, not its captives --------------------------------

def test_raiders_that_seize_people_are_not_captured(pipeline):
    text = ("Witnesses said some 80 gunmen rode in at dawn, abducted farmers and "
            "burned the granary.")
    assert status_of(pipeline, text, 80) == "other"


def test_raiders_seized_by_troops_are_captured(pipeline):
    text = "The army said 14 bandits were captured in the forest on Sunday."
    assert status_of(pipeline, text, 14) == "captured"


# --- people cleared to go are still to go ---------------------------------------------------

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


# --- what the actor is to do is planned --------------------------------------------------

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


def test_a_camp_that_houses_people_has_them_present(pipeline):
    text = "A school the council converted last month now houses 650 people, officials said."
    assert status_of(pipeline, text, 650) == "present"


# --- civilians who came, or are put up wherever they can be, have fled ---------------------

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


# --- people led off by raiders, and the missing of an abduction, are held -------------------

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


def test_refugees_who_sought_safety_are_displaced(pipeline):
    text = "The agency estimates that about 48,000 refugees have sought safety in the north."
    assert status_of(pipeline, text, 48_000) == "displaced"


def test_aid_handed_out_as_a_list_of_goods_reaches_people(pipeline):
    text = ("Volunteers have handed out rice, soap and water filters to more than 9,000 "
            "people this month.")
    assert status_of(pipeline, text, 9_000) == "supplied"


# --- whom an appeal means to reach, and a strength still to come, are planned ---------------

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


def test_a_strength_a_unit_will_have_is_planned(pipeline):
    text = "Once the reform is complete, the brigade will have around 900 soldiers."
    assert status_of(pipeline, text, 900) == "planned"


def test_a_strength_someone_hopes_for_is_no_plan(pipeline):
    text = "I hope that by summer we will have at least 40 tanks, the minister said."
    assert status_of(pipeline, text, 40) != "planned"


# --- people held somewhere are captured; a country that takes people in receives the fled ---

def test_people_in_a_state_s_custody_are_captured(pipeline):
    text = "The rights group said 1,300 protesters are currently in military custody."
    assert status_of(pipeline, text, 1_300) == "captured"


def test_hostages_who_remain_somewhere_are_still_held(pipeline):
    text = "Officials believe 40 hostages remain in the tunnels under the city."
    assert status_of(pipeline, text, 40) == "captured"


def test_people_a_country_has_taken_in_have_fled(pipeline):
    text = "Kenya has taken in at least 90,000 people since March, the agency said."
    assert status_of(pipeline, text, 90_000) == "displaced"


# --- forces asked for are still to come; a press release is no release of people ------------

def test_forces_asked_for_are_planned(pipeline):
    text = "The interior ministry asked on Friday for 3,000 more police officers for the capital."
    assert status_of(pipeline, text, 3_000) == "planned"


def test_a_request_to_send_approved_stays_sent(pipeline):
    text = "The president approved in May a request to send some 300 troops to the island."
    assert status_of(pipeline, text, 300) == "sent"


def test_a_news_release_is_no_release_of_the_people_counted(pipeline):
    text = ("The agency said on the day of the release that about 4,000 troops, among them "
            "marines and engineers, were stationed along the coast.")
    assert status_of(pipeline, text, 4_000) == "deployed"


def test_another_party_s_lower_count_restates_the_count_before(pipeline):
    text = ("The ministry said about 6,000 soldiers were deployed along the river.\n\n"
            "A local newspaper gave a lower count, about 4,500 soldiers.")
    assert status_of(pipeline, text, 4_500) == "deployed"


def test_the_parts_a_group_of_dead_is_said_to_be_were_killed(pipeline):
    text = "The 14 dead were eleven miners and three rescuers, the company said."
    assert status_of(pipeline, text, 11) == "killed"
    assert status_of(pipeline, text, 3) == "killed"


# --- raiders named for the deed are its doers; hostages handed on are released -------------

def test_attackers_who_took_part_are_not_a_force_deployed(pipeline):
    text = "Police said six attackers took part, two of them on motorbikes."
    assert status_of(pipeline, text, 6) == "other"


def test_hostages_handed_on_to_others_are_released(pipeline):
    text = ("The mediators said they had driven 11 hostages across the border and handed "
            "them to the consul.")
    assert status_of(pipeline, text, 11) == "other"


# --- aircraft lost where the sentence speaks of bringing them down were shot down ----------

def test_jets_lost_in_a_sentence_about_shooting_down_are_intercepted(pipeline):
    text = ("The air force denied that three jets had been lost, saying none of its fighters "
            "had been shot down.")
    assert status_of(pipeline, text, 3) == "intercepted"


def test_jets_lost_on_the_ground_stay_destroyed(pipeline):
    text = "The air force said three jets had been lost in the raid on the airfield."
    assert status_of(pipeline, text, 3) == "destroyed"


def test_people_treated_for_shock_are_not_the_wounded(pipeline):
    text = "Medics said 15 residents were being treated for shock after the blast."
    assert status_of(pipeline, text, 15) == "other"


def test_people_treated_for_injuries_stay_wounded(pipeline):
    text = "Medics said 15 residents were being treated for burns after the blast."
    assert status_of(pipeline, text, 15) == "wounded"


def test_a_load_carried_by_a_ship_that_sailed_is_sent(pipeline):
    text = "A freighter carrying 12,000 tonnes of wheat sailed for Mombasa on Tuesday."
    assert status_of(pipeline, text, 12_000) == "sent"


def test_a_load_a_ship_is_only_carrying_is_not_sent(pipeline):
    text = "Inspectors said the freighter is carrying 12,000 tonnes of wheat."
    assert status_of(pipeline, text, 12_000) != "sent"
