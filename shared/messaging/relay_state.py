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
    """The topic's checkpoint, created at position 0, epoch 0 the first time (read without a
    write, and so without a commit to wait for, every time after)."""
    async with engine.connect() as conn:
        row = (await conn.execute(text(_CHECKPOINT), {"t": topic})).one_or_none()
    if row is not None:
        return Checkpoint(int(row.position), int(row.broker_epoch))
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
    engine: AsyncEngine, topic: str, also: Sequence[str] = (), readers: str | None = None
) -> Checkpoint:
    """In one transaction: into the next broker epoch, with no marks, back to where republishing
    must start: the position every reader had consumed through (ADR 0044) when the readers it
    was recorded for are `readers`, else 0 (everything).

    `also`: the other topics the relay sends the same batches to, whose marks go too."""
    async with engine.begin() as conn:
        result = await conn.execute(
            text(
                "UPDATE relay_checkpoints SET broker_epoch = broker_epoch + 1, updated_at = now(),"
                " position = CASE WHEN consumed_by = :r THEN consumed_through ELSE 0 END"
                " WHERE topic = :t RETURNING position, broker_epoch"
            ),
            {"t": topic, "r": readers if readers else None},
        )
        row = result.one()
        for each in (topic, *also):
            await conn.execute(text("DELETE FROM relay_marks WHERE topic = :t"), {"t": each})
    return Checkpoint(int(row.position), int(row.broker_epoch))


@dataclass(frozen=True)
class Sent:
    """What the relay had sent at one moment: its checkpoint and, per topic, the offset of the
    last record it had put in each partition (the marks written with that checkpoint)."""

    checkpoint: Checkpoint
    offsets: Mapping[str, Mapping[int, int]]


async def load_sent(engine: AsyncEngine, topic: str, topics: Sequence[str]) -> Sent:
    """The checkpoint named `topic` and the marks of `topics`, read in one statement: `advance`
    writes them in one transaction, so they agree."""
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    'SELECT c.position, c.broker_epoch, m.topic, m.partition, m."offset"'
                    " FROM relay_checkpoints c"
                    " LEFT JOIN relay_marks m ON m.topic = ANY(:topics)"
                    " WHERE c.topic = :t"
                ),
                {"t": topic, "topics": list(topics)},
            )
        ).all()
    offsets: dict[str, dict[int, int]] = {t: {} for t in topics}
    for row in rows:
        if row.topic is not None:
            offsets[row.topic][int(row.partition)] = int(row.offset)
    first = rows[0]
    return Sent(Checkpoint(int(first.position), int(first.broker_epoch)), offsets)


async def record_consumed(engine: AsyncEngine, topic: str, sent: Sent, readers: str) -> bool:
    """Every reader in `readers` has committed past `sent`: remember its position (ADR 0044).

    Only in the broker epoch `sent` was read in, and never backwards; True if recorded."""
    async with engine.begin() as conn:
        result = await conn.execute(
            text(
                "UPDATE relay_checkpoints SET consumed_through = :p, consumed_by = :r"
                " WHERE topic = :t AND broker_epoch = :e"
                " AND (consumed_through < :p OR consumed_by <> :r)"
            ),
            {"t": topic, "p": sent.checkpoint.position, "e": sent.checkpoint.epoch, "r": readers},
        )
    return bool(result.rowcount)


_CHECKPOINT = "SELECT position, broker_epoch FROM relay_checkpoints WHERE topic = :t"


async def _checkpoint(conn: AsyncConnection, topic: str, *, lock: bool) -> Checkpoint:
    query = _CHECKPOINT + (" FOR UPDATE" if lock else "")
    row = (await conn.execute(text(query), {"t": topic})).one()
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
