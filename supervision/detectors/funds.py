"""Money on time (SUP-11, 抓紧到位): central and provincial allocations that have not arrived.

The detectors' consumer remembers each `payments.FundsAllocated` (with the instant it was
recorded) and adds up `payments.FundsArrived` per county, programme and source. Arrivals name no
allocation, so they pay the oldest allocations of their source first. A scheduled check on the
service clock raises one `funds_not_arrived` alert per allocation still not covered once the
policy's days (default 30) have passed since it was recorded.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.clock import CHINA, Clock
from shared.contracts.payments import FundsAllocated, FundsArrived
from shared.db import Migration
from shared.eventstore.envelope import Actor, EventMetadata
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from supervision.detectors.tables import DetectorContext
from supervision.domain.alerts import AlertRaised, Detector
from supervision.domain.policy_book import FUNDS_ARRIVAL_DAYS

WATCHED_SOURCES = ("central", "provincial")  # 中央和省级财政已拨付的救助补助资金
SOURCE_ZH = {"central": "中央", "provincial": "省级"}

FUNDS_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "supervision-funds-0001-det-funds",
        (
            """CREATE TABLE det_fund_allocations (event_id text PRIMARY KEY,
                county_code text NOT NULL, programme text NOT NULL, source text NOT NULL,
                amount_fen bigint NOT NULL, document_ref text NOT NULL,
                allocated_at timestamptz NOT NULL, position bigint NOT NULL)""",
            """CREATE INDEX det_fund_allocations_key_idx
                ON det_fund_allocations (county_code, programme, source, allocated_at)""",
            """CREATE TABLE det_fund_arrivals (event_id text PRIMARY KEY,
                county_code text NOT NULL, programme text NOT NULL, source text NOT NULL,
                amount_fen bigint NOT NULL)""",
            """CREATE INDEX det_fund_arrivals_key_idx
                ON det_fund_arrivals (county_code, programme, source)""",
        ),
    ),
)


async def on_allocated(ctx: DetectorContext, event: FundsAllocated) -> None:
    """Remember a central or provincial allocation and when it was made."""
    if event.source not in WATCHED_SOURCES:
        return
    await ctx.run(
        "INSERT INTO det_fund_allocations VALUES (:e, :c, :p, :s, :a, :d, :t, :pos)"
        " ON CONFLICT DO NOTHING",
        e=str(ctx.event.event_id),
        c=event.county_code,
        p=event.programme,
        s=event.source,
        a=event.amount_fen,
        d=event.document_ref,
        t=ctx.event.recorded_at,
        pos=ctx.event.position,
    )


async def on_arrived(ctx: DetectorContext, event: FundsArrived) -> None:
    """Add an arrival to its source's total (a redelivery is counted once)."""
    if event.source not in WATCHED_SOURCES:
        return
    await ctx.run(
        "INSERT INTO det_fund_arrivals VALUES (:e, :c, :p, :s, :a) ON CONFLICT DO NOTHING",
        e=str(ctx.event.event_id),
        c=event.county_code,
        p=event.programme,
        s=event.source,
        a=event.amount_fen,
    )


# Allocations whose running total (oldest first) exceeds what has arrived, older than :cutoff.
_OUTSTANDING = """
WITH running AS (
    SELECT a.*, sum(a.amount_fen) OVER (PARTITION BY a.county_code, a.programme, a.source
        ORDER BY a.allocated_at, a.position) AS through
    FROM det_fund_allocations a
), arrived AS (
    SELECT county_code, programme, source, sum(amount_fen) AS total
    FROM det_fund_arrivals GROUP BY 1, 2, 3
)
SELECT r.event_id, r.county_code, r.programme, r.source, r.amount_fen, r.document_ref,
    r.allocated_at, COALESCE(v.total, 0) AS arrived_fen,
    LEAST(r.amount_fen, r.through - COALESCE(v.total, 0)) AS missing_fen
FROM running r LEFT JOIN arrived v USING (county_code, programme, source)
WHERE r.through > COALESCE(v.total, 0) AND r.allocated_at <= :cutoff
ORDER BY r.allocated_at, r.position
"""


async def check_funds(
    engine: AsyncEngine, store: EventStore, registry: EventRegistry, clock: Clock, days: int
) -> int:
    """Raise an alert for each allocation not arrived `days` after it was made; the count."""
    cutoff = clock.now() - timedelta(days=days)
    raised = 0
    async with engine.begin() as conn:
        result = await conn.execute(text(_OUTSTANDING), {"cutoff": cutoff})
        rows = [dict(r._mapping) for r in result]
        for row in rows:
            raised += await _raise_once(conn, store, registry, row, days)
    return raised


def _summary(row: dict[str, Any], allocated_on: str, days: int) -> str:
    """The alert's sentence: amounts in whole fen (the sums are SQL numerics), the document
    number where the allocation gave one."""
    document = f"（文号 {row['document_ref']}）" if row["document_ref"].strip() else " "
    return (
        f"资金未按期到位：{row['county_code']} {row['programme']} {SOURCE_ZH[row['source']]}资金"
        f"{document}{allocated_on} 下达 {int(row['amount_fen'])} 分，"
        f"{days} 日内仍有 {int(row['missing_fen'])} 分未到位"
    )


async def _raise_once(
    conn: AsyncConnection,
    store: EventStore,
    registry: EventRegistry,
    row: dict[str, Any],
    days: int,
) -> int:
    alert_id, key = str(uuid.uuid4()), f"allocation:{row['event_id']}"
    claimed = await conn.execute(
        text(
            "INSERT INTO det_alerts (detector, key, alert_id) VALUES (:d, :k, :a)"
            " ON CONFLICT DO NOTHING RETURNING alert_id"
        ),
        {"d": Detector.FUNDS_NOT_ARRIVED.value, "k": key, "a": alert_id},
    )
    if claimed.first() is None:
        return 0
    allocated_on = _day(row["allocated_at"])
    summary = _summary(row, allocated_on, days)
    evidence = {
        "allocation_event_id": row["event_id"],
        "county_code": row["county_code"],
        "programme": row["programme"],
        "source": row["source"],
        "document_ref": row["document_ref"],
        "allocated_fen": row["amount_fen"],
        "allocated_on": allocated_on,
        "due_on": _day(row["allocated_at"] + timedelta(days=days)),
        "missing_fen": int(row["missing_fen"]),
        "arrived_from_source_fen": int(row["arrived_fen"]),
        "deadline_days": days,
    }
    alert = AlertRaised(
        alert_id, Detector.FUNDS_NOT_ARRIVED, key, row["county_code"], (), summary, evidence
    )
    metadata = EventMetadata(Actor.system("supervision"), "funds-check", summary)
    await store.append(f"alert-{alert_id}", [registry.serialize(alert, metadata)], 0, conn)
    return 1


def _day(instant: datetime) -> str:
    return instant.astimezone(CHINA).date().isoformat()


async def scheduled_check(
    engine: AsyncEngine, store: EventStore, registry: EventRegistry, clock: Clock, policies: Any
) -> int:
    """One run of the scheduled check with the days in force today."""
    value, _ = await policies.value(FUNDS_ARRIVAL_DAYS, clock.now().astimezone(CHINA).date())
    return await check_funds(engine, store, registry, clock, int(value))
