"""INT-6 urgent reports with a 24 h response deadline; INT-7 green channel; INT-8 charity link."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from intake.application.deadlines import DeadlineWatcher
from shared.clock import CHINA
from shared.workdays import library_calendar
from tests.intake.conftest import APPLICANT, FRIDAY_MORNING, TODAY, TOWNSHIP, Intake
from tests.intake.integration.green_channel_support import publish_standard
from tests.support import eventually

REPORT = {
    "division_code": "620102001001",
    "reporter": "village_cadre",
    "situation": "独居老人突发疾病，无人照料",
    "subject_name": "王德福",
    "household_size": 2,
}
CAP_FOR_TWO = 3 * 70_000 * 2  # 3 × the urban dibao standard payments published × 2 persons


async def _reported(intake: Intake) -> str:
    await publish_standard(intake, "620102", 70_000)  # payments' Chengguan standard, 700 元
    async with intake.client() as client:
        created = await client.post(
            "/v1/urgent-reports",
            json=REPORT,
            headers=intake.headers("village_committee", "620102001001"),
        )
    assert created.status_code == 201, created.text
    respond_by = (FRIDAY_MORNING + timedelta(hours=24)).astimezone(CHINA)  # 24 h after reporting
    assert created.json()["respond_by"] == respond_by.isoformat()
    return str(created.json()["urgent_case_id"])


@pytest.mark.req("INT-6", "INT-3")
async def test_a_village_report_opens_an_urgent_case_that_escalates_after_24_hours(
    intake: Intake,
) -> None:
    # given a village cadre's report (a committee may report, not accept)
    case_id = await _reported(intake)
    await intake.caught_up()
    watcher: DeadlineWatcher = intake.runtime.app.state.deadline_watcher
    stop = asyncio.Event()
    loop = asyncio.create_task(watcher.run(stop))
    try:
        # when 25 hours pass without a response, the service's own watcher loop escalates it
        intake.clock.advance(timedelta(hours=25))
        await eventually(
            lambda: _has(intake, "intake.UrgentCaseOverdue"), message="never escalated"
        )
    finally:
        stop.set()
        await loop
    await intake.caught_up()
    # then the county sees it among the overdue urgent cases
    async with intake.client() as client:
        listed = await client.get(
            "/v1/urgent-cases/overdue", headers=intake.headers("county_officer", "620102")
        )
        late = await client.post(
            f"/v1/urgent-cases/{case_id}/response",
            json={"response": "已入户探视"},
            headers=intake.headers(if_match=2),
        )
    assert [c["urgent_case_id"] for c in listed.json()["items"]] == [case_id]
    overdue = await intake.events_of("intake.UrgentCaseOverdue")
    assert overdue[0]["data"]["escalated_to"] == "620102"
    # and a response after the deadline is recorded as late
    assert late.status_code == 200, late.text
    assert (await intake.events_of("intake.UrgentCaseResponded"))[0]["data"]["late"] is True


async def _has(intake: Intake, type_name: str) -> bool:
    return type_name in await intake.types()


@pytest.mark.req("INT-7", "GEN-8")
async def test_prior_assistance_is_granted_within_the_cap_with_follow_up(intake: Intake) -> None:
    # given an urgent case of a two-person household
    case_id = await _reported(intake)
    url = f"/v1/urgent-cases/{case_id}/prior-assistance"
    grant = {
        "programme": "temporary_assistance",
        "amount_fen": CAP_FOR_TWO + 1,
        "resident_id": APPLICANT,
        "persons": 2,
        "follow_up_programmes": ["urban_dibao", "housing_assistance"],
        "reason": "突发重病，先行救助",
    }
    async with intake.client() as client:
        # when the township grants one fen above the cap
        over = await client.post(url, json=grant, headers=intake.headers(if_match=1))
        # and then exactly the cap
        within = await client.post(
            url, json={**grant, "amount_fen": CAP_FOR_TWO}, headers=intake.headers(if_match=1)
        )
        # and anything more, under another programme
        more = await client.post(
            url,
            json={**grant, "programme": "medical_assistance", "amount_fen": 1},
            headers=intake.headers(if_match=2),
        )
    # then the first and the last are refused naming the field, the cap is granted
    assert over.status_code == 422 and over.json()["code"] == "prior-assistance-over-cap"
    assert over.json()["field"] == "amount_fen" and over.json()["cap_fen"] == CAP_FOR_TWO
    assert more.json()["code"] == "prior-assistance-over-cap"
    assert within.status_code == 200, within.text
    granted = await intake.events_of("intake.PriorAssistanceGranted")
    assert len(granted) == 1
    data = granted[0]["data"]
    # and verification is due 5 working days after today (the pinned Friday: the next Friday)
    assert data["verification_due"] == library_calendar().add_working_days(TODAY, 5).isoformat()
    assert data["follow_up_programmes"] == ["urban_dibao", "housing_assistance"]
    assert (data["case_id"], data["division_code"]) == (case_id, "620102001001")
    assert data["persons"] == 2  # payments checks the same per-person cap
    assert granted[0]["metadata"]["reason"] == "突发重病，先行救助"


@pytest.mark.req("INT-8", "INT-7")
async def test_charity_help_is_recorded_and_counted_against_the_cap(intake: Intake) -> None:
    # given an urgent case referred to a registered charity
    case_id = await _reported(intake)
    async with intake.client() as client:
        referred = await client.post(
            f"/v1/urgent-cases/{case_id}/charity-referrals",
            json={"charity": "53620000MJ0000000X", "need": "住院费用缺口"},
            headers=intake.headers(if_match=1),
        )
        referral_id = referred.json()["id"]
        help_url = f"/v1/urgent-cases/{case_id}/charity-referrals/{referral_id}/help"
        # when another charity claims to have helped, then the referred one records its help
        charity = "53620000MJ0000000X"
        stranger = await client.post(
            help_url,
            json={"amount_fen": 100_000, "description": "资助"},
            headers=intake.headers("charity", "62", if_match=2, org="53620000MJ9999999Y"),
        )
        helped = await client.post(
            help_url,
            json={"amount_fen": 300_000, "description": "资助住院费用"},
            headers=intake.headers("charity", "62", if_match=2, org=charity),
        )
        # and the township then grants prior assistance over what is left under the cap
        over = await client.post(
            f"/v1/urgent-cases/{case_id}/prior-assistance",
            json={
                "programme": "medical_assistance",
                "amount_fen": CAP_FOR_TWO - 300_000 + 1,
                "resident_id": APPLICANT,
                "persons": 2,
                "reason": "医疗救助先行",
            },
            headers=intake.headers(if_match=3),
        )
        await intake.caught_up()
        read = await client.get(
            f"/v1/urgent-cases/{case_id}", headers=intake.headers("township_officer", TOWNSHIP)
        )
    # then only the referred charity's help is recorded and the same need is not paid twice
    assert referred.status_code == 200 and stranger.status_code == 404
    assert helped.status_code == 200, helped.text
    assert over.json()["code"] == "prior-assistance-over-cap"
    assert over.json()["already_given_fen"] == 300_000
    assert read.json()["charity_help_fen"] == 300_000


@pytest.mark.req("INT-7")
async def test_a_grant_into_an_account_names_its_holder_for_the_bank(intake: Intake) -> None:
    # given an urgent case
    case_id = await _reported(intake)
    url = f"/v1/urgent-cases/{case_id}/prior-assistance"
    grant = {
        "programme": "temporary_assistance",
        "amount_fen": 10_000,
        "resident_id": APPLICANT,
        "bank_account": "6228480402564890018",
        "reason": "突发重病，先行救助",
    }
    async with intake.client() as client:
        # when the township grants into an account without the holder's name, then with it
        nameless = await client.post(url, json=grant, headers=intake.headers(if_match=1))
        named = await client.post(
            url, json={**grant, "payee_name": "马秀兰"}, headers=intake.headers(if_match=1)
        )
    # then the first is refused naming the missing field and nothing is granted by it
    assert nameless.status_code == 422, nameless.text
    assert [e["field"] for e in nameless.json()["errors"]] == ["body.payee_name"]
    # and the second is granted with the name the bank will be given
    assert named.status_code == 200, named.text
    granted = await intake.events_of("intake.PriorAssistanceGranted")
    assert [g["data"]["payee_name"] for g in granted] == ["马秀兰"]
