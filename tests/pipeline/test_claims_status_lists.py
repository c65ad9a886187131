"""List items under an introduction take the noun it counts and what befell it; a label
may say what befell its own noun, and a noun's participle does not reach past the colon.
Sentences are our own."""

from tests.pipeline.wire import claims_of, status_of

# --- list items under an introduction -----------------------------------------------------

def test_labelled_lines_under_an_introduction_count_its_noun(pipeline):
    text = ("Where the families have fled to:\n"
            "- Upper valley (Alpha, Beta): nearly 80,000 people\n"
            "- Coast (Gamma, Delta, Epsilon): more than 42,000\n"
            "- Islands: 9,500")
    claims = {c.value: c for c in claims_of(pipeline, text)}
    for value in (80000, 42000, 9500):
        assert claims[value].status == "displaced"
    assert claims[9500].unit == "people"


def test_a_label_that_says_what_befell_its_noun(pipeline):
    text = ("The tally of the enemy's losses stood as follows:\n\n"
            "  • tanks – 2,110\n  • cruise missiles shot down – 940")
    assert status_of(pipeline, text, 940) == "intercepted"


def test_an_item_after_a_colon_is_not_governed_by_the_nouns_participle(pipeline):
    text = ("Police have destroyed five more drones launched from across the river: three on "
            "the outskirts of Alpha and two in Beta.")
    assert status_of(pipeline, text, 3) == status_of(pipeline, text, 5) == "intercepted"
