"""An approval by rule where no standard is in force is enrolled awaiting one, listed unpayable by
the runs with the reason `no-standard`, and recomputed with back pay when the standard is set
(ADR 0041, PAY-2, PAY-4).

Hand-computed fixture (fen), months relative to the pinned clock's month M (November 2026):
- a household of 2 earning 500 yuan, approved by rule from the first of M−1; no standard.
- the M−1 run cannot pay it (no-standard). The county then sets 700 yuan from January:
  (700 × 2 − 500) = 900 yuan from M−1. The M run pays 90,000 + 90,000 back pay for M−1 = 180,000;
  the M+1 run pays 90,000 and no back pay.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import text

from intake.domain.programmes import Programme
from payments.domain.entitlement import AWAITING_STANDARD
from tests.payments.integration.test_agency_decisions import MEDICAL, published
from tests.payments.integration.test_child_allowance_ends import ORPHAN, granted
from tests.payments.integration.test_payable_periods import paid
from tests.payments.integration.test_runs import DECISIONS, start_and_execute
from tests.payments.support import COUNTY, PERIOD, SINCE, Payments, approved, fund
from tests.support import first_day, months_from

LAST, NEXT = months_from(PERIOD, -1), months_from(PERIOD, 1)
LAST_3 = months_from(PERIOD, -3)
STANDARDS = "payments.standards"
BENEFICIARY = "/v1/beneficiaries/case-w/urban_dibao"


async def _events(payments: Payments, event_type: str) -> list[tuple[dict[str, Any], Any]]:
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT data, metadata FROM events WHERE type = :t ORDER BY position"),
            {"t": event_type},
        )
        return [(r.data, r.metadata) for r in rows]


async def _set_standard(payments: Payments, programme: str, since: str, fen: int) -> None:
    """POST /v1/standards (If-Match: the standard's version), then deliver its StandardSet to
    the standards policy."""
    stream = f"standard-{COUNTY}:{programme}"
    version = await payments.runtime.store.stream_version(stream)
    if_match = {"If-Match": f'"{version}"'} if version else {}
    async with payments.client() as client:
        answer = await client.post(
            "/v1/standards",
            json={"division_code": COUNTY, "programme": programme, "effective_from": since,
                  "monthly_per_person_fen": fen, "reason": "县民政局、财政局联合发文"},
            headers={**payments.headers(), **if_match},
        )  # fmt: skip
        assert answer.status_code == 201, answer.text
    recorded = await payments.runtime.store.read_stream(stream)
    await payments.settle_projections()
    await payments.consume(STANDARDS, recorded[-1])
    await payments.settle_projections()


async def _unpayable(payments: Payments, period: str) -> list[dict[str, Any]]:
    """Run the county's month; the run's list of beneficiaries it could not pay."""
    async with payments.client() as client:
        run_id = await start_and_execute(payments, client, period)
        run = await client.get(f"/v1/runs/{run_id}", headers=payments.headers())
    return list(run.json()["unpayable"])


async def _ledger(payments: Payments) -> list[tuple[str, int, int]]:
    async with payments.client() as client:
        answer = await client.get(f"{BENEFICIARY}/payments", headers=payments.headers())
    return [(p["period"], p["amount_fen"], p["back_pay_fen"]) for p in answer.json()["items"]]


@pytest.mark.req("PAY-2", "PAY-4")
async def test_an_approval_without_a_standard_waits_for_it_and_is_paid_back_from_approval(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await fund(payments, client, 10_000_000)
    # given a household approved by rule from last month where the county has no standard
    approval = approved("case-w", size=2, income=50_000, effective_from=first_day(LAST))
    await payments.consume(DECISIONS, approval)
    await payments.consume(DECISIONS, approval)  # redelivered: nothing more
    await payments.settle_projections()
    # then it is enrolled at 0, awaiting a standard, and says who approved it and why
    async with payments.client() as client:
        read = (await client.get(BENEFICIARY, headers=payments.headers())).json()
    assert (read["monthly_amount_fen"], read["method"]) == (0, AWAITING_STANDARD)
    reason = f"no standard in force for {COUNTY}/urban_dibao on {first_day(LAST)}"
    assert read["explanation_en"] == reason
    [(awaiting, metadata)] = await _events(payments, "payments.BeneficiaryAwaitingStandard")
    assert (awaiting["approved_by"], awaiting["approved_by_role"]) == (
        "officer-1",
        "county_officer",
    )
    assert awaiting["reason"] == reason and metadata["causation_id"] == str(approval.event_id)
    # and last month's run lists it unpayable for want of a standard
    assert {"case_id": "case-w", "programme": "urban_dibao", "division_code": "620102001",
            "reason": "no-standard"} in await _unpayable(payments, LAST)  # fmt: skip
    # when the county sets 700 yuan from January, before the approval's date
    await _set_standard(payments, "urban_dibao", SINCE, 70_000)
    # then the household is recomputed by rule from its approval's date
    async with payments.client() as client:
        read = (await client.get(BENEFICIARY, headers=payments.headers())).json()
    assert (read["monthly_amount_fen"], read["method"]) == (90_000, "dibao_gap")
    assert read["effective_from"] == first_day(LAST)
    # and this month's run pays it with last month as back pay, the next without, to the fen
    assert "case-w" not in {u["case_id"] for u in await _unpayable(payments, PERIOD)}
    assert "case-w" not in {u["case_id"] for u in await _unpayable(payments, NEXT)}
    assert await _ledger(payments) == [(PERIOD, 180_000, 90_000), (NEXT, 90_000, 0)]


@pytest.mark.req("PAY-2", "PAY-4")
async def test_a_standard_from_after_the_approval_pays_from_its_own_date_without_back_pay(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await fund(payments, client, 10_000_000)
    # given a household approved by rule from last month, unpaid by last month's run
    await payments.consume(
        DECISIONS, approved("case-w", size=2, income=50_000, effective_from=first_day(LAST))
    )
    await payments.settle_projections()
    assert "case-w" in {u["case_id"] for u in await _unpayable(payments, LAST)}
    # when the county's first standard takes effect this month
    await _set_standard(payments, "urban_dibao", first_day(PERIOD), 70_000)
    # then this month is paid at the standard and last month, when none was in force, is not
    assert "case-w" not in {u["case_id"] for u in await _unpayable(payments, PERIOD)}
    assert await _ledger(payments) == [(PERIOD, 90_000, 0)]


@pytest.mark.req("PAY-2", "INT-4")
async def test_a_per_person_partner_decision_without_a_standard_waits_for_it(
    payments: Payments,
) -> None:
    # given the federation approving one person's subsidy where the county has no standard
    subsidy = replace(
        MEDICAL, programme=Programme.DISABILITY_SUBSIDIES, amount_fen=None, persons=1,
        decided_by_role="disabled_persons_federation", decided_by_org="城关区残联",
    )  # fmt: skip
    await payments.consume(DECISIONS, published("disabled-w", subsidy))
    await payments.settle_projections()
    path = "/v1/beneficiaries/disabled-w/disability_subsidies"
    async with payments.client() as client:
        read = (await client.get(path, headers=payments.headers())).json()
    assert (read["monthly_amount_fen"], read["method"]) == (0, AWAITING_STANDARD)
    # when the county sets its standard of 100 yuan a person from January
    await _set_standard(payments, "disability_subsidies", SINCE, 10_000)
    # then the person is paid the standard
    async with payments.client() as client:
        read = (await client.get(path, headers=payments.headers())).json()
    assert (read["monthly_amount_fen"], read["method"]) == (10_000, "fixed")


def _grant_from(child_id: str, effective_from: str) -> Any:
    """verification.ChildAllowanceAssessed v1 granting the orphan allowance from a date."""
    grant = granted(child_id, "2035-03")
    return replace(grant, data={**grant.data, "effective_from": effective_from})


@pytest.mark.req("PAY-9", "PAY-4", "PAY-2")
async def test_a_grant_from_before_the_first_standard_is_paid_from_the_standards_date(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await fund(payments, client, 10_000_000, ORPHAN)
    # given the county's first orphan standard, 1,200 yuan from last month
    await _set_standard(payments, ORPHAN, first_day(LAST), 120_000)
    # when an orphan is granted the allowance from three months before it
    await payments.consume(DECISIONS, _grant_from("early", first_day(months_from(PERIOD, -3))))
    await payments.settle_projections()
    # then it is computed under the standard from the standard's date, not left awaiting one
    path = f"/v1/beneficiaries/early/{ORPHAN}"
    async with payments.client() as client:
        read = (await client.get(path, headers=payments.headers())).json()
    assert (read["monthly_amount_fen"], read["method"]) == (120_000, "fixed")
    # and this month's run pays it (arrears run from the grant's month, ADR 0061)
    assert "early" not in {u["case_id"] for u in await _unpayable(payments, PERIOD)}
    assert await paid(payments, "early") == [(ORPHAN, PERIOD, 120_000)]


@pytest.mark.req("PAY-2", "PAY-4")
async def test_a_retroactive_approval_is_computed_under_each_standard_since_its_date(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await fund(payments, client, 10_000_000)
    # given 700 yuan from January, raised to 800 yuan from last month
    await _set_standard(payments, "urban_dibao", SINCE, 70_000)
    await _set_standard(payments, "urban_dibao", first_day(LAST), 80_000)
    # when a household of 2 earning 500 yuan is approved by rule from three months ago
    approval = approved("case-w", size=2, income=50_000, effective_from=first_day(LAST_3))
    await payments.consume(DECISIONS, approval)
    await payments.settle_projections()
    # then this month is paid under the raised standard: 800 × 2 − 500 = 1,100 yuan
    assert "case-w" not in {u["case_id"] for u in await _unpayable(payments, PERIOD)}
    assert await _ledger(payments) == [(PERIOD, 110_000, 0)]
