"""Programmes partner agencies decide reach payments (INT-4, PAY-8, ADR 0032): what SafetyNet pays
is enrolled and paid (a one-off once, a per-person subsidy at the standard), what the agency pays
itself is recorded in the household's history. The events are made by intake's own aggregate and
registry, as intake publishes them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from intake.bootstrap import register_all_events
from intake.domain.agency_decision import AgencyDecision
from intake.domain.application import (
    Application,
    ApplicationSubmitted,
    Authorisation,
    Member,
    Registration,
    Relation,
    SubmissionChannel,
)
from intake.domain.application_events import Outcome
from intake.domain.programmes import Programme
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from tests.payments.integration.test_payable_periods import NEXT, paid
from tests.payments.integration.test_runs import DECISIONS, start_and_execute
from tests.payments.support import (
    COUNTY,
    PERIOD,
    SINCE,
    TODAY,
    TOWNSHIP,
    Payments,
    foreign_event,
    fund,
)

ACCOUNT = "6228480012345678901"
MEDICAL = AgencyDecision(
    programme=Programme.MEDICAL_ASSISTANCE,
    outcome=Outcome.APPROVED,
    reason="住院自付费用经核定，符合重特大疾病医疗救助条件",
    policy_basis="甘肃省医疗救助办法 第十二条",
    amount_fen=1_250_000,
    persons=None,
    decided_by_role="health_insurance",
    decided_by_staff_id="hi-clerk-07",
    decided_by_org="城关区医疗保障局",
    decided_on=TODAY,
)


def published(case_id: str, decision: AgencyDecision) -> RecordedEvent:
    """intake.ProgrammeDecidedByAgency as intake's aggregate records and its registry writes it."""
    application = Application(case_id)
    application.submit(
        ApplicationSubmitted(
            application_id=case_id, division_code=TOWNSHIP, registration=Registration.URBAN,
            programmes=(decision.programme,),
            members=(Member("11010519491231002X", "张桂兰", Relation.SELF, disability_grade=1),
                     Member("110105194805160011", "李建国", Relation.SPOUSE)),
            declared_monthly_income_fen=30_000, declared_assets_fen=0,
            authorisation=Authorisation("11010519491231002X", date(2026, 11, 1), "授权-1"),
            channel=SubmissionChannel.COUNTER, bank_account=ACCOUNT,
        ),
        date(2026, 11, 10),

    )  # fmt: skip
    application.pending.clear()
    application.decide_by_agency(decision)
    registry = EventRegistry()
    register_all_events(registry)
    actor = Actor(decision.decided_by_staff_id, decision.decided_by_role, "机构", COUNTY)
    metadata = EventMetadata(actor, "api:test", decision.reason, None, None, case_id)
    new = registry.serialize(application.pending[0], metadata)
    return foreign_event(new.type, new.data, case_id)


async def _get(payments: Payments, path: str, division: str = COUNTY) -> Any:
    async with payments.client() as client:
        return await client.get(path, headers=payments.headers(division=division))


@pytest.mark.req("INT-4", "PAY-8", "PAY-3")
async def test_medical_assistance_decided_by_health_insurance_is_paid_once_in_the_next_run(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        await fund(payments, client, 5_000_000, programme="medical_assistance")
        # given the health insurance bureau's approval of 12,500 yuan (delivered twice)
        decision = published("medical-1", MEDICAL)
        await payments.consume(DECISIONS, decision)
        await payments.consume(DECISIONS, decision)
        await payments.settle_projections()
        # then the household is enrolled for that amount, explained by who decided under what
        read = await _get(payments, "/v1/beneficiaries/medical-1/medical_assistance")
        assert read.status_code == 200, read.text
        assert (read.json()["monthly_amount_fen"], read.json()["method"]) == (
            1_250_000, "agency_decision",
        )  # fmt: skip
        assert "城关区医疗保障局" in read.json()["explanation_zh"]
        assert MEDICAL.policy_basis in read.json()["explanation_en"]
        # when this month's and next month's runs are executed
        await start_and_execute(payments, client, PERIOD)
        await start_and_execute(payments, client, NEXT)
    # then it was paid once, in this month's run, the amount decided
    assert await paid(payments, "medical-1") == [("medical_assistance", PERIOD, 1_250_000)]


@pytest.mark.req("INT-4", "INT-8")
async def test_what_the_education_bureau_pays_itself_is_recorded_in_the_household_history(
    payments: Payments,
) -> None:
    # given the education bureau's approval of 2,000 yuan it pays itself, and a rejection
    education = replace(
        MEDICAL, programme=Programme.EDUCATION_ASSISTANCE, amount_fen=200_000,
        decided_by_role="education_bureau", decided_by_org="城关区教育局",
        policy_basis="甘肃省教育救助实施办法", reason="在校学生，家庭困难",
    )  # fmt: skip
    rejected = replace(
        MEDICAL, programme=Programme.HOUSING_ASSISTANCE, outcome=Outcome.REJECTED,
        amount_fen=None, decided_by_role="housing_bureau",
    )  # fmt: skip
    for event in (published("school-1", education), published("school-1", rejected)):
        await payments.consume(DECISIONS, event)
        await payments.consume(DECISIONS, event)
    await payments.settle_projections()
    # then the household's history shows it paid by the education bureau, never by SafetyNet
    history = await _get(payments, "/v1/cases/school-1/paid-by-partner")
    assert history.status_code == 200, history.text
    assert [
        (i["programme"], i["agency"], i["amount_fen"], i["decided_by_org"], i["decided_on"])
        for i in history.json()["items"]
    ] == [("education_assistance", "education", 200_000, "城关区教育局", TODAY.isoformat())]
    assert history.json()["items"][0]["policy_basis"] == "甘肃省教育救助实施办法"
    assert (
        await _get(payments, "/v1/beneficiaries/school-1/education_assistance")
    ).status_code == (404)
    assert await paid(payments, "school-1") == []
    # and another county's officer may not read it
    assert (await _get(payments, "/v1/cases/school-1/paid-by-partner", "620103")).status_code == 403


@pytest.mark.req("PAY-2", "INT-4")
async def test_the_federation_approves_persons_and_payments_pays_each_the_standard(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        standard = await client.post(
            "/v1/standards",
            json={"division_code": COUNTY, "programme": "disability_subsidies",
                  "effective_from": SINCE, "monthly_per_person_fen": 10_000,
                  "reason": "县残疾人两项补贴标准"},
            headers=payments.headers(),
        )  # fmt: skip
        assert standard.status_code == 201, standard.text
    # when the disabled persons' federation approves one member of the household of two
    subsidy = replace(
        MEDICAL, programme=Programme.DISABILITY_SUBSIDIES, amount_fen=None, persons=1,
        decided_by_role="disabled_persons_federation", decided_by_org="城关区残联",
    )  # fmt: skip
    await payments.consume(DECISIONS, published("disabled-1", subsidy))
    await payments.settle_projections()
    # then payments pays that person the standard each month
    read = await _get(payments, "/v1/beneficiaries/disabled-1/disability_subsidies")
    assert read.status_code == 200, read.text
    assert read.json()["monthly_amount_fen"] == 10_000
    assert "1 eligible persons" in read.json()["explanation_en"]
