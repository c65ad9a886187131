"""Sentences a report speaks in its own voice, and parties named in the forms reports use
for them (source11): hearsay in the agentless passive, ..."""

from tests.pipeline.wire import sources_of


def test_an_agentless_passive_report_is_the_outlets_hearsay(pipeline):
    text = ("Valley Courier\n\nThe district police chief, Omar Haddad, said 12 shops were "
            "looted overnight. Three guards were reported missing after the raid.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 12) == ["Omar Haddad"]
    assert sources_of(pipeline, text, 3) == ["Valley Courier"]


def test_a_passive_names_its_agent_after_by(pipeline):
    text = ("Valley Courier\n\nThe rebel bloc was estimated by the Peruvian press in 2022 at "
            "some 2,400 members.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 2400) == ["Peruvian press"]


def test_a_countrys_press_or_outlets_speak_as_written(pipeline):
    text = ("Valley Courier\n\nChilean outlets later counted seven impact points in the "
            "port.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 7) == ["Chilean outlets"]


def test_whose_reports_put_a_figure_in_a_numbered_post(pipeline):
    text = ("Valley Courier\n\n8/9 Bolivian press reports put the crowd at 12,000 people.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 12000) == ["Bolivian press"]


def test_a_state_government_is_the_states_own(pipeline):
    text = ("Valley Courier\n\nThe Sindh government said 40 schools were closed in "
            "Karachi.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 40) == ["Government of Sindh"]


def test_a_citys_department_by_its_field(pipeline):
    text = ("Valley Courier\n\nKazan's health department said late on Friday that 88 people "
            "had been admitted to hospitals.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 88) == ["Kazan Department of Health"]


def test_an_office_by_its_place_is_not_the_spokesman_named_before(pipeline):
    text = ("Valley Courier\n\nSpokesman Igor Petrov said 20 missiles were fired. Earlier on "
            "Friday the Aleppo governor had said two civilians were killed.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 2) == ["Governor of Aleppo"]
    named = ("Valley Courier\n\nAleppo governor Omar Saleh visited the site. Earlier the Aleppo "
             "governor had said two civilians were killed.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, named, 2) == ["Omar Saleh"]


def test_an_outlets_unnamed_correspondent_is_the_outlet(pipeline):
    text = ("Valley Courier\n\nSpokesman Igor Petrov said 20 missiles were fired. A Reuters "
            "correspondent at the base said five jets had been saved.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 5) == ["Reuters"]


def test_a_time_stamp_opening_an_entry_is_no_part_of_its_speaker(pipeline):
    text = ("Valley Courier\n\n18:45 Amaq claims the group's fighters killed more than 100 "
            "people.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 100) == ["Amaq"]


def test_a_transcript_label_with_a_role_and_a_surname_the_recogniser_missed(pipeline):
    text = ("Border Transcripts\n\nPARTICIPANTS: Gen. Terrence Shaw, commander of Northern "
            "Command; Kevin McAleenan, Commissioner of Customs and Border Protection.\n\n"
            "GEN. SHAW: The general said 5,200 soldiers would be on the border.\n\n"
            "COMMISSIONER McALEENAN: Troops would help deter a caravan of roughly 3,500 "
            "people.")
    assert sources_of(pipeline, text, 3500) == ["Kevin McAleenan"]


def test_a_bracketed_summary_of_a_turn_is_its_speakers(pipeline):
    text = ("Harbour Transcripts\nBriefing on the port strikes\n"
            "Minister Anna Berg; Admiral Piet Vos, Chief of the Navy Staff\n\n"
            "[MINISTER BERG opened by saying the strikes had been ordered on Monday.]\n\n"
            "[ADMIRAL VOS then described the operation. Nine frigates sailed from the north "
            "before dawn.]\n\n"
            "Q: Were there losses?\n\n"
            "ADM. VOS: None.\n\n© Harbour Transcripts 2025")
    assert sources_of(pipeline, text, 9) == ["Piet Vos"]


def test_the_bare_presidency_is_the_report_countrys(pipeline):
    text = ("Valley Courier\n\nGunmen attacked an army unit in Chad on Tuesday, killing ten "
            "soldiers, the presidency said in a statement.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 10) == ["Presidency (Chad)"]


def test_a_persons_own_office_speaks_for_them(pipeline):
    text = ("Valley Courier\n\nThe regional ombudsman, Gegham Petrosyan, visited the camps on "
            "Monday. On 20 September his office also reported that more than 7,000 people had "
            "been evacuated.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 7000) == ["Gegham Petrosyan"]


def test_what_a_party_called_a_figure_is_that_partys(pipeline):
    text = ("Valley Courier\n\nThe second tranche, drawn from army stocks, has what the "
            "Department of Defense called an estimated value of $840 million.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 840000000)[0] == "Department of Defense (United States)"


def test_a_name_after_a_role_in_apposition_speaks_though_no_list_knows_it(pipeline):
    text = ("Valley Courier\n\nThe flood swept away 37 bridges, according to the district "
            "administrator, Tomasz Wereszczak.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 37) == ["Tomasz Wereszczak"]
