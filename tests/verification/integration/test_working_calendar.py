"""VER-9 clocks run on the working calendar loaded into verification through its API."""

from __future__ import annotations

from datetime import datetime

import pytest

from shared.clock import CHINA
from tests.verification.conftest import Verifying
from tests.verification.support import application, resident, submitted
from verification.reactions.deadlines import check_deadlines

OPENED = datetime(2027, 2, 4, 10, 0, tzinfo=CHINA)  # Thursday before the test's Spring Festival
YEAR_2027 = {  # test data for the API, not the real 2027 schedule
    "holidays": [f"2027-02-{d:02d}" for d in range(6, 14)],
    "makeup_workdays": ["2027-02-20"],
    "document_ref": "国办发明电〔2026〕x号",
    "reason": "载入2027年春节放假安排",
}


@pytest.mark.req("VER-9")
async def test_the_investigation_clock_skips_the_loaded_spring_festival(
    verifying: Verifying,
) -> None:
    # given the 2027 Spring Festival loaded by ops through verification's own calendar API
    verifying.clock.set(OPENED)
    ops = verifying.as_("ops", "62")
    loaded = await verifying.client.put("/v1/calendar/years/2027", json=YEAR_2027,
                                        headers=ops.headers())  # fmt: skip
    assert loaded.status_code == 200, loaded.text
    # when a case opens on Thursday 4 Feb 2027
    handler = verifying.runtime.handlers["verification.intake"]
    async with verifying.runtime.engine.begin() as conn:
        await handler(submitted(application("case-c", [resident("123")]), OPENED), conn)
    await verifying.runtime.projections.catch_up_all()
    # then 3 working days are Fri 5, Mon 15 and Tue 16 Feb (the holiday week does not count)
    detail = await verifying.township.get("/v1/cases/case-c/programmes/urban_dibao")
    assert detail.json()["clocks"]["investigation_start"] == "2027-02-16", detail.text
    # and on Tuesday 16 evening nothing is overdue yet; on Wednesday 17 it is
    verifying.clock.set(datetime(2027, 2, 16, 18, 0, tzinfo=CHINA))
    verification = verifying.runtime.app.state.verification
    assert await check_deadlines(verification, verifying.runtime.engine) == 0
    verifying.clock.set(datetime(2027, 2, 17, 9, 0, tzinfo=CHINA))
    assert await check_deadlines(verification, verifying.runtime.engine) == 1
    overdue = await verifying.events("verification.CaseOverdue")
    assert [(o["clock"], o["due_on"]) for o in overdue] == [("investigation_start", "2027-02-16")]
