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
