"""A child's allowance ends end to end on the shared stack, through the public APIs only (PAY-9,
ADR 0042): 秦州区 grants the orphan allowance from last month to a child who turns 18 this month,
who is paid last month and this and not next; the county ends another child's allowance early and
it is paid up to the month of the decision, never after."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.payments.api.standards import get_standard, set_standard
from clients.verification.api.children import assess_allowance, end_allowance, register_child
from tests.e2e.flows import Clerk, County, completed_run, funded
from tests.e2e.services import RunningServices
from tests.support import eventually

QINZHOU = County("620502")  # 天水市秦州区: this module's county on the shared stack
ORPHAN = "orphan_allowance"
ACCOUNT = "6228480012345670502"
POLICY = "甘肃省孤儿基本生活保障办法"


def turning_18_this_month(stack: RunningServices) -> str:
    """The birth date (YYYYMMDD) of a child whose 18th birthday is the 15th of this month (the
    stack stands on the 10th)."""
    year, month = stack.period().split("-")
    return f"{int(year) - 18}{month}15"


def ten_years_old(stack: RunningServices) -> str:
    """The birth date (YYYYMMDD) of a child ten years old on the stack's today: 1 January."""
    return f"{int(stack.period()[:4]) - 10}0101"


class Desks:
    """秦州区's township and county officers on verification, the county's on payments."""

    def __init__(self, stack: RunningServices, client: httpx.AsyncClient) -> None:
        self.township = Clerk(stack, client, "verification", "township_officer", QINZHOU.township)
        self.county = Clerk(stack, client, "verification", "county_officer", QINZHOU.code)
        self.payments = Clerk(stack, client, "payments", "county_officer", QINZHOU.code)

    async def granted_orphan(self, sequence: int, born: str, since: str) -> dict[str, Any]:
        """An orphan registered by the township and granted the allowance from `since`."""
        body = {
            "resident_id": QINZHOU.resident(sequence, born), "name": "马小军",
            "division_code": QINZHOU.village, "registration": "rural", "category": "orphan",
            "guardianship_status": "entrusted",
            "guardian": {"name": "马桂英", "relation": "grandparent", "phone": "13909380502",
                         "resident_id": QINZHOU.resident(sequence + 400, "19600302"),
                         "bank_account": ACCOUNT},
        }  # fmt: skip
        registered = await self.township.call(register_child, body=body)
        assert registered.status_code == 201, registered.text
        granted = await self.county.call(
            assess_allowance, child_id=registered.json()["child_id"],
            etag=registered.headers["ETag"],
            body={"allowance": ORPHAN, "decision": "grant", "effective_from": since,
                  "reason": "父母双亡，经核查符合条件", "policy_basis": POLICY},
        )  # fmt: skip
        assert granted.status_code == 200, granted.text
        return {**granted.json(), "etag": granted.headers["ETag"]}

    async def standard(self, fen: int, since: str) -> None:
        """The county's orphan allowance standard from a month."""
        current = await self.payments.call(
            get_standard, division_code=QINZHOU.code, programme=ORPHAN
        )
        answer = await self.payments.call(
            set_standard, etag=current.headers.get("ETag") if current.status_code == 200 else None,
            body={"division_code": QINZHOU.code, "programme": ORPHAN,
                  "effective_from": f"{since}-01", "monthly_per_person_fen": fen,
                  "reason": "区民政局、财政局联合发文"},
        )  # fmt: skip
        assert answer.status_code == 201, answer.text

    async def beneficiary_shows(self, child_id: str, **expected: Any) -> dict[str, Any]:
        """Wait until payments' view of the child's allowance shows the expected values."""
        ledger = {"case_id": child_id, "programme": ORPHAN}

        async def shown() -> bool:
            answer = await self.payments.call(get_beneficiary, **ledger)
            body = answer.json() if answer.status_code == 200 else {}
            return all(body.get(k) == v for k, v in expected.items())

        await eventually(shown, timeout=60, message=f"{child_id} never showed {expected}")
        return dict((await self.payments.call(get_beneficiary, **ledger)).json())

    async def paid_periods(self, child_id: str) -> list[tuple[str, int]]:
        """The periods and amounts paid for the child's allowance."""
        answer = await self.payments.call(
            list_beneficiary_payments, case_id=child_id, programme=ORPHAN
        )
        assert answer.status_code == 200, answer.text
        return [(p["period"], p["amount_fen"]) for p in answer.json()["items"]]


@pytest.mark.req("PAY-9", "PAY-3")
async def test_a_child_is_paid_through_the_month_of_18_and_an_early_end_stops_the_next_run(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        desks = Desks(stack, client)
        await desks.standard(120_000, stack.period(-2))
        await funded(desks.payments, QINZHOU, ORPHAN, 10_000_000)
        # given an orphan who turns 18 this month and one of ten, both granted from last month
        # (a run pays next month at the latest: the months paid are last month, this and next)
        since = f"{stack.period(-1)}-01"
        turning = await desks.granted_orphan(501, turning_18_this_month(stack), since)
        young = await desks.granted_orphan(502, ten_years_old(stack), since)
        # then the grant says it is paid through this month, at the age limit of 18
        assessed = turning["assessments"][0]
        assert (assessed["age_limit"], assessed["last_paid_period"]) == (18, stack.period())
        for child in (turning, young):
            await desks.beneficiary_shows(child["child_id"], monthly_amount_fen=120_000)
        # when last month's run pays both
        await completed_run(desks.payments, QINZHOU, stack.period(-1))
        # and the county ends the younger child's allowance (adopted), with If-Match
        ended = await desks.county.call(
            end_allowance, child_id=young["child_id"], etag=young["etag"],
            body={"reason_code": "adoption", "reason": "已被依法收养，收养人具备抚养能力",
                  "policy_basis": f"{POLICY}第十二条"},
        )  # fmt: skip
        assert ended.status_code == 200, ended.text
        end = ended.json()["allowance_end"]
        assert (end["effective_from"], end["decided_on"]) == (f"{stack.period(1)}-01", stack.day())
        assert end["decided_by"] == f"e2e-county_officer-{QINZHOU.code}"
        await desks.beneficiary_shows(
            young["child_id"], status="terminated", stopped_from=f"{stack.period(1)}-01"
        )
        # and this month's run and next month's are executed
        await completed_run(desks.payments, QINZHOU, stack.period())
        await completed_run(desks.payments, QINZHOU, stack.period(1))
        # then the child who turns 18 is paid last month and this, not next month
        assert await desks.paid_periods(turning["child_id"]) == [
            (stack.period(-1), 120_000), (stack.period(), 120_000),
        ]  # fmt: skip
        await desks.beneficiary_shows(
            turning["child_id"], status="terminated", stopped_from=f"{stack.period(1)}-01"
        )
        # and the child whose allowance the county ended is paid up to the month of the decision
        assert await desks.paid_periods(young["child_id"]) == [
            (stack.period(-1), 120_000), (stack.period(), 120_000),
        ]  # fmt: skip
