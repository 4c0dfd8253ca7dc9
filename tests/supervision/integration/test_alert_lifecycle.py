"""SUP-3 alerts' life: overdue work raises them (VER-9, INT-5, INT-6); officers acknowledge,
dismiss or escalate them, each step an event naming the clerk who took it (GEN-4)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.supervision.integration.conftest import Supervision

COUNTY = "620102"
TOWNSHIP = "620102001"
VILLAGE = "620102001001"


def _officer(supervision: Supervision, role: str, division: str, staff: str) -> dict[str, str]:
    """A partner system's token naming the clerk at the keyboard (sub) apart from the client."""
    token = supervision.signer.mint(
        f"county-system-{division}", role, division, "民政局", subject=staff
    )
    return {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}


async def _case_overdue(supervision: Supervision, case_id: str, due_on: str) -> None:
    """As verification publishes them: the case opened in a village, then its clock ran out."""
    await supervision.feed(
        "verification.CaseOpened",
        {"case_id": case_id, "programme": "rural_dibao", "division_code": VILLAGE,
         "registration": "rural", "household_size": 3, "declared_monthly_income_fen": 30000,
         "authorisation_ref": "auth-1", "members": [], "opened_on": "2026-11-20"},
    )  # fmt: skip
    await supervision.feed(
        "verification.CaseOverdue",
        {"case_id": case_id, "programme": "rural_dibao", "clock": "investigation_start",
         "due_on": due_on},
    )  # fmt: skip


async def _alerts(
    supervision: Supervision, client: httpx.AsyncClient, division: str = COUNTY, **params: Any
) -> list[dict[str, Any]]:
    await supervision.catch_up()
    role = "province_officer" if division == "62" else "county_officer"
    answer = await client.get(
        "/v1/alerts", params=params, headers=supervision.headers(role, division)
    )
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


@pytest.mark.req("SUP-3", "VER-9", "INT-5", "INT-6")
async def test_overdue_cases_referrals_and_urgent_cases_each_raise_an_alert_in_their_division(
    supervision: Supervision,
) -> None:
    # given a verification case, a referral and an urgent case whose deadlines ran out
    await _case_overdue(supervision, "case-1", "2026-11-25")
    await supervision.feed(
        "intake.ReferralOpened",
        {"referral_id": "ref-1", "case_id": "app-1", "first_office_division": TOWNSHIP,
         "first_office_org": "某街道办事处", "to_agency": "education", "to_division": COUNTY,
         "division_code": VILLAGE, "need": "助学", "subject_resident_id": None,
         "received_on": "2026-11-20", "acknowledge_by": "2026-11-24"},
    )  # fmt: skip
    await supervision.feed(
        "intake.ReferralOverdue",
        {"referral_id": "ref-1", "acknowledge_by": "2026-11-24", "escalated_to": COUNTY},
    )
    await supervision.feed(
        "intake.UrgentCaseOpened",
        {"urgent_case_id": "urg-1", "division_code": TOWNSHIP, "reporter": "grid_worker",
         "situation": "独居老人断炊", "subject_name": None, "subject_resident_id": None,
         "household_size": 1, "reported_at": "2026-11-29T08:00:00+08:00",
         "respond_by": "2026-11-30T08:00:00+08:00"},
    )  # fmt: skip
    await supervision.feed(
        "intake.UrgentCaseOverdue",
        {"urgent_case_id": "urg-1", "respond_by": "2026-11-30T08:00:00+08:00",
         "escalated_to": COUNTY},
    )  # fmt: skip
    async with supervision.client() as client:
        alerts = {a["detector"]: a for a in await _alerts(supervision, client)}
        # then each is one open alert in the case's division, with the deadline and what ran out
        assert set(alerts) == {"case_overdue", "referral_overdue", "urgent_case_overdue"}
        case = alerts["case_overdue"]
        assert (case["division_code"], case["case_ids"], case["status"]) == (
            VILLAGE, ["case-1"], "open"
        )  # fmt: skip
        assert case["evidence"]["deadline"] == "2026-11-25"
        assert case["evidence"]["ran_out"] == "investigation_start"
        referral = alerts["referral_overdue"]
        assert (referral["division_code"], referral["case_ids"]) == (VILLAGE, ["app-1"])
        assert referral["evidence"]["ran_out"] == "acknowledgement"
        assert referral["evidence"]["to_agency"] == "education"
        urgent = alerts["urgent_case_overdue"]
        assert (urgent["division_code"], urgent["evidence"]["ran_out"]) == (TOWNSHIP, "response")
        assert "独居老人" not in str(urgent)  # the situation stays in intake
        # and another county sees none of them
        assert await _alerts(supervision, client, "620103") == []


@pytest.mark.req("SUP-3", "GEN-4")
async def test_a_county_clerk_acknowledges_and_escalates_and_the_province_takes_it_up(
    supervision: Supervision,
) -> None:
    await _case_overdue(supervision, "case-2", "2026-11-25")
    async with supervision.client() as client:
        [alert] = await _alerts(supervision, client, status="open")
        url = f"/v1/alerts/{alert['alert_id']}"
        clerk = _officer(supervision, "county_officer", COUNTY, "staff-0042")
        # when the county clerk acknowledges without If-Match, or with a stale one, nothing happens
        assert (
            await client.post(f"{url}/acknowledgement", json={}, headers=clerk)
        ).status_code == 428
        stale = {**clerk, "If-Match": '"7"'}
        assert (
            await client.post(f"{url}/acknowledgement", json={}, headers=stale)
        ).status_code == 412
        # an auditor reads alerts but does not act on them
        auditor = {**supervision.headers("auditor", COUNTY), "If-Match": '"1"'}
        assert (
            await client.post(f"{url}/acknowledgement", json={}, headers=auditor)
        ).status_code == 403
        # when the clerk acknowledges at the current version (twice with one key: one event)
        current = await client.get(url, headers=supervision.headers("county_officer", COUNTY))
        assert current.headers["ETag"] == '"1"'
        ack = {**clerk, "If-Match": current.headers["ETag"]}
        for _ in range(2):
            answer = await client.post(
                f"{url}/acknowledgement", json={"note": "已安排"}, headers=ack
            )
            assert answer.status_code == 200, answer.text
        assert answer.json()["status"] == "acknowledged"
        # an officer of another county may not escalate it
        other = {**_officer(supervision, "county_officer", "620103", "staff-9"), "If-Match": '"2"'}
        body = {"to": "province", "reason": "超期严重，请省厅督办"}
        assert (await client.post(f"{url}/escalation", json=body, headers=other)).status_code == 403
        # and the clerk escalates it to the province with the reason
        escalate = {**_officer(supervision, "county_officer", COUNTY, "staff-0042"),
                    "If-Match": answer.headers["ETag"]}  # fmt: skip
        answer = await client.post(f"{url}/escalation", json=body, headers=escalate)
        assert answer.status_code == 200, answer.text
        assert (answer.json()["escalated_to"], answer.json()["escalated_division"]) == (
            "province", "62"
        )  # fmt: skip
        # then the province sees it in its queue: who escalated it, when and why
        [seen] = await _alerts(supervision, client, "62", escalated_to="province")
        assert (seen["status"], seen["acted_by"], seen["action_reason"]) == (
            "escalated", "staff-0042", "超期严重，请省厅督办"
        )  # fmt: skip
        # and the province officer takes it up
        province = {
            **_officer(supervision, "province_officer", "62", "staff-p1"),
            "If-Match": '"3"',
        }
        answer = await client.post(f"{url}/acknowledgement", json={}, headers=province)
        assert answer.status_code == 200, answer.text
        # but cannot escalate it to the province again
        again = {**_officer(supervision, "province_officer", "62", "staff-p1"), "If-Match": '"4"'}
        assert (await client.post(f"{url}/escalation", json=body, headers=again)).status_code == 409
    # and every step is an event naming the clerk, with the partner client as the channel (GEN-4)
    events = await supervision.runtime.store.read_stream(f"alert-{alert['alert_id']}")
    assert [e.type for e in events] == [
        "supervision.AlertRaised", "supervision.AlertAcknowledged",
        "supervision.AlertEscalated", "supervision.AlertAcknowledged",
    ]  # fmt: skip
    acknowledged = events[1].metadata
    assert (acknowledged.actor.id, acknowledged.actor.role, acknowledged.channel) == (
        "staff-0042", "county_officer", f"api:county-system-{COUNTY}"
    )  # fmt: skip
    assert events[2].metadata.reason == "超期严重，请省厅督办"
    assert events[1].metadata.case_id == "case-2"  # in the case's audit trail


@pytest.mark.req("SUP-3")
async def test_a_dismissed_alert_is_not_raised_again_for_the_same_evidence(
    supervision: Supervision,
) -> None:
    await _case_overdue(supervision, "case-3", "2026-11-25")
    async with supervision.client() as client:
        [alert] = await _alerts(supervision, client)
        url = f"/v1/alerts/{alert['alert_id']}/dismissal"
        headers = {**_officer(supervision, "county_officer", COUNTY, "staff-7"), "If-Match": '"1"'}
        # a dismissal needs a reason
        assert (await client.post(url, json={"reason": ""}, headers=headers)).status_code == 422
        reason = {"reason": "系统日历错误，实际已按时入户"}
        answer = await client.post(url, json=reason, headers=headers)
        assert answer.status_code == 200, answer.text
        # when verification reports the same clock overdue again
        await supervision.feed(
            "verification.CaseOverdue",
            {"case_id": "case-3", "programme": "rural_dibao", "clock": "investigation_start",
             "due_on": "2026-11-25"},
        )  # fmt: skip
        # then no new alert: the one alert stays dismissed, with its reason
        alerts = await _alerts(supervision, client)
        assert [(a["status"], a["action_reason"]) for a in alerts] == [
            ("dismissed", "系统日历错误，实际已按时入户")
        ]
        assert await _alerts(supervision, client, status="open") == []
        # and a dismissed alert cannot be escalated
        headers = {**_officer(supervision, "county_officer", COUNTY, "staff-7"), "If-Match": '"2"'}
        body = {"to": "city", "reason": "复核"}
        url = f"/v1/alerts/{alert['alert_id']}/escalation"
        assert (await client.post(url, json=body, headers=headers)).status_code == 409
