"""schemathesis holds the running server to its own OpenAPI description: random valid and
invalid requests to every documented TAXII operation, as a partner that may write, get
no 5xx, only documented status codes and media types, and bodies that match their
schemas (every error being TAXII's error resource). Bounded: a few dozen cases per
operation and mode."""

from __future__ import annotations

import uuid

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from intex import service
from intex.model import TLP, Marking, Partner
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from tests.taxii.conftest import ACCEPT, live_server

pytestmark = [pytest.mark.network, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(tmp_path_factory):  # noqa: ANN201
    store = service.open_ledger(f"sqlite:///{tmp_path_factory.mktemp('oa') / 'l.db'}")
    objs = [{"type": "identity", "id": f"identity--{uuid.uuid4()}", "spec_version": "2.1",
             "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
             "name": f"org {i}", "identity_class": "organization"} for i in range(5)]
    store.keep_stix(objs, partner=None, markings={o["id"]: Marking(TLP.GREEN) for o in objs})
    creds = service.add_partner(store, Partner("fuzzer", max_tlp=TLP.AMBER, can_write=True))
    headers = {**ACCEPT, "Authorization": f"Bearer {creds.api_key}"}
    with live_server(create_app(store)) as live:
        yield store, live.url, headers, objs


def _count(store) -> int:  # noqa: ANN001
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("select count(*) from stix_objects").scalar()


def test_the_description_documents_every_taxii_endpoint_with_taxii_media_types(served):
    _, url, headers, _ = served
    assert httpx.get(f"{url}/taxii2/openapi.json").status_code == 401
    doc = httpx.get(f"{url}/taxii2/openapi.json", headers=headers).json()
    base = "/taxii2/intex/collections/{cid}/"
    assert set(doc["paths"]) == {
        "/taxii2/", "/taxii2/intex/", "/taxii2/intex/collections/", base,
        base + "objects/", base + "manifest/", base + "objects/{oid}/",
        base + "objects/{oid}/versions/", "/taxii2/intex/status/{sid}/"}
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            for status, answer in op["responses"].items():
                assert list(answer["content"]) == ["application/taxii+json;version=2.1"], (
                    path, method, status)
            if status != "200":
                assert op["responses"]["401"]["content"]
    objects = doc["paths"][base + "objects/"]
    names = {p["name"] for p in objects["get"]["parameters"]}
    assert {"added_after", "limit", "next", "match[id]", "match[type]", "match[version]",
            "match[spec_version]"} <= names
    assert set(objects["post"]["requestBody"]["content"]) == {
        "application/taxii+json;version=2.1"}
    assert set(objects["post"]["responses"]) >= {"202", "400", "401", "403", "413", "415",
                                                  "422"}
    assert set(doc["components"]["securitySchemes"]) == {"basic", "bearer", "apiKey"}


def _impossible_day(query: dict | None) -> bool:
    """A query naming a day no calendar has (the 31st of November, a 29th of February
    in a common year), which the description's patterns cannot rule out."""
    import re
    from datetime import date

    for value in (query or {}).values():
        for y, m, d in re.findall(r"(\d{4})-(\d{2})-(\d{2})", str(value)):
            try:
                date(int(y), int(m), int(d))
            except ValueError:
                return True
    return False


def test_schemathesis_finds_no_server_error_and_nothing_off_the_description(served):
    store, url, headers, objs = served
    schema = schemathesis.openapi.from_url(f"{url}/taxii2/openapi.json", headers=headers)
    known = {"cid": COLLECTION_ID, "oid": objs[0]["id"]}
    ran = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        real = {k: v for k, v in known.items() if "{" + k + "}" in operation.path}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for path in (None, real) if real else (None,):
                # a request the server answers 2xx is sent again without credentials by
                # schemathesis (a wrong password costs an argon2 hash): fewer of those
                answered = mode is GenerationMode.POSITIVE and (path or "{" not in operation.path)
                examples = 2 if not operation.path.count("{") and not answered else 10
                examples = 4 if answered else examples

                @settings(max_examples=examples, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
                @given(case=operation.as_strategy(mode, path_parameters=path or None))
                def check(case) -> None:  # noqa: ANN001
                    nonlocal ran
                    ran += 1
                    before = _count(store)
                    # a ``next`` is opaque: any the server did not make is refused (400);
                    # and STIX 2.1 is more than a JSON schema: a POST of objects the
                    # validator refuses is a 422 (documented; checked below to store nothing)
                    # and a pattern cannot know calendars: 2024-11-31 fits it, and is a 400
                    opaque = [positive_data_acceptance] if "next" in (case.query or {}) \
                        or case.method == "POST" or _impossible_day(case.query) else []
                    response = case.call_and_validate(base_url=url, headers=headers,
                                                      excluded_checks=opaque)
                    assert response.status_code < 500, (case.method, case.path, response.text)
                    if response.status_code >= 400:
                        body = response.json()
                        assert body["http_status"] == str(response.status_code) and body["title"]
                        assert _count(store) == before  # a refused request stores nothing

                check()
    assert ran > 100
