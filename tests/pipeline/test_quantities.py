"""Which numbers count something: the scale word of a vague quantity is not a number."""

from intex.model import Span
from intex.pipeline.quantities import QuantityFinder


def quantities(text: str):
    return QuantityFinder().sentence(Span(0, len(text), text), None)


def test_several_hundred_is_one_vague_quantity():
    qs = quantities("Officials said the unit had suffered several hundred casualties.")
    assert [(q.value, q.vague) for q in qs] == [(300, True)]


# --- counted nouns the lexicon lacks, and nouns that only qualify the head ---------------


def test_digits_before_an_unlisted_plural_governed_by_a_status_verb():
    (q,) = quantities("Rescuers said 12 ambulances were sent to the scene.")
    assert q.value == 12 and q.unit == "ambulances"
    (q,) = quantities("The navy destroyed 37 barges near the delta.")
    assert q.unit == "barges"


def test_digits_before_an_unlisted_plural_without_a_status_verb_count_nothing():
    (q,) = quantities("The museum shows 40 paintings by the artist.")
    assert q.unit is None


def test_a_counted_word_before_the_head_noun_yields_to_it():
    (q,) = quantities("They captured two wounded enemy soldiers.")
    assert q.unit == "soldiers"
    (q,) = quantities("The army lost 17 infantry fighting vehicles.")
    assert q.unit == "vehicles"


def test_a_plain_noun_naming_a_kind_of_the_counted_noun():
    (q,) = quantities("About 400 dock workers were sent home on Tuesday.")
    assert (q.value, q.unit) == (400, "workers")
    (q,) = quantities("A convoy of 12 aid trucks crossed at dawn.")
    assert (q.value, q.unit) == (12, "trucks")


def test_words_that_name_no_kind_do_not_stand_before_the_noun():
    # a verb, a determiner or a comparative between the number and the noun is no kind
    for text in ("Of the 40 hurt, 24 were civilians.", "Of those freed, 6 are police officers.",
                 "Monitors logged 50 such incidents.", "It was 1 of the heaviest attacks."):
        assert [q.unit for q in quantities(text) if q.value in (24, 6, 50, 1)] == [None], text
