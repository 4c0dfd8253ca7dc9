"""What a consumer group knows of each partition: the broker epoch it last saw and its offsets."""

from __future__ import annotations

from typing import Any

from aiokafka import TopicPartition
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

_UPSERT = text(
    'INSERT INTO consumer_partitions (consumer_group, topic, partition, broker_epoch, "offset",'
    " high_water) VALUES (:g, :t, :p, :e, :o, :h)"
    " ON CONFLICT (consumer_group, topic, partition) DO UPDATE"
    " SET broker_epoch = EXCLUDED.broker_epoch,"
    ' "offset" = EXCLUDED."offset", high_water = EXCLUDED.high_water, updated_at = now()'
)


class EpochBook:
    """The broker epoch per partition, cached in memory and kept in `consumer_partitions`."""

    def __init__(self, engine: AsyncEngine, group: str) -> None:
        self.engine = engine
        self.group = group
        self._epochs: dict[TopicPartition, int] = {}

    async def is_new_epoch(self, tp: TopicPartition, epoch: int, offset: int) -> bool:
        """True when `epoch` is above the one recorded; a first sight records it and is not new."""
        known = await self._known(tp)
        if known is None:
            await self._upsert(tp, epoch, offset, None)
            return False
        return epoch > known

    async def record(self, tp: TopicPartition, epoch: int) -> None:
        """Remember a new epoch for the partition, from its beginning."""
        await self._upsert(tp, epoch, 0, None)

    async def note_offset(
        self,
        tp: TopicPartition,
        offset: int,
        high_water: int | None,
        conn: AsyncConnection | None = None,
    ) -> None:
        """Record how far the group got in the partition and the partition's high water mark.

        Pass `conn` to record it with the effects of the batch that got there (ADR 0034).
        """
        epoch = self._epochs.get(tp)
        if epoch is None:
            return
        if conn is None:
            await self._upsert(tp, epoch, offset, high_water)
        else:
            await conn.execute(_UPSERT, self._row(tp, epoch, offset, high_water))

    async def _known(self, tp: TopicPartition) -> int | None:
        if tp not in self._epochs:
            async with self.engine.connect() as conn:
                row = (
                    await conn.execute(
                        text(
                            "SELECT broker_epoch FROM consumer_partitions"
                            " WHERE consumer_group = :g AND topic = :t AND partition = :p"
                        ),
                        {"g": self.group, "t": tp.topic, "p": tp.partition},
                    )
                ).first()
            if row is None:
                return None
            self._epochs[tp] = int(row.broker_epoch)
        return self._epochs[tp]

    async def _upsert(self, tp: TopicPartition, epoch: int, offset: int, hw: int | None) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(_UPSERT, self._row(tp, epoch, offset, hw))
        self._epochs[tp] = epoch

    def _row(self, tp: TopicPartition, epoch: int, offset: int, hw: int | None) -> dict[str, Any]:
        return {"g": self.group, "t": tp.topic, "p": tp.partition, "e": epoch, "o": offset, "h": hw}
