"""schemathesis sends random valid and invalid requests to every operation the web API's
OpenAPI description documents, as a signed-in analyst with the CSRF header: no answer is
a server error, every error has the API's one shape, and every answer, success or error,
conforms to the schema the description gives for its status (``response_schema_conformance``).
Bounded: a few cases each."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from intex.web import create_app
from tests.web import live

pytestmark = [pytest.mark.network, pytest.mark.slow]


def test_schemathesis_finds_no_server_error_in_the_api(small_ledger):
    with live.in_thread(create_app(small_ledger)) as url, \
            httpx.Client(base_url=url, timeout=60) as c:
        assert live.http_sign_in(c, "ana").status_code == 303
        cookies = dict(c.cookies)
        headers = {"X-CSRF-Token": c.get("/api/session").json()["csrf"]}
        schema = schemathesis.openapi.from_url(f"{url}/api/openapi.json")
        ran = 0
        checked: set[str] = set()  # operations a success answer of was checked
        for result in schema.get_all_operations():
            operation = result.ok()
            if operation.path == "/api/export":
                continue  # a whole STIX bundle per case: slow, and tested on its own
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

                @settings(max_examples=6, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
                @given(case=operation.as_strategy(mode))
                def check(case) -> None:  # noqa: ANN001
                    nonlocal ran
                    ran += 1
                    response = case.call(base_url=url, headers=headers, cookies=cookies)
                    assert response.status_code < 500, (case.method, case.path,
                                                        response.text[:500])
                    if response.status_code >= 400 and response.status_code != 307:
                        body = response.json()
                        assert set(body) == {"error"}, body
                        assert body["error"]["status"] == response.status_code
                    else:
                        checked.add(f"{case.method.upper()} {case.operation.path}")
                    case.validate_response(response, checks=[response_schema_conformance])

                try:
                    check()
                except Unsatisfiable:
                    # nothing to make invalid in an operation that takes no input
                    assert mode is GenerationMode.NEGATIVE, operation.path
        assert ran > 60
        # success bodies were checked for most operations (a random id finds no claim)
        assert {"GET /api/session", "GET /api/claims", "GET /api/entities", "GET /api/search",
                "GET /api/timeline", "GET /api/brief"} <= checked, checked
