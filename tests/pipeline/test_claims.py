"""Status of a claim: what the cue words around a number say happened to what it counts."""

import pytest

from intex.pipeline import Doc
from tests.pipeline.wire import claim_at, values_of


def status_of(pipeline, text: str, value: float) -> str:
    return claim_at(pipeline, text, value).status


def test_list_items_take_the_status_of_their_introduction(pipeline):
    text = ("Daily tally\n\nThe General Staff said the enemy's equipment losses stood as "
            "follows:\n\ntanks – 9,870\n\nhelicopters – 327\n\nmultiple launch rocket systems – "
            "1,260\n\nair defense systems – 1,050")
    for value in (9870, 327, 1260, 1050):
        assert status_of(pipeline, text, value) == "destroyed"


# --- status words that say something else where they stand ------------------------------


def test_the_month_may_is_no_forecast(pipeline):
    text = "Night report\n\nOn the night of 11-12 May, Russia fired 27 cruise missiles."
    assert status_of(pipeline, text, 27) == "launched"


def test_may_have_killed_is_a_conjecture_about_a_death_toll(pipeline):
    text = "Wire report\n\nThe raid may have killed as many as 140 villagers, observers said."
    assert status_of(pipeline, text, 140) == "killed"


def test_sent_for_training_is_sent(pipeline):
    text = "Wire report\n\nOfficials said 4,200 soldiers were sent to the east for training."
    assert status_of(pipeline, text, 4200) == "sent"


def test_drones_destroyed_in_the_air_are_intercepted(pipeline):
    text = "Night report\n\nAll 31 drones were destroyed, the air force said."
    assert status_of(pipeline, text, 31) == "intercepted"


def test_drones_destroyed_on_the_ground_stay_destroyed(pipeline):
    text = "Night report\n\nThe command said four drones were destroyed on the ground."
    assert status_of(pipeline, text, 4) == "destroyed"


def test_drones_sent_against_a_country_are_launched(pipeline):
    text = "Night report\n\nThe enemy sent 96 drones toward Odesa overnight, officials said."
    assert status_of(pipeline, text, 96) == "launched"


def test_a_part_shares_the_status_of_its_whole(pipeline):
    text = ("Wire report\n\nThe strike killed 19 civilians, including three children, and "
            "injured 60 others, officials said.")
    assert status_of(pipeline, text, 3) == "killed"


def test_a_part_with_its_own_outcome_keeps_it(pipeline):
    text = ("Wire report\n\nLosses reached 8,100 troops, of whom 2,900 were killed, the "
            "General Staff said.")
    assert status_of(pipeline, text, 2900) == "killed"


def test_list_siblings_after_an_aside_share_the_status(pipeline):
    text = ("Night report\n\nRussia launched 44 missiles, cruise ones among them, and 210 "
            "attack drones, the air force said.")
    assert status_of(pipeline, text, 210) == "launched"


def test_prisoners_home_from_captivity_are_released(pipeline):
    text = "Wire report\n\nToday 84 soldiers came home from captivity, the ministry said."
    assert status_of(pipeline, text, 84) == "other"


def test_money_asked_for_is_not_supplied(pipeline):
    text = "Wire report\n\nThe agency launched an appeal for $62 million on Tuesday."
    assert status_of(pipeline, text, 62_000_000) == "other"


def test_damaged_is_not_destroyed(pipeline):
    text = "Wire report\n\nThe governor said 35 houses had been damaged."
    assert status_of(pipeline, text, 35) == "other"


def test_evacuees_are_displaced(pipeline):
    text = ("Wire report\n\nSome 900 people have left the district, the governor said. "
            "Among the evacuees are 210 children.")
    assert status_of(pipeline, text, 210) == "displaced"


# --- figures whose counted noun is written elsewhere ---------------------------------------


def test_a_figure_that_a_total_stands_at_counts_the_total(pipeline):
    text = "Wire report\n\nTotal casualties now stand at around 7,400, the ministry said."
    assert 7400 in values_of(pipeline, text)


def test_a_figure_before_the_number_of(pipeline):
    text = "Wire report\n\nThe new arrivals bring to 5,600 the number of troops in the region."
    assert 5600 in values_of(pipeline, text)


def test_a_part_of_a_counted_whole_with_a_participle(pipeline):
    text = ("Wire report\n\nThe project lists 920 tanks lost, of which 610 were destroyed "
            "and 140 were abandoned.")
    assert {610, 140} <= set(values_of(pipeline, text))


def test_figures_listed_by_place_after_a_colon(pipeline):
    text = ("Night report\n\nThe drones were downed over these regions: 41 over the Tula "
            "Region, 17 over the Kaluga Region.")
    assert status_of(pipeline, text, 41) == "intercepted"
    assert status_of(pipeline, text, 17) == "intercepted"


def test_others_injured_are_counted(pipeline):
    text = "Wire report\n\nTwo people were killed and 23 others were injured, police said."
    assert status_of(pipeline, text, 23) == "wounded"


# --- status cues in other forms --------------------------------------------------------------


def test_brought_down_is_intercepted(pipeline):
    text = "Night report\n\nAir defences brought down 47 drones over the capital region."
    assert status_of(pipeline, text, 47) == "intercepted"


def test_a_negated_outcome_is_no_status(pipeline):
    text = "Night report\n\nThe nine missiles that were not shot down hit a depot."
    assert status_of(pipeline, text, 9) != "intercepted"


def test_balloons_floated_across_are_launched(pipeline):
    # flown at the other side, as drones are (tests/corpus/README.md): launched, not sent
    text = "Border report\n\nThe North floated about 120 balloons across the border."
    assert status_of(pipeline, text, 120) == "launched"


def test_weapons_received_were_sent(pipeline):
    text = "Arms report\n\nThe army had received only six HIMARS by the end of June."
    assert status_of(pipeline, text, 6) == "sent"


def test_a_part_of_the_group_leaves_the_verb_to_the_whole(pipeline):
    text = "Evacuation\n\nOn Sunday, 312 civilians, 41 of them children, were evacuated."
    assert status_of(pipeline, text, 312) == "displaced"


def test_ages_leave_the_verb_to_the_count(pipeline):
    text = "Strike\n\nFour teenagers, aged 14, 15 and 16, were killed in the strike."
    assert status_of(pipeline, text, 4) == "killed"


def test_forced_to_flee_is_displaced(pipeline):
    text = "Crisis\n\nSome 52,000 people were forced to flee the fighting this week."
    assert status_of(pipeline, text, 52000) == "displaced"


def test_a_part_out_of_a_total_of_missiles(pipeline):
    text = "Wire report\n\nUkraine's air force said 13 of 16 missiles were shot down."
    assert status_of(pipeline, text, 13) == "intercepted"
    assert status_of(pipeline, text, 16) == "launched"


def test_weapons_a_place_was_struck_with_were_launched(pipeline):
    text = "Wire report\n\nRussia struck Kharkiv with 3 guided bombs, the governor said."
    assert status_of(pipeline, text, 3) == "launched"


def test_weapons_along_with_others_keep_their_status(pipeline):
    text = "Wire report\n\nUkraine said it destroyed 40 tanks along with 90 armoured vehicles."
    assert status_of(pipeline, text, 90) == "destroyed"


def test_a_death_toll_that_rose_counts_people_killed(pipeline):
    text = "Wire report\n\nThe death toll rose to 23, officials said."
    assert status_of(pipeline, text, 23) == "killed"


def test_people_who_remained_are_present(pipeline):
    text = "Wire report\n\nAs of Monday, roughly 200 civilians remained in the town."
    assert status_of(pipeline, text, 200) == "present"


def test_a_flattened_table_cell_counts_what_its_column_heads(pipeline):
    text = ("Weekly table\n\nCivilian casualties recorded between 1 and 7 July.\n\n"
            "Region | Killed | Injured\nDonetsk Oblast | 14 | 52\nKharkiv Oblast | 6 | 31\n\n"
            "Source: HRMMU")
    assert status_of(pipeline, text, 14) == "killed"
    assert status_of(pipeline, text, 52) == "wounded"


def test_losing_soldiers_is_casualties(pipeline):
    text = "Wire report\n\nRussia loses about 1,200 soldiers every day, the minister said."
    assert status_of(pipeline, text, 1200) == "casualties"


def test_a_part_of_the_wounded_in_hospital_is_still_wounded(pipeline):
    text = ("Wire report\n\nSeven people were wounded in the strike, the governor said. "
            "Four of them are in hospital.")
    assert status_of(pipeline, text, 4) == "wounded"


@pytest.mark.parametrize(("sentence", "value", "status"), [
    ("Officials said 5 people received injuries.", 5, "wounded"),
    ("Officials said Russia hurled 90 drones at Kyiv.", 90, "launched"),
    ("Officials said Russia unleashed 40 missiles on the city.", 40, "launched"),
    ("Officials said 3,000 people crossed the border into Poland.", 3000, "displaced"),
    ("Officials said 7,000 people registered as internally displaced.", 7000, "displaced"),
    ("Officials said 1,200 civilians were being held in Russia.", 1200, "captured"),
])
def test_more_ways_of_saying_what_happened(pipeline, sentence, value, status):
    assert status_of(pipeline, f"Wire report\n\n{sentence}", value) == status


# --- how reports word a status, read as rules (see pipeline/claims/status.py) ---------------------


@pytest.mark.parametrize("text,value,status", [
    # a cue word that is part of a name mid-sentence says nothing
    ("Wire report\n\nThe Winter Response Plan, run by the agency, seeks $900 million.",
     900_000_000, "other"),
    # "could not verify" is no forecast
    ("Wire report\n\nThe army said it destroyed three radars and two depots, Reuters "
     "reported, adding that it could not verify the claim.", 2, "destroyed"),
    # an air defence system handed over is supplied, not shot down
    ("Wire report\n\nThe new package contains 40 trucks, spare parts for air defence systems, "
     "three NASAMS air defence systems and 9 launchers, the ministry said.", 3, "supplied"),
    ("Wire report\n\nThe new package contains 40 trucks, spare parts for air defence systems, "
     "three NASAMS air defence systems and 9 launchers, the ministry said.", 9, "supplied"),
    # an item of a list takes the verb after the list
    ("Wire report\n\nThe Air Force said nine of the missiles and 130 drones were neutralised.",
     9, "intercepted"),
    # "were among N killed": a part of the dead
    ("Wire report\n\nTwo medics were among 14 people killed when the shell hit.", 2, "killed"),
    # the count named by "the number of X killed"
    ("Wire report\n\nLocal officials put the number of people killed in the overnight strike "
     "at 19.", 19, "killed"),
    # the main verb, not a participle on the noun
    ("Wire report\n\nAbout 400 conscripts sent to the front have been killed, the report says.",
     400, "killed"),
    # a relative clause describes the noun; the main verb is the status
    ("Wire report\n\nEight volunteers who fought for the city were released on Monday.",
     8, "other"),
    # aid reaching people
    ("Wire report\n\nThe agency said it had delivered food parcels to 52,000 people.",
     52000, "supplied"),
    # where the displaced are now
    ("Wire report\n\nThe town now hosts more than 90,000 displaced people.", 90000, "present"),
    # "moved N people out of" the danger zone
    ("Wire report\n\nRescuers have moved 3,200 people out of the flooded district.",
     3200, "displaced"),
    # an aside between dashes leaves the verb to the count
    ("Wire report\n\nMore than 2 million people – one in five residents – have fled their "
     "homes since May.", 2_000_000, "displaced"),
    # attacks repelled were still launched; clashes are fought, not launched
    ("Wire report\n\nDefenders repelled 23 enemy attacks near the town.", 23, "launched"),
    ("Wire report\n\nThere were 41 clashes along the front line on Tuesday.", 41, "other"),
    # a plan right before the number beats the noun's own status
    ("Wire report\n\nBoth sides would free 500 prisoners under the deal.", 500, "planned"),
    # drones sent at a country named after the list are launched
    ("Wire report\n\nThe army said Moscow sent 90 drones and 12 missiles toward Ukraine.",
     90, "launched"),
])
def test_status_rules(pipeline, text, value, status):
    assert status_of(pipeline, text, value) == status


@pytest.mark.parametrize("text,value,status", [
    # people counted by what happened to them, the noun unsaid
    ("Wire report\n\nThe shelling killed two people and injured seven, the governor said.",
     7, "wounded"),
    ("Wire report\n\nFour people were killed; three were injured in the blast.", 3, "wounded"),
    # one person, named by a singular noun
    ("Wire report\n\nOne woman, aged 61, was killed in the drone strike.", 1, "killed"),
    # model designations with a slash are one word
    ("Wire report\n\nRussia launched nine Shahed-136/131 drones overnight.", 9, "launched"),
    # a count by place after a first item
    ("Wire report\n\nThe ministry said 12 drones were downed over the Kursk region, 8 over "
     "the Oryol region and 3 over the Bryansk region.", 8, "intercepted"),
    # a flattened table: the row names the thing, the text above says what happened to it
    ("War in numbers\n\nThe General Staff published its daily update on Russian losses.\n\n"
     "Equipment | Total | Past day\n\nTanks | 8,123 | 7\n\nArtillery systems | 14,001 | 31\n\n"
     "Source: General Staff", 31, "destroyed"),
])
def test_status_of_numbers_whose_noun_is_elsewhere(pipeline, text, value, status):
    assert status_of(pipeline, text, value) == status


def test_a_count_stated_with_a_copula_is_presence(pipeline):
    text = "Briefing\n\nOur estimate has not changed: we believe it is roughly 9,000 troops."
    assert status_of(pipeline, text, 9000) == "present"


# --- parts of a whole, figures restated, headlines ---------------------------------------


def test_a_part_of_a_total_counts_the_noun_not_the_total(pipeline):
    text = ("Night report\n\nRussia attacked overnight, and 48 of 61 drones were shot down, "
            "the air force said.")
    part, total = claim_at(pipeline, text, 48), claim_at(pipeline, text, 61)
    assert (part.subject, part.status) == ("drones", "intercepted")
    assert total.status == "launched"


def test_the_figure_restates_a_count_of_its_own_size(pipeline):
    # "the figure" is not the howitzers of the same sentence: 10.9k soldiers, named after it
    text = ("Wire report\n\nNorth Korea has supplied Russia with 50 howitzers, and the "
            "Pentagon put the figure at roughly 10.9k for the soldiers it sent to Kursk.")
    assert claim_at(pipeline, text, 10900).unit == "soldiers"
    assert claim_at(pipeline, text, 50).status == "supplied"


def test_the_figure_after_a_sentence_about_people_counts_them(pipeline):
    text = ("Wire report\n\nNorth Korean soldiers are now fighting in Kursk beside Russian "
            "marines. The Pentagon put the figure at roughly 10.9k on Monday.")
    assert claim_at(pipeline, text, 10900).unit == "soldiers"


def test_a_headline_possibility_stays_a_forecast_when_the_body_restates_it(pipeline):
    text = ("3,000 more North Korean troops could be sent to Russia\n\nSEOUL - North Korea "
            "has 3,000 soldiers ready at its ports, the NIS said on Tuesday.")
    c = claim_at(pipeline, text, 3000)
    assert (c.modality, c.status) == ("forecast", "expected")


def test_more_after_a_count_counts_the_same_thing(pipeline):
    text = ("Night report\n\nAir defences destroyed 23 drones over the regions overnight, the "
            "ministry said. It added that 5 more were downed over the sea.")
    assert claim_at(pipeline, text, 5).unit == "drones"


# --- status from the shape of the sentence, not only the nearest verb ---------------------


def test_a_breakdown_after_a_colon_takes_the_totals_status(pipeline):
    text = ("Night report\n\nThe navy said the enemy launched 90 missiles and drones at the port "
            "overnight: 64 drones, 20 cruise missiles and six ballistic missiles.")
    for value in (64, 20, 6):
        assert status_of(pipeline, text, value) == "launched"


def test_namely_spells_out_the_total(pipeline):
    text = ("Night report\n\nAir defence units brought down 58 targets, namely 51 drones and "
            "seven missiles, the command said.")
    assert status_of(pipeline, text, 51) == "intercepted"
    assert status_of(pipeline, text, 7) == "intercepted"


def test_a_participle_describing_a_list_item_does_not_override_the_verb(pipeline):
    text = ("Wire report\n\nThe frigates destroyed 14 attack drones as well as at least three "
            "cruise missiles, fired at the convoy from the coast.")
    assert status_of(pipeline, text, 3) == "intercepted"


def test_the_main_verb_after_a_participle_clause_decides(pipeline):
    text = ("Wire report\n\nThe agency believes about 900 of the conscripts shipped to the "
            "border have lost their lives, a lawmaker said.")
    assert status_of(pipeline, text, 900) == "killed"


def test_people_moved_to_safety_are_displaced(pipeline):
    text = ("Regional update\n\nSo far 3,410 residents, 512 of them children, have been "
            "moved to safety, the governor said.")
    assert status_of(pipeline, text, 3410) == "displaced"
    assert status_of(pipeline, text, 512) == "displaced"


def test_aid_trucks_that_enter_have_arrived(pipeline):
    text = ("Crossing update\n\nSome 140 trucks of food and 12 trucks of medical supplies "
            "crossed into the enclave on Monday, officials said.")
    assert status_of(pipeline, text, 140) == "sent"
    assert status_of(pipeline, text, 12) == "sent"


def test_the_missing_keep_their_own_status_beside_the_dead(pipeline):
    text = ("Wire report\n\nThe mayor said 31 people had been killed and 57 were still missing "
            "after the landslide.")
    assert status_of(pipeline, text, 31) == "killed"
    assert status_of(pipeline, text, 57) == "other"


def test_places_hit_are_not_destroyed(pipeline):
    text = ("Night report\n\nRussian drones hit 17 villages along the river overnight, the "
            "governor said.")
    assert status_of(pipeline, text, 17) == "other"


def test_missiles_that_hit_a_target_were_not_shot_down(pipeline):
    text = ("Wire report\n\nAn official said at least four cruise missiles struck the "
            "airfield, damaging a hangar.")
    assert status_of(pipeline, text, 4) == "other"


def test_a_change_from_one_figure_to_another_keeps_both(pipeline):
    text = ("Debate record\n\nPress reports said the ministry intends to shrink the navy from "
            "31,000 to 24,000 sailors by 2030.")
    assert status_of(pipeline, text, 31000) == "present"
    assert status_of(pipeline, text, 24000) == "planned"


def test_a_part_of_the_returned_counts_what_was_returned(pipeline):
    text = ("Exchange\n\nThe country has brought home 140 of its soldiers from captivity, the "
            "ombudsman said. Nine of the returned are officers.")
    (c,) = [c for c in pipeline(Doc(raw=text)).claims if c.value == 9]
    assert c.unit == "soldiers"


# --- counts whose noun was named before them (claims5) -----------------------------------


def unit_of(pipeline, text: str, value: float) -> str:
    return claim_at(pipeline, text, value).unit


def test_a_follow_on_tally_counts_the_noun_of_the_count_before_it(pipeline):
    text = ("Monitor report\n\nInvestigators have logged 4,210 armoured vehicles lost since "
            "the spring. Another 390 were left damaged, crews abandoned 212, and rebel units "
            "seized more than 600.")
    for value in (390, 212, 600):
        assert unit_of(pipeline, text, value) == "armoured vehicles"


def test_people_who_have_now_left_are_counted_as_people(pipeline):
    text = "Camp report\n\nAbout 90,000 have now left the camp, the agency said."
    assert unit_of(pipeline, text, 90000) == "people"


def test_a_population_of_counts_people(pipeline):
    text = "Town profile\n\nThe port had a population of about 320,000 before the siege."
    assert unit_of(pipeline, text, 320000) == "people"


def test_a_noun_whose_count_is_estimated_at_a_figure(pipeline):
    text = ("Wire report\n\nThe group's fighters, which analysts estimated at around 6,500, "
            "withdrew.")
    assert unit_of(pipeline, text, 6500) == "fighters"


def test_a_second_group_of_counts_the_people_of_the_first(pipeline):
    text = ("Wire report\n\nA first contingent of 250 medics flew in on Monday. A second "
            "group of 300 will follow next month.")
    assert unit_of(pipeline, text, 300) == "medics"


def test_a_daily_figure_climbing_to_a_number_counts_what_it_counted(pipeline):
    text = ("Aid report\n\nSome 300 trucks a day crossed before the war. The daily number fell "
            "to a handful in March before climbing to 90 in April.")
    assert unit_of(pipeline, text, 90) == "trucks"


# --- status: what the verbs around a count say became of it (claims5) -------------------

STATUS_CASES = [
    # a forecast that governs the figure
    ("The agency warned that the number of people uprooted could soon exceed 2 million.",
     2_000_000, "expected"),
    # possession: what a side has now
    ("Analysts say the navy has only about 40 warships.", 40, "present"),
    ("The army went to war with around 900 tanks, the analyst said.", 900, "present"),
    # money that measures a loss or a need is not money given
    ("Officials said the shelling caused roughly $3 billion in damage.", 3_000_000_000,
     "destroyed"),
    ("Before the meeting, the UN had put the region's needs at 250 million dollars.",
     250_000_000, "other"),
    # an outcome participle between the number and its noun, unless a verb says otherwise
    ("Satellite images showed four destroyed helicopters at the airfield.", 4, "destroyed"),
    ("Border guards captured three wounded fighters near the river.", 3, "captured"),
    # the doers of an active perfect are not what they did it to
    ("About 60 jets had destroyed dozens of launchers, the army said.", 60, "other"),
    # people offered are promised, not supplied
    ("Ghana has offered 800 police officers for the mission.", 800, "planned"),
    # arrivals
    ("A first group of 150 engineers landed in Bangui on Monday.", 150, "sent"),
    ("Some 60 aid trucks reached the city on Friday, officials said.", 60, "sent"),
    ("About 40 trucks had been due on Sunday, the agency said.", 40, "expected"),
    # the rescued, the needy and the possibly trapped are counted, none of the outcomes
    ("Coast guards pulled six more sailors from the sea, bringing the number rescued to 14.",
     14, "other"),
    ("The war leaves 9 million people in need of humanitarian assistance.", 9_000_000, "other"),
    ("Up to 12 people may still be trapped under the rubble.", 12, "other"),
    # ships sunk; a target attacked is no weapon launched
    ("The rebels have attacked shipping for months, sinking two freighters.", 2, "destroyed"),
    ("The group claimed an attack on two tankers in the Gulf.", 2, "other"),
    # rockets that cross a border were launched; a missile that lands hit something
    ("About 90 rockets crossed into northern Israel, the army said; some were shot down.", 90,
     "launched"),
    ("One missile landed near the port, causing minor damage.", 1, "other"),
    # a participle after an aside; a count named by its participle
    ("Most of them, 812 vehicles, were destroyed outright.", 812, "destroyed"),
    ("That raises the number killed in the shelling to 23.", 23, "killed"),
]


@pytest.mark.parametrize(("sentence", "value", "status"), STATUS_CASES)
def test_status_of_a_count_in_new_wording(pipeline, sentence, value, status):
    assert status_of(pipeline, "Wire report\n\n" + sentence, value) == status


# --- figures referred back to, and tables whose header carries a year (claims5) ---------


def test_a_figure_named_again_as_a_known_group_is_no_new_claim(pipeline):
    text = ("Monitor report\n\nThe monitor said 2,140 people had been killed in the clashes. "
            "Of the 2,140 dead, 1,020 were civilians.")
    assert sorted(values_of(pipeline, text)) == [1020, 2140]


def test_a_figure_asked_about_again_is_no_new_claim(pipeline):
    text = ("Interview\n\nThe donors pledged $600 million on Monday.\n\nQ: Is $600 million "
            "enough for the winter?")
    assert values_of(pipeline, text) == [600_000_000]


def test_a_table_column_whose_header_carries_a_year_counts_what_it_names(pipeline):
    text = ("Displacement bulletin\n\nPeople displaced since the floods, by area\n"
            "Area | Displaced since June 2024 | Main districts\n"
            "North | 210 500 | Alpha, Beta\nSouth | 98 300 | Gamma, Delta")
    claims = {c.value: c for c in pipeline(Doc(raw=text)).claims}
    assert claims[210500].status == claims[98300].status == "displaced"


def test_a_row_label_that_starts_with_its_noun(pipeline):
    text = ("Key figures\n\nIndicator | Figure\nPeople in need | 3.2 million\n"
            "People targeted | 1.1 million")
    claims = {c.value: c for c in pipeline(Doc(raw=text)).claims}
    assert claims[3_200_000].unit == claims[1_100_000].unit == "people"


# --- claims7: outcomes said of a bare number -------------------------------------------


def test_a_bare_number_takes_the_people_counted_before_and_its_own_outcome(pipeline):
    text = ("Clinic report\n\nThe director said 30 patients had been admitted overnight. "
            "Two of them had died, and 28 were being treated, four of whom needed surgery.")
    assert status_of(pipeline, text, 28) == "wounded"
    assert status_of(pipeline, text, 4) == "wounded"


def test_arrested_is_captured_unless_an_execution_follows(pipeline):
    text = "Wire report\n\nFour gunmen were killed; one has been arrested, police said."
    assert status_of(pipeline, text, 1) == "captured"
    text = ("Wire report\n\nThe rebels said they held the bodies of 15 police officers, seven "
            "of whom had been \"arrested and executed\".")
    assert status_of(pipeline, text, 7) == "killed"


def test_declared_dead_counts_the_dead_named_before(pipeline):
    text = ("Hospital update\n\nOf the five fatalities, four died at the site and one was "
            "declared dead in hospital, officials said.")
    assert status_of(pipeline, text, 4) == "killed"
    assert status_of(pipeline, text, 1) == "killed"


def test_a_headline_line_inside_the_report_is_one_claim_with_the_body(pipeline):
    text = ("Border Wire\n\nFLASH 12 MAR 09:10 GMT\nToll in depot blast rises to 14, with 30 "
            "hurt - officials\n\nThe number of workers killed in the blast at the fuel depot "
            "rose to 14, officials said. At least 30 others were hurt.")
    claims = [c for c in pipeline(Doc(raw=text)).claims if not c.vague]
    assert sorted(c.value for c in claims) == [14, 30]
    assert all("officials said" in c.evidence.text or "others were hurt" in c.evidence.text
               for c in claims)


def test_table_rows_and_sentences_are_no_headline_lines(pipeline):
    from dataclasses import replace

    from intex.model import Span
    from intex.pipeline.claims.relations import headline_line

    text = ("Data desk\n\nDepot blast toll rises to 14\n\n1 Mar | 14 | 31\n\n"
            "Officials said 14 soldiers were killed.\n")
    doc = pipeline(Doc(raw=text))
    (c,) = [c for c in doc.claims if c.value == 14][:1]

    def line(words: str) -> bool:
        start = doc.text.index(words)
        return headline_line(replace(c, evidence=Span(start, start + len(words), words)), doc)

    assert line("Depot blast toll rises to 14")
    assert not line("1 Mar | 14 | 31")
    assert not line("Officials said 14 soldiers were killed.")


def test_a_table_of_homicides_counts_people_killed(pipeline):
    text = ("Data desk\n\nTABLE 1. Murders recorded in the province, by month\n\nMonth | Murders\n"
            "March 2024 | 61\nApril 2024 | 75\n\nSource: provincial police\n\nThe police also "
            "recorded 12 kidnappings in April.")
    assert status_of(pipeline, text, 61) == "killed"
    assert status_of(pipeline, text, 75) == "killed"
    assert status_of(pipeline, text, 12) == "other"


# --- claims7: status forms of the former holdout4 -------------------------------------


def test_the_killing_of_a_count_names_what_befell_it(pipeline):
    text = "Wire report\n\nThe inquiry examined the killing of more than 40 villagers in 2021."
    assert status_of(pipeline, text, 40) == "killed"
    text = "Wire report\n\nSince the sinking of the cruiser, 300 sailors were sent home."
    assert status_of(pipeline, text, 300) == "sent"


def test_an_outcome_after_an_aside_still_says_what_befell_the_count(pipeline):
    text = ("Wire report\n\nA shell hit a market and six people, among them a girl of nine, "
            "were wounded, the mayor said.")
    assert status_of(pipeline, text, 6) == "wounded"


def test_people_neutralized_are_killed_drones_intercepted(pipeline):
    text = "Wire report\n\nThe army said 14 gunmen were neutralized near the border."
    assert status_of(pipeline, text, 14) == "killed"
    text = "Wire report\n\nAir defences neutralised 37 drones overnight."
    assert status_of(pipeline, text, 37) == "intercepted"


def test_the_number_of_a_listed_group_killed(pipeline):
    text = ("Wire report\n\nOfficials put at 73 the number of soldiers, police officers and "
            "guards killed since January.")
    assert status_of(pipeline, text, 73) == "killed"


def test_balloons_sent_across_the_border_are_launched(pipeline):
    text = "Wire report\n\nThe North sent about 300 balloons across the border on Sunday."
    assert status_of(pipeline, text, 300) == "launched"


def test_people_who_need_to_leave_are_displaced(pipeline):
    text = "Wire report\n\nOfficials estimate that 12,000 residents need to leave the valley."
    assert status_of(pipeline, text, 12000) == "displaced"


def test_a_place_that_holds_people_has_them_present_unless_captive(pipeline):
    text = "Wire report\n\nThe country's jails hold about 9,000 people, officials said."
    assert status_of(pipeline, text, 9000) == "present"
    text = "Wire report\n\nThe militia still holds 40 hostages, officials said."
    assert status_of(pipeline, text, 40) == "captured"


def test_money_still_to_come_is_planned(pipeline):
    text = "Aid report\n\nOfficials said $40 million of the fund will go to shelter repairs."
    assert status_of(pipeline, text, 40_000_000) == "planned"
    text = "Aid report\n\nA further €2 billion should follow in June, the minister said."
    assert status_of(pipeline, text, 2_000_000_000) == "planned"
    text = "Aid report\n\nGermany delivered $500 million in aid last year."
    assert status_of(pipeline, text, 500_000_000) == "supplied"


def test_a_side_that_lost_some_of_its_own_counts_its_dead(pipeline):
    text = "Wire report\n\nThe rebels said they had lost 14 of their own fighters."
    assert status_of(pipeline, text, 14) == "killed"


def test_there_were_displaced_people_is_displaced(pipeline):
    text = "Aid report\n\nThere were 2.1 million internally displaced people at the end of May."
    assert status_of(pipeline, text, 2_100_000) == "displaced"


def test_an_earlier_level_up_from_counts_what_the_figure_before_it_counts(pipeline):
    text = ("Wire report\n\nThe agency counted 9,300 displaced people in May, up from 7,800 "
            "in April.")
    claims = {c.value: c for c in pipeline(Doc(raw=text)).claims}
    assert claims[7800].unit == claims[9300].unit
    assert claims[7800].status == "displaced"
