"""Open work per township, and read models that rebuild from zero to exactly the live state."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import text

from shared.clock import CHINA
from shared.workdays import library_calendar
from tests.intake.conftest import APPLICANT, TODAY, TOWNSHIP, Intake, body

REFERRAL = {"to_agency": "education", "to_division": TOWNSHIP, "need": "子女就学困难"}
REPORT = {"division_code": TOWNSHIP, "reporter": "hospital", "situation": "无人陪护的重病患者"}


@pytest.mark.req("INT-5", "INT-6")
async def test_a_township_sees_its_open_work_soonest_first(intake: Intake) -> None:
    # given a referral to the township (due Tuesday) and an urgent case (due Saturday 09:00)
    async with intake.client() as client:
        referral = await client.post("/v1/referrals", json=REFERRAL, headers=intake.headers())
        urgent = await client.post(
            "/v1/urgent-reports",
            json=REPORT,
            headers=intake.headers("partner_agency", "620102", org="兰州市第一人民医院"),
        )
        await intake.caught_up()
        # when the township pages through its open work
        first = (await client.get("/v1/open-work?limit=1", headers=intake.headers())).json()
        rest = await client.get(
            f"/v1/open-work?limit=1&cursor={first['next_cursor']}", headers=intake.headers()
        )
        # and a neighbouring township looks at its own
        other = await client.get("/v1/open-work", headers=intake.headers(division="620102002"))
    # then the urgent case comes first, then the referral due at the end of its second working
    # day (the Tuesday after the pinned Friday)
    assert [i["id"] for i in first["items"] + rest.json()["items"]] == [
        urgent.json()["urgent_case_id"],
        referral.json()["referral_id"],
    ]
    end = datetime.combine(
        library_calendar().add_working_days(TODAY, 2) + timedelta(days=1), time(0), tzinfo=CHINA
    )
    assert rest.json()["items"][0]["due_at"] == end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert rest.json()["next_cursor"] is None
    assert other.json()["items"] == []


def _age_today() -> int:
    """The applicant's age today (born 31 December 1949, as APPLICANT's ID says: 76 at the pin)."""
    return TODAY.year - 1949 - ((TODAY.month, TODAY.day) < (12, 31))


@pytest.mark.req("GEN-1", "GEN-7")
async def test_intake_read_models_rebuild_to_the_live_state(intake: Intake) -> None:
    # given applications, decisions, referrals, urgent cases and their escalations
    async with intake.client() as client:
        created = await client.post(
            "/v1/applications",
            json=body(programmes=["urban_dibao", "housing_assistance"]),
            headers=intake.headers(),
        )
        assert created.json()["members"][0] == {
            "resident_id_masked": "110***********002X",
            "name": "张桂兰",
            "relation": "self",
            "age": _age_today(),
            "sex": "female",
        }
        await client.post(
            f"/v1/applications/{created.json()['application_id']}/programmes/"
            "housing_assistance/decision",
            json={"outcome": "rejected", "reason": "已有公租房", "policy_basis": "公租房管理办法"},
            headers=intake.headers("housing_bureau", "620102", if_match=3),
        )
        await client.post("/v1/referrals", json=REFERRAL, headers=intake.headers())
        await client.post(
            "/v1/urgent-reports",
            json={**REPORT, "subject_resident_id": APPLICANT},
            headers=intake.headers(),
        )
    await intake.caught_up()
    intake.clock.advance(timedelta(days=7))
    assert await intake.runtime.app.state.deadline_watcher.tick() == 2
    await intake.caught_up()
    live = await _tables(intake)
    # when every projection is rebuilt from zero
    for name in intake.runtime.projections.projections:
        await intake.runtime.projections.rebuild(name)
    # then the rebuilt read models equal the live ones
    assert await _tables(intake) == live
    assert live["referrals_view"][0]["overdue"] is True


async def _tables(intake: Intake) -> dict[str, list[dict[str, object]]]:
    tables = ["applications_view", "staff_relatives_view", "referrals_view", "urgent_cases_view"]
    out = {}
    async with intake.runtime.engine.connect() as conn:
        for table in tables:
            rows = await conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            out[table] = [dict(r._mapping) for r in rows]
    return out
