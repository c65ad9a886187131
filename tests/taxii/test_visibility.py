"""The marking rule as a property: random objects with random markings (object-level and
granular) and random references × random partner agreements — nothing a partner may not
see reaches it, through the pure functions (10,000 cases) and through SQL (the store's
predicate agrees with ``Partner.may_see`` on every row)."""

from __future__ import annotations

import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intex.model import TLP, Marking, Partner
from intex.stix import markings, visibility
from intex.store.objects import row_marking

TLP_IDS = {t: f"marking-definition--{uuid.uuid5(uuid.NAMESPACE_DNS, t.name)}" for t in TLP}
REL_IDS = {c: f"marking-definition--{uuid.uuid5(uuid.NAMESPACE_DNS, 'rel ' + c)}"
           for c in ("KOR", "UKR", "JPN")}
DEFINITIONS = {**{i: Marking(t) for t, i in TLP_IDS.items()},
               **{i: Marking(TLP.CLEAR, (c,)) for c, i in REL_IDS.items()}}
OCTI = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba"
COUNTRIES = st.lists(st.sampled_from(["KOR", "UKR", "JPN", "USA"]), max_size=2, unique=True)


def resolve(ref: str) -> Marking | None:
    return DEFINITIONS.get(ref)


partners = st.builds(Partner, name=st.just("p"), max_tlp=st.sampled_from(list(TLP)),
                     countries=COUNTRIES.map(tuple), own=st.booleans(),
                     revoked=st.booleans())
row_marks = st.tuples(st.sampled_from([None, *[t.name for t in TLP]]),
                      st.sampled_from([None, "KOR", "UKR", "KOR,UKR", "JPN"]))


@st.composite
def universes(draw):  # noqa: ANN001, ANN201
    n = draw(st.integers(2, 12))
    ids = [f"{draw(st.sampled_from(['report', 'identity', 'note', 'relationship']))}--"
           f"{uuid.UUID(int=draw(st.integers(0, 2**128 - 1)), version=4)}" for _ in range(n)]
    ids = list(dict.fromkeys(ids))
    unknown = f"identity--{uuid.uuid4()}"
    pool = [*ids, unknown]
    objs = {}
    for oid in ids:
        kind = oid.split("--")[0]
        obj: dict = {"type": kind, "id": oid, "spec_version": "2.1"}
        if draw(st.booleans()):
            obj["object_marking_refs"] = draw(st.lists(st.sampled_from(sorted(DEFINITIONS)),
                                                       max_size=2, unique=True))
        if draw(st.booleans()):
            obj["created_by_ref"] = draw(st.sampled_from(pool))
        if kind in ("report", "note"):
            refs = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6))
            obj["object_refs"] = refs
            marks = []
            for i in range(len(refs)):
                if draw(st.booleans()):
                    marks.append({"selectors": [f"object_refs.[{i}]"],
                                  "marking_ref": draw(st.sampled_from(sorted(DEFINITIONS)))})
            if draw(st.booleans()):
                marks.append({"selectors": ["name"],
                              "marking_ref": draw(st.sampled_from(sorted(DEFINITIONS)))})
            if marks:
                obj["granular_markings"] = marks
        if kind == "relationship":
            obj["source_ref"] = draw(st.sampled_from(pool))
            obj["target_ref"] = draw(st.sampled_from(pool))
        if draw(st.booleans()):
            obj["extensions"] = {"x": {"nested_refs": draw(st.lists(st.sampled_from(pool),
                                                                      max_size=2))}}
        if draw(st.booleans()):  # a third party's property extension, as OpenCTI's
            obj.setdefault("extensions", {})[OCTI] = {
                "extension_type": "property-extension",
                "granted_refs": draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3)),
                **({"owner_ref": draw(st.sampled_from(pool))} if draw(st.booleans()) else {})}
        objs[oid] = (obj, row_marking(*draw(row_marks), kind))
    return objs


def _entry_marks(obj: dict, key: str) -> list[set[str]]:
    out: list[set[str]] = [set() for _ in obj.get(key, [])]
    for gm in obj.get("granular_markings", []):
        for sel in gm["selectors"]:
            if sel.startswith(f"{key}.["):
                out[int(sel[len(key) + 2:-1])].add(gm["marking_ref"])
    return out


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(universe=universes(), partner=partners)
def test_nothing_hidden_leaks_through_the_filter(universe, partner):
    allowed = {oid for oid, (obj, mark) in universe.items()
               if visibility.permitted(partner, mark, obj, resolve)}
    hidden = set(universe) - allowed
    for oid, (obj, _mark) in universe.items():
        if oid not in allowed:
            continue
        original = json.loads(json.dumps(obj))
        out = visibility.served(obj, partner, resolve, allowed.__contains__)
        assert obj == original  # the stored object is never changed in place
        if out is None:
            continue
        text = json.dumps(out)
        assert not any(h in text for h in hidden)  # no hidden id, anywhere
        assert visibility.references(out) <= allowed  # nor one not held here
        for ref in out.get("object_marking_refs", []):
            said = resolve(ref)
            assert said is None or partner.may_see(said)
        for gm in out.get("granular_markings", []):
            said = resolve(gm["marking_ref"])
            assert said is None or partner.may_see(said)  # what stays, it may see
        if "object_refs" in out:
            assert out["object_refs"]
            before = dict(zip(obj["object_refs"], _entry_marks(obj, "object_refs"), strict=True))
            for ref, marks in zip(out["object_refs"], _entry_marks(out, "object_refs"),
                                  strict=True):
                assert marks == before[ref] or len(set(obj["object_refs"])) < len(
                    obj["object_refs"])  # renumbered granular markings follow their entry
        if obj.get("type") == "relationship":
            assert out["source_ref"] in allowed and out["target_ref"] in allowed
        granted = out.get("extensions", {}).get(OCTI, {}).get("granted_refs")
        assert granted != []  # an emptied list goes, as STIX wants no empty lists
        if granted is not None:  # the allowed entries stay, in order
            assert granted == [r for r in obj["extensions"][OCTI]["granted_refs"]
                               if r in allowed]


@settings(max_examples=2_000, deadline=None)
@given(partner=partners, mark=row_marks, kind=st.sampled_from(["note", "marking-definition"]))
def test_a_row_marking_is_read_as_documented(partner, mark, kind):
    m = row_marking(*mark, kind)
    if mark[0] is None:
        assert m.tlp is (TLP.CLEAR if kind == "marking-definition" else TLP.AMBER)
    # the rule splits into a TLP part and a releasability part (the SQL relies on it)
    assert partner.may_see(m) == (partner.may_see(Marking(m.tlp)) and (
        not m.releasable_to or any(partner.may_see(Marking(TLP.CLEAR, (c,)))
                                   and c in partner.countries for c in m.releasable_to)))


OFFICIAL = sorted(markings.TLP_IDS.values())


def _official_or_ours(ref: str) -> Marking | None:
    return visibility.resolver([])(ref) or resolve(ref)


@settings(max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(universe=universes(), partner=partners, data=st.data())
def test_a_plain_object_is_served_as_stored_exactly_when_the_rule_says_so(universe, partner,
                                                                          data):
    """``shape`` says an object is plain only when what the rule serves of it can be the
    object itself or nothing; then ``plain_permitted`` and its references being allowed
    decide which, as ``permitted`` and ``served`` would (objects made plain half the
    time: granular markings dropped, official TLP markings only, a non-id entry now and
    then)."""
    allowed = data.draw(st.sets(st.sampled_from(sorted(universe))))
    for obj, mark in universe.values():
        if data.draw(st.booleans()):
            obj.pop("granular_markings", None)
            obj["object_marking_refs"] = data.draw(st.lists(st.sampled_from(OFFICIAL),
                                                            max_size=2, unique=True))
            if "object_refs" in obj and data.draw(st.integers(0, 9)) == 0:
                obj["object_refs"] = [*obj["object_refs"], 7]
        shape = visibility.shape(obj)
        assert shape.refs == visibility.references(obj)
        assert shape.marks == visibility.marks(obj)
        if shape.plain is None:
            continue
        as_stored = visibility.plain_permitted(partner, mark, shape.plain) \
            and all(r in allowed for r in shape.refs)
        rule = visibility.permitted(partner, mark, obj, _official_or_ours) and \
            visibility.served(obj, partner, _official_or_ours, allowed.__contains__) is obj
        assert as_stored == rule
