"""A child's allowance ends on the real store and runs (PAY-9, ADR 0042): a child is paid through
the month of the age limit and the next run records the end once, as the system, with the rule
and its policy version; the county's early end stops the next month's payment."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from tests.payments.integration.test_payable_periods import paid
from tests.payments.integration.test_runs import DECISIONS, start_and_execute
from tests.payments.support import COUNTY, PERIOD, SINCE, TOWNSHIP, Payments, foreign_event, fund
from tests.support import first_day, months_from

NEXT, AFTER = months_from(PERIOD, 1), months_from(PERIOD, 2)
ORPHAN = "orphan_allowance"


def granted(child_id: str, last_paid: str | None) -> Any:
    """verification.ChildAllowanceAssessed v1 granting the orphan allowance from SINCE."""
    return foreign_event(
        "verification.ChildAllowanceAssessed",
        {"child_id": child_id, "allowance": ORPHAN, "decision": "granted",
         "division_code": f"{TOWNSHIP}001", "county_code": COUNTY, "registration": "urban",
         "category": "orphan", "effective_from": SINCE, "reason": "符合条件",
         "policy_basis": "孤儿保障办法", "eligibility_rule": "孤儿，未满18周岁",
         "decided_by": "officer-1", "decided_on": SINCE, "payee_name": "王秀兰",
         "bank_account": "6228480012345678901", "age_limit": 18, "age_limit_policy_version": 4,
         "coming_of_age_period": last_paid},
        child_id,
    )  # fmt: skip


def ended(child_id: str, effective_from: str) -> Any:
    """verification.ChildAllowanceEnded v1: the county ended the allowance early."""
    return foreign_event(
        "verification.ChildAllowanceEnded",
        {"child_id": child_id, "allowance": ORPHAN, "division_code": f"{TOWNSHIP}001",
         "county_code": COUNTY, "effective_from": effective_from, "reason_code": "adoption",
         "reason": "已被依法收养", "policy_basis": "孤儿保障办法第十二条",
         "decided_by": "officer-2", "decided_on": first_day(PERIOD)},
        child_id,
    )  # fmt: skip


async def orphan_standard(payments: Payments, client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/v1/standards",
        json={"division_code": COUNTY, "programme": ORPHAN, "effective_from": SINCE,
              "monthly_per_person_fen": 120_000, "reason": "县级孤儿基本生活费标准"},
        headers=payments.headers(),
    )  # fmt: skip
    assert answer.status_code == 201, answer.text
    await fund(payments, client, 100_000_000, ORPHAN)


async def recorded(payments: Payments, type_name: str) -> list[tuple[dict[str, Any], Any]]:
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT data, metadata FROM events WHERE type = :t ORDER BY position"),
            {"t": type_name},
        )
        return [(r.data, r.metadata) for r in rows]


@pytest.mark.req("PAY-9", "PAY-3", "GEN-4")
async def test_a_child_is_paid_through_the_month_of_18_and_an_early_end_stops_next_month(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await orphan_standard(payments, client)
        # given an orphan who turns 18 next month, and one the county ends from next month
        await payments.consume(DECISIONS, granted("turns-18", NEXT))
        await payments.consume(DECISIONS, granted("adopted", "2035-03"))
        await payments.consume(DECISIONS, ended("adopted", first_day(NEXT)))
        await payments.consume(DECISIONS, ended("adopted", first_day(NEXT)))  # redelivered
        # when the runs of this month and the three next are executed
        for period in (PERIOD, NEXT, AFTER, months_from(PERIOD, 3)):
            await start_and_execute(payments, client, period)
        # then the first is paid this month and next, not after; the second this month only
        assert await paid(payments, "turns-18") == [(ORPHAN, PERIOD, 120_000),
                                                     (ORPHAN, NEXT, 120_000)]  # fmt: skip
        assert await paid(payments, "adopted") == [(ORPHAN, PERIOD, 120_000)]
        # and the run recorded the end once, by the system, with the rule and its policy
        [(end, metadata)] = await recorded(payments, "payments.ChildAllowanceAgeLimitReached")
        assert (end["case_id"], end["period"], end["coming_of_age_stopped_from"]) == (
            "turns-18", AFTER, first_day(AFTER),
        )  # fmt: skip
        assert (end["age_limit"], end["policy"], end["policy_version"], end["basis"]) == (
            18, "verification.child_allowance_age_limit", 4, "children-register",
        )  # fmt: skip
        assert metadata["actor"]["role"] == "system" and "18" in end["reason"]
        # and the audit trail's why is the age limit, not the run's generic payable (GEN-4)
        assert end["reason"] in metadata["reason"] and "payable" not in metadata["reason"]
        # and the county's end was recorded once, with its officer, reason and policy
        [(terminated, _)] = await recorded(payments, "payments.BeneficiaryTerminated")
        assert terminated["effective_from"] == first_day(NEXT)
        assert all(w in terminated["reason"] for w in ("adoption", "officer-2", "第十二条"))
        # and both show as terminated from the right day
        for case, stopped in (("turns-18", AFTER), ("adopted", NEXT)):
            view = await client.get(
                f"/v1/beneficiaries/{case}/{ORPHAN}", headers=payments.headers()
            )
            assert (view.json()["status"], view.json()["stopped_from"]) == (
                "terminated", first_day(stopped),
            )  # fmt: skip
