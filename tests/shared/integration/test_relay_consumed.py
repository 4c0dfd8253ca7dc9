"""What a broker loss republishes depends on who was followed (ADR 0044)."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.messaging import relay_state as state
from shared.messaging.readers import Reader, readers_key
from tests.shared.integration.messaging_support import new_service

READERS = [Reader("verification.intake", "t.internal"), Reader("supervision.audit", "t.internal")]


async def _consumed_at(engine: AsyncEngine, topic: str, position: int, readers: str) -> None:
    await state.load_checkpoint(engine, topic)
    sent = state.Sent(state.Checkpoint(position, 0), {})
    assert await state.record_consumed(engine, topic, sent, readers)


@pytest.mark.req("GEN-3")
async def test_a_loss_republishes_after_what_the_same_readers_consumed(engine: AsyncEngine) -> None:
    topic = f"{new_service()}.events"
    await _consumed_at(engine, topic, 700, readers_key(READERS))
    checkpoint = await state.reset_for_new_broker(engine, topic, readers=readers_key(READERS))
    assert checkpoint == state.Checkpoint(700, 1)


@pytest.mark.req("GEN-3")
@pytest.mark.parametrize("now", ["one more", "none"])
async def test_a_loss_republishes_everything_when_the_readers_changed(
    engine: AsyncEngine, now: str
) -> None:
    # given a position every reader of the time had consumed
    topic = f"{new_service()}.events"
    await _consumed_at(engine, topic, 700, readers_key(READERS))
    # when the relay now follows another set of readers (or none), the position says nothing
    more = [*READERS, Reader("payments.intake", "t.internal")]
    readers = readers_key(more) if now == "one more" else ""
    checkpoint = await state.reset_for_new_broker(engine, topic, readers=readers or None)
    assert checkpoint == state.Checkpoint(0, 1)


@pytest.mark.req("GEN-3")
async def test_the_consumed_position_never_goes_back_for_the_same_readers(
    engine: AsyncEngine,
) -> None:
    topic = f"{new_service()}.events"
    await _consumed_at(engine, topic, 700, readers_key(READERS))
    earlier = state.Sent(state.Checkpoint(500, 0), {})
    assert not await state.record_consumed(engine, topic, earlier, readers_key(READERS))
    other_epoch = state.Sent(state.Checkpoint(900, 1), {})
    assert not await state.record_consumed(engine, topic, other_epoch, readers_key(READERS))
    checkpoint = await state.reset_for_new_broker(engine, topic, readers=readers_key(READERS))
    assert checkpoint.position == 700
