"""Who asserts a figure on report forms the rules were not written from: names that
cannot speak, a time fronted before its speaker, and the like (attribution/)."""

from intex.pipeline import Doc


def sources_of(pipeline, text: str, value: float) -> list[str]:
    (c,) = [c for c in pipeline(Doc(raw=text)).claims if c.value == value and not c.vague]
    return [s.name for s in c.sources]


def test_a_name_given_to_an_operation_never_speaks(pipeline):
    text = ("Harbour Dispatch\n\nThe defence minister said the raid, code-named Silver "
            "Lantern, had been planned for months. He said 9 helicopters took part.\n\n"
            "© Harbour Dispatch 2024")
    assert "Silver Lantern" not in sources_of(pipeline, text, 9)


def test_a_site_named_by_its_gate_or_crossing_is_no_person(pipeline):
    text = ("Harbour Dispatch\n\nBriefing: Tallow Gate, the toll and what comes next\n\n"
            "A car bomb went off at Tallow Gate on Monday.\n\nThe army said 4 guards were "
            "wounded.\n\n"
            "© Harbour Dispatch 2024")
    doc = pipeline(Doc(raw=text))
    assert not any(e.name == "Tallow Gate" and e.type == "PERSON" for e in doc.entities.values())


def test_a_time_fronted_before_a_speaker_leaves_the_speaker_the_subject(pipeline):
    text = ("Harbour Dispatch\n\nBy Sunday the count had risen. For comparison, on Friday "
            "evening provincial governor Tomas Ardeli had spoken of 11 people killed.\n\n"
            "© Harbour Dispatch 2024")
    assert sources_of(pipeline, text, 11)[0] == "Tomas Ardeli"
