from hypothesis import given
from hypothesis import strategies as st

from intex.model import TLP, Marking, Partner

COUNTRIES = ["UKR", "KOR", "USA", "GBR", "POL"]
markings = st.builds(Marking, st.sampled_from(list(TLP)),
                     st.lists(st.sampled_from(COUNTRIES), unique=True).map(tuple))
partners = st.builds(Partner, st.just("p"), st.sampled_from(list(TLP)),
                     st.lists(st.sampled_from(COUNTRIES), unique=True).map(tuple),
                     st.booleans(), st.booleans(), st.none(), st.none(), st.booleans())


@given(partners, markings)
def test_the_agreement_rules_hold_for_any_partner_and_marking(p, m):
    seen = p.may_see(m)
    if m.tlp is TLP.RED or p.revoked:
        assert not seen
    if m.tlp is TLP.AMBER_STRICT and not p.own:
        assert not seen
    if m.tlp not in (TLP.AMBER_STRICT,) and m.tlp > p.max_tlp:
        assert not seen
    if m.releasable_to and not set(m.releasable_to) & set(p.countries):
        assert not seen
    if (not p.revoked and m.tlp is not TLP.RED and m.tlp <= p.max_tlp
            and m.tlp is not TLP.AMBER_STRICT
            and (not m.releasable_to or set(m.releasable_to) & set(p.countries))):
        assert seen


def test_examples():
    seoul = Partner("seoul", TLP.AMBER, ("KOR",))
    assert seoul.may_see(Marking(TLP.AMBER, ("KOR", "UKR")))
    assert not seoul.may_see(Marking(TLP.RED))
    assert not seoul.may_see(Marking(TLP.AMBER, ("USA",)))
    assert not seoul.may_see(Marking(TLP.AMBER_STRICT))
    assert Partner("kyiv-2", TLP.RED, own=True).may_see(Marking(TLP.AMBER_STRICT))
    assert not Partner("ngo", TLP.GREEN).may_see(Marking(TLP.AMBER))
