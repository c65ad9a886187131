"""The subject of a verb of saying behind asides, appositives and pronouns, in the shapes
reports write it (attributor.py, speakers.py)."""

from tests.pipeline.wire import sources_of

DESK = "Coast Desk\n\nPORTO NOVO (Coast Desk) — Fighting went on in the hills.\n\n"


def test_asides_of_time_and_manner_between_subject_and_verb_are_stepped_over(pipeline):
    text = DESK + ("The river police, in a written statement, on Tuesday, said 14 fishermen "
                   "were missing.")
    assert sources_of(pipeline, text, 14)[0].endswith("police")
    text = DESK + ("Marguerite Adjovi, during a visit to the port, told reporters that 31 "
                   "boats had sunk.")
    assert sources_of(pipeline, text, 31)[0] == "Marguerite Adjovi"


def test_a_clause_before_an_aside_is_no_subject(pipeline):
    # "The storm sank 9 boats": a clause, not a party; the aside leads to no speaker
    text = DESK + "The storm sank 9 boats, on Tuesday, officials in the port said."
    assert sources_of(pipeline, text, 9) == ["officials in the port"]
    text = DESK + "The storm sank 9 boats, on Tuesday, said."
    assert not any("storm" in s for s in sources_of(pipeline, text, 9))


def test_a_long_name_written_in_capitals_names_the_speaker(pipeline):
    text = DESK + ("The Coordination of the Movements for the Liberation of the Northern "
                   "Valleys said its fighters had taken 17 prisoners.")
    assert sources_of(pipeline, text, 17) == [
        "Coordination of the Movements for the Liberation of the Northern Valleys"]


def test_an_acronym_and_a_possessive_appositive_stand_between_name_and_verb(pipeline):
    text = DESK + ("The Union of Free Herders of the Upper Plateau (UFHUP), the herders' "
                   "militia, said it had lost 6 men. Ansar Wadi al-Nur (AWN), al-Qaeda's "
                   "valley branch, said 22 soldiers were killed.")
    assert sources_of(pipeline, text, 6) == ["Union of Free Herders of the Upper Plateau"]
    assert sources_of(pipeline, text, 22) == ["Ansar Wadi al-Nur"]


def test_it_after_an_unlisted_body_spoke_is_that_body(pipeline):
    # the body no list holds spoke; "Wagner" was only in what it said
    name = "Permanent Framework for the Defence of the People of the Northern Valleys"
    text = DESK + (f"The {name} (PF-DPNV), the rebel alliance, said its fighters had killed 40 "
                   "Wagner fighters. It said it had taken 8 prisoners.")
    assert sources_of(pipeline, text, 40) == [name]
    assert sources_of(pipeline, text, 8) == [name]


def test_a_sentence_adverb_before_a_comma_is_no_name(pipeline):
    text = DESK + "Separately, Benin's interior ministry said 5 boats were seized."
    assert sources_of(pipeline, text, 5)[0] != "Separately"


def test_the_government_by_no_name_is_the_government_of_the_reports_country(pipeline):
    text = ("Lagoon Post\n\nFloods hit Cotonou and Porto-Novo again this week. In Cotonou the "
            "water rose by a metre, and Porto-Novo's market closed.\n\nGovernment figures "
            "put the number of people displaced at 12,400. The government said 37 schools "
            "were shut, and according to government data 5 bridges were closed.")
    assert sources_of(pipeline, text, 12400) == ["Government of Benin"]
    assert sources_of(pipeline, text, 37) == ["Government of Benin"]
    assert sources_of(pipeline, text, 5) == ["Government of Benin"]


def test_a_government_the_phrase_places_is_not_the_reports(pipeline):
    text = ("Lagoon Post\n\nFloods hit Cotonou and Porto-Novo again this week. In Cotonou the "
            "water rose by a metre.\n\nThe Togolese government said 41 people had crossed "
            "the border.")
    assert sources_of(pipeline, text, 41) == ["Government of Togo"]


def test_no_country_clearly_leads_no_government_is_guessed(pipeline):
    text = ("Lagoon Post\n\nFloods hit Cotonou, Lomé, Accra and Lagos this week.\n\n"
            "The government said 23 schools were shut.")
    assert not any(s.startswith("Government of") for s in sources_of(pipeline, text, 23))


def test_a_countrys_named_body_that_puts_a_figure_is_that_body(pipeline):
    # the country owns the body; the body, not the country's government, gives the figure
    text = ("Peninsula Desk\n\nThe estimate is higher than Seoul's. In March, South Korea's "
            "Joint Chiefs of Staff put North Korean killed and wounded at around 4,000.")
    assert sources_of(pipeline, text, 4000) == ["Joint Chiefs of Staff (South Korea)"]


def test_data_a_body_owns_still_is_that_bodys():
    # "data from the agency's Displacement Tracking Matrix": the agency, not a place
    from intex.pipeline.attribution.attributor import TOOL_WORDS
    assert TOOL_WORDS.match("data from the agency's Displacement Tracking Matrix")
    assert not TOOL_WORDS.match("Benin's Joint Chiefs of Staff")


def test_put_after_a_relative_clause_is_the_named_subjects(pipeline):
    text = ("Evening Desk\n\nBy comparison, Ukraine's General Staff, which lumps the wounded "
            "in with the dead, put its own running total at almost 512,000 on Monday.")
    staff = "General Staff of the Armed Forces (Ukraine)"
    assert sources_of(pipeline, text, 512000) == [staff]


def test_a_partys_own_named_outlet_speaks_with_its_owner_behind(pipeline):
    text = ("Gulf Desk\n\nADEN (Gulf Desk) - Strikes went on.\n\nThe Houthis' Al Masirah TV "
            "later reported 33 dead. Two more raids hit the port, according to the Houthis' "
            "Al Masirah TV, which gave no toll.")
    for value in (33, 2):
        assert "Al Masirah" in sources_of(pipeline, text, value)


def test_an_official_by_role_at_a_named_body_is_named_as_written(pipeline):
    text = DESK + ("According to the chief prosecutor at the Parakou court of appeal, 2 people "
                   "were killed. The medical director of the Borgou hospital said 9 were hurt.")
    assert sources_of(pipeline, text, 2) == ["chief prosecutor at the Parakou court of appeal"]
    assert sources_of(pipeline, text, 9) == ["medical director of the Borgou hospital"]


def test_a_role_at_a_clause_is_no_official():
    from intex.pipeline.attribution.speakers import ROLE_AT_BODY
    assert ROLE_AT_BODY.fullmatch("crown prosecutor at the Laayoune court of appeal")
    assert not ROLE_AT_BODY.fullmatch("head of the queue")  # nothing named


def test_a_relay_no_list_knows_named_before_what_it_cites(pipeline):
    text = DESK + ("Late last month the Somali news site Garowe Online, citing a Bloomberg "
                   "report, said a document published by the regional authorities in Parakou "
                   "accused soldiers of killing more than 47 civilians.")
    assert "Garowe Online" in sources_of(pipeline, text, 47)


def test_another_one_or_each_of_a_group_is_no_name(pipeline):
    text = DESK + ("Three fishermen said the boats left at dawn. Another said 6 boats had "
                   "not come back.")
    assert "Another" not in sources_of(pipeline, text, 6)


def test_a_side_named_by_what_it_is_speaks_as_written(pipeline):
    text = DESK + ("Army spokesman Jean Houngbo said two soldiers died.\n\nThe separatists had "
                   "earlier announced online that 11 soldiers died. Rebels said 4 trucks were "
                   "taken.")
    assert sources_of(pipeline, text, 11) == ["separatists"]
    assert sources_of(pipeline, text, 4) == ["Rebels"] or sources_of(pipeline, text, 4) == \
        ["rebels"]


def test_a_name_then_a_bare_role_of_a_body_then_the_verb(pipeline):
    text = DESK + ("The UN said 400 had died. Koffi Adandé, health minister in the northern "
                   "administration, said 316 had died. The UN said 410 had died. Koffi Adandé, "
                   "health minister in the northern administration, had earlier given an "
                   "official toll of 290 dead.")
    assert sources_of(pipeline, text, 316) == ["Koffi Adandé"]
    assert sources_of(pipeline, text, 290) == ["Koffi Adandé"]
    assert sources_of(pipeline, text, 410) != ["Koffi Adandé"]


def test_a_role_with_a_field_is_the_last_person_only_when_written_so(pipeline):
    # the last person named is no health minister: the role speaks as written
    text = DESK + ("Police chief Marc Hounkpe visited the port.\n\nThe health minister said "
                   "attacks on clinics had reached 31.")
    assert sources_of(pipeline, text, 31) == ["health minister"]
    # named with that role before: the person
    text = DESK + ("Health Minister Awa Sossa visited the port.\n\nThe health minister said "
                   "attacks on clinics had reached 31.")
    assert sources_of(pipeline, text, 31) == ["Awa Sossa"]
    # a role of one piece ("the head of state") is whoever was named last
    text = DESK + ("Volodymyr Zelensky spoke in Kyiv.\n\nThe head of state said 12 people "
                   "were killed.")
    assert sources_of(pipeline, text, 12) == ["Volodymyr Zelensky"]


def test_a_person_of_a_body_speaks_not_the_body(pipeline):
    # a name no list knows, then "of" and the body they belong to: the person speaks
    text = DESK + ("Kossi Agbodjan of the harbour fishermen's association told reporters that "
                   "27 boats had been lost.")
    assert sources_of(pipeline, text, 27)[0] == "Kossi Agbodjan"
    # a body's own name with "of" is no person
    text = DESK + "The Ministry of Fisheries said 12 boats had been lost."
    assert sources_of(pipeline, text, 12)[0] != "Ministry"


def test_a_verb_joined_by_and_shares_the_subject_of_the_clause_before(pipeline):
    text = DESK + ("The International Organization for Migration later revised its count, "
                   "a figure that excluded the north, and said 19 families had fled.")
    assert sources_of(pipeline, text, 19)[0] == "International Organization for Migration"


def test_an_adverb_between_an_unlisted_party_and_its_verb_is_no_part_of_it(pipeline):
    text = DESK + "News agency KPN first reported 23 civilians killed."
    assert sources_of(pipeline, text, 23)[0] == "KPN"
    text = DESK + "Beninese military sources have since spoken of 38 soldiers killed."
    assert sources_of(pipeline, text, 38)[0] == "Beninese military sources"


def test_a_reporting_aside_between_subject_and_verb_is_stepped_over(pipeline):
    text = DESK + ("The state broadcaster ORTB, reporting on 3 May, put the coast guard "
                   "alone at about 450 sailors.")
    assert "coast guard" not in " ".join(sources_of(pipeline, text, 450)).lower()


def test_a_place_before_a_word_for_a_body_qualifies_the_body_named_after(pipeline):
    text = DESK + ("About 2,300 people had fled the coast by Sunday, the Cotonou weekly "
                   "La Nation reported.")
    assert sources_of(pipeline, text, 2300)[0] == "La Nation"


def test_a_fact_box_line_credited_in_brackets_is_the_credited_partys(pipeline):
    text = ("Coast Desk\n\nThe figures below are as stated by the sources named.\n\n"
            "- Displaced since March: about 8,400 (Lagoon Herald, 14 June)\n"
            "- Killed since March: over 120 (Lagoon Herald, 14 June)\n")
    assert sources_of(pipeline, text, 120)[0] == "Lagoon Herald"


def test_the_army_of_a_country_no_list_gives_a_force_is_named_by_its_country(pipeline):
    text = ("Coast Desk\n\nOUAGADOUGOU (Coast Desk) — Fighting went on in the north.\n\n"
            "According to the army, 36 fighters were captured near the border.")
    assert sources_of(pipeline, text, 36) == ["Army (Burkina Faso)"]


def test_a_questioner_named_by_their_outlet_speaks_for_their_questions_figure(pipeline):
    text = ("Coast Desk\n\nTranscript of the harbour master's briefing.\n\n"
            "Q (Reuters): By our count it is around 40 boats this week, mostly from the "
            "south. Does that match your figures?\n\nMARC DOSSOU: We have counted fewer.\n")
    assert sources_of(pipeline, text, 40) == ["Reuters"]


def test_an_unlisted_person_behind_a_title_or_rank_is_he_later(pipeline):
    text = DESK + ("Director General of the Port Authority Koffi Ahouansou told a news "
                   "conference the quays were closed. The ferry was carrying 420 passengers, "
                   "he said.")
    assert sources_of(pipeline, text, 420) == ["Koffi Ahouansou"]
    text = DESK + ("Lt Col Koffi Ahouansou, spokesperson of the navy, confirmed the move. The "
                   "navy had sent an additional 300 sailors, he said.")
    assert sources_of(pipeline, text, 300) == ["Koffi Ahouansou"]


BURKINA = "Coast Desk\n\nOUAGADOUGOU (Coast Desk) — Fighting went on in the north.\n\n"


def test_a_government_named_by_its_leader_or_by_its_standing_is_the_countrys(pipeline):
    text = BURKINA + ("The former government of Colonel Aristide Sawadogo had said that 14 "
                      "soldiers were missing.")
    assert sources_of(pipeline, text, 14) == ["Government of Burkina Faso"]
    text = BURKINA + "The transitional government has announced that 900 recruits were trained."
    assert sources_of(pipeline, text, 900) == ["Government of Burkina Faso"]


def test_a_group_at_a_place_is_the_group_not_the_places_government(pipeline):
    text = BURKINA + "About 60 people were wounded, clinic staff at Kaya said."
    assert sources_of(pipeline, text, 60) == ["clinic staff at Kaya"]


def test_unlisted_parties_that_report_or_whose_tallies_show(pipeline):
    text = BURKINA + "Burkinabe media report at least 16 explosions around the capital."
    assert sources_of(pipeline, text, 16) == ["Burkinabe media"]
    text = BURKINA + ("The raids bring to at least 41 the number of people killed since June, "
                      "SahelWatch tallies show.")
    assert sources_of(pipeline, text, 41)[0] == "SahelWatch"


def test_a_body_pointed_back_to_is_the_one_quoted_last_among_those_that_fit(pipeline):
    text = ("Wire report\n\nAccording to the Philippine Coast Guard, six China Coast Guard "
            "ships blocked the channel. Four Chinese navy frigates were nearby as well, the "
            "coast guard said.")
    assert sources_of(pipeline, text, 4) == ["Philippine Coast Guard"]


def test_a_speaker_whose_clause_is_set_off_after_the_number_does_not_say_it(pipeline):
    text = ("Lagoon Ledger | Analysis\n\nFloods on the coast\n\nThe navy has some 1,400 sailors "
            "in the region, but many fishermen say the force does too little to help them.")
    assert sources_of(pipeline, text, 1400) == ["Lagoon Ledger"]
    text = "Lagoon Ledger | Analysis\n\nFloods\n\nAbout 40 boats sank, residents said."
    assert sources_of(pipeline, text, 40) == ["residents"]


def test_a_ministry_in_a_capital_is_that_countrys(pipeline):
    text = ("Coast Desk\n\nABUJA (Coast Desk) — Fighting went on.\n\nAcross the border, the "
            "Defense Ministry in Moscow said its air defenses had downed 19 drones.")
    assert sources_of(pipeline, text, 19) == ["Ministry of Defence (Russia)"]


def test_a_body_pointed_back_to_is_no_person_who_spoke_before(pipeline):
    text = ("Coast Desk\n\nEnvironment Minister Kossi Agbodjan said on Sunday that shelters "
            "were full.\n\nThe health ministry said strikes had killed more than 70 people.")
    assert "Kossi Agbodjan" not in sources_of(pipeline, text, 70)


def test_a_reason_a_speaker_cites_is_no_party_further_up_the_chain(pipeline):
    text = DESK + ("Beninese media, citing Togolese and ECOWAS appeals for calm, speak of at "
                   "least 1,300 troops.")
    assert sources_of(pipeline, text, 1300) == ["Beninese media"]


def test_an_unnamed_group_where_it_is_is_the_group(pipeline):
    text = DESK + ("Community leaders in the Ganvie lake villages say about 900 people have "
                   "left since March.")
    assert sources_of(pipeline, text, 900) == ["Community leaders"]


def test_a_person_quoted_by_another_party_speaks_first(pipeline):
    text = DESK + ("Shelters are full; a Fon fisherman quoted by Reuters said about 60 boats "
                   "had been lost.")
    assert sources_of(pipeline, text, 60) == ["Fon fisherman", "Reuters"]


def test_figures_said_to_come_from_a_person_are_theirs_and_he_points_back(pipeline):
    text = DESK + ("The latest numbers come from Koffi Ahouansou, spokesman for the navy. "
                   "Speaking on television, he said 75 sailors had been rescued.")
    assert sources_of(pipeline, text, 75) == ["Koffi Ahouansou"]


def test_a_council_by_what_it_is_is_the_one_council_the_report_names_later(pipeline):
    text = ("Coast Desk\n\nNIAMEY (Coast Desk) — Troops left on Friday.\n\nThe ruling military "
            "council said on television that 14 flights had been registered.\n\nThe soldiers "
            "installed the Council of National Redemption Unity (CNRU) in July.")
    assert sources_of(pipeline, text, 14)[0] == "Council of National Redemption Unity"


# --- a fronted time, an aside on anonymity, a party revising its count, a group pointed back to ---

def test_a_time_fronted_before_a_speaker_leaves_the_speaker_the_subject(pipeline):
    text = ("Harbour Dispatch\n\nBy Sunday the count had risen. For comparison, on Friday "
            "evening provincial governor Tomas Ardeli had spoken of 11 people killed.\n\n"
            "© Harbour Dispatch 2024")
    assert sources_of(pipeline, text, 11)[0] == "Tomas Ardeli"


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


def test_an_armed_group_pointed_back_to_by_what_it_is_speaks(pipeline):
    text = ("Horn Brief\n\nThe Sahel Liberation Front attacked the garrison at dawn.\n\n"
            "On its channels the Malian group said it had seized 12 vehicles.\n\n"
            "© Horn Brief 2024")
    assert sources_of(pipeline, text, 12)[0] == "Sahel Liberation Front"
