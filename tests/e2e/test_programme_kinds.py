"""Programme kinds end to end through the public APIs only (ADR 0023, PAY-3, PAY-8): temporary
assistance approved by the county is paid once, in the run of its month, and never again."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.flows import Clerk, County, answered, approved, completed_run, funded, submitted
from tests.e2e.services import RunningServices
from tests.support import eventually

YONGDENG = County("620121")  # 永登县: this module's county on the shared stack
ACCOUNT = "6228480012345670121"


@pytest.mark.req("PAY-3", "PAY-8", "VER-6")
async def test_temporary_assistance_is_paid_once_in_the_run_of_its_month(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        payments = Clerk(stack, client, "payments", "county_officer", YONGDENG.code)
        # given temporary assistance of 1,500 yuan approved by the county for a household
        person = YONGDENG.resident(121)
        case_id = await submitted(stack, client, YONGDENG, {
            "division_code": YONGDENG.township, "registration": "rural",
            "programmes": ["temporary_assistance"],
            "members": [{"resident_id": person, "name": "马福成", "relation": "self"}],
            "declared_monthly_income_fen": 30_000, "declared_assets_fen": 0,
            "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-15),
                              "document_ref": "永登县-授权-121"},
            "bank_account": ACCOUNT,
        })  # fmt: skip
        await approved(stack, client, YONGDENG, case_id, "temporary_assistance", {
            "decision": "approve", "reason": "突发火灾致基本生活困难",
            "override_monthly_amount_fen": 150_000,
            "override_reason": "临时救助一次性发放1500元"})  # fmt: skip
        beneficiary = f"/v1/beneficiaries/{case_id}/temporary_assistance"
        await eventually(lambda: answered(payments, beneficiary), timeout=30,
                         message="payments never enrolled the approved case")  # fmt: skip
        await funded(payments, YONGDENG, "temporary_assistance", 1_000_000)
        # when this month's run and next month's run are executed
        await completed_run(payments, YONGDENG, stack.period(0))
        await completed_run(payments, YONGDENG, stack.period(1))
        # then the household was paid once, in this month's run, the whole amount
        ledger = (await payments.get(f"{beneficiary}/payments")).json()["items"]
        assert [(p["period"], p["amount_fen"], p["status"]) for p in ledger] == [
            (stack.period(0), 150_000, "settled")
        ]
        assert ACCOUNT not in str(ledger)
