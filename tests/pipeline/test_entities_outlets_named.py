"""Outlets a report introduces by what they are (entities10): "the Lakeside Herald
newspaper", "Danish broadcaster Radio Nordlys", "the Kolo24 news portal"; and a wire's
credit line under the story, which names who wrote it up, not a party to it."""

from tests.pipeline.wire import names, orgs


def test_an_outlet_named_before_the_word_for_what_it_is():
    got = orgs("Storm damage\n\nFishermen who spoke to the Lakeside Herald newspaper said "
               "nine boats sank, and the Moravia Daily Wire agency counted four more.")
    assert {"Lakeside Herald", "Moravia Daily Wire"} <= got


def test_a_countrys_broadcaster_is_a_body_when_its_name_is_an_outlets():
    got = orgs("Storm damage\n\nDanish broadcaster Radio Nordlys reported two deaths, and "
               "Slovak broadcaster Juraj Novak, a presenter, filmed the harbour.")
    assert "Radio Nordlys" in got
    assert "Juraj Novak" not in got


def test_a_run_by_or_based_word_is_no_outlets_name():
    got = orgs("Protest\n\nThe march was small, according to the Zarovo-run newspaper.")
    assert not any("Zarovo" in n for n in got)


def test_a_wire_credit_line_names_no_entity():
    got = orgs("Storm damage\n\nNine boats sank off the coast, the coast guard said.\n\n"
               "(Compiled by the Baltic Courier Riga desk; editing by Anna Berg)")
    assert not any("Baltic Courier" in n for n in got)


# --- outlets by number and by apposition --------------------------------------------------

def test_outlets_by_number_and_by_apposition():
    got = names("Coverage\n\nA medic told Channel 14 that nine were hurt. Rida, Jordan's state "
                "broadcaster, reported the border closed.", "ORG")
    assert {"Channel 14", "Rida"} <= got
