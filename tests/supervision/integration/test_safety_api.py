"""SUP-5 on the real PostgreSQL: institutions, hazard checks, hazards tracked to closure."""

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
                version: int | None = None) -> httpx.Response:  # fmt: skip
    headers = s.headers("county_officer", COUNTY)
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    return await client.post(path, json=body, headers=headers)


@pytest.mark.req("SUP-5")
async def test_a_hazard_found_on_a_check_is_tracked_until_closed(supervision: Supervision) -> None:
    day = today(supervision.clock)
    async with supervision.client() as client:
        # given a registered welfare home
        created = await _post(supervision, client, "/v1/institutions", {
            "kind": "welfare_home", "name": "城关区社会福利院", "division_code": "620102001",
            "capacity": 120})  # fmt: skip
        assert created.status_code == 201, created.text
        url = f"/v1/institutions/{created.json()['institution_id']}"
        # when a winter check finds a gas hazard due in ten days, and a drill is held
        checked = await _post(supervision, client, f"{url}/hazard-checks", {
            "checked_on": day.isoformat(), "categories": ["fire", "electricity", "freezing",
                                                        "food_poisoning", "gas_poisoning"],
            "fire_equipment_complete": False, "hazards": [
                {"category": "gas_poisoning", "description": "锅炉房通风不良",
                 "due_on": days_from(day, 10)}]}, 1)  # fmt: skip
        assert checked.status_code == 200, checked.text
        drill = await _post(supervision, client, f"{url}/activities", {
            "activity": "drill", "held_on": days_from(day, 1), "topic": "消防疏散演练",
            "participants": 40}, 3)  # fmt: skip
        assert drill.status_code == 200, drill.text
        hazard_id = checked.json()["hazards"][0]["hazard_id"]
        await supervision.catch_up()
        # then after its deadline it is listed overdue
        supervision.clock.advance(timedelta(days=15))
        headers = supervision.headers("county_officer", COUNTY)
        overdue = await client.get("/v1/hazards", params={"overdue": "true"}, headers=headers)
        assert [h["hazard_id"] for h in overdue.json()["items"]] == [hazard_id]
        # when it is closed, it leaves the list; closing it twice is refused naming the field
        closed = await _post(
            supervision,
            client,
            f"{url}/hazard-closures",
            {"hazard_id": hazard_id, "closed_on": days_from(day, 14), "note": "已加装排风设备"},
            4,
        )
        again = await _post(supervision, client, f"{url}/hazard-closures", {
            "hazard_id": hazard_id, "closed_on": days_from(day, 14), "note": "x"}, 5)  # fmt: skip
        await supervision.catch_up()
        remaining = (await client.get("/v1/hazards", headers=headers)).json()
        other = await client.get(url, headers=supervision.headers("county_officer", "620103"))
    assert closed.status_code == 200 and closed.json()["hazards"][0]["closed_on"] == days_from(
        day, 14
    )
    assert again.status_code == 409 and again.json()["field"] == "hazard_id"
    assert remaining["items"] == []
    assert closed.json()["checks"][0]["fire_equipment_complete"] is False
    assert closed.json()["activities"][0]["topic"] == "消防疏散演练"
    assert other.status_code == 403
