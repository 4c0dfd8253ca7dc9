"""The walking skeleton, end to end: four real service processes, real PostgreSQL, real broker.

On the shared stack, in a county of its own there: 张掖市甘州区 (620702)."""

from __future__ import annotations

import importlib

import httpx
import pytest

from clients.intake.api.applications import submit_application
from clients.payments.api.pipeline import get_pipeline_case
from clients.supervision.api.audit import get_case_audit_trail, verify_case_audit_trail
from clients.verification.api.cases import get_case
from services.settings import SERVICES
from tests.e2e.flows import Clerk, County, call, operation_client
from tests.e2e.services import RunningServices, stack_day
from tests.support import eventually

GANZHOU = County("620702")  # 张掖市甘州区: this module's county on the shared stack
TOWNSHIP, CITY = GANZHOU.township, "620700"
APPLICANT_ID = "11010519491231002X"


@pytest.fixture(scope="module")
def services(stack: RunningServices) -> RunningServices:
    """All four services as separate processes: the shared stack."""
    return stack


def application_body() -> dict[str, object]:
    """A minimal urban dibao application of a one-person household."""
    return {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao", "medical_assistance"],
        "members": [{"resident_id": APPLICANT_ID, "name": "张桂兰", "relation": "self"}],
        "declared_monthly_income_fen": 45_000,
        "declared_assets_fen": 0,
        "authorisation": {
            "signed_by_resident_id": APPLICANT_ID,
            "signed_on": stack_day(-15),
            "document_ref": "甘州区-授权-2026-0001",
        },
    }


@pytest.mark.req("GEN-1", "GEN-2", "GEN-4", "SUP-1")
async def test_an_application_reaches_every_service_and_its_audit_trail(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)

        # given a township officer of the applicant's township
        officer = Clerk(services, client, "intake", "township_officer", TOWNSHIP)
        # when the application is accepted at the one door
        created = await officer.call(submit_application, body=application_body())
        assert created.status_code == 201, created.text
        case_id = created.json()["application_id"]
        assert created.json()["members"][0]["resident_id_masked"] != APPLICANT_ID

        # then verification opens its own case for the programme it decides
        county = Clerk(services, client, "verification", "county_officer", GANZHOU.code)

        async def verification_has_case() -> bool:
            return (await county.call(get_case, case_id=case_id)).status_code == 200

        await eventually(verification_has_case, message="verification never opened the case")
        case = (await county.call(get_case, case_id=case_id)).json()
        assert [p["programme"] for p in case["programmes"]] == ["urban_dibao"]

        # and payments tracks it in its funding pipeline
        payments = Clerk(services, client, "payments", "county_officer", GANZHOU.code)

        async def payments_sees_verification() -> bool:
            answer = await payments.call(get_pipeline_case, case_id=case_id)
            return answer.status_code == 200 and answer.json()["stage"] == "in_verification"

        await eventually(payments_sees_verification, message="payments never saw the case")

        # and supervision's audit trail shows the case's events from intake and verification
        inspector = Clerk(services, client, "supervision", "inspector", CITY)

        async def trail_has_both() -> bool:
            answer = await inspector.call(get_case_audit_trail, case_id=case_id)
            return answer.status_code == 200 and {"intake", "verification"} <= set(
                answer.json()["services"]
            )

        await eventually(trail_has_both, message="the audit trail never showed both services")
        trail = (await inspector.call(get_case_audit_trail, case_id=case_id)).json()
        first = trail["entries"][0]
        assert first["type"] == "intake.ApplicationSubmitted"
        assert first["actor"]["role"] == "township_officer"
        assert first["actor"]["division"] == TOWNSHIP
        assert first["reason"]
        opened = next(e for e in trail["entries"] if e["type"] == "verification.CaseOpened")
        assert opened["causation_id"] == first["event_id"]

        verdict = (await inspector.call(verify_case_audit_trail, case_id=case_id)).json()
        assert verdict["ok"] is True, verdict
        assert {c["service"] for c in verdict["chains"]} >= {"intake", "verification"}


@pytest.mark.req("INT-3", "GEN-6")
async def test_a_village_committee_cannot_accept_an_application(services: RunningServices) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        village = Clerk(services, client, "intake", "village_committee", GANZHOU.village)
        refused = await village.call(submit_application, body=application_body())
        assert refused.status_code == 403
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["code"] == "village-committee-cannot-accept"
        assert refused.json()["title_zh"]


@pytest.mark.req("GEN-8")
async def test_every_service_serves_its_openapi_3_1_document(services: RunningServices) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        for name in SERVICES:
            api = operation_client(services, name, services.token("inspector", CITY))
            # the document itself is no operation of the document: read it with the generated
            # client's own httpx client (its base URL and token set)
            document = (await api.get_async_httpx_client().get("/openapi.json")).json()
            assert document["openapi"].startswith("3.1"), name
            assert "bearerAuth" in document["components"]["securitySchemes"], name
            readiness = importlib.import_module(f"clients.{name}.api.operations.check_readiness")
            ready = await call(api, readiness)
            assert ready.json()["checks"] == {"database": True, "broker": True}, name
