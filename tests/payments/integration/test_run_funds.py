"""A run never pays past the money available to it, back pay included (PAY-7): what no longer
fits is recorded unpayable for want of funds and paid back by a later run once money is in.

Hand-computed fixture (fen), months relative to the pinned clock's month M:
- urban dibao standard 700 yuan a person; every household 3 members, income 1,000 yuan:
  (700×3 − 1,000) = 1,100 yuan → 110,000 a month.
- "on-time" is paid in M's run; "late" is approved after it, so M+1 owes it 110,000 + 110,000
  back pay (ADR 0061). M+1's run starts with 220,000 available, the monthly amounts' sum: the
  check at the start passes, and the 330,000 the run would pay does not fit.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from payments.application.run_funds import RoomTaken, budget_of, cap_run, commit_budget
from tests.payments.integration.test_runs import DECISIONS, start_and_execute
from tests.payments.support import (
    COUNTY,
    PERIOD,
    SINCE,
    TODAY,
    TOWNSHIP,
    Payments,
    approved,
    county_decision,
    fund,
)
from tests.support import first_day, months_from

NEXT, AFTER_NEXT = months_from(PERIOD, 1), months_from(PERIOD, 2)
MONTHLY = 110_000


async def county_standard(payments: Payments, client: httpx.AsyncClient) -> None:
    """The county's urban dibao standard, 700 yuan a person, and no money yet."""
    standard = await client.post(
        "/v1/standards",
        json={"division_code": COUNTY, "programme": "urban_dibao", "effective_from": SINCE,
              "monthly_per_person_fen": 70_000, "reason": "县标准"},
        headers=payments.headers(),
    )  # fmt: skip
    assert standard.status_code == 201, standard.text


async def new_account(
    payments: Payments, client: httpx.AsyncClient, case_id: str, account: str
) -> None:
    """The township records the household's new account (the old one was closed)."""
    benefit = f"/v1/beneficiaries/{case_id}/urban_dibao"
    etag = (await client.get(benefit, headers=payments.headers())).headers["ETag"]
    changed = await client.put(
        f"{benefit}/bank-account",
        json={"bank_account": account, "reason": "原账户已销户，补录新账户"},
        headers={**payments.headers("township_officer", TOWNSHIP), "If-Match": etag},
    )  # fmt: skip
    assert changed.status_code == 200, changed.text
    await payments.settle_projections()


async def paid(payments: Payments, client: httpx.AsyncClient, case_id: str) -> dict[str, int]:
    """The household's settled payments: period → amount."""
    answer = await client.get(
        f"/v1/beneficiaries/{case_id}/urban_dibao/payments", headers=payments.headers()
    )
    assert answer.status_code == 200, answer.text
    return {
        p["period"]: p["amount_fen"] for p in answer.json()["items"] if p["status"] == "settled"
    }


async def unpayable_for_want_of_funds(payments: Payments) -> list[tuple[str, str]]:
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT data->>'case_id' AS case_id, data->>'period' AS period FROM events"
                " WHERE type = 'payments.BeneficiaryUnpayable'"
                " AND data->>'reason' = 'insufficient-funds' ORDER BY position"
            )
        )
        return [(r.case_id, r.period) for r in rows]


@pytest.mark.req("PAY-7", "PAY-3")
async def test_a_run_pays_no_back_pay_past_its_money_and_a_later_run_pays_it_back(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        # given this month's run paid one household with the money that had arrived
        await payments.consume(DECISIONS, approved("on-time"))
        await fund(payments, client, MONTHLY)
        await start_and_execute(payments, client, PERIOD)
        # and a household approved after it, owed this month as back pay next month
        await payments.consume(DECISIONS, approved("late", effective_from=TODAY.isoformat()))
        # when next month's money arrives for the two monthly amounts only, and its run runs
        await fund(payments, client, 2 * MONTHLY)
        await start_and_execute(payments, client, NEXT)
        # then the run pays no more than the 220,000 available: one household waits
        next_month = [(await paid(payments, client, c)).get(NEXT, 0) for c in ("on-time", "late")]
        assert sum(next_month) <= 2 * MONTHLY and 0 in next_month, next_month
        unpaid = await unpayable_for_want_of_funds(payments)
        assert [period for _, period in unpaid] == [NEXT]
        # when money arrives and the month after next runs
        await fund(payments, client, 4 * MONTHLY)
        await start_and_execute(payments, client, AFTER_NEXT)
        # then each household has had every month it was owed, once
        for case_id in ("on-time", "late"):
            assert sum((await paid(payments, client, case_id)).values()) == 3 * MONTHLY, case_id


@pytest.mark.req("PAY-7", "PAY-3")
async def test_a_benefit_resumed_from_a_later_month_needs_no_money_before_it(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        # given two households, one stopped from this month and paid again from in three months
        later = first_day(months_from(PERIOD, 3))
        for case_id in ("paid", "waits"):
            await payments.consume(DECISIONS, approved(case_id))
        await payments.consume(DECISIONS, county_decision(
            "verification.BenefitSuspended", "waits", effective_from=first_day(PERIOD),
            reason="待核实"))  # fmt: skip
        await payments.consume(DECISIONS, county_decision(
            "verification.BenefitResumed", "waits", effective_from=later, reason="核实无误",
            approved_monthly_amount_fen=None, household_size=3))  # fmt: skip
        await payments.settle_projections()
        # then the benefit shows the months it is not paid
        shown = await client.get("/v1/beneficiaries/waits/urban_dibao", headers=payments.headers())
        assert shown.json()["status"] == "active", shown.text
        assert (shown.json()["stopped_from"], shown.json()["resumed_from"]) == (
            first_day(PERIOD), later,
        )  # fmt: skip
        # and this month's run needs the money of the one household it pays, and pays it
        await fund(payments, client, MONTHLY)
        await start_and_execute(payments, client, PERIOD)
        assert (await paid(payments, client, "paid")) == {PERIOD: MONTHLY}
        assert (await paid(payments, client, "waits")) == {}


@pytest.mark.req("PAY-7")
async def test_a_chunk_counting_on_room_another_chunk_took_takes_none_of_it(
    payments: Payments,
) -> None:
    engine = payments.runtime.engine
    async with engine.begin() as conn:
        await cap_run(conn, "620102-run", {"urban_dibao": 100})
    # given a chunk that counted on 80 of the run's 100
    async with engine.begin() as first:
        counted = await budget_of(first, "620102-run")
        assert counted.take("urban_dibao", 80)
        # when another partition's chunk takes 50 and commits first
        async with engine.begin() as second:
            other = await budget_of(second, "620102-run")
            assert other.take("urban_dibao", 50)
            await commit_budget(second, "620102-run", other)
        # then the first takes nothing: it is undone, to run again with the room locked
        with pytest.raises(RoomTaken):
            await commit_budget(first, "620102-run", counted)
    async with engine.begin() as again:
        locked = await budget_of(again, "620102-run", locked=True)
        assert not locked.take("urban_dibao", 80) and locked.take("urban_dibao", 50)


@pytest.mark.req("PAY-7", "PAY-3")
async def test_a_retry_is_paid_out_of_the_money_available_now(payments: Payments) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        # given this month's run: one household paid, one the bank was too busy for
        await payments.consume(DECISIONS, approved("paid"))
        await payments.consume(DECISIONS, approved("busy", account="5005480012345678901"))
        await fund(payments, client, 2 * MONTHLY)
        run_id = await start_and_execute(payments, client, PERIOD)
        # and next month's run, started over the funds by an authorised officer, spent the money
        # the failure had given back
        director = payments.signer.mint(
            "director", "county_officer", COUNTY, "城关区民政局",
            scopes=("payments:funds-override",),
        )  # fmt: skip
        started = await client.post(
            "/v1/runs",
            json={"county_code": COUNTY, "period": NEXT, "reason": "月度发放",
                  "funds_override_reason": "上级资金在途"},
            headers={"Authorization": f"Bearer {director}", "Idempotency-Key": str(uuid.uuid4())},
        )  # fmt: skip
        assert started.status_code == 201, started.text
        await payments.settle_projections()
        await payments.runtime.app.state.executor.execute(started.json()["run_id"])
        await payments.settle_projections()
        # when this month's failure is retried with nothing left
        etag = (await client.get(f"/v1/runs/{run_id}", headers=payments.headers())).headers["ETag"]
        retry = await client.post(
            f"/v1/runs/{run_id}/retries", json={"reason": "银行繁忙后重发"},
            headers={**payments.headers(), "If-Match": etag},
        )  # fmt: skip
        # then it is refused, naming the programme short of money
        assert retry.status_code == 409, retry.text
        assert retry.json()["code"] == "insufficient-funds"
        assert retry.json()["short_programmes"] == ["urban_dibao"]
        # and once money arrives it is paid
        await fund(payments, client, MONTHLY)
        await payments.settle_projections()
        retry = await client.post(
            f"/v1/runs/{run_id}/retries", json={"reason": "资金到位后重发"},
            headers={**payments.headers(), "If-Match": etag},
        )  # fmt: skip
        assert retry.status_code == 202, retry.text


@pytest.mark.req("PAY-3")
async def test_a_failed_payment_is_retried_into_the_account_the_county_set_since(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        # given a household whose payment failed: its account is closed
        await payments.consume(DECISIONS, approved("closed", account="4004480012345678901"))
        await fund(payments, client, MONTHLY)
        run_id = await start_and_execute(payments, client, PERIOD)
        assert await paid(payments, client, "closed") == {}
        # when the township records the household's new account, and the failure is retried
        await new_account(payments, client, "closed", "6228480012345670001")
        etag = (await client.get(f"/v1/runs/{run_id}", headers=payments.headers())).headers["ETag"]
        retry = await client.post(
            f"/v1/runs/{run_id}/retries", json={"reason": "新账户重发"},
            headers={**payments.headers(), "If-Match": etag},
        )  # fmt: skip
        assert retry.status_code == 202, retry.text
        await payments.settle_projections()
        await payments.runtime.app.state.executor.execute(run_id)
        await payments.settle_projections()
        # then the month is paid, into the new account
        assert await paid(payments, client, "closed") == {PERIOD: MONTHLY}


@pytest.mark.req("PAY-7", "PAY-3")
async def test_a_month_that_fits_is_paid_and_the_back_pay_that_does_not_waits(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        # given this month's run paid one household, and another approved after it
        await payments.consume(DECISIONS, approved("on-time"))
        await fund(payments, client, MONTHLY)
        await start_and_execute(payments, client, PERIOD)
        await payments.consume(DECISIONS, approved("z-late", effective_from=TODAY.isoformat()))
        # when next month's money covers the two monthly amounts only
        await fund(payments, client, 2 * MONTHLY)
        await start_and_execute(payments, client, NEXT)
        # then both are paid next month, and the month owed back waits for money
        assert (await paid(payments, client, "on-time"))[NEXT] == MONTHLY
        assert await paid(payments, client, "z-late") == {NEXT: MONTHLY}
        assert await unpayable_for_want_of_funds(payments) == [("z-late", PERIOD)]
        # and once money arrives, the month after next pays it back
        await fund(payments, client, 3 * MONTHLY)
        await start_and_execute(payments, client, AFTER_NEXT)
        assert await paid(payments, client, "z-late") == {
            NEXT: MONTHLY, AFTER_NEXT: 2 * MONTHLY,
        }  # fmt: skip


async def retried(payments: Payments, client: httpx.AsyncClient, run_id: str) -> dict[str, Any]:
    """The run's failures retried with its ETag, and executed; the retry's answer."""
    etag = (await client.get(f"/v1/runs/{run_id}", headers=payments.headers())).headers["ETag"]
    retry = await client.post(
        f"/v1/runs/{run_id}/retries", json={"reason": "重发"},
        headers={**payments.headers(), "If-Match": etag},
    )  # fmt: skip
    assert retry.status_code == 202, retry.text
    await payments.settle_projections()
    await payments.runtime.app.state.executor.execute(run_id)
    await payments.settle_projections()
    return dict(retry.json())


@pytest.mark.req("PAY-3")
async def test_a_month_whose_last_attempt_failed_is_paid_back_by_the_next_run(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await county_standard(payments, client)
        # given a household whose account is closed: its month fails at every attempt
        await payments.consume(DECISIONS, approved("closed", account="4004480012345678901"))
        await fund(payments, client, 4 * MONTHLY)
        run_id = await start_and_execute(payments, client, PERIOD)
        for _ in range(2):
            await retried(payments, client, run_id)
        # then after the last attempt the month is owed
        async with payments.runtime.engine.connect() as conn:
            owed = await conn.execute(
                text(
                    "SELECT data->>'period' FROM events"
                    " WHERE type = 'payments.BeneficiaryUnpayable'"
                    " AND data->>'reason' = 'payment-failed'"
                )
            )
            assert list(owed.scalars()) == [PERIOD]
        # when the township records a new account, next month's run pays both months
        benefit = "/v1/beneficiaries/closed/urban_dibao"
        etag = (await client.get(benefit, headers=payments.headers())).headers["ETag"]
        changed = await client.put(
            f"{benefit}/bank-account",
            json={"bank_account": "6228480012345670002", "reason": "原账户已销户，补录新账户"},
            headers={**payments.headers("township_officer", TOWNSHIP), "If-Match": etag},
        )  # fmt: skip
        assert changed.status_code == 200, changed.text
        await payments.settle_projections()
        await start_and_execute(payments, client, NEXT)
        assert await paid(payments, client, "closed") == {NEXT: 2 * MONTHLY}
