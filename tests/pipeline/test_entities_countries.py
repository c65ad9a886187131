"""Which countries a report names: not those inside a charity's, station's or longer
country's name, nor a people's word that names a language; a state's body still names
its country; the common English name. Every sentence here is written for the test."""

from tests.pipeline.wire import names

# --- countries a name holds ---------------------------------------------------------------

def test_a_charity_or_station_named_after_a_country_names_no_country():
    got = names("Aid\n\nThe Danish Refugee Council and Radio France Internationale said 40 "
                "families had fled the camp near Goma.", "GPE")
    assert "Denmark" not in got and "France" not in got


def test_a_states_body_still_names_its_country():
    got = names("Talks\n\nThe Ghanaian Defence Ministry said 12 soldiers were hurt.", "GPE")
    assert "Ghana" in got


def test_a_country_inside_a_longer_country_is_not_named_again():
    got = names("Clashes\n\nThe South Sudan People's Defence Forces said 9 died.", "GPE")
    assert "South Sudan" in got and "Sudan" not in got


def test_a_peoples_word_that_names_a_language_is_no_country():
    got = names("Note\n\nThe Dutch original counts 92 soldiers, and French-speaking towns "
                "reported the same; Spanish- and Portuguese-language papers did too.", "GPE")
    assert not {"Netherlands", "France", "Spain", "Portugal"} & got


def test_the_czech_republic_goes_by_its_common_english_name():
    assert "Czech Republic" in names("Aid\n\nCzechia sent 40 tanks to Ukraine.", "GPE")
