"""The shape patterns, and ORG_NAME, take a capitalised word whole (possessive ``*+``): they
find exactly what the same patterns find when the word may give letters back."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from intex.pipeline.entities import bodies, people, places, shapes
from intex.pipeline.prefilter import Prefiltered


def _built_from_cap() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for module in (shapes, people, bodies, places):
        for name, value in vars(module).items():
            raw = value.rx if isinstance(value, Prefiltered) else value
            if isinstance(raw, re.Pattern) and ("*+" in raw.pattern or "++" in raw.pattern):
                out.append((name, raw))
    # the two written where they are used
    out.append(("owner before", re.compile(rf"({shapes.CAP})[ \t]+$")))
    out.append(("place name", re.compile(shapes.PLACE_NAME)))
    return out


def test_the_patterns_built_from_cap_are_all_compared() -> None:
    names = {n for n, _ in _built_from_cap()}
    assert {"NATIONAL_BODY", "FORCE_SPEAKS", "NAMED_REGION", "REGION_OF", "APPOSED",
            "LOCATED_IN", "MINISTRY_AFTER_OWNER", "ORG_NAME"} <= names


TEXT = st.lists(st.sampled_from(
    list(" \t,.-'’s\n") + ["Khost", "Khost-", "O'Brien", "Lebanon's", "Syria’s", "Health",
     "health", "Ministry", "ministry", "Ministry of", "province", "Province", "provinces",
     "of", "the", "in", "near", "and", "Army", "army", "said", "according to", "Nigerian",
     "Armed Forces", "Deir ez-Zor", "Cabo Delgado", "camp", "refugee", "a town", "Djibo",
     "Houthi-run", "Gaza", "Red Crescent", "Society", "Security Council", "Russia",
     "Bryansk", "region", "regions", "including", "X-", "A", "S", "-s", "'s",
     "the province of ", "Syria's southern province of ", "Lebanon's health ministry",
     "the Ministry of Health in ", " army said", "near Karachev in Russia's ", "Brigade",
     "47th", "Separate", "Assault Brigade", "the Ministry of", "al-Sham", "Movement",
     "U.S.", "Council", "for", "Defence", "Staff", "General"]),
    max_size=25).map("".join)


def _same(text: str) -> None:
    for name, rx in _built_from_cap():
        slow = re.compile(shapes.backtracking(rx.pattern), rx.flags)
        assert [(m.span(), m.groups()) for m in rx.finditer(text)] == \
            [(m.span(), m.groups()) for m in slow.finditer(text)], (name, text)


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_taking_the_word_whole_finds_what_backtracking_finds(text: str) -> None:
    _same(text)


def test_the_word_gives_back_a_hyphen_where_a_word_boundary_follows() -> None:
    _same("the province of Khost- and the Health Ministry of Gaza- said")
    assert shapes.REGION_OF.search("the province of Khost- and")


def test_the_dev_reports_find_the_same_shapes() -> None:
    for path in sorted(Path(__file__).parents[1].glob("corpus/dev/*.txt")):
        _same(path.read_text(encoding="utf-8"))
