"""A retry pays again what the run failed to pay, and nothing a later run paid (PAY-3).

Hand-computed fixture (fen), months relative to the pinned clock's month M:
- urban dibao standard 700 yuan a person; every household 3 members, income 1,000 yuan:
  (700×3 − 1,000) = 1,100 yuan → 110,000 a month.
- "late" is approved after M's run: M+1's run pays it 110,000 + 110,000 back pay for M
  (ADR 0061).
"""

from __future__ import annotations

import httpx
import pytest

from tests.payments.integration.test_run_funds import (
    MONTHLY,
    county_standard,
    new_account,
    paid,
    retried,
)
from tests.payments.integration.test_runs import DECISIONS, start_and_execute
from tests.payments.support import PERIOD, TODAY, Payments, approved, fund
from tests.support import months_from

NEXT, AFTER_NEXT = months_from(PERIOD, 1), months_from(PERIOD, 2)
CLOSED = "4004480012345678901"  # the bank simulator refuses it at every attempt
NEW_ACCOUNT = "6228480012345670003"


async def run_cases(payments: Payments, client: httpx.AsyncClient, run_id: str) -> list[str]:
    """The cases the run has a payment for."""
    answer = await client.get(f"/v1/runs/{run_id}/payments", headers=payments.headers())
    assert answer.status_code == 200, answer.text
    return [p["case_id"] for p in answer.json()["items"]]


@pytest.mark.req("PAY-3")
async def test_a_retry_sends_the_runs_failures_and_pays_no_household_enrolled_after_it(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        await fund(payments, client, 10 * MONTHLY)
        # given this month's run, whose payment to one household failed (its account is closed)
        await payments.consume(DECISIONS, approved("closed", account=CLOSED))
        run_id = await start_and_execute(payments, client, PERIOD)
        # and a household approved after that run, paid this month back by next month's run
        await payments.consume(DECISIONS, approved("late", effective_from=TODAY.isoformat()))
        await new_account(payments, client, "closed", NEW_ACCOUNT)
        await start_and_execute(payments, client, NEXT)
        assert await paid(payments, client, "late") == {NEXT: 2 * MONTHLY}
        # when this month's failure is retried
        answer = await retried(payments, client, run_id)
        # then the retry sent the one failure again, into the new account
        assert answer["retried"] == 1
        assert await paid(payments, client, "closed") == {PERIOD: MONTHLY, NEXT: MONTHLY}
        # and this month's run has no payment for the household approved after it
        assert await run_cases(payments, client, run_id) == ["closed"]
        assert await paid(payments, client, "late") == {NEXT: 2 * MONTHLY}


@pytest.mark.req("PAY-3", "PAY-4")
async def test_back_pay_a_failed_payment_carries_is_paid_by_its_retry_not_by_a_later_run(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        await fund(payments, client, 10 * MONTHLY)
        # given a household approved after this month's run, with a closed account
        await payments.consume(DECISIONS, approved("on-time"))
        await start_and_execute(payments, client, PERIOD)
        await payments.consume(
            DECISIONS, approved("late", account=CLOSED, effective_from=TODAY.isoformat())
        )
        # and next month's payment, which carries this month's back pay, failed
        next_run = await start_and_execute(payments, client, NEXT)
        assert await paid(payments, client, "late") == {}
        # when the township records a new account, the month after next is run
        await new_account(payments, client, "late", NEW_ACCOUNT)
        await start_and_execute(payments, client, AFTER_NEXT)
        # and next month's failure is then retried
        await retried(payments, client, next_run)
        # then every month was paid once: this month's back pay rode on next month's retry only
        assert await paid(payments, client, "late") == {
            NEXT: 2 * MONTHLY, AFTER_NEXT: MONTHLY,
        }  # fmt: skip
