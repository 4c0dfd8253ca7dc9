"""The relay's durable state: its checkpoint and broker epoch per topic, and its partition marks."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


@dataclass(frozen=True)
class Checkpoint:
    """The last store position the broker acknowledged, in the broker epoch it was sent in."""

    position: int
    epoch: int


@dataclass(frozen=True)
class Mark:
    """The highest acknowledged offset of a partition and the event it holds."""

    partition: int
    offset: int
    event_id: uuid.UUID


class Advance(Enum):
    """What became of an attempt to move the checkpoint after a batch was acknowledged."""

    ADVANCED = "advanced"
    STALE = "stale"  # the checkpoint moved under us (a reset): the batch counts for nothing
    WENT_BACK = "went-back"  # a partition's offsets restarted below our mark: the broker lost data


async def load_checkpoint(engine: AsyncEngine, topic: str) -> Checkpoint:
    """The topic's checkpoint, created at position 0, epoch 0 the first time."""
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO relay_checkpoints (topic, position, broker_epoch)"
                " VALUES (:t, 0, 0) ON CONFLICT (topic) DO NOTHING"
            ),
            {"t": topic},
        )
        return await _checkpoint(conn, topic, lock=False)


async def load_marks(engine: AsyncEngine, topic: str) -> list[Mark]:
    """Every partition mark of the topic."""
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                'SELECT partition, "offset", event_id FROM relay_marks'
                " WHERE topic = :t ORDER BY partition"
            ),
            {"t": topic},
        )
        return [Mark(r.partition, r.offset, r.event_id) for r in rows]


async def advance(
    engine: AsyncEngine,
    topic: str,
    expected: Checkpoint,
    position: int,
    acked: Mapping[str, Mapping[int, Mark]],
    base_offsets: Mapping[str, Mapping[int, int]],
) -> Advance:
    """In one transaction: move the checkpoint to `position` and record the partition marks.

    `topic` names the checkpoint; `acked` and `base_offsets` are per topic the batch went to
    (the internal and the public topic, ADR 0020), so the checkpoint moves only once every one
    of them has acknowledged the batch."""
    async with engine.begin() as conn:
        if await _checkpoint(conn, topic, lock=True) != expected:
            return Advance.STALE
        for sent_to, bases in base_offsets.items():
            if await _went_back(conn, sent_to, bases):
                return Advance.WENT_BACK
        await conn.execute(
            text("UPDATE relay_checkpoints SET position = :p, updated_at = now() WHERE topic = :t"),
            {"t": topic, "p": position},
        )
        rows = [
            {"t": sent_to, "p": m.partition, "o": m.offset, "e": m.event_id}
            for sent_to, marks in acked.items()
            for m in marks.values()
        ]
        if rows:
            await conn.execute(
                text(
                    'INSERT INTO relay_marks (topic, partition, "offset", event_id)'
                    " VALUES (:t, :p, :o, :e) ON CONFLICT (topic, partition)"
                    ' DO UPDATE SET "offset" = EXCLUDED."offset", event_id = EXCLUDED.event_id'
                ),
                rows,
            )
    return Advance.ADVANCED


async def reset_for_new_broker(
    engine: AsyncEngine, topic: str, also: Sequence[str] = ()
) -> Checkpoint:
    """In one transaction: back to position 0 in the next broker epoch, with no marks.

    `also`: the other topics the relay sends the same batches to, whose marks go too."""
    async with engine.begin() as conn:
        result = await conn.execute(
            text(
                "UPDATE relay_checkpoints SET position = 0, broker_epoch = broker_epoch + 1,"
                " updated_at = now() WHERE topic = :t RETURNING broker_epoch"
            ),
            {"t": topic},
        )
        epoch = int(result.scalar_one())
        for each in (topic, *also):
            await conn.execute(text("DELETE FROM relay_marks WHERE topic = :t"), {"t": each})
    return Checkpoint(0, epoch)


async def _checkpoint(conn: AsyncConnection, topic: str, *, lock: bool) -> Checkpoint:
    query = "SELECT position, broker_epoch FROM relay_checkpoints WHERE topic = :t"
    row = (await conn.execute(text(query + (" FOR UPDATE" if lock else "")), {"t": topic})).one()
    return Checkpoint(int(row.position), int(row.broker_epoch))


async def _went_back(conn: AsyncConnection, topic: str, base_offsets: Mapping[int, int]) -> bool:
    """True when a batch landed at or below a partition's mark: offsets only ever grow."""
    if not base_offsets:
        return False
    rows = await conn.execute(
        text('SELECT partition, "offset" FROM relay_marks WHERE topic = :t'), {"t": topic}
    )
    marks = {r.partition: r.offset for r in rows}
    return any(p in marks and base <= marks[p] for p, base in base_offsets.items())
