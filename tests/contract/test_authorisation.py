"""One authorisation policy for every route (GEN-6): each service's access table covers every
operation of its OpenAPI document, and every role the table does not list is refused (403) before
the route runs, the denial audited; a foreign division is refused a sample of own-division reads."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from functools import partial
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from sqlalchemy import text

from intake.bootstrap import build as build_intake
from intake.domain.programmes import DECIDING_ROLES
from services.embedded import EmbeddedBroker, EmbeddedPostgres
from shared.http.access import OWN_DIVISION, AccessTable
from shared.http.tokens import ROLES
from shared.runtime import ServiceRuntime
from supervision.bootstrap import build as build_supervision
from tests.contract.support import Build, Served, _config, _keys, serving
from tests.contract.test_openapi_payments import build_with_bank
from tests.contract.test_openapi_verification import build_with_simulator
from tests.support import division_of

BUILDS: dict[str, Build] = {
    "intake": build_intake,
    "verification": build_with_simulator,
    "payments": build_with_bank,
    "supervision": build_supervision,
}
HOME, FOREIGN = "620102", "620103"  # two counties of Lanzhou
OWN_REFUSALS = {  # a route's own refusal, kept by the table's `refuse`
    "village-committee-cannot-accept",
    "village-committee-cannot-review",
    "wrong-level",
    "not-the-competent-agency",  # a programme's decision: only its deciding role (ADR 0032)
}
OBJECTIONS = ("POST", "/v1/cases/{case_id}/programmes/{programme}/objections")
DECISION = ("POST", "/v1/applications/{application_id}/programmes/{programme}/decision")
pytestmark = pytest.mark.req("GEN-6")


def _app(service: str) -> FastAPI:
    _, public_key = _keys()
    config = _config(service, "postgresql+asyncpg://u@127.0.0.1:1/none", public_key)
    runtime: ServiceRuntime = BUILDS[service](config)
    return runtime.app


def _operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(m.upper(), path) for path, item in document["paths"].items() for m in item]


def _if_match(operation: dict[str, Any]) -> str:
    for parameter in operation.get("parameters", []):
        if parameter["name"] == "If-Match":
            if parameter.get("required"):
                return "required"
            return (
                "when-exists"
                if "once the resource exists" in parameter["description"]
                else ("optional")
            )
    return "none"


@pytest.mark.parametrize("service", sorted(BUILDS))
def test_the_access_table_covers_every_operation(service: str) -> None:
    """Given a service's app and its OpenAPI document,
    when each operation (and each route outside the document) is looked up in its access table,
    then every one has a rule, the If-Match rule is the document's, and no rule is stale."""
    app = _app(service)
    table: AccessTable = app.state.access
    document = app.openapi()
    missing = [op for op in _operations(document) if op not in table]
    assert not missing, f"{service}: operations with no access rule (refused to all): {missing}"
    routes = {
        (method, context.path_format)
        for context in iter_route_contexts(app.routes)
        for method in (getattr(context, "methods", None) or {"GET"}) - {"HEAD"}
    }
    assert not [op for op in routes if op not in table], f"{service}: routes with no access rule"
    stale = [op for op in table.own if op not in routes]
    assert not stale, f"{service}: rules for operations that no longer exist: {stale}"
    for method, path in _operations(document):
        operation = document["paths"][path][method.lower()]
        assert table[(method, path)].if_match == _if_match(operation), (method, path)


def test_a_programme_decision_admits_the_deciding_roles_only() -> None:
    """Given intake's table, the agency decision admits the roles that decide some programme (the
    route then holds each to its own programmes), never the generic partner client."""
    rule = _app("intake").state.access[DECISION]
    assert rule.roles == set(DECIDING_ROLES)
    assert "partner_agency" not in rule.roles and "health_insurance" in rule.roles


def test_the_objection_is_received_by_the_township_or_county_officer_only() -> None:
    """Given verification's table, the objection route admits the receiving officers only."""
    table: AccessTable = _app("verification").state.access
    rule = table[OBJECTIONS]
    assert rule.roles == {"township_officer", "county_officer"}
    assert rule.jurisdiction == OWN_DIVISION


@pytest.fixture(scope="module", params=sorted(BUILDS))
def served(
    request: pytest.FixtureRequest, embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker
) -> Iterator[Served]:
    """Each service on a fresh database."""
    service = request.param
    with serving(
        service, BUILDS[service], embedded_postgres.server_url, broker.bootstrap_servers
    ) as s:
        yield s


_TOKENS: dict[tuple[int, str], str] = {}


def _token(served: Served, role: str) -> str:
    """One token per role and service (minting is the slow part)."""
    assert served.signer is not None
    key = (id(served), role)
    if key not in _TOKENS:
        _TOKENS[key] = served.signer.mint(
            f"authz-{role}", role, division_of(role, HOME), "测试单位"
        )
    return _TOKENS[key]


def _concrete(path: str) -> str:
    """A path the template matches: division-like names get a county code, years a year."""
    for name in [p.split("}")[0] for p in path.split("{")[1:]]:
        value = "2026" if "year" in name else HOME if "code" in name else "x1"
        path = path.replace("{" + name + "}", value)
    return path


Call = tuple[str, str, str | None]


def _send_all(served: Served, calls: list[Call]) -> list[httpx.Response]:
    """Every call (method, path template, role or None for no token), a few at a time."""

    async def send(method: str, path: str, role: str | None) -> httpx.Response:
        headers = {"Idempotency-Key": str(uuid.uuid4()), "If-Match": '"1"'}
        if role is not None:
            headers["Authorization"] = f"Bearer {_token(served, role)}"
        async with gate:
            return await served.client.request(method, _concrete(path), headers=headers)

    gate = asyncio.Semaphore(8)

    async def everything() -> list[httpx.Response]:
        return list(await asyncio.gather(*(send(*call) for call in calls)))

    return served.portal.call(everything)


def _problem(answer: httpx.Response) -> dict[str, Any]:
    body = answer.json() if "json" in answer.headers.get("content-type", "") else None
    return body if isinstance(body, dict) else {}


def test_every_role_not_listed_is_refused_before_the_route_runs(served: Served) -> None:
    """Given a service on its own database,
    when every operation is called with a token of each role (no body), and the public ones
    without a token,
    then each role the table does not list gets a 403 problem (the table's `role-not-allowed`,
    or the route's own refusal), never a 2xx, a 4xx from the body, or a 500; each listed role
    gets past the table; the public operations need no token; and the denials are audited."""
    app = served.runtime.app
    table: AccessTable = app.state.access
    calls: list[Call] = []
    for method, path in _operations(app.openapi()):
        rule = table[(method, path)]
        roles: tuple[str | None, ...] = (None,) if rule.public else ROLES
        calls += [(method, path, role) for role in roles]
    wrong: list[str] = []
    refused = 0
    for (method, path, role), answer in zip(calls, _send_all(served, calls), strict=True):
        rule = table[(method, path)]
        problem = _problem(answer)
        if role is None:
            if answer.status_code in (401, 403):
                wrong.append(f"{method} {path}: public, but {answer.status_code} without a token")
        elif role in rule.roles:
            if "may not call" in str(problem.get("detail", "")):
                wrong.append(f"{method} {path}: {role} is listed but the table refused it")
        else:
            refused += 1
            codes = {"role-not-allowed"} | (OWN_REFUSALS if rule.refuse else set())
            if answer.status_code != 403 or problem.get("code") not in codes:
                wrong.append(f"{method} {path}: {role} got {answer.status_code} {problem}")
    assert not wrong, "\n".join(wrong)
    assert refused > 0

    plain = [
        c for c in calls if c[2] and not table[c[:2]].refuse and c[2] not in table[c[:2]].roles
    ]
    _assert_audited(served, plain[0])


def _assert_audited(served: Served, call: Call) -> None:
    """A refusal by the table is recorded in `access_denials` (role, method, path, code)."""
    method, path, role = call
    assert role is not None and served.signer is not None
    client_id = f"authz-audit-{uuid.uuid4().hex[:8]}"
    token = served.signer.mint(client_id, role, division_of(role, HOME), "测试单位")
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
    url = _concrete(path)

    async def refused_and_recorded() -> list[Any]:
        await served.client.request(method, url, headers=headers)
        async with served.runtime.engine.connect() as conn:
            query = "SELECT role, method, path, code FROM access_denials WHERE client_id = :c"
            return list((await conn.execute(text(query), {"c": client_id})).all())

    rows = served.portal.call(refused_and_recorded)
    assert [tuple(r) for r in rows] == [(role, method, url, "role-not-allowed")]


FOREIGN_READS = {  # own-division reads whose resource's division is named in the path
    "verification": ["/v1/notices/{}001001", "/v1/policy?division={}"],  # a village of it
    "payments": ["/v1/disclosure/{}", "/v1/funds/{}/urban_dibao"],
    "supervision": ["/v1/capacity/{}", "/v1/coordination/{}/2026"],
    "intake": ["/v1/applications?division={}"],
}
FOREIGN_ROLES = {
    "verification": "county_officer",
    "payments": "county_officer",
    "supervision": "county_officer",
    "intake": "county_officer",
}


def test_a_foreign_county_is_refused_own_division_reads(served: Served) -> None:
    """Given a county officer of one county,
    when they read a resource addressed to another county,
    then the answer is 403 or 404, never the resource."""
    service = served.runtime.name
    role = FOREIGN_ROLES[service]
    assert served.signer is not None
    headers = {"Authorization": f"Bearer {served.signer.mint('authz-foreign', role, HOME, '-')}"}
    for template in FOREIGN_READS[service]:
        url = template.format(FOREIGN)
        answer = served.portal.call(partial(served.client.get, url, headers=headers))
        assert answer.status_code in (403, 404), (url, answer.status_code, answer.text[:300])
