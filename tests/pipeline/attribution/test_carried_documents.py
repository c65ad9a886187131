"""A page that carries another body's document whole (a mirror of a situation report, a
relay of a press release): the document's own statements are its author's, the page's
notes its own (discourse.py, outlet.carried_document)."""

from tests.pipeline.wire import sources_of

MIRROR = """LAKE REGION RELAY - field reports, republished
==================================================
WEEKLY FLOOD BRIEF | 3-9 March 2024
Prepared by Example Relief Network | Updated 09/03/2024
==================================================

Floodwater has cut the main road to the delta towns, and 4,200 households have left
their homes since Monday.

In the northern district 31 schools are closed.

District governor Amina Okafor said 12 people were missing.

Our note: a ferry service reported 6 boats lost.

Lake Region Relay republishes public field reports unchanged.
"""

RELEASE = """HARBOUR STATEMENTS | Official releases as issued, with our notes

COASTAL DEFENCE COMMAND PUBLIC AFFAIRS
NEWS RELEASE | For immediate release | 2 June 2024

SEAPORT BASE - About 640 sailors will join the coastal patrol mission next month.

- 80 sailors of a logistics detachment;
- 45 sailors of a medical team.

-30-

CONTEXT (Harbour Statements): the mission had about 2,000 sailors last year.
"""


def test_a_mirrored_reports_own_figures_are_its_authors(pipeline):
    assert sources_of(pipeline, MIRROR, 4200)[0] == "Example Relief Network"
    assert sources_of(pipeline, MIRROR, 31)[0] == "Example Relief Network"


def test_a_cue_in_the_mirrored_report_still_names_its_speaker(pipeline):
    assert sources_of(pipeline, MIRROR, 12)[0] != "Example Relief Network"


def test_a_relayed_release_is_the_issuers_up_to_its_end_mark(pipeline):
    assert sources_of(pipeline, RELEASE, 640)[0] == "Coastal Defence Command"
    assert sources_of(pipeline, RELEASE, 80)[0] == "Coastal Defence Command"


def test_the_relaying_pages_note_is_its_own(pipeline):
    assert sources_of(pipeline, MIRROR, 6)[0] != "Example Relief Network"
    assert sources_of(pipeline, RELEASE, 2000)[0] != "Coastal Defence Command"


# --- a press release under its state line -------------------------------------------------

def test_a_release_under_its_state_line_speaks_as_the_national_body(pipeline):
    # "REPUBLIC OF X" over "MINISTRY OF ..." over "PRESS RELEASE": the ministry of X, by the
    # guide's one name for defence ministries
    text = ("REPUBLIC OF GHANA\nMINISTRY OF NATIONAL DEFENCE\n\nPRESS RELEASE\n\n"
            "Patrols on the northern border detained 14 suspects on Monday.")
    assert sources_of(pipeline, text, 14)[0] == "Ministry of Defence (Ghana)"
