"""Which numbers count something: the scale word of a vague quantity is not a number."""

from intex.model import Span
from intex.pipeline.quantities import QuantityFinder


def quantities(text: str):
    return QuantityFinder().sentence(Span(0, len(text), text), None)


def test_several_hundred_is_one_vague_quantity():
    qs = quantities("Officials said the unit had suffered several hundred casualties.")
    assert [(q.value, q.vague) for q in qs] == [(300, True)]
