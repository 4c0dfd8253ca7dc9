"""Programme kinds end to end through the public APIs only (ADR 0023, PAY-3, PAY-8): temporary
assistance approved by the county is paid once, in the run of its month, and never again; the
disability subsidies decided by the disabled persons' federation are paid every month for each
eligible person, not for every member of the household."""

from __future__ import annotations

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.payments.api.standards import set_standard
from tests.e2e.flows import (
    Agency,
    Clerk,
    County,
    answered,
    approved,
    completed_run,
    funded,
    submitted,
)
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
        beneficiary = {"case_id": case_id, "programme": "temporary_assistance"}
        await eventually(lambda: answered(payments, get_beneficiary, **beneficiary), timeout=30,
                         message="payments never enrolled the approved case")  # fmt: skip
        await funded(payments, YONGDENG, "temporary_assistance", 1_000_000)
        # when this month's run and next month's run are executed
        await completed_run(payments, YONGDENG, stack.period(0))
        await completed_run(payments, YONGDENG, stack.period(1))
        # then the household was paid once, in this month's run, the whole amount
        ledger = (await payments.call(list_beneficiary_payments, **beneficiary)).json()["items"]
        assert [(p["period"], p["amount_fen"], p["status"]) for p in ledger] == [
            (stack.period(0), 150_000, "settled")
        ]
        assert ACCOUNT not in str(ledger)


YUZHONG = County("620123")  # 榆中县
SUBSIDY_PER_PERSON = 10_000  # the county's 两项补贴 standard: 100 yuan a month per person


@pytest.mark.req("PAY-3", "PAY-1", "INT-4")
async def test_the_disability_subsidies_are_paid_monthly_for_each_eligible_person_only(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        payments = Clerk(stack, client, "payments", "county_officer", YUZHONG.code)
        federation = Agency(stack, YUZHONG, "disabled_persons_federation")
        # given the county's standard for the disability subsidies, in force this month
        standard = await payments.call(set_standard, body={
            "division_code": YUZHONG.code, "programme": "disability_subsidies",
            "effective_from": f"{stack.period(0)}-01",
            "monthly_per_person_fen": SUBSIDY_PER_PERSON,
            "reason": "县残联、财政局联合发文"})  # fmt: skip
        assert standard.status_code == 201, standard.text
        # and a household of three of whom two hold a disability certificate
        head, spouse, son = (YUZHONG.resident(n) for n in (231, 232, 233))
        case_id = await submitted(stack, client, YUZHONG, {
            "division_code": YUZHONG.township, "registration": "rural",
            "programmes": ["disability_subsidies"],
            "members": [
                {"resident_id": head, "name": "王志强", "relation": "self", "disability_grade": 2},
                {"resident_id": spouse, "name": "刘秀珍", "relation": "spouse"},
                {"resident_id": son, "name": "王小龙", "relation": "child", "disability_grade": 1},
            ],
            "declared_monthly_income_fen": 80_000, "declared_assets_fen": 0,
            "authorisation": {"signed_by_resident_id": head, "signed_on": stack.day(-5),
                              "document_ref": "榆中县-授权-231"},
            "bank_account": ACCOUNT,
        })  # fmt: skip
        # when the disabled persons' federation approves the subsidies for the two
        decided = await federation.decide(case_id, "disability_subsidies", {
            "outcome": "approved",
            "reason": "经评定，两人符合困难残疾人生活补贴和重度残疾人护理补贴条件",
            "policy_basis": "甘肃省残疾人两项补贴实施办法", "persons": 2})  # fmt: skip
        assert decided.status_code == 200, decided.text
        beneficiary = {"case_id": case_id, "programme": "disability_subsidies"}
        await eventually(lambda: answered(payments, get_beneficiary, **beneficiary), timeout=60,
                         message="payments never enrolled the subsidies")  # fmt: skip
        await funded(payments, YUZHONG, "disability_subsidies", 1_000_000)
        # and this month's and next month's runs are executed
        await completed_run(payments, YUZHONG, stack.period(0))
        await completed_run(payments, YUZHONG, stack.period(1))
        # then each month pays the standard for the two eligible persons, not the household of 3
        ledger = (await payments.call(list_beneficiary_payments, **beneficiary)).json()["items"]
        assert [(p["period"], p["amount_fen"], p["status"]) for p in ledger] == [
            (stack.period(0), 2 * SUBSIDY_PER_PERSON, "settled"),
            (stack.period(1), 2 * SUBSIDY_PER_PERSON, "settled"),
        ]
