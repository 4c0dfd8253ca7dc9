"""SUP-8 on the real PostgreSQL: monthly statistics by county and programme, as JSON and CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest

from shared.clock import current_period
from shared.contracts.intake import ProgrammeDecidedByAgency
from shared.contracts.payments import (
    BeneficiaryEnrolled,
    BeneficiaryResumed,
    BeneficiarySuspended,
    BeneficiaryTerminated,
    ChildAllowanceAgeLimitReached,
)
from shared.contracts.verification import ApprovedMember, CaseApproved, Migration
from tests.supervision.integration.conftest import Supervision
from tests.support import months_from

TOWNSHIP = "620102001"
SINCE = date(2026, 1, 1)  # enrolments in force from before every month the tests report on


def _approval(case_id: str, migrated: Migration | None) -> dict[str, Any]:
    """verification.CaseApproved as verification publishes it (its typed contract)."""
    return CaseApproved(
        case_id=case_id, programme="urban_dibao", division_code=TOWNSHIP, county_code="620102",
        registration="urban", household_size=1,
        members=(ApprovedMember(resident_id="620102195803040011", name="李建国", relation="self"),),
        assessed_monthly_income_fen=0, approved_monthly_amount_fen=0, rural_class=None,
        effective_from=date(2026, 1, 1), next_review_due=date(2027, 1, 1), bank_account=None,
        migrated=migrated,
    ).model_dump(mode="json")  # fmt: skip


def _enrolment(
    case_id: str, effective_from: date = SINCE, programme: str = "urban_dibao"
) -> dict[str, Any]:
    """payments.BeneficiaryEnrolled as payments publishes it (its typed contract)."""
    return BeneficiaryEnrolled(
        case_id=case_id, programme=programme, division_code=TOWNSHIP, county_code="620102",
        registration="urban", household_size=1, assessed_monthly_income_fen=0, rural_class=None,
        approved_monthly_amount_fen=0, monthly_amount_fen=70_000, effective_from=effective_from,
        payee_name="李建国", bank_account=None,
    ).model_dump(mode="json")  # fmt: skip


def _first_day(period: str) -> date:
    return date.fromisoformat(f"{period}-01")


async def _plant_month(s: Supervision) -> None:
    for n, programmes in enumerate((["urban_dibao", "medical_assistance"], ["urban_dibao"])):
        await s.copy_in("intake", f"case-{n}", "intake.ApplicationSubmitted",
                        {"application_id": f"case-{n}", "division_code": TOWNSHIP,
                         "programmes": programmes})  # fmt: skip
    await s.copy_in("verification", "case-0", "verification.CaseApproved",
                    {"case_id": "case-0", "programme": "urban_dibao", "division_code": TOWNSHIP,
                     "county_code": "620102"})  # fmt: skip
    await s.copy_in("verification", "case-1", "verification.CaseRejected",
                    {"case_id": "case-1", "programme": "urban_dibao", "division_code": TOWNSHIP,
                     "reason": "收入超标", "appeal_rights": "可申请复议"})  # fmt: skip
    await s.copy_in("verification", "batch-1", "verification.SpotCheckSampleDrawn",
                    {"batch_id": "batch-1", "county_code": "620102", "township_code": TOWNSHIP,
                     "households": [f"c{n}/urban_dibao" for n in range(10)],
                     "sample": ["c1/urban_dibao", "c2/urban_dibao", "c3/urban_dibao"]})  # fmt: skip
    month = current_period(s.clock)
    # settled this month: last month's payment retried late, this month's, next month's paid
    # early (提前发放); each is the spending of the month it pays, as payments counts it
    for period, amount in ((months_from(month, -1), 60_000), (month, 120_000),
                           (months_from(month, 1), 30_000)):  # fmt: skip
        await s.copy_in("payments", "case-0", "payments.PaymentSettled",
                        {"payment_id": period, "case_id": "case-0", "programme": "urban_dibao",
                         "period": period, "amount_fen": amount})  # fmt: skip
    for case in ("case-0", "case-9"):
        await s.copy_in("payments", case, "payments.BeneficiaryEnrolled", _enrolment(case))
    ended = BeneficiaryTerminated(case_id="case-9", programme="urban_dibao",
                                  effective_from=_first_day(month), reason="死亡注销")  # fmt: skip
    await s.copy_in("payments", "case-9", ended.TYPE, ended.model_dump(mode="json"))
    await s.copy_in("supervision", "c-1", "supervision.ComplaintReceived",
                    {"complaint_id": "c-1", "division_code": TOWNSHIP})  # fmt: skip
    await s.copy_in("intake", "other-county", "intake.ApplicationSubmitted",
                    {"application_id": "x", "division_code": "620103001",
                     "programmes": ["urban_dibao"]})  # fmt: skip


@pytest.mark.req("SUP-8")
async def test_the_month_is_counted_by_county_and_programme(supervision: Supervision) -> None:
    # given a month of events from every service in two counties
    await _plant_month(supervision)
    month = current_period(supervision.clock)
    async with supervision.client() as client:
        headers = supervision.headers("county_officer", "620102")
        # when the county asks for the month's statistics as JSON and as CSV
        report = await client.get("/v1/reports/statistics", params={"period": month},
                                  headers=headers)  # fmt: skip
        sheet = await client.get(
            "/v1/reports/statistics", params={"period": month, "format": "csv"}, headers=headers
        )
        bad = await client.get("/v1/reports/statistics", params={"period": "2026-13"},
                               headers=headers)  # fmt: skip
    # then its own county's figures are there, and no other county's
    assert report.status_code == 200, report.text
    rows = {(r["county_code"], r["programme"]): r for r in report.json()["rows"]}
    assert set(rows) == {("620102", "urban_dibao"), ("620102", "medical_assistance"),
                         ("620102", "*")}  # fmt: skip
    dibao = rows[("620102", "urban_dibao")]
    assert (dibao["applications"], dibao["approvals"], dibao["rejections"]) == (2, 1, 1)
    assert dibao["spending_fen"] == 120_000 and dibao["processing_days_avg"] is not None
    assert dibao["new_beneficiaries"] == 2 and dibao["beneficiaries"] == 1
    assert rows[("620102", "*")]["spot_check_rate"] == 0.3
    assert rows[("620102", "*")]["complaints"] == 1
    assert rows[("620102", "medical_assistance")]["applications"] == 1
    # and the CSV carries the same rows under a bilingual header
    assert sheet.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(sheet.text.lstrip("\ufeff"))))
    assert table[0][0] == "县级区划 county_code" and len(table) == 4
    # and a malformed month is refused naming the field
    assert bad.status_code == 400 and bad.json()["field"] == "period"


@pytest.mark.req("SUP-8")
async def test_migrated_households_are_counted_apart_not_as_the_months_approvals(
    supervision: Supervision,
) -> None:
    # given a household approved this month and one brought in by the caseload migration,
    # both enrolled by payments
    marker = Migration(migration_id="m-1", source_sha256="0" * 64, row=2, household_ref="H-001")
    await supervision.copy_in("verification", "new", "verification.CaseApproved",
                              _approval("new", None))  # fmt: skip
    await supervision.copy_in("verification", "old", "verification.CaseApproved",
                              _approval("old", marker))  # fmt: skip
    for case in ("new", "old"):
        await supervision.copy_in("payments", case, "payments.BeneficiaryEnrolled",
                                  _enrolment(case))  # fmt: skip
    month = current_period(supervision.clock)
    # when the county reads the month's statistics
    async with supervision.client() as client:
        headers = supervision.headers("county_officer", "620102")
        report = await client.get(
            "/v1/reports/statistics", params={"period": month}, headers=headers
        )
    # then the migrated household is not one of the month's approvals or new beneficiaries,
    # it is counted apart, and both are in care at the month's end
    assert report.status_code == 200, report.text
    (dibao,) = [r for r in report.json()["rows"] if r["programme"] == "urban_dibao"]
    assert (dibao["approvals"], dibao["new_beneficiaries"]) == (1, 1)
    assert dibao["migrated_in"] == 1
    assert dibao["beneficiaries"] == 2
    assert "migrated_in" in [c["name"] for c in report.json()["columns"]]


def _agency_decision(case_id: str, programme: str, outcome: str, settlement: str) -> dict:
    """intake.ProgrammeDecidedByAgency as intake publishes it (its typed contract, ADR 0032)."""
    return ProgrammeDecidedByAgency.model_validate(
        {"application_id": case_id, "programme": programme, "agency": "medical_assistance_office",
         "outcome": outcome, "reason": "依规审核", "policy_basis": "甘肃省医疗救助办法",
         "decided_by_role": "health_insurance", "decided_by_staff_id": "yb-001",
         "decided_by_org": "城关区医疗保障局", "decided_on": "2026-11-02",
         "division_code": TOWNSHIP, "registration": "urban", "household_size": 1,
         "settlement": settlement, "amount_fen": 300_000 if outcome == "approved" else None}
    ).model_dump(mode="json")  # fmt: skip


@pytest.mark.req("SUP-8")
async def test_a_benefit_resumed_is_counted_from_the_month_it_is_paid_again(
    supervision: Supervision,
) -> None:
    s = supervision
    month = current_period(s.clock)
    last_month = _first_day(months_from(month, -1))
    this_month, next_month = _first_day(month), _first_day(months_from(month, 1))
    # given two benefits suspended from last month, one resumed from this month's first day and
    # one from next month's (ADR 0066), as payments publishes them
    for case, paid_again_from in (("resumed-now", this_month), ("resumed-later", next_month)):
        stop = BeneficiarySuspended(
            case_id=case,
            programme="urban_dibao",
            effective_from=last_month,
            reason="户主死亡，暂停发放",
        )
        resumed = BeneficiaryResumed(
            case_id=case,
            programme="urban_dibao",
            effective_from=paid_again_from,
            reason="家庭成员尚在，恢复发放",
            household_size=1,
        )
        await s.copy_in("payments", case, "payments.BeneficiaryEnrolled", _enrolment(case))
        for event in (stop, resumed):
            await s.copy_in("payments", case, event.TYPE, event.model_dump(mode="json"))
    # when the county reads the month's statistics
    async with s.client() as client:
        headers = s.headers("county_officer", "620102")
        report = await client.get(
            "/v1/reports/statistics", params={"period": month}, headers=headers
        )
    # then it counts the one paid again from this month, not the one still inside its lifted
    # stop until next month (`Beneficiary.payable_in`)
    assert report.status_code == 200, report.text
    (dibao,) = [r for r in report.json()["rows"] if r["programme"] == "urban_dibao"]
    assert dibao["beneficiaries"] == 1


@pytest.mark.req("SUP-8")
async def test_beneficiaries_and_decisions_are_counted_as_payments_and_partners_publish_them(
    supervision: Supervision,
) -> None:
    s = supervision
    month = current_period(s.clock)
    this_month, next_month = _first_day(month), _first_day(months_from(month, 1))
    # given payments' benefits: one paid all year, one suspended from this month's 1st, one
    # terminated from next month's 1st, one enrolled from next month, and a child's allowance
    # past its age limit from this month (each stop as payments publishes it, with its date)
    for case, since in (("paid", SINCE), ("suspended", SINCE), ("ends-next-month", SINCE),
                        ("starts-next-month", next_month)):  # fmt: skip
        await s.copy_in("payments", case, "payments.BeneficiaryEnrolled", _enrolment(case, since))
    await s.copy_in("payments", "child", "payments.BeneficiaryEnrolled",
                    _enrolment("child", SINCE, "orphan_allowance"))  # fmt: skip
    suspended = BeneficiarySuspended(
        case_id="suspended",
        programme="urban_dibao",
        effective_from=this_month,
        reason="督查整改：暂停发放",
    )
    ends = BeneficiaryTerminated(
        case_id="ends-next-month",
        programme="urban_dibao",
        effective_from=next_month,
        reason="收入超标，下月起终止",
    )
    aged = ChildAllowanceAgeLimitReached(
        case_id="child", programme="orphan_allowance", run_id=f"620102-{month}", period=month,
        age_limit=18, policy="child_allowance_age_limit", policy_version=1, basis="resident_id",
        coming_of_age_period=months_from(month, -1), coming_of_age_stopped_from=this_month,
        reason="年满18周岁，停发",
    )  # fmt: skip
    for event in (suspended, ends, aged):
        await s.copy_in("payments", event.case_id, event.TYPE, event.model_dump(mode="json"))
    # and a partner agency's approval of a one-off and its rejection of another household
    for case, outcome in (("medical-1", "approved"), ("medical-2", "rejected")):
        decided = _agency_decision(case, "medical_assistance", outcome, "one_off")
        await s.copy_in("intake", case, "intake.ProgrammeDecidedByAgency", decided)
    # when the county reads the month's statistics
    async with s.client() as client:
        headers = s.headers("county_officer", "620102")
        report = await client.get(
            "/v1/reports/statistics", params={"period": month}, headers=headers
        )
    # then the benefits are those payments' run pays this month (`Beneficiary.payable_in`):
    # the one paid all year and the one ending next month; not the suspended one, the child past
    # the age limit, nor the one enrolled from next month
    assert report.status_code == 200, report.text
    rows = {r["programme"]: r for r in report.json()["rows"]}
    assert rows["urban_dibao"]["beneficiaries"] == 2
    assert rows["orphan_allowance"]["beneficiaries"] == 0
    # and the partner's decisions are the programme's approvals and rejections
    medical = rows["medical_assistance"]
    assert (medical["approvals"], medical["rejections"]) == (1, 1)
