"""A death reported by public security, end to end through the public APIs only: payment stops
from the next period, the termination review opens, supervision alerts the county; a death found
at the first check blocks approval unless overridden with a reason (VER-7, PAY-3, SUP-3)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.supervision.api.audit import get_case_audit_trail
from clients.supervision.api.detectors import list_alerts
from clients.supervision.models.detector import Detector
from clients.verification.api.county import (
    decide_case,
    form_batch,
    record_spot_check,
    resume_benefit,
    terminate_benefit,
)
from clients.verification.api.notices import publish_notice
from clients.verification.api.partner_life_events import report_life_events
from clients.verification.api.township import (
    record_investigation,
    submit_proposal,
    verify_household_economy,
)
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import (
    Answer,
    Clerk,
    County,
    answered,
    approved,
    completed_run,
    funded,
    submitted,
)
from tests.e2e.services import RunningServices
from tests.e2e.test_payments_flow import ACCOUNT, COUNTY, TOWNSHIP, VILLAGE
from tests.e2e.test_verification_happy_path import Officer, ok, resident
from tests.support import eventually

CITY = "620100"  # the city public security bureau reports for all its districts
HERE = County(COUNTY)


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services and the simulators; a zero-day notice period so approval can follow."""
    with own_stack(
        "e2e-deaths",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
        },
    ) as running:
        yield running


async def _answer_is(answer: Awaitable[Answer], check: Callable[[Any], Any]) -> bool:
    try:
        response = await answer
    except httpx.TransportError:
        return False
    return response.status_code == 200 and bool(check(response.json()))


def _application(services: RunningServices, sequence: int, name: str) -> dict[str, Any]:
    """A one-person urban dibao application with a bank account."""
    person = resident(sequence)
    return {
        "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": name, "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": services.day(-15),
                          "document_ref": f"城关区-授权-{sequence}"},
        "bank_account": ACCOUNT,
    }  # fmt: skip


async def _approved_case(
    services: RunningServices, client: httpx.AsyncClient, sequence: int
) -> str:
    """An application taken through verification to approval at the township's 600 yuan."""
    case_id = await submitted(services, client, HERE, _application(services, sequence, "王秀英"))
    decision = {"decision": "approve", "reason": "符合条件", "override_monthly_amount_fen": 60_000,
                "override_reason": "按乡镇审核意见核定每月600元"}  # fmt: skip
    await approved(services, client, HERE, case_id, "urban_dibao", decision)
    return case_id


async def _periods_paid(payments: Clerk, case_id: str) -> list[str]:
    answer = await payments.call(
        list_beneficiary_payments, case_id=case_id, programme="urban_dibao"
    )
    assert answer.status_code == 200, answer.text
    return sorted(p["period"] for p in answer.json()["items"] if p["status"] == "settled")


@pytest.mark.req("VER-7", "PAY-3", "SUP-3")
async def test_a_death_reported_by_public_security_stops_payment_and_alerts_the_county(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Clerk(services, client, "payments", "county_officer", COUNTY)
        county = Officer(services, client, "county_officer", COUNTY)
        # given two beneficiaries approved and enrolled, both paid for the current period
        dying, living = (await _approved_case(services, client, 701),
                         await _approved_case(services, client, 702))  # fmt: skip
        for case_id in (dying, living):
            await eventually(
                lambda c=case_id: _answer_is(
                    payments.call(get_beneficiary, case_id=c, programme="urban_dibao"),
                    lambda r: True,
                ),
                timeout=30,
                message="payments never enrolled the approved case",
            )
        await funded(payments, HERE, "urban_dibao", 1_000_000)
        await completed_run(payments, HERE, services.period())
        assert await _periods_paid(payments, dying) == [services.period()]
        # when public security reports the first beneficiary's death today
        police = Clerk(services, client, "verification", "public_security", CITY)
        feed = await police.call(
            report_life_events,
            body={"records": [{"kind": "death", "resident_id": resident(701),
                               "died_on": services.day(), "source_ref": "公安-死亡-701",
                               "reported_by_department": "public_security"}]},
        )  # fmt: skip
        assert feed.status_code == 200, feed.text
        assert feed.json()["results"][0]["outcome"] == "matched"
        # then the case waits for the county's termination review, the death on record
        detail = (await county.case(dying)).json()
        assert detail["stage"] == "termination_review", detail
        assert detail["deaths_reported"][0]["died_on"] == services.day()
        # and payments suspends the benefit
        await eventually(
            lambda: _answer_is(
                payments.call(get_beneficiary, case_id=dying, programme="urban_dibao"),
                lambda r: r["status"] == "suspended",
            ),
            timeout=30,
            message="payments never suspended the benefit",
        )
        # and payments' suspension says why: the death public security reported
        inspector = Clerk(services, client, "supervision", "inspector", CITY)

        async def payments_suspensions() -> list[dict[str, Any]]:
            answer = await inspector.call(get_case_audit_trail, case_id=dying, limit=200)
            entries = answer.json()["entries"] if answer.status_code == 200 else []
            return [e for e in entries if e["type"] == "payments.BeneficiarySuspended"]

        await eventually(
            lambda: _truthy(payments_suspensions()), timeout=30, message="no suspension in trail"
        )
        [suspension] = await payments_suspensions()
        assert "死亡" in suspension["reason"] and "县级" not in suspension["reason"], suspension
        # and next period's run pays the living household but nothing to the deceased's
        await completed_run(payments, HERE, services.period(1))
        assert await _periods_paid(payments, dying) == [services.period()]
        assert await _periods_paid(payments, living) == [services.period(), services.period(1)]
        # and supervision shows the county the alert that a beneficiary died
        supervision = Clerk(services, client, "supervision", "county_officer", COUNTY)

        async def death_alerts() -> list[dict[str, Any]]:
            answer = await supervision.call(list_alerts, detector=Detector.DEATH_REPORTED)
            assert answer.status_code == 200, answer.text
            return [a for a in answer.json()["items"] if dying in a["case_ids"]]

        await eventually(
            lambda: _truthy(death_alerts()), timeout=30, message="no death_reported alert"
        )
        alert = (await death_alerts())[0]
        assert alert["division_code"] == TOWNSHIP
        assert alert["evidence"]["source_ref"] == "公安-死亡-701"
        assert resident(701) not in str(alert) and ACCOUNT not in str(alert)
        # and the county ends the benefit through the termination route
        first_of_next = f"{services.period(1)}-01"
        ended = await county.step(
            dying,
            terminate_benefit,
            {"effective_from": first_of_next, "reason": "公安部门通报死亡"},
        )
        await ok(ended, "terminated")


# 白银市白银区: the survivors' county on this stack, so its runs of this month and the next are
# the story's own (a run may pay next month at the latest)
BAIYIN = County("620402")


async def _approved_couple(services: RunningServices, client: httpx.AsyncClient) -> str:
    """A two-person household approved today at 1,200 yuan a month, paid into the applicant's
    account; its case id."""
    applicant, spouse = BAIYIN.resident(721), BAIYIN.resident(722)
    case_id = await submitted(services, client, BAIYIN, {
        "division_code": BAIYIN.township, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": applicant, "name": "马玉兰", "relation": "self"},
                    {"resident_id": spouse, "name": "杨志强", "relation": "spouse"}],
        "declared_monthly_income_fen": 30_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": applicant, "signed_on": services.day(-15),
                          "document_ref": "白银区-授权-721"},
        "bank_account": ACCOUNT,
    })  # fmt: skip
    decision = {"decision": "approve", "reason": "符合条件", "override_monthly_amount_fen": 120_000,
                "override_reason": "两人户，按乡镇审核意见核定每月1200元"}  # fmt: skip
    await approved(services, client, BAIYIN, case_id, "urban_dibao", decision)
    return case_id


@pytest.mark.req("VER-7", "PAY-3")
async def test_after_a_members_death_the_county_pays_the_survivor_again_and_the_months_missed(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Clerk(services, client, "payments", "county_officer", BAIYIN.code)
        county = Officer(services, client, "county_officer", BAIYIN.code)
        await funded(payments, BAIYIN, "urban_dibao", 5_000_000)
        # given a couple approved and enrolled at 1,200 yuan a month
        case_id = await _approved_couple(services, client)
        benefit = {"case_id": case_id, "programme": "urban_dibao"}
        await eventually(
            lambda: answered(payments, get_beneficiary, **benefit),
            timeout=30, message="payments never enrolled the approved case",
        )  # fmt: skip
        # when public security reports the spouse dead since before this month
        police = Clerk(services, client, "verification", "public_security", "620400")
        feed = await police.call(
            report_life_events,
            body={"records": [{"kind": "death", "resident_id": BAIYIN.resident(722),
                               "died_on": services.day(-40), "source_ref": "公安-死亡-722",
                               "reported_by_department": "public_security"}]},
        )  # fmt: skip
        assert feed.json()["results"][0]["outcome"] == "matched", feed.text
        await eventually(
            lambda: _answer_is(
                payments.call(get_beneficiary, **benefit), lambda r: r["status"] == "suspended"
            ),
            timeout=30, message="payments never suspended the benefit",
        )  # fmt: skip
        # and this month's run closes while the county reviews: nothing is paid to the household
        await completed_run(payments, BAIYIN, services.period())
        assert await _periods_paid(payments, case_id) == []
        # then the county pays the survivor again from this month, at a one-person amount
        this_month = f"{services.period()}-01"
        resumed = await county.step(case_id, resume_benefit, {
            "approved_monthly_amount_fen": 60_000, "effective_from": this_month,
            "reason": "配偶死亡，经核查申请人仍符合条件，按一人户核定每月600元",
        })  # fmt: skip
        await ok(resumed, "approved")
        await eventually(
            lambda: _answer_is(
                payments.call(get_beneficiary, **benefit), lambda r: r["status"] == "active"
            ),
            timeout=30, message="payments never resumed the benefit",
        )  # fmt: skip
        # and next month's run pays next month and, as back pay, this month at 600 yuan
        await completed_run(payments, BAIYIN, services.period(1))
        ledger = (await payments.call(list_beneficiary_payments, **benefit)).json()["items"]
        assert [
            (p["period"], p["amount_fen"], p["monthly_fen"], p["back_pay_fen"], p["status"])
            for p in ledger
        ] == [(services.period(1), 120_000, 60_000, 60_000, "settled")]


async def _truthy(answer: Awaitable[Any]) -> bool:
    return bool(await answer)


async def _case_at_notice(services: RunningServices, client: httpx.AsyncClient, seq: int) -> str:
    """An application taken through verification to the end of its (zero-day) notice."""
    case_id = await submitted(services, client, HERE, _application(services, seq, "李桂兰"))
    township = Officer(services, client, "township_officer", TOWNSHIP)
    county = Officer(services, client, "county_officer", COUNTY)
    await eventually(
        lambda: _answer_is(township.case(case_id), lambda r: True), message="no case opened"
    )
    await ok(await township.step(case_id, verify_household_economy, {}), "investigation")
    visit = {"staff": ["王明", "李华"], "visited_on": services.day(-8), "findings": "情况属实"}
    await ok(await township.step(case_id, record_investigation, visit), "township_review")
    proposal = {"proposed_monthly_amount_fen": 60_000, "review_opinion": "拟保"}
    await ok(await township.step(case_id, submit_proposal, proposal), "proposed")
    formed = await county.call(
        form_batch,
        body={"township_code": TOWNSHIP,
              "cases": [{"case_id": case_id, "programme": "urban_dibao"}]},
    )  # fmt: skip
    assert formed.status_code == 201, formed.text
    visited = await county.call(
        record_spot_check,
        batch_id=formed.json()["batch_id"],
        etag=formed.headers["ETag"],
        body={"case_id": case_id, "programme": "urban_dibao", "visited_by": ["赵", "钱"],
              "visited_on": services.day(-7), "findings": "与申报一致"},
    )  # fmt: skip
    assert visited.status_code == 200, visited.text
    await ok(await township.step(case_id, publish_notice, {"village_code": VILLAGE}), "notice")
    return case_id


@pytest.mark.req("VER-1", "VER-7")
async def test_a_head_reported_dead_at_the_first_check_blocks_approval_unless_overridden(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        county = Officer(services, client, "county_officer", COUNTY)
        # given an applicant the household registration reports deceased (simulator code 903)
        case_id = await _case_at_notice(services, client, 903)
        assert (await county.case(case_id)).json()["deceased_members_masked"]
        # when the county approves it, the approval is refused with its code
        decision = {
            "decision": "approve",
            "reason": "符合条件",
            "override_monthly_amount_fen": 60_000,
            "override_reason": "按乡镇审核意见核定",
        }
        refused = await county.step(case_id, decide_case, decision)
        assert refused.status_code == 409, refused.text
        assert refused.json()["code"] == "member-reported-deceased"
        assert resident(903) not in refused.text
        # and with an explicit override and its reason it approves
        override = {**decision, "override_deceased_reason": "经派出所核实户籍死亡登记有误"}
        await ok(await county.step(case_id, decide_case, override), "approved")
