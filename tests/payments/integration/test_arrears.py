"""A month no run paid is owed, from the month of the decision (ADR 0061, PAY-3, PAY-4).

Hand-computed fixture (fen), months relative to the pinned clock's month M (November 2026):
- urban dibao standard 700 yuan a person; every household 3 members, income 1,000 yuan:
  (700×3 − 1,000) = 1,100 yuan → 110,000 a month.
- "late" is approved on M's 29th, after M's run closed: M+1 pays 110,000 + 110,000 back pay.
- the standard is then raised to 800 yuan from M's first day: (800×3 − 1,000) = 1,400 yuan.
  M+2 pays 140,000 and the back pay still owed: M now 140,000 (nothing paid in its run), M+1
  30,000 short, less the 110,000 paid back in M+1: 60,000.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from tests.payments.integration.test_runs import DECISIONS, set_standard, start_and_execute
from tests.payments.support import COUNTY, PERIOD, TODAY, Payments, approved
from tests.support import first_day, months_from

NEXT, AFTER_NEXT = months_from(PERIOD, 1), months_from(PERIOD, 2)


async def ledger(
    payments: Payments, client: httpx.AsyncClient, case_id: str
) -> list[tuple[str, int, int]]:
    """The household's payments as its beneficiary's ledger shows them: period, amount, back pay;
    every one settled by the bank."""
    answer = await client.get(
        f"/v1/beneficiaries/{case_id}/urban_dibao/payments", headers=payments.headers()
    )
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert all(p["status"] == "settled" for p in items), items
    return [(p["period"], p["amount_fen"], p["back_pay_fen"]) for p in items]


async def back_pay_recorded(payments: Payments, case_id: str) -> list[list[tuple[Any, ...]]]:
    """Each BackPayCalculated of the household: its months as (period, entitled, paid, owed)."""
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT data FROM events WHERE type = 'payments.BackPayCalculated'"
                " AND data->>'case_id' = :case ORDER BY position"
            ),
            {"case": case_id},
        )
        return [
            [(m["period"], m["entitled_fen"], m["paid_fen"], m["difference_fen"])
             for m in data["months"]]
            for data in rows.scalars()
        ]  # fmt: skip


def migrated(case_id: str) -> Any:
    """verification.CaseApproved of a household taken over from the old system (ADR 0037)."""
    event = approved(case_id)
    event.data["migrated"] = {
        "migration_id": "migration-1", "source_sha256": "0" * 64, "row": 2,
        "household_ref": "HH-0001", "policy": "migration",
    }  # fmt: skip
    return event


async def raise_standard(payments: Payments, client: httpx.AsyncClient) -> None:
    """The county raises the standard to 800 yuan from this month's first day; the raise is
    applied as payments' consumer applies it."""
    raised = await client.post(
        "/v1/standards",
        json={"division_code": COUNTY, "programme": "urban_dibao",
              "effective_from": first_day(PERIOD), "monthly_per_person_fen": 80_000,
              "reason": "三件实事：提高城市低保标准"},
        headers={**payments.headers(), "If-Match": '"1"'},
    )  # fmt: skip
    assert raised.status_code == 201, raised.text
    stream = await payments.runtime.store.read_stream(f"standard-{COUNTY}:urban_dibao")
    await payments.settle_projections()
    await payments.consume("payments.standards", stream[-1])
    await payments.settle_projections()


@pytest.mark.req("PAY-3", "PAY-4")
async def test_a_household_approved_after_its_months_run_is_paid_that_month_in_the_next_run(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        # given the county's run of this month, closed with one household paid
        await payments.consume(DECISIONS, approved("on-time"))
        await start_and_execute(payments, client, PERIOD)
        # when another household is approved later in the month, effective that day
        await payments.consume(DECISIONS, approved("late", effective_from=TODAY.isoformat()))
        # then next month's run pays it this month too, as back pay naming the month
        await start_and_execute(payments, client, NEXT)
        assert await ledger(payments, client, "late") == [(NEXT, 220_000, 110_000)]
        assert await back_pay_recorded(payments, "late") == [[(PERIOD, 110_000, 0, 110_000)]]
        # and the household its run paid is owed nothing more
        assert await ledger(payments, client, "on-time") == [
            (PERIOD, 110_000, 0), (NEXT, 110_000, 0),
        ]  # fmt: skip
        # when the standard is raised from this month's first day
        await raise_standard(payments, client)
        # then the month after next pays the raise once for each month, the one paid back too
        await start_and_execute(payments, client, AFTER_NEXT)
        assert (await ledger(payments, client, "late"))[-1] == (AFTER_NEXT, 200_000, 60_000)
        assert (await ledger(payments, client, "on-time"))[-1] == (AFTER_NEXT, 200_000, 60_000)


@pytest.mark.req("PAY-3")
async def test_a_month_no_run_has_paid_yet_is_left_to_its_own_run(payments: Payments) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        # given a household approved this month, and next month's run before this month's
        await payments.consume(DECISIONS, approved("waits"))
        await start_and_execute(payments, client, NEXT)
        # then next month's run pays next month only: this month's run may still come
        assert await ledger(payments, client, "waits") == [(NEXT, 110_000, 0)]
        # and when it comes, this month is paid once, by its own run
        await start_and_execute(payments, client, PERIOD)
        await start_and_execute(payments, client, AFTER_NEXT)
        assert await ledger(payments, client, "waits") == [
            (PERIOD, 110_000, 0), (NEXT, 110_000, 0), (AFTER_NEXT, 110_000, 0),
        ]  # fmt: skip
        assert await back_pay_recorded(payments, "waits") == []


@pytest.mark.req("PAY-3")
async def test_a_month_no_run_may_pay_any_more_is_paid_back_by_the_next_run(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        # given a household approved this month, and next month's run paid early
        await payments.consume(DECISIONS, approved("skipped", effective_from=TODAY.isoformat()))
        await start_and_execute(payments, client, NEXT)
        # when this month is never run and, the month after next, no run may pay it any more
        await start_and_execute(payments, client, AFTER_NEXT)
        refused = await client.post(
            "/v1/runs",
            json={"county_code": COUNTY, "period": PERIOD, "reason": "补发放"},
            headers=payments.headers(),
        )
        assert refused.status_code == 422, refused.text
        # then the month after next's run pays this month back, once
        assert await ledger(payments, client, "skipped") == [
            (NEXT, 110_000, 0), (AFTER_NEXT, 220_000, 110_000),
        ]  # fmt: skip
        assert await back_pay_recorded(payments, "skipped") == [[(PERIOD, 110_000, 0, 110_000)]]


@pytest.mark.req("PAY-3")
async def test_a_migrated_household_is_owed_nothing_for_the_month_its_old_system_paid(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        # given this month's run closed before the county's caseload was migrated
        await payments.consume(DECISIONS, approved("on-time"))
        await start_and_execute(payments, client, PERIOD)
        # when a migrated household is enrolled, approved long ago by the old system
        await payments.consume(DECISIONS, migrated("migrated"))
        # then next month's run pays next month only: the old system paid this one
        await start_and_execute(payments, client, NEXT)
        assert await ledger(payments, client, "migrated") == [(NEXT, 110_000, 0)]
        assert await back_pay_recorded(payments, "migrated") == []
