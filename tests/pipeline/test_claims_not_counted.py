"""Numbers that count nothing the ledger keeps: a group named again (or by a digest's
headline), one singled out of a group, a capacity, a comparison, a word number with no
verb, places that only say where; beside forms that still count. Sentences are our own."""

from tests.pipeline.wire import claims_of

# --- a word number with no verb, a group named again --------------------------------------

def test_a_word_number_with_no_verb_after_it_still_counts_nothing(pipeline):
    text = "The mayor gave two reasons for the delay, and both were about money."
    assert not [c for c in claims_of(pipeline, text) if c.value == 2]


def test_the_body_naming_a_counted_group_again_is_no_new_claim(pipeline):
    text = ("The shaft caved in on Monday after heavy rain.\n\n"
            "Rescuers freed 14 miners from the collapsed shaft on Tuesday, the company said.\n\n"
            "The 14 miners were taken to the district hospital for checks, a spokesman added.")
    assert [c.value for c in claims_of(pipeline, text)].count(14) == 1


# --- a comparison, places that only say where ---------------------------------------------

def test_more_than_still_compares(pipeline):
    text = "Two policemen were killed, more than in any attack this year."
    assert [c.value for c in claims_of(pipeline, text)] == [2]


def test_a_count_of_places_that_only_says_where_is_the_setting(pipeline):
    text = "Clashes near four villages left 12 soldiers dead, the army said."
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {v for v, _ in got} == {12}


def test_places_struck_are_still_counted(pipeline):
    text = "Gunmen attacked police posts in six municipalities of the province overnight."
    assert 6 in {c.value for c in claims_of(pipeline, text)}


# --- one singled out, a capacity, a headline repeating its body ---------------------------

def test_one_singled_out_of_a_group_is_no_count(pipeline):
    text = ("Police said nine people died in the fire. One of the dead was a teacher. One of "
            "the trucks caught fire as well.")
    assert [c.value for c in claims_of(pipeline, text)] == [9]


def test_a_capacity_is_no_count(pipeline):
    text = "The terminal has storage capacity for 2 million barrels and lost 40 tanks."
    assert [c.value for c in claims_of(pipeline, text)] == [40]


def test_a_digest_items_capital_headline_is_its_body_figure(pipeline):
    text = ("Morning brief\n\n1. BORDER: 14 GUARDS KILLED IN AMBUSH\n\n"
            "The army said on Sunday that 14 of its guards had been killed near the border.")
    assert [c.value for c in claims_of(pipeline, text)] == [14]
