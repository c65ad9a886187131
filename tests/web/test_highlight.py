from hypothesis import given
from hypothesis import strategies as st

from intex.web.highlight import pieces

TEXT = "Zelensky said 3,000 troops arrived. Budanov said 11,000."


def test_evidence_and_mentions_are_marked():
    got = pieces(TEXT, [(0, 35), (36, 56)], [(0, 8, "Volodymyr Zelensky", "PERSON"),
                                              (36, 43, "Kyrylo Budanov", "PERSON")])
    assert "".join(p.text for p in got) == TEXT
    assert got[0].text == "Zelensky" and got[0].entity == ("Volodymyr Zelensky", "PERSON")
    assert got[0].claims == (0,) and got[0].anchor == 0
    budanov = next(p for p in got if p.text == "Budanov")
    assert budanov.claims == (1,) and budanov.anchor == 1
    gap = next(p for p in got if p.text == " ")
    assert gap.claims == () and gap.entity is None


spans = st.tuples(st.integers(-5, 70), st.integers(-5, 70))


@given(st.lists(spans, max_size=6), st.lists(spans, max_size=6))
def test_pieces_always_rebuild_the_text(evidence, mentions):
    got = pieces(TEXT, evidence, [(s, e, "x", "ORG") for s, e in mentions])
    assert "".join(p.text for p in got) == TEXT
