"""Short forms of names a report gives in full elsewhere (short_forms.py)."""

from intex.gazetteer import default_gazetteer
from intex.pipeline.attribution import report_outlet
from intex.pipeline.attribution.short_forms import abbreviates
from tests.pipeline.wire import sources_of


def test_a_short_form_takes_letters_of_each_word_in_order():
    assert abbreviates("KWR", "Kestrel Wireless Review")
    assert abbreviates("PACFLT", "Pacific Fleet")
    assert abbreviates("SOUTHCOM", "U.S. Southern Command")  # after a leading word
    assert not abbreviates("KWR", "Kestrel Review")
    assert not abbreviates("FLEET", "Pacific Fleet")  # a word of the name is no short form


def test_a_datelines_short_form_of_the_masthead_is_the_outlet_in_full():
    raw = ("KESTREL WIRELESS REVIEW | Wire | Region\n\nHeadline\n\n"
           "LAGOS, June 3 (KWR) - Nine people drowned when a ferry capsized.\n")
    assert report_outlet(None, raw, default_gazetteer().outlet_lookup()) == \
        "Kestrel Wireless Review"


def test_a_body_cited_by_its_short_form_is_named_in_full(pipeline):
    text = ("The Bay Letter\n\nThe Pacific Fleet Command said on Monday that four frigates "
            "had left port.\n\nOn Friday, PACFLTCOM said 2,300 sailors were at sea.")
    assert sources_of(pipeline, text, 2300)[0] == "Pacific Fleet Command"


def test_a_short_form_the_report_defines_is_left_to_the_entity_stage():
    from intex.model import SourceRef
    from intex.pipeline.attribution.short_forms import in_full
    chain = [SourceRef("PFC", None, "organization")]
    text = "the Pacific Fleet Command (PFC) said"
    assert in_full(chain, {}, text) == chain
