"""An approved household without a bank account, end to end through the public APIs only: the
run lists it unpayable, supervision alerts the county, and once the township records an account
the next run pays it, the month it could not be paid too (PAY-3, ADR 0061)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import (
    change_bank_account,
    get_beneficiary,
    list_beneficiary_payments,
)
from clients.supervision.api.detectors import list_alerts
from tests.e2e.flows import Clerk, County, answered, approved, completed_run, funded, submitted
from tests.e2e.services import RunningServices
from tests.e2e.test_payments_flow import (  # noqa: F401 - `services`: the module's own stack
    ACCOUNT,
    services,
)
from tests.support import eventually

# 兰州市七里河区: this module's county on the stack it shares, so its runs of this month and the
# next are its own (a run may pay next month at the latest)
QILIHE = County("620103")


async def _approved_without_account(
    stack: RunningServices, client: httpx.AsyncClient, county: County
) -> str:
    """A household approved at 600 yuan a month (the county fixing the township's proposal) whose
    application names no bank account; its case id."""
    person = county.resident(530)
    case_id = await submitted(stack, client, county, {
        "division_code": county.township, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "王秀英", "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-15),
                          "document_ref": "七里河区-授权-530"},
    })  # fmt: skip
    await approved(stack, client, county, case_id, "urban_dibao", {
        "decision": "approve", "reason": "符合条件", "override_monthly_amount_fen": 60_000,
        "override_reason": "按乡镇审核意见核定每月600元"})  # fmt: skip
    return case_id


@pytest.mark.req("PAY-3", "SUP-3")
async def test_a_household_without_an_account_is_listed_alerted_and_paid_once_one_is_added(
    services: RunningServices,  # noqa: F811 - the fixture imported above
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        county = QILIHE
        payments = Clerk(services, client, "payments", "county_officer", county.code)
        await client.post(f"{services.urls['bank']}/v1/control", json={})  # the bank simulator
        # given a household approved at 600 yuan a month without a bank account
        case_id = await _approved_without_account(services, client, county)
        beneficiary = {"case_id": case_id, "programme": "urban_dibao"}
        await eventually(
            lambda: answered(payments, get_beneficiary, case_id=case_id, programme="urban_dibao"),
            timeout=30, message="payments never enrolled the approved case",
        )  # fmt: skip
        enrolled = await payments.call(get_beneficiary, **beneficiary)
        assert enrolled.json()["bank_account_masked"] is None
        await funded(payments, county, "urban_dibao", 5_000_000)
        # when this month's run is executed
        first = await completed_run(payments, county, services.period())
        # then the household is listed unpayable, with the reason
        assert {
            "case_id": case_id, "programme": "urban_dibao", "division_code": county.township,
            "reason": "no-bank-account",
        } in first["unpayable"]  # fmt: skip
        # and supervision raises an alert for the county
        inspector = Clerk(services, client, "supervision", "inspector", "620100")

        async def alerts() -> list[dict[str, Any]]:
            answer = await inspector.call(list_alerts, detector="unpayable_beneficiary")
            items = answer.json().get("items", []) if answer.status_code == 200 else []
            return [a for a in items if case_id in a["case_ids"]]

        async def alerted() -> bool:
            return bool(await alerts())

        await eventually(alerted, timeout=30, message="supervision raised no alert")
        alert = (await alerts())[0]
        assert alert["division_code"] == county.code
        # when the township officer records the household's account with the ETag read
        township = Clerk(services, client, "payments", "township_officer", county.township)

        async def account_recorded() -> bool:
            etag = (await payments.call(get_beneficiary, **beneficiary)).headers["ETag"]
            answer = await township.call(
                change_bank_account, etag=etag, **beneficiary,
                body={"bank_account": ACCOUNT, "reason": "户主补录社保卡账户"},
            )  # fmt: skip
            assert answer.status_code in (200, 412), answer.text  # 412: the view lagged
            return answer.status_code == 200 and ACCOUNT not in answer.text

        await eventually(account_recorded, timeout=30, message="the account was never recorded")
        # then the run of the month after pays the household into it, with the month it could
        # not be paid as back pay (ADR 0061)
        second = await completed_run(payments, county, services.period(1))
        assert case_id not in {u["case_id"] for u in second["unpayable"]}
        ledger = (await payments.call(list_beneficiary_payments, **beneficiary)).json()["items"]
        assert [(p["period"], p["amount_fen"], p["back_pay_fen"], p["status"]) for p in ledger] == [
            (services.period(1), 120_000, 60_000, "settled")
        ]
        assert ACCOUNT not in str(ledger)
