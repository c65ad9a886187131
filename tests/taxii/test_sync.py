"""Two intex nodes on loopback: seoul pulls kyiv's collection, incrementally and idempotently,
and sees only what its agreement allows."""

from __future__ import annotations

from intex import service
from intex.model import TLP, Marking, Partner
from intex.store import ClaimFilter
from intex.taxii import create_app
from intex.taxii.sync import sync
from tests.taxii.conftest import live_server

SEED_LIKE = ("Briefing {n}\n\nThe NIS told lawmakers on Monday that {a} North Korean troops "
             "had been sent to Russia, and Ukraine's military intelligence said {b} soldiers were "
             "training in the Kursk region.")


def add(store, n: int, marking: Marking) -> None:
    text = SEED_LIKE.format(n=n, a=f"{1000 + n:,}", b=f"{5000 + n:,}")
    store.add(service.extract_bytes(text.encode(), name=f"r{n}"), extractor="t",
              marking=marking)


def test_seoul_pulls_what_kyiv_shares_with_it_and_no_more(new_db):
    kyiv = service.open_ledger(new_db("kyiv"))
    seoul = service.open_ledger(new_db("seoul"))
    add(kyiv, 1, Marking(TLP.AMBER, ("KOR",)))  # reaches seoul
    add(kyiv, 2, Marking(TLP.RED))  # never leaves kyiv
    add(kyiv, 3, Marking(TLP.AMBER, ("USA",)))  # not releasable to Korea
    service.publish(kyiv)
    kyiv.partners.add(Partner("seoul", TLP.AMBER, ("KOR",)), password="seoul-password-1")
    with live_server(create_app(kyiv)) as live:
        from intex.taxii.routes import COLLECTION_ID

        seoul.partners.add(Partner("kyiv", TLP.AMBER, ("UKR",),
                                   url=f"{live.url}/taxii2/intex/", collection=COLLECTION_ID),
                           remote_user="seoul", remote_secret="seoul-password-1")
        (first,) = list(sync(seoul, "kyiv", page_size=7))
        assert first.error is None and first.pages > 1 and first.claims == 2
        values = {r.claim.value for r in seoul.claims(ClaimFilter(fold=False))}
        assert values == {1001, 5001}
        # nothing new: a second sync reads from the cursor and adds nothing
        (again,) = list(sync(seoul, "kyiv", page_size=7))
        assert again.error is None and again.new == 0 and again.claims == 0
        # new on kyiv: the next sync brings only that
        add(kyiv, 4, Marking(TLP.GREEN))
        service.publish(kyiv)
        (third,) = list(sync(seoul, "kyiv", page_size=7))
        assert third.claims == 2
        values = {r.claim.value for r in seoul.claims(ClaimFilter(fold=False))}
        assert values == {1001, 5001, 1004, 5004}
        # a partner with wrong credentials gets an error, and nothing changes
        seoul.partners.add(Partner("kyiv-bad", url=f"{live.url}/taxii2/intex/",
                                   collection=COLLECTION_ID),
                           remote_user="seoul", remote_secret="not-the-password")
        (bad,) = list(sync(seoul, "kyiv-bad"))
        assert bad.error is not None and "401" in str(bad.error)
