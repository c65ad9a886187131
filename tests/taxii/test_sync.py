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


class Dropping:
    """kyiv's real app behind a wrapper that breaks the connection off in the middle of
    an objects page once ``after`` pages have been served (None: never)."""

    def __init__(self, app, after: int | None) -> None:  # noqa: ANN001
        self.app, self.after, self.pages, self.queries = app, after, 0, []

    async def __call__(self, scope, receive, send):  # noqa: ANN001, ANN204
        if scope["type"] == "http" and scope["method"] == "GET" \
                and scope["path"].endswith("/objects/"):
            self.pages += 1
            self.queries.append(scope["query_string"].decode())
            if self.after is not None and self.pages > self.after:
                await send({"type": "http.response.start", "status": 200, "headers": [
                    (b"content-type", b"application/taxii+json;version=2.1"),
                    (b"content-length", b"100000")]})
                await send({"type": "http.response.body", "body": b'{"more": true, "obj',
                            "more_body": True})
                raise RuntimeError("the connection drops")
        await self.app(scope, receive, send)


def _rows(store) -> list[tuple[str, str]]:  # noqa: ANN001
    with store.engine.connect() as conn:
        return sorted(conn.exec_driver_sql("select id, modified from stix_objects").all())


def test_a_dropped_connection_mid_pass_resumes_from_the_cursor(tmp_path):
    from intex.taxii.routes import COLLECTION_ID

    kyiv = service.open_ledger(f"sqlite:///{tmp_path / 'kyiv.db'}")
    for n in range(1, 7):
        add(kyiv, n, Marking(TLP.GREEN))
    service.publish(kyiv)
    kyiv.partners.add(Partner("seoul", TLP.AMBER, ("KOR",)), password="seoul-password-1")
    wrapped = Dropping(create_app(kyiv), after=3)
    nodes = {}
    with live_server(wrapped) as live:
        for name in ("seoul", "clean"):
            nodes[name] = service.open_ledger(f"sqlite:///{tmp_path / f'{name}.db'}")
            nodes[name].partners.add(Partner("kyiv", TLP.AMBER, ("UKR",),
                                             url=f"{live.url}/taxii2/intex/",
                                             collection=COLLECTION_ID),
                                     remote_user="seoul", remote_secret="seoul-password-1")
        seoul = nodes["seoul"]
        (first,) = list(sync(seoul, "kyiv", page_size=7))
        assert first.error is not None and first.pages == 3  # the fourth page broke off
        cursor = seoul.sync_state.cursor("kyiv", COLLECTION_ID)
        assert cursor.next_token and not cursor.added_after  # mid-pass, pages kept
        kept_first = len(_rows(seoul)) + seoul.sync_state.waiting("kyiv", COLLECTION_ID)
        assert kept_first == 21  # three pages of seven, taken or waiting for their refs

        wrapped.after, wrapped.pages, wrapped.queries = None, 0, []
        (second,) = list(sync(seoul, "kyiv", page_size=7))
        assert second.error is None and second.waiting == 0
        assert "next=" in wrapped.queries[0]  # it went on from the page it had reached
        total = 21 + second.objects
        served_pages = wrapped.pages

        wrapped.pages, wrapped.queries = 0, []
        (clean,) = list(sync(nodes["clean"], "kyiv", page_size=7))
        assert clean.error is None and clean.objects == total  # nothing read twice
        assert served_pages == clean.pages - 3
        assert _rows(seoul) == _rows(nodes["clean"])
        values = sorted(r.claim.value for r in seoul.claims(ClaimFilter(fold=False)))
        assert values == sorted(r.claim.value for r in kyiv.claims(ClaimFilter(fold=False)))
        assert len(values) == 12  # each claim once

        # a server that forgot its tokens (restarted) answers 400: the pass is read again
        from intex.store import schema as t

        with seoul.engine.begin() as conn:
            conn.execute(t.sync_cursors.update().values(next_token="stale-token"))
        (again,) = list(sync(seoul, "kyiv", page_size=7))
        assert again.error is None and again.new == 0 and _rows(seoul) == _rows(nodes["clean"])


def test_an_invalid_object_deep_in_a_big_sync_is_refused_by_name_and_stores_nothing(tmp_path):
    """Every object a sync takes goes through the OASIS validator (no sample): one note
    among 3,000 that only the validator refuses (its content is a number) stops the part
    it is in, by name; nothing of that part is stored, it waits, and the parts before it
    are kept."""
    import uuid

    from intex.taxii.routes import COLLECTION_ID

    kyiv = service.open_ledger(f"sqlite:///{tmp_path / 'kyiv.db'}")
    author = {"type": "identity", "spec_version": "2.1",
              "id": "identity--5d1c8a57-1b6e-4c1a-9f59-3f3c2b1a0e9d", "name": "Desk",
              "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z"}
    notes = [{"type": "note", "spec_version": "2.1",
              "id": f"note--{uuid.UUID(int=i + 1, version=4)}",
              "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
              "content": f"note {i}", "object_refs": [author["id"]]} for i in range(3000)]
    bad = notes[2500]
    bad["content"] = 7
    kyiv.keep_stix([author, *notes], partner=None,
                   markings={o["id"]: Marking(TLP.GREEN) for o in [author, *notes]})
    kyiv.partners.add(Partner("seoul", TLP.AMBER, ("KOR",)), password="seoul-password-1")
    seoul = service.open_ledger(f"sqlite:///{tmp_path / 'seoul.db'}")
    with live_server(create_app(kyiv)) as live:
        seoul.partners.add(Partner("kyiv", TLP.AMBER, ("UKR",), url=f"{live.url}/taxii2/intex/",
                                   collection=COLLECTION_ID),
                           remote_user="seoul", remote_secret="seoul-password-1")
        (got,) = list(sync(seoul, "kyiv", page_size=500))
    assert got.error is not None and got.objects == 3001
    assert got.error.object_id == bad["id"]
    assert "invalid STIX 2.1" in str(got.error) and "content" in str(got.error)
    held = {i for i, _ in _rows(seoul)}
    assert bad["id"] not in held
    waiting = seoul.sync_state.waiting("kyiv", COLLECTION_ID)
    assert len(held) + waiting == 3001 and waiting >= 1000  # the refused part waits whole
    assert not any(n["id"] in held for n in notes[2000:])  # in its part: not one stored
    assert author["id"] in held and notes[0]["id"] in held  # the part before it is kept
