"""Amounts after a resumption and after an adjustment, as standards change (PAY-2, PAY-4,
ADR 0066, ADR 0024).

Hand-computed fixture (fen), months relative to the pinned clock's month M; urban dibao standard
700 yuan a person, raised to 800 from M's first day; every household income 1,000 yuan:
- "survivors": 3 members, by rule (700×3 − 1,000) = 110,000; a member dies, the county resumes
  without an amount for 2 members: (700×2 − 1,000) = 40,000; after the raise (800×2 − 1,000) =
  60,000.
- "adjusted": 3 members, by rule 110,000; the county adjusts it to 50,000 from M+1; the raise
  from M gives M (800×3 − 1,000) = 140,000 and leaves M+1 on at the county's 50,000.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.payments.integration.test_arrears import raise_standard
from tests.payments.integration.test_runs import DECISIONS, set_standard
from tests.payments.support import PERIOD, Payments, approved, county_decision
from tests.support import first_day, months_from

NEXT = months_from(PERIOD, 1)


async def amount_on(payments: Payments, case_id: str, period: str) -> int:
    beneficiary = await payments.runtime.app.state.repositories.beneficiaries.get(
        f"{case_id}:urban_dibao"
    )
    return int(beneficiary.amount_on(date.fromisoformat(first_day(period))))


@pytest.mark.req("PAY-2", "PAY-4")
async def test_survivors_are_paid_by_rule_for_the_members_alive_and_raises_count_them(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved("survivors"))
        await payments.consume(DECISIONS, approved("adjusted"))
        # given a member's death stops one household, and the county resumes it without an amount
        await payments.consume(DECISIONS, county_decision(
            "verification.BenefitSuspended", "survivors", effective_from=first_day(PERIOD),
            reason="家庭成员死亡"))  # fmt: skip
        await payments.consume(DECISIONS, county_decision(
            "verification.BenefitResumed", "survivors", effective_from=first_day(PERIOD),
            reason="其余成员仍符合条件", approved_monthly_amount_fen=None,
            household_size=2))  # fmt: skip
        # and the county adjusts the other from next month
        await payments.consume(DECISIONS, county_decision(
            "verification.BenefitAdjusted", "adjusted", approved_monthly_amount_fen=50_000,
            effective_from=first_day(NEXT)))  # fmt: skip
        # then the survivors are paid by rule for two members
        assert await amount_on(payments, "survivors", PERIOD) == 40_000
        # when the standard is raised from this month's first day
        await raise_standard(payments, client)
        # then the raise counts the members alive, and reaches the month before the adjustment
        assert await amount_on(payments, "survivors", PERIOD) == 60_000
        assert await amount_on(payments, "adjusted", PERIOD) == 140_000
        assert await amount_on(payments, "adjusted", NEXT) == 50_000
