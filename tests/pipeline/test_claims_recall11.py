"""How reports count things in forms the seventh unseen set used and the rules missed
(recall11). Sentences are our own."""

from tests.pipeline.wire import claims_of


def test_quotation_marks_around_the_counted_noun_do_not_hide_it(pipeline):
    text = 'The governor said nine "militants" had been "neutralised" near the dam.'
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (9, "militants") in got


def test_quotation_marks_around_a_hedged_number(pipeline):
    text = 'A police spokesman said "about 40" villagers had been killed in the raid.'
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.approx, c.status) == (40, True, "killed")


def test_the_number_of_a_noun_with_a_modifier_before_it(pipeline):
    text = ("The number of border guards killed in the ambush near the river crossing rose "
            "on Tuesday to 9, the ministry said.")
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (9, "guards", "killed") in got


def test_a_count_that_grew_from_one_figure_to_another_gives_both(pipeline):
    text = "Across the province, emergency shelters have multiplied from 40 to 65 since May."
    got = {(c.value, c.value_max, c.unit) for c in claims_of(pipeline, text)}
    assert {(40, None, "shelters"), (65, None, "shelters")} <= got


def test_a_count_said_as_a_span_after_its_noun(pipeline):
    text = "Estimates of civilian deaths ranged from 3,000 to 5,000, the envoy said."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.value_max, c.unit) == (3000, 5000, "deaths")


def test_number_as_a_verb_is_no_label(pipeline):
    from intex.pipeline import Doc

    doc = pipeline(Doc(raw="Wire report\n\nThe rebel militia may number 4,000-5,000, he said."))
    assert [(q.value, q.value_max) for q in doc.quantities] == [(4000, 5000)]


def test_a_force_sized_by_a_count_verb_counts_troops(pipeline):
    text = "The second contingent, flown in last month, had been put at 2,000 by officials."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (2000, "troops")


def test_figures_that_add_up_to_a_total_count_what_it_counts(pipeline):
    text = ("About 2,000 officers will guard the summit, with 1,200 inside the security zone "
            "and 800 at the airport.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(1200, "officers"), (800, "officers")} <= got


def test_word_numbers_splitting_a_total_by_agent(pipeline):
    text = ("Twelve hostages were released on Sunday: seven by the militia and five by "
            "the smugglers.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(7, "hostages"), (5, "hostages")} <= got


def test_figures_that_do_not_add_up_split_no_total(pipeline):
    text = "About 300 troops arrived on Monday, with 40 in the north and 90 at the port."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (40, "troops") not in got and (90, "troops") not in got


def test_a_clause_that_leaves_out_its_verb_counts_what_the_one_before_counted(pipeline):
    text = "The mayor said 14 villagers were wounded and three kidnapped by the gunmen."
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (3, "villagers", "captured") in got


def test_a_state_listed_with_its_verb_left_out(pipeline):
    text = ("Nine miners were hurt in the blast: two were in a critical condition and "
            "seven in a stable condition.")
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (7, "miners", "wounded") in got


def test_a_table_of_sums_whose_caption_gives_money_and_scale(pipeline):
    text = ("The fund published its pledges on Monday.\n\n"
            "Table 4: Pledges for reconstruction, 2024 (USD million)\n"
            "Donor | Pledged\n"
            "Japan | 420\n"
            "Canada | 85\n"
            "Source: Reconstruction Fund")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(420_000_000, "USD"), (85_000_000, "USD")} <= got


def test_a_currency_of_southern_africa_named_in_words(pipeline):
    text = "Drivers said the guards demand 500 meticais at every checkpoint."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (500, "MZN")


def test_a_toll_with_a_long_phrase_on_whose_toll_it_is(pipeline):
    text = ("The toll from the ambush on a 12-truck fuel convoy heading for the northern "
            "garrison rose to nine on Thursday.")
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.status) == (9, "killed")
