"""GEN-1 for supervision's read models: a rebuild from zero equals the live projection."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from shared.clock import today
from tests.supervision.integration.conftest import Supervision
from tests.support import days_from

TABLES = {
    "supervision.complaints_view": "complaints_view",
    "supervision.rectifications_view": "rectifications_view",
    "supervision.hazards_view": "hazards_view",
}


async def _snapshot(s: Supervision, table: str) -> list[dict[str, Any]]:
    async with s.runtime.engine.connect() as conn:
        rows = await conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
        return [dict(r._mapping) for r in rows]


async def _post(s: Supervision, path: str, body: dict[str, Any], version: int | None = None,
                role: str = "inspector") -> dict[str, Any]:  # fmt: skip
    headers = s.headers(role, "620102")
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    async with s.client() as client:
        answer = await client.post(path, json=body, headers=headers)
    assert answer.status_code in (200, 201), answer.text
    return dict(answer.json())


@pytest.mark.req("GEN-1")
async def test_supervision_read_models_rebuild_to_the_live_state(supervision: Supervision) -> None:
    # given complaints, an inspection with a rectification and an institution with a hazard
    day = today(supervision.clock)
    for n in range(3):
        complaint = await _post(supervision, "/v1/complaints", {
            "channel": "letter", "anonymous": True, "division_code": "620102001",
            "allegation": "averaging", "summary": f"来信{n}"})  # fmt: skip
    await _post(supervision, f"/v1/complaints/{complaint['complaint_id']}/assignment",
                {"inspector_id": "wang"}, 1)  # fmt: skip
    inspection = await _post(supervision, "/v1/inspections", {
        "kind": "periodic", "division_code": "620102", "planned_on": days_from(day, 1),
        "scope": "定期督查", "team": ["一组"]})  # fmt: skip
    url = f"/v1/inspections/{inspection['inspection_id']}"
    await _post(supervision, f"{url}/visit", {"visited_on": days_from(day, 2), "findings": [
        {"description": "档案不全", "severity": "minor"}]}, 1)  # fmt: skip
    order = {"finding_id": "F1", "requirement": "补齐档案", "responsible_org": "乡政府",
             "due_on": days_from(day, 20)}  # fmt: skip
    await _post(supervision, f"{url}/rectifications", order, 2)
    home = await _post(supervision, "/v1/institutions", {"kind": "temporary_shelter",
        "name": "临时庇护所", "division_code": "620102", "capacity": 20},
        role="county_officer")  # fmt: skip
    await _post(supervision, f"/v1/institutions/{home['institution_id']}/hazard-checks", {
        "checked_on": days_from(day, 1), "categories": ["fire"], "fire_equipment_complete": True,
        "hazards": [{"category": "fire", "description": "灭火器过期",
                     "due_on": days_from(day, 5)}]},
        1, role="county_officer")  # fmt: skip
    await supervision.catch_up()
    for name, table in TABLES.items():
        live = await _snapshot(supervision, table)
        assert live, table
        # when the projection is rebuilt from zero
        await supervision.runtime.projections.rebuild(name)
        # then it holds exactly the live rows
        assert await _snapshot(supervision, table) == live, table
