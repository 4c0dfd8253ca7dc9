"""The partner client's circuit breaker on the simulator; the cases view rebuilds exactly."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.verification.conftest import Verifying, make_partner
from tests.verification.integration.test_county import approved_case
from tests.verification.support import resident
from verification.adapters.partner_data import Answer, Failure


@pytest.mark.req("VER-1")
async def test_a_source_that_keeps_failing_opens_its_circuit_and_others_still_answer() -> None:
    # given the tax bureau failing for this resident (503 every time)
    client = make_partner()
    failing = resident("901")
    # when it is asked repeatedly (2 attempts each, the breaker opens at 5 failures)
    outcomes = [await client.query("tax", failing, "授权-1") for _ in range(3)]
    # then the third query fails fast on the open circuit, without calling the source
    assert all(isinstance(o, Failure) for o in outcomes)
    third = outcomes[2]
    assert isinstance(third, Failure) and third.error == "circuit open"
    # and other sources keep answering
    assert isinstance(await client.query("vehicles", failing, "授权-1"), Answer)


@pytest.mark.req("VER-1")
async def test_the_simulator_refuses_a_query_without_authorisation() -> None:
    client = make_partner()
    outcome = await client.query("tax", resident("123"), "")
    assert isinstance(outcome, Failure) and "403" in outcome.error


async def _rows(v: Verifying, table: str = "cases_view") -> list[dict[str, Any]]:
    async with v.runtime.engine.connect() as conn:
        rows = await conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
        return [{k: val for k, val in r._mapping.items() if k != "updated_at"} for r in rows]


async def test_the_read_models_rebuild_from_zero_to_the_live_state(verifying: Verifying) -> None:
    await approved_case(verifying)
    await verifying.runtime.projections.catch_up_all()
    live = await _rows(verifying)
    await verifying.runtime.projections.rebuild("verification.cases_view")
    assert await _rows(verifying) == live
    assert live[0]["stage"] == "approved" and live[0]["approved_amount_fen"] == 60_000
    batches = await _rows(verifying, "batches_view")
    await verifying.runtime.projections.rebuild("verification.batches_view")
    assert await _rows(verifying, "batches_view") == batches and len(batches) == 1
