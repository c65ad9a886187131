"""The report's own voice when a site carries a wire's story (outlet.py)."""

from intex.gazetteer import default_gazetteer
from intex.pipeline import Doc
from intex.pipeline.attribution import report_outlet


def outlets():
    return default_gazetteer().outlet_lookup()


def test_a_wire_byline_on_another_site_is_the_reports_voice(pipeline):
    text = ("The Lakeside Post\n\nWagner hands over to the Africa Corps\n\n14 June 2025\n"
            "By AFP\n\nThe group has left the country, sources said.\n\nFrance pulled out "
            "its last 2,400 troops in 2022.\n\n© The Lakeside Post")
    (c,) = [c for c in pipeline(Doc(raw=text)).claims if c.value == 2400]
    assert [s.name for s in c.sources] == ["AFP"]


def test_the_wire_credited_in_brackets_in_a_dated_byline():
    raw = ("<p class='site'>World Watch</p>\n<p class='byline'>Dakar, May 3 (AFP) May 3, 2024</p>"
           "\n<p>Text of the report.</p>")
    assert report_outlet("World Watch", raw, outlets()) == "AFP"


def test_an_outlet_and_a_date_on_the_author_line():
    raw = "The Beirut Daily\nSYRIA\n\nToll rises\n\nReuters / 3 March 2025 09:40\n\nText."
    assert report_outlet(None, raw, outlets()) == "Reuters"


def test_a_journalists_question_in_a_transcript_credits_no_wire():
    raw = ("UNHCR\nBriefing notes\n\nSPOKESPERSON: Thousands crossed.\n\n"
           "QUESTION (Reuters): How many since Monday?\n\n© UNHCR 2024")
    assert report_outlet(None, raw, outlets()) != "Reuters"


def test_without_a_wire_credit_the_site_speaks():
    raw = "Harbour Times\n\nBy Jane Ortiz\n12 May 2025\n\nText of the report."
    assert report_outlet("Harbour Times", raw, outlets()) == "Harbour Times"


def test_a_dateline_credits_an_agency_no_list_knows():
    raw = ("Harbour Standard\nNews » World\n\nVillage raided\n\n"
           "Lagos, May 4 (HNA) At least 30 villagers were killed, a local official said.\n\n"
           "Text of the report.")
    assert report_outlet(None, raw, outlets()) == "HNA"


def test_a_capitals_masthead_the_page_names_again_in_its_own_spelling():
    raw = ("TIẾNG PHỐ — WORLD (English edition)\n\nBorder fighting\n\n"
           "Follow Tiếng Phố on Google News\n\nMore than 2,000 people fled.\n")
    assert report_outlet(None, raw, outlets()) == "Tiếng Phố"


def test_a_title_case_masthead_over_furniture_and_a_headline():
    raw = ("The Harbour Ledger\nPublished Mar 4, 2019 09:12 AM\n\nAround 60 ferries still "
           "idle as the strike goes on\n\nThe strike entered its third day on Monday.")
    assert report_outlet(None, raw, outlets()) == "The Harbour Ledger"
    raw = ("The Upland Review\nAnalysis | Sahel\n\nTowns empty as the fighting moves south"
           "\n\n2 May 2024\n\nThe towns had 40,000 people before the war.")
    assert report_outlet(None, raw, outlets()) == "The Upland Review"


def test_a_title_case_headline_over_its_date_is_no_masthead():
    raw = ("Kyiv Under Fire Again\n12 March 2025\n\nRussian drones struck the capital "
           "overnight, officials said.\n\nTwo people were hurt.")
    assert report_outlet(None, raw, outlets()) is None


def test_a_press_releases_letterhead_names_the_body_that_issues_it():
    raw = ("REPUBLIC OF KORVIA\nMINISTRY OF INTERIOR AND SECURITY\n\nPRESS RELEASE No. 12\n\n"
           "1. Police units arrested 14 smugglers near the border.")
    # a national body, with the country its state line names in brackets
    assert report_outlet(None, raw, outlets()) == "Ministry of Interior and Security (Korvia)"


def test_capitals_lines_without_a_release_are_no_letterhead():
    raw = ("KYIV POST\nMINISTRY OF DEFENCE UPDATE\n\nThe ministry said 14 drones were downed.")
    assert report_outlet(None, raw, outlets()) != "Ministry of Defence Update"


def test_a_wire_dateline_written_with_a_markup_dash():
    raw = ("<p class='site'>Valley News 9</p>\n<h1>Battalion surrenders</h1>\n"
           "<p>BANGKOK (AP) &mdash; A whole battalion gave itself up, rebels said.</p>")
    assert report_outlet("Valley News 9", raw, outlets()) == "Associated Press"


def test_the_outlet_signing_its_staffs_byline():
    raw = ("Rain delays the search in the hills\n\nBy Gulf Coast Desk staff, with agency "
           "reports\nMay 2, 2024\n\nThe search went on. 12 people are missing.\n\n"
           "Copyright 2024. All rights reserved.")
    assert report_outlet(None, raw, outlets()) == "Gulf Coast Desk"
    raw = raw.replace("By Gulf Coast Desk staff", "By the Harbour Evening newsroom")
    assert report_outlet(None, raw, outlets()) == "Harbour Evening"


def test_a_sentence_opening_with_by_is_no_byline():
    raw = ("Rain delays the search\n\nBy the evening reporters had left the port.\n\n"
           "12 people are missing.")
    assert report_outlet(None, raw, outlets()) != "evening"


def test_a_dateline_crediting_two_agencies_is_the_world_wires():
    raw = ("HARBOUR DIGEST — translations\n\nFloods in the delta\n\nCOTONOU (ANP/AFP) — "
           "Floods killed 12 people, officials said.")
    assert report_outlet(None, raw, outlets()) == "AFP"
    raw = raw.replace("(ANP/AFP)", "(Reuters/Harbour Digest)")
    assert report_outlet(None, raw, outlets()) == "Reuters"


def test_a_masthead_over_the_kind_of_piece_names_the_site():
    raw = "Lagoon Ledger | Questions & answers\n\nWho controls the port?\n\nQ: Who?\nA: Nobody."
    assert report_outlet(None, raw, outlets()) == "Lagoon Ledger"
    raw = "World | Africa\n\nFloods hit the coast\n\nText of the report."
    assert report_outlet(None, raw, outlets()) != "World"


def test_a_translation_speaks_with_the_voice_of_the_outlet_that_first_published_it():
    raw = ("COAST PRESS IN ENGLISH\nTranslations of regional reporting.\n\n"
           "Original: Radio Lagune (Cotonou), 4 May 2025. French. Translated by the desk.\n\n"
           "Floods hit the coast\n\nText of the report.")
    assert report_outlet(None, raw, outlets()) == "Radio Lagune"


def test_a_wire_credited_at_the_foot_of_its_copy_is_the_reports_voice():
    raw = ("<title>Floods hit the coast | Lagoon TV</title>\n<p>Text of the report.</p>\n"
           "<p class='source'>Reporting by Reuters / Example Foundation</p>")
    assert report_outlet("Lagoon TV", raw, outlets()) == "Reuters"


def test_a_bodys_release_under_its_name_in_title_case_is_its_own_voice():
    raw = ("Ministry of Fisheries\nPress release\nNew patrol boats for the coast\n12.05.2025\n"
           "The ministry has ordered 12 patrol boats.")
    assert report_outlet(None, raw, outlets()) == "Ministry of Fisheries"


def test_a_bulletins_name_in_capitals_is_its_outlet():
    # a longer masthead in capitals that ends in what a publication calls itself
    raw = ("LAKE BASIN FLOOD RELIEF BULLETIN\nIssue 4 | 2 May 2025\n\n1.1 Some 3,000 "
           "families remain in camps.")
    assert report_outlet(None, raw, outlets()) == "Lake Basin Flood Relief Bulletin"


def test_a_masthead_the_page_names_itself_by_again():
    raw = ("HARBOUR LIGHTS LIVE\nLive: storm over the coast\n\n10:05\nTwo piers collapsed.\n\n"
           "Harbour Lights Live is run by our coastal desks.")
    assert report_outlet(None, raw, outlets()) == "Harbour Lights Live"
    raw = ("LA VOIX DU FLEUVE - English edition\n\nFloods\n\nText.\n\n"
           "(c) La voix du fleuve. Reproduction prohibited.")
    assert report_outlet(None, raw, outlets()) == "La voix du fleuve"


def test_an_email_edition_names_its_sender_or_the_staff_who_write_it():
    raw = ("From: The Ledger <letters@ledger.example>\nSubject: Issue 4\n\nTHE LEDGER\n\n"
           "Text of the issue.\n\nUnsubscribe")
    assert report_outlet(None, raw, outlets()) == "The Ledger"
    raw = ("From: Dawn Roll <roll@example.org>\nSubject: Issue 9\n\nDAWN ROLL\n\nText.\n\n"
           "Dawn Roll is written by the Harbour Review staff. (c) 2024")
    assert report_outlet(None, raw, outlets()) == "Harbour Review"


def test_a_translation_credits_the_outlet_its_original_stands_at():
    raw = ("[Machine translation. The original article is at Tala Balita, 2 May 2019. "
           "Provided by Example Relay.]\n\nHeadline\n\nText.")
    assert report_outlet(None, raw, outlets()) == "Tala Balita"


def test_a_translations_original_credited_after_its_quoted_headline():
    raw = ("FOREIGN PAGES - world press in English\nTranslated from Polish. Original: \"Nowe "
           "wsparcie\", Gazeta Przykładowa, 3 May 2023.\n\nHeadline\n\nText.")
    assert report_outlet(None, raw, outlets()) == "Gazeta Przykładowa"
