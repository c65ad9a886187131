"""A pattern behind its word test answers exactly as the pattern alone."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intex.pipeline.prefilter import (
    Prefiltered,
    _leading_lookbehinds,
    any_search,
    first_chars,
    prefiltered,
    required_words,
    split_anchored,
    with_start_test,
)

RULE_MODULES = ("intex.pipeline.clean", "intex.pipeline.entities.shapes", "intex.pipeline.numbers",
                "intex.pipeline.attribution.attributor", "intex.pipeline.entities.people",
                "intex.pipeline.entities.bodies", "intex.pipeline.entities.places",
                "intex.pipeline.claims.subject", "intex.pipeline.quantities")


def _filtered_rules() -> list[Prefiltered]:
    out: list[Prefiltered] = []
    for name in RULE_MODULES:
        for value in vars(importlib.import_module(name)).values():
            items = value if isinstance(value, list | tuple) else [value]
            out += [v for v in items if isinstance(v, Prefiltered)]
    return out


def test_the_rules_that_scan_whole_lines_and_reports_are_filtered() -> None:
    # the test below is only as good as the rules it sees
    assert len(_filtered_rules()) >= 20


def test_words_come_from_the_parse() -> None:
    assert required_words(re.compile(r"\bcookies?\b.*\baccept", re.I)) == ("cookie",)
    assert required_words(re.compile(r"(?:said|told) (?:the )?press")) == ("press",)
    # one of the alternatives must be there, whichever
    assert required_words(re.compile(r"\b(?:ministry|agency)\b")) == ("agency", "ministry")
    # a word holding another adds nothing to the test
    assert required_words(re.compile(r"dozens?|scores", re.I)) == ("dozen", "scores")
    # and is dropped before the words are counted: five spellings of two months are two words
    assert required_words(re.compile(r"\b(?:september|sept|sep|october|oct)\.? \d"),
                          2) == ("oct", "sep")
    # case matters when the pattern says it does
    assert required_words(re.compile(r"[Mm]inistry of")) == ("inistry of",)
    # nothing a match must hold: no words, the pattern runs as before
    assert required_words(re.compile(r"\d+(?:,\d{3})*")) is None
    assert required_words(re.compile(r"(?:abc)?\w+")) is None
    # optional parts and negative look-arounds require nothing
    assert required_words(re.compile(r"x(?!cookie)(?:cookie)*")) == ("x",)


def test_too_many_words_are_not_worth_it() -> None:
    rx = re.compile("|".join(f"{c}{c}x" for c in "abcdefgh"))
    assert required_words(rx) is None
    assert required_words(rx, max_words=8) is not None


def test_unfiltered_when_nothing_is_gained() -> None:
    anchored = re.compile(r"^(?:read more|see also)\b", re.I)
    assert prefiltered(anchored) is anchored  # fails at once without help
    plain = re.compile(r"\w+")
    assert prefiltered(plain) is plain


def test_a_pattern_anchored_in_one_branch_only_is_still_filtered() -> None:
    # "^©" is anchored, "\\bcopyright\\b" is tried at every position: worth a word test
    rx = prefiltered(re.compile(r"^©|\bcopyright\b|all rights reserved", re.I))
    assert isinstance(rx, Prefiltered)
    assert not rx.search("The ministry said 40 were killed.")
    assert rx.search("Text (c) 2024, Copyright Agency")


def test_patterns_anchored_at_the_start_are_joined_and_the_rest_kept() -> None:
    patterns = [re.compile(p, re.I) for p in (
        r"^read (also|more)\b", r"^\(ATTN:[^)]*\)?$", r"^©|\bcopyright\b", r"\bcookies?\b")]
    at_start, rest = split_anchored(patterns)
    assert at_start is not None and at_start.match("Read more: the talks")
    assert at_start.match("(ATTN: UPDATES)") and not at_start.match("x (ATTN: UPDATES)")
    assert [rx.pattern for rx in rest] == [r"^©|\bcopyright\b", r"\bcookies?\b"]
    # back-references would be renumbered by joining: such a pattern stays alone
    assert split_anchored([re.compile(r"^(a)\1")]) == (None, [re.compile(r"^(a)\1")])


@pytest.mark.parametrize("text", [
    "ſome cookieſ we accept",  # long s: IGNORECASE matches it with s
    "İ ACCEPT COOKİES",  # dotted capital I matches i
    "COOKIES accepted",
    "\u212aeep cookies? accept",  # the Kelvin sign is a k
])
def test_letters_that_fold_onto_ascii_still_pass_the_test(text: str) -> None:
    raw = re.compile(r"\bcookies?\b.*\baccept", re.I)
    rx = prefiltered(raw)
    assert isinstance(rx, Prefiltered)
    assert bool(rx.search(text)) == bool(raw.search(text))


ALPHABET = st.sampled_from(
    list("aeiostnlrcmpkyd ,.:;|-()'’\n©") + ["ſ", "İ", "ı", "\u212a", "Ministry", "ministry",
     "hundreds of", "dozens", "a handful", "several thousand", "told the", "citing",
     "quoted by", "figures from", "report by", "Sumy and Kharkiv regions", "villages of",
     "Izium hromada", "Курській та Бєлгородській областях", "Oblasts",
     "cookie", "photo", "Photo:", "province", "Province", "camp", "according to", "said",
     "Health", "of the", "Lebanon's", "Kherson", "Region", " in ", "Read also:", "video",
     "subscribe to", "newsletter", "copyright", "All rights reserved", "(c) ",
     "population of ", "death toll at ", "put the total at ", "estimated ", "with ",
     "a second group of ", "number of ", "killing ", "downed ", "another ", "Chad (", "12",
     "capacity of ", "a town of some ", "the city of "])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.integers(0, 6))
def test_filtered_rules_answer_as_the_rules(text: str, pos: int) -> None:
    for rx in _filtered_rules():
        raw = rx.rx
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in raw.finditer(text)]
        for op in ("search", "match", "fullmatch"):
            got, want = getattr(rx, op)(text, pos), getattr(raw, op)(text, pos)
            assert (got and got.span()) == (want and want.span()), (raw.pattern, op)
        assert rx.findall(text) == raw.findall(text)


def test_first_characters_come_from_the_parse() -> None:
    assert first_chars(re.compile(r"\bab|c?d")) == "[acd]"
    assert first_chars(re.compile(r"(?<!x)(?:\d+|\s+of)")) == r"[\d\s]"
    # a match that may be empty, or start with anything, has no such class
    assert first_chars(re.compile(r"a*")) is None
    assert first_chars(re.compile(r".x")) is None
    assert first_chars(re.compile(r"[^a]x")) is None
    assert with_start_test(re.compile(r".x")).pattern == ".x"
    # a part that ignores case starts with either case of its letters, unless a letter
    # also matches one outside ASCII ("ſ" is "s", "K" the Kelvin sign is "k")
    assert first_chars(re.compile(r"@|(?i:\bmedia|press)")) == "[@MPmp]"
    assert first_chars(re.compile(r"@|(?i:said)")) is None
    assert first_chars(re.compile(r"(?i:[a-c]x)")) is None


def test_look_behinds_opening_a_pattern_stay_before_the_start_test() -> None:
    rx = with_start_test(re.compile(r"(?<![\w-])(?<!North )(?:wrote|writes)\b", re.I))
    assert rx.pattern.startswith(r"(?<![\w-])(?<!North )(?=[")
    text = "North wrote; she writes, re-wrote and rewrote. WROTE"
    assert [m.group(0) for m in rx.finditer(text)] == ["writes", "WROTE"]
    # a look-behind that belongs to one alternative alone stays inside the group
    assert with_start_test(re.compile(r"(?<!x)a|b")).pattern == "(?=[ab])(?:(?<!x)a|b)"
    assert with_start_test(re.compile(r"(?<=[^]a])b")).pattern == "(?<=[^]a])(?=[b])(?:b)"


def _unwrapped(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern a start test was put in front of (after the look-behinds it opens with)."""
    test = f"(?={first_chars(rx)})(?:"
    at = rx.pattern.find(test)
    assert at >= 0 and rx.pattern.endswith(")"), rx.pattern
    head = rx.pattern[:at]
    assert _leading_lookbehinds(head) == len(head), rx.pattern  # look-behinds alone
    return re.compile(head + rx.pattern[at + len(test):-1], rx.flags)


def _start_tested() -> list[re.Pattern[str]]:
    from intex.pipeline import entities, time
    from intex.pipeline.entities import furniture, shapes

    # numbers.NUMBER has a start test of its own, written by hand: test_numbers.py checks it
    return [entities.TITLED_NAME, entities.ORG_NAME, entities.PLACE_SHAPE,
            entities.LOCATIVE, shapes.APPOSED, shapes.LOCATED_IN,
            time.MONTH_DAY, time.DAY_MONTH, time.MONTH_YEAR, time.NUMERIC, time.ISO,
            time.WEEKDAY, time.RELATIVE, time._MAYBE_DATE, furniture.CONTACT]


START_TEXT = st.lists(st.sampled_from(
    list("0123456789 ,.-+$€£%'\u00a0\n\t") + ["ſeven", "Seven", "hundred", "thousand", "US$",
     "USD ", "EUR", "₴", "a dozen", "dozens", "half a million", "twenty-one", "one", "m", "bn",
     "K", "\u212a", "тис.", "млн", "٣", "soldiers", "and", "between", "A", "Two", "Izium",
     "Raion", "Island", "near", "in", "Kindrashivka", "a town", "Djibo", "General", "Lt.",
     "Ministry", "of Defence", "President", "Cape", "Chauda", "the", "Mr", "March", "Oct.",
     "2024", "1999-", "12/", "last", "Monday", "on Friday", "since", "yesterday", "the day before",
     "12th", "overnight", "@un", "www.", "https://", "1211 Geneva", "Media enquiries",
     "MEDIA REQUESTS", "press office", "Contact us", "CONTACT", "usd", "Eur", "ſix", "forty",
     "Fourteen", "half", "a ", "eleven", "Zero", "nine", "a\u00a0"]),
    max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(START_TEXT)
def test_matches_found_with_the_start_test_are_those_found_without(text: str) -> None:
    for rx in _start_tested():
        raw = _unwrapped(rx)
        assert [(m.span(), m.groups()) for m in rx.finditer(text)] == \
            [(m.span(), m.groups()) for m in raw.finditer(text)], raw.pattern


@settings(max_examples=400, deadline=None)
@given(START_TEXT)
def test_numbers_hand_written_start_test_finds_what_the_pattern_finds(text: str) -> None:
    from intex.pipeline import numbers

    raw = re.compile(numbers._NUMBER, re.I)
    assert [(m.span(), m.groups()) for m in numbers.NUMBER.finditer(text)] == \
        [(m.span(), m.groups()) for m in raw.finditer(text)]


CUE_TEXT = st.lists(st.sampled_from(
    list("abdeiostu ,.'’\n") + ["said", "says", "according to", "in the words of", "by his",
     "in their", "ſaid", "Said", "puts", "put the number at", "United said", "the ministry's",
     "told", "on its", "from her", "\u212a", "İn"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(CUE_TEXT)
def test_cues_found_with_the_start_test_are_those_found_without(text: str) -> None:
    from intex.pipeline.attribution import attributor, cues

    for name in ("SPEECH_WORD", "ACCORDING_CUE", "POSSESSIVE_CUE", "PRONOUN_CUE", "PUTS_VERB"):
        raw = getattr(cues, name, None) or getattr(attributor, name)
        fast = with_start_test(raw)
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in raw.finditer(text)], name


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_furniture_joined_finds_a_line_exactly_when_one_pattern_does(text: str) -> None:
    from intex.pipeline.clean import FURNITURE, FURNITURE_ANYWHERE, FURNITURE_AT_START

    for line in (text, "Read also: " + text, "By John Smith" + text[:0], text.upper()):
        joined = bool(FURNITURE_AT_START and FURNITURE_AT_START.match(line)) or \
            any(rx.search(line) for rx in FURNITURE_ANYWHERE)
        assert joined == any(rx.search(line) for rx in FURNITURE), line


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_any_search_answers_as_searching_each_pattern(text: str) -> None:
    from intex.pipeline.clean import FURNITURE_ANYWHERE

    rules = [*FURNITURE_ANYWHERE, re.compile(r"\bpanel\b"), prefiltered(re.compile(r"Zed\w+"))]
    found = any_search(rules)
    for line in (text, text.upper(), f"Sign up for our Telegram {text}", f"the panel {text}",
                 f"{text} Zedland", "Accept the COOKIES policy", "İmage credit: none"):
        assert found(line) == any(rx.search(line) for rx in rules), line
