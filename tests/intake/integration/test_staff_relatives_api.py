"""INT-10: households with close relatives of cadres or staff are declared and registered apart."""

from __future__ import annotations

import pytest

from tests.intake.conftest import APPLICANT, OTHER_TOWNSHIP, SIGNED_ON, SPOUSE, Intake, body

DECLARATION = {
    "member_resident_id": APPLICANT,
    "official_name": "李建国",
    "official_role": "village_cadre",
    "official_org": "某村村民委员会",
    "kinship": "sibling",
}


@pytest.mark.req("INT-10", "GEN-7")
async def test_a_declared_relative_is_registered_separately_and_listed(intake: Intake) -> None:
    # given an application declaring the applicant as a village cadre's sibling
    async with intake.client() as client:
        created = await client.post(
            "/v1/applications",
            json=body(staff_relatives=[DECLARATION]),
            headers=intake.headers(),
        )
        assert created.status_code == 201, created.text
        assert created.json()["staff_relative"] is True
        # and an ordinary application in another district
        await client.post(
            "/v1/applications",
            json=body(
                division_code=OTHER_TOWNSHIP,
                members=[{"resident_id": SPOUSE, "name": "王", "relation": "self"}],
                authorisation={
                    "signed_by_resident_id": SPOUSE,
                    "signed_on": SIGNED_ON,
                    "document_ref": "x",
                },
            ),
            headers=intake.headers(division=OTHER_TOWNSHIP),
        )
        await intake.caught_up()
        # when the county and the other district read the separate register
        county = await client.get(
            "/v1/staff-relatives", headers=intake.headers("county_officer", "620102")
        )
        other = await client.get(
            "/v1/staff-relatives", headers=intake.headers("county_officer", "620103")
        )
    # then the declaration is listed once, in its own jurisdiction, with the ID masked
    items = county.json()["items"]
    assert len(items) == 1
    assert items[0]["application_id"] == created.json()["application_id"]
    assert items[0]["member_resident_id_masked"] == "110***********002X"
    assert APPLICANT not in county.text
    assert other.json()["items"] == []
    declared = await intake.events_of("intake.StaffRelativeDeclared")
    assert declared[0]["data"]["official_role"] == "village_cadre"


@pytest.mark.req("INT-10", "INT-2")
async def test_a_declaration_about_a_non_member_is_refused_and_writes_nothing(
    intake: Intake,
) -> None:
    # given a declaration naming someone outside the household
    stranger = {**DECLARATION, "member_resident_id": SPOUSE}
    async with intake.client() as client:
        # when the application is submitted
        answer = await client.post(
            "/v1/applications", json=body(staff_relatives=[stranger]), headers=intake.headers()
        )
    # then it is refused naming the field and nothing is written
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid-application"
    assert answer.json()["field"] == "staff_relatives.member_resident_id"
    assert await intake.types() == []
