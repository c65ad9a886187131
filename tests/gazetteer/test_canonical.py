"""One name for each kind of ministry, whatever the country's own title (the guide)."""

from intex.gazetteer import default_gazetteer
from intex.gazetteer.canonical import canonical_ministry


def test_defence_titles_take_the_one_name():
    assert canonical_ministry("Ministry of National Defense (Freedonia)") == \
        "Ministry of Defence (Freedonia)"
    assert canonical_ministry("Ministry of the National Defence (Freedonia)") == \
        "Ministry of Defence (Freedonia)"
    assert canonical_ministry("Ministry of Defense") == "Ministry of Defence"


def test_interior_titles_take_the_one_name():
    assert canonical_ministry("Ministry of Internal Affairs (Freedonia)") == \
        "Ministry of Interior (Freedonia)"
    assert canonical_ministry("Ministry of Home Affairs (Freedonia)") == \
        "Ministry of Interior (Freedonia)"


def test_a_title_joining_another_field_is_another_body():
    assert canonical_ministry("Ministry of Interior and Security") == \
        "Ministry of Interior and Security"
    assert canonical_ministry("Ministry of Defence and Veterans Affairs (Freedonia)") == \
        "Ministry of Defence and Veterans Affairs (Freedonia)"
    assert canonical_ministry("Department of Defense (United States)") == \
        "Department of Defense (United States)"


def test_the_gazetteers_ministries_go_by_the_one_name():
    names = [e.name for e in default_gazetteer().entries.values() if e.kind == "ministry"]
    assert names and all(canonical_ministry(n) == n for n in names)
    # the country's own title finds the body under the one name
    hits = default_gazetteer().lookup("Ministry of National Defense (South Korea)")
    assert [h.name for h in hits if h.type == "ORG"] == ["Ministry of Defence (South Korea)"]
