"""VER-6 and VER-9 on the running stack, configured by the operator's environment: a 7-day notice
period during which an objection sends the case back to investigation, and a 0-working-day
investigation deadline whose overdue event the API and supervision show (real processes)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from clients.verification.api.cases import list_work_queue
from clients.verification.api.county import decide_case, form_batch
from clients.verification.api.notices import get_village_notice, publish_notice, record_objection
from clients.verification.api.township import extend_deadline, record_investigation
from clients.verification.models.stage import Stage
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import Clerk
from tests.e2e.services import RunningServices
from tests.e2e.test_verification_decisions import (
    COUNTY,
    TOWNSHIP,
    VILLAGE,
    Watch,
    batched_and_spot_checked,
    investigated_and_proposed,
    open_case,
    verified,
)
from tests.e2e.test_verification_happy_path import Officer, ok
from tests.support import eventually


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services: a 7-day notice period, no allowance to start the investigation, and a
    deadline watcher that looks every 0.2 s."""
    with own_stack(
        "e2e-verification-notice-deadlines",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "7",
            "VERIFICATION_INVESTIGATION_START_WORKING_DAYS": "0",
            "VERIFICATION_WATCHER_INTERVAL_S": "0.2",
            "VERIFICATION_PARTNER_TIMEOUT_S": "5",  # a shared, loaded test machine
        },
    ) as running:
        yield running


async def overdue_case(services: RunningServices, client: httpx.AsyncClient, sequence: int) -> str:
    """A case opened with no time to start its investigation, once the watcher flagged it.

    Steps wait for the flag: the watcher's event moves the case's version (and ETag) on.
    """
    township = Officer(services, client, "township_officer", TOWNSHIP)
    case_id = await open_case(services, client, sequence)

    async def flagged() -> bool:
        return bool((await township.case(case_id)).json()["overdue"] == ["investigation_start"])

    await eventually(flagged, timeout=30, message="the watcher never flagged the case overdue")
    return case_id


@pytest.mark.req("VER-9", "SUP-1")
async def test_a_case_past_its_investigation_deadline_is_overdue_once_in_the_api_and_the_trail(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Officer(services, client, "township_officer", TOWNSHIP)
        # given a stack whose operator allows 0 working days to start the investigation,
        # when a case opens, the deadline watcher flags it overdue by itself
        case_id = await overdue_case(services, client, 601)
        detail = (await township.case(case_id)).json()
        # then the case shows the clock that ran out, and the others still running
        clocks = {k: date.fromisoformat(v) for k, v in detail["clocks"].items()}
        china_today = date.fromisoformat(services.day())
        assert clocks["investigation_start"] < china_today <= clocks["whole_process"]
        assert clocks["whole_process"] >= china_today + timedelta(days=30)  # 30 working days

        # and the township's work queue (a projection, so eventually) lists it as overdue
        async def queued_as_overdue() -> bool:
            queue = await township.call(
                list_work_queue, stage=Stage.ECONOMIC_VERIFICATION, limit=200
            )
            mine = [i for i in queue.json()["items"] if i["case_id"] == case_id]
            return bool(mine and mine[0]["overdue"] == ["investigation_start"])

        await eventually(queued_as_overdue, message="the work queue never showed it overdue")
        # and supervision's audit trail shows the overdue event, raised by the service itself
        watch = Watch(services, client, case_id)
        overdue = await watch.in_trail("verification.CaseOverdue")
        assert overdue["actor"]["role"] == "system", overdue
        assert overdue["channel"] == "deadline-watcher" and overdue["reason"], overdue
        # when the township extends the whole process with a reason, its clock moves to 45 days
        extended = await township.step(case_id, extend_deadline, {"reason": "需补充外省核对"})
        assert extended.status_code == 200, extended.text
        assert date.fromisoformat(extended.json()["clocks"]["whole_process"]) > clocks[
            "whole_process"
        ] + timedelta(days=14)
        await watch.in_trail("verification.DeadlineExtended")
        # and however often the watcher looks again, the clock is flagged once only
        await verified(township, case_id)
        await ok(
            await township.step(
                case_id,
                record_investigation,
                {"staff": ["王明", "李华"], "visited_on": services.day(), "findings": "情况属实"},
            ),
            "township_review",
        )
        trail = await watch.trail()
        assert [e["type"] for e in trail].count("verification.CaseOverdue") == 1
        assert (await township.case(case_id)).json()["overdue"] == ["investigation_start"]


@pytest.mark.req("VER-6", "VER-5", "VER-2", "SUP-1")
async def test_an_objection_during_the_notice_period_sends_the_case_back_to_investigation(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Officer(services, client, "township_officer", TOWNSHIP)
        county = Officer(services, client, "county_officer", COUNTY)
        village = Clerk(services, client, "verification", "village_committee", VILLAGE)
        # given a household proposed, batched, spot-checked and posted in its village for 7 days
        case_id = await overdue_case(services, client, 602)
        await verified(township, case_id)
        await investigated_and_proposed(township, case_id)
        batch = await batched_and_spot_checked(county, [case_id])
        posted = await township.step(case_id, publish_notice, {"village_code": VILLAGE})
        await ok(posted, "notice")
        ends = date.fromisoformat(posted.json()["notice_period_ends_on"])
        assert ends == date.fromisoformat(services.day()) + timedelta(days=7)
        # then the village board lists it as proposed, open to objections until the period ends
        entries: list[dict[str, Any]] = []

        async def on_the_board() -> bool:
            answer = await village.call(get_village_notice, village_code=VILLAGE)
            entries[:] = [e for e in answer.json().get("entries", []) if e["status"] == "proposed"]
            return bool(entries)

        await eventually(on_the_board, message="the notice never reached the village board")
        assert entries[0]["objections_until"] == ends.isoformat()
        # and the county may not approve while the notice period runs
        early = await county.step(case_id, decide_case, {"decision": "approve", "reason": "审批"})
        assert early.status_code == 422 and early.json()["code"] == "notice-period-running"
        # when someone objects anonymously and the township records it (with If-Match)
        objection = {"anonymous": True, "content": "该户家中有经营性车辆，未如实申报"}
        objected = await township.step(case_id, record_objection, objection)
        # then the case goes back to investigation, out of the batch and off the board
        await ok(objected, "investigation")
        assert objected.json()["batch_id"] is None and not objected.json()["investigated"]
        assert objected.json()["notice_period_ends_on"] is None

        async def off_the_board() -> bool:
            answer = await village.call(get_village_notice, village_code=VILLAGE)
            return not any(e["status"] == "proposed" for e in answer.json().get("entries", []))

        await eventually(off_the_board, message="the objected case stayed on the board")
        # and a decision is refused until it has been investigated and proposed again
        refused = await county.step(case_id, decide_case, {"decision": "approve", "reason": "x"})
        assert refused.json()["code"] == "stage-out-of-order", refused.text
        assert (await county.case(case_id)).json()["stage"] == "investigation"
        # and supervision's audit trail shows the objection and why the case was reopened
        entry = await Watch(services, client, case_id).in_trail("verification.ObjectionRaised")
        assert entry["actor"]["role"] == "township_officer" and "重新调查" in entry["reason"]
        # when the township re-investigates, the case can be proposed again for a new batch
        await investigated_and_proposed(township, case_id)
        again = await county.call(
            form_batch,
            body={
                "township_code": TOWNSHIP,
                "cases": [{"case_id": case_id, "programme": "urban_dibao"}],
            },
        )
        assert again.status_code == 201 and again.json()["batch_id"] != batch["batch_id"]
