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
