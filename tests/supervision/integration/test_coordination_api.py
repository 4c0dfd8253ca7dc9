"""SUP-6 and SUP-9 on the real PostgreSQL: mechanisms filed by the deadline, dated policy tasks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from shared.clock import CHINA
from supervision.domain.coordination import REQUIRED_MEMBERS
from tests.supervision.integration.conftest import Supervision

YEAR = 2027
CITY = "620100"  # 兰州市


async def _post(s: Supervision, client: httpx.AsyncClient, path: str, body: dict[str, Any],
                version: int, division: str = CITY) -> httpx.Response:  # fmt: skip
    role = "county_officer" if len(division) == 6 and division[4:] != "00" else "city_officer"
    headers = {**s.headers(role, division), "If-Match": f'"{version}"'}
    return await client.post(path, json=body, headers=headers)


def _mechanism(filed_on: str, members: set[str] = REQUIRED_MEMBERS) -> dict[str, Any]:
    return {"filed_on": filed_on, "head": "县长", "lead_department": "civil_affairs",
            "member_departments": sorted(members)}  # fmt: skip


@pytest.mark.req("SUP-6", "SUP-9")
async def test_filing_and_policy_tasks_show_done_late_and_overdue_per_county(
    supervision: Supervision,
) -> None:
    # given it is 1 July of the year
    supervision.clock.set(datetime(YEAR, 7, 1, 9, tzinfo=CHINA))
    async with supervision.client() as client:
        # when 城关区 files its mechanism in time, 七里河区 files late, and 城关区 reports the
        # three practical tasks done in June
        on_time = await _post(supervision, client, f"/v1/coordination/620102/{YEAR}/mechanism",
                              _mechanism(f"{YEAR}-02-20"), 0)  # fmt: skip
        late = await _post(supervision, client, f"/v1/coordination/620103/{YEAR}/mechanism",
                           _mechanism(f"{YEAR}-03-10"), 0)  # fmt: skip
        done = await _post(supervision, client, f"/v1/coordination/620102/{YEAR}/policy-tasks",
                           {"task_id": "three_practical_tasks", "status": "done",
                            "reported_on": f"{YEAR}-06-28", "note": "已提标"}, 1)  # fmt: skip
        # and an incomplete mechanism is refused naming the missing departments
        incomplete = await _post(
            supervision,
            client,
            f"/v1/coordination/620104/{YEAR}/mechanism",
            _mechanism(f"{YEAR}-02-01", REQUIRED_MEMBERS - {"finance", "education"}),
            0,
        )
        meeting = await _post(supervision, client, f"/v1/coordination/{CITY}/{YEAR}/joint-meetings",
                              {"held_on": f"{YEAR}-03-15", "topics": ["留守儿童关爱保护"],
                               "departments": ["civil_affairs", "education"]}, 0)  # fmt: skip
        ledger = await client.get("/v1/policy-tasks", params={"year": YEAR},
                                  headers=supervision.headers("city_officer", CITY))  # fmt: skip
    assert on_time.status_code == 200 and late.status_code == 200, late.text
    assert done.status_code == 200, done.text
    assert incomplete.status_code == 422
    assert incomplete.json()["missing"] == ["education", "finance"]
    assert meeting.status_code == 200
    # then the city's ledger shows each county's status against the dated deadlines
    body = ledger.json()
    assert body["filing_deadline"] == f"{YEAR}-02-28"
    counties = {row["county_code"]: row["tasks"] for row in body["counties"]}
    assert counties["620102"]["coordination_filing"]["status"] == "done"
    assert counties["620103"]["coordination_filing"]["status"] == "done_late"
    assert counties["620104"]["coordination_filing"]["status"] == "overdue"
    assert counties["620102"]["three_practical_tasks"]["status"] == "done"
    assert counties["620103"]["three_practical_tasks"]["status"] == "overdue"
    assert counties["620102"]["disaster_housing"]["status"] == "not_started"
    assert all(code.startswith("6201") for code in counties)
    summary = body["summary"]["coordination_filing"]
    assert summary["done"] == 1 and summary["done_late"] == 1
    assert summary["overdue"] == len(counties) - 2
