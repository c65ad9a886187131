from intex.model.vocabulary import canonical_unit, synonyms


def test_one_name_for_one_counted_thing():
    assert canonical_unit("Soldiers") == canonical_unit("infantrymen") == "troops"
    assert canonical_unit("Shaheds") == "drones"
    assert canonical_unit("tanks") == "tanks"
    assert canonical_unit(None) == ""
    assert "servicemen" in synonyms("troops") and synonyms("barges") == {"barges"}
