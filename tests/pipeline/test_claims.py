"""Status of a claim: what the cue words around a number say happened to what it counts."""

import pytest

from intex.pipeline import Doc, build_pipeline


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline()


def status_of(pipeline, text: str, value: float) -> str:
    (c,) = [c for c in pipeline(Doc(raw=text)).claims if c.value == value and not c.vague]
    return c.status


def test_list_items_take_the_status_of_their_introduction(pipeline):
    text = ("Daily tally\n\nThe General Staff said the enemy's equipment losses stood as "
            "follows:\n\ntanks – 9,870\n\nhelicopters – 327\n\nmultiple launch rocket systems – "
            "1,260\n\nair defense systems – 1,050")
    for value in (9870, 327, 1260, 1050):
        assert status_of(pipeline, text, value) == "destroyed"
