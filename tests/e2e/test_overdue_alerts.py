"""The case's whole life on the running stack (SUP-3, VER-9, GEN-4): a case whose investigation
deadline ran out raises a supervision alert; a named county clerk acknowledges it and escalates it
to the province, whose officer finds it in the province's queue. Public HTTP APIs only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from clients.supervision.api.audit import get_case_audit_trail
from clients.supervision.api.detectors import (
    acknowledge_alert,
    escalate_alert,
    get_alert,
    list_alerts,
)
from clients.verification.api.cases import get_case_programme
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import Clerk, County, answered, call, operation_client, submitted
from tests.e2e.services import RunningServices
from tests.e2e.test_verification_happy_path import application
from tests.support import eventually

CHENGGUAN = County("620102")  # 城关区: the county of the module's own stack
COUNTY, TOWNSHIP = CHENGGUAN.code, CHENGGUAN.township
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


def _named(services: RunningServices, role: str, division: str, staff: str) -> Any:
    """The supervision client of the county's partner system, with a token naming the clerk who
    acts (sub ≠ client_id)."""
    token = services.signer.mint(f"e2e-system-{division}", role, division, "民政局", subject=staff)
    return operation_client(services, "supervision", token)


async def _open_case(services: RunningServices, client: httpx.AsyncClient, sequence: int) -> str:
    """An application accepted at intake, once verification has opened its case."""
    case_id = await submitted(services, client, CHENGGUAN, application(sequence))
    township = Clerk(services, client, "verification", "township_officer", TOWNSHIP)
    await eventually(
        lambda: answered(township, get_case_programme, case_id=case_id, programme="urban_dibao"),
        message=f"verification never opened {case_id}",
    )
    return case_id


async def _trail(inspector: Clerk, case_id: str) -> list[dict[str, Any]]:
    """The case's audit trail across the services (none yet: empty)."""
    answer = await inspector.call(get_case_audit_trail, case_id=case_id, limit=200)
    return list(answer.json()["entries"]) if answer.status_code == 200 else []


@pytest.mark.req("SUP-3", "VER-9", "GEN-4")
async def test_an_overdue_case_raises_an_alert_the_county_escalates_to_the_province(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        county = Clerk(services, client, "supervision", "county_officer", COUNTY)
        # given a case opened with no working day to start its investigation
        case_id = await _open_case(services, client, 701)
        found: list[dict[str, Any]] = []

        async def raised() -> bool:
            answer = await county.call(list_alerts, detector="case_overdue", limit=200)
            found[:] = [a for a in answer.json()["items"] if case_id in a["case_ids"]]
            return bool(found)

        # when the deadline watcher flags it, supervision raises an open alert in its division
        await eventually(raised, timeout=60, message="no case_overdue alert was raised")
        [alert] = found
        assert (alert["status"], alert["division_code"]) == ("open", TOWNSHIP)
        assert alert["evidence"]["ran_out"] == "investigation_start"
        assert alert["evidence"]["deadline"] < services.day()
        alert_id = alert["alert_id"]
        etag = (await county.call(get_alert, alert_id=alert_id)).headers["ETag"]
        # and the named county clerk acknowledges it
        system = _named(services, "county_officer", COUNTY, CLERK)
        acknowledged = await call(
            system, acknowledge_alert, etag=etag, alert_id=alert_id, body={"note": "已督促街道入户"}
        )
        assert acknowledged.status_code == 200, acknowledged.text
        assert acknowledged.json()["status"] == "acknowledged"
        # and escalates it to the province with a reason
        escalated = await call(
            system, escalate_alert, etag=acknowledged.headers["ETag"], alert_id=alert_id,
            body={"to": "province", "reason": "街道多次超期，请省厅督办"},
        )  # fmt: skip
        assert escalated.status_code == 200, escalated.text
        # then the province officer finds it in the province's queue, with who escalated it and why
        province = Clerk(services, client, "supervision", "province_officer", "62")
        queue: list[dict[str, Any]] = []

        async def in_province_queue() -> bool:
            answer = await province.call(list_alerts, escalated_to="province", limit=200)
            queue[:] = [a for a in answer.json()["items"] if a["alert_id"] == alert_id]
            return bool(queue and queue[0]["status"] == "escalated")

        await eventually(in_province_queue, message="the province never saw the escalation")
        assert (queue[0]["acted_by"], queue[0]["action_reason"]) == (
            CLERK,
            "街道多次超期，请省厅督办",
        )
        # and the case's audit trail names the clerk as actor, the county's system as channel
        inspector = Clerk(services, client, "supervision", "inspector", "620100")

        async def in_trail() -> bool:
            types = [e["type"] for e in await _trail(inspector, case_id)]
            return "supervision.AlertEscalated" in types

        await eventually(in_trail, message="the escalation never reached the audit trail")
        trail = await _trail(inspector, case_id)
        entry = next(e for e in trail if e["type"] == "supervision.AlertEscalated")
        assert entry["actor"]["id"] == CLERK and entry["actor"]["role"] == "county_officer"
        assert entry["channel"] == f"api:e2e-system-{COUNTY}"
        assert entry["reason"] == "街道多次超期，请省厅督办"
