"""Programmes decided by partner agencies, end to end through the public APIs only (issue #15,
acceptance 4; ADR 0032): medical assistance routed to the health insurance bureau is decided by
its role alone (the education bureau and a generic partner client are refused, nothing written),
and the decision reaches payments, paid once in the next run; what the education bureau pays
itself is recorded in the household's history; the public topics name no one."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import (
    get_beneficiary,
    get_paid_by_partner_history,
    list_case_payments,
)
from clients.supervision.api.audit import get_case_audit_trail
from tests.e2e.bus import read_records, record_text
from tests.e2e.flows import Agency, Clerk, County, answered, completed_run, funded, submitted
from tests.e2e.services import RunningServices
from tests.support import eventually

HONGGU = County("620111")  # 红古区: this module's county on the shared stack
ACCOUNT = "6228480012345670111"
APPLICANT = "何玉梅"
DISEASE = "尿毒症"
MEDICAL = {
    "outcome": "approved",
    "reason": "住院自付费用经核定，符合重特大疾病医疗救助条件",
    "policy_basis": "甘肃省医疗救助办法 第十二条",
    "amount_fen": 1_250_000,
}
EDUCATION = {
    "outcome": "approved",
    "reason": "在校学生，家庭经济困难",
    "policy_basis": "甘肃省教育救助实施办法",
    "amount_fen": 200_000,
}


@pytest.mark.req("INT-4", "GEN-6", "GEN-4", "PAY-8", "PAY-3", "INT-8", "GEN-7")
async def test_medical_assistance_is_decided_by_health_insurance_alone_and_paid_once(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        payments = Clerk(stack, client, "payments", "county_officer", HONGGU.code)
        health = Agency(stack, HONGGU, "health_insurance")
        education = Agency(stack, HONGGU, "education_bureau")
        # given a household asking for major-disease medical assistance and education assistance
        case_id = await _application(stack, client)
        version = await health.etag(case_id)
        # when the education bureau, and a generic partner client, decide medical assistance
        by_education = await education.decide(case_id, "medical_assistance", MEDICAL)
        by_partner = await Agency(stack, HONGGU, "partner_agency").decide(
            case_id, "medical_assistance", MEDICAL, etag=version
        )
        # then both are refused 403, naming the health insurance role, and nothing is written
        for refused in (by_education, by_partner):
            assert refused.status_code == 403, refused.text
            assert refused.headers["content-type"].startswith("application/problem+json")
            assert refused.json()["code"] == "not-the-competent-agency"
        assert by_education.json()["required_role"] == "health_insurance"
        assert by_partner.json()["required_roles"]["medical_assistance"] == "health_insurance"
        assert await health.etag(case_id) == version
        # when the health insurance clerk approves 12,500 yuan, and the education bureau its own
        decided = await health.decide(case_id, "medical_assistance", MEDICAL)
        assert decided.status_code == 200, decided.text
        schooled = await education.decide(case_id, "education_assistance", EDUCATION)
        assert schooled.status_code == 200, schooled.text
        # then payments enrols the medical assistance for the amount decided
        beneficiary = {"case_id": case_id, "programme": "medical_assistance"}
        await eventually(lambda: answered(payments, get_beneficiary, **beneficiary), timeout=60,
                         message="payments never enrolled the medical assistance")  # fmt: skip
        enrolled = (await payments.call(get_beneficiary, **beneficiary)).json()
        assert (enrolled["monthly_amount_fen"], enrolled["method"]) == (
            1_250_000,
            "agency_decision",
        )
        # and this month's and next month's runs pay it once, the whole amount
        await funded(payments, HONGGU, "medical_assistance", 5_000_000)
        await completed_run(payments, HONGGU, stack.period(0))
        await completed_run(payments, HONGGU, stack.period(1))
        ledger = (await payments.call(list_case_payments, case_id=case_id)).json()["items"]
        assert [(p["programme"], p["period"], p["amount_fen"], p["status"]) for p in ledger] == [
            ("medical_assistance", stack.period(0), 1_250_000, "settled")
        ]
        assert ACCOUNT not in str(ledger)
        # and the household's history shows the education assistance paid by the bureau itself
        history = await _paid_by_partner(payments, case_id)
        assert [
            (i["programme"], i["agency"], i["amount_fen"], i["decided_on"]) for i in history
        ] == [("education_assistance", "education", 200_000, stack.day(0))]
        # and the audit trail names the clerk who decided, under their role
        trail = await _trail(stack, client, case_id)
        deciders = {
            (e["actor"]["id"], e["actor"]["role"])
            for e in trail
            if e["type"] == "intake.ProgrammeDecidedByAgency"
        }
        assert deciders == {
            ("health_insurance-07", "health_insurance"),
            ("education_bureau-07", "education_bureau"),
        }
    # and the public topics carry the decisions without the applicant's name or account
    await _public_view_names_no_one(stack, case_id)


async def _application(stack: RunningServices, client: httpx.AsyncClient) -> str:
    person, child = HONGGU.resident(111), HONGGU.resident(112, born="20100301")
    return await submitted(stack, client, HONGGU, {
        "division_code": HONGGU.township, "registration": "rural",
        "programmes": ["medical_assistance", "education_assistance"],
        "programme_details": {"medical_assistance": {"kind": "major_disease", "disease": DISEASE}},
        "members": [{"resident_id": person, "name": APPLICANT, "relation": "self"},
                    {"resident_id": child, "name": "何小军", "relation": "child",
                     "schooling": "初中在读"}],
        "declared_monthly_income_fen": 40_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-3),
                          "document_ref": "红古区-授权-111"},
        "bank_account": ACCOUNT,
    })  # fmt: skip


async def _paid_by_partner(payments: Clerk, case_id: str) -> list[dict[str, Any]]:
    history = get_paid_by_partner_history
    await eventually(lambda: answered(payments, history, case_id=case_id), timeout=60,
                     message="payments never recorded the education assistance")  # fmt: skip
    return list((await payments.call(history, case_id=case_id)).json()["items"])


async def _trail(
    stack: RunningServices, client: httpx.AsyncClient, case_id: str
) -> list[dict[str, Any]]:
    inspector = Clerk(stack, client, "supervision", "inspector", HONGGU.code)

    async def entries() -> list[dict[str, Any]]:
        answer = await inspector.call(get_case_audit_trail, case_id=case_id, limit=200)
        return list(answer.json()["entries"]) if answer.status_code == 200 else []

    async def both_decisions() -> bool:
        types = [e["type"] for e in await entries()]
        return types.count("intake.ProgrammeDecidedByAgency") == 2

    await eventually(both_decisions, timeout=60, message="supervision never saw the decisions")
    return await entries()


async def _public_view_names_no_one(stack: RunningServices, case_id: str) -> None:
    namespace = stack.env["KAFKA_TOPIC_NAMESPACE"]
    bootstrap = stack.env["KAFKA_BOOTSTRAP_SERVERS"]

    async def of_case(topic: str) -> list[bytes]:
        records = await read_records(bootstrap, f"{namespace}.{topic}")
        return [record_text(r) for r in records if (r.key or b"") == case_id.encode()]

    internal = b"".join(await of_case("intake.internal"))
    public = b"".join(await of_case("intake.events") + await of_case("payments.events"))
    assert b"ProgrammeDecidedByAgency" in public and b"PaidByPartnerRecorded" in public
    assert b"ProgrammeRouted" in public
    assert APPLICANT.encode() in internal and ACCOUNT.encode() in internal  # the test can fail
    assert DISEASE.encode() in internal
    personal_data = (APPLICANT, ACCOUNT, HONGGU.resident(111), HONGGU.resident(112, "20100301"))
    # the diagnosis the household stated, and the reason the partner's clerk wrote (GEN-7)
    for personal in (*personal_data, DISEASE, str(MEDICAL["reason"])):
        assert personal.encode() not in public, personal
