"""A claim's subject keeps the names written right before its noun, so the ledger can
answer "how many North Korean troops" from counts whose noun comes before the number.
Sentences are our own."""

from tests.pipeline.wire import claims_of


def _subject(pipeline, text: str, value: float) -> str:
    return next(c.subject for c in claims_of(pipeline, text) if c.value == value)


def test_a_noun_before_its_number_keeps_its_demonym(pipeline):
    text = ("A report by the border service put the number of Eritrean troops in Tigray at "
            "4,200, the spokesman said.")
    assert _subject(pipeline, text, 4200) == "Eritrean troops"


def test_a_force_sized_by_a_verb_keeps_its_name(pipeline):
    text = "Across the region as a whole, the Eritrean force may number 3,500, he said."
    assert _subject(pipeline, text, 3500) == "Eritrean force"


def test_function_words_are_no_names(pipeline):
    text = "The soldiers deployed to the border now stand at 900, a spokesman said."
    assert _subject(pipeline, text, 900) == "soldiers"
