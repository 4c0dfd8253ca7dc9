"""INT-7: the cap follows payments' published standard; one grant a month; the follow-up link."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from shared.workdays import library_calendar
from tests.intake.conftest import APPLICANT, TODAY, TOWNSHIP, Intake, body
from tests.intake.integration.green_channel_support import publish_standard

REPORT = {
    "division_code": "620102001001",
    "reporter": "hospital",
    "situation": "突发重病，无力支付医药费",
    "subject_name": "王德福",
    "household_size": 1,
}
GRANT = {
    "programme": "temporary_assistance",
    "amount_fen": 100_000,
    "resident_id": APPLICANT,
    "follow_up_programmes": ["urban_dibao"],
    "reason": "突发重病，先行救助",
}


async def _urgent_case(intake: Intake) -> str:
    async with intake.client() as client:
        created = await client.post(
            "/v1/urgent-reports",
            json=REPORT,
            headers=intake.headers("village_committee", f"{TOWNSHIP}001"),
        )
    assert created.status_code == 201, created.text
    return str(created.json()["urgent_case_id"])


async def _grant(intake: Intake, case_id: str, version: int, **changes: Any) -> Any:
    async with intake.client() as client:
        return await client.post(
            f"/v1/urgent-cases/{case_id}/prior-assistance",
            json={**GRANT, **changes},
            headers=intake.headers(if_match=version),
        )


@pytest.mark.req("INT-7")
async def test_the_cap_is_three_times_the_standard_payments_published(intake: Intake) -> None:
    # given an urgent case in a county whose standard intake has not heard of
    case_id = await _urgent_case(intake)
    # when the township grants, then it is refused: no standard, no cap
    unknown = await _grant(intake, case_id, 1)
    assert unknown.status_code == 409 and unknown.json()["code"] == "no-standard-in-force"
    # given payments published 800 元 from January and 900 元 from a future date
    await publish_standard(intake, "620102", 80_000, date(2026, 1, 1))
    await publish_standard(intake, "620102", 90_000, TODAY + timedelta(days=10))
    # when the township grants one fen above 3 × 800 元, then exactly 3 × 800 元
    over = await _grant(intake, case_id, 1, amount_fen=240_001)
    within = await _grant(intake, case_id, 1, amount_fen=240_000)
    # then the cap in force today is used and recorded
    assert over.status_code == 422 and over.json()["cap_fen"] == 240_000
    assert within.status_code == 200, within.text
    granted = (await intake.events_of("intake.PriorAssistanceGranted"))[0]["data"]
    assert (granted["cap_fen"], granted["granted_on"]) == (240_000, TODAY.isoformat())


@pytest.mark.req("INT-7", "GEN-8")
async def test_the_cap_counts_no_more_persons_than_the_household_reported(intake: Intake) -> None:
    # given an urgent case of a one-person household, under a standard of 700 元
    await publish_standard(intake, "620102", 70_000)
    case_id = await _urgent_case(intake)
    before = await intake.types()
    # when the township grants five times the one person's cap, saying it covers five persons
    five = await _grant(intake, case_id, 1, amount_fen=1_050_000, persons=5)
    # then it is refused 422 naming `persons`, and nothing is written
    assert five.status_code == 422, five.text
    assert five.headers["content-type"].startswith("application/problem+json")
    assert (five.json()["code"], five.json()["field"]) == ("persons-beyond-household", "persons")
    assert five.json()["household_size"] == 1
    assert await intake.types() == before
    # and the month's grant of the programme is still free: one person's cap, and no more
    over = await _grant(intake, case_id, 1, amount_fen=210_001, persons=1)
    within = await _grant(intake, case_id, 1, amount_fen=210_000, persons=1)
    assert (over.status_code, over.json()["cap_fen"]) == (422, 210_000)
    assert within.status_code == 200, within.text


@pytest.mark.req("INT-7")
async def test_the_cap_grows_with_the_persons_of_the_household_covered(intake: Intake) -> None:
    # given an urgent case of a three-person household, under a standard of 700 元
    await publish_standard(intake, "620102", 70_000)
    async with intake.client() as client:
        created = await client.post(
            "/v1/urgent-reports",
            json={**REPORT, "household_size": 3},
            headers=intake.headers("village_committee", f"{TOWNSHIP}001"),
        )
    case_id = str(created.json()["urgent_case_id"])
    # when the township grants for the three of them, 3 × 700 元 each
    granted = await _grant(intake, case_id, 1, amount_fen=630_000, persons=3)
    # then it is granted within the household's cap
    assert granted.status_code == 200, granted.text


@pytest.mark.req("INT-7")
async def test_a_county_without_its_own_standard_uses_the_provincial_guidance(
    intake: Intake,
) -> None:
    # given only the province's guidance minimum of 600 元 is known
    await publish_standard(intake, "62", 60_000)
    case_id = await _urgent_case(intake)
    # when the township grants 3 × 600 元 + 1 fen
    over = await _grant(intake, case_id, 1, amount_fen=180_001)
    # then the guidance is the standard
    assert over.json()["cap_fen"] == 180_000


@pytest.mark.req("INT-7")
async def test_a_second_grant_of_a_programme_in_the_month_is_refused(intake: Intake) -> None:
    # given a grant of temporary assistance to a person on one urgent case
    await publish_standard(intake, "620102", 80_000)
    first_case, second_case = await _urgent_case(intake), await _urgent_case(intake)
    assert (await _grant(intake, first_case, 1, amount_fen=50_000)).status_code == 200
    # when the same programme is granted again to the same person this month, on either case
    again = await _grant(intake, first_case, 2, amount_fen=10_000)
    elsewhere = await _grant(intake, second_case, 1, amount_fen=10_000)
    # and another programme is granted
    other = await _grant(intake, first_case, 2, programme="medical_assistance", amount_fen=10_000)
    # then the repeats are refused with a clear code, naming the case that holds the grant
    assert again.status_code == 409 and again.json()["code"] == "prior-assistance-already-granted"
    assert elsewhere.json()["code"] == "prior-assistance-already-granted"
    assert elsewhere.json()["urgent_case_id"] == first_case
    assert other.status_code == 200, other.text
    # and next month the programme may be granted again
    intake.clock.advance(timedelta(days=10))
    assert (await _grant(intake, second_case, 1, amount_fen=10_000)).status_code == 200


@pytest.mark.req("INT-7")
async def test_the_follow_up_application_names_its_urgent_case(intake: Intake) -> None:
    # given an urgent case with prior assistance granted today
    await publish_standard(intake, "620102", 80_000)
    case_id = await _urgent_case(intake)
    assert (await _grant(intake, case_id, 1)).status_code == 200
    due = library_calendar().add_working_days(TODAY, 5)
    # when the township files the follow-up dibao application naming the urgent case
    async with intake.client() as client:
        filed = await client.post(
            "/v1/applications", json=body(urgent_case_id=case_id), headers=intake.headers()
        )
        twice = await client.post(
            "/v1/applications", json=body(urgent_case_id=case_id), headers=intake.headers()
        )
        unknown = await client.post(
            "/v1/applications", json=body(urgent_case_id="nope"), headers=intake.headers()
        )
        await intake.caught_up()
        read = await client.get(f"/v1/urgent-cases/{case_id}", headers=intake.headers())
    # then the application carries the link and the grant's due date for verification
    assert filed.status_code == 201, filed.text
    application_id = filed.json()["application_id"]
    submitted = (await intake.events_of("intake.ApplicationSubmitted"))[0]["data"]
    assert submitted["urgent_case_id"] == case_id
    assert submitted["verification_due"] == due.isoformat()
    assert submitted["prior_assistance_programme"] == "temporary_assistance"
    # and the urgent case shows its follow-up application and due date
    assert read.json()["follow_up_application_id"] == application_id
    assert read.json()["verification_due"] == due.isoformat()
    # and a second follow-up, or one naming no urgent case of the township, is refused
    assert twice.status_code == 409 and twice.json()["code"] == "follow-up-already-filed"
    assert unknown.status_code == 404 and unknown.json()["field"] == "urgent_case_id"
