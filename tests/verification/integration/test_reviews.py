"""VER-7 dynamic management over time: periodic re-reviews and re-checks of suspended benefits."""

from __future__ import annotations

from datetime import datetime

import pytest

from shared.clock import CHINA
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import approved_case
from tests.verification.support import INVESTIGATION
from verification.reactions.reviews import open_due_reviews


@pytest.mark.req("VER-7")
async def test_a_due_periodic_review_reopens_the_case_and_schedules_the_next(
    verifying: Verifying,
) -> None:
    # given an urban dibao household approved on 2026-12-01 (review due 2027-12-01)
    case_id = await approved_case(verifying)
    await verifying.runtime.projections.catch_up_all()
    service = verifying.runtime.app.state.verification
    # when the review date has not passed, nothing happens; when it has, a re-check opens
    verifying.clock.set(datetime(2027, 12, 1, 10, 0, tzinfo=CHINA))
    assert await open_due_reviews(service, verifying.runtime.engine) == 0
    verifying.clock.set(datetime(2027, 12, 2, 10, 0, tzinfo=CHINA))
    assert await open_due_reviews(service, verifying.runtime.engine) == 1
    path = f"/v1/cases/{case_id}/programmes/urban_dibao"
    assert (await verifying.county.get(path)).json()["stage"] == "recheck"
    # then the township's re-investigation restores the benefit and schedules the next review
    await verifying.township.step(
        case_id, "investigation", {**INVESTIGATION, "visited_on": "2027-12-03"}
    )
    assert (await verifying.county.get(path)).json()["stage"] == "approved"
    scheduled = (await verifying.events("verification.ReviewScheduled"))[0]
    assert scheduled["next_review_due"] == "2028-12-03"
    await verifying.runtime.projections.catch_up_all()
    assert await open_due_reviews(service, verifying.runtime.engine) == 0


@pytest.mark.req("VER-7")
async def test_a_recheck_of_a_suspended_benefit_leaves_it_suspended(verifying: Verifying) -> None:
    case_id = await approved_case(verifying)
    await verifying.county.step(
        case_id, "suspension", {"effective_from": "2027-01-01", "reason": "待核实"}
    )
    await verifying.county.step(case_id, "recheck", {"reason": "核实外出务工"})
    done = await verifying.township.step(case_id, "investigation", INVESTIGATION)
    assert done.json()["stage"] == "suspended", done.text
    await verifying.runtime.projections.catch_up_all()
    queue = await verifying.county.get("/v1/work-queue?stage=suspended")
    assert [i["case_id"] for i in queue.json()["items"]] == [case_id]
