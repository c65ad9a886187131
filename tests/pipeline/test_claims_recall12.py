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
