"""The timeline API and the analysis pages over HTTP (a real uvicorn on loopback): what
each user gets, bad input answered on the page, and the printable brief's own policy."""

from __future__ import annotations

from contextlib import closing

import httpx
import pytest

from intex import service
from intex.model import TLP, Role, User
from intex.web import create_app
from tests.web import live
from tests.web_ledger import build

pytestmark = pytest.mark.network


@pytest.fixture(scope="module")
def base(tmp_path_factory):  # noqa: ANN001, ANN201
    folder = tmp_path_factory.mktemp("analysis")
    store = service.open_ledger(f"sqlite:///{folder / 'ledger.db'}")
    build(store)
    for name, role, clearance, rel in live.USERS:
        service.add_user(store, User(name, Role(role), TLP.parse(clearance),
                                     (rel,) if rel else (), red=name == "admin"),
                         live.PASSWORD)
    with live.in_thread(create_app(store)) as url:
        yield url


def signed_in(base: str, name: str) -> httpx.Client:
    c = httpx.Client(base_url=base, timeout=30)
    assert live.http_sign_in(c, name).status_code == 303
    return c


def test_timeline_api_gives_the_spec_with_what_the_user_may_see(base):
    with closing(signed_in(base, "ana")) as ana, closing(signed_in(base, "rea")) as rea:
        got = ana.get("/api/timeline", params={"subject": "North Korean troops"}).json()
        values = [d["value"] for d in got["spec"]["data"]["values"]]
        assert sorted(values) == [3000, 3000, 10000, 11000, 11000, 12000]
        assert got["statuses"]["sent"] == 2
        green = rea.get("/api/timeline", params={"subject": "North Korean troops"}).json()
        assert sorted(d["value"] for d in green["spec"]["data"]["values"]) == \
            [3000, 3000, 11000, 12000]
        assert "/api/timeline" in ana.get("/api/openapi.json").json()["paths"]
        # the estimates themselves: one per origin, the syndicated copy a repeat
        mine = got["estimates"]
        assert len(mine) == len(got["spec"]["data"]["values"])
        nis = next(e for e in mine if e["value"] == 3000 and e["status"] == "sent")
        assert nis["repeated_by"] == 2 and nis["when"] == "2024-10-23"
        assert nis["source"] == "National Intelligence Service (South Korea)"
        assert "3,000 North Korean soldiers" in nis["evidence"]
        assert {e["kind"] for e in mine} >= {"said", "forecast"}
        assert [e["when"] for e in mine] == sorted(e["when"] for e in mine)
        assert {e["marking"] for e in green["estimates"]} <= {"TLP:CLEAR", "TLP:GREEN"}
        assert {e["claim"] for e in green["estimates"]} < {e["claim"] for e in mine}
        assert sum(green["statuses"].values()) < sum(got["statuses"].values())
        assert ana.get("/api/timeline").status_code == 422
    with httpx.Client(base_url=base) as anonymous:
        refused = anonymous.get("/api/timeline", params={"subject": "troops"})
        assert refused.status_code == 401 and refused.json()["error"]["code"] == \
            "unauthenticated"


def test_brief_api_gives_what_the_page_shows_and_no_more(base):
    with closing(signed_in(base, "ana")) as ana, closing(signed_in(base, "rea")) as rea:
        mine = ana.get("/api/brief", params={"since": "2024-11-01"}).json()
        assert mine["since"] == "2024-11-01" and mine["highest_marking"] == "TLP:AMBER"
        changes = [c for s in mine["sections"] for c in s["changes"]]
        changed = next(c for c in changes if c["what"] == "changed")
        assert changed["estimate"]["value"] == 11000 and changed["previous"]["value"] == 3000
        assert changed["described"] == "changed"
        page = ana.get("/brief", params={"since": "2024-11-01"}).text
        for c in changes:
            assert c["estimate"]["value_text"] in page
        theirs = rea.get("/api/brief", params={"since": "2024-11-01"})
        got = theirs.json()
        assert got["highest_marking"] in ("TLP:CLEAR", "TLP:GREEN")
        amber = {c["estimate"]["claim"] for c in changes
                 if c["estimate"]["marking"] == "TLP:AMBER"}
        assert amber and not [i for i in amber if i in theirs.text]
        bad = ana.get("/api/brief", params={"since": "last week"})
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid"


def test_a_bad_day_is_answered_on_the_brief_page(base):
    with closing(signed_in(base, "ana")) as ana:
        page = ana.get("/brief", params={"since": "2024-02-31"})
        assert page.status_code == 422
        assert "is not a day written YYYY-MM-DD" in page.text and "Traceback" not in page.text
        md = ana.get("/brief.md", params={"since": "soon"})
        assert md.status_code == 422


def test_the_printable_brief_runs_no_script_and_loads_nothing(base):
    with closing(signed_in(base, "ana")) as ana:
        page = ana.get("/brief/print", params={"since": "2024-11-01", "download": "1"})
        assert page.status_code == 200
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert page.headers["content-disposition"] == \
            'attachment; filename="brief-2024-11-01.html"'
        assert "<script" not in page.text and "TLP:AMBER" in page.text


def test_entity_pages_hide_what_the_reader_may_not_see(base):
    with closing(signed_in(base, "rea")) as rea, closing(signed_in(base, "ana")) as ana:
        # Kursk Oblast is named only in a GREEN report; the AMBER NIS update only for ana
        assert rea.get("/entities/loc:kursk-oblast").status_code == 200
        nis = "/entities/org:national-intelligence-service-south-korea"
        assert "11,000" in ana.get(nis).text
        assert "11,000" not in rea.get(nis).text
        assert rea.get("/entities/person:nobody").status_code == 404
        bad = ana.get(nis)
        token = bad.text.split('"X-CSRF-Token": "')[1].split('"')[0]
        split = ana.post(nis + "/split", data={"csrf": token, "name": ""})
        assert split.status_code == 422
        assert "Tick the spellings" in split.text and "Give the name" in split.text
