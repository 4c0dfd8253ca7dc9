"""How far the readers of a relay's topics have got: what a broker loss need not republish.

A broker that loses its log (the embedded broker keeps nothing across a restart) used to cost a
republish of the whole event store. Yet the readers, the platform's consumer groups, had applied
nearly all of it: their inboxes hold it. So the relay follows them (ADR 0044). At each of its
checks it compares where it stood at the previous check (`Sent`: its checkpoint and the last offset
it had written in each partition) with the offsets every reader group has committed since. When
every group has committed past every one of those offsets, every event up to that checkpoint has
been applied by every reader, and the position is recorded as consumed. After a loss the relay
republishes from there instead of from the beginning.

Committed offsets are read with an OffsetFetch per group (a client that names the group but never
joins it), which the embedded broker answers; its admin listing of group offsets is refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.messaging import relay_state as state
from shared.messaging.kafka import KafkaConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Reader:
    """A consumer group and the relay topic it reads."""

    group: str
    topic: str


def readers_key(readers: Sequence[Reader]) -> str:
    """The readers as recorded beside the consumed position: a reader added later makes a
    recorded position say nothing about it."""
    return ",".join(f"{r.group}@{r.topic}" for r in sorted(set(readers)))


class ReaderProgress:
    """Records the position every reader has committed through, one relay check at a time."""

    def __init__(
        self,
        engine: AsyncEngine,
        cfg: KafkaConfig,
        checkpoint_topic: str,
        topics: Sequence[str],
        readers: Sequence[Reader],
    ) -> None:
        self.engine = engine
        self.cfg = cfg
        self.checkpoint_topic = checkpoint_topic
        self.topics = tuple(topics)
        self.readers = tuple(sorted(set(readers)))
        self.key = readers_key(self.readers)
        self._previous: state.Sent | None = None
        self._clients: dict[str, AIOKafkaConsumer] = {}

    async def check(self) -> bool:
        """Record the previous check's position if every reader is past it; True if recorded."""
        if not self.readers:
            return False
        previous, self._previous = self._previous, await self._sent_now()
        if previous is None or previous.checkpoint.epoch != self._previous.checkpoint.epoch:
            return False
        if not await self._all_past(previous):
            return False
        return await state.record_consumed(self.engine, self.checkpoint_topic, previous, self.key)

    def forget(self) -> None:
        """After a broker loss: what was sent before says nothing about the new broker."""
        self._previous = None

    async def close(self) -> None:
        """Stop the groups' clients."""
        clients, self._clients = self._clients, {}
        for client in clients.values():
            with contextlib.suppress(Exception):
                await client.stop()

    async def _sent_now(self) -> state.Sent:
        return await state.load_sent(self.engine, self.checkpoint_topic, self.topics)

    async def _all_past(self, sent: state.Sent) -> bool:
        """Every reader past every offset; the groups are asked side by side."""
        asked = [
            self._past(reader, sent.offsets[reader.topic])
            for reader in self.readers
            if sent.offsets.get(reader.topic)
        ]
        return all(await asyncio.gather(*asked))

    async def _past(self, reader: Reader, offsets: Mapping[int, int]) -> bool:
        """True when the group committed beyond each offset (a commit names the next to read)."""
        try:
            client = await self._client(reader.group)
            partitions = [TopicPartition(reader.topic, p) for p in offsets]
            committed = await asyncio.gather(*(client.committed(tp) for tp in partitions))
        except KafkaError as error:
            log.info("offsets of group %s not read (%s); trying later", reader.group, error)
            await self._drop(reader.group)
            return False
        return all(
            done is not None and done > offsets[tp.partition]
            for tp, done in zip(partitions, committed, strict=True)
        )

    async def _client(self, group: str) -> AIOKafkaConsumer:
        client = self._clients.get(group)
        if client is None:
            client = AIOKafkaConsumer(
                **self.cfg.connection(),
                client_id=f"{self.cfg.client_id}-progress",
                group_id=group,  # named to fetch its commits; never subscribes, never joins
                enable_auto_commit=False,
                request_timeout_ms=5000,
            )
            await client.start()
            self._clients[group] = client
        return client

    async def _drop(self, group: str) -> None:
        client = self._clients.pop(group, None)
        if client is not None:
            with contextlib.suppress(Exception):
                await client.stop()
