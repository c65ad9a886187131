"""Sentences a report speaks in its own voice, and parties named in the forms reports use
for them (source11): hearsay in the agentless passive, ..."""

from intex.pipeline import Doc


def sources_of(pipeline, text: str, value: float) -> list[str]:
    (c,) = [c for c in pipeline(Doc(raw=text)).claims if c.value == value and not c.vague]
    return [s.name for s in c.sources]


def test_an_agentless_passive_report_is_the_outlets_hearsay(pipeline):
    text = ("Valley Courier\n\nThe district police chief, Omar Haddad, said 12 shops were "
            "looted overnight. Three guards were reported missing after the raid.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 12) == ["Omar Haddad"]
    assert sources_of(pipeline, text, 3) == ["Valley Courier"]


def test_a_passive_names_its_agent_after_by(pipeline):
    text = ("Valley Courier\n\nThe rebel bloc was estimated by the Peruvian press in 2022 at "
            "some 2,400 members.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 2400) == ["Peruvian press"]


def test_a_countrys_press_or_outlets_speak_as_written(pipeline):
    text = ("Valley Courier\n\nChilean outlets later counted seven impact points in the "
            "port.\n\n© Valley Courier 2024")
    assert sources_of(pipeline, text, 7) == ["Chilean outlets"]


def test_whose_reports_put_a_figure_in_a_numbered_post(pipeline):
    text = ("Valley Courier\n\n8/9 Bolivian press reports put the crowd at 12,000 people.\n\n"
            "© Valley Courier 2024")
    assert sources_of(pipeline, text, 12000) == ["Bolivian press"]
