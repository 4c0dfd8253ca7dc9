"""The event consumer: manual commits, an inbox for exactly-once effects, retries, dead letters."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from enum import Enum
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError
from sqlalchemy.exc import DBAPIError, InterfaceError
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.eventstore.envelope import RecordedEvent
from shared.messaging import partitions_state as parts
from shared.messaging.cloudevents import UndecodableMessage, decode
from shared.messaging.dead_letters import (
    DeadLetter,
    RetryOutcome,
    get_dead_letter,
    list_dead_letters,
    retry_dead_letter,
)
from shared.messaging.delivery import Delivered, Handler, StoredMessage, deliver, insert_letter
from shared.messaging.kafka import KafkaConfig, make_consumer, make_producer
from shared.messaging.metrics import CONSUMER_DEAD_LETTERS, CONSUMER_LAG
from shared.messaging.topics import dlq_topic as default_dlq_topic
from shared.messaging.topics import ensure_topics

__all__ = [
    "DeadLetter",
    "EventConsumer",
    "Handler",
    "RetryOutcome",
    "get_dead_letter",
    "list_dead_letters",
    "retry_dead_letter",
]

log = logging.getLogger(__name__)

FETCH_TIMEOUT_MS = 200
MAX_RECORDS = 500
INFRA_BACKOFF_CAP_S = 10.0


class _Step(Enum):
    NEXT = "next"
    RESTART = "restart"  # the partition was rewound to its beginning


class EventConsumer:
    """Consumes topics in a group; each message's effect happens once, in partition order."""

    def __init__(
        self,
        service: str,
        group_id: str,
        topics: Sequence[str],
        handler: Handler,
        engine: AsyncEngine,
        cfg: KafkaConfig,
        *,
        max_attempts: int = 5,
        backoff_base_s: float = 0.2,
        dlq_topic: str | None = None,
    ) -> None:
        self.service = service
        self.group_id = group_id
        self.topics = list(topics)
        self.handler = handler
        self.engine = engine
        self.cfg = cfg
        self.max_attempts = max_attempts
        self.backoff_base_s = backoff_base_s
        self.dlq_topic = dlq_topic or default_dlq_topic(service)
        self._consumer: AIOKafkaConsumer | None = None
        self._producer: AIOKafkaProducer | None = None
        self._epochs = parts.EpochBook(engine, group_id)

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until `stop` is set; infrastructure failures back off and retry."""
        await ensure_topics(self.cfg.bootstrap_servers, [self.dlq_topic])
        consumer = make_consumer(self.cfg, self.group_id, self.topics)
        await consumer.start()
        self._consumer = consumer
        failures = 0
        try:
            while not stop.is_set():
                batches = await consumer.getmany(
                    timeout_ms=FETCH_TIMEOUT_MS, max_records=MAX_RECORDS
                )
                results = await asyncio.gather(
                    *(self._partition(tp, msgs, stop) for tp, msgs in batches.items()),
                    return_exceptions=True,
                )
                failures = failures + 1 if _first_error(results) else 0
                if failures:
                    await _pause(stop, min(INFRA_BACKOFF_CAP_S, self.backoff_base_s * 2**failures))
        finally:
            await self.close()

    async def close(self) -> None:
        """Leave the group and stop the DLQ producer."""
        consumer, self._consumer = self._consumer, None
        producer, self._producer = self._producer, None
        for client in (consumer, producer):
            if client is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(client.stop(), 10)

    async def _partition(
        self, tp: TopicPartition, messages: list[Any], stop: asyncio.Event
    ) -> None:
        done: int | None = None
        for message in messages:
            if stop.is_set():
                break
            try:
                step = await self._one(tp, message)
            except Exception:
                log.exception("consumer %s: %s@%d failed", self.group_id, tp, message.offset)
                self._rewind(tp, message.offset)
                await self._checkpoint(tp, done)
                raise
            if step is _Step.RESTART:
                return
            done = message.offset
        if stop.is_set() and done is not None and done < messages[-1].offset:
            self._rewind(tp, done + 1)
        await self._checkpoint(tp, done)

    async def _one(self, tp: TopicPartition, message: Any) -> _Step:
        stored = StoredMessage.of(message)
        try:
            decoded = decode(stored.headers, stored.value)
        except UndecodableMessage as error:
            await self._dead(stored, f"undecodable: {error}", 1)
            return _Step.NEXT
        if await self._epochs.is_new_epoch(tp, decoded.broker_epoch, message.offset):
            await self._rewind_to_start(tp, decoded.broker_epoch)
            return _Step.RESTART
        await self._deliver(stored, decoded.event)
        return _Step.NEXT

    async def _deliver(self, stored: StoredMessage, event: RecordedEvent) -> None:
        attempt = 0
        while True:
            try:
                outcome = await deliver(self.engine, self.group_id, event, self.handler, stored)
            except Exception as error:
                if _infrastructure(error):
                    raise
                attempt += 1
                if attempt >= self.max_attempts:
                    await self._dead(stored, f"{type(error).__name__}: {error}", attempt, event)
                    return
                log.warning(
                    "consumer %s: %s failed (%s); retrying", self.group_id, event.event_id, error
                )
                await asyncio.sleep(self.backoff_base_s * 2 ** (attempt - 1))
                continue
            if outcome is Delivered.PARKED:
                CONSUMER_DEAD_LETTERS.labels(self.service, self.group_id, "parked").inc()
            return

    async def _dead(
        self, stored: StoredMessage, reason: str, attempts: int, event: RecordedEvent | None = None
    ) -> None:
        """Publish to the dead-letter topic, then keep it in the table (which parks the case)."""
        await self._to_dlq(stored, reason, attempts)
        case_key = event.case_id if event is not None else stored.case_key
        async with self.engine.begin() as conn:
            await insert_letter(conn, self.group_id, case_key, stored, "dead", reason, attempts)
        CONSUMER_DEAD_LETTERS.labels(self.service, self.group_id, "dead").inc()
        log.error("consumer %s: dead letter %s (%s)", self.group_id, stored.event_id, reason)

    async def _to_dlq(self, stored: StoredMessage, reason: str, attempts: int) -> None:
        if self._producer is None:
            producer = make_producer(self.cfg)
            await producer.start()
            self._producer = producer
        extra = {
            "dlq_reason": reason, "dlq_group": self.group_id, "dlq_topic": stored.topic,
            "dlq_partition": str(stored.partition), "dlq_offset": str(stored.offset),
            "dlq_attempts": str(attempts),
        }  # fmt: skip
        headers = stored.headers + [(k, v.encode("utf-8")) for k, v in extra.items()]
        sent = await self._producer.send(
            self.dlq_topic, stored.value, key=stored.key, headers=headers
        )
        await sent

    async def _rewind_to_start(self, tp: TopicPartition, epoch: int) -> None:
        """The relay republished into a broker that lost everything: read the partition again."""
        assert self._consumer is not None
        # Commit 0 before recording the epoch: a crash in between rewinds again, never skips.
        await self._consumer.commit({tp: 0})
        await self._epochs.record(tp, epoch)
        self._consumer.seek_to_beginning(tp)
        log.warning("consumer %s: %s is in broker epoch %d; rereading it", self.group_id, tp, epoch)

    def _rewind(self, tp: TopicPartition, offset: int) -> None:
        if self._consumer is not None:
            with contextlib.suppress(IllegalStateError, KafkaError, AssertionError):
                self._consumer.seek(tp, offset)

    async def _checkpoint(self, tp: TopicPartition, done: int | None) -> None:
        if done is None or self._consumer is None:
            return
        try:
            await self._consumer.commit({tp: done + 1})
        except (CommitFailedError, IllegalStateError) as error:
            log.warning("consumer %s: commit of %s failed (%s)", self.group_id, tp, error)
            return
        high_water = self._consumer.highwater(tp)
        await self._epochs.note_offset(tp, done + 1, high_water)
        if high_water is not None:
            CONSUMER_LAG.labels(self.service, self.group_id, tp.topic, str(tp.partition)).set(
                max(0, high_water - done - 1)
            )


def _infrastructure(error: BaseException) -> bool:
    """Database or network trouble: wait and retry, never dead-letter the message for it."""
    if isinstance(error, OSError | InterfaceError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def _first_error(results: list[Any]) -> BaseException | None:
    return next((r for r in results if isinstance(r, BaseException)), None)


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
