from __future__ import annotations

import dataclasses

from intex.model import Claim, SourceRef, Span
from intex.stix.sentence import label, sentence
from tests.stix.ledger import export_set


def make(**changes) -> Claim:
    base = Claim(value=40, value_max=None, approx=False, unit="troops", subject=None,
                 status="killed", location=None, sources=(SourceRef("Reuters"),), date=None,
                 modality="asserted", evidence=Span(0, 1, "x"))
    return dataclasses.replace(base, **changes)


def test_the_companion_sentence_reads_as_english():
    training = export_set().claims[1].claim
    assert sentence(training) == (
        "Kyrylo Budanov, as relayed by example-news.org, said that about 11,000 North Korean "
        "infantrymen were training in eastern Russia (18 October 2024).")
    assert label(training) == "about 11,000 North Korean infantrymen training"
    sent = export_set().claims[0].claim
    assert sentence(sent) == (
        "Kyrylo Budanov, as relayed by Main Directorate of Intelligence (Ukraine) and "
        "example-news.org, said that about 11,000 North Korean soldiers had been sent to "
        "Russia (29 October 2024).")


def test_ranges_vague_percent_denied_and_partial_dates():
    assert sentence(make(value=10000, value_max=12000, date="2024-10")) == \
        "Reuters said that 10,000 to 12,000 troops had been killed (October 2024)."
    assert sentence(make(value=1000, value_max=9999, vague=True, subject="civilians",
                         status="displaced", modality="reported")) == (
        "Reuters reported, citing others, that an unspecified number (read as 1,000 to 9,999) "
        "of civilians had been displaced.")
    assert sentence(make(value=40, unit="percent", subject="the brigade", status="wounded",
                         date="2024")) == \
        "Reuters said that 40 percent of the brigade had been wounded (2024)."
    assert sentence(make(modality="denied", sources=())) == \
        "An unnamed source denied that 40 troops had been killed."
