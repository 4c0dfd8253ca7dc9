"""A household approved after its county's run of the month closed, end to end through the
public APIs only: the next month's run pays that month too, as back pay, and the audit trail
shows which month it was (PAY-3, PAY-4, ADR 0061)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.supervision.api.audit import get_case_audit_trail
from tests.e2e.flows import Clerk, County, answered, approved, completed_run, funded, submitted
from tests.e2e.services import RunningServices
from tests.e2e.test_payments_flow import (  # noqa: F401 - `services`: the module's own stack
    ACCOUNT,
    AT_600,
    services,
)
from tests.support import eventually

# 白银市白银区: this module's county on the stack it shares, so its runs of this month and the
# next are its own (a run may pay next month at the latest)
BAIYIN = County("620402")


async def _approved_today(stack: RunningServices, client: httpx.AsyncClient) -> str:
    """A household with a bank account approved today at 600 yuan a month; its case id."""
    person = BAIYIN.resident(540)
    case_id = await submitted(stack, client, BAIYIN, {
        "division_code": BAIYIN.township, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "马玉兰", "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-15),
                          "document_ref": "白银区-授权-540"},
        "bank_account": ACCOUNT,
    })  # fmt: skip
    await approved(stack, client, BAIYIN, case_id, "urban_dibao", AT_600)
    return case_id


@pytest.mark.req("PAY-3", "PAY-4")
async def test_a_household_approved_after_the_months_run_is_paid_that_month_in_the_next_run(
    services: RunningServices,  # noqa: F811 - the fixture imported above
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Clerk(services, client, "payments", "county_officer", BAIYIN.code)
        await client.post(f"{services.urls['bank']}/v1/control", json={})  # the bank simulator
        await funded(payments, BAIYIN, "urban_dibao", 5_000_000)
        # given the county's run of this month, closed
        await completed_run(payments, BAIYIN, services.period())
        # when a household is approved afterwards at 600 yuan a month, effective that day
        case_id = await _approved_today(services, client)
        beneficiary = {"case_id": case_id, "programme": "urban_dibao"}
        await eventually(
            lambda: answered(payments, get_beneficiary, **beneficiary),
            timeout=30, message="payments never enrolled the approved case",
        )  # fmt: skip
        # then next month's run pays next month and, as back pay, this one
        await completed_run(payments, BAIYIN, services.period(1))
        ledger = (await payments.call(list_beneficiary_payments, **beneficiary)).json()["items"]
        assert [
            (p["period"], p["amount_fen"], p["monthly_fen"], p["back_pay_fen"], p["status"])
            for p in ledger
        ] == [(services.period(1), 120_000, 60_000, 60_000, "settled")]
        # and the case's audit trail says which month the back pay is for
        inspector = Clerk(services, client, "supervision", "inspector", "620400")

        async def back_pay_in_trail() -> list[dict[str, Any]]:
            answer = await inspector.call(get_case_audit_trail, case_id=case_id)
            entries = answer.json().get("entries", []) if answer.status_code == 200 else []
            return [e for e in entries if e["type"] == "payments.BackPayCalculated"]

        async def trailed() -> bool:
            return bool(await back_pay_in_trail())

        await eventually(trailed, timeout=30, message="no back pay in the audit trail")
        (entry,) = await back_pay_in_trail()
        assert f"补发{services.period()} " in str(entry["reason"]), entry
        assert f"back pay for {services.period()} " in str(entry["reason"]), entry
