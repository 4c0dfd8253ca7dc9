"""The case's whole life on the running stack (SUP-3, VER-9, GEN-4): a case whose investigation
deadline ran out raises a supervision alert; a named county clerk acknowledges it and escalates it
to the province, whose officer finds it in the province's queue. Public HTTP APIs only."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import OwnStack
from tests.e2e.services import RunningServices
from tests.e2e.test_verification_decisions import COUNTY, TOWNSHIP, Watch, open_case
from tests.support import eventually

CLERK = "staff-620102-0042"  # the person at the keyboard, apart from the county's system


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services, with no working day allowed to start an investigation and a deadline
    watcher looking every 0.2 s (the stack's clock stands still)."""
    with own_stack(
        "e2e-overdue-alerts",
        {
            "VERIFICATION_INVESTIGATION_START_WORKING_DAYS": "0",
            "VERIFICATION_WATCHER_INTERVAL_S": "0.2",
            "VERIFICATION_PARTNER_TIMEOUT_S": "5",  # a shared, loaded test machine
        },
    ) as running:
        yield running


def _named(services: RunningServices, role: str, division: str, staff: str) -> dict[str, str]:
    """A token of the county's partner system naming the clerk who acts (sub ≠ client_id)."""
    token = services.signer.mint(f"e2e-system-{division}", role, division, "民政局", subject=staff)
    return {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}


@pytest.mark.req("SUP-3", "VER-9", "GEN-4")
async def test_an_overdue_case_raises_an_alert_the_county_escalates_to_the_province(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        alerts_url = f"{services.urls['supervision']}/v1/alerts"
        county = services.auth("county_officer", COUNTY)
        # given a case opened with no working day to start its investigation
        case_id = await open_case(services, client, 701)
        found: list[dict[str, Any]] = []

        async def raised() -> bool:
            answer = await client.get(
                alerts_url, params={"detector": "case_overdue", "limit": 200}, headers=county
            )
            found[:] = [a for a in answer.json()["items"] if case_id in a["case_ids"]]
            return bool(found)

        # when the deadline watcher flags it, supervision raises an open alert in its division
        await eventually(raised, timeout=60, message="no case_overdue alert was raised")
        [alert] = found
        assert (alert["status"], alert["division_code"]) == ("open", TOWNSHIP)
        assert alert["evidence"]["ran_out"] == "investigation_start"
        assert alert["evidence"]["deadline"] < services.day()
        url = f"{alerts_url}/{alert['alert_id']}"
        etag = (await client.get(url, headers=county)).headers["ETag"]
        # and the named county clerk acknowledges it
        acknowledged = await client.post(
            f"{url}/acknowledgement",
            json={"note": "已督促街道入户"},
            headers={**_named(services, "county_officer", COUNTY, CLERK), "If-Match": etag},
        )
        assert acknowledged.status_code == 200, acknowledged.text
        assert acknowledged.json()["status"] == "acknowledged"
        # and escalates it to the province with a reason
        escalated = await client.post(
            f"{url}/escalation",
            json={"to": "province", "reason": "街道多次超期，请省厅督办"},
            headers={
                **_named(services, "county_officer", COUNTY, CLERK),
                "If-Match": acknowledged.headers["ETag"],
            },
        )
        assert escalated.status_code == 200, escalated.text
        # then the province officer finds it in the province's queue, with who escalated it and why
        province = services.auth("province_officer", "62")
        queue: list[dict[str, Any]] = []

        async def in_province_queue() -> bool:
            answer = await client.get(
                alerts_url, params={"escalated_to": "province", "limit": 200}, headers=province
            )
            queue[:] = [a for a in answer.json()["items"] if a["alert_id"] == alert["alert_id"]]
            return bool(queue and queue[0]["status"] == "escalated")

        await eventually(in_province_queue, message="the province never saw the escalation")
        assert (queue[0]["acted_by"], queue[0]["action_reason"]) == (
            CLERK,
            "街道多次超期，请省厅督办",
        )
        # and the case's audit trail names the clerk as actor, the county's system as channel
        watch = Watch(services, client, case_id)

        async def in_trail() -> bool:
            types = [e["type"] for e in await watch.trail()]
            return "supervision.AlertEscalated" in types

        await eventually(in_trail, message="the escalation never reached the audit trail")
        entry = next(e for e in await watch.trail() if e["type"] == "supervision.AlertEscalated")
        assert entry["actor"]["id"] == CLERK and entry["actor"]["role"] == "county_officer"
        assert entry["channel"] == f"api:e2e-system-{COUNTY}"
        assert entry["reason"] == "街道多次超期，请省厅督办"
