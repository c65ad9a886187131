"""Who speaks for sentences without a cue of their own, in transcripts (discourse.py)."""

from tests.pipeline.wire import sources_of


def test_an_anchors_line_between_two_turns_of_a_guest_is_the_outlets(pipeline):
    text = ("Harbour Radio\nMorning programme\n\n"
            "HOST: Good morning. Joining us is navy spokesman Dmytro Pletenchuk.\n\n"
            "PLETENCHUK: The ship was hit near the strait and is out of action.\n\n"
            "HOST: The squadron had 6 patrol ships of that class. How many are left?\n\n"
            "PLETENCHUK: Fewer than before, and the rest stay far from our coast.\n\n"
            "© Harbour Radio 2024")
    assert sources_of(pipeline, text, 6) == ["Harbour Radio"]


def test_an_anchors_line_keeps_a_source_named_later_in_it(pipeline):
    text = ("Harbour Radio\nMorning programme\n\n"
            "HOST: The number of dead has risen to 58 people. Governor Ivan Fedorov said so "
            "an hour ago.\n\n"
            "FEDOROV: The search goes on.\n\n"
            "© Harbour Radio 2024")
    assert sources_of(pipeline, text, 58)[0] == "Ivan Fedorov"


def test_the_outlets_own_hedge_does_not_carry_the_source_before_it(pipeline):
    text = ("Night desk\n\nAnalysts who studied the satellite images counted 14 damaged "
            "helicopters at the base. The navy was believed to have 9 missile boats there.\n\n"
            "© Night Desk 2024")
    assert sources_of(pipeline, text, 14) == ["Analysts"]
    assert sources_of(pipeline, text, 9) == ["Night Desk"]


def test_a_party_a_transcripts_speaker_names_comes_first_the_speaker_relays(pipeline):
    text = ("Harbour Radio\nEvening programme\n\n"
            "HOST: Joining us is the foreign minister, Andrii Sybiha.\n\n"
            "SYBIHA: Norway announced 40 million euros for the shelters this morning.\n\n"
            "© Harbour Radio 2024")
    chain = sources_of(pipeline, text, 40000000)
    assert chain == ["Government of Norway", "Andrii Sybiha"]
