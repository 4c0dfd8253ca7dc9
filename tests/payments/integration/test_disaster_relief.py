"""Disaster relief: paid at once in the notice's priority order, within the allocation; sheltered
households tracked until their housing is solved (PAY-6)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from payments.entrypoints.loops import _once
from services.simulators import bank as bank_simulator
from tests.payments.support import COUNTY, TODAY, TOWNSHIP, Payments
from tests.support import days_from

OCCURRED = TODAY - timedelta(days=137)  # 15 July at the pinned clock

# granted in the reverse of the notice's order, to see the bank receive them in order
HOUSEHOLDS = [
    ("h-other", "other", 100_000, False),
    ("h-disabled", "disabled_family", 150_000, False),
    ("h-extreme", "scattered_extreme_poverty", 150_000, False),
    ("h-dibao", "dibao_household", 200_000, True),
    ("h-collapsed", "collapsed_house_rebuild", 400_000, True),
]


@pytest.mark.req("PAY-6")
async def test_relief_is_paid_in_priority_order_and_shelters_are_tracked(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given a flood with 10,000 yuan of relief allocated
        declared = await client.post(
            "/v1/disasters",
            json={"disaster_id": "flood-2026-07", "county_code": COUNTY, "name": "7·15 洪涝",
                  "occurred_on": OCCURRED.isoformat(), "allocation_fen": 1_000_000,
                  "reason": "省应急厅下拨救灾资金"},
            headers=payments.headers(),
        )  # fmt: skip
        assert declared.status_code == 201, declared.text
        etag = declared.headers["ETag"]
        # when five households are granted relief, the lowest priority first
        for household, category, amount, shelter in HOUSEHOLDS:
            granted = await client.post(
                "/v1/disasters/flood-2026-07/relief",
                json={"household_id": household, "category": category, "amount_fen": amount,
                      "in_temporary_shelter": shelter, "payee_name": "受灾户",
                      "bank_account": "6228480012345678901", "division_code": TOWNSHIP,
                      "reason": "核定救灾资金"},
                headers={**payments.headers(), "If-Match": etag},
            )  # fmt: skip
            assert granted.status_code == 200, granted.text
            etag = granted.headers["ETag"]
        # and one more grant would exceed the allocation
        over = await client.post(
            "/v1/disasters/flood-2026-07/relief",
            json={"household_id": "h-late", "category": "other", "amount_fen": 1,
                  "payee_name": "受灾户", "bank_account": "6228480012345678901",
                  "division_code": TOWNSHIP, "reason": "核定救灾资金"},
            headers={**payments.headers(), "If-Match": etag},
        )  # fmt: skip
        assert over.status_code == 409 and over.json()["code"] == "insufficient-funds"
        # and the service's loop pays what waits
        await _once(payments.runtime.app.state.executor)
        # then the bank received them in the notice's order, each once
        order = [c["reference"].split(":")[2] for c in bank_simulator.bank.credits]
        assert order == ["h-collapsed", "h-dibao", "h-extreme", "h-disabled", "h-other"]
        # when one sheltered household's housing is solved
        solved = await client.post(
            "/v1/disasters/flood-2026-07/households/h-dibao/housing-solved",
            json={"solved_on": days_from(TODAY, -9), "how": "原址重建"},
            headers={**payments.headers(), "If-Match": etag},
        )
        assert solved.status_code == 200, solved.text
        state = (await client.get("/v1/disasters/flood-2026-07", headers=payments.headers())).json()
    # then the other stays tracked against the year-end target
    assert state["granted_fen"] == 1_000_000
    assert state["in_temporary_shelter"] == ["h-collapsed"]
    assert state["housing_solved"] == ["h-dibao"]
    assert state["housing_target"] == f"{OCCURRED.year + 1}-12-31"  # the year after (the notice)
    assert [h["priority"] for h in state["households"]] == [1, 2, 3, 4, 5]
