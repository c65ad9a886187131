"""Who speaks when a body is referred back to or a clause has its own speaker: a body's
part named after it by what it does ("its refugee office"), that part pointed back to
later ("the office said"), a UN body written in the "U.N." style, a government named by no
country after one state's party spoke, and a speaker after a semicolon."""

from tests.pipeline.wire import sources_of


def test_a_bodys_part_named_after_it_is_that_part(pipeline):
    text = ("Relief desk\n\nThe United Nations counted 6,400 families who had crossed the "
            "border by Friday, according to its refugee agency.")
    # the agency counted; the UN passes its count on
    assert sources_of(pipeline, text, 6400)[0] == "UNHCR"


def test_the_office_pointed_back_to_is_the_part_named_before(pipeline):
    text = ("Relief desk\n\nThe United Nations warned on Friday, according to its "
            "humanitarian office, that 6,400 families had lost their shelters. Another "
            "900 schools were shut, the office said.")
    assert sources_of(pipeline, text, 900) == ["OCHA"]


def test_a_un_body_in_the_dotted_style_is_that_body(pipeline):
    text = ("Wire report\n\nThe U.N. human rights office said 31 detainees had died in "
            "custody since March.")
    assert sources_of(pipeline, text, 31) == ["OHCHR"]


def test_a_bare_government_after_a_leader_spoke_is_his_countrys(pipeline):
    text = ("Live coverage\n\nGerman Chancellor Olaf Scholz said Berlin would not stand "
            "in the way of partners in Ukraine's defence. The plan, the government said, "
            "is to send 14 tanks from its own stocks.")
    assert sources_of(pipeline, text, 14) == ["Government of Germany"]


def test_a_speaker_after_a_semicolon_says_only_the_clause_after_it(pipeline):
    text = ("Valley Courier\n\nThe camp held about 4,000 people before the rains; aid "
            "workers said many had since left for the town.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 4000) == ["Valley Courier"]


def test_a_speaker_after_a_semicolon_still_says_a_figure_of_its_own_clause(pipeline):
    text = ("Valley Courier\n\nThe camp held about 4,000 people before the rains; aid "
            "workers said 900 had since left for the town.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 900) == ["aid workers"]


def test_the_agency_after_a_party_spoke_is_the_agency_named_before(pipeline):
    text = ("Wire report\n\nThe country's spy agency, the National Intelligence Service, "
            "told lawmakers that 300 soldiers had died, according to a member of the "
            "ruling People Power Party. That is twice what the agency reported in May, "
            "when it put the toll at 150 dead.")
    # a party is never "the agency"; "it" goes on with the agency just pointed back to
    assert sources_of(pipeline, text, 150) == ["National Intelligence Service (South Korea)"]


def test_a_body_named_by_its_full_name_is_pointed_back_to_by_its_kind(pipeline):
    text = ("Wire report\n\nAbout 5,200 people fled the valley, OCHA said on Monday. The "
            "Freedom Front denied shelling it. The UN office added that 700 homes had "
            "burned.")
    # OCHA's full name says it is an office
    assert sources_of(pipeline, text, 700) == ["OCHA"]


def test_a_report_owned_by_a_body_pointed_back_to_is_that_bodys(pipeline):
    text = ("Wire report\n\nThe Ruritania Interior Ministry said 62 people died on "
            "Monday. Rebels of the Freedom Front claimed the attack. The ministry's report "
            "also counted 18 missing.")
    assert sources_of(pipeline, text, 18) == ["Ruritania Interior Ministry"]



def test_the_same_office_after_a_table_is_the_office_credited_under_it(pipeline):
    text = ("Valley Courier\nSecurity | Sonora\nTwo gangs at war, in tables\n3 June 2025\n\n"
            "Since two factions of the Jalisco New Generation Cartel turned on each other "
            "in March, the state has had its deadliest months.\n\nTABLE 1. Killings "
            "recorded in Sonora, by month\nMonth | Killings\nMarch 2025 | 61\nApril 2025 | "
            "74\nTotal | 135\nSource: Sonora State Prosecutor's Office\n\nThe count peaked "
            "in April, after the Jalisco New Generation Cartel split. The same office has "
            "recorded 29 kidnappings so far in May.")
    assert sources_of(pipeline, text, 29) == ["Sonora State Prosecutor's Office"]
