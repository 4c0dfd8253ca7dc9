"""SUP-2 on the real PostgreSQL: complaints from registration to feedback, through the HTTP API."""

from __future__ import annotations

import base64
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy import text

from shared.clock import today
from shared.contracts.payments import BeneficiaryEnrolled
from shared.privacy import PROTECTED
from shared.workdays import library_calendar
from supervision.application.complaints import flag_overdue
from tests.supervision.integration.conftest import Supervision

TOWNSHIP = "620102001"
CASE = "c0ffee00-0000-4000-8000-000000000001"
INSPECTOR = "inspector-wang"


def complaint_body(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "channel": "hotline",
        "anonymous": False,
        "complainant": {"name": "李举报", "phone": "13800138000"},
        "division_code": TOWNSHIP,
        "subject_case_id": CASE,
        "allegation": "false_claim",
        "summary": "该户家中有小轿车仍享受低保",
    }
    return {**body, **changes}


async def known_case(s: Supervision, case_id: str = CASE, division: str = TOWNSHIP) -> None:
    """Supervision has seen the case: its application reached the audit trail."""
    data = {"application_id": case_id, "division_code": division}
    await s.copy_in("intake", case_id, "intake.ApplicationSubmitted", data)


async def _register(s: Supervision, client: httpx.AsyncClient, **changes: object) -> dict:
    await known_case(s)
    answer = await client.post(
        "/v1/complaints", json=complaint_body(**changes), headers=s.headers("inspector", "620102")
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


async def _step(
    s: Supervision, client: httpx.AsyncClient, complaint: dict, path: str, body: dict, **who: str
) -> httpx.Response:
    headers = {
        **s.headers(who.get("role", "inspector"), "620102", who.get("subject", INSPECTOR)),
        "If-Match": f'"{complaint["version"]}"',
    }
    return await client.post(
        f"/v1/complaints/{complaint['complaint_id']}/{path}", json=body, headers=headers
    )


async def _case_events(s: Supervision) -> list[tuple[str, str | None, dict]]:
    async with s.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT type, metadata, data FROM events WHERE metadata->>'case_id' = :c"),
            {"c": CASE},
        )
        return [(r.type, r.metadata.get("reason"), r.data) for r in rows]


@pytest.mark.req("SUP-2")
async def test_an_upheld_complaint_orders_a_recheck_and_a_suspension_and_feeds_back(
    supervision: Supervision,
) -> None:
    async with supervision.client() as client:
        # given a named hotline complaint about a case, assigned to one inspector
        complaint = await _register(supervision, client)
        due = library_calendar().add_working_days(today(supervision.clock), 15)
        assert complaint["due_on"] == due.isoformat()  # 15 working days after it was received
        complaint = (
            await _step(
                supervision,
                client,
                complaint,
                "assignment",
                {"inspector_id": INSPECTOR},
                role="city_officer",
                subject="chief",
            )
        ).json()
        # when the inspector upholds it and orders a re-check and a suspension
        complaint = (
            await _step(
                supervision,
                client,
                complaint,
                "verification",
                {"upheld": True, "findings": "入户核实：有车辆一台"},
            )
        ).json()
        for action in ("recheck", "suspend_benefit"):
            answer = await _step(
                supervision,
                client,
                complaint,
                "corrective-actions",
                {"action": action, "programme": "urban_dibao", "reason": "举报查实：隐瞒车辆"},
            )
            assert answer.status_code == 200, answer.text
            complaint = answer.json()
        closed = await _step(
            supervision, client, complaint, "closure", {"feedback": "已查实，已停发并责令复核"}
        )
    # then two contract events stand in the case's own trail, with actor and reason
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    events = await _case_events(supervision)
    actions = [(t, reason, d["action"], d["complaint_id"]) for t, reason, d in events]
    assert actions == [
        (
            "supervision.CorrectiveActionOrdered",
            "举报查实：隐瞒车辆",
            "recheck",
            complaint["complaint_id"],
        ),
        (
            "supervision.CorrectiveActionOrdered",
            "举报查实：隐瞒车辆",
            "suspend_benefit",
            complaint["complaint_id"],
        ),
    ]
    assert {"case_id", "action_id", "programme", "amount_fen", "reason"} <= set(events[0][2])


@pytest.mark.req("SUP-2")
async def test_the_complainant_is_visible_only_to_the_handling_inspector(
    supervision: Supervision,
) -> None:
    async with supervision.client() as client:
        # given a named complaint assigned to inspector Wang, its summary naming the caller's
        # number, and an anonymous one
        summary = "举报人电话13800138000，称该户家中有小轿车仍享受低保"
        complaint = await _register(supervision, client, summary=summary)
        await _step(
            supervision,
            client,
            complaint,
            "assignment",
            {"inspector_id": INSPECTOR},
            role="city_officer",
            subject="chief",
        )
        anonymous = await _register(supervision, client, anonymous=True, channel="letter")
        url = f"/v1/complaints/{complaint['complaint_id']}"
        # when the handler, another inspector and the county read it
        handler = (
            await client.get(url, headers=supervision.headers("inspector", "620102", INSPECTOR))
        ).json()
        other = (
            await client.get(url, headers=supervision.headers("inspector", "620102", "zhao"))
        ).json()
        county = (
            await client.get(url, headers=supervision.headers("county_officer", "620102"))
        ).json()
        # and when an officer assigns a complaint to themselves, or to an officer who is no
        # inspector and who then reads it
        itself = await _register(supervision, client)
        self_assigned = await _step(
            supervision, client, itself, "assignment", {"inspector_id": "chief"},
            role="city_officer", subject="chief",
        )  # fmt: skip
        await _step(
            supervision, client, itself, "assignment", {"inspector_id": "county-head"},
            role="city_officer", subject="chief",
        )  # fmt: skip
        officer_as_handler = (
            await client.get(
                f"/v1/complaints/{itself['complaint_id']}",
                headers=supervision.headers("county_officer", "620102", "county-head"),
            )
        ).json()
    # then nobody makes themselves the handler, and only an inspector handles
    assert (self_assigned.status_code, self_assigned.json()["field"]) == (403, "inspector_id")
    assert officer_as_handler["inspector_id"] == "county-head"
    assert officer_as_handler["complainant"] is None
    # and only the handler sees who complained; an anonymous complaint keeps no identity at all
    assert handler["complainant"] == {"name": "李举报", "phone": "13800138000", "resident_id": None}
    assert other["complainant"] is None and county["complainant"] is None
    # and what the complaint says, which may name who complained: the county may be the one
    # the complaint accuses
    assert handler["summary"] == summary
    assert other["summary"] == county["summary"] == PROTECTED
    assert anonymous["anonymous"] is True and anonymous["complainant"] is None
    async with supervision.runtime.engine.connect() as conn:
        stored = (
            await conn.execute(
                text("SELECT data FROM events WHERE stream_id = :s"),
                {"s": f"complaint-{anonymous['complaint_id']}"},
            )
        ).scalar_one()
    assert stored["complainant"] is None


@pytest.mark.req("SUP-2")
async def test_steps_need_if_match_the_right_stage_and_the_handling_inspector(
    supervision: Supervision,
) -> None:
    async with supervision.client() as client:
        complaint = await _register(supervision, client)
        url = f"/v1/complaints/{complaint['complaint_id']}/assignment"
        # when assigned without If-Match, then 428
        missing = await client.post(
            url,
            json={"inspector_id": INSPECTOR},
            headers=supervision.headers("city_officer", "620102"),
        )
        assert missing.status_code == 428 and missing.json()["code"] == "precondition-required"
        # when assigned with a stale version, then 412
        stale = await _step(
            supervision,
            client,
            {**complaint, "version": 7},
            "assignment",
            {"inspector_id": INSPECTOR},
            role="city_officer",
        )
        assert stale.status_code == 412
        # when verified before assignment, then 409 naming the stage
        early = await _step(
            supervision, client, complaint, "verification", {"upheld": True, "findings": "x"}
        )
        assert early.status_code == 409 and early.json()["code"] == "complaint-wrong-stage"
        assigned = (
            await _step(
                supervision,
                client,
                complaint,
                "assignment",
                {"inspector_id": INSPECTOR},
                role="city_officer",
                subject="chief",
            )
        ).json()
        # when another inspector tries to verify, then 403
        other = await _step(
            supervision,
            client,
            assigned,
            "verification",
            {"upheld": True, "findings": "x"},
            subject="zhao",
        )
        assert other.status_code == 403 and other.json()["code"] == "not-handling-inspector"
        # when a finding is not upheld, no corrective action may follow
        verified = (
            await _step(
                supervision,
                client,
                assigned,
                "verification",
                {"upheld": False, "findings": "不属实"},
            )
        ).json()
        refused = await _step(
            supervision,
            client,
            verified,
            "corrective-actions",
            {"action": "recheck", "reason": "x"},
        )
        assert refused.status_code == 409
        # and a recovery without its amount is refused before anything is written
        no_amount = await _step(supervision, client, verified, "corrective-actions",
                                {"action": "recover_overpayment", "programme": "urban_dibao",
                                 "reason": "x"})  # fmt: skip
        assert no_amount.status_code == 422 and "amount_fen" in no_amount.text
        # and a named complaint without the complainant is refused naming the field
        bad = await client.post(
            "/v1/complaints",
            json=complaint_body(complainant=None),
            headers=supervision.headers("inspector", "620102"),
        )
        assert bad.status_code == 422 and "complainant" in bad.text


@pytest.mark.req("SUP-2")
async def test_overdue_complaints_are_flagged_once_and_listed(supervision: Supervision) -> None:
    async with supervision.client() as client:
        # given two open complaints, one of them closed in time
        late = await _register(supervision, client)
        done = await _register(supervision, client, anonymous=True, complainant=None)
        done = (
            await _step(
                supervision,
                client,
                done,
                "assignment",
                {"inspector_id": INSPECTOR},
                role="city_officer",
                subject="chief",
            )
        ).json()
        done = (
            await _step(
                supervision, client, done, "verification", {"upheld": False, "findings": "不属实"}
            )
        ).json()
        await _step(supervision, client, done, "closure", {"feedback": "经核查不属实"})
        await supervision.catch_up()
        # when the deadline passes and the watcher runs twice
        supervision.clock.advance(timedelta(days=30))
        state = supervision.runtime.app.state
        first = await flag_overdue(supervision.runtime.engine, state.complaints, state.clock)
        await supervision.catch_up()
        second = await flag_overdue(supervision.runtime.engine, state.complaints, state.clock)
        listed = await client.get(
            "/v1/complaints",
            params={"overdue": "true"},
            headers=supervision.headers("county_officer", "620102"),
        )
        elsewhere = await client.get(
            "/v1/complaints", headers=supervision.headers("county_officer", "620103")
        )
    # then only the late one is flagged, once, and listed as overdue in its county only
    assert first == [late["complaint_id"]] and second == []
    assert [i["complaint_id"] for i in listed.json()["items"]] == [late["complaint_id"]]
    assert elsewhere.json()["items"] == []


@pytest.mark.req("SUP-2")
async def test_the_list_is_cursor_paginated(supervision: Supervision) -> None:
    async with supervision.client() as client:
        ids = {(await _register(supervision, client))["complaint_id"] for _ in range(3)}
        await supervision.catch_up()
        headers = supervision.headers("province_officer", "62")
        first = (await client.get("/v1/complaints", params={"limit": 2}, headers=headers)).json()
        rest = (
            await client.get(
                "/v1/complaints",
                params={"limit": 2, "cursor": first["next_cursor"]},
                headers=headers,
            )
        ).json()
    assert len(first["items"]) == 2 and rest["next_cursor"] is None
    assert {i["complaint_id"] for i in first["items"] + rest["items"]} == ids


@pytest.mark.req("GEN-8")
async def test_a_cursor_from_another_list_or_forged_is_a_400_naming_it_never_a_500(
    supervision: Supervision,
) -> None:
    async with supervision.client() as client:
        for _ in range(3):
            await _register(supervision, client)
        await supervision.catch_up()
        headers = supervision.headers("province_officer", "62")
        first = (await client.get("/v1/complaints", params={"limit": 2}, headers=headers)).json()
        # when the complaints' cursor is sent to the alerts, or a position is forged
        forged = base64.urlsafe_b64encode(b'{"at":"x","id":1}').decode().rstrip("=")
        answers = [
            await client.get("/v1/alerts", params={"cursor": cursor}, headers=headers)
            for cursor in (first["next_cursor"], forged, "e30")
        ]
    # then each is refused naming the cursor, as a cursor this API never handed out
    assert [(a.status_code, a.json()["code"], a.json()["field"]) for a in answers] == [
        (400, "invalid-cursor", "query.cursor")
    ] * 3


async def _upheld(s: Supervision, client: httpx.AsyncClient) -> dict:
    """A complaint about CASE, assigned to INSPECTOR and upheld."""
    complaint = await _register(s, client)
    complaint = (
        await _step(s, client, complaint, "assignment", {"inspector_id": INSPECTOR},
                    role="city_officer", subject="chief")
    ).json()  # fmt: skip
    found = {"upheld": True, "findings": "入户核实：隐瞒工资收入"}
    return dict((await _step(s, client, complaint, "verification", found)).json())


@pytest.mark.req("SUP-2")
async def test_a_recovery_order_needs_an_amount_a_known_case_and_a_programme_it_was_paid(
    supervision: Supervision,
) -> None:
    # given payments enrolled CASE in urban dibao (its event, as payments publishes it)
    enrolled = BeneficiaryEnrolled(
        case_id=CASE, programme="urban_dibao", division_code=TOWNSHIP, county_code="620102",
        registration="urban", household_size=1, assessed_monthly_income_fen=0, rural_class=None,
        approved_monthly_amount_fen=0, monthly_amount_fen=70_000, effective_from=date(2026, 1, 1),
        payee_name="李建国", bank_account=None,
    )  # fmt: skip
    await supervision.copy_in("payments", CASE, enrolled.TYPE, enrolled.model_dump(mode="json"))
    async with supervision.client() as client:
        complaint = await _upheld(supervision, client)
        order = {"action": "recover_overpayment", "programme": "urban_dibao",
                 "amount_fen": 36_000, "reason": "隐瞒收入期间多领低保金，依法追回"}  # fmt: skip
        # when recoveries are ordered of nothing, on a case no one knows, of a programme not paid
        answers = {
            field: await _step(
                supervision, client, complaint, "corrective-actions", {**order, **change}
            )
            for field, change in (
                ("amount_fen", {"amount_fen": 0}),
                ("case_id", {"case_id": "no-such-case"}),
                ("programme", {"programme": "rural_dibao"}),
            )
        }
        # and one of the programme CASE is paid in
        accepted = await _step(supervision, client, complaint, "corrective-actions", order)
    # then each bad order is a 422 naming its field, and nothing of them was written
    for field, answer in answers.items():
        assert answer.status_code == 422, (field, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert field in answer.text
    assert answers["case_id"].json()["code"] == "unknown-case"
    assert answers["programme"].json()["code"] == "benefit-not-held"
    assert accepted.status_code == 200, accepted.text
    events = await _case_events(supervision)
    assert [d["amount_fen"] for t, _, d in events if t.endswith("CorrectiveActionOrdered")] == [
        36_000
    ]


@pytest.mark.req("SUP-2", "GEN-8")
async def test_a_complaint_about_a_case_supervision_never_saw_is_422_naming_it(
    supervision: Supervision,
) -> None:
    # given a case supervision has seen in Chengguan, and another county's case
    await known_case(supervision)
    elsewhere = "c0ffee00-0000-4000-8000-000000000002"
    await known_case(supervision, elsewhere, "620103001")
    headers = supervision.headers("inspector", "620102")
    async with supervision.client() as client:
        # when complaints name a case nobody recorded, and a case outside the caller's county
        unknown = await client.post(
            "/v1/complaints",
            json=complaint_body(subject_case_id="c0ffee00-0000-4000-8000-00000000dead"),
            headers=headers,
        )
        outside = await client.post(
            "/v1/complaints", json=complaint_body(subject_case_id=elsewhere), headers=headers
        )
        # and one names no case at all
        about_no_case = await client.post(
            "/v1/complaints", json=complaint_body(subject_case_id=None), headers=headers
        )
    # then both are refused alike, naming the field, and nothing is written
    for answer in (unknown, outside):
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert (answer.json()["code"], answer.json()["field"]) == (
            "unknown-case",
            "subject_case_id",
        )
    assert unknown.json()["detail"] == outside.json()["detail"].replace(elsewhere[-4:], "dead")
    async with supervision.runtime.engine.connect() as conn:
        complaints = await conn.scalar(
            text("SELECT count(*) FROM events WHERE type = 'supervision.ComplaintReceived'")
        )
    assert complaints == 1
    # while a complaint about no case in particular is registered
    assert about_no_case.status_code == 201, about_no_case.text


@pytest.mark.req("SUP-2", "GEN-8")
async def test_a_corrective_action_on_a_case_supervision_never_saw_is_422_naming_it(
    supervision: Supervision,
) -> None:
    async with supervision.client() as client:
        # given an upheld complaint about a known case, in the handling inspector's hands
        complaint = await _register(supervision, client)
        complaint = (
            await _step(supervision, client, complaint, "assignment",
                        {"inspector_id": INSPECTOR}, role="city_officer", subject="chief")
        ).json()  # fmt: skip
        complaint = (
            await _step(supervision, client, complaint, "verification",
                        {"upheld": True, "findings": "属实"})
        ).json()  # fmt: skip
        # when the inspector orders a re-check of another case nobody recorded
        action = {"action": "recheck", "case_id": "c0ffee00-0000-4000-8000-00000000dead",
                  "reason": "复核"}  # fmt: skip
        refused = await _step(supervision, client, complaint, "corrective-actions", action)
    # then it is refused naming the field, and no action is recorded
    assert refused.status_code == 422, refused.text
    assert (refused.json()["code"], refused.json()["field"]) == ("unknown-case", "case_id")
    async with supervision.runtime.engine.connect() as conn:
        actions = await conn.scalar(
            text("SELECT count(*) FROM events WHERE type = 'supervision.CorrectiveActionOrdered'")
        )
    assert actions == 0
