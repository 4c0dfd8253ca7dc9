"""SUP-4 on the real PostgreSQL: plan, visit, rectify with deadlines, check, hold accountable."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from shared.clock import today
from tests.supervision.integration.conftest import Supervision
from tests.support import days_from

COUNTY = "620102"


async def _post(s: Supervision, client: httpx.AsyncClient, path: str, body: dict[str, Any],
                version: int | None = None, role: str = "inspector") -> httpx.Response:  # fmt: skip
    headers = s.headers(role, "6201" if role == "city_officer" else COUNTY)
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    return await client.post(path, json=body, headers=headers)


@pytest.mark.req("SUP-4")
async def test_an_unannounced_inspection_through_rectification_and_accountability(
    supervision: Supervision,
) -> None:
    day = today(supervision.clock)
    async with supervision.client() as client:
        # given an unannounced inspection planned in a county for tomorrow
        planned = await _post(supervision, client, "/v1/inspections", {
            "kind": "unannounced", "division_code": COUNTY, "planned_on": days_from(day, 1),
            "scope": "低保审核审批", "team": ["督查一组"]})  # fmt: skip
        assert planned.status_code == 201, planned.text
        inspection = planned.json()
        url = f"/v1/inspections/{inspection['inspection_id']}"
        # then the county cannot see it before the visit
        county = supervision.headers("county_officer", COUNTY)
        assert (await client.get(url, headers=county)).status_code == 404
        # when the visit finds two problems, and a rectification is ordered for the first
        visited = await _post(supervision, client, f"{url}/visit", {
            "visited_on": days_from(day, 1), "findings": [
                {"description": "村委会直接确定保障对象", "severity": "serious"},
                {"description": "公示不到位", "severity": "minor"}]}, 1)  # fmt: skip
        assert visited.status_code == 200, visited.text
        ordered = await _post(supervision, client, f"{url}/rectifications", {
            "finding_id": "F1", "requirement": "重新入户核查", "responsible_org": "某街道办事处",
            "due_on": days_from(day, 15)}, 2)  # fmt: skip
        assert ordered.status_code == 200, ordered.text
        await supervision.catch_up()
        # then once the deadline passes it is listed overdue for the county
        supervision.clock.advance(timedelta(days=30))
        overdue = await client.get("/v1/rectifications", params={"overdue": "true"},
                                   headers=county)  # fmt: skip
        assert [(r["finding_id"], r["overdue"]) for r in overdue.json()["items"]] == [("F1", True)]
        # when the check finds it rectified and accountability is recorded
        checked = await _post(
            supervision,
            client,
            f"{url}/rectification-checks",
            {"finding_id": "F1", "rectified": True, "note": "已整改"},
            3,
        )
        held = await _post(supervision, client, f"{url}/accountability", {
            "finding_id": "F1", "person_role": "民政助理员", "org": "某街道办事处",
            "measure": "诫勉谈话", "decided_on": days_from(day, 20)}, 4)  # fmt: skip
        # and a finding that does not exist is refused
        unknown = await _post(supervision, client, f"{url}/rectifications", {
            "finding_id": "F9", "requirement": "x", "responsible_org": "y",
            "due_on": days_from(day, 15)}, 5)  # fmt: skip
        await supervision.catch_up()
        still_overdue = await client.get("/v1/rectifications", params={"overdue": "true"},
                                         headers=county)  # fmt: skip
        seen = (await client.get(url, headers=county)).json()
    assert checked.status_code == 200 and held.status_code == 200, held.text
    assert unknown.status_code == 409 and unknown.json()["code"] == "inspection-wrong-stage"
    assert still_overdue.json()["items"] == []
    assert seen["kind"] == "unannounced" and len(seen["findings"]) == 2
    assert seen["rectifications"][0]["rectified"] is True
    assert seen["accountability"][0]["measure"] == "诫勉谈话"


@pytest.mark.req("SUP-4")
async def test_inspection_steps_need_if_match_and_a_known_kind(supervision: Supervision) -> None:
    tomorrow = days_from(today(supervision.clock), 1)
    async with supervision.client() as client:
        bad = await _post(supervision, client, "/v1/inspections", {
            "kind": "casual", "division_code": COUNTY, "planned_on": tomorrow,
            "scope": "x", "team": ["a"]})  # fmt: skip
        planned = await _post(supervision, client, "/v1/inspections", {
            "kind": "follow_up", "division_code": COUNTY, "planned_on": tomorrow,
            "scope": "跟踪督查", "team": ["a"]})  # fmt: skip
        url = f"/v1/inspections/{planned.json()['inspection_id']}/visit"
        missing = await _post(
            supervision, client, url, {"visited_on": days_from(today(supervision.clock), 2)}
        )
        stale = await _post(
            supervision, client, url, {"visited_on": days_from(today(supervision.clock), 2)}, 5
        )
    assert bad.status_code == 422 and "kind" in bad.text
    assert missing.status_code == 428 and stale.status_code == 412
