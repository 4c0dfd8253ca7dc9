"""Money that must move, and only as often as the programme says (PAY-2, PAY-3, PAY-8, VER-7):
stop dates, unpayable beneficiaries, one-off and per-person programmes."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from tests.payments.integration.test_runs import DECISIONS, set_standard, start_and_execute
from tests.payments.support import (
    COUNTY,
    PERIOD,
    SINCE,
    TOWNSHIP,
    Payments,
    approved,
    foreign_event,
    fund,
)
from tests.support import first_day, months_from

NEXT = months_from(PERIOD, 1)
ACCOUNT = "6228480012345678901"


def suspended(case_id: str, effective_from: str) -> Any:
    """verification.BenefitSuspended as the contract describes it."""
    return foreign_event(
        "verification.BenefitSuspended",
        {"case_id": case_id, "programme": "urban_dibao", "effective_from": effective_from,
         "reason": "公安部门报告户主死亡"},
        case_id,
    )  # fmt: skip


async def run_of(payments: Payments, client: httpx.AsyncClient, run_id: str) -> dict[str, Any]:
    answer = await client.get(f"/v1/runs/{run_id}", headers=payments.headers())
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


async def paid(payments: Payments, case_id: str) -> list[tuple[str, str, int]]:
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT programme, period, amount_fen FROM payments_view WHERE case_id = :c"
                " ORDER BY period"
            ),
            {"c": case_id},
        )
        return [(r.programme, r.period, r.amount_fen) for r in rows]


@pytest.mark.req("PAY-3", "VER-7")
async def test_a_beneficiary_suspended_from_next_month_is_paid_this_month_not_next(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        # given two households: one whose head died this month (suspended from next month's
        # first day, as public security's report sets it) and one suspended from this month's
        for case in ("dies-this-month", "stopped-this-month"):
            await payments.consume(DECISIONS, approved(case))
        await payments.consume(DECISIONS, suspended("dies-this-month", first_day(NEXT)))
        await payments.consume(DECISIONS, suspended("stopped-this-month", first_day(PERIOD)))
        await payments.settle_projections()
        read = await client.get(
            "/v1/beneficiaries/dies-this-month/urban_dibao", headers=payments.headers()
        )
        assert (read.json()["status"], read.json()["stopped_from"]) == (
            "suspended", first_day(NEXT),
        )  # fmt: skip
        # when this month's run and next month's run are executed
        this_month = await start_and_execute(payments, client, PERIOD)
        next_month = await start_and_execute(payments, client, NEXT)
        # then the month of death is paid, the month after is not; nor is a month stopped
        # from its first day
        assert await paid(payments, "dies-this-month") == [("urban_dibao", PERIOD, 110_000)]
        assert await paid(payments, "stopped-this-month") == []
        assert (await run_of(payments, client, this_month))["settled"] == 1
        assert (await run_of(payments, client, next_month))["instructed"] == 0


@pytest.mark.req("PAY-3")
async def test_a_beneficiary_without_an_account_is_listed_unpayable_until_one_is_added(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        # given an approved household without a bank account
        await payments.consume(DECISIONS, approved("no-account", account=None))
        # when this month's run is executed
        run_id = await start_and_execute(payments, client, PERIOD)
        # then nothing is paid and the run lists the household as unpayable, with the reason
        run = await run_of(payments, client, run_id)
        assert (run["status"], run["instructed"]) == ("completed", 0)
        assert run["unpayable"] == [
            {"case_id": "no-account", "programme": "urban_dibao", "division_code": TOWNSHIP,
             "reason": "no-bank-account"}
        ]  # fmt: skip
        # and an event records it once for the period
        async with payments.runtime.engine.connect() as conn:
            recorded = list(
                (
                    await conn.execute(
                        text("SELECT data FROM events WHERE type = 'payments.BeneficiaryUnpayable'")
                    )
                ).scalars()
            )
        assert [(e["case_id"], e["period"], e["run_id"]) for e in recorded] == [
            ("no-account", PERIOD, run_id)
        ]
        url = "/v1/beneficiaries/no-account/urban_dibao/bank-account"
        body = {"bank_account": ACCOUNT, "reason": "户主补录社保卡账户"}
        etag = (
            await client.get("/v1/beneficiaries/no-account/urban_dibao", headers=payments.headers())
        ).headers["ETag"]
        # when the account is sent without If-Match, by another township, or malformed
        township = payments.headers("township_officer", TOWNSHIP)
        no_if_match = await client.put(url, json=body, headers=township)
        elsewhere = await client.put(
            url, json=body,
            headers={**payments.headers("township_officer", "620102002"), "If-Match": etag},
        )  # fmt: skip
        malformed = await client.put(
            url, json={**body, "bank_account": "62284800-1234"},
            headers={**payments.headers("township_officer", TOWNSHIP), "If-Match": etag},
        )  # fmt: skip
        # then each is refused
        assert no_if_match.status_code == 428, no_if_match.text
        assert elsewhere.status_code == 403, elsewhere.text
        assert malformed.status_code == 422, malformed.text
        # when the township officer records it with the ETag read
        changed = await client.put(url, json=body, headers={**township, "If-Match": etag})
        # then the answer shows it masked, and a stale ETag is refused afterwards
        assert changed.status_code == 200, changed.text
        assert changed.json()["bank_account_masked"].endswith("8901")
        assert ACCOUNT not in changed.text
        stale = await client.put(
            url, json=body,
            headers={**payments.headers("county_officer", COUNTY), "If-Match": etag},
        )  # fmt: skip
        assert stale.status_code == 412, stale.text
        await payments.settle_projections()
        read = await client.get(
            "/v1/beneficiaries/no-account/urban_dibao", headers=payments.headers()
        )
        assert read.json()["bank_account_masked"].endswith("8901")
        # and next month's run pays the household into it, the month it could not be paid
        # too, as back pay (ADR 0061)
        next_run = await start_and_execute(payments, client, NEXT)
        assert (await run_of(payments, client, next_run))["unpayable"] == []
        assert await paid(payments, "no-account") == [("urban_dibao", NEXT, 220_000)]
    async with payments.runtime.engine.connect() as conn:
        account = await conn.scalar(
            text("SELECT bank_account FROM payments_view WHERE case_id = 'no-account'")
        )
        event = await conn.scalar(
            text("SELECT data FROM events WHERE type = 'payments.BankAccountChanged'")
        )
    assert account == ACCOUNT
    assert event["bank_account_masked"].endswith("8901")


@pytest.mark.req("PAY-8", "PAY-3")
async def test_temporary_assistance_is_paid_once_in_the_approval_period_and_ends(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await set_standard(payments, client)
        await fund(payments, client, 10_000_000, "temporary_assistance")
        # given temporary assistance of 1,500 yuan approved this month
        await payments.consume(
            DECISIONS,
            approved("temp-1", programme="temporary_assistance", amount=150_000,
                     effective_from=first_day(PERIOD)),
        )  # fmt: skip
        # when this month's run and the next two are executed
        for n in range(3):
            await start_and_execute(payments, client, months_from(PERIOD, n))
        # then it was paid once, in this month's run, and the benefit has ended
        assert await paid(payments, "temp-1") == [("temporary_assistance", PERIOD, 150_000)]
        read = await client.get(
            "/v1/beneficiaries/temp-1/temporary_assistance", headers=payments.headers()
        )
        assert (read.json()["status"], read.json()["stopped_from"]) == (
            "terminated", first_day(NEXT),
        )  # fmt: skip


async def _standard(payments: Payments, client: httpx.AsyncClient, programme: str) -> None:
    answer = await client.post(
        "/v1/standards",
        json={"division_code": COUNTY, "programme": programme, "effective_from": SINCE,
              "monthly_per_person_fen": 10_000, "reason": "县补贴标准"},
        headers=payments.headers(),
    )  # fmt: skip
    assert answer.status_code == 201, answer.text


@pytest.mark.req("PAY-2")
async def test_fixed_subsidies_are_paid_per_eligible_person_not_per_member(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await _standard(payments, client, "elderly_subsidy")
        await _standard(payments, client, "disability_subsidies")
        # given a household of four with one elderly member (born 1949), approved for the
        # elderly subsidy, and one of four with two members graded disabled
        await payments.consume(DECISIONS, approved("elderly", size=4, programme="elderly_subsidy"))
        disabled = approved("disabled", size=4, programme="disability_subsidies")
        members = [
            {**m, **({"disability_grade": 2} if i in (1, 2) else {})}
            for i, m in enumerate(disabled.data["members"])
        ]
        await payments.consume(
            DECISIONS, dataclasses.replace(disabled, data={**disabled.data, "members": members})
        )
        await payments.settle_projections()
        # then each is paid 100 yuan per eligible person, not per household member
        amounts = {}
        for case, programme in (("elderly", "elderly_subsidy"),
                                ("disabled", "disability_subsidies")):  # fmt: skip
            read = await client.get(
                f"/v1/beneficiaries/{case}/{programme}", headers=payments.headers()
            )
            assert read.status_code == 200, read.text
            amounts[case] = (read.json()["monthly_amount_fen"], read.json()["explanation_en"])
        assert amounts["elderly"][0] == 10_000
        assert amounts["disabled"][0] == 20_000
        assert "eligible persons" in amounts["disabled"][1]
