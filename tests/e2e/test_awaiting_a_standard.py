"""A household approved by rule in a county that has no standard yet, end to end through the public
APIs only (ADR 0041): payments enrols it awaiting a standard instead of dead-lettering the
approval, the month's run lists it unpayable with the reason `no-standard`, supervision alerts the
county, and once the county sets its standard the next run pays it with back pay, to the fen."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.payments.api.standards import set_standard
from clients.supervision.api.detectors import list_alerts
from clients.verification.api.cases import get_case_programme
from tests.e2e.flows import Clerk, County, approved, completed_run, funded, submitted
from tests.e2e.services import RunningServices
from tests.support import eventually

JINGYUAN = County("620421")  # 靖远县: this module's county on the shared stack
ACCOUNT = "6228480012345670421"
STANDARD = 80_000  # the county's first urban dibao standard, per person per month


async def _approved_by_rule(stack: RunningServices, client: httpx.AsyncClient) -> str:
    """A one-person urban household approved without an amount (by rule); its case id."""
    person = JINGYUAN.resident(421)
    case_id = await submitted(stack, client, JINGYUAN, {
        "division_code": JINGYUAN.township, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "杨玉兰", "relation": "self"}],
        "declared_monthly_income_fen": 20_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-15),
                          "document_ref": "靖远县-授权-421"},
        "bank_account": ACCOUNT,
    })  # fmt: skip
    by_rule = {"decision": "approve", "reason": "经入户调查和公示，符合城市低保条件"}
    await approved(stack, client, JINGYUAN, case_id, "urban_dibao", by_rule)
    return case_id


async def _shown(payments: Clerk, beneficiary: dict[str, str], method: str) -> dict[str, Any]:
    """The beneficiary as payments shows it, once its entitlement's method is `method`."""

    async def reached() -> bool:
        answer = await payments.call(get_beneficiary, **beneficiary)
        return answer.status_code == 200 and answer.json()["method"] == method

    await eventually(reached, timeout=30, message=f"{beneficiary} never showed {method}")
    return dict((await payments.call(get_beneficiary, **beneficiary)).json())


async def _alerts(inspector: Clerk, case_id: str) -> list[dict[str, Any]]:
    answer = await inspector.call(list_alerts, detector="unpayable_beneficiary")
    items = answer.json().get("items", []) if answer.status_code == 200 else []
    return [a for a in items if case_id in a["case_ids"]]


@pytest.mark.req("PAY-2", "PAY-3", "PAY-4", "SUP-3")
async def test_an_approval_by_rule_without_a_standard_is_listed_alerted_and_paid_once_set(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        payments = Clerk(stack, client, "payments", "county_officer", JINGYUAN.code)
        # given a household approved by rule in a county with no urban dibao standard
        case_id = await _approved_by_rule(stack, client)
        beneficiary = {"case_id": case_id, "programme": "urban_dibao"}
        verification = Clerk(stack, client, "verification", "county_officer", JINGYUAN.code)
        file = (await verification.call(get_case_programme, **beneficiary)).json()
        assert (file["amount_basis"], file["approved_monthly_amount_fen"]) == ("rule", 0)
        # then payments enrols it anyway, at 0, awaiting a standard, and says which is missing
        waiting = await _shown(payments, beneficiary, "awaiting_standard")
        assert waiting["monthly_amount_fen"] == 0
        assert f"{JINGYUAN.code}/urban_dibao" in waiting["explanation_en"]
        await funded(payments, JINGYUAN, "urban_dibao", 5_000_000)
        # when this month's run is executed
        first = await completed_run(payments, JINGYUAN, stack.period())
        # then the household is listed unpayable for want of a standard (not dead-lettered)
        assert {
            "case_id": case_id, "programme": "urban_dibao", "division_code": JINGYUAN.township,
            "reason": "no-standard",
        } in first["unpayable"]  # fmt: skip
        # and supervision alerts the county, naming the reason
        inspector = Clerk(stack, client, "supervision", "inspector", "620400")

        async def alerted() -> bool:
            return bool(await _alerts(inspector, case_id))

        await eventually(alerted, timeout=30, message="supervision raised no alert")
        [alert] = await _alerts(inspector, case_id)
        assert alert["division_code"] == JINGYUAN.code
        assert (alert["evidence"]["reason"], alert["evidence"]["period"]) == (
            "no-standard", stack.period(),
        )  # fmt: skip
        # when the county sets its standard from the first of this month, before the approval
        answer = await payments.call(set_standard, body={
            "division_code": JINGYUAN.code, "programme": "urban_dibao",
            "effective_from": f"{stack.period(0)}-01", "monthly_per_person_fen": STANDARD,
            "reason": "靖远县民政局、财政局联合发文确定城市低保标准",
        })  # fmt: skip
        assert answer.status_code == 201, answer.text
        # then payments computes the household's amount by rule from its approval's date
        income = int(file["assessed_monthly_income_fen"])
        gap = STANDARD - income  # (standard − per-capita income) × 1 member
        assert gap > 0
        computed = await _shown(payments, beneficiary, "dibao_gap")
        assert computed["monthly_amount_fen"] == gap
        assert computed["effective_from"] == waiting["effective_from"]  # the approval's date
        # and next month's run pays it, this month's missed amount as back pay
        second = await completed_run(payments, JINGYUAN, stack.period(1))
        assert case_id not in {u["case_id"] for u in second["unpayable"]}
        ledger = (await payments.call(list_beneficiary_payments, **beneficiary)).json()["items"]
        assert [
            (p["period"], p["monthly_fen"], p["back_pay_fen"], p["amount_fen"], p["status"])
            for p in ledger
        ] == [(stack.period(1), gap, gap, 2 * gap, "settled")]
        # and the county's alert stays the one of the month it could not be paid
        assert [a["evidence"]["period"] for a in await _alerts(inspector, case_id)] == [
            stack.period()
        ]
