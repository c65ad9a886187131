"""Cleaning: mastheads, menus, captions, appeals and restated boxes are not the article."""

from intex.pipeline import Doc
from intex.pipeline.clean import Cleaner, is_furniture, is_nav_line


def clean(text: str, outlets: dict[str, str] | None = None) -> Doc:
    doc = Doc(raw=text)
    Cleaner(outlets or {"frontline daily": "Frontline Daily"})(doc)
    return doc


def test_masthead_with_language_switch_is_not_the_title():
    doc = clean("Frontline Daily ua | en | ru\nNews > War > Diplomacy\n\n"
                "Ministers agree to double shell deliveries\n\n"
                "Ministers agree to double shell deliveries\n\n"
                "The ministers agreed on Monday to send 200,000 shells.")
    assert doc.title == "Ministers agree to double shell deliveries"
    assert "Frontline Daily" not in doc.text and "Diplomacy" not in doc.text


def test_all_caps_masthead_and_tagline_are_skipped_for_the_title():
    doc = clean("THE EASTERN COURIER\nIndependent Regional News Agency\n\n"
                "Evacuation widened as shelling intensifies near the river\n\n"
                "Officials said on Tuesday that 1,200 residents had left the district "
                "after three nights of shelling, and more buses were expected.")
    assert doc.title == "Evacuation widened as shelling intensifies near the river"


def test_broadcast_segment_line_names_the_story():
    doc = clean("Program: Evening Desk | Segment: Navy says drones hit two patrol boats\n\n"
                "[00:00:03] ANCHOR: The navy now says drones hit two patrol boats overnight, "
                "and one of them sank before dawn, officials said in a statement.")
    assert doc.title == "Navy says drones hit two patrol boats"


def test_menus_and_breadcrumbs_are_furniture():
    assert is_nav_line("Home   World   Europe   Economy   Sports   Video   Live TV")
    assert is_nav_line("News / Statements of the Ministry of Defence")
    assert is_nav_line("English | Українська")
    assert not is_nav_line("Kyiv says 40 drones downed | Moscow denies losses")


def test_captions_and_appeals_are_furniture():
    assert is_furniture("The minister at the depot. Photo: Press service of the ministry")
    assert is_furniture("Illustrative photo: soldiers at a firing range (Getty Images)")
    assert is_furniture("Keep our reporters at the front. Join our community for as little as "
                        "$2 a month.")
    assert is_furniture("[ON SCREEN: 40 DRONES DOWNED OVERNIGHT]")
    assert not is_furniture("The minister said 40 drones were downed overnight.")


def test_summary_box_items_restated_by_the_body_are_dropped():
    doc = clean("Aid appeal launched for the winter months\n\nKEY FIGURES\n"
                "  • 2.4M people in need of winter aid\n"
                "  • 75 shelters opened this week\n\n"
                "The agency said 2.4 million people need help to get through the winter, and "
                "that 75 shelters opened this week across the east of the country.")
    assert "2.4M people" not in doc.text
    assert "2.4 million people" in doc.text


def test_summary_box_item_with_a_new_figure_stays():
    doc = clean("Aid appeal launched for the winter months\n\nKEY FIGURES\n"
                "  • 310 schools damaged since October\n\n"
                "The agency said 2.4 million people need help to get through the winter, and "
                "that shelters opened this week across the east of the country.")
    assert "310 schools damaged" in doc.text


def test_live_entry_headline_restated_by_its_entry_is_dropped():
    doc = clean("LIVE: Air attack on the capital, updates through the day\n\n"
                "14:05\nGovernor: 12 injured in overnight strike\n"
                "The regional governor said 12 people were injured when debris fell on a "
                "residential block.\n\n"
                "13:40\nSirens in the west\nAir raid sirens sounded across the western regions.")
    assert "Governor: 12 injured" not in doc.text
    assert "Sirens in the west" in doc.text


def test_dates_do_not_count_as_restated_figures():
    doc = clean("Health update for the region this week\n\nHighlights\n"
                "  • The agency verified 11 attacks on clinics.\n\n"
                "On 11 January, teams visited the hospital and reported new damage to wards "
                "and equipment across the city.")
    assert "verified 11 attacks" in doc.text


def test_short_title_repeated_as_headline_is_kept_once():
    # a page's <title> and its <h1> give the same short headline twice
    doc = clean("Flood shuts ferry pier\n\nFlood shuts ferry pier\n\n"
                "The regional authority said on Friday that 300 passengers were stranded.")
    assert doc.title == "Flood shuts ferry pier"
    assert doc.text.count("Flood shuts ferry pier") == 1


def test_bracketed_reporting_and_agency_credits_are_furniture():
    assert is_furniture("(Reporting by Jane Roe in Lagos; Editing by the West Africa desk)")
    assert is_furniture("(EVENING NEWS with AP and AFP)")
    assert is_furniture("Related topics: Sudan Famine Aid")
    assert not is_furniture("(The figures exclude the northern districts.)")


def test_a_live_entry_written_as_prose_is_kept_though_its_figure_recurs():
    doc = clean("Exchange continues: live\n\nExchange continues: live\n\n10:15\n"
                "The ministry says 120 soldiers came home today and are now in hospital.\n\n"
                "11:30\nCasualty update\n\nBy the evening the 120 were all accounted for, "
                "the ministry added in a statement.")
    assert "120 soldiers came home today" in doc.text


def test_a_dated_correction_notice_is_furniture():
    doc = clean("Frontline Daily\n\nFlood toll revised\n\nThe toll rose to 640, officials said."
                "\n\nCorrection, 3 May 2024: An earlier version of this story said 460 people "
                "had died.\n\nCorrection: the headline was changed.")
    assert "460" not in doc.text and "640" in doc.text


def test_a_correction_dated_in_brackets_is_furniture():
    doc = clean("Frontline Daily\n\nFlood toll revised\n\nThe toll rose to 640, officials said."
                "\n\nCORRECTION (4 May): An earlier version of this story said 460 people "
                "had died.")
    assert "460" not in doc.text and "640" in doc.text


def test_an_editors_note_that_adds_facts_is_the_story():
    doc = clean("Frontline Daily\n\nBase struck overnight\n\nThe minister spoke at noon.\n\n"
                "Editor's note: In the first wave the militia fired 22 rockets, according to "
                "the army; 9 hit the depot.\n\nEditor's note: This is a live page and is "
                "updated through the day.")
    assert "22 rockets" in doc.text and "live page" not in doc.text


def test_a_clarification_naming_no_error_adds_a_fact():
    doc = clean("Frontline Daily\n\nFerry sinks\n\nThe ferry sank on Monday, officials said."
                "\n\nClarification: two passengers are still missing.\n\n"
                "Clarification (5 May): an earlier version of this story gave the toll as 12.")
    assert "two passengers are still missing" in doc.text and "as 12" not in doc.text
