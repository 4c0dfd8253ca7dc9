"""Enrolment and monthly runs on the real database, through the bank simulator (PAY-2, PAY-3)."""

from __future__ import annotations

from datetime import datetime, time

import httpx
import pytest
from sqlalchemy import text

from payments.application.periods import period_start
from services.simulators import bank as bank_simulator
from shared.clock import CHINA, current_period
from shared.eventstore.envelope import RecordedEvent
from tests.payments.support import (
    COUNTY,
    PERIOD,
    SINCE,
    SPOUSE,
    Payments,
    approved,
    foreign_event,
    fund,
)
from tests.support import first_day, months_from

DECISIONS = "payments.decisions"


async def set_standard(payments: Payments, client: httpx.AsyncClient, fen: int = 70_000) -> None:
    answer = await client.post(
        "/v1/standards",
        json={
            "division_code": COUNTY, "programme": "urban_dibao", "effective_from": SINCE,
            "monthly_per_person_fen": fen, "floor_per_person_fen": 1_000, "reason": "县标准",
        },
        headers=payments.headers(),
    )  # fmt: skip
    assert answer.status_code == 201, answer.text
    await fund(payments, client, 100_000_000)


async def start_and_execute(
    payments: Payments, client: httpx.AsyncClient, period: str, channel: str = "api"
) -> str:
    """Start the run of `period` and execute it; a run of a month after next waits for its month
    (the service's clock moves to the 1st, 10:00 in China)."""
    if period > months_from(current_period(payments.clock), 1):
        payments.clock.set(datetime.combine(period_start(period), time(10), CHINA))
    started = await client.post(
        "/v1/runs",
        json={"county_code": COUNTY, "period": period, "reason": "月度发放", "channel": channel},
        headers=payments.headers(),
    )
    assert started.status_code == 201, started.text
    run_id = str(started.json()["run_id"])
    await payments.settle_projections()
    completed = await payments.runtime.app.state.executor.execute(run_id)
    assert completed == (channel == "api")  # a file run waits for the bank's return file
    await payments.settle_projections()
    return run_id


@pytest.mark.req("PAY-2", "SUP-3")
async def test_the_bank_pays_the_member_who_holds_the_account(payments: Payments) -> None:
    async with payments.client() as client:
        # given the county's standard
        await set_standard(payments, client)
        # when one approval names the spouse as the account's holder and another names nobody
        await payments.consume(DECISIONS, approved("case-held", holder=SPOUSE.lower()))
        await payments.consume(DECISIONS, approved("case-unnamed"))
        await payments.settle_projections()
        held, unnamed = [
            (await client.get(f"/v1/beneficiaries/{case}/urban_dibao", headers=payments.headers()))
            for case in ("case-held", "case-unnamed")
        ]
    # then the spouse is the payee of the first (the bank matches the name with the account)
    assert held.json()["payee_name_masked"] == "李**", held.text
    # and the applicant of the second
    assert unnamed.json()["payee_name_masked"] == "张**", unnamed.text


@pytest.mark.req("PAY-2", "GEN-7")
async def test_an_approved_case_is_enrolled_with_an_explained_entitlement(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given the county's urban dibao standard of 700 yuan
        await set_standard(payments, client)
        # when verification approves a household of 3 earning 1,000 yuan a month (amount 0)
        event = approved("case-a")
        await payments.consume(DECISIONS, event)
        await payments.consume(DECISIONS, event)  # a redelivery changes nothing
        await payments.settle_projections()
        # then it is enrolled at (700 − 1000/3) × 3 = 1,100 yuan, explained, account masked
        read = await client.get("/v1/beneficiaries/case-a/urban_dibao", headers=payments.headers())
        assert read.status_code == 200, read.text
        beneficiary = read.json()
        assert beneficiary["monthly_amount_fen"] == 110_000
        assert beneficiary["method"] == "dibao_gap"
        assert "× 3" in beneficiary["explanation_zh"]
        assert beneficiary["bank_account_masked"].endswith("8901")
        assert "6228480012345678901" not in read.text
        assert beneficiary["payee_name_masked"] == "张**"
    async with payments.runtime.engine.connect() as conn:
        types = list(
            (
                await conn.execute(
                    text("SELECT type FROM events WHERE stream_id = :s ORDER BY stream_version"),
                    {"s": "beneficiary-case-a:urban_dibao"},
                )
            ).scalars()
        )
    assert types == ["payments.BeneficiaryEnrolled", "payments.EntitlementCalculated"]


@pytest.mark.req("PAY-3", "GEN-8")
async def test_a_run_pays_every_active_beneficiary_once_and_retries_failures(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given four households: a good account, one the bank is busy for, one closed and one
        # whose money comes back (name mismatch, 退票)
        await set_standard(payments, client)
        accounts = {"ok": "6228480012345678901", "busy": "5005480012345678901",
                    "closed": "4004480012345678901", "returned": "3003480012345678901"}  # fmt: skip
        for case, account in accounts.items():
            await payments.consume(DECISIONS, approved(case, account=account))
        # and a bank that repeats every answer
        bank_simulator.bank.control = bank_simulator.Control(duplicate_answers=True)
        # when this month's run is started and executed
        run_id = await start_and_execute(payments, client, PERIOD)
        # then one is paid once, three are not, and the run is reconciled
        run = (await client.get(f"/v1/runs/{run_id}", headers=payments.headers())).json()
        assert (run["status"], run["instructed"], run["settled"], run["failed"]) == (
            "completed", 4, 1, 3,
        )  # fmt: skip
        assert run["settled_fen"] == 110_000
        # when the failures are retried with the run's ETag
        etag = (await client.get(f"/v1/runs/{run_id}", headers=payments.headers())).headers["ETag"]
        retry = await client.post(
            f"/v1/runs/{run_id}/retries", json={"reason": "银行繁忙后重发"},
            headers={**payments.headers(), "If-Match": etag},
        )  # fmt: skip
        assert retry.status_code == 202, retry.text
        await payments.settle_projections()
        assert await payments.runtime.app.state.executor.execute(run_id)
        await payments.settle_projections()
        # then the busy account is paid on its second attempt, the closed one stays failed
        page = (
            await client.get(f"/v1/runs/{run_id}/payments?limit=3", headers=payments.headers())
        ).json()
        rest = (
            await client.get(
                f"/v1/runs/{run_id}/payments?cursor={page['next_cursor']}",
                headers=payments.headers(),
            )
        ).json()
        by_case = {p["case_id"]: p for p in page["items"] + rest["items"]}
        assert by_case["busy"]["status"] == "settled" and by_case["busy"]["attempt"] == 2
        assert by_case["closed"]["status"] == "failed"
        assert by_case["closed"]["bank_reason"]
        assert (by_case["returned"]["status"], by_case["returned"]["outcome"]) == (
            "failed", "returned",
        )  # fmt: skip
        # and the bank credited each household at most once, by business key
        credits = bank_simulator.bank.credits
        references = [c["reference"] for c in credits]
        assert sorted(references) == sorted({*references})
        assert len(credits) == 2
        # and starting the same run again is refused
        again = await client.post(
            "/v1/runs",
            json={"county_code": COUNTY, "period": PERIOD, "reason": "重复"},
            headers=payments.headers(),
        )
        assert again.status_code == 409
        assert again.json()["code"] == "run-already-started"


@pytest.mark.req("PAY-3")
async def test_a_file_run_writes_the_bank_file_and_settles_from_the_return_file(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given two households, one of whose accounts is closed
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved("case-f"))
        await payments.consume(DECISIONS, approved("case-g", account="4004480012345678901"))
        # when a run paid by bank file is started and executed
        run_id = await start_and_execute(payments, client, PERIOD, channel="file")
        run = f"/v1/runs/{run_id}"
        assert (await client.get(run, headers=payments.headers())).json()["status"] == "executing"
        # then its bank file lists both instructions in the documented layout
        answer = await client.get(f"{run}/bank-file", headers=payments.headers())
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith("text/csv")
        lines = answer.text.split("\r\n")
        assert lines[0].startswith(f"H,{run_id}-R0,{COUNTY},社会救助资金代发,")
        assert lines[0].endswith(",2,2200.00,CNY") and lines[3] == "T,2,2200.00"
        assert ",1100.00,CNY," in lines[1]
        assert bank_simulator.bank.credit_count == 0  # nothing went over the batch API
        # when the bank's return file (one paid, one closed) is imported with the run's ETag
        returned = await _simulated_return(answer.content)
        etag = (await client.get(run, headers=payments.headers())).headers["ETag"]
        upload = {**payments.headers(), "If-Match": etag, "Content-Type": "text/csv"}
        imported = await client.post(f"{run}/bank-returns", content=returned, headers=upload)
        assert imported.status_code == 200, imported.text
        assert {k: imported.json()[k] for k in ("records", "settled", "failed", "unchanged")} == {
            "records": 2, "settled": 1, "failed": 1, "unchanged": 0}  # fmt: skip
        # then the run is reconciled from the file
        await payments.settle_projections()
        assert await payments.runtime.app.state.executor.execute(run_id)
        await payments.settle_projections()
        read = (await client.get(run, headers=payments.headers())).json()
        assert (read["status"], read["channel"], read["settled"], read["failed"]) == (
            "completed", "file", 1, 1)  # fmt: skip
        # and the same file again changes nothing
        etag = (await client.get(run, headers=payments.headers())).headers["ETag"]
        upload = {**payments.headers(), "If-Match": etag, "Content-Type": "text/csv"}
        again = await client.post(f"{run}/bank-returns", content=returned, headers=upload)
        assert again.status_code == 200 and again.json()["already_imported"], again.text
        # and the file may not be downloaded by an inspector
        denied = await client.get(
            f"{run}/bank-file", headers=payments.headers("inspector", "620100")
        )
        assert denied.status_code == 403


async def _simulated_return(bank_file: bytes) -> bytes:
    """The bank simulator's return file for a bank file."""
    transport = httpx.ASGITransport(app=bank_simulator.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bank") as bank:
        answer = await bank.post(
            "/v1/files", content=bank_file, headers={"Content-Type": "text/csv"}
        )
    assert answer.status_code == 200, answer.text
    return answer.content


@pytest.mark.req("PAY-3", "PAY-2")
async def test_suspended_and_terminated_beneficiaries_are_not_paid(payments: Payments) -> None:
    async with payments.client() as client:
        # given three enrolled households
        await set_standard(payments, client)
        for case in ("paid", "suspended", "terminated"):
            await payments.consume(DECISIONS, approved(case))
        # when verification suspends one on supervision's order... and one is terminated
        await payments.consume(DECISIONS, ordered_suspension("suspended", first_day(PERIOD)))
        await payments.consume(
            DECISIONS,
            foreign_event(
                "verification.BenefitTerminated",
                {"case_id": "terminated", "programme": "urban_dibao",
                 "effective_from": first_day(months_from(PERIOD, -1)), "reason": "死亡注销"},
                "terminated",
            ),
        )  # fmt: skip
        run_id = await start_and_execute(payments, client, PERIOD)
        # then only the active household is paid
        page = (await client.get(f"/v1/runs/{run_id}/payments", headers=payments.headers())).json()
        assert [p["case_id"] for p in page["items"]] == ["paid"]
        suspended = await client.get(
            "/v1/beneficiaries/suspended/urban_dibao", headers=payments.headers()
        )
        assert suspended.json()["status"] == "suspended"


def stop_order(case_id: str) -> RecordedEvent:
    """supervision.CorrectiveActionOrdered to stop a benefit, as the contract describes it."""
    return foreign_event(
        "supervision.CorrectiveActionOrdered",
        {"action_id": "a-1", "case_id": case_id, "action": "suspend_benefit",
         "programme": "urban_dibao", "amount_fen": None, "reason": "举报查实：虚报收入",
         "complaint_id": "c-1"},
        case_id,
    )  # fmt: skip


def ordered_suspension(case_id: str, effective_from: str) -> RecordedEvent:
    """verification.BenefitSuspended as verification records supervision's order on the case."""
    return foreign_event(
        "verification.BenefitSuspended",
        {"case_id": case_id, "programme": "urban_dibao", "effective_from": effective_from,
         "reason": "监督部门责令暂停发放 (supervision ordered a stop): 举报查实：虚报收入",
         "corrective_action_id": "a-1", "ordered_on_complaint_id": "c-1"},
        case_id,
    )  # fmt: skip


@pytest.mark.req("SUP-2", "PAY-3")
async def test_a_stop_ordered_on_a_case_is_taken_from_the_case_alone(payments: Payments) -> None:
    async with payments.client() as client:
        # given a household enrolled by verification's approval
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved("ordered"))
        url = "/v1/beneficiaries/ordered/urban_dibao"
        # when supervision's order to stop it arrives, then the case's suspension of it
        await payments.consume(DECISIONS, stop_order("ordered"))
        await payments.settle_projections()
        before = (await client.get(url, headers=payments.headers())).json()
        await payments.consume(DECISIONS, ordered_suspension("ordered", first_day(PERIOD)))
        await payments.settle_projections()
        after = (await client.get(url, headers=payments.headers())).json()
        # then payments waits for the case (one source of the stop) and stops with it
        assert (before["status"], after["status"]) == ("active", "suspended")


@pytest.mark.req("PAY-2", "GEN-6", "GEN-8")
async def test_the_roll_is_paginated_and_scoped_to_the_callers_division(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        for i in range(5):
            await payments.consume(DECISIONS, approved(f"roll-{i}"))
        await payments.settle_projections()
        first = await client.get(
            f"/v1/beneficiaries?division_code={COUNTY}&status=active&limit=3",
            headers=payments.headers(),
        )
        assert first.status_code == 200, first.text
        rest = await client.get(
            f"/v1/beneficiaries?division_code={COUNTY}&cursor={first.json()['next_cursor']}",
            headers=payments.headers(),
        )
        cases = [b["case_id"] for b in first.json()["items"] + rest.json()["items"]]
        assert cases == [f"roll-{i}" for i in range(5)]
        assert rest.json()["next_cursor"] is None
        assert all(b["payee_name_masked"] == "张**" for b in first.json()["items"])
        other = await client.get(
            f"/v1/beneficiaries?division_code={COUNTY}", headers=payments.headers(division="620103")
        )
        assert other.status_code == 403


@pytest.mark.req("PAY-3")
async def test_a_run_pays_next_month_at_the_earliest_never_a_later_one(payments: Payments) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved("case-early"))
        await payments.settle_projections()

        def run(period: str) -> dict[str, str]:
            return {"county_code": COUNTY, "period": period, "reason": "提前发放"}

        # when the county starts a run two months ahead of the service's month
        later = await client.post(
            "/v1/runs", json=run(months_from(PERIOD, 2)), headers=payments.headers()
        )
        # then it is refused, naming the period and the latest one due
        assert later.status_code == 422, later.text
        assert later.json()["field"] == "period"
        assert later.json()["latest_period"] == months_from(PERIOD, 1)
        # while next month may be paid early (before a holiday)
        early = await client.post(
            "/v1/runs", json=run(months_from(PERIOD, 1)), headers=payments.headers()
        )
        assert early.status_code == 201, early.text


@pytest.mark.req("PAY-3")
async def test_a_run_pays_last_month_at_the_earliest_never_an_older_one(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given a household paid from ten months ago
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved("case-old"))
        await payments.settle_projections()

        def run(period: str) -> dict[str, str]:
            return {"county_code": COUNTY, "period": period, "reason": "补发放"}

        # when the county starts a run for the month before last, or for a month years back
        for period in (months_from(PERIOD, -2), "2020-01"):
            old = await client.post("/v1/runs", json=run(period), headers=payments.headers())
            # then it is refused, naming the period and the earliest one a run may pay
            assert old.status_code == 422, old.text
            assert old.json()["code"] == "period-closed"
            assert old.json()["field"] == "period"
            assert old.json()["earliest_period"] == months_from(PERIOD, -1)
        # while last month may still be paid late (a run started in the first days of a month)
        late = await client.post(
            "/v1/runs", json=run(months_from(PERIOD, -1)), headers=payments.headers()
        )
        assert late.status_code == 201, late.text
