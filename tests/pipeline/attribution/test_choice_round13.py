"""Choosing the right party among those a sentence names (round 13): a party named inside an
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
