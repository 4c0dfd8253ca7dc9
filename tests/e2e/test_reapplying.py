"""INT-9 through the public APIs only: a claim on a programme lasts while the application is open
or the benefit is active, no longer. Medical assistance is a one-off (PAY-8): once the health
insurance bureau's grant is paid the person may need it, and apply for it, again; education
assistance the bureau pays itself holds nothing once decided. An open application still blocks
a second one."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from clients.intake.api.applications import submit_application
from clients.payments.api.beneficiaries import get_beneficiary, list_case_payments
from tests.e2e.flows import Agency, Answer, Clerk, County, answered, completed_run, funded
from tests.e2e.services import RunningServices
from tests.support import eventually

KONGTONG = County("620802")  # 崆峒区: this module's county on the shared stack
ACCOUNT = "6228480012345670802"
MEDICAL = {
    "outcome": "approved",
    "reason": "住院自付费用经核定，符合医疗救助条件",
    "policy_basis": "甘肃省医疗救助办法 第十二条",
    "amount_fen": 300_000,
}
EDUCATION = {
    "outcome": "approved",
    "reason": "在校学生，家庭经济困难",
    "policy_basis": "甘肃省教育救助实施办法",
    "amount_fen": 100_000,
}


@pytest.mark.req("INT-9", "PAY-8", "INT-4")
async def test_a_person_applies_again_for_medical_assistance_once_the_first_grant_is_paid(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        township = Clerk(stack, client, "intake", "township_officer", KONGTONG.township)
        payments = Clerk(stack, client, "payments", "county_officer", KONGTONG.code)
        health = Agency(stack, KONGTONG, "health_insurance")
        # given an open application for medical and education assistance
        first = await _applied(stack, township, ["medical_assistance", "education_assistance"])
        assert first.status_code == 201, first.text
        case_id = str(first.json()["application_id"])
        # then, while it is open, a second one for medical assistance is refused (INT-9)
        blocked = await _applied(stack, township, ["medical_assistance"])
        assert (blocked.status_code, blocked.json()["code"]) == (409, "duplicate-open-application")
        assert blocked.json()["field"] == "members.0.resident_id"
        # when the education bureau grants education assistance it pays itself
        schooled = await Agency(stack, KONGTONG, "education_bureau").decide(
            case_id, "education_assistance", EDUCATION
        )
        assert schooled.status_code == 200, schooled.text
        # then the person may apply for education assistance again at once
        education = await _applied(stack, township, ["education_assistance"])
        assert education.status_code == 201, education.text
        # when health insurance grants medical assistance and this month's run pays it
        decided = await health.decide(case_id, "medical_assistance", MEDICAL)
        assert decided.status_code == 200, decided.text
        beneficiary = {"case_id": case_id, "programme": "medical_assistance"}
        await eventually(lambda: answered(payments, get_beneficiary, **beneficiary), timeout=60,
                         message="payments never enrolled the medical assistance")  # fmt: skip
        await funded(payments, KONGTONG, "medical_assistance", 1_000_000)
        await completed_run(payments, KONGTONG, stack.period(0))
        ledger = (await payments.call(list_case_payments, case_id=case_id)).json()["items"]
        assert [(p["amount_fen"], p["status"]) for p in ledger] == [(300_000, "settled")]
        # then the person may apply for medical assistance again
        again = await _eventually_accepted(stack, township, ["medical_assistance"])
        # and that new open application blocks a third one
        third = await _applied(stack, township, ["medical_assistance"])
        assert (third.status_code, third.json()["code"]) == (409, "duplicate-open-application")
        assert again.json()["application_id"] != case_id


async def _applied(stack: RunningServices, township: Clerk, programmes: list[str]) -> Answer:
    return await township.call(submit_application, body=_application(stack, programmes))


async def _eventually_accepted(
    stack: RunningServices, township: Clerk, programmes: list[str]
) -> Answer:
    """The application, once the claim is freed (payments' end of the one-off reaches intake
    through the broker); a refusal writes nothing, so trying again is safe."""
    answers: list[Answer] = []

    async def accepted() -> bool:
        answers.append(await _applied(stack, township, programmes))
        return answers[-1].status_code == 201

    await eventually(accepted, timeout=60, message=f"{programmes} never accepted again")
    return answers[-1]


def _application(stack: RunningServices, programmes: list[str]) -> dict[str, Any]:
    person = KONGTONG.resident(21)
    return {
        "division_code": KONGTONG.township, "registration": "urban", "programmes": programmes,
        "members": [{"resident_id": person, "name": "马德福", "relation": "self"}],
        "declared_monthly_income_fen": 30_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-2),
                          "document_ref": "崆峒区-授权-021"},
        "bank_account": ACCOUNT,
    }  # fmt: skip
