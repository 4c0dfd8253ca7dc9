"""INT-5: the first office records and refers; the receiver acknowledges in 2 working days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from intake.application.deadlines import DeadlineWatcher
from shared.clock import CHINA
from shared.workdays import library_calendar
from tests.intake.conftest import APPLICANT, TODAY, Intake

# the receiver has until the end of the second working day after the day it was referred
ACKNOWLEDGE_BY = library_calendar().add_working_days(TODAY, 2)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=CHINA)


REFERRAL = {
    "to_agency": "medical_assistance_office",
    "to_division": "620102",
    "need": "患者住院费用无力支付",
    "subject_resident_id": APPLICANT,
    "case_id": "case-42",
}


async def _referred(intake: Intake) -> dict[str, object]:
    async with intake.client() as client:
        created = await client.post("/v1/referrals", json=REFERRAL, headers=intake.headers())
    assert created.status_code == 201, created.text
    return dict(created.json())


def _watcher(intake: Intake) -> DeadlineWatcher:
    watcher: DeadlineWatcher = intake.runtime.app.state.deadline_watcher
    return watcher


@pytest.mark.req("INT-5")
async def test_an_unacknowledged_referral_escalates_after_two_working_days(intake: Intake) -> None:
    # given a referral received today (a Friday at the pinned clock): due by the second working
    # day after it (the Tuesday: the weekend does not count)
    referral = await _referred(intake)
    assert (referral["received_on"], referral["acknowledge_by"]) == (
        TODAY.isoformat(),
        ACKNOWLEDGE_BY.isoformat(),
    )
    await intake.caught_up()
    # when that day's evening passes, nothing is escalated yet
    intake.clock.set(_at(ACKNOWLEDGE_BY, 21))
    assert await _watcher(intake).tick() == 0
    # when the next morning comes without an acknowledgement
    intake.clock.set(_at(ACKNOWLEDGE_BY + timedelta(days=1), 9))
    assert await _watcher(intake).tick() == 1
    await intake.caught_up()
    # then it is escalated once, to the receiver's county, by the system with a reason
    assert await _watcher(intake).tick() == 0
    overdue = await intake.events_of("intake.ReferralOverdue")
    assert len(overdue) == 1
    assert overdue[0]["data"]["escalated_to"] == "620102"
    assert overdue[0]["metadata"]["actor"]["role"] == "system"
    assert overdue[0]["metadata"]["reason"]
    assert overdue[0]["metadata"]["case_id"] == "case-42"
    # and supervision's inspector sees it in the overdue list
    async with intake.client() as client:
        listed = await client.get(
            "/v1/referrals/overdue", headers=intake.headers("inspector", "6201")
        )
        elsewhere = await client.get(
            "/v1/referrals/overdue", headers=intake.headers("inspector", "6202")
        )
    assert [r["referral_id"] for r in listed.json()["items"]] == [referral["referral_id"]]
    assert listed.json()["items"][0]["overdue"] is True
    assert elsewhere.json()["items"] == []


@pytest.mark.req("INT-5", "GEN-8")
async def test_an_acknowledgement_in_time_stops_the_clock(intake: Intake) -> None:
    # given a referral to the Chengguan medical assistance office
    referral = await _referred(intake)
    url = f"/v1/referrals/{referral['referral_id']}/acknowledgement"
    note = {"note": "已签收，安排专人办理"}
    async with intake.client() as client:
        # when an office of another county tries to acknowledge it
        foreign = await client.post(
            url, json=note, headers=intake.headers("partner_agency", "620103", if_match=1)
        )
        # and the receiver acknowledges on the morning of the last day it may
        intake.clock.set(_at(ACKNOWLEDGE_BY, 9))
        done = await client.post(
            url, json=note, headers=intake.headers("partner_agency", "620102", if_match=1)
        )
        twice = await client.post(
            url, json=note, headers=intake.headers("partner_agency", "620102", if_match=2)
        )
    # then only the receiver may, once, in time
    assert foreign.status_code == 403 and foreign.json()["code"] == "out-of-jurisdiction"
    assert done.status_code == 200, done.text
    assert twice.json()["code"] == "referral-already-acknowledged"
    acknowledged = await intake.events_of("intake.ReferralAcknowledged")
    assert acknowledged[0]["data"]["late"] is False
    # and no escalation follows when the deadline passes
    await intake.caught_up()
    intake.clock.advance(timedelta(days=10))
    assert await _watcher(intake).tick() == 0


@pytest.mark.req("INT-5", "GEN-8")
async def test_the_overdue_list_pages_by_cursor(intake: Intake) -> None:
    # given two referrals left unacknowledged for a week
    first, second = await _referred(intake), await _referred(intake)
    await intake.caught_up()
    intake.clock.advance(timedelta(days=7))
    async with intake.client() as client:
        # when the county pages through the overdue list one at a time
        county = intake.headers("county_officer", "620102")
        page_one = (await client.get("/v1/referrals/overdue?limit=1", headers=county)).json()
        page_two = (
            await client.get(
                f"/v1/referrals/overdue?limit=1&cursor={page_one['next_cursor']}", headers=county
            )
        ).json()
    # then each referral comes once and the last page says so
    listed = [r["referral_id"] for r in page_one["items"] + page_two["items"]]
    assert sorted(listed) == sorted([first["referral_id"], second["referral_id"]])
    assert page_two["next_cursor"] is None
