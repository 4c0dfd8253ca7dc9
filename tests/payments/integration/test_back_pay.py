"""A standard raised retroactively recomputes entitlements by event and pays back pay (PAY-4).

Hand-computed fixture (fen), months relative to the pinned clock's month M (November 2026):
- urban dibao standard 700 yuan from January; M and M+1 (paid early) are run, then the standard
  is raised to 750 yuan from M. (A run pays last month at the earliest, ADR 0060: the months
  paid under the old standard are run in their own time, not two months late.)
- household A: 3 members, income 1,000 yuan: (700×3 − 1000) = 1,100 yuan → (750×3 − 1000) = 1,250.
  Paid 110,000 for M and for M+1; owed 2 × 15,000 = 30,000; M+2 pays
  125,000 + 30,000 = 155,000.
- household B: 2 members, income 500 yuan, enrolled from M+1: 900 → 1,000 yuan.
  Paid 90,000 for M+1 only; owed 10,000; M+2 pays 100,000 + 10,000 = 110,000.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.payments.integration.test_runs import set_standard, start_and_execute
from tests.payments.support import COUNTY, PERIOD, Payments, approved
from tests.support import first_day, months_from

FIRST, SECOND, THIRD, FOURTH = (months_from(PERIOD, n) for n in range(4))


@pytest.mark.req("PAY-4")
async def test_a_retroactive_raise_pays_back_pay_to_the_fen(payments: Payments) -> None:
    async with payments.client() as client:
        # given two households paid this month and next under the 700 yuan standard
        await set_standard(payments, client, 70_000)
        await payments.consume("payments.decisions", approved("case-a", size=3, income=100_000))
        await payments.consume(
            "payments.decisions",
            approved("case-b", size=2, income=50_000, effective_from=first_day(SECOND)),
        )
        await start_and_execute(payments, client, FIRST)
        await start_and_execute(payments, client, SECOND)

        # when the county raises the standard to 750 yuan from the first of this month
        raised = await client.post(
            "/v1/standards",
            json={"division_code": COUNTY, "programme": "urban_dibao",
                  "effective_from": first_day(FIRST), "monthly_per_person_fen": 75_000,
                  "reason": "三件实事：提高城市低保标准"},
            headers={**payments.headers(), "If-Match": '"1"'},
        )  # fmt: skip
        assert raised.status_code == 201, raised.text
        stream = await payments.runtime.store.read_stream("standard-620102:urban_dibao")
        await payments.settle_projections()
        await payments.consume("payments.standards", stream[-1])
        await payments.consume("payments.standards", stream[-1])  # redelivered: no change
        await payments.settle_projections()

        # then the entitlements are recomputed by event from that day
        a = await client.get("/v1/beneficiaries/case-a/urban_dibao", headers=payments.headers())
        assert a.json()["monthly_amount_fen"] == 125_000
        assert a.json()["effective_from"] == first_day(FIRST)

        # and the month after next's run pays the new amount plus the back pay, to the fen
        await start_and_execute(payments, client, THIRD)
        ledger_a = (
            await client.get(
                "/v1/beneficiaries/case-a/urban_dibao/payments", headers=payments.headers()
            )
        ).json()["items"]
        ledger_b = (
            await client.get(
                "/v1/beneficiaries/case-b/urban_dibao/payments", headers=payments.headers()
            )
        ).json()["items"]
    assert [(p["period"], p["amount_fen"], p["back_pay_fen"]) for p in ledger_a] == [
        (FIRST, 110_000, 0),
        (SECOND, 110_000, 0),
        (THIRD, 155_000, 30_000),
    ]
    assert [(p["period"], p["amount_fen"], p["back_pay_fen"]) for p in ledger_b] == [
        (SECOND, 90_000, 0),
        (THIRD, 110_000, 10_000),
    ]
    assert all(p["status"] == "settled" for p in ledger_a + ledger_b)
    async with payments.runtime.engine.connect() as conn:
        back_pay = (
            await conn.execute(
                text(
                    "SELECT data FROM events WHERE type = 'payments.BackPayCalculated'"
                    " ORDER BY position"
                )
            )
        ).scalars()
        totals = [(d["case_id"], d["total_fen"], len(d["months"])) for d in back_pay]
    assert totals == [("case-a", 30_000, 2), ("case-b", 10_000, 1)]
    # and the run after it owes nothing more
    async with payments.client() as client:
        await start_and_execute(payments, client, FOURTH)
        ledger = (
            await client.get(
                "/v1/beneficiaries/case-a/urban_dibao/payments", headers=payments.headers()
            )
        ).json()["items"]
    assert (ledger[-1]["period"], ledger[-1]["amount_fen"], ledger[-1]["back_pay_fen"]) == (
        FOURTH, 125_000, 0,
    )  # fmt: skip
