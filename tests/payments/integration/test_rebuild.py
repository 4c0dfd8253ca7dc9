"""Every payments read model rebuilt from zero equals the live one (GEN-1)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.payments.integration.test_runs import DECISIONS, set_standard, start_and_execute
from tests.payments.support import PERIOD, Payments, approved


async def snapshot(payments: Payments) -> dict[str, list[Any]]:
    tables = {}
    async with payments.runtime.engine.connect() as conn:
        for projection in payments.runtime.projections.projections.values():
            for table in projection.tables:
                rows = await conn.execute(text(f"SELECT * FROM {table}"))
                tables[table] = sorted(tuple(map(str, r)) for r in rows)
    return tables


@pytest.mark.req("GEN-1")
async def test_rebuilt_read_models_equal_the_live_ones(payments: Payments) -> None:
    # given standards, enrolments, funds and a run with a failure
    async with payments.client() as client:
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved("case-1"))
        await payments.consume(DECISIONS, approved("case-2", account="4004480012345678901"))
        await start_and_execute(payments, client, PERIOD)
    live = await snapshot(payments)
    assert live["payments_view"] and live["runs_view"] and live["funds_view"]
    # when every projection is rebuilt from zero
    for name in payments.runtime.projections.projections:
        await payments.runtime.projections.rebuild(name)
    # then the tables are the same
    assert await snapshot(payments) == live
