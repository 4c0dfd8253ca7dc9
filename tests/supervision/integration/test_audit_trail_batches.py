"""The audit consumer copies a batch in one set-based call, as one by one would (SUP-1)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from shared.eventstore.envelope import Actor, EventMetadata, NewEvent, RecordedEvent
from shared.messaging.delivery import SetBasedHandler
from tests.supervision.integration.conftest import Supervision


async def _append(
    sup: Supervision, stream_id: str, type_: str, data: dict[str, Any]
) -> RecordedEvent:
    metadata = EventMetadata(
        Actor("clerk-9", "township_clerk", "城关镇", "620102001"),
        "api:test",
        "测试",
        case_id=stream_id,
    )
    [event] = await sup.source.append(stream_id, [NewEvent(type_, data, metadata)], None)
    return event


@pytest.mark.req("SUP-1")
async def test_a_batch_is_copied_into_the_trail_as_one_by_one_would(
    supervision: Supervision,
) -> None:
    # given events of two cases from two services: case K names division 620102 first and
    # 620103 later, case L names none, and the batch holds a repeat of K's first event
    k1 = await _append(supervision, "K", "intake.ApplicationSubmitted", {"division_code": "620102"})
    l1 = await _append(supervision, "L", "verification.CaseOpened", {"note": "无地区"})
    k2 = await _append(supervision, "K", "verification.CaseOpened", {"division_code": "620103"})
    handler = supervision.runtime.handlers["supervision.audit"]
    assert isinstance(handler, SetBasedHandler)

    # when the audit consumer's handler copies the batch in one call
    async with supervision.runtime.engine.begin() as conn:
        await handler.many([k1, l1, k2, k1], conn)

    # then every event has one entry with its hashes, and K is indexed under its first division
    async with supervision.runtime.engine.connect() as conn:
        entries = (
            await conn.execute(
                text("SELECT event_id, service, case_id, hash FROM audit_trail ORDER BY position")
            )
        ).all()
        index = (await conn.execute(text("SELECT case_id, division_code FROM case_index"))).all()
    assert [tuple(e) for e in entries] == [
        (k1.event_id, "intake", "K", k1.hash),
        (l1.event_id, "verification", "L", l1.hash),
        (k2.event_id, "verification", "K", k2.hash),
    ]
    assert [tuple(i) for i in index] == [("K", "620102")]
