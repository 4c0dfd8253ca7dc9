"""INT-9: one person, one open application per programme anywhere; one ID in one household."""

from __future__ import annotations

import asyncio

import pytest

from tests.intake.conftest import APPLICANT, OTHER_TOWNSHIP, SIGNED_ON, SPOUSE, Intake, body

NEIGHBOUR = "620102195001010013"


def household_of(head: str, *others: str) -> list[dict[str, str]]:
    """Members: the applicant and others as spouse."""
    members = [{"resident_id": head, "name": "户主", "relation": "self"}]
    return members + [{"resident_id": o, "name": "成员", "relation": "spouse"} for o in others]


def authorised_by(head: str) -> dict[str, str]:
    return {"signed_by_resident_id": head, "signed_on": SIGNED_ON, "document_ref": "授权-2"}


async def _stream_count(intake: Intake) -> int:
    return len([t for t in await intake.types() if t == "intake.ApplicationSubmitted"])


@pytest.mark.req("INT-9")
async def test_a_second_open_application_for_the_same_programme_is_refused_in_any_jurisdiction(
    intake: Intake,
) -> None:
    # given an open dibao application in one district
    async with intake.client() as client:
        first = await client.post("/v1/applications", json=body(), headers=intake.headers())
        assert first.status_code == 201
        # when the same person applies for dibao in another district
        again = await client.post(
            "/v1/applications",
            json=body(division_code=OTHER_TOWNSHIP),
            headers=intake.headers(division=OTHER_TOWNSHIP),
        )
        # but a different programme is fine
        other = await client.post(
            "/v1/applications",
            json=body(programmes=["education_assistance"]),
            headers=intake.headers(),
        )
    # then the duplicate is refused naming the member and programme, and nothing is written
    assert again.status_code == 409
    problem = again.json()
    assert (problem["code"], problem["field"], problem["programme"]) == (
        "duplicate-open-application",
        "members.0.resident_id",
        "urban_dibao",
    )
    assert problem["detail_zh"]
    assert other.status_code == 201
    assert await _stream_count(intake) == 2


async def _household_of_applicant_and_spouse(intake: Intake) -> str:
    """An open application of APPLICANT and SPOUSE in TOWNSHIP; its id."""
    async with intake.client() as client:
        first = await client.post(
            "/v1/applications",
            json=body(members=household_of(APPLICANT, SPOUSE)),
            headers=intake.headers(),
        )
    assert first.status_code == 201, first.text
    return str(first.json()["application_id"])


@pytest.mark.req("INT-9", "GEN-4")
async def test_one_id_in_two_households_is_refused_and_flagged(intake: Intake) -> None:
    # given a household of two with an open application
    case_id = await _household_of_applicant_and_spouse(intake)
    async with intake.client() as client:
        # when another household declares the spouse as its member
        second = await client.post(
            "/v1/applications",
            json=body(
                members=household_of(NEIGHBOUR, SPOUSE),
                authorisation=authorised_by(NEIGHBOUR),
                programmes=["medical_assistance"],
            ),
            headers=intake.headers(),
        )
    # then it is refused naming the member, no application is written
    assert second.status_code == 409
    assert second.json()["code"] == "member-in-another-household"
    assert second.json()["field"] == "members.1.resident_id"
    assert second.json()["existing_application_id"] == case_id  # one the township may read
    assert await _stream_count(intake) == 1
    # and the conflict is flagged on the first household's case for supervision
    flags = await intake.events_of("intake.HouseholdConflictFlagged")
    assert len(flags) == 1
    assert flags[0]["data"]["resident_id"] == SPOUSE
    assert flags[0]["data"]["existing_application_id"] == case_id
    assert flags[0]["metadata"]["case_id"] == case_id
    assert flags[0]["metadata"]["reason"]


@pytest.mark.req("INT-9", "GEN-8")
async def test_withdrawing_frees_the_programme_for_a_new_application(intake: Intake) -> None:
    # given an open application, withdrawn with its current version
    async with intake.client() as client:
        first = await client.post("/v1/applications", json=body(), headers=intake.headers())
        case_id, etag = first.json()["application_id"], first.headers["ETag"]
        withdrawn = await client.post(
            f"/v1/applications/{case_id}/withdrawal",
            json={"reason": "家庭收入已改善"},
            headers={**intake.headers(), "If-Match": etag},
        )
        assert withdrawn.status_code == 200, withdrawn.text
        # when the household applies again for the same programme
        again = await client.post("/v1/applications", json=body(), headers=intake.headers())
        # then it is accepted, and the withdrawn one can no longer change
        amended = await client.post(
            f"/v1/applications/{case_id}/amendments",
            json={"declared_monthly_income_fen": 1, "declared_assets_fen": 0, "reason": "补正"},
            headers=intake.headers(if_match=withdrawn.json()["version"]),
        )
    assert again.status_code == 201
    assert amended.status_code == 409
    assert amended.json()["code"] == "application-closed"


@pytest.mark.req("INT-9")
async def test_concurrent_duplicates_register_exactly_one(intake: Intake) -> None:
    # given two offices submitting the same person for the same programme at the same moment
    async with intake.client() as one, intake.client() as two:
        answers = await asyncio.gather(
            one.post("/v1/applications", json=body(), headers=intake.headers()),
            two.post(
                "/v1/applications",
                json=body(division_code=OTHER_TOWNSHIP),
                headers=intake.headers(division=OTHER_TOWNSHIP),
            ),
        )
    # then exactly one is registered and the other refused
    assert sorted(a.status_code for a in answers) == [201, 409]
    assert await _stream_count(intake) == 1


@pytest.mark.req("INT-9", "GEN-7")
async def test_a_household_elsewhere_is_refused_without_naming_its_application(
    intake: Intake,
) -> None:
    # given a household with an open application in one township
    case_id = await _household_of_applicant_and_spouse(intake)
    async with intake.client() as client:
        # when another township's officer declares the spouse in a household of theirs
        second = await client.post(
            "/v1/applications",
            json=body(
                division_code=OTHER_TOWNSHIP,
                members=household_of(NEIGHBOUR, SPOUSE),
                authorisation=authorised_by(NEIGHBOUR),
                programmes=["medical_assistance"],
            ),
            headers=intake.headers(division=OTHER_TOWNSHIP),
        )
    # then it is refused naming the member, but not the application it cannot read
    assert second.status_code == 409, second.text
    assert second.json()["field"] == "members.1.resident_id"
    assert "existing_application_id" not in second.json()
    assert case_id not in second.text
    # while supervision's flag names it
    flags = await intake.events_of("intake.HouseholdConflictFlagged")
    assert [f["data"]["existing_application_id"] for f in flags] == [case_id]


@pytest.mark.req("INT-9")
async def test_the_head_of_a_household_cannot_head_another_one_elsewhere(intake: Intake) -> None:
    # given a household of two with an open application in one township
    case_id = await _household_of_applicant_and_spouse(intake)
    async with intake.client() as client:
        # when another township's officer declares its head at the head of another household
        elsewhere = await client.post(
            "/v1/applications",
            json=body(
                division_code=OTHER_TOWNSHIP,
                members=household_of(APPLICANT, NEIGHBOUR),
                programmes=["medical_assistance"],
            ),
            headers=intake.headers(division=OTHER_TOWNSHIP),
        )
        # but the same household applies for another programme where it lives, for one member
        here = await client.post(
            "/v1/applications",
            json=body(members=household_of(APPLICANT), programmes=["medical_assistance"]),
            headers=intake.headers(),
        )
    # then the other township is refused naming the head, not the application it cannot read
    assert elsewhere.status_code == 409, elsewhere.text
    assert (elsewhere.json()["code"], elsewhere.json()["field"]) == (
        "member-in-another-household",
        "members.0.resident_id",
    )
    assert case_id not in elsewhere.text
    # and supervision's flag names the first household's case; the household's own is accepted
    flags = await intake.events_of("intake.HouseholdConflictFlagged")
    assert [(f["data"]["resident_id"], f["data"]["existing_application_id"]) for f in flags] == [
        (APPLICANT, case_id)
    ]
    assert here.status_code == 201, here.text
