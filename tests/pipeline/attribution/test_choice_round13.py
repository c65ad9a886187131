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

