"""The outbox relay: the event store is the outbox; publish it to Kafka at least once, in order."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.store import EventStore
from shared.messaging import relay_state as state
from shared.messaging.broker_check import find_loss
from shared.messaging.kafka import KafkaConfig, make_producer, make_reader
from shared.messaging.metrics import BROKER_LOSSES, OUTBOX_LAG, RELAY_PUBLISHED
from shared.messaging.outbox import OutboxEvent, read_outbox
from shared.messaging.public import public_record
from shared.messaging.readers import Reader, ReaderProgress
from shared.messaging.topics import dlq_topic, ensure_topics_for, events_topic, internal_topic
from shared.messaging.waves import Acked, Outgoing, send_in_waves

log = logging.getLogger(__name__)

LEADER_LOCK_CLASS = 7_310_003
STANDBY_RETRY_S = 1.0
BACKOFF_BASE_S = 0.2
BACKOFF_CAP_S = 10.0
CLIENT_STOP_TIMEOUT_S = 5.0


class OutboxRelay:
    """Publishes a service's events; one leader per service.

    Each event goes twice (ADR 0020): as stored to `<ns>.<service>.internal` for the platform's
    own consumers, and as its public view to `<ns>.<service>.events`. One checkpoint (named by
    the events topic, as before) moves only when both topics have acknowledged the batch; each
    topic keeps its own partition marks and either one's loss republishes both."""

    def __init__(
        self,
        service: str,
        engine: AsyncEngine,
        store: EventStore,
        cfg: KafkaConfig,
        *,
        batch_size: int = 2000,
        poll_interval_s: float = 0.2,
        loss_check_interval_s: float = 5.0,
        pseudonym_key: bytes | None = None,
        readers: Sequence[Reader] = (),
    ) -> None:
        self.service = service
        self.topic = events_topic(service)  # the public view; it also names the checkpoint
        self.internal_topic = internal_topic(service)
        self.topics = (self.internal_topic, self.topic)
        # without the deployment's key, one of this process's own: pseudonyms then hold only
        # until a restart, but they never become guessable
        self.pseudonym_key = pseudonym_key or secrets.token_bytes(32)
        self.engine = engine
        self.store = store
        self.cfg = cfg
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self.loss_check_interval_s = loss_check_interval_s
        self.losses_detected = 0
        self._producer: AIOKafkaProducer | None = None
        self._reader: AIOKafkaConsumer | None = None
        self._leader: AsyncConnection | None = None
        self._failures = 0
        self._ahead: _ReadAhead | None = None
        self._progress = ReaderProgress(engine, cfg, self.topic, self.topics, readers)
        self._following: asyncio.Task[bool] | None = None

    def follow(self, readers: Sequence[Reader]) -> None:
        """The consumer groups that read this relay's topics: after a broker loss only what
        one of them has not consumed is republished (ADR 0044); none named, everything is."""
        self._progress = ReaderProgress(self.engine, self.cfg, self.topic, self.topics, readers)

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until `stop` is set: stand by while another replica leads, back off on errors."""
        try:
            while not stop.is_set():
                if not await self._lead():
                    await _wait(stop, STANDBY_RETRY_S)
                    continue
                try:
                    await self._serve(stop)
                except Exception:
                    self._failures += 1
                    delay = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** min(self._failures, 10))
                    log.exception("relay %s failed; retrying in %.1fs", self.service, delay)
                    await self._drop_clients()
                    await _wait(stop, delay)
        finally:
            await self.close()

    async def connect(self) -> None:
        """Start the Kafka clients (creating the topics first) and compare the broker with the
        marks, as leading begins."""
        await self._started_producer()
        await self.check_broker()

    async def _serve(self, stop: asyncio.Event) -> None:
        await self.connect()
        loop = asyncio.get_running_loop()
        next_check = loop.time() + self.loss_check_interval_s
        while not stop.is_set():
            sent = await self.publish_once()
            self._failures = 0
            if loop.time() >= next_check:
                await self._confirm_leadership()
                if not await self.check_broker():
                    self._follow_readers()
                OUTBOX_LAG.labels(self.service).set(await self.lag())
                next_check = loop.time() + self.loss_check_interval_s
            if sent < self.batch_size:
                await _wait(stop, self.poll_interval_s)

    async def publish_once(self) -> int:
        """Publish the next batch after the checkpoint; return how many events were sent."""
        checkpoint = await state.load_checkpoint(self.engine, self.topic)
        batch = await self._read(checkpoint)
        events = batch.events
        if not events:
            OUTBOX_LAG.labels(self.service).set(0)
            return 0
        if len(events) == self.batch_size:  # a full batch: more may wait, prepare it meanwhile
            self._read_ahead(state.Checkpoint(events[-1].position, checkpoint.epoch))
        producer = await self._started_producer()
        # no look at the broker before the send: a batch sent into a broker that lost its data
        # lands at or below a partition's mark, which `advance` refuses (ADR 0050); a loss on a
        # partition the batch does not touch is found by the periodic `check_broker`
        sent: list[dict[int, Acked]] = list(
            await asyncio.gather(
                send_in_waves(producer, self.internal_topic, batch.internal),
                send_in_waves(producer, self.topic, batch.public),
            )
        )
        marks = {
            topic: {p: state.Mark(p, a.last_offset, a.last_event_id) for p, a in acked.items()}
            for topic, acked in zip(self.topics, sent, strict=True)
        }
        bases = {
            topic: {p: a.base_offset for p, a in acked.items()}
            for topic, acked in zip(self.topics, sent, strict=True)
        }
        outcome = await state.advance(
            self.engine, self.topic, checkpoint, events[-1].position, marks, bases
        )
        if outcome is state.Advance.WENT_BACK:
            await self._handle_loss("a partition's offsets went back below the relay's mark")
            return 0
        if outcome is state.Advance.STALE:
            return 0
        RELAY_PUBLISHED.labels(self.service).inc(len(events))
        if len(events) < self.batch_size:  # drained: the lag is what arrived meanwhile
            OUTBOX_LAG.labels(self.service).set(await self.lag())
        return len(events)

    async def _read(self, checkpoint: state.Checkpoint) -> _Prepared:
        """The batch after the checkpoint: the one read ahead if it starts there, else read now."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.after == checkpoint:
            return await ahead.batch
        _discard(ahead)
        return await self._read_after(checkpoint)

    def _read_ahead(self, after: state.Checkpoint) -> None:
        """Start reading and preparing the batch that follows `after` while the current one is
        sent: its records are built while the broker handles the current batch.

        Positions are given in commit order without gaps (ADR 0002, ADR 0010), so what lies past
        `after` now is what a read after the broker's acknowledgement would find, and more may
        only follow it. The read is used only if the checkpoint then is `after`: the batch was
        acknowledged in the same broker epoch."""
        _discard(self._ahead)
        self._ahead = _ReadAhead(after, asyncio.create_task(self._read_after(after)))

    async def _read_after(self, checkpoint: state.Checkpoint) -> _Prepared:
        events = await read_outbox(
            self.engine, checkpoint.position, self.batch_size, self.service, checkpoint.epoch
        )
        return _Prepared(
            events,
            [Outgoing(e.record, e.event_id) for e in events],
            [Outgoing(public_record(e.record, self.pseudonym_key), e.event_id) for e in events],
        )

    async def check_broker(self) -> bool:
        """Compare the broker with the marks; on loss reset to the next epoch. True if lost."""
        for topic in self.topics:
            marks = await state.load_marks(self.engine, topic)
            reason = await find_loss(self.cfg, await self._started_reader(), topic, marks)
            if reason is not None:
                await self._handle_loss(reason)
                return True
        return False

    async def lag(self) -> int:
        """Events in the store that the broker has not acknowledged yet."""
        checkpoint = await state.load_checkpoint(self.engine, self.topic)
        return max(0, await self.store.head_position() - checkpoint.position)

    async def close(self) -> None:
        """Stop the Kafka clients and give up leadership."""
        ahead, self._ahead = self._ahead, None
        _discard(ahead)
        await self._drop_clients()
        leader, self._leader = self._leader, None
        if leader is not None:
            with contextlib.suppress(Exception):
                await leader.execute(_UNLOCK, self._lock_params())
                await leader.commit()
            with contextlib.suppress(Exception):
                await leader.close()

    def _follow_readers(self) -> None:
        """Ask how far the readers got, beside the publishing (never holding it up)."""
        if self._following is None or self._following.done():
            self._following = asyncio.create_task(self._progress.check())
            self._following.add_done_callback(_log_failure)

    async def _handle_loss(self, reason: str) -> None:
        self._progress.forget()
        checkpoint = await state.reset_for_new_broker(
            self.engine, self.topic, also=(self.internal_topic,), readers=self._progress.key
        )
        self.losses_detected += 1
        BROKER_LOSSES.labels(self.service).inc()
        log.warning(
            "relay %s: the broker lost published events (%s); republishing from the store"
            " after position %d in broker epoch %d",
            self.service,
            reason,
            checkpoint.position,
            checkpoint.epoch,
        )
        await self._drop_clients()
        await self._started_producer()  # recreates the topics before anyone else's client does

    async def _lead(self) -> bool:
        if self._leader is not None:
            return True
        conn = await self.engine.connect()
        try:
            got = (await conn.execute(_TRY_LOCK, self._lock_params())).scalar_one()
            await conn.commit()
        except Exception:
            await conn.close()
            raise
        if not got:
            await conn.close()
            return False
        log.info("relay %s: leading", self.service)
        self._leader = conn
        return True

    async def _confirm_leadership(self) -> None:
        """Fail (and stand by again) if the connection that holds the lock has gone."""
        if self._leader is None:
            raise RuntimeError("relay lost leadership")
        try:
            await self._leader.execute(text("SELECT 1"))
            await self._leader.commit()
        except Exception:
            leader, self._leader = self._leader, None
            with contextlib.suppress(Exception):
                await leader.invalidate()
            raise

    def _lock_params(self) -> dict[str, object]:
        return {"c": LEADER_LOCK_CLASS, "s": self.service}

    async def _started_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            # every new producer first makes sure the topics exist (again, after a broker loss)
            await ensure_topics_for(self.cfg, [*self.topics, dlq_topic(self.service)])
            producer = make_producer(self.cfg)
            await producer.start()
            self._producer = producer
        return self._producer

    async def _started_reader(self) -> AIOKafkaConsumer:
        if self._reader is None:
            reader = make_reader(self.cfg)
            await reader.start()
            self._reader = reader
        return self._reader

    async def _drop_clients(self) -> None:
        following, self._following = self._following, None
        if following is not None:
            following.cancel()
            await asyncio.gather(following, return_exceptions=True)
        await self._progress.close()
        producer, self._producer = self._producer, None
        reader, self._reader = self._reader, None
        for client in (producer, reader):
            if client is not None:
                # a stop may hang while the broker is away (pending batches, fetch retries)
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(client.stop(), CLIENT_STOP_TIMEOUT_S)


@dataclass(frozen=True)
class _Prepared:
    """A batch of the outbox ready to send: its events, as stored and in their public view."""

    events: list[OutboxEvent]
    internal: list[Outgoing]
    public: list[Outgoing]


@dataclass(frozen=True)
class _ReadAhead:
    """The batch after a checkpoint, being read while the batch before it is in flight."""

    after: state.Checkpoint
    batch: asyncio.Task[_Prepared]


def _discard(ahead: _ReadAhead | None) -> None:
    """Drop a read ahead that will not be used (its outcome, even a failure, is not wanted)."""
    if ahead is not None:
        ahead.batch.cancel()
        ahead.batch.add_done_callback(lambda task: task.cancelled() or task.exception())


_TRY_LOCK = text("SELECT pg_try_advisory_lock(:c, hashtext(:s))")
_UNLOCK = text("SELECT pg_advisory_unlock(:c, hashtext(:s))")


def _log_failure(task: asyncio.Task[bool]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("relay: reading the readers' progress failed: %r", task.exception())


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
