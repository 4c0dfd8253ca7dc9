"""Supervision's order to stop a benefit is recorded on the case, so the county sees the stop and
resumes or ends it (SUP-2, VER-7, ADR 0023 amended)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import text

from shared.clock import today
from shared.eventstore.envelope import Actor, RecordedEvent
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import approved_case
from tests.verification.support import INVESTIGATION, recorded

INSPECTOR = Actor("inspector-li", "inspector", "城关区民政局督查科", "620102")


def stop_order(v: Verifying, case_id: str, action_id: str = "a-7") -> RecordedEvent:
    """supervision.CorrectiveActionOrdered to stop the benefit, ordered now by inspector Li."""
    order = recorded(
        "supervision.CorrectiveActionOrdered",
        {"action_id": action_id, "case_id": case_id, "action": "suspend_benefit",
         "programme": "urban_dibao", "amount_fen": None, "reason": "举报查实：隐瞒经营收入",
         "complaint_id": "c-7"},
        case_id,
        occurred_at=v.clock.now(),
    )  # fmt: skip
    return replace(order, metadata=replace(order.metadata, actor=INSPECTOR))


async def deliver(v: Verifying, event: RecordedEvent) -> None:
    async with v.runtime.engine.begin() as conn:
        await v.runtime.handlers["verification.supervision"](event, conn)


async def stage_of(v: Verifying, case_id: str) -> Any:
    return (await v.county.get(f"/v1/cases/{case_id}/programmes/urban_dibao")).json()["stage"]


@pytest.mark.req("SUP-2", "VER-7")
async def test_an_ordered_stop_suspends_the_case_and_the_county_can_resume_it(
    verifying: Verifying,
) -> None:
    # given an approved benefit
    case_id = await approved_case(verifying)
    # when supervision orders it stopped on an upheld complaint (delivered twice)
    order = stop_order(verifying, case_id)
    await deliver(verifying, order)
    await deliver(verifying, stop_order(verifying, case_id, "a-8"))
    # then the case is suspended, once, from the month ordered, naming the order and complaint
    assert await stage_of(verifying, case_id) == "suspended"
    [suspended] = await verifying.events("verification.BenefitSuspended")
    assert suspended["effective_from"] == today(verifying.clock).replace(day=1).isoformat()
    assert (suspended["corrective_action_id"], suspended["ordered_on_complaint_id"]) == (
        "a-7", "c-7"
    )  # fmt: skip
    # and recorded as the inspector who ordered it, caused by the order
    async with verifying.runtime.engine.connect() as conn:
        meta = (
            await conn.execute(
                text("SELECT metadata FROM events WHERE type = 'verification.BenefitSuspended'")
            )
        ).scalar_one()
    assert meta["actor"]["id"] == INSPECTOR.id and meta["causation_id"] == str(order.event_id)
    # and the county, having cleared it up, resumes the benefit
    resumed = await verifying.county.step(
        case_id,
        "resumption",
        {"effective_from": suspended["effective_from"], "reason": "复核后确认符合条件"},
    )
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["stage"] == "approved"


@pytest.mark.req("SUP-2", "VER-7")
async def test_a_stop_ordered_during_a_recheck_leaves_the_case_suspended_after_it(
    verifying: Verifying,
) -> None:
    # given an approved benefit under a re-check
    case_id = await approved_case(verifying)
    recheck = recorded(
        "supervision.CorrectiveActionOrdered",
        {"action_id": "a-1", "case_id": case_id, "action": "recheck", "programme": None,
         "amount_fen": None, "reason": "举报人情保", "complaint_id": "c-7"},
        case_id,
    )  # fmt: skip
    await deliver(verifying, recheck)
    # when supervision orders it stopped, the re-check goes on
    await deliver(verifying, stop_order(verifying, case_id))
    await verifying.runtime.projections.catch_up_all()
    assert await stage_of(verifying, case_id) == "recheck"
    # then after the township's re-investigation the case stands suspended, for the county
    rechecked = await verifying.township.step(case_id, "investigation", INVESTIGATION)
    assert rechecked.json()["stage"] == "suspended"
    await verifying.runtime.projections.catch_up_all()
    queue = (await verifying.county.get("/v1/work-queue?stage=suspended")).json()
    assert [i["case_id"] for i in queue["items"]] == [case_id]
