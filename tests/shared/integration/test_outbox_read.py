"""The relay's direct read of the log decodes to exactly the stored events (GEN-2, GEN-5)."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.eventstore import Actor, EventMetadata, EventStore, NewEvent
from shared.eventstore.store import recorded_to_raw, verify_chain
from shared.messaging.cloudevents import decode, encode
from shared.messaging.outbox import read_outbox


@pytest.mark.req("GEN-2", "GEN-5")
async def test_outbox_records_decode_to_the_stored_events_and_their_chain_verifies(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    # given events with Chinese text, nested data, numbers and absent optional metadata
    actor = Actor("officer-7", "township_officer", "城关区民政局", "620102001")
    with_reason = EventMetadata(actor, "api:client-1", "受理登记申请", "corr-1", None, "case-1")
    without = EventMetadata(actor, "counter")
    await event_store.append(
        "application-1",
        [
            NewEvent(
                "intake.X",
                {"名": "张桂兰", "fen": 45_000, "ratio": 0.1, "m": [{"b": 1, "a": None}]},
                with_reason,
            ),
            NewEvent("intake.Y", {"quote": 'say "hi" \\ tab\t'}, without),
        ],
        expected_version=0,
    )
    stored = await event_store.read_all(0)

    # when the relay reads them for publication and a consumer decodes the records
    outbox = await read_outbox(engine, 0, 10, "intake", broker_epoch=3)
    decoded = [decode(e.record.headers, e.record.value) for e in outbox]

    # then every field comes back exactly, keyed by case, and the chain verifies
    assert [d.event for d in decoded] == stored
    assert {d.broker_epoch for d in decoded} == {3}
    assert [e.record.key for e in outbox] == [b"case-1", b"application-1"]
    assert verify_chain("application-1", [recorded_to_raw(d.event) for d in decoded]).ok
    # and the headers are those of the general encoder, in the same order, byte for byte but for
    # the actor's JSON (jsonb's rendering, not the canonical one; it decodes equal, above)
    expected = [encode(event, "intake", 3) for event in stored]
    assert [_plain(e.record.headers) for e in outbox] == [_plain(r.headers) for r in expected]
    assert [e.record.key for e in outbox] == [r.key for r in expected]


def _plain(headers: list[tuple[str, bytes]]) -> list[tuple[str, bytes | None]]:
    return [(name, None if name == "ce_actor" else value) for name, value in headers]
