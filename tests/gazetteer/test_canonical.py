"""One name for each kind of ministry, whatever the country's own title (the guide)."""

from pathlib import Path

from intex.gazetteer import default_gazetteer, load_gazetteer
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


USER_FILE = Path(__file__).parent / "data" / "ministries.tsv"


def test_a_users_ministries_go_by_the_one_name_too():
    # a user's file written with the countries' own titles gets the names the shipped
    # file gives: one name per kind of ministry, the title kept as an alias
    g = load_gazetteer([USER_FILE], cities=False)
    ours = {e.name for e in g.entries.values() if e.country in ("PY", "GE", "ZW")
            and e.type == "ORG"}
    assert ours == {"Ministry of Defence (Paraguay)", "Ministry of Interior (Georgia)",
                    "Ministry of Defence and War Veterans Affairs (Zimbabwe)"}
    for title in ("Ministry of National Defense (Paraguay)", "Paraguayan Defense Ministry"):
        assert [h.name for h in g.lookup(title)] == ["Ministry of Defence (Paraguay)"]
    assert [h.name for h in g.lookup("Ministry of Internal Affairs (Georgia)")] == \
        ["Ministry of Interior (Georgia)"]


def test_a_users_row_for_a_shipped_ministry_joins_it():
    # the user's row under the country's own title adds its aliases to the shipped body
    g = load_gazetteer([USER_FILE], cities=False)
    taiwan = [e for e in g.entries.values() if e.country == "TW" and e.kind == "ministry"
              and "Defen" in e.name]
    assert [e.name for e in taiwan] == ["Ministry of Defence (Taiwan)"]
    assert [h.name for h in g.lookup("Taiwan's MND")] == ["Ministry of Defence (Taiwan)"]
