"""How reports write a number: in words or dozens, joined to its scale, with a foreign
abbreviation, in quotation marks, as a span or a change from one figure to another, in a
local currency with its dollar gloss, right after a month; and 'number' as a verb.
Sentences are our own."""

from tests.pipeline.wire import claims_of

# --- numbers in words, joined to their scale, with a foreign abbreviation -----------------

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


def test_a_figure_right_after_a_month_is_no_day(pipeline):
    text = "Since early March 12,000 people have fled the fighting in the north, the agency said."
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert (12000, "displaced") in got


# --- quotation marks, spans, changes, local currencies, 'number' as a verb ----------------

def test_quotation_marks_around_a_hedged_number(pipeline):
    text = 'A police spokesman said "about 40" villagers had been killed in the raid.'
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.approx, c.status) == (40, True, "killed")


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


def test_a_currency_of_southern_africa_named_in_words(pipeline):
    text = "Drivers said the guards demand 500 meticais at every checkpoint."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.unit) == (500, "MZN")


# --- a dozen as a count -------------------------------------------------------------------

def test_two_dozen_is_twenty_four(pipeline):
    (c,) = claims_of(pipeline, "The mayor said about two dozen villagers had been hurt.")
    assert (c.value, c.status) == (24, "wounded")


# --- a local currency and its dollar gloss ------------------------------------------------

def test_a_local_currency_and_its_dollar_gloss(pipeline):
    text = ("Each fighter who surrendered was given 2 million kyats (about $950), and each "
            "relative 150,000 kyats ($71).")
    assert sorted((c.value, c.unit) for c in claims_of(pipeline, text)) == [
        (150_000, "MMK"), (2_000_000, "MMK")]
