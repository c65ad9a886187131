"""The seed article end to end: furniture dropped, five competing figures attributed."""

from intex import service


def test_seed_claims(seed_bytes):
    ex = service.extract_bytes(seed_bytes, name="seed")
    got = {(c.value, c.status): c for c in ex.claims}
    assert set(got) == {(3000, "deployed"), (12000, "expected"), (10000, "planned"),
                        (11000, "training"), (3000, "sent")}
    assert [s.name for s in got[(11000, "training")].sources] == [
        "Kyrylo Budanov", "Main Directorate of Intelligence (Ukraine)"]
    assert got[(11000, "training")].location == "eastern Russia"
    assert got[(11000, "training")].date == "10-18"  # no year known: none invented
    assert got[(3000, "sent")].sources[0].name == "Government of South Korea"
    assert got[(10000, "planned")].modality == "intended"
    assert got[(12000, "expected")].modality == "forecast"


def test_seed_furniture_is_gone_and_offsets_point_into_clean_text(seed_bytes):
    ex = service.extract_bytes(seed_bytes, name="seed")
    text = ex.document.text
    assert "cookies" not in text and "English version" not in text
    assert "Publication date" not in text
    for c in ex.claims:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text
    for e in ex.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_seed_entities_are_canonical(seed_bytes):
    ex = service.extract_bytes(seed_bytes, name="seed")
    names = {(e.type, e.name) for e in ex.entities}
    assert ("PERSON", "Volodymyr Zelensky") in names
    assert ("PERSON", "Yoon Suk Yeol") in names
    assert ("LOC", "Kursk Oblast") in names
    zel = next(e for e in ex.entities if e.name == "Volodymyr Zelensky")
    spellings = {m.text for m in zel.mentions}
    assert {"Zelenskyi", "Zelenskyy"} <= {s.split()[-1] for s in spellings}
