"""The flow floor of `make bench-province` stores, publishes and copies into a trail every event
it is given, as the audit trail holds them, or its figure would be the floor of less work
(issue #19)."""

from __future__ import annotations

import asyncpg

from bench.flow_floor import measure_flow_floor
from bench.runtime import plain_dsn
from services.embedded import EmbeddedBroker
from shared.db import create_engine, migrate
from shared.eventstore.store import EventStore
from supervision.migrations import MIGRATIONS as SUPERVISION_MIGRATIONS
from tests.shared.contract_event_store import an_event

EVENTS = 30
ALREADY_PUBLISHED = 4  # the floor starts after these, as the province bench's population


async def test_every_event_after_the_mark_is_stored_published_and_copied_as_stored(
    database_url: str, broker: EmbeddedBroker
) -> None:
    # given a store (and the audit trail's table) with events, the first few published already
    engine = create_engine(database_url)
    try:
        await migrate(engine, SUPERVISION_MIGRATIONS)
        store = EventStore(engine)
        for n in range(EVENTS // 3):
            await store.append(f"case-{n}", [an_event(n=n, i=i) for i in range(3)], 0)
    finally:
        await engine.dispose()
    dsn = plain_dsn(database_url)
    # when the flow floor runs over what comes after them
    floor = await measure_flow_floor(dsn, ALREADY_PUBLISHED, dsn, broker.bootstrap_servers)
    # then every later event went through all three, and the trail's copy is the stored event
    assert floor.events == EVENTS - ALREADY_PUBLISHED
    assert floor.together_s >= max(floor.store_s, floor.publish_s, floor.copy_s) > 0
    conn = await asyncpg.connect(dsn)
    try:
        table = await conn.fetchval(
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'trail_floor_%'"
        )
        copied = await conn.fetch(
            f"SELECT event_id, case_id, stream_id, stream_version, position, type, data, hash"
            f" FROM {table} ORDER BY position"
        )
        stored = await conn.fetch(
            "SELECT event_id, metadata->>'case_id' AS case_id, stream_id, stream_version,"
            " position, type, data, hash FROM events WHERE position > $1 ORDER BY position",
            ALREADY_PUBLISHED,
        )
    finally:
        await conn.close()
    assert [dict(r) for r in copied] == [dict(r) for r in stored]
