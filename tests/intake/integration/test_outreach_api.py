"""INT-11 in process on the real PostgreSQL: a visit's needs become an INT-5 referral, which
escalates when nobody acknowledges it, and an application at the one door — all or nothing."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from intake.application.deadlines import DeadlineWatcher
from shared.clock import CHINA
from shared.workdays import library_calendar
from tests.intake.conftest import APPLICANT, SIGNED_ON, SPOUSE, TODAY, TOWNSHIP, Intake, body

ACKNOWLEDGE_BY = library_calendar().add_working_days(TODAY, 2)
CAMPAIGN = {
    "division_code": TOWNSHIP,
    "title": "冬季走访慰问",
    "groups": ["dibao_household", "extreme_poverty_person"],
    "starts_on": (TODAY - timedelta(days=3)).isoformat(),
    "ends_on": (TODAY + timedelta(days=30)).isoformat(),
}
REFERRED = {
    "arrangement": "referral",
    "need": "慢性病长期服药，自付费用负担重",
    "to_agency": "medical_assistance_office",
    "to_division": "620102",
}


def visit(*needs: dict[str, Any], **changes: Any) -> dict[str, Any]:
    base = {
        "resident_id": APPLICANT,
        "group": "dibao_household",
        "visited_on": TODAY.isoformat(),
        "help_given": "送去米、面、油",
        "needs": list(needs),
    }
    return {**base, **changes}


async def _campaign(intake: Intake) -> str:
    async with intake.client() as client:
        planned = await client.post("/v1/visit-campaigns", json=CAMPAIGN, headers=intake.headers())
    assert planned.status_code == 201, planned.text
    return str(planned.json()["campaign_id"])


@pytest.mark.req("INT-11", "INT-5")
async def test_a_need_found_on_a_visit_is_referred_and_escalates_when_not_acknowledged(
    intake: Intake,
) -> None:
    # given a campaign, and a visit finding a need referred to the medical assistance office
    campaign_id = await _campaign(intake)
    async with intake.client() as client:
        recorded = await client.post(
            f"/v1/visit-campaigns/{campaign_id}/visits",
            json=visit(REFERRED),
            headers=intake.headers(),
        )
    assert recorded.status_code == 201, recorded.text
    visit_id = recorded.json()["visit_id"]
    referral_id = recorded.json()["needs"][0]["referral_id"]
    assert recorded.json()["resident_id_masked"] != APPLICANT
    await intake.caught_up()
    # then the referral is due on the second working day, like any other
    async with intake.client() as client:
        referral = await client.get(f"/v1/referrals/{referral_id}", headers=intake.headers())
        campaign = await client.get(f"/v1/visit-campaigns/{campaign_id}", headers=intake.headers())
    assert referral.json()["acknowledge_by"] == ACKNOWLEDGE_BY.isoformat()
    assert (campaign.json()["visits"], campaign.json()["referrals"]) == (1, 1)
    # when the morning after that day comes without an acknowledgement
    intake.clock.set(datetime.combine(ACKNOWLEDGE_BY + timedelta(days=1), time(9), tzinfo=CHINA))
    watcher: DeadlineWatcher = intake.runtime.app.state.deadline_watcher
    assert await watcher.tick() == 1
    # then it is escalated once, as the visit's case
    overdue = await intake.events_of("intake.ReferralOverdue")
    assert [o["metadata"]["case_id"] for o in overdue] == [visit_id]


@pytest.mark.req("INT-11", "INT-4")
async def test_a_need_turned_into_an_application_goes_through_the_one_door(
    intake: Intake,
) -> None:
    # given a campaign and an open dibao application of the visited person
    campaign_id = await _campaign(intake)
    applied = {"arrangement": "application", "need": "家庭收入骤减", "application": body()}
    async with intake.client() as client:
        first = await client.post(
            f"/v1/visit-campaigns/{campaign_id}/visits",
            json=visit(applied),
            headers=intake.headers(),
        )
        assert first.status_code == 201, first.text
        application_id = first.json()["needs"][0]["application_id"]
        await intake.caught_up()
        opened = await client.get(f"/v1/applications/{application_id}", headers=intake.headers())
        before = await intake.types()
        # when a second visit would apply again for the same programme, and refer a need too
        again = await client.post(
            f"/v1/visit-campaigns/{campaign_id}/visits",
            json=visit(REFERRED, applied),
            headers=intake.headers(),
        )
        # and a county officer tries to accept an application on a visit
        county = await client.post(
            f"/v1/visit-campaigns/{campaign_id}/visits",
            json=visit(applied),
            headers=intake.headers("county_officer", "620102"),
        )
    # then the application was accepted at the one door and routed
    assert opened.status_code == 200 and opened.json()["programmes"] == ["urban_dibao"]
    assert "intake.ProgrammeRouted" in before
    # and the duplicate refuses the whole visit: no referral, no visit, no application
    assert again.status_code == 409 and again.json()["code"] == "duplicate-open-application"
    assert again.json()["field"] == "needs.1.application.members.0.resident_id"
    assert await intake.types() == before
    assert county.status_code == 403


@pytest.mark.req("INT-11", "INT-9", "GEN-8")
async def test_a_visit_applying_for_a_member_of_another_household_names_the_need_and_is_flagged(
    intake: Intake,
) -> None:
    # given the visited person is a member of a household headed by their spouse
    members = [
        {"resident_id": SPOUSE, "name": "李建国", "relation": "self"},
        {"resident_id": APPLICANT, "name": "张桂兰", "relation": "spouse"},
    ]
    signed = {"signed_by_resident_id": SPOUSE, "signed_on": SIGNED_ON, "document_ref": "授权-2"}
    async with intake.client() as client:
        headed = await client.post(
            "/v1/applications",
            json=body(members=members, authorisation=signed),
            headers=intake.headers(),
        )
        assert headed.status_code == 201, headed.text
        campaign_id = await _campaign(intake)
        # when a visit applies for the person as the head of a household of their own
        applied = {"arrangement": "application", "need": "家庭收入骤减", "application": body()}
        refused = await client.post(
            f"/v1/visit-campaigns/{campaign_id}/visits",
            json=visit(REFERRED, applied),
            headers=intake.headers(),
        )
    # then it is refused naming the member inside the need's application
    assert refused.status_code == 409, refused.text
    assert refused.json()["code"] == "member-in-another-household"
    assert refused.json()["field"] == "needs.1.application.members.0.resident_id"
    # and the second household is flagged for the member it named
    (flag,) = await intake.events_of("intake.HouseholdConflictFlagged")
    assert flag["data"]["resident_id"] == APPLICANT


@pytest.mark.req("INT-11", "GEN-1")
async def test_a_named_record_joins_the_history_and_the_read_models_rebuild_to_the_live_state(
    intake: Intake,
) -> None:
    # given a winter shelter of the county, an unidentified man helped twice there, then named
    county = intake.headers("county_officer", "620102")
    winter = {"kind": "cold", "starts_on": (TODAY - timedelta(days=20)).isoformat(),
              "ends_on": (TODAY + timedelta(days=90)).isoformat()}  # fmt: skip
    async with intake.client() as client:
        point = await client.post(
            "/v1/aid-points",
            json={"division_code": "620102", "kind": "open_aid_point", "label": "火车站救助点",
                  "location": "火车站东广场", "seasons": [winter]},
            headers=county,
        )  # fmt: skip
        record = await client.post(
            "/v1/rough-sleepers",
            json={"division_code": TOWNSHIP, "appearance": "女，约四十岁，红色外套",
                  "found_address": "东岗立交桥下"},
            headers=intake.headers(),
        )  # fmt: skip
        record_id, point_id = record.json()["record_id"], point.json()["aid_point_id"]
        for version in (1, 2):
            helped = await client.post(
                f"/v1/rough-sleepers/{record_id}/help",
                json={"aid_point_id": point_id, "kinds": ["food", "cold_shelter"]},
                headers=intake.headers("county_officer", "620102", if_match=version),
            )
            assert helped.status_code == 200, helped.text
        named = await client.post(
            f"/v1/rough-sleepers/{record_id}/identification",
            json={"resident_id": APPLICANT, "reason": "本人恢复记忆后自报，经户籍核实"},
            headers=intake.headers(if_match=3),
        )
        assert named.status_code == 200, named.text
        await intake.caught_up()
        history = await client.get(
            f"/v1/people/{named.json()['person_id']}/help-history", headers=county
        )
        elsewhere = await client.get(
            f"/v1/people/{named.json()['person_id']}/help-history",
            headers=intake.headers("county_officer", "620103"),
        )
    # then the person's history has both acts of help; another county sees none of them
    assert [h["kinds"] for h in history.json()["items"]] == [["food", "cold_shelter"]] * 2
    assert elsewhere.json()["items"] == []
    # and, given a campaign visit too, when the read models are rebuilt from zero
    campaign_id = await _campaign(intake)
    async with intake.client() as client:
        path = f"/v1/visit-campaigns/{campaign_id}/visits"
        visited = await client.post(path, json=visit(REFERRED), headers=intake.headers())
        assert visited.status_code == 201, visited.text
    await intake.caught_up()
    live = await _tables(intake)
    # then they equal the live ones
    for name in ("intake.rough_sleepers_view", "intake.outreach_view"):
        await intake.runtime.projections.rebuild(name)
    assert await _tables(intake) == live
    assert live["rough_sleepers_view"][0]["person_id"] == named.json()["person_id"]
    assert live["visit_campaigns_view"][0]["visits"] == 1


async def _tables(intake: Intake) -> dict[str, list[dict[str, object]]]:
    tables = ["aid_points_view", "rough_sleepers_view", "rough_sleeper_help_view"]
    out = {}
    async with intake.runtime.engine.connect() as conn:
        for table in [*tables, "visit_campaigns_view", "visits_view"]:
            rows = await conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            out[table] = [dict(r._mapping) for r in rows]
    return out
