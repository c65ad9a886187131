"""Who asserts a figure on report forms the rules were not written from: names that
cannot speak, a time fronted before its speaker, and the like (attribution/)."""

from intex.pipeline import Doc
from tests.pipeline.wire import sources_of


def test_a_name_given_to_an_operation_never_speaks(pipeline):
    text = ("Harbour Dispatch\n\nThe defence minister said the raid, code-named Silver "
            "Lantern, had been planned for months. He said 9 helicopters took part.\n\n"
            "© Harbour Dispatch 2024")
    assert "Silver Lantern" not in sources_of(pipeline, text, 9)


def test_a_site_named_by_its_gate_or_crossing_is_no_person(pipeline):
    text = ("Harbour Dispatch\n\nBriefing: Tallow Gate, the toll and what comes next\n\n"
            "A car bomb went off at Tallow Gate on Monday.\n\nThe army said 4 guards were "
            "wounded.\n\n"
            "© Harbour Dispatch 2024")
    doc = pipeline(Doc(raw=text))
    assert not any(e.name == "Tallow Gate" and e.type == "PERSON" for e in doc.entities.values())


def test_a_time_fronted_before_a_speaker_leaves_the_speaker_the_subject(pipeline):
    text = ("Harbour Dispatch\n\nBy Sunday the count had risen. For comparison, on Friday "
            "evening provincial governor Tomas Ardeli had spoken of 11 people killed.\n\n"
            "© Harbour Dispatch 2024")
    assert sources_of(pipeline, text, 11)[0] == "Tomas Ardeli"


def test_a_spokesman_with_a_central_european_name_is_the_person(pipeline):
    text = ("Vistula Evening\n\nThe Czech interior ministry spokesman Ondřej Šťastný said "
            "14 people had been detained at the border.\n\n© Vistula Evening 2024")
    assert sources_of(pipeline, text, 14)[0] == "Ondřej Šťastný"


def test_officials_named_by_their_capital_are_its_government(pipeline):
    text = ("Steppe Courier\n\nOfficials in Nairobi said some 2,400 people had been moved "
            "away from the river.\n\n© Steppe Courier 2024")
    assert sources_of(pipeline, text, 2400) == ["Government of Kenya"]


def test_officials_of_a_kind_in_a_capital_stay_as_written(pipeline):
    text = ("Steppe Courier\n\nOn Monday health officials in Nairobi said 31 people were "
            "treated in hospital.\n\n© Steppe Courier 2024")
    assert sources_of(pipeline, text, 31)[0] != "Government of Kenya"


def test_an_unnamed_official_before_a_clause_on_anonymity_speaks(pipeline):
    text = ("Plateau Ledger\n\nThe governor, Adamu Bello, visited the town on Sunday.\n\n"
            "A police official in Jos, who asked not to be named because he had no leave to "
            "brief reporters, said 6 villagers had been abducted.\n\n© Plateau Ledger 2024")
    assert sources_of(pipeline, text, 6)[0] == "police official in Jos"


def test_a_party_revising_its_count_is_the_source_of_the_new_figure(pipeline):
    text = ("Gulf Ledger\n\nThe port authority first spoke of 40 dead. By the evening the "
            "interior ministry had raised it to 52 dead, and on Sunday Health Minister Idris "
            "Okafor lowered the toll to 49.\n\n© Gulf Ledger 2024")
    assert sources_of(pipeline, text, 52)[0] != "Gulf Ledger"
    assert sources_of(pipeline, text, 49)[0] == "Idris Okafor"


def test_a_surname_with_a_capital_inside_is_one_word(pipeline):
    text = ("Gulf Ledger\n\nAdm. Fiona MacLeary, head of the fleet, gave the first count: "
            "7 sailors missing.\n\n© Gulf Ledger 2024")
    assert sources_of(pipeline, text, 7)[0] == "Fiona MacLeary"


def test_the_authorities_are_no_armed_group_named_before(pipeline):
    text = ("Horn Brief\n\nThe Sahel Liberation Front claimed the raid on Tuesday.\n\n"
            "Last year gunmen held a market for a day, killing at least 17 traders, "
            "according to the authorities.\n\n© Horn Brief 2024")
    assert sources_of(pipeline, text, 17)[0] == "authorities"


def test_an_armed_group_pointed_back_to_by_what_it_is_speaks(pipeline):
    text = ("Horn Brief\n\nThe Sahel Liberation Front attacked the garrison at dawn.\n\n"
            "On its channels the Malian group said it had seized 12 vehicles.\n\n"
            "© Horn Brief 2024")
    assert sources_of(pipeline, text, 12)[0] == "Sahel Liberation Front"


def test_a_national_body_led_by_a_demonym_has_its_country_in_brackets(pipeline):
    text = ("Baltic Ledger\n\nThe Estonian Ministry of Internal Affairs speaks of about 300 "
            "border guards sent to the crossing.\n\n© Baltic Ledger 2024")
    # the guide's one name for every interior ministry, whatever its title
    assert sources_of(pipeline, text, 300)[0] == "Ministry of Interior (Estonia)"


def test_kin_of_those_counted_speak_as_a_group(pipeline):
    text = ("Gulf Ledger\n\nThe navy ended the search on Friday; relatives of the crew say "
            "23 sailors are still unaccounted for.\n\n© Gulf Ledger 2024")
    assert sources_of(pipeline, text, 23)[0] == "relatives of the crew"


def test_a_release_under_its_state_line_speaks_as_the_national_body(pipeline):
    # "REPUBLIC OF X" over "MINISTRY OF ..." over "PRESS RELEASE": the ministry of X, by the
    # guide's one name for defence ministries
    text = ("REPUBLIC OF GHANA\nMINISTRY OF NATIONAL DEFENCE\n\nPRESS RELEASE\n\n"
            "Patrols on the northern border detained 14 suspects on Monday.")
    assert sources_of(pipeline, text, 14)[0] == "Ministry of Defence (Ghana)"
