"""Background a report recalls in its own voice, whoever it quoted around it (source12):
relative clauses dating an earlier event, "by some counts", participles that name who
counted; two groups joined by "and" that speak together; a relay named before two
asides; the state government of the state named before."""

from datetime import date

from intex.pipeline.attribution.discourse import recalls_history
from tests.pipeline.wire import sources_of


def test_a_relative_clause_dating_an_earlier_event_is_the_outlets(pipeline):
    text = ("Valley Courier\n\nThe district police chief, Omar Haddad, said 12 shops were "
            "looted overnight. It was the worst unrest in the valley since the 2016 floods, "
            "which left 40 people dead.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 12, date(2024, 5, 2)) == ["Omar Haddad"]
    assert sources_of(pipeline, text, 40, date(2024, 5, 2)) == ["Valley Courier"]


def test_a_count_hedged_by_some_counts_is_the_outlets(pipeline):
    text = ("Valley Courier\n\nThe district police chief, Omar Haddad, said 12 shops were "
            "looted overnight. The unrest has cost some 300 lives by some estimates.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 300) == ["Valley Courier"]


def test_a_participle_with_by_names_a_speaker_only_when_it_counts(pipeline):
    text = ("Valley Courier\n\nThe raid left more than 60 people dead in the port, "
            "recorded by the Coastal Rights Commission.\n\nSoldiers killed 14 smugglers "
            "on the lake, shared by Kenya and Uganda.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 60)[0] == "Coastal Rights Commission"
    assert sources_of(pipeline, text, 14) == ["Valley Courier"]


def test_two_groups_joined_by_and_both_speak(pipeline):
    text = ("Valley Courier\n\nAbout 300 fishermen were freed in the exchange, Kenyan and "
            "U.S. diplomats said on Monday.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 300)[:2] == ["Kenyan diplomats", "US diplomats"]


def test_a_relay_named_before_an_apposition_and_citing(pipeline):
    text = ("Valley Courier\n\nRadio Alvar, the state broadcaster's website, citing hospital "
            "staff, had put the toll at 40 dead by Monday night.\n\n© Valley Courier 2024")
    assert "Radio Alvar" in sources_of(pipeline, text, 40)


def test_the_state_government_is_the_state_named_before(pipeline):
    text = ("Valley Courier\n\nGunmen raided two villages in Benue State on Friday. Later the "
            "state government's statement put the dead at 23.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 23)[0] == "Government of Benue State"




def test_a_sentence_opening_on_an_earlier_month_is_the_outlets_background(pipeline):
    # after a body's statement, a sentence dated a month before the report recalls
    # background in the outlet's own voice; one dated the report's month goes on with it
    text = ("Valley Courier\n\nThree soldiers were hurt in the raid on Tuesday, U.S. Central "
            "Command said. In March, troops killed 11 protesters in the same town.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 11, date(2024, 5, 2)) == ["Valley Courier"]
    assert recalls_history("In late March 2023, troops killed 11 protesters.", 2024, 5)
    assert not recalls_history("In May, troops killed 11 protesters.", 2024, 5)
