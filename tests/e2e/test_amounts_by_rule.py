"""Amounts by rule, overrides by reason, care by self-care, end to end through the public APIs:
a dibao household approved by the formula gets back pay to the fen when the county raises its
standard from three months back (PAY-2, PAY-4, VER-7); a partly dependent (半失能) extreme-poverty
person is paid the basic standard plus the care standard for that ability (PAY-1, VER-8)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.payments.api.standards import get_standard, set_standard
from clients.verification.api.county import decide_case, form_batch, record_spot_check
from clients.verification.api.notices import get_village_notice, publish_notice
from clients.verification.api.township import (
    record_investigation,
    submit_proposal,
    verify_household_economy,
)
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import Clerk, County, closed_run, completed_run, funded, submitted
from tests.e2e.services import RunningServices
from tests.e2e.test_payments_flow import ACCOUNT, COUNTY, TOWNSHIP, VILLAGE
from tests.e2e.test_verification_happy_path import Officer, ok, resident
from tests.support import eventually

DIBAO, RAISED, BASIC, CARE_PARTIAL = 70_000, 75_000, 100_000, 30_000
HERE = County(COUNTY)


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services and the simulators; a zero-day notice period so approval can follow."""
    with own_stack(
        "e2e-amounts",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
        },
    ) as running:
        yield running


async def approved(
    services: RunningServices,
    client: httpx.AsyncClient,
    programme: str,
    sequence: int,
    decision: dict[str, Any],
    self_care: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """A one-person application taken through verification to approval; the case's file."""
    person = resident(sequence)
    case_id = await submitted(services, client, HERE, {
        "division_code": TOWNSHIP, "registration": "urban", "programmes": [programme],
        "members": [{"resident_id": person, "name": "李桂兰", "relation": "self"}],
        "declared_monthly_income_fen": 10_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": services.day(-15),
                          "document_ref": f"城关区-授权-{sequence}"},
        "bank_account": ACCOUNT,
    })  # fmt: skip
    township = Officer(services, client, "township_officer", TOWNSHIP, programme)
    county = Officer(services, client, "county_officer", COUNTY, programme)

    async def opened() -> bool:
        return (await township.case(case_id)).status_code == 200

    await eventually(opened, message="no case opened")
    await ok(await township.step(case_id, verify_household_economy, {}), "investigation")
    visit: dict[str, Any] = {"staff": ["王明", "李华"], "visited_on": services.day(-8),
                             "findings": "情况属实"}  # fmt: skip
    if self_care:
        visit["self_care"] = [{"resident_id": person, "ability": self_care}]
    await ok(await township.step(case_id, record_investigation, visit), "township_review")
    proposal = {"proposed_monthly_amount_fen": 12_345, "review_opinion": "拟保"}
    await ok(await township.step(case_id, submit_proposal, proposal), "proposed")
    formed = await county.call(
        form_batch,
        body={"township_code": TOWNSHIP,
              "cases": [{"case_id": case_id, "programme": programme}]},
    )  # fmt: skip
    assert formed.status_code == 201, formed.text
    visited = await county.call(
        record_spot_check,
        batch_id=formed.json()["batch_id"],
        etag=formed.headers["ETag"],
        body={"case_id": case_id, "programme": programme, "visited_by": ["赵", "钱"],
              "visited_on": services.day(-7), "findings": "与申报一致"},
    )  # fmt: skip
    assert visited.status_code == 200, visited.text
    await ok(await township.step(case_id, publish_notice, {"village_code": VILLAGE}), "notice")
    decided = await county.step(case_id, decide_case, decision)
    await ok(decided, "approved")
    return case_id, decided.json()


async def standard(payments: Clerk, programme: str, fen: int, since: str,
                   **extra: Any) -> None:  # fmt: skip
    """Set the county's standard for the programme from a month (If-Match its current version)."""
    current = await payments.call(get_standard, division_code=COUNTY, programme=programme)
    etag = current.headers.get("ETag") if current.status_code == 200 else None
    answer = await payments.call(
        set_standard,
        etag=etag,
        body={"division_code": COUNTY, "programme": programme, "effective_from": f"{since}-01",
              "monthly_per_person_fen": fen, "reason": "县民政局、财政局联合发文", **extra},
    )  # fmt: skip
    assert answer.status_code == 201, answer.text


async def entitlement(payments: Clerk, ledger: dict[str, str], amount: int | None = None) -> Any:
    """Wait until payments shows the beneficiary (at that monthly amount); its view. `ledger`
    names the benefit: its case_id and programme."""

    async def shown() -> bool:
        answer = await payments.call(get_beneficiary, **ledger)
        return answer.status_code == 200 and amount in (None, answer.json()["monthly_amount_fen"])

    await eventually(shown, timeout=30, message=f"{ledger} never showed {amount}")
    return (await payments.call(get_beneficiary, **ledger)).json()


async def payments_of(payments: Clerk, ledger: dict[str, str]) -> list[dict[str, Any]]:
    """The benefit's payments, as payments lists them."""
    answer = await payments.call(list_beneficiary_payments, **ledger)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


@pytest.mark.req("PAY-2", "PAY-4", "VER-7")
async def test_a_household_approved_by_rule_gets_back_pay_to_the_fen_when_the_standard_rises(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Clerk(services, client, "payments", "county_officer", COUNTY)
        # given the county's urban dibao standard of 700 yuan for the past year
        await standard(payments, "urban_dibao", DIBAO, services.period(-12))
        await funded(payments, HERE, "urban_dibao", 10_000_000)
        # when the county approves a household from last month without fixing an amount
        since = services.period(-1)
        decision = {"decision": "approve", "reason": "经入户抽查和公示，符合条件",
                    "effective_from": f"{since}-01"}  # fmt: skip
        case_id, file = await approved(services, client, "urban_dibao", 801, decision)
        # then the approval is by rule and the township's 123.45 yuan is only information
        assert (file["amount_basis"], file["approved_monthly_amount_fen"]) == ("rule", 0)
        assert file["proposed_monthly_amount_fen"] == 12_345 and file["override_reason"] is None
        income = int(file["assessed_monthly_income_fen"])
        gap = DIBAO - income  # (standard − per-capita income) × 1 member
        assert gap > 0
        # and payments computes the gap formula, with its explanation
        ledger = {"case_id": case_id, "programme": "urban_dibao"}
        shown = await entitlement(payments, ledger, gap)
        assert shown["method"] == "dibao_gap" and str(gap) in shown["explanation_en"]
        # and pays it for last month, late (a run pays last month at the earliest, ADR 0060)
        await completed_run(payments, HERE, since)
        # when the county raises its standard to 750 yuan from last month
        await standard(payments, "urban_dibao", RAISED, since)
        raised_gap = RAISED - income
        await entitlement(payments, ledger, raised_gap)
        # then the next run pays the new amount and 50 yuan of back pay, to the fen
        await completed_run(payments, HERE, services.period())
        paid = {p["period"]: p for p in await payments_of(payments, ledger)}
        assert paid[since]["amount_fen"] == gap
        now = paid[services.period()]
        assert (now["monthly_fen"], now["back_pay_fen"]) == (raised_gap, RAISED - DIBAO)
        assert now["amount_fen"] == raised_gap + 5_000 and now["status"] == "settled"
        # and the village's notice shows the amount paid, not the township's 123.45 yuan
        village = Clerk(services, client, "verification", "village_committee", VILLAGE)

        async def noticed() -> list[Any]:
            board = (await village.call(get_village_notice, village_code=VILLAGE)).json()
            return [e.get("amount_fen") for e in board["entries"] if e["status"] == "approved"]

        await eventually(
            lambda: _equals(noticed(), [raised_gap]), timeout=30, message="notice amount"
        )


async def _equals(pending: Any, wanted: Any) -> bool:
    return bool(await pending == wanted)


@pytest.mark.req("PAY-2", "PAY-4", "VER-7")
async def test_an_override_is_paid_as_fixed_with_its_reason_and_not_recomputed_on_a_raise(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Clerk(services, client, "payments", "county_officer", COUNTY)
        # given the county's standard (set by the test before, or now)
        known = await payments.call(get_standard, division_code=COUNTY, programme="urban_dibao")
        if known.status_code != 200:
            await standard(payments, "urban_dibao", DIBAO, services.period(-12))
        # when the county fixes one household's amount, with its reason, and approves another
        # by rule
        decision = {"decision": "approve", "reason": "符合条件",
                    "override_monthly_amount_fen": 66_600,
                    "override_reason": "家有重病患者，酌情提高"}  # fmt: skip
        fixed_id, file = await approved(services, client, "urban_dibao", 802, decision)
        by_rule = {"decision": "approve", "reason": "符合条件"}
        rule_id, rule_file = await approved(services, client, "urban_dibao", 803, by_rule)
        # then the case shows the override, its reason and who fixed it; payments pays it
        assert (file["amount_basis"], file["approved_monthly_amount_fen"]) == ("override", 66_600)
        assert file["override_reason"] == "家有重病患者，酌情提高" and file["overridden_by"]
        fixed = {"case_id": fixed_id, "programme": "urban_dibao"}
        shown = await entitlement(payments, fixed, 66_600)
        assert shown["method"] == "approved" and "override" in shown["explanation_en"]
        # when the standard is raised from last month
        raised = RAISED + 1_000
        await standard(payments, "urban_dibao", raised, services.period(-1))
        # then the amount by rule is recomputed, and the fixed amount is left alone
        income = int(rule_file["assessed_monthly_income_fen"])
        by_rule_ledger = {"case_id": rule_id, "programme": "urban_dibao"}
        await entitlement(payments, by_rule_ledger, raised - income)
        assert (await payments.call(get_beneficiary, **fixed)).json()[
            "monthly_amount_fen"
        ] == 66_600
        # and the old field is refused rather than taken silently as a fixed amount
        county = Officer(services, client, "county_officer", COUNTY)
        silent = await county.step(rule_id, decide_case, {
            "decision": "approve", "reason": "x", "approved_monthly_amount_fen": 1})  # fmt: skip
        assert silent.status_code == 422
        assert "body.approved_monthly_amount_fen" in {e["field"] for e in silent.json()["errors"]}


@pytest.mark.req("PAY-1", "VER-8")
async def test_a_partly_dependent_extreme_poverty_person_is_paid_basic_plus_the_care_standard(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Clerk(services, client, "payments", "county_officer", COUNTY)
        # given the county's extreme-poverty basic standard of 1,000 yuan with its care standards
        cares = {"full": 0, "partial": CARE_PARTIAL, "none": 60_000}
        await standard(payments, "extreme_poverty", BASIC, services.period(-12),
                       care_amounts_fen=cares)  # fmt: skip
        await funded(payments, HERE, "extreme_poverty", 10_000_000)
        # and this month's run closed (this test's or the module's first test's)
        await closed_run(payments, HERE, services.period())
        # when the township's investigation assesses the person partly dependent (半失能)
        # and the county approves by rule
        decision = {"decision": "approve", "reason": "符合特困供养条件"}
        case_id, file = await approved(
            services, client, "extreme_poverty", 811, decision, self_care="partial"
        )
        # then the person is flagged for centralised care (VER-8)
        assert any(f.startswith("centralised_care:") for f in file["priority_flags"])
        # and payments pays the basic standard plus the care standard for partial self-care
        ledger = {"case_id": case_id, "programme": "extreme_poverty"}
        shown = await entitlement(payments, ledger, BASIC + CARE_PARTIAL)
        assert shown["method"] == "basic_and_care" and "半失能" in shown["explanation_zh"]
        # in next month's run, with this month, approved after its run, as back pay (ADR 0061)
        await completed_run(payments, HERE, services.period(1))
        paid = await payments_of(payments, ledger)
        monthly = BASIC + CARE_PARTIAL
        assert [(p["amount_fen"], p["back_pay_fen"], p["status"]) for p in paid] == [
            (2 * monthly, monthly, "settled")
        ]
