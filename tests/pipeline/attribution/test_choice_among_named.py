"""Choosing the right party among those a sentence names: a party named inside an
adverbial before the speaker ("in a village held by X", "after talks with X") is no
apposition's head."""

from tests.pipeline.wire import sources_of


def test_a_group_holding_the_place_named_before_the_speaker_is_no_speaker(pipeline):
    text = ("Wire report\n\nShelling on Tuesday killed at least 17 people, six of them women, "
            "in a town held by the Islamic State group in western Anbar province, the Iraqi "
            "Monitor for Civilian Harm said.")
    assert sources_of(pipeline, text, 17) == ["Iraqi Monitor for Civilian Harm"]


def test_a_time_phrase_naming_a_body_before_the_speaker_is_no_speaker(pipeline):
    text = ("Wire report\n\nAt least 23 fighters died in the raid, after talks with Hamas "
            "collapsed in Cairo, the Israeli military said.")
    assert sources_of(pipeline, text, 23) == ["Israel Defense Forces"]



def test_a_bare_military_named_before_any_force_is_the_one_named_further_on(pipeline):
    text = ("Border notes\n\nWhat happened overnight?\nTwo mortar shells fired from Gaza fell "
            "in open fields near Ashkelon, the military confirmed.\n\nIs that new?\nNo. In "
            "March the IDF said it had counted 40 launches in a week.")
    assert sources_of(pipeline, text, 2) == ["Israel Defense Forces"]


def test_a_bare_military_after_a_command_was_named_points_back_to_it(pipeline):
    text = ("Morning count\n\nUkraine's General Staff posted its count of Russian losses, "
            "as the military does every day: 1,210 personnel, it said.")
    assert sources_of(pipeline, text, 1210) == ["General Staff of the Armed Forces (Ukraine)"]


def test_a_speech_verb_in_the_progressive_names_its_subject(pipeline):
    text = ("Column\n\nBy May the World Food Programme was telling donors that 318 trucks "
            "had been turned back at the crossing.")
    assert sources_of(pipeline, text, 318) == ["World Food Programme"]


def test_an_unnamed_source_before_a_relative_clause_speaks(pipeline):
    text = ("Wire report\n\nA police source who declined to be identified told reporters "
            "that 14 bodies had been recovered from the river.")
    assert sources_of(pipeline, text, 14) == ["police source"]


def test_reports_nobody_is_named_for_stay_the_outlets_before_a_later_cue(pipeline):
    text = ("Valley Courier\n\nInitial reports said as many as 60 soldiers had drowned. A "
            "military source who was not authorised to speak told reporters that 41 "
            "bodies had been found.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 60) == ["Valley Courier"]
    assert sources_of(pipeline, text, 41) == ["military source"]


def test_a_partys_own_list_of_past_events_gives_its_figures(pipeline):
    text = ("Valley Courier\n\nThe mission's spokeswoman, Ana Ruiz, said it was the worst "
            "ambush since 2009, when 31 soldiers died.\n\nA note on that comparison: AFP's "
            "own list of past ambushes on the road gives the 2009 toll as 35 soldiers. The "
            "same list "
            "recalls that 12 drivers died near the pass in 2011.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 35) == ["AFP"]
    assert sources_of(pipeline, text, 12) == ["AFP"]


def test_a_long_adverbial_naming_a_group_before_the_speaker_is_no_speaker(pipeline):
    # the phrase between the commas is longer than any name: no apposition's head
    text = ("Wire report\n\nShelling on Tuesday killed at least 17 people, six of them women, "
            "in a market town held by the Islamic State group in Iraq's far western Anbar "
            "province, the Iraqi Monitor for Civilian Harm said.")
    assert sources_of(pipeline, text, 17) == ["Iraqi Monitor for Civilian Harm"]


def test_a_group_that_claimed_an_attack_does_not_speak_for_its_toll(pipeline):
    text = ("Valley Courier\n\nPolice said four shops burned overnight in the old city.\n\n"
            "The bombing, claimed by the Islamic State group, killed 30 people at a market "
            "in Kabul last year.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 30) == ["Valley Courier"]
