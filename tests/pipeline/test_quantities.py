"""Which numbers count something: the scale word of a vague quantity is not a number."""

from intex.model import Span
from tests.pipeline.wire import quantities


def test_several_hundred_is_one_vague_quantity():
    qs = quantities("Officials said the unit had suffered several hundred casualties.")
    assert [(q.value, q.vague) for q in qs] == [(300, True)]


# --- counted nouns the lexicon lacks, and nouns that only qualify the head ---------------


def test_digits_before_an_unlisted_plural_governed_by_a_status_verb():
    (q,) = quantities("Rescuers said 12 ambulances were sent to the scene.")
    assert q.value == 12 and q.unit == "ambulances"
    (q,) = quantities("The navy destroyed 37 barges near the delta.")
    assert q.unit == "barges"


def test_digits_before_an_unlisted_plural_without_a_status_verb_count_nothing():
    (q,) = quantities("The museum shows 40 paintings by the artist.")
    assert q.unit is None


def test_a_counted_word_before_the_head_noun_yields_to_it():
    (q,) = quantities("They captured two wounded enemy soldiers.")
    assert q.unit == "soldiers"
    (q,) = quantities("The army lost 17 infantry fighting vehicles.")
    assert q.unit == "vehicles"


def test_a_plain_noun_naming_a_kind_of_the_counted_noun():
    (q,) = quantities("About 400 dock workers were sent home on Tuesday.")
    assert (q.value, q.unit) == (400, "workers")
    (q,) = quantities("A convoy of 12 aid trucks crossed at dawn.")
    assert (q.value, q.unit) == (12, "trucks")


def test_words_that_name_no_kind_do_not_stand_before_the_noun():
    # a verb, a determiner or a comparative between the number and the noun is no kind
    for text in ("Of the 40 hurt, 24 were civilians.", "Of those freed, 6 are police officers.",
                 "Monitors logged 50 such incidents.", "It was 1 of the heaviest attacks."):
        assert [q.unit for q in quantities(text) if q.value in (24, 6, 50, 1)] == [None], text


# --- shares, labels and other number forms (claims5) -------------------------------------


def test_one_in_four_is_a_share_not_a_count():
    assert quantities("One in four families in the valley now relies on food parcels.") == []
    assert quantities("Roughly two in every ten homes were left without water.") == []


def test_a_word_number_before_an_unlisted_plural_its_verb_governs():
    (q,) = quantities("More than ten ambulances were sent to the market.")
    assert (q.value, q.unit) == (10, "ambulances")
    (q,) = quantities("Officials said 37 barges were stranded below the lock.")
    assert q.unit == "barges"


def test_a_word_number_after_a_verb_places_hit_count_nothing():
    assert quantities("Rockets struck two border posts at dawn.") == []


def test_a_word_number_an_outcome_verb_takes_is_kept_for_its_noun_named_earlier():
    qs = quantities("The gunboats seized one tanker and sank two in the strait.")
    assert [q.value for q in qs] == [1, 2]


def test_a_line_label_names_what_the_figure_after_its_colon_counts():
    (q,) = quantities("Shellings in the last 24 hours: 212")
    assert (q.value, q.unit) == (212, "shellings")
    (q,) = quantities("Total wounded: 4,310")
    assert (q.value, q.unit) == (4310, "wounded")
    (q,) = quantities("Killed since January: 96")
    assert (q.value, q.unit) == (96, "people")


def test_a_line_label_without_a_counted_word_names_nothing():
    (q,) = quantities("Updated on Monday: 17")
    assert q.unit is None


def test_money_restated_in_brackets_in_another_currency_is_one_amount():
    qs = quantities("Donors pledged €500 million ($540 million) for the flood appeal.")
    assert [(q.value, q.currency) for q in qs] == [(500_000_000, "EUR")]


# --- claims7: kinds named after other modifiers, model numbers, elided outcomes ---------


def test_a_plain_noun_after_other_modifiers_still_names_a_kind_of_the_counted_noun():
    (q,) = quantities("Four Iranian navy frigates sailed past the island.")
    assert (q.value, q.unit) == (4, "frigates")
    (q,) = quantities("Nine federal government trucks waited at the crossing.")
    assert (q.value, q.unit) == (9, "trucks")


def test_a_number_after_a_model_designation_counts_nothing():
    assert quantities("The Project 636 submarine Rostov was hit in dry dock.") == []
    assert quantities("Norway sent BMP 21 spare parts and Type 055 manuals.") == []
    # money in a currency code is no model
    (q,) = quantities("The fund holds NOK 12 billion for the reconstruction.")
    assert q.currency == "NOK"


def test_a_word_number_an_outcome_verb_follows_is_kept_without_a_noun():
    qs = quantities("Of the nine victims, five died at the scene and one was declared dead later.")
    assert [q.value for q in qs] == [9, 5, 1]
    qs = quantities("Two gunmen were shot; one has been arrested.")
    assert [q.value for q in qs] == [2, 1]


def test_places_an_attack_is_aimed_at_are_counted_unless_named_before():
    (q,) = quantities("Two drones struck four gas fields in the north overnight.")[1:]
    assert (q.value, q.unit) == (4, "gas fields")
    (q,) = quantities("Damage was recorded in 12 apartment blocks, the mayor said.")
    assert q.unit == "apartment blocks"
    # "the two camps": the places the report named before, no new count
    assert quantities("Together the two camps hold the families who fled.") == []


def test_a_model_name_alone_is_what_the_number_counts():
    qs = quantities("The air force lost two Su-25s and one MiG-31 over the sea.")
    assert [(q.value, q.unit) for q in qs] == [(2, "Su-25s"), (1, "MiG-31")]


def test_fighters_built_somewhere_are_aircraft():
    (q,) = quantities("Officials listed four US-built fighters among the losses.")
    assert q.unit == "fighter jets"
    (q,) = quantities("Four hundred fighters joined the offensive.")
    assert q.unit == "fighters"


def test_a_deed_done_n_times_counts_attacks_a_ratio_counts_nothing():
    (q,) = quantities("Rockets struck the port five times on Sunday.")
    assert (q.value, q.unit) == (5, "attacks")
    assert quantities("Prices rose three times faster than wages.") == []


def test_a_four_word_counted_phrase():
    (q,) = quantities("Russia attacked with 120 means of air attack overnight.")
    assert q.unit == "means of air attack"


def test_the_size_of_a_place_said_in_passing_counts_nothing():
    assert quantities("Shells hit Dara, a town of about 40,000 people, overnight.") == []
    (q,) = quantities("The camp is home to more than 90,000 displaced people.")
    assert q.value == 90000


def test_rounds_of_a_process_are_batches_rounds_of_ammunition_are_counted():
    qs = quantities("The North had sent 500 balloons in three rounds since May.")
    assert [q.value for q in qs] == [500]
    assert quantities("Pyongyang sent 9,000 troops in two rounds of deployment.")[1:] == []
    (q,) = quantities("The US will deliver 1,000 rounds of artillery ammunition.")
    assert q.unit == "rounds"


def test_people_named_by_their_nationality_alone_are_counted():
    from intex.pipeline.quantities import make_quantities

    finder = make_quantities()

    def found(text: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.unit) for q in finder.sentence(Span(0, len(text), text), None)]

    assert found("Police said three Croats were killed.") == [(3, "Croats")]
    assert found("About 900 Colombians have crossed the river.") == [(900, "Colombians")]
    assert found("The freed were 12 Thai nationals and one Filipino.")[-1] == (1, "Filipino")
    # a nationality before a noun only qualifies it
    assert found("Drones were downed over five Russian regions.") == []


def test_others_hurt_after_a_count_are_counted_without_a_noun():
    (q,) = quantities("Two guards were killed and two others seriously injured.")[1:]
    assert q.value == 2


def test_the_speakers_counted_are_no_claim():
    from intex.pipeline.quantities import make_quantities

    finder = make_quantities()
    text = "Four aid workers in the camp said they had seen 30 trucks leave."
    assert [q.value for q in finder.sentence(Span(0, len(text), text), None)] == [30]
    text = "We spoke to 14 residents of the district for this story."
    assert finder.sentence(Span(0, len(text), text), None) == []
    text = "Four aid workers were killed in the camp, officials said."
    assert [q.value for q in finder.sentence(Span(0, len(text), text), None)] == [4]



def test_members_of_a_group_are_counted():
    for text, value in [("Nine members of the armed group were killed in the raid.", 9),
                        ("Police said three ELN members died in the clash.", 3),
                        ("The cartel has some 4,000 members across the state.", 4000)]:
        (q,) = quantities(text)
        assert (q.value, q.unit) == (value, "members"), text


def test_members_of_an_assembly_are_not():
    for text in ["All 27 members of the council voted for it.",
                 "Twelve members of the European Parliament signed the letter."]:
        assert [q.unit for q in quantities(text)] in ([None], []), text


def test_nouns_reports_count_beyond_troops_and_weapons():
    for text, unit in [("Two other Indonesian crewmen were badly hurt.", "crewmen"),
                       ("The flood burst two dams above the valley.", "dams"),
                       ("Police counted six blasts in the district overnight.", "blasts"),
                       ("Rioters torched 300 shops in the old market.", "shops"),
                       ("Four undersea cables were cut in the strait.", "cables")]:
        units = [q.unit for q in quantities(text)]
        assert unit in units, (text, units)


def test_hyphenated_modifiers_and_warships_keep_the_count():
    for text, value, unit in [
            ("The salvo included four cruise missiles and nine surface-to-air missiles.", 9,
             "missiles"),
            ("Two navy destroyers shadowed the convoy.", 2, "destroyers")]:
        assert (value, unit) in [(q.value, q.unit) for q in quantities(text)], text


def test_a_dotted_abbreviation_is_one_modifier_of_the_counted_noun():
    (q,) = quantities("Roughly 400 U.S. soldiers guard the airfield.")
    assert (q.value, q.unit) == (400, "soldiers")
    (q,) = quantities("The storm damaged three U.K. frigates in port.")
    assert (q.value, q.unit) == (3, "frigates")


def test_counted_nouns_of_raids_and_sieges_the_lexicon_lacked():
    (q,) = quantities("Troops recovered 41 handguns from the warehouse.")
    assert q.unit == "handguns"
    (q,) = quantities("Gangs set up 17 roadblocks on the highway.")
    assert q.unit == "roadblocks"
    (q,) = quantities("Gunmen abducted 130 schoolboys from the hostel.")
    assert q.unit == "schoolboys"


def test_an_issue_number_or_a_one_word_unit_name_counts_nothing():
    assert not quantities("Regional security digest | Issue 58 | 3 March 2021")
    assert not quantities("Troops of Jägerregiment 14 and Panzerbrigade 21 took part.")
