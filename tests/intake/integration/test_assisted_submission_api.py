"""INT-3: a village committee helps a household hand its application in; the township accepts."""

from __future__ import annotations

import pytest

from tests.intake.conftest import APPLICANT, SIGNED_ON, SPOUSE, Intake, body

VILLAGE = "620102001001"
HAND_IN = {
    "division_code": VILLAGE,
    "applicant_resident_id": APPLICANT,
    "programmes": ["urban_dibao"],
    "note": "申请人行动不便，村委会代为递交材料",
}


@pytest.mark.req("INT-3", "GEN-4")
async def test_a_committee_hands_in_and_only_the_township_accepts(intake: Intake) -> None:
    async with intake.client() as client:
        # given a village committee handing in a household's application
        handed = await client.post(
            "/v1/assisted-submissions",
            json=HAND_IN,
            headers=intake.headers("village_committee", VILLAGE, org="某村委会"),
        )
        assert handed.status_code == 201, handed.text
        handed_in_id = handed.json()["handed_in_id"]
        application = body(division_code=VILLAGE, handed_in_id=handed_in_id)
        # when the committee itself tries to register it
        refused = await client.post(
            "/v1/applications",
            json=application,
            headers=intake.headers("village_committee", VILLAGE),
        )
        # and the township accepts it for another applicant, then for the right one, then again
        someone_else = _of_someone_else(application)
        wrong = await client.post("/v1/applications", json=someone_else, headers=intake.headers())
        accepted = await client.post("/v1/applications", json=application, headers=intake.headers())
        twice = await client.post("/v1/applications", json=someone_else, headers=intake.headers())
    # then the committee is refused with INT-3's code, the township's acceptance is recorded as
    # assisted, and the hand-in is accepted once
    assert (
        refused.status_code == 403 and refused.json()["code"] == "village-committee-cannot-accept"
    )
    assert wrong.status_code == 409 and wrong.json()["field"] == "handed_in_id"
    assert accepted.status_code == 201, accepted.text
    assert twice.json()["code"] == "hand-in-not-acceptable"
    submitted = await intake.events_of("intake.ApplicationSubmitted")
    assert [s["data"]["channel"] for s in submitted] == ["assisted_by_village_committee"]
    handed_events = await intake.events_of("intake.ApplicationHandedIn")
    assert handed_events[0]["metadata"]["actor"]["role"] == "village_committee"
    taken = await intake.events_of("intake.HandInAccepted")
    assert taken[0]["data"]["application_id"] == accepted.json()["application_id"]


def _of_someone_else(application: dict[str, object]) -> dict[str, object]:
    authorisation = {
        "signed_by_resident_id": SPOUSE,
        "signed_on": SIGNED_ON,
        "document_ref": "z",
    }
    members = [{"resident_id": SPOUSE, "name": "王", "relation": "self"}]
    return {**application, "members": members, "authorisation": authorisation}


@pytest.mark.req("INT-3", "GEN-6")
@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/v1/applications/{id}/amendments",
         {"declared_monthly_income_fen": 0, "declared_assets_fen": 0, "reason": "改"}),
        ("/v1/applications/{id}/withdrawal", {"reason": "撤回"}),
        ("/v1/applications/{id}/programmes/education_assistance/decision",
         {"outcome": "approved", "reason": "同意"}),
    ],
    ids=["amend", "withdraw", "decide"],
)  # fmt: skip
async def test_a_committee_may_not_review_or_decide(
    intake: Intake, path: str, payload: dict[str, object]
) -> None:
    # given an application registered by the township
    async with intake.client() as client:
        created = await client.post(
            "/v1/applications",
            json=body(programmes=["education_assistance"]),
            headers=intake.headers(),
        )
        before = await intake.types()
        # when the village committee tries to change or decide it
        answer = await client.post(
            path.format(id=created.json()["application_id"]),
            json=payload,
            headers=intake.headers("village_committee", VILLAGE, if_match=2),
        )
    # then INT-3's refusal, and nothing is written
    assert answer.status_code == 403
    assert answer.json()["code"] == "village-committee-cannot-accept"
    assert answer.json()["detail_zh"]
    assert await intake.types() == before
