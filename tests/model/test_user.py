from hypothesis import given
from hypothesis import strategies as st

from intex.model import TLP, Marking, Role, User

COUNTRIES = ["UKR", "KOR", "USA"]
markings = st.builds(Marking, st.sampled_from(list(TLP)),
                     st.lists(st.sampled_from(COUNTRIES), unique=True).map(tuple))
users = st.builds(User, st.just("u"), st.sampled_from(list(Role)), st.sampled_from(list(TLP)),
                  st.lists(st.sampled_from(COUNTRIES), unique=True).map(tuple), st.booleans())


@given(users, markings)
def test_a_user_sees_what_the_clearance_allows_and_nothing_above(u, m):
    seen = u.may_see(m)
    rel_ok = not m.releasable_to or bool(set(m.releasable_to) & set(u.countries))
    if m.tlp is TLP.RED:  # named recipients only, whatever the clearance says
        assert seen == (u.red and u.clearance >= TLP.AMBER_STRICT and rel_ok)
    else:
        assert seen == (m.tlp <= u.clearance and rel_ok)


@given(users)
def test_no_clearance_alone_reaches_red(u):
    from dataclasses import replace

    assert not replace(u, red=False).may_see(Marking(TLP.RED))


@given(users, markings)
def test_below_red_the_partner_rule_decides(u, m):
    if m.tlp is not TLP.RED:
        assert u.may_see(m) == u.agreement().may_see(m)


def test_roles_are_ordered():
    assert User("a", Role.ADMIN).can(Role.ANALYST)
    assert User("b", Role.ANALYST).can(Role.READER)
    assert not User("c", Role.READER).can(Role.ANALYST)
    assert not User("d", Role.ANALYST).can(Role.ADMIN)


def test_examples():
    reader = User("r", Role.READER, TLP.GREEN)
    assert reader.may_see(Marking(TLP.GREEN))
    assert not reader.may_see(Marking(TLP.AMBER))
    assert not User("k", clearance=TLP.AMBER).may_see(Marking(TLP.AMBER, ("KOR",)))
    assert not User("k", clearance=TLP.RED, countries=("KOR",)).may_see(Marking(TLP.RED))
    named = User("k", clearance=TLP.AMBER_STRICT, countries=("KOR",), red=True)
    assert named.may_see(Marking(TLP.RED, ("KOR",)))
    assert not named.may_see(Marking(TLP.RED, ("UKR",)))
    assert not User("g", clearance=TLP.GREEN, red=True).may_see(Marking(TLP.RED))
