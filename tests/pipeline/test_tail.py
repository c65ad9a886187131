"""A search from near the end finds exactly the match a search of the whole text finds."""

from __future__ import annotations

import random
import re

import pytest

from intex.pipeline.attribution.attributor import CLOSE_AT_END, COMMA_AT_END, PASSIVE_BEFORE
from intex.pipeline.attribution.speakers import PHRASE_COMMA_AT_END
from intex.pipeline.quantities import _MODEL_WORD_BEFORE, _SHARE_WORD_END, FRACTION_BEFORE
from intex.pipeline.tail import search_tail

PIECES = ["this", "has been", "have been", "was", "were", "is", "are", "being", "to be",
          "Ministry", "IS", "ſ", ",", "”", "’", '"', ";", "(", ")", " ", "  ", "\n", "\t",
          "\u00a0", "a", "z", "ministry, ", "the head of the agency"]
# what stands before a number: a model's name, a share ("one in every")
NUMBER_PIECES = ["Project", "NATO", "Series", "in", "every", "İn", "one", "3", ". ", ": ", " ",
                 "\n", "a", "Z", ",", "Mark ", "UN ", "one in ", "in every ", "EU\n"]


def _texts(seed: int, n: int, pieces: list[str] = PIECES) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40))) for _ in range(n)]


@pytest.mark.parametrize("rx, longest", [
    (PASSIVE_BEFORE, 9), (COMMA_AT_END, 1), (CLOSE_AT_END, 1), (PHRASE_COMMA_AT_END, 81),
    (_MODEL_WORD_BEFORE, 7), (_SHARE_WORD_END, 5)])
def test_search_tail_is_a_search_of_the_whole_text(rx: re.Pattern[str], longest: int) -> None:
    matched = 0
    pieces = NUMBER_PIECES if rx in (_MODEL_WORD_BEFORE, _SHARE_WORD_END) else PIECES
    for text in _texts(longest, 4000, pieces):
        whole = rx.search(text)
        tail = search_tail(rx, text, longest)
        assert (whole and (whole.span(), whole.groups())) == \
            (tail and (tail.span(), tail.groups())), repr(text)
        matched += whole is not None
    assert matched > 100  # the texts did end on what the patterns look for


def test_a_word_cut_by_the_start_is_not_taken_for_a_word() -> None:
    # "this" ends in "is": \b sees the "h" before the search's start, as a full search does
    assert search_tail(PASSIVE_BEFORE, "Officials said this  ", 9) is None
    assert search_tail(PASSIVE_BEFORE, "The toll is  ", 9) is not None


def test_a_phrase_longer_than_longest_is_not_searched_for() -> None:
    # the bound is the caller's promise: a pattern with a longer match is cut short
    text = "a" * 30 + ","
    assert re.compile(r"a+,$").search(text).start() == 0  # type: ignore[union-attr]
    assert search_tail(re.compile(r"a+,$"), text, 5).start() == 26  # type: ignore[union-attr]


def test_the_phrase_before_a_verb_is_the_one_a_whole_search_finds() -> None:
    # PHRASE_AT_END is searched from 121 characters before the end: 120 and a final newline
    from intex.pipeline.attribution.speakers import PHRASE_AT_END

    for text in _texts(120, 3000) + ["x" * 300, "y" * 119 + "\n", "z" * 200 + "\n"]:
        whole = PHRASE_AT_END.search(text)
        near = PHRASE_AT_END.search(text, max(0, len(text) - 121))
        assert (whole and whole.span(1)) == (near and near.span(1)), repr(text)


def test_a_share_before_a_number_ends_on_the_words_tested_first() -> None:
    """FRACTION_BEFORE ("one in every", "three in") is only searched for where the text
    ends on "in" or "every": every text it matches does."""
    found = 0
    for text in _texts(3, 6000, NUMBER_PIECES):
        if FRACTION_BEFORE.search(text):
            found += 1
            assert search_tail(_SHARE_WORD_END, text, 5), repr(text)
    assert found > 20
