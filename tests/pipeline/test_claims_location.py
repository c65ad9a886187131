"""Where a counted thing is: the forms beyond a preposition of place (claims/location.py)."""


from intex.pipeline import Doc


def located(pipeline, text: str) -> dict[float, str | None]:
    return {c.value: c.location for c in pipeline(Doc(raw=text)).claims if not c.vague}


def test_the_place_an_attack_struck_is_where_its_toll_is(pipeline):
    got = located(pipeline, "Night report\n\nRussian missiles struck Odesa overnight, killing "
                            "four people and wounding 19, the regional governor said.")
    assert got[4] == got[19] == "Odesa"


def test_the_kind_of_place_before_its_name_does_not_hide_it(pipeline):
    got = located(pipeline, "Wire report\n\nArtillery shelled the centre of the port city of "
                            "Kherson, wounding 7 civilians, officials said.")
    assert got[7] == "Kherson"


def test_a_roll_up_line_is_located_by_its_label(pipeline):
    got = located(pipeline, "Morning roll-up\n\nRegional administrations reported:\n\n"
                            "Zaporizhzhia Oblast: 3 killed, 14 wounded.")
    assert got[3] == got[14] == "Zaporizhzhia Oblast"


def test_a_later_sentence_of_the_paragraph_keeps_its_place(pipeline):
    got = located(pipeline, "Front line\n\nFighting in Bakhmut killed 12 soldiers on Monday. "
                            "Another 30 were wounded, the army said.\n\n"
                            "Separately, 40 tonnes of aid were delivered, officials said.")
    assert got[12] == got[30] == "Bakhmut"
    assert got[40] is None  # a new paragraph starts over


def test_a_place_that_speaks_or_sends_is_no_location(pipeline):
    got = located(pipeline, "Briefing\n\nWarsaw said it would send 60 tanks, the ministry "
                            "added.\n\nTroops from Belarus numbered 9,000, analysts said.")
    assert got[60] is None
    assert got[9000] is None


def test_a_later_paragraph_referring_back_to_the_event_keeps_its_place(pipeline):
    got = located(pipeline, "Wire report\n\nA drone strike in Kramatorsk killed 6 people on "
                            "Friday, the governor said.\n\n"
                            "Another 14 were wounded in the attack, doctors said.\n\n"
                            "The government has set aside 9 million euros for repairs.")
    assert got[6] == got[14] == "Kramatorsk"
    assert got[9_000_000] is None  # no event referred to
