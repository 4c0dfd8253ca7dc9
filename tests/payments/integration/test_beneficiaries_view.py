"""beneficiaries_view applies a batch in rounds: the same rows as one event at a time (GEN-1)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from payments.domain.beneficiary import (
    BeneficiaryEnrolled,
    BeneficiarySuspended,
    BeneficiaryTerminated,
    EntitlementCalculated,
)
from shared.eventstore import Actor, EventMetadata, StreamAppend
from tests.payments.support import Payments

VIEW = "payments.beneficiaries_view"
CLERK = Actor("clerk-1", "county_officer", "城关区民政局", "620102")


def _enrolled(case: str) -> BeneficiaryEnrolled:
    return BeneficiaryEnrolled(
        case, "urban_dibao", "620102001", "620102", "urban", 2, 10_000, None, 0, 50_000,
        date(2026, 1, 1), f"户主{case}", "6228480012345678901",
    )  # fmt: skip


def _entitled(case: str, fen: int, month: int) -> EntitlementCalculated:
    return EntitlementCalculated(
        case, "urban_dibao", fen, date(2026, month, 1), "dibao_gap", 70_000, "en", "zh"
    )


def _histories() -> dict[str, list[object]]:
    """Three benefits whose events interleave in the log, status and amount changes mixed."""
    return {
        "c1": [_enrolled("c1"), _entitled("c1", 50_000, 1),
               BeneficiarySuspended("c1", "urban_dibao", date(2026, 3, 1), "外出务工"),
               _entitled("c1", 61_000, 4)],
        "c2": [_enrolled("c2"), _entitled("c2", 40_000, 1), _entitled("c2", 45_000, 2),
               BeneficiaryTerminated("c2", "urban_dibao", date(2026, 5, 1), "死亡")],
        "c3": [_enrolled("c3")],
    }  # fmt: skip


async def _rows(payments: Payments) -> list[tuple[Any, ...]]:
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT case_id, version, status, monthly_amount_fen, effective_from"
                " FROM beneficiaries_view ORDER BY case_id"
            )
        )
        return [tuple(r) for r in rows]


@pytest.mark.req("GEN-1")
async def test_a_batch_applied_in_rounds_equals_one_event_at_a_time(payments: Payments) -> None:
    # given the three histories appended interleaved: each benefit's n-th event in turn
    rt = payments.runtime
    histories, versions = _histories(), dict.fromkeys(_histories(), 0)
    for n in range(max(len(h) for h in histories.values())):
        appends = []
        for case, events in histories.items():
            if n < len(events):
                meta = EventMetadata(CLERK, "test", "变更", case_id=case)
                new = [rt.registry.serialize(events[n], meta)]
                appends.append(StreamAppend(f"beneficiary-{case}:urban_dibao", new, versions[case]))
                versions[case] += 1
        async with rt.engine.begin() as conn:
            await rt.store.append_many(appends, conn)

    # when the view is built one event at a time, and rebuilt from zero in one batch
    rt.projections.batch_size = 1
    await rt.projections.catch_up(VIEW)
    one_at_a_time = await _rows(payments)
    rt.projections.batch_size = 1000
    await rt.projections.rebuild(VIEW)

    # then both give the same rows, with each benefit's last status and amount
    assert await _rows(payments) == one_at_a_time
    assert [(r[0], r[1], r[2], r[3]) for r in one_at_a_time] == [
        ("c1", 4, "suspended", 61_000),
        ("c2", 4, "terminated", 45_000),
        ("c3", 1, "active", 50_000),
    ]
