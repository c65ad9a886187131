import pytest

from intex.pipeline.numbers import find_numbers
from tests.pipeline.wire import quantities


@pytest.mark.parametrize("text, value, value_max, approx, unit", [
    ("Officials said 3,000 North Korean troops arrived.", 3000, None, False, "troops"),
    ("It sent 3.000 soldiers.", 3000, None, False, "soldiers"),
    ("Some 12 000 men were mobilised.", 12000, None, True, "men"),
    ("About 10.9k troops remain.", 10900, None, True, "troops"),
    ("The package is worth $1.2 billion.", 1.2e9, None, False, "USD"),
    ("Germany pledged 2.5bn euros.", 2.5e9, None, False, "EUR"),
    ("Between 3,000 and 4,000 troops moved.", 3000, 4000, False, "troops"),
    ("Estimates range from 10,000-12,000 soldiers.", 10000, 12000, False, "soldiers"),
    ("Up to 12,000 soldiers could follow.", 12000, None, True, "soldiers"),
    ("Three generals were killed.", 3, None, False, "generals"),
    ("A dozen drones were shot down.", 12, None, False, "drones"),
    ("3-4 million people fled.", 3e6, 4e6, False, "people"),
])
def test_number_forms(text, value, value_max, approx, unit):
    (q,) = [q for q in quantities(text) if not q.vague]
    assert q.value == pytest.approx(value)
    assert (q.value_max == pytest.approx(value_max)) if value_max else q.value_max is None
    assert q.approx is approx
    assert q.unit == unit


@pytest.mark.parametrize("text", [
    "On October 18, 2024 the talks began.",
    "Su-34 jets and S-300 systems were seen.",
    "The 47th Brigade held the line.",
    "A 25-year-old man was detained at 14:30.",
    "The war transcends the boundaries of two states.",
    "The convoy travelled 30 km in 5 days.",
])
def test_numbers_that_are_not_claims(text):
    assert [q for q in quantities(text) if not q.percent] == []


def test_vague_and_percent_are_flagged():
    qs = quantities("Thousands of civilians fled and 40% of homes were damaged.")
    assert any(q.vague and q.unit == "civilians" for q in qs)
    assert any(q.percent and q.value == 40 for q in qs)


def test_number_start_test_finds_what_the_pattern_finds():
    """NUMBER's hand-written look-ahead (where a number can start) changes where the
    engine tries the pattern, never what it finds: the same matches and groups as the
    pattern behind the start test read off its parse, over every corpus report and line,
    and over strings pieced together from number words, scales, currencies, boundaries
    and letters that fold to ASCII."""
    import random
    import re
    from pathlib import Path

    from intex.pipeline import numbers
    from intex.pipeline.prefilter import with_start_test

    plain = with_start_test(re.compile(numbers._NUMBER, re.I))

    def found(rx, text):
        return [(m.span(), m.groupdict()) for m in rx.finditer(text)]

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*"))
             if p.suffix in (".txt", ".html")]
    assert len(texts) > 100
    for text in texts:
        for piece in (text, *text.splitlines()):
            assert found(numbers.NUMBER, piece) == found(plain, piece)
    parts = ["one", "two", "a", "A", " ", "  ", "\n", "thousand", "hundred", "million",
             "dozen", "dozens", "half", "half a", "US$", "$", "€", "USD", "usd", "eur", "1",
             "12", ",", ".", "000", "-", "and", "x", "ſix", "K", "İ", "twenty",
             "ninety-nine", "k", "m", "bn", "+", "тыс", "млн", "'", "\u00a0", "seventeen",
             "zero", "ten", "Eleven", "b", "_", "é"]
    rng = random.Random(5)
    for _ in range(30_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
        assert found(numbers.NUMBER, text) == found(plain, text), text


def test_a_nordic_or_polish_currency_code_before_the_amount():
    (n,) = find_numbers("The government set aside DKK 1.2 billion for the fund.")
    assert (n.value, n.currency) == (1_200_000_000, "DKK")
    assert find_numbers("A cadet said so.") == []
