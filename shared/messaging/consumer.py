"""The event consumer: manual commits, an inbox for exactly-once effects, retries, dead letters.

A partition's fetched messages are applied in batches, one transaction each (inbox entries,
effects and the group's offset together); a batch whose handler fails is applied again one
message at a time, where retries, dead letters and parking work message by message (ADR 0034).
Each partition is applied by a task of its own while the others are fetched (ADR 0051).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import KafkaError
from sqlalchemy.exc import DBAPIError, InterfaceError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.envelope import RecordedEvent
from shared.messaging import partitions_state as parts
from shared.messaging.cloudevents import Decoded, Headers, UndecodableMessage, decode
from shared.messaging.dead_letters import (
    DeadLetter,
    RetryOutcome,
    count_dead_letters,
    get_dead_letter,
    list_dead_letters,
    retry_dead_letter,
)
from shared.messaging.delivery import (
    Arrival,
    Delivered,
    Handler,
    SetBasedHandler,
    StoredMessage,
    admit_batch,
    deliver,
    insert_letter,
)
from shared.messaging.kafka import KafkaConfig, make_consumer, make_producer, stop_group_consumer
from shared.messaging.metrics import CONSUMER_LAG, DLQ_MESSAGES
from shared.messaging.topics import dlq_topic as default_dlq_topic
from shared.messaging.topics import ensure_topics_for
from shared.tracing import consumer_batch_span, consumer_span, mark_failed

__all__ = [
    "DeadLetter",
    "EventConsumer",
    "Handler",
    "RetryOutcome",
    "SetBasedHandler",
    "count_dead_letters",
    "get_dead_letter",
    "list_dead_letters",
    "retry_dead_letter",
]

log = logging.getLogger(__name__)

FETCH_TIMEOUT_MS = 200
BUSY_FETCH_TIMEOUT_MS = 10  # while partitions are being applied (see `_fetch_timeout_ms`)
INFRA_BACKOFF_CAP_S = 10.0
POSITION_TIMEOUT_S = 1.0
LOST_RECORDS_CHECK_INTERVAL_S = 1.0  # how often partitions at rest are checked for a broker loss
LETTER_COUNT_INTERVAL_S = 30.0
# the most messages of one partition applied in one transaction (its case locks held that long)
BATCH_SIZE = 500
# reads a message: `decode` for the internal topics, `decode_public` for the public view
Decoder = Callable[[Headers, bytes | None], Decoded]


class _Polled(Enum):
    """How the partitions' applications that ended since the last poll went."""

    APPLIED = "applied"  # at least one ended well, none failed
    FAILED = "failed"  # one failed (or the fetch did)
    WAITING = "waiting"  # none ended


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
        batch_size: int = BATCH_SIZE,
        decoder: Decoder = decode,
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
        self.batch_size = batch_size
        self.decoder = decoder
        self._consumer: AIOKafkaConsumer | None = None
        self._producer: AIOKafkaProducer | None = None
        self._epochs = parts.EpochBook(engine, group_id)
        self._noted: dict[TopicPartition, int] = {}  # offsets noted inside a batch's transaction
        self._applying: dict[TopicPartition, asyncio.Task[None]] = {}  # one task per partition
        self._next_loss_check = 0.0  # the event loop's time of the next `_catch_lost_records`

    def assignment(self) -> set[TopicPartition]:
        """The partitions the group gave this member (empty before it joined)."""
        return set(self._consumer.assignment()) if self._consumer is not None else set()

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until `stop` is set; infrastructure failures back off and retry."""
        try:
            consumer = await self._start(stop)
            loop = asyncio.get_running_loop()
            failures, next_count = 0, loop.time()
            while consumer is not None and not stop.is_set():
                polled = await self._poll(consumer, stop)
                if polled is _Polled.FAILED:  # back off longer each time, until one succeeds
                    failures += 1
                    await _pause(stop, min(INFRA_BACKOFF_CAP_S, self.backoff_base_s * 2**failures))
                elif polled is _Polled.APPLIED:
                    failures = 0
                if loop.time() >= next_count:
                    next_count = loop.time() + LETTER_COUNT_INTERVAL_S
                    with contextlib.suppress(Exception):
                        await self._count_letters()
        except asyncio.CancelledError:  # killed, not stopped: so are the partitions' tasks
            for task in self._applying.values():
                task.cancel()
            raise
        finally:
            await self.close()

    async def _start(self, stop: asyncio.Event) -> AIOKafkaConsumer | None:
        attempt = 0
        while not stop.is_set():
            try:
                # create what we subscribe to before subscribing: a subscription to a missing
                # topic makes tansu create it with its own default of 4 partitions
                await ensure_topics_for(self.cfg, [*self.topics, self.dlq_topic])
                consumer = make_consumer(self.cfg, self.group_id, self.topics)
                await consumer.start()
                self._consumer = consumer
                return consumer
            except (KafkaError, OSError) as error:
                attempt += 1
                log.warning("consumer %s cannot start (%s); retrying", self.group_id, error)
                await _pause(stop, min(INFRA_BACKOFF_CAP_S, self.backoff_base_s * 2**attempt))
        return None

    async def _poll(self, consumer: AIOKafkaConsumer, stop: asyncio.Event) -> _Polled:
        """Fetch for the partitions not being applied and start applying what came; say how the
        partitions' applications that ended since the last poll went.

        Each partition is applied by a task of its own, while the others are fetched and
        applied: a partition with many messages no longer holds up the rest. A partition is never
        fetched while its task runs, so its messages still go in order, one batch after another.
        """
        ended = self._ended()
        idle = [tp for tp in consumer.assignment() if tp not in self._applying]
        if self._applying and not idle:  # every partition is being applied: wait for one
            await asyncio.wait(
                self._applying.values(),
                timeout=FETCH_TIMEOUT_MS / 1000,
                return_when=asyncio.FIRST_COMPLETED,
            )
            return ended
        try:
            # no max_records: aiokafka would fill it from one partition, serialising them all
            batches = await consumer.getmany(*idle, timeout_ms=self._fetch_timeout_ms())
        except KafkaError as error:
            log.warning("consumer %s: fetch failed (%s)", self.group_id, error)
            return _Polled.FAILED
        for tp, messages in batches.items():
            self._applying[tp] = asyncio.create_task(self._partition(tp, messages, stop))
        loop = asyncio.get_running_loop()
        if loop.time() >= self._next_loss_check:
            self._next_loss_check = loop.time() + LOST_RECORDS_CHECK_INTERVAL_S
            await self._catch_lost_records(consumer, [tp for tp in idle if tp not in batches])
        return ended

    def _fetch_timeout_ms(self) -> int:
        """Fetch briefly while partitions are being applied: one that finishes is fetched again
        soon, not after a whole fetch timeout."""
        return BUSY_FETCH_TIMEOUT_MS if self._applying else FETCH_TIMEOUT_MS

    def _ended(self) -> _Polled:
        """Let go of the partitions whose application has ended: FAILED if one of them failed
        (it logged the failure and rewound its partition), APPLIED if one succeeded."""
        ended = [self._applying.pop(tp) for tp, task in list(self._applying.items()) if task.done()]
        if any(task.cancelled() or task.exception() is not None for task in ended):
            return _Polled.FAILED
        return _Polled.APPLIED if ended else _Polled.WAITING

    async def _stop_applying(self) -> None:
        """Wait for the partitions being applied (they stop at their next batch once asked)."""
        applying, self._applying = self._applying, {}
        await asyncio.gather(*applying.values(), return_exceptions=True)

    async def close(self) -> None:
        """Finish the partitions being applied, leave the group and stop the DLQ producer."""
        await self._stop_applying()
        consumer, self._consumer = self._consumer, None
        producer, self._producer = self._producer, None
        if consumer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(stop_group_consumer(consumer), 10)
        if producer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.stop(), 10)

    async def _partition(
        self, tp: TopicPartition, messages: list[Any], stop: asyncio.Event
    ) -> None:
        done: int | None = None  # the offset of the last message dealt with
        try:
            for start in range(0, len(messages), self.batch_size):
                if stop.is_set():
                    break
                batch = messages[start : start + self.batch_size]
                if await self._as_batch(tp, batch):
                    done = batch[-1].offset
                    continue
                for message in batch:
                    if stop.is_set():
                        break
                    if await self._one(tp, message) is _Step.RESTART:
                        return
                    done = message.offset
        except Exception:
            failed = messages[0].offset if done is None else done + 1
            log.exception("consumer %s: %s@%d failed", self.group_id, tp, failed)
            self._rewind(tp, failed)
            await self._checkpoint(tp, done)
            raise
        if stop.is_set() and done is not None and done < messages[-1].offset:
            self._rewind(tp, done + 1)
        await self._checkpoint(tp, done)

    async def _as_batch(self, tp: TopicPartition, messages: list[Any]) -> bool:
        """Apply the messages in one transaction; False (nothing applied) to go one by one.

        They go one by one when one of them needs it (undecodable, or of a new broker epoch)
        or when the handler fails: a message's retries and dead letter are its own.
        """
        arrivals = await self._arrivals(tp, messages)
        if arrivals is None:
            return False
        try:
            parked = await self._apply_batch(tp, arrivals)
        except Exception as error:
            if _infrastructure(error):
                raise
            log.warning(
                "consumer %s: a batch of %d from %s failed (%s: %s); applying it one at a time",
                self.group_id,
                len(arrivals),
                tp,
                type(error).__name__,
                error,
            )
            return False
        if parked:
            await self._count_letters()
        return True

    async def _arrivals(self, tp: TopicPartition, messages: list[Any]) -> list[Arrival] | None:
        """The messages decoded, or None when one is undecodable or opens a new broker epoch."""
        arrivals: list[Arrival] = []
        epoch_seen: int | None = None  # the epoch of the previous message, not a new one
        for message in messages:
            try:
                decoded = self.decoder(message.headers, message.value)
            except UndecodableMessage:
                return None
            epoch = decoded.broker_epoch
            if epoch != epoch_seen:
                if await self._epochs.is_new_epoch(tp, epoch, message.offset):
                    return None
                epoch_seen = epoch
            arrivals.append(Arrival(message, decoded.event))
        return arrivals

    async def _apply_batch(self, tp: TopicPartition, arrivals: list[Arrival]) -> int:
        """Admit, apply and note the batch's offset in one transaction; how many were parked."""
        after = arrivals[-1].offset + 1
        async with self.engine.begin() as conn:
            admitted = await admit_batch(conn, self.group_id, arrivals)
            await self._handle(tp, admitted.due, conn)
            await self._epochs.note_offset(tp, after, self._high_water(tp), conn)
        self._noted[tp] = after
        return admitted.parked

    async def _handle(self, tp: TopicPartition, due: list[Arrival], conn: AsyncConnection) -> None:
        """Run the handler over the due arrivals, in order: set-based in one call if it can."""
        if not due:
            return
        if isinstance(self.handler, SetBasedHandler):
            headers = [a.headers for a in due]
            with consumer_batch_span(self.service, self.group_id, tp.topic, headers):
                await self.handler.many([a.event for a in due], conn)
            return
        for a in due:
            with consumer_span(self.service, self.group_id, tp.topic, a.headers, a.event):
                await self.handler(a.event, conn)

    async def _one(self, tp: TopicPartition, message: Any) -> _Step:
        stored = StoredMessage.of(message)
        try:
            decoded = self.decoder(stored.headers, stored.value)
        except UndecodableMessage as error:
            await self._dead(stored, f"undecodable: {error}", 1)
            return _Step.NEXT
        if await self._epochs.is_new_epoch(tp, decoded.broker_epoch, message.offset):
            await self._rewind_to_start(tp, decoded.broker_epoch)
            return _Step.RESTART
        event = decoded.event
        with consumer_span(self.service, self.group_id, stored.topic, stored.headers, event):
            await self._deliver(stored, event)
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
                await self._count_letters()
            return

    async def _dead(
        self, stored: StoredMessage, reason: str, attempts: int, event: RecordedEvent | None = None
    ) -> None:
        """Publish to the dead-letter topic, then keep it in the table (which parks the case)."""
        await self._to_dlq(stored, reason, attempts)
        mark_failed()
        case_key = event.case_id if event is not None else stored.case_key
        async with self.engine.begin() as conn:
            await insert_letter(conn, self.group_id, case_key, stored, "dead", reason, attempts)
        await self._count_letters()
        log.error("consumer %s: dead letter %s (%s)", self.group_id, stored.event_id, reason)

    async def _to_dlq(self, stored: StoredMessage, reason: str, attempts: int) -> None:
        if self._producer is None:
            producer = make_producer(self.cfg)
            await producer.start()
            self._producer = producer
        headers = stored.dlq_headers(self.group_id, reason, attempts)
        await (
            await self._producer.send(self.dlq_topic, stored.value, key=stored.key, headers=headers)
        )

    async def _count_letters(self) -> None:
        for status, count in (await count_dead_letters(self.engine, self.group_id)).items():
            DLQ_MESSAGES.labels(self.service, self.group_id, status).set(count)

    async def _rewind_to_start(self, tp: TopicPartition, epoch: int) -> None:
        """The relay republished into a broker that lost everything: read the partition again."""
        assert self._consumer is not None
        # Commit 0 before recording the epoch: a crash in between rewinds again, never skips.
        await self._consumer.commit({tp: 0})
        self._noted.pop(tp, None)
        await self._epochs.record(tp, epoch)
        await self._consumer.seek_to_beginning(tp)
        log.warning("consumer %s: %s is in broker epoch %d; rereading it", self.group_id, tp, epoch)

    async def _catch_lost_records(
        self, consumer: AIOKafkaConsumer, partitions: Sequence[TopicPartition]
    ) -> None:
        """Read a partition again from its beginning when our position is past its end (only
        partitions at rest: one being applied moves its own position).

        The broker lost records we had read (Apache Kafka answers OFFSET_OUT_OF_RANGE and the
        reset policy applies; tansu just returns nothing, for ever). A stale position can come
        from before the loss, or from an offset committed by a batch that straddled it.
        """
        for tp in partitions:
            high_water = self._high_water(tp)
            if high_water is None:
                continue
            try:
                # asyncio.timeout, not wait_for: Python 3.11's wait_for can swallow a
                # cancellation that arrives as the position does (ADR 0051)
                async with asyncio.timeout(POSITION_TIMEOUT_S):
                    position = await consumer.position(tp)
                if position > high_water:
                    log.warning(
                        "consumer %s: %s is at %d, past its end %d; rereading it",
                        self.group_id,
                        tp,
                        position,
                        high_water,
                    )
                    await consumer.commit({tp: 0})
                    await consumer.seek_to_beginning(tp)
            except (KafkaError, TimeoutError) as error:
                log.warning("consumer %s: could not check %s (%s)", self.group_id, tp, error)

    def _rewind(self, tp: TopicPartition, offset: int) -> None:
        if self._consumer is not None:
            with contextlib.suppress(KafkaError, AssertionError):
                self._consumer.seek(tp, offset)

    def _high_water(self, tp: TopicPartition) -> int | None:
        """The partition's last known end; None if unknown or no longer ours (a rebalance can
        take a partition away while we await anything)."""
        consumer = self._consumer
        if consumer is None or tp not in consumer.assignment():
            return None
        high_water: int | None = consumer.highwater(tp)
        return high_water

    async def _checkpoint(self, tp: TopicPartition, done: int | None) -> None:
        if done is None or self._consumer is None:
            return
        try:
            await self._consumer.commit({tp: done + 1})
        except KafkaError as error:
            # harmless: whoever reads these messages again finds them in the inbox
            log.warning("consumer %s: commit of %s failed (%s)", self.group_id, tp, error)
            return
        high_water = self._high_water(tp)
        if self._noted.pop(tp, None) != done + 1:  # not noted by the batch that got there
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


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
