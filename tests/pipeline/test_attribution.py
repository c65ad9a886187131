"""Who asserts a number: the constructions reports use to attribute, one test each."""

import json

import pytest

from intex.errors import PipelineError
from intex.gazetteer import default_gazetteer
from intex.pipeline import Doc, build_pipeline
from intex.pipeline.attribution import page_outlet
from tests.pipeline.wire import sources_of


def claims(pipeline, text: str):
    return pipeline(Doc(raw=text)).claims


def test_relative_clause_after_the_speaker(pipeline):
    text = ("Wire report\n\nKyrylo Budanov, who heads Ukraine's military intelligence (HUR), "
            "said 2,400 drones had been launched.")
    assert sources_of(pipeline, text, 2400)[0] == "Kyrylo Budanov"


def test_demonym_before_a_body_does_not_hide_it(pipeline):
    text = ("Wire report\n\nThe South Korean National Intelligence Service (NIS) reported on "
            "Friday that 450 soldiers had been wounded.")
    assert sources_of(pipeline, text, 450)[0] == "National Intelligence Service (South Korea)"


def test_agency_told_lawmakers_relayed_by_a_lawmaker(pipeline):
    text = ("Wire report\n\nSouth Korea's National Intelligence Service told lawmakers on "
            "Monday that 640 soldiers had been wounded, according to Rep. Lee Seong-kweun.")
    assert sources_of(pipeline, text, 640) == ["National Intelligence Service (South Korea)",
                                               "Lee Seong-kweun"]


def test_speaker_relaying_an_agency_named_after_according_to(pipeline):
    text = ("Wire report\n\nJohn Healey said on Tuesday that 7,000 soldiers had arrived, "
            "according to the Main Directorate of Intelligence.")
    assert sources_of(pipeline, text, 7000)[:2] == ["Main Directorate of Intelligence (Ukraine)",
                                                    "John Healey"]


def test_by_someones_calculation(pipeline):
    text = ("Wire report\n\nKyrylo Budanov said the front held. "
            "By ISW's count, the brigade has lost 85 tanks.")
    assert sources_of(pipeline, text, 85) == ["Institute for the Study of War"]


def test_which_someone_puts_at(pipeline):
    text = ("Wire report\n\nKyrylo Budanov said the front held. "
            "The garrison, which ISW puts at about 4,500 troops, is surrounded.")
    assert sources_of(pipeline, text, 4500) == ["Institute for the Study of War"]


def test_two_speakers_in_one_sentence(pipeline):
    text = ("Wire report\n\nVolodymyr Zelensky put the toll at 4,100 killed or wounded, while "
            "US officials have estimated it at around 1,300 soldiers.")
    assert sources_of(pipeline, text, 4100) == ["Volodymyr Zelensky"]
    assert sources_of(pipeline, text, 1300) == ["US officials"]


def test_transcript_speaker_label(pipeline):
    text = ("TV transcript\n\n[00:12] ANCHOR: We turn to the president.\n\n"
            "[00:15] ZELENSKYY (voice of interpreter): We have lost 2,100 soldiers this month.")
    assert sources_of(pipeline, text, 2100) == ["Volodymyr Zelensky"]


def test_live_blog_entry_heading_with_a_colon(pipeline):
    text = ("Live: the war today\n\nThe morning began quietly.\n\n"
            "Budanov: 1,900 drones launched at Ukraine this week")
    assert sources_of(pipeline, text, 1900) == ["Kyrylo Budanov"]


def test_participle_takes_the_clause_subject(pipeline):
    text = ("Wire report\n\nMoscow's defence ministry issued a statement on Sunday, saying "
            "44 drones had been shot down.")
    assert sources_of(pipeline, text, 44) == ["Ministry of Defence (Russia)"]


def test_body_named_by_what_it_is(pipeline):
    text = ("Wire report\n\nThe Coordination Headquarters for the Treatment of Prisoners of War "
            "met on Friday.\n\nUkraine got back 84 servicemen, the Coordination Headquarters "
            "announced.")
    assert sources_of(pipeline, text, 84) == [
        "Coordination Headquarters for the Treatment of Prisoners of War (Ukraine)"]


def test_local_police(pipeline):
    text = "Wire report\n\nPolice in Odesa said 13 people had been hurt."
    assert sources_of(pipeline, text, 13) == ["Odesa police"]


def test_new_paragraph_without_cue_is_the_outlets(pipeline):
    text = ("Reuters\n\nHeadline\n\nThe Institute for the Study of War said 60 tanks were "
            "destroyed.\n\nPyongyang is estimated to have sent 9,000 soldiers to Russia.")
    assert sources_of(pipeline, text, 9000) == ["Reuters"]


def test_cue_carries_within_its_paragraph(pipeline):
    text = ("Reuters\n\nHeadline\n\nThe Institute for the Study of War said on Monday that the "
            "line held. Some 60 tanks were destroyed.")
    assert sources_of(pipeline, text, 60) == ["Institute for the Study of War"]


@pytest.mark.parametrize("raw, outlet", [
    ("UNIAN   ua | en | ru\nWar > Politics\n\nText", "UNIAN"),
    ("Top menu\n\nText\n\n© 2003-2024 Reuters. All rights reserved.", "Reuters"),
    ("Kyiv Daily Wire\nNews\n\nText\n\nSubscribe to Kyiv Daily Wire on Telegram",
     "Kyiv Daily Wire"),
    ("Menu\n\nText without any name", None),
    # outlets no list knows: a copyright line, a "Source:" credit, a publisher line, a
    # one-word masthead
    ("Home   World\n\nText\n\n© 2025 Harbour Courier. All rights reserved.",
     "Harbour Courier"),
    ("Headline of the day\n\nText\n\nSource: Steppe Monitor and news agencies",
     "Steppe Monitor"),
    ("Press release\nFrom: Ministry of Civil Defence, Emergency Unit\n\nText",
     "Ministry of Civil Defence"),
    ("KRAI.INFO\nUA | EN\n\nText", "KRAI.INFO"),
    ("Skip to main content\n\nText", None),
    # a known outlet's name is no prefix of a longer one; a parent company is not the
    # outlet its masthead names
    ("THE TIMES OF MALTA\nNews  Sport\n\nText\n\n© 2024 The Times of Malta, All Rights "
     "Reserved", "The Times of Malta"),
    ("KBN\nAsia | Video\n\nText\n\nCopyright © Harbourline Media Pte Ltd. All rights "
     "reserved.", "KBN"),
])
def test_page_outlet(raw, outlet):
    assert page_outlet(raw, default_gazetteer().outlet_lookup()) == outlet


# --- sources named after the figure, by role, pronoun or a name no list has -------------


def test_a_later_sentence_of_the_paragraph_names_the_source(pipeline):
    text = ("Evening digest\n\nSince dawn, 41 assaults were repelled near the river. The "
            "fighting was heaviest in the south, the General Staff of Ukraine said.")
    assert sources_of(pipeline, text, 41)[0] == "General Staff of the Armed Forces (Ukraine)"


def test_a_later_cue_opening_on_a_date_is_another_statement(pipeline):
    text = ("Evening digest\n\nReporters wrote this.\n\nSome 52 drones reportedly struck the "
            "port. On Friday, the General Staff said the port was working again.")
    assert "General Staff of the Armed Forces (Ukraine)" not in sources_of(pipeline, text, 52)


def test_a_pronoun_refers_to_the_party_earlier_in_its_sentence(pipeline):
    text = ("Wire report\n\nKyrylo Budanov spoke on Monday.\n\nThe Russian Defence Ministry "
            "gave its own figures: it said 640 drones had been shot down.")
    assert sources_of(pipeline, text, 640)[0] == "Ministry of Defence (Russia)"


def test_an_appositive_after_an_unlisted_name_keeps_the_name(pipeline):
    text = ("Wire report\n\nThe Lakeside Relief Network, a group of local volunteers, said "
            "48 people had died in the flooding.")
    assert sources_of(pipeline, text, 48)[0] == "Lakeside Relief Network"


def test_the_official_points_back_to_the_unnamed_official(pipeline):
    text = ("Wire report\n\nA senior defense official told reporters that 90 launchers had "
            "been sent. The official also said 14 radars would follow.")
    assert sources_of(pipeline, text, 14)[0] == "senior defense official"


def test_local_authorities_are_an_unnamed_source(pipeline):
    text = ("Wire report\n\nFour people were killed in the shelling, according to local "
            "authorities.")
    assert sources_of(pipeline, text, 4)[0] == "local authorities"


def test_the_country_government_is_its_government(pipeline):
    text = ("Wire report\n\nSince the war began, 2,480 prisoners have come home, the "
            "Ukrainian government said.")
    assert sources_of(pipeline, text, 2480)[0] == "Government of Ukraine"


def test_a_source_without_determiner_puts_a_figure_at(pipeline):
    text = ("Wire report\n\nIn March, the NIS put enemy losses at about 730 killed.")
    assert sources_of(pipeline, text, 730)[0] == "National Intelligence Service (South Korea)"


def test_a_pledge_names_its_source_unless_someone_else_speaks(pipeline):
    text = ("Wire report\n\nPresident Yoon Suk Yeol on Monday pledged a $45 million package "
            "for Ukraine. Joe Biden noted that Washington had already promised 310 vehicles.")
    assert sources_of(pipeline, text, 45_000_000)[0] == "Yoon Suk Yeol"
    assert sources_of(pipeline, text, 310)[0] == "Joe Biden"


def test_a_possessive_pronoun_count_is_the_last_speakers(pipeline):
    text = ("Wire report\n\nVolodymyr Zelensky spoke in the evening. In his count, Russia "
            "fired 620 drones overnight.")
    assert sources_of(pipeline, text, 620)[0] == "Volodymyr Zelensky"


def test_a_possessive_count_as_subject_names_its_owner(pipeline):
    text = ("Wire report\n\nThe Ukrainian Air Force's count is that 57 drones were launched "
            "overnight.")
    assert sources_of(pipeline, text, 57)[0] == "Air Force (Ukraine)"


def test_whose_tallies_put_a_figure_at(pipeline):
    text = ("Wire report\n\nUkrainian officials' tallies put the number of dead at no fewer "
            "than 19.")
    assert sources_of(pipeline, text, 19)[0] == "Ukrainian officials"


# --- speakers named outside the figure's sentence ------------------------------------------


def test_transcript_speaker_keeps_the_floor_over_later_paragraphs(pipeline):
    text = ("Meeting transcript\n\nVladimir Putin: Good afternoon. Let us begin.\n\n"
            "Sergei Shoigu: Thank you.\n\nOur units now hold the line.\n\n"
            "Since Monday, 2,150 residents have been moved to safer districts.\n\n"
            "Vladimir Putin: Thank you.")
    assert sources_of(pipeline, text, 2150)[0] == "Sergei Shoigu"


def test_a_headline_label_speaks_for_no_later_paragraph(pipeline):
    text = ("Budanov: the enemy is regrouping\n\nAnalysts watch the front.\n\n"
            "Some 3,100 troops were counted near the border last week.")
    assert "Kyrylo Budanov" not in sources_of(pipeline, text, 3100)


def test_dateline_is_no_speaker_label(pipeline):
    text = ("Wire report\n\nGENEVA: Fighting has forced 82,000 people from their homes, "
            "the International Organization for Migration said.")
    assert sources_of(pipeline, text, 82000)[0] == "International Organization for Migration"


def test_paragraph_between_two_quotes_of_one_party_is_that_party(pipeline):
    text = ("Evening update\n\nUkraine's General Staff said fighting was heaviest in the "
            "east.\n\nDefenders repelled 14 enemy assaults near the river.\n\n"
            "The General Staff also said the enemy shelled border villages.")
    assert sources_of(pipeline, text, 14)[0] == "General Staff of the Armed Forces (Ukraine)"


def test_a_recap_between_two_quotes_stays_the_outlets(pipeline):
    text = ("Reuters\n\nEvening update\n\nUkraine's General Staff said fighting was heaviest "
            "in the east.\n\nTo recap: 420 prisoners were swapped last month.\n\n"
            "The General Staff also said the enemy shelled border villages.")
    assert sources_of(pipeline, text, 420) == ["Reuters"]


def test_statement_reproduced_under_its_heading(pipeline):
    text = ("Reuters\n\nTranslation of the statement\n\nBelow is the statement as published."
            "\n\nSTATEMENT OF THE MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION\n\n"
            "Units of the group of forces repelled the attack.\n\n"
            "The enemy lost more than 1,350 servicemen killed and wounded.\n\n---\n\n"
            "Another 240 soldiers were captured near the river on Friday.")
    assert sources_of(pipeline, text, 1350) == ["Ministry of Defence (Russia)"]
    assert sources_of(pipeline, text, 240) == ["Reuters"]


def test_source_line_under_a_table_credits_the_body_not_a_speaker_called_source(pipeline):
    text = ("Deutsche Welle\n\nAid tracker\n\nSource: Kiel Institute\n\n"
            "In words: the donors allocated €4 billion in May.\n\n"
            "The Kiel Institute said the pace was slowing.")
    assert sources_of(pipeline, text, 4e9)[0] == "Kiel Institute for the World Economy"


def test_the_survey_found_points_to_the_body_not_the_outlet(pipeline):
    text = ("Reuters\n\nWire report\n\nThe International Organization for Migration said "
            "fighting had spread.\n\nThe agency ran its survey in April.\n\n"
            "About 1.2 million people have fled the south, the survey found.")
    assert sources_of(pipeline, text, 1.2e6)[0] == "International Organization for Migration"


def test_attributed_to(pipeline):
    text = ("Reuters\n\nWire report\n\nA toll of 4,210 dead, attributed to the Russian "
            "Defence Ministry, appeared briefly online.")
    assert sources_of(pipeline, text, 4210)[0] == "Ministry of Defence (Russia)"


def test_a_study_by_a_body_puts_the_figure(pipeline):
    text = ("Reuters\n\nWire report\n\nA study released on Monday by the Kiel Institute for "
            "the World Economy puts U.S. aid since 2022 at $61 billion.")
    assert sources_of(pipeline, text, 61e9)[0] == "Kiel Institute for the World Economy"


def test_a_building_that_stands_for_a_ministry(pipeline):
    text = ("Reuters\n\nWire report\n\nThe Pentagon puts U.S. aid since the invasion at "
            "$44 billion.")
    assert sources_of(pipeline, text, 44e9)[0] == "Department of Defense (United States)"


def test_the_citys_authorities_are_unnamed_local_officials(pipeline):
    text = ("Live\n\nPoland's armed forces said they scrambled jets.\n\n"
            "In Odesa, two people were killed, the city's authorities say.")
    assert sources_of(pipeline, text, 2) == ["city authorities"]


def test_un_experts_are_an_unnamed_source(pipeline):
    text = "Reuters\n\nWire report\n\nU.N. experts say some 3,000 troops crossed the border."
    assert sources_of(pipeline, text, 3000)[0] == "UN experts"  # the guide writes "UN"


def test_site_name_is_the_outlets_usual_name():
    from intex.pipeline.attribution import canonical_outlet
    outlets = default_gazetteer().outlet_lookup()
    assert canonical_outlet("AP News", outlets) == "Associated Press"
    assert canonical_outlet("Some Unknown Gazette", outlets) == "Some Unknown Gazette"


@pytest.mark.parametrize(("sentence", "source"), [
    ("Energy company DTEK said 5 of its power plants were hit.", "DTEK"),
    ("Kharkiv regional prosecutors said 4 people were killed.", "Kharkiv regional prosecutors"),
    ("Russian state media reported that 12 soldiers were captured.", "Russian state media"),
    ("Ukrainian Energy Minister German Galushchenko said 9 power plants were damaged.",
     "German Galushchenko"),
    ("Japan's Joint Staff said 2 missiles landed in the sea.", "Joint Staff (Japan)"),
    ("The Rybar Telegram channel claimed that 30 drones were shot down.", "Rybar"),
])
def test_a_party_no_list_knows_still_speaks(pipeline, sentence, source):
    text = f"Wire report\n\n{sentence}"
    value = next(c.value for c in claims(pipeline, text) if not c.vague)
    assert sources_of(pipeline, text, value)[0] == source


def test_a_clause_before_said_is_no_party(pipeline):
    text = ("Wire report\n\nThe attack was the largest this year, the newspaper said, and "
            "40 drones came.")
    assert "the attack was the largest this year" not in [
        s.lower() for c in claims(pipeline, text) for s in (r.name for r in c.sources)]


def test_an_armed_unit_goes_by_its_number(pipeline):
    text = "Wire report\n\nThe 47th Mechanized Brigade said its soldiers destroyed 12 tanks."
    assert sources_of(pipeline, text, 12) == ["47th Mechanized Brigade"]


def test_a_paragraph_introduced_with_a_colon_is_the_speakers(pipeline):
    text = ("Kyiv Independent\n\nKyiv Mayor Vitali Klitschko wrote on Telegram:\n\n"
            "\"As a result of the attack, 5 people were killed in the capital.\"\n\n"
            "Separately, 7 houses burned in Bucha.\n\n"
            "© 2024 Kyiv Independent")
    assert sources_of(pipeline, text, 5) == ["Vitali Klitschko"]
    assert sources_of(pipeline, text, 7) == ["Kyiv Independent"]


def test_researchers_in_a_country_are_no_government(pipeline):
    text = ("Wire report\n\nResearchers in the United States have put the toll at 130,000 "
            "people killed.")
    assert sources_of(pipeline, text, 130000) == ["researchers in the United States"]


WEIGHED = ("Kyiv Independent\n\nUkraine's Air Force said 40 drones were launched overnight.\n\n"
           "Separately, 12 houses burned in Bucha.\n\n© 2024 Kyiv Independent")


def test_every_choice_of_source_can_be_traced_with_its_candidates():
    seen: list[dict] = []
    build_pipeline(config={"intex.claims.rules.v1": {"trace": seen.append}})(Doc(raw=WEIGHED))
    first = next(t for t in seen if t["value"] == 40)
    names = [o["names"][0] for o in first["options"]]
    assert names[0] == "Air Force (Ukraine)"  # the rules' choice comes first
    assert "Kyiv Independent" in names
    assert first["options"][0]["feats"]["rule&cue_in_sentence"] == 1.0
    assert first["chosen"] == 0


def test_weights_choose_among_the_parties_a_report_offers(tmp_path):
    weights = tmp_path / "w.json"
    weights.write_text(json.dumps({"bias": 0, "weights": {"outlet": 2.0, "rule": 1.0}}))
    pipe = build_pipeline(config={"intex.claims.rules.v1": {"sources": str(weights)}})
    (c,) = [c for c in pipe(Doc(raw=WEIGHED)).claims if c.value == 40]
    assert [s.name for s in c.sources] == ["Kyiv Independent"]


def test_unreadable_weights_are_a_pipeline_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{\"weights\": 3}")
    with pytest.raises(PipelineError, match="bad.json"):
        build_pipeline(config={"intex.claims.rules.v1": {"sources": str(bad)}})


def test_a_qa_answer_is_the_interviewees(pipeline):
    text = ("Example Radio\n\nAn interview with Deputy Defence Minister Ivan Havryliuk\n\n"
            "Example Radio spoke to Ukraine's deputy defence minister about mobilisation.\n\n"
            "Q: How many people have been called up?\n\n"
            "A: We have called up about 200,000 people since January.\n\n"
            "Q: And equipment?\n\nA: Partners have delivered 40 tanks this spring.")
    assert sources_of(pipeline, text, 200000) == ["Ivan Havryliuk"]
    assert sources_of(pipeline, text, 40) == ["Ivan Havryliuk"]


def test_a_digest_post_is_its_authors(pipeline):
    text = ("Kyiv Independent\n\nWhat officials posted overnight\n\n"
            "Oleh Syniehubov, head of Kharkiv Oblast Military Administration\n08:15\n\n"
            "Chuhuiv: 2 women were injured.\n\nDeepState\n09:05\n\n"
            "The enemy shelled 3 villages.\n\n© 2024 Kyiv Independent")
    assert sources_of(pipeline, text, 2) == ["Oleh Syniehubov"]
    assert sources_of(pipeline, text, 3) == ["DeepState"]


def test_a_name_line_without_a_time_is_no_post_header(pipeline):
    text = ("Kyiv Independent\n\nOleh Syniehubov\n\n"
            "Two women were injured in Chuhuiv.\n\n© 2024 Kyiv Independent")
    assert sources_of(pipeline, text, 2) == ["Kyiv Independent"]


def test_a_role_nobody_was_named_for_is_an_unnamed_official(pipeline):
    text = ("Example Brief\n\nUkraine's air force said 76 drones were downed.\n\n"
            "Three people were killed in Kherson, the regional governor said.")
    assert sources_of(pipeline, text, 3) == ["regional governor"]


def test_a_newsletter_masthead_names_the_outlet():
    raw = ("Example Brief — Morning newsletter, 12 March\n\nGood morning.\n\n"
           "That's it for today. Subscribe to Example Brief.")
    assert page_outlet(raw, default_gazetteer().outlet_lookup()) == "Example Brief"


def test_a_live_blog_entry_heading_speaks_for_its_entry(pipeline):
    text = ("Example Live\n\n12:40\nAir Force: 45 of 60 drones downed overnight\n"
            "Russia launched 60 Shahed drones at Ukraine overnight. Air defences shot down "
            "45 drones.\n\n11:15\nThe morning was quiet in Odesa, where 3 houses burned.\n\n"
            "Follow Example Live on Telegram.")
    assert sources_of(pipeline, text, 45) == ["Air Force (Ukraine)"]
    assert sources_of(pipeline, text, 3) == ["Example Live"]


@pytest.mark.parametrize(("sentence", "value", "source"), [
    ("Zmina human rights centre said 14 journalists were detained.", 14,
     "Zmina human rights centre"),
    ("Residents told AFP that 20 bodies were found.", 20, "Residents"),
    ("Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said 95 "
     "soldiers returned.", 95,
     "Coordination Headquarters for the Treatment of Prisoners of War (Ukraine)"),
])
def test_the_party_that_speaks_not_the_words_around_it(pipeline, sentence, value, source):
    assert sources_of(pipeline, f"Wire report\n\n{sentence}", value)[0] == source


@pytest.mark.parametrize(("sentence", "value", "source"), [
    ("According to the Odesa regional administration, 2 people died.", 2,
     "Odesa regional administration"),
    ("According to OVD-Info, 1,200 people were detained.", 1200, "OVD-Info"),
    ("The war has killed more than 20,000 people, according to U.N. figures.", 20000,
     "United Nations"),
])
def test_according_to_a_party_however_it_is_written(pipeline, sentence, value, source):
    assert sources_of(pipeline, f"Wire report\n\n{sentence}", value)[0] == source


def test_an_outlet_citing_unnamed_sources_relays_them(pipeline):
    text = ("Wire report\n\nMeduza, citing sources in the presidential administration, "
            "reported that 300,000 men would be mobilised.")
    assert sources_of(pipeline, text, 300000) == ["sources in the presidential administration",
                                                  "Meduza"]


def test_a_lawmaker_briefed_by_an_agency_relays_it(pipeline):
    text = ("Wire report\n\nLawmaker Lee Seong-kweun, briefed by the NIS, told reporters that "
            "3,000 North Korean soldiers had been wounded.")
    assert sources_of(pipeline, text, 3000) == [
        "National Intelligence Service (South Korea)", "Lee Seong-kweun"]


def test_the_head_of_a_body_is_the_person_named_as_its_head(pipeline):
    text = ("Regional report\n\nHead of the Sumy Regional Military Administration Oleh "
            "Hryhorov said 12 people were wounded in shelling.\n\nLater the Head of the "
            "Administration said 3 more people were hurt.")
    assert sources_of(pipeline, text, 3)[0] == "Oleh Hryhorov"


def test_the_mod_is_the_defence_ministry_of_the_country_in_question(pipeline):
    text = ("Night report\n\nMOSCOW - Air defences destroyed 23 drones over Russian regions "
            "overnight, the MoD said on Telegram.\n\nIn London, officials declined to comment.")
    assert sources_of(pipeline, text, 23) == ["Ministry of Defence (Russia)"]
    text = ("Update\n\nLONDON - Britain has sent 14 tanks to Ukraine, the MOD said on "
            "Monday.")
    assert sources_of(pipeline, text, 14) == ["Ministry of Defence (United Kingdom)"]


def test_a_record_of_proceedings_gives_each_speech_to_the_member_named_above_it(pipeline):
    text = ("Oral answers\n\nDefence\n\nMaria Hollis (Eastbrook) (Lab)\n\nThe cuts took "
            "12,000 regular soldiers out of the Army in a decade. Will the Minister reverse "
            "them?\n\nThe Minister for the Armed Forces (Mr Tom Reddick)\n\nWe will recruit "
            "3,000 reservists next year.\n\nMaria Hollis\n\nThe Minister said in March that "
            "1,500 recruits had already signed up. Where are they?")
    assert sources_of(pipeline, text, 12000) == ["Maria Hollis"]
    assert sources_of(pipeline, text, 3000) == ["Tom Reddick"]
    # a party a member quotes goes before the member, who relays it
    assert sources_of(pipeline, text, 1500)[-1] == "Maria Hollis"


def test_a_body_with_and_in_its_name_before_an_appositive(pipeline):
    text = ("Quarterly report\n\nThe Centre for Research and Security Studies (CRSS), an "
            "Islamabad think tank, counted at least 432 fatalities in 245 attacks.")
    assert sources_of(pipeline, text, 432) == ["Centre for Research and Security Studies"]


def test_a_dateline_with_a_colon_is_no_speaker(pipeline):
    text = ("Two soldiers killed\n\nRAWALPINDI: Five terrorists were killed in an operation "
            "on Sunday, the ISPR said.\n\nThe Frontier Post")
    assert sources_of(pipeline, text, 5) == ["Inter-Services Public Relations (Pakistan)"]


def test_a_transcript_label_in_capitals_names_the_person_introduced_before(pipeline):
    text = ("Briefing transcript\n\nFinance Minister Ilse Vandermeer and her deputy took "
            "questions.\n\nQUESTION: How much grain is left?\n\nVANDERMEER: The reserve "
            "now holds 4,000 tonnes of grain.")
    assert sources_of(pipeline, text, 4000)[0] == "Ilse Vandermeer"


def test_a_courtesy_title_in_a_transcript_label_is_no_part_of_the_name(pipeline):
    text = ("Press briefing\n\nJohn Kirby took questions at the White House.\n\n"
            "MR. KIRBY: Our view has not changed. We believe it is about 9,000 troops.")
    assert sources_of(pipeline, text, 9000)[0] == "John Kirby"


def test_an_unnamed_official_of_a_country_is_no_government(pipeline):
    text = ("Wire report\n\nAccording to an unnamed U.S. official, about 4,300 soldiers "
            "have been wounded since June.")
    assert sources_of(pipeline, text, 4300) == ["unnamed US official"]


def test_a_speaker_who_gives_figures_before_a_colon_speaks_for_the_list(pipeline):
    text = ("Regional update\n\nGovernor Mira Holovko spoke on Monday.\n\nShe also gave fresh "
            "numbers for the district:\n\n- 2,310 residents have already left;\n\n- 45 "
            "volunteer groups help with the work.")
    assert sources_of(pipeline, text, 2310)[0] == "Mira Holovko"



def test_a_tables_who_column_names_the_source_of_its_row(pipeline):
    text = ("Explainer\n\nThe table lists what each side has said.\n\n"
            "When | Who said it | Figure\n"
            "May 2, 2024 | Defence Minister Lars Okkonen | about 4,200 trucks of shells\n"
            "June 9, 2024 | Border Guard Service | some 730 trucks of rockets\n")
    assert sources_of(pipeline, text, 4200)[0] == "Lars Okkonen"
    assert sources_of(pipeline, text, 730)[0] == "Border Guard Service"


def test_a_countrys_unlisted_body_that_believes_is_the_source(pipeline):
    text = ("Wire report\n\nLatvia's military intelligence service believes Russia lost "
            "about 9,300 soldiers in May alone.")
    assert sources_of(pipeline, text, 9300) == ["military intelligence service (Latvia)"]


def test_installed_authorities_in_an_occupied_region_claim(pipeline):
    text = ("Front line\n\nThe Moscow-appointed authorities in occupied Zaporizhzhia Oblast "
            "claim three people were wounded by shelling.")
    assert sources_of(pipeline, text, 3)[0].startswith("Moscow-appointed authorities")


def test_paramedics_who_say_are_a_source(pipeline):
    text = ("Live blog\n\nFour people were lightly hurt on their way to shelters, Red Shield "
            "paramedics say.")
    assert sources_of(pipeline, text, 4)[0] == "Red Shield paramedics"


def test_reports_that_claim_are_no_party(pipeline):
    text = ("Debate record\n\nMr Ellis (Eastfield): Reports on Monday claimed that the "
            "ministry wants to send 1,400 more troops abroad.")
    assert "Reports" not in sources_of(pipeline, text, 1400)


def test_a_national_force_speaks_as_branch_and_country(pipeline):
    # a force's own form of its name ("the Royal Thai Navy") and its country's army by a
    # demonym ("the Sudanese army") are sources in the guide's '<Branch> (<Country>)'
    text = ("Wire report\n\nThe Royal Thai Navy said on Monday that 14 patrol boats had been "
            "moved to the gulf. Separately, the Sudanese army said 35 fighters were captured "
            "near the river.")
    assert sources_of(pipeline, text, 14)[0] == "Navy (Thailand)"
    assert sources_of(pipeline, text, 35)[0] == "Armed Forces (Sudan)"
