"""The grouped alternations match exactly what the flat ones do."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from intex.pipeline.alternation import group_marks, grouped, split_top
from intex.pipeline.attribution.cues import ADVERBS, SPEECH
from intex.pipeline.entities import TITLES

WORDS = [w for w in re.findall(r"[a-z]+", SPEECH + ADVERBS)] + [
    "United", "said", "on", "Monday", "in", "a", "statement", "X", "-", ",", "the"]


def test_split_top_respects_groups_and_classes() -> None:
    assert split_top(r"a|(?:b|c)|[|]|\||d") == ["a", "(?:b|c)", "[|]", r"\|", "d"]
    # a bracket first in a class, negated or not, is a member: the class goes on
    assert split_top(r"[]|]|[^]|(]|x") == ["[]|]", "[^]|(]", "x"]


def test_group_marks_skip_escapes_and_classes_and_count_depth() -> None:
    assert list(group_marks(r"a(b|\(c[)|])|d")) == [
        (1, "(", 1), (3, "|", 1), (11, ")", 0), (12, "|", 0)]
    # from a group's opening, the first ")" at depth 0 closes it
    pattern = r"(?<![\w)-])(?<!x)said"
    first = next(i for i, c, depth in group_marks(pattern) if c == ")" and depth == 0)
    assert pattern[:first + 1] == r"(?<![\w)-])"
    second = next(i for i, c, depth in group_marks(pattern, first + 1)
                  if c == ")" and depth == 0)
    assert pattern[first + 1:second + 1] == "(?<!x)"


def test_grouping_keeps_the_order_of_alternatives_that_share_a_start() -> None:
    # the first alternative that matches wins, in the grouped pattern as in the flat one
    for flat in ("said|said on", "said on|said"):
        want = re.match(flat, "said on", re.I)
        got = re.match(grouped(flat), "said on", re.I)
        assert want is not None and got is not None and got.span() == want.span()
    assert grouped(r"ab|(?:x)|ac") == r"ab|(?:x)|ac"  # a barrier keeps its place


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
       st.lists(st.sampled_from([" ", "  ", ", ", "-", "", "\n"]), min_size=14, max_size=14),
       st.booleans())
def test_grouped_speech_and_adverbs_match_like_the_flat_patterns(
        words: list[str], seps: list[str], upper: bool) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    text = text.upper() if upper else text
    for flat in (rf"(?<![\w-])(?<!United )(?:{SPEECH})\b",
                 rf"\b(?:{SPEECH})\s+(?:on\s+\w+\s+)?$",
                 rf"(?:,?\s*\b(?:{ADVERBS})\s*)+$"):
        body = flat.replace(SPEECH, grouped(SPEECH)).replace(
            ADVERBS, "(?:" + grouped(ADVERBS[3:-1]) + ")")
        assert body != flat
        a = [m.span() for m in re.finditer(flat, text, re.I)]
        b = [m.span() for m in re.finditer(body, text, re.I)]
        assert a == b


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(re.findall(r"[\w.]+", TITLES) + ["Kyrylo", "Budanov", "Lt.",
                                                                   "the", "GEN."]),
                min_size=1, max_size=10))
def test_grouped_titles_match_like_the_flat_pattern_with_case(words: list[str]) -> None:
    text = " ".join(words)
    flat = re.compile(rf"\b(?:{TITLES})\s+(?P<name>[A-Z][a-z]+)")
    body = re.compile(rf"\b(?:{grouped(TITLES, ignore_case=False)})\s+(?P<name>[A-Z][a-z]+)")
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in body.finditer(text)]
