"""A national army a report writes with a capital: the dateline's country's army (also
from a place-and-date line without a dash), its units by their own names, none inside a
title. Every sentence here is written for the test."""

from tests.pipeline.wire import names

# --- a national army by its word alone ----------------------------------------------------

def test_a_capitalised_army_that_acts_is_the_datelines_national_army():
    got = names("Clashes in the hills\n\nQUITO, Ecuador - Rebels ambushed the Army near a "
                "river crossing on Monday, and two soldiers died.", "ORG")
    assert "Army (Ecuador)" in got


def test_the_armys_unit_keeps_its_own_name_too():
    got = names("Patrol hit\n\nMANILA, Philippines - A spokesman of the Army's 5th Infantry "
                "Division said three soldiers were hurt in the blast.", "ORG")
    assert {"Army (Philippines)", "5th Infantry Division"} <= got


def test_an_army_inside_a_title_is_no_party():
    got = names("Budget\n\nWASHINGTON - The Secretary of the Army told lawmakers that recruiting "
                "had improved.", "ORG")
    assert "Army (United States)" not in got


# --- datelines without a dash -------------------------------------------------------------

def test_a_place_and_date_line_is_a_dateline():
    got = names("Convoy attacked\n\nPeshawar, 3 March 2019\n\nThe army said four of its men were "
                "wounded when a convoy was attacked.", "ORG")
    assert "Army (Pakistan)" in got
