"""How reports count things in forms the eighth unseen set and the sets before it used
and the rules missed (recall12). Sentences are our own."""

from tests.pipeline.wire import claims_of


def test_a_transcript_joins_the_figure_and_its_scale_with_a_hyphen(pipeline):
    text = "The minister said about four-thousand reservists had been called up this week."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (4000, "reservists") in got


def test_a_decimal_said_in_words(pipeline):
    text = "Officials said some two-point-five million rounds of ammunition had been delivered."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.approx) == (2_500_000, True)


def test_the_german_abbreviation_for_million_is_a_scale_and_ends_no_sentence(pipeline):
    text = "The new battalion will cost between 40 and 45 Mio. Euro a year, the ministry said."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.value_max, c.unit) == (40_000_000, 45_000_000, "EUR")


def test_more_of_the_thing_just_counted(pipeline):
    text = ("Guards killed three of the gunmen and arrested four more near the gate, the "
            "prison service said.")
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert (4, "captured") in got


def test_others_after_a_word_number(pipeline):
    text = "Two policemen were killed and five others badly hurt in the blast on Friday."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (5, "policemen") in got


def test_more_than_still_compares(pipeline):
    text = "Two policemen were killed, more than in any attack this year."
    assert [c.value for c in claims_of(pipeline, text)] == [2]


def test_a_list_by_place_after_a_colon_counts_what_the_sentence_before_counted(pipeline):
    text = ("Air defences destroyed 60 drones overnight, the ministry said. Most fell over "
            "the southern regions: 25 over Rostov, 19 over Krasnodar and 8 over Crimea.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(25, "drones"), (19, "drones"), (8, "drones")} <= got


def test_a_figure_right_after_a_month_is_no_day(pipeline):
    text = "Since early March 12,000 people have fled the fighting in the north, the agency said."
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert (12000, "displaced") in got


def test_the_men_of_a_service_are_people(pipeline):
    text = "The wing sent about 40 airmen and a dozen patrolmen to guard the depot."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (40, "airmen") in got


def test_installations_a_raid_destroys(pipeline):
    text = "The raiders destroyed two refuelling stations and four hangars at the airfield."
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (2, "refuelling stations", "destroyed") in got


def test_a_drive_configuration_between_the_number_and_its_noun(pipeline):
    text = "The army delivered 20 Tatra 8x8 armoured trucks and six Iveco 4x4 utility vehicles."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (20, "armoured trucks") in got or (20, "trucks") in got
    assert (6, "vehicles") in got or (6, "utility vehicles") in got


def test_a_force_sized_by_its_strength(pipeline):
    text = "The 4,200-strong regional task force will be deployed to the border in May."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit, c.subject) == (4200, "troops", "regional task force")


def test_a_crowd_sized_by_its_strength_is_no_force(pipeline):
    text = "A 3,000-strong crowd marched through the capital on Sunday."
    assert not [c for c in claims_of(pipeline, text) if c.unit == "troops"]


def test_a_violation_repeated_a_number_of_times(pipeline):
    text = "Belarusian helicopters have breached Polish airspace six times since June."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (6, "violations")


def test_the_times_a_group_has_attacked(pipeline):
    text = "It was the third times that the militia had attacked the camp, a resident said."
    got = [c for c in claims_of(pipeline, text) if c.unit == "attacks"]
    assert not got  # an ordinal is no count
    text = "Residents said it was now four times that gunmen had raided the market."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (4, "attacks")


def test_times_of_a_change_are_no_count(pipeline):
    assert claims_of(pipeline, "Fuel prices rose three times this year.") == []


def test_one_of_a_force_counted_by_its_article(pipeline):
    text = ("On Sunday a marine was killed and another was wounded when their patrol hit a "
            "mine, the navy said.")
    got = sorted((c.value, c.status) for c in claims_of(pipeline, text))
    assert got == [(1, "killed"), (1, "wounded")]


def test_an_article_before_a_noun_that_is_no_outcome_is_no_count(pipeline):
    text = "A soldier who served in the unit told reporters the base was quiet."
    assert claims_of(pipeline, text) == []


def test_one_more_of_something_uncounted_is_no_count(pipeline):
    text = ("Ten soldiers were killed, the army said; a spokesman for the rebels called it "
            "one more invented story.")
    assert [c.value for c in claims_of(pipeline, text)] == [10]


TABLE = ("Who said what about the raid\n\n"
         "Claimant | Jets destroyed | Killed | Injured\n\n"
         "Defence ministry | 4 Su-24 (in shelters) | n/a | n/a\n\n"
         "Provincial governor | n/a | 3 | 8\n\n"
         "Army spokesman | n/a | 3 | n/a\n")


def test_a_cell_without_a_figure_makes_no_row_a_header(pipeline):
    got = {(c.value, c.status) for c in claims_of(pipeline, TABLE)}
    assert (8, "wounded") in got


def test_a_row_repeating_another_rows_figure_is_its_own_claim(pipeline):
    got = [c for c in claims_of(pipeline, TABLE) if c.value == 3]
    assert len(got) == 2


def test_a_table_cell_that_repeats_a_sum_the_text_gives_is_one_claim(pipeline):
    text = ("Aid by period\n\n"
            "Allocations (EUR billion)\n\n"
            "Period | Military | Civil | Total\n\n"
            "May-June | 3.1 | 2.4 | 5.5\n\n"
            "In words: donors allocated about €5.5bn in May and June, the institute said.")
    got = [c for c in claims_of(pipeline, text) if abs(c.value - 5.5e9) < 1]
    assert len(got) == 1 and "|" not in got[0].evidence.text


def test_another_said_with_the_number_counts_what_was_counted_before(pipeline):
    text = ("Germany will refurbish 30 howitzers for Kyiv, and Norway will pay for another "
            "30, the ministry said.")
    got = [c for c in claims_of(pipeline, text) if c.value == 30]
    assert len(got) == 2


def test_the_other_few_of_a_group_counted_before(pipeline):
    text = ("The camp held 50 refugees: 30 lived in tents and 12 in a school, while the other "
            "eight stayed with relatives in town.")
    got = {c.value for c in claims_of(pipeline, text)}
    assert 8 in got


def test_a_count_of_places_that_only_says_where_is_the_setting(pipeline):
    text = "Clashes near four villages left 12 soldiers dead, the army said."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {v for v, _ in got} == {12}


def test_places_struck_are_still_counted(pipeline):
    text = "Gunmen attacked police posts in six municipalities of the province overnight."
    assert 6 in {c.value for c in claims_of(pipeline, text)}


def test_suspected_members_of_an_armed_group(pipeline):
    text = "Police said fourteen suspected members of the smuggling ring were arrested at dawn."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.status) == (14, "captured")
