"""Complaint deadlines run on the working calendar loaded into supervision through its API."""

from __future__ import annotations

from datetime import datetime

from shared.clock import CHINA
from tests.supervision.integration.conftest import Supervision
from tests.supervision.integration.test_complaints_api import complaint_body, known_case

YEAR_2027 = {  # test data for the API, not the real 2027 schedule
    "holidays": [f"2027-02-{d:02d}" for d in range(6, 14)],
    "makeup_workdays": ["2027-02-20"],
    "document_ref": "国办发明电〔2026〕x号",
    "reason": "载入2027年春节放假安排",
}


async def test_a_complaint_received_before_spring_festival_is_due_after_it(
    supervision: Supervision,
) -> None:
    supervision.clock.set(datetime(2027, 2, 5, 15, 0, tzinfo=CHINA))
    async with supervision.client() as client:
        # given the 2027 Spring Festival loaded by the province into supervision
        province = supervision.headers("province_officer", "62")
        loaded = await client.put("/v1/calendar/years/2027", json=YEAR_2027, headers=province)
        assert loaded.status_code == 200, loaded.text
        # when a complaint about a case supervision has seen is registered on Friday 5 Feb 2027
        await known_case(supervision)
        answer = await client.post("/v1/complaints", json=complaint_body(),
                                   headers=supervision.headers("inspector", "620102"))  # fmt: skip
    # then its 15 working days skip the holiday week and count the make-up Saturday 20 Feb
    assert answer.status_code == 201, answer.text
    assert answer.json()["due_on"] == "2027-03-04"
    received = await supervision.runtime.store.read_all()
    data = [e.data for e in received if e.type == "supervision.ComplaintReceived"]
    assert data[0]["calendar_version"] == "2027:v1"
