"""How reports count things whose noun they leave unsaid or write in ways the rules missed,
in forms the sixth unseen set used (recall10). Sentences are our own."""

from tests.pipeline.wire import claims_of


def test_a_number_opening_its_clause_counts_what_was_counted_before(pipeline):
    text = ("The militia fired 30 rockets at the port overnight; 12 hit the docks, four fell "
            "into the sea and one was stopped by the frigate.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(30, "rockets"), (12, "rockets"), (4, "rockets"), (1, "rockets")} <= got


def test_a_word_number_starting_the_next_sentence_counts_the_same_people(pipeline):
    text = ("Twenty sailors were pulled from the water and taken to the naval hospital. "
            "Six remain there, the navy said.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert (6, "sailors") in got


def test_a_word_number_with_no_verb_after_it_still_counts_nothing(pipeline):
    text = "The mayor gave two reasons for the delay, and both were about money."
    assert not [c for c in claims_of(pipeline, text) if c.value == 2]


def test_a_toll_alone_counts_the_dead(pipeline):
    text = ("At least 52 people died in the landslide, the governor said, raising the "
            "province's earlier toll of 31.")
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert (31, "killed") in got


def test_a_toll_restating_the_killed_or_wounded_is_not_only_the_dead(pipeline):
    text = ("The governor counted 900 killed or wounded, while aid groups estimated the toll "
            "at around 700.")
    (c,) = [c for c in claims_of(pipeline, text) if c.value == 700]
    assert c.status != "killed"


def test_the_number_of_dead_put_at_a_word_number(pipeline):
    text = "Police put the number of dead in the market town at eight."
    (c,) = claims_of(pipeline, text)
    assert (c.value, c.status) == (8, "killed")


def test_a_crew_listed_by_where_its_members_come_from(pipeline):
    text = ("The freighter had 14 sailors on board: nine Egyptians, three from Bangladesh "
            "and two from Ghana.")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(3, "sailors"), (2, "sailors")} <= got


def test_one_service_member_and_hired_contractors(pipeline):
    text = "The blast killed one service member and two contractors at the depot."
    got = {(c.value, c.status) for c in claims_of(pipeline, text)}
    assert {(1, "killed"), (2, "killed")} <= got


def test_the_body_naming_a_counted_group_again_is_no_new_claim(pipeline):
    text = ("The shaft caved in on Monday after heavy rain.\n\n"
            "Rescuers freed 14 miners from the collapsed shaft on Tuesday, the company said.\n\n"
            "The 14 miners were taken to the district hospital for checks, a spokesman added.")
    assert [c.value for c in claims_of(pipeline, text)].count(14) == 1
