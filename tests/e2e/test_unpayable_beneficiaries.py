"""An approved household without a bank account, end to end through the public APIs only: the
run lists it unpayable, supervision alerts the county, and once the township records an account
the next run pays it (PAY-3)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.e2e.services import RunningServices
from tests.e2e.test_payments_flow import (  # noqa: F401 - `services`: the module's own stack
    ACCOUNT,
    COUNTY,
    TOWNSHIP,
    Payments,
    approved_case,
    services,
)
from tests.support import eventually


async def _ok(answer: Any) -> bool:
    try:
        return bool((await answer).status_code == 200)
    except httpx.TransportError:
        return False


async def _completed_run(payments: Payments, period: str) -> dict[str, Any]:
    """Start the county's run for a period and wait until it is reconciled."""
    started = await payments.post(
        "/v1/runs", {"county_code": COUNTY, "period": period, "reason": f"{period}月度发放"}
    )
    assert started.status_code == 201, started.text
    url = f"/v1/runs/{started.json()['run_id']}"

    async def completed() -> bool:
        answer = await payments.get(url)
        return answer.status_code == 200 and answer.json()["status"] == "completed"

    await eventually(completed, timeout=60, message=f"the {period} run never completed")
    return dict((await payments.get(url)).json())


async def _funds(payments: Payments) -> None:
    movement = {"county_code": COUNTY, "programme": "urban_dibao", "source": "county",
                "amount_fen": 5_000_000, "reason": "县级配套资金"}  # fmt: skip
    account = await payments.get(f"/v1/funds/{COUNTY}/urban_dibao")
    etag = account.headers.get("ETag") if account.status_code == 200 else None
    allocated = await payments.post("/v1/funds/allocations", movement, etag=etag)
    assert allocated.status_code == 201, allocated.text
    arrived = await payments.post("/v1/funds/arrivals", movement, etag=allocated.headers["ETag"])
    assert arrived.status_code == 201, arrived.text


@pytest.mark.req("PAY-3", "SUP-3")
async def test_a_household_without_an_account_is_listed_alerted_and_paid_once_one_is_added(
    services: RunningServices,  # noqa: F811 - the fixture imported above
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Payments(services, client)
        await client.post(f"{services.urls['bank']}/v1/control", json={})
        # given a household approved at 600 yuan a month without a bank account
        case_id = await approved_case(services, client, 530, bank_account=None)
        beneficiary = f"/v1/beneficiaries/{case_id}/urban_dibao"
        await eventually(lambda: _ok(payments.get(beneficiary)), timeout=30,
                         message="payments never enrolled the approved case")  # fmt: skip
        assert (await payments.get(beneficiary)).json()["bank_account_masked"] is None
        await _funds(payments)
        # when next month's run is executed
        first = await _completed_run(payments, services.period(1))
        # then the household is listed unpayable, with the reason
        assert {
            "case_id": case_id, "programme": "urban_dibao", "division_code": TOWNSHIP,
            "reason": "no-bank-account",
        } in first["unpayable"]  # fmt: skip
        # and supervision raises an alert for the county
        inspector = services.auth("inspector", "620100")
        alerts = f"{services.urls['supervision']}/v1/alerts?detector=unpayable_beneficiary"

        async def alerted() -> bool:
            answer = await client.get(alerts, headers=inspector)
            items = answer.json().get("items", []) if answer.status_code == 200 else []
            return any(case_id in a["case_ids"] for a in items)

        await eventually(alerted, timeout=30, message="supervision raised no alert")
        alert = next(
            a
            for a in (await client.get(alerts, headers=inspector)).json()["items"]
            if case_id in a["case_ids"]
        )
        assert alert["division_code"] == COUNTY
        # when the township officer records the household's account with the ETag read
        township = services.auth("township_officer", TOWNSHIP)

        async def account_recorded() -> bool:
            etag = (await payments.get(beneficiary)).headers["ETag"]
            answer = await client.put(
                f"{services.urls['payments']}{beneficiary}/bank-account",
                json={"bank_account": ACCOUNT, "reason": "户主补录社保卡账户"},
                headers={**township, "Idempotency-Key": str(uuid.uuid4()), "If-Match": etag},
            )  # fmt: skip
            assert answer.status_code in (200, 412), answer.text  # 412: the view lagged
            return answer.status_code == 200 and ACCOUNT not in answer.text

        await eventually(account_recorded, timeout=30, message="the account was never recorded")
        # then the run of the month after pays the household into it
        second = await _completed_run(payments, services.period(2))
        assert case_id not in {u["case_id"] for u in second["unpayable"]}
        ledger = (await payments.get(f"{beneficiary}/payments")).json()["items"]
        assert [(p["period"], p["amount_fen"], p["status"]) for p in ledger] == [
            (services.period(2), 60_000, "settled")
        ]
        assert ACCOUNT not in str(ledger)
