"""seoul pushes to kyiv's real server (loopback): what kyiv may see, in POSTed envelopes,
incrementally; never RED, never what kyiv sent, never a third partner's object beyond its
marking; a refused POST leaves the push cursor where it was."""

from __future__ import annotations

import json

from intex import service
from intex.model import TLP, Marking, Partner
from intex.store import ClaimFilter
from intex.store import schema as t
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from intex.taxii.sync import sync
from tests.taxii.conftest import live_server
from tests.taxii.test_sync import add


class Recording:
    """kyiv's real app, with every POST body kept for the test to read."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app, self.posts = app, []

    async def __call__(self, scope, receive, send):  # noqa: ANN001, ANN204
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        self.posts.append((dict(scope["headers"]).get(b"content-type", b"").decode(), body))
        sent = False

        async def again():  # noqa: ANN202
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, again, send)


def _values(store) -> set[float]:  # noqa: ANN001
    return {r.claim.value for r in store.claims(ClaimFilter(fold=False))}


def test_seoul_pushes_what_kyiv_may_see_and_nothing_else(tmp_path):
    kyiv = service.open_ledger(f"sqlite:///{tmp_path / 'kyiv.db'}")
    seoul = service.open_ledger(f"sqlite:///{tmp_path / 'seoul.db'}")
    add(kyiv, 1, Marking(TLP.GREEN))  # kyiv's own: seoul pulls it, never pushes it back
    service.publish(kyiv)
    kyiv.partners.add(Partner("seoul", TLP.AMBER, ("KOR",), can_write=True),
                      password="seoul-password-1")
    add(seoul, 2, Marking(TLP.AMBER, ("UKR",)))  # reaches kyiv
    add(seoul, 3, Marking(TLP.RED))  # never leaves seoul
    add(seoul, 4, Marking(TLP.AMBER, ("USA",)))  # not releasable to Ukraine
    add(seoul, 5, Marking(TLP.GREEN))  # reaches kyiv
    # a third partner's bundle, AMBER releasable to Japan only: not kyiv's to see
    (tmp_path / "tokyo.json").write_text(service.bundle_text(service.export_bundle(
        _tokyo(tmp_path))))
    assert next(service.import_bundles(seoul, [str(tmp_path / "tokyo.json")],
                                       partner="tokyo")).error is None

    small = Recording(create_app(kyiv, max_content_length=3000))
    with live_server(small) as live:
        seoul.partners.add(Partner("kyiv", TLP.AMBER, ("UKR",), url=f"{live.url}/taxii2/intex/",
                                   collection=COLLECTION_ID),
                           remote_user="seoul", remote_secret="seoul-password-1")
        (refused,) = list(sync(seoul, "kyiv", page_size=10))
        assert refused.error is None and refused.claims == 2  # the pull worked
        assert refused.push_error is not None and "413" in str(refused.push_error)
        assert refused.pushed == 0 and seoul.sync_state.pushed("kyiv", COLLECTION_ID) == 0
    kyiv_ids_before = {i for i, _ in _rows(kyiv)}

    recording = Recording(create_app(kyiv))
    with live_server(recording) as live:
        with seoul.engine.begin() as conn:
            conn.execute(t.partners.update().values(url=f"{live.url}/taxii2/intex/"))
        (first,) = list(sync(seoul, "kyiv", page_size=10))
        assert first.error is None and first.push_error is None and first.pushed > 0
        assert len(recording.posts) > 1  # in several POSTs
        assert {ct for ct, _ in recording.posts} == {"application/taxii+json;version=2.1"}
        sent = [o for _, body in recording.posts for o in json.loads(body)["objects"]]
        assert len(sent) == first.pushed
        assert not {o["id"] for o in sent} & kyiv_ids_before - _common(sent)
        assert _values(kyiv) == {1001, 5001, 1002, 5002, 1005, 5005}
        text = " ".join(body.decode() for _, body in recording.posts)
        for hidden in ("1,003", "5,003", "1,004", "5,004", "9,001", "USA", "JPN",
                       "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"):
            assert hidden not in text, hidden
        with kyiv.engine.connect() as conn:
            stored = " ".join(r[0] for r in conn.exec_driver_sql("select json from stix_objects"))
        assert "1,003" not in stored and "9,001" not in stored

        (second,) = list(sync(seoul, "kyiv", page_size=10))
        assert second.push_error is None and second.pushed == 0  # nothing new
        posts = len(recording.posts)
        add(seoul, 6, Marking(TLP.GREEN))
        (third,) = list(sync(seoul, "kyiv", page_size=10))
        assert third.push_error is None and 0 < third.pushed < first.pushed
        new = [o for _, body in recording.posts[posts:] for o in json.loads(body)["objects"]]
        claims = {o["value"] for o in new if o["type"] == "attributed-claim"}
        assert claims == {1006, 5006}  # only what is new
        assert 1006 in _values(kyiv)


def _rows(store):  # noqa: ANN001, ANN202
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("select id, modified from stix_objects").all()


def _common(sent: list[dict]) -> set[str]:
    """Objects both nodes make alike (the intex identity, TLP definitions, outlets)."""
    return {o["id"] for o in sent if o["type"] in ("identity", "marking-definition",
                                                  "extension-definition", "location")}


def _tokyo(tmp_path):  # noqa: ANN001, ANN202
    tokyo = service.open_ledger(f"sqlite:///{tmp_path / 'tokyo.db'}")
    add(tokyo, 9, Marking(TLP.AMBER, ("JPN",)))
    return tokyo


class FailingAfter(Recording):
    """kyiv's real app, answering 503 to every POST after the first ``ok``."""

    def __init__(self, app, ok: int) -> None:  # noqa: ANN001
        super().__init__(app)
        self.ok = ok

    async def __call__(self, scope, receive, send):  # noqa: ANN001, ANN204
        if scope["type"] == "http" and scope["method"] == "POST" and len(self.posts) >= self.ok:
            self.posts.append(("refused", b""))
            await send({"type": "http.response.start", "status": 503,
                        "headers": [(b"content-type", b"application/taxii+json;version=2.1")]})
            await send({"type": "http.response.body",
                        "body": b'{"title": "Unavailable", "http_status": "503"}'})
            return None
        return await super().__call__(scope, receive, send)


def test_the_push_cursor_moves_with_each_accepted_post(tmp_path):
    kyiv = service.open_ledger(f"sqlite:///{tmp_path / 'kyiv.db'}")
    seoul = service.open_ledger(f"sqlite:///{tmp_path / 'seoul.db'}")
    kyiv.partners.add(Partner("seoul", TLP.AMBER, ("KOR",), can_write=True),
                      password="seoul-password-1")
    for n in range(1, 7):
        add(seoul, n, Marking(TLP.GREEN))
    failing = FailingAfter(create_app(kyiv), ok=2)
    with live_server(failing) as live:
        seoul.partners.add(Partner("kyiv", TLP.AMBER, ("UKR",), url=f"{live.url}/taxii2/intex/",
                                   collection=COLLECTION_ID, push=True),
                           remote_user="seoul", remote_secret="seoul-password-1")
        (cut,) = list(sync(seoul, "kyiv", page_size=5))
    assert cut.push_error is not None and cut.pushed > 0
    first = [o for ct, body in failing.posts if ct != "refused"
             for o in json.loads(body)["objects"]]
    cursor = seoul.sync_state.pushed("kyiv", COLLECTION_ID)
    assert cursor > 0  # moved past what the two accepted POSTs carried, before the failure

    whole = Recording(create_app(kyiv))
    with live_server(whole) as live:
        with seoul.engine.begin() as conn:
            conn.execute(t.partners.update().values(url=f"{live.url}/taxii2/intex/"))
        (rest,) = list(sync(seoul, "kyiv", page_size=5))
    assert rest.push_error is None and rest.pushed > 0
    again = [o for _, body in whole.posts for o in json.loads(body)["objects"]]
    # what the cursor had passed is not sent again; everything arrives
    key = {(o["id"], o.get("modified")) for o in first}
    assert len(again) < len(key | {(o["id"], o.get("modified")) for o in again})
    assert _values(kyiv) == {v for n in range(1, 7) for v in (1000 + n, 5000 + n)}
