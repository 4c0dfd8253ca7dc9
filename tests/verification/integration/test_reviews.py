"""VER-7 dynamic management over time: periodic re-reviews and re-checks of suspended benefits."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from shared.clock import CHINA, current_period, today
from tests.support import first_day, months_from
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import a_year_after, approved_case
from tests.verification.support import INVESTIGATION
from verification.reactions.reviews import open_due_reviews


def _morning(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=CHINA)


@pytest.mark.req("VER-7")
async def test_a_due_periodic_review_reopens_the_case_and_schedules_the_next(
    verifying: Verifying,
) -> None:
    # given an urban dibao household approved today (review due a year later)
    case_id = await approved_case(verifying)
    due = a_year_after(today(verifying.clock))
    await verifying.runtime.projections.catch_up_all()
    service = verifying.runtime.app.state.verification
    # when the review date has not passed, nothing happens; when it has, a re-check opens
    verifying.clock.set(_morning(due))
    assert await open_due_reviews(service, verifying.runtime.engine) == 0
    verifying.clock.set(_morning(due + timedelta(days=1)))
    assert await open_due_reviews(service, verifying.runtime.engine) == 1
    path = f"/v1/cases/{case_id}/programmes/urban_dibao"
    assert (await verifying.county.get(path)).json()["stage"] == "recheck"
    # then the township's re-investigation restores the benefit and schedules the next review
    revisited = due + timedelta(days=1)  # the day the re-check opened: a visit is not dated ahead
    await verifying.township.step(
        case_id, "investigation", {**INVESTIGATION, "visited_on": revisited.isoformat()}
    )
    assert (await verifying.county.get(path)).json()["stage"] == "approved"
    scheduled = (await verifying.events("verification.ReviewScheduled"))[0]
    assert scheduled["next_review_due"] == a_year_after(revisited).isoformat()
    await verifying.runtime.projections.catch_up_all()
    assert await open_due_reviews(service, verifying.runtime.engine) == 0


@pytest.mark.req("VER-7")
async def test_a_recheck_of_a_suspended_benefit_leaves_it_suspended(verifying: Verifying) -> None:
    case_id = await approved_case(verifying)
    next_month = first_day(months_from(current_period(verifying.clock), 1))
    await verifying.county.step(
        case_id, "suspension", {"effective_from": next_month, "reason": "待核实"}
    )
    await verifying.county.step(case_id, "recheck", {"reason": "核实外出务工"})
    done = await verifying.township.step(case_id, "investigation", INVESTIGATION)
    assert done.json()["stage"] == "suspended", done.text
    await verifying.runtime.projections.catch_up_all()
    queue = await verifying.county.get("/v1/work-queue?stage=suspended")
    assert [i["case_id"] for i in queue.json()["items"]] == [case_id]
