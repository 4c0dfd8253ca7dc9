"""A run is readable the moment it is started: its `Location` followed at once is not a 404."""

from __future__ import annotations

import pytest

from tests.payments.integration.test_runs import set_standard
from tests.payments.support import COUNTY, PERIOD, Payments


@pytest.mark.req("PAY-3")
async def test_a_run_just_started_is_found_at_its_location_before_any_catch_up(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given a funded county
        await set_standard(payments, client)
        # when a run is started and its Location is read at once (no projection caught up)
        started = await client.post(
            "/v1/runs",
            json={"county_code": COUNTY, "period": PERIOD, "reason": "月度发放", "channel": "file"},
            headers=payments.headers(),
        )
        assert started.status_code == 201, started.text
        read = await client.get(started.headers["Location"], headers=payments.headers())
        # then the run is there, with the ETag its start answered
        assert read.status_code == 200, read.text
        assert read.json()["run_id"] == started.json()["run_id"]
        assert read.headers["ETag"] == started.headers["ETag"]
        # and a run that does not exist is still a 404
        missing = await client.get(f"/v1/runs/{COUNTY}-1999-01", headers=payments.headers())
        assert missing.status_code == 404, missing.text
