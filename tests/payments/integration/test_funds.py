"""Funds: a run over the available funds is refused unless an authorised override (PAY-7)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.payments.integration.test_runs import DECISIONS, set_standard, start_and_execute
from tests.payments.support import (
    COUNTY,
    PERIOD,
    SINCE,
    Payments,
    approved,
    foreign_event,
    fund,
)
from tests.support import first_day, months_from


async def standard(payments: Payments, client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/v1/standards",
        json={"division_code": COUNTY, "programme": "urban_dibao", "effective_from": SINCE,
              "monthly_per_person_fen": 70_000, "reason": "县标准"},
        headers=payments.headers(),
    )  # fmt: skip
    assert answer.status_code == 201


@pytest.mark.req("PAY-7")
async def test_a_run_over_the_available_funds_is_refused_unless_overridden(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given two households owed 1,100 yuan each and only 2,000 yuan arrived
        await standard(payments, client)
        await payments.consume(DECISIONS, approved("case-1"))
        await payments.consume(DECISIONS, approved("case-2"))
        await fund(payments, client, 200_000)
        run = {"county_code": COUNTY, "period": PERIOD, "reason": "月度发放"}
        # when the county starts the run
        refused = await client.post("/v1/runs", json=run, headers=payments.headers())
        # then it is refused with the amounts
        assert refused.status_code == 409, refused.text
        problem = refused.json()
        assert problem["code"] == "insufficient-funds"
        assert (problem["needed_fen"], problem["available_fen"], problem["shortfall_fen"]) == (
            220_000, 200_000, 20_000,
        )  # fmt: skip
        assert problem["short_programmes"] == ["urban_dibao"]
        assert problem["detail_zh"]
        # and an override by an officer without the authority is refused too
        override = {**run, "funds_override_reason": "上级资金在途，先行垫付"}
        denied = await client.post("/v1/runs", json=override, headers=payments.headers())
        assert denied.status_code == 403
        assert denied.json()["code"] == "funds-override-not-authorised"
        # when an authorised officer overrides with a reason
        token = payments.signer.mint(
            "director", "county_officer", COUNTY, "城关区民政局",
            scopes=("payments:funds-override",),
        )  # fmt: skip
        authorised = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
        started = await client.post("/v1/runs", json=override, headers=authorised)
        # then the run starts and the override is recorded with its reason
        assert started.status_code == 201, started.text
        events = await payments.runtime.store.read_stream(f"run-{started.json()['run_id']}")
        assert events[0].data["funds_override_reason"] == "上级资金在途，先行垫付"
        assert events[0].data["shortfall_fen"] == 20_000
        assert events[0].metadata.actor.id == "director"


@pytest.mark.req("PAY-7")
async def test_disclosure_shows_fund_use_and_performance_without_personal_data(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given a paid run
        await standard(payments, client)
        await payments.consume(DECISIONS, approved("case-1"))
        await fund(payments, client, 1_000_000)
        await client.post(
            "/v1/runs",
            json={"county_code": COUNTY, "period": PERIOD, "reason": "月度发放"},
            headers=payments.headers(),
        )
        await payments.settle_projections()
        assert await payments.runtime.app.state.executor.execute(f"{COUNTY}-{PERIOD}")
        # when the disclosure is read
        answer = await client.get(f"/v1/disclosure/{COUNTY}", headers=payments.headers())
        page = await client.get(f"/v1/disclosure/{COUNTY}/page", headers=payments.headers())
    # then allocated, arrived and paid are shown with the performance figures
    data = answer.json()
    assert data["programmes"] == [
        {"programme": "urban_dibao", "allocated_fen": 1_000_000, "arrived_fen": 1_000_000,
         "paid_fen": 110_000, "available_fen": 890_000},
    ]  # fmt: skip
    assert data["performance"]["payout_rate"] == 1.0
    assert data["performance"]["coverage"] == 1.0
    assert data["performance"]["cost_per_beneficiary_fen"] == 110_000
    # and the printable page is in Chinese, with no name or account
    assert page.headers["content-type"].startswith("text/html")
    assert "资金使用情况公示" in page.text and "城市低保" in page.text and "1100.00" in page.text
    assert "张桂兰" not in page.text and "8901" not in page.text


@pytest.mark.req("PAY-7")
async def test_coverage_counts_the_same_benefits_in_the_same_month_so_it_never_exceeds_one(
    payments: Payments,
) -> None:
    next_month = months_from(PERIOD, 1)
    async with payments.client() as client:
        # given three households paid this month
        await set_standard(payments, client)
        for case in ("stays", "ends-1", "ends-2"):
            await payments.consume(DECISIONS, approved(case))
        await start_and_execute(payments, client, PERIOD)
        # and two whose benefits end from next month, and one due next month without an account
        for case in ("ends-1", "ends-2"):
            await payments.consume(
                DECISIONS,
                foreign_event(
                    "verification.BenefitTerminated",
                    {"case_id": case, "programme": "urban_dibao",
                     "effective_from": first_day(next_month), "reason": "收入超标，退出保障"},
                    case,
                ),
            )  # fmt: skip
        await payments.consume(DECISIONS, approved("no-account", account=None))
        # when next month is paid and the disclosure read
        await start_and_execute(payments, client, next_month)
        answer = await client.get(f"/v1/disclosure/{COUNTY}", headers=payments.headers())
    # then coverage is next month's: of the two benefits due then, the one paid — the ended
    # benefits paid this month count in neither part (3 paid ever / 2 active was 150%)
    assert answer.status_code == 200, answer.text
    performance = answer.json()["performance"]
    assert performance["coverage"] == 0.5
    assert performance["coverage_period"] == next_month


@pytest.mark.req("PAY-7", "GEN-8")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"programme": "no_such_programme"}, "body.programme"),
        ({"programme": "education_assistance"}, "body.programme"),  # the bureau pays it itself
        ({"county_code": "629999"}, "body.county_code"),
        ({"source": "village"}, "body.source"),
    ],
    ids=["unknown-programme", "programme-not-paid-by-safetynet", "unknown-county", "source"],
)
@pytest.mark.parametrize("kind", ["allocations", "arrivals"])
async def test_funds_for_what_does_not_exist_are_refused_naming_the_field_and_nothing_written(
    payments: Payments, kind: str, change: dict[str, str], field: str
) -> None:
    # given a movement whose programme, county or source names nothing payments pays
    movement = {"county_code": COUNTY, "programme": "urban_dibao", "source": "provincial",
                "amount_fen": 1_000_000, "document_ref": "甘财社〔2026〕1号", "reason": "省级资金",
                **change}  # fmt: skip
    async with payments.client() as client:
        # when it is recorded
        answer = await client.post(f"/v1/funds/{kind}", json=movement, headers=payments.headers())
    # then it is refused 422 naming the field, and no funds account was opened
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in answer.json().get("errors", [])] == [field], answer.text
    stream = f"funds-{movement['county_code']}:{movement['programme']}"
    assert await payments.runtime.store.stream_version(stream) == 0
