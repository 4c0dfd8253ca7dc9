"""One message, once: the inbox entry and the handler's effect commit together, or neither does.

Every step that looks at or changes a case's dead letters holds a transaction-scoped advisory
lock on (group, case), so a live consumer and an operator's retry never interleave: a message
either finds the case blocked and parks, or finds it clear and applies. A batch of one partition
(`admit_batch`) gets, message by message, the decision `deliver` would give it (ADR 0034).
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.envelope import RecordedEvent
from shared.messaging.cloudevents import header_value

Handler = Callable[[RecordedEvent, AsyncConnection], Awaitable[None]]
BatchHandler = Callable[[Sequence[RecordedEvent], AsyncConnection], Awaitable[None]]


@dataclass(frozen=True)
class SetBasedHandler:
    """A handler that can also apply a whole batch at once, in order (set-based SQL).

    Called with one event it is the plain handler (`one`): operators' retries and the consumer's
    one-message-at-a-time path use it. The consumer gives `many` the events of a batch that are
    due, in partition order; both must leave the same effects.
    """

    one: Handler
    many: BatchHandler

    async def __call__(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Apply one event."""
        await self.one(event, conn)


@dataclass(frozen=True)
class StoredMessage:
    """A Kafka message as the dead-letter table keeps it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    headers: list[tuple[str, bytes]]
    value: bytes

    @classmethod
    def of(cls, message: Any) -> StoredMessage:
        """From an aiokafka ConsumerRecord."""
        return cls(
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key,
            headers=[(k, bytes(v)) for k, v in (message.headers or ())],
            value=bytes(message.value or b""),
        )

    @property
    def event_id(self) -> uuid.UUID:
        """The `ce_id`, or a stable stand-in when the message has none."""
        raw = header_value(self.headers, "ce_id")
        try:
            return uuid.UUID(raw or "")
        except ValueError:
            return uuid.uuid5(uuid.NAMESPACE_URL, f"{self.topic}/{self.partition}/{self.offset}")

    @property
    def case_key(self) -> str:
        """The message key: the case its events are ordered by."""
        return self.key.decode("utf-8", errors="replace") if self.key else "-"

    def dlq_headers(self, group: str, reason: str, attempts: int) -> list[tuple[str, bytes]]:
        """The original headers plus why, where from and after how many attempts it died."""
        extra = {
            "dlq_reason": reason,
            "dlq_group": group,
            "dlq_topic": self.topic,
            "dlq_partition": str(self.partition),
            "dlq_offset": str(self.offset),
            "dlq_attempts": str(attempts),
        }
        return self.headers + [(k, v.encode("utf-8")) for k, v in extra.items()]

    @property
    def event_type(self) -> str:
        """The `ce_type`, or "unknown"."""
        return header_value(self.headers, "ce_type") or "unknown"


@dataclass(frozen=True)
class Arrival:
    """A fetched message of a batch (an aiokafka ConsumerRecord) and the event it carries."""

    message: Any
    event: RecordedEvent

    @property
    def offset(self) -> int:
        """The message's offset in its partition."""
        return int(self.message.offset)

    @property
    def headers(self) -> Sequence[tuple[str, bytes]]:
        """The message's headers, as fetched."""
        return self.message.headers or ()

    def stored(self) -> StoredMessage:
        """The message as the dead-letter table keeps it (made only for one that parks)."""
        return StoredMessage.of(self.message)


@dataclass(frozen=True)
class Admitted:
    """What a batch's admission decided: the arrivals to apply, in order, and how many parked."""

    due: list[Arrival]
    parked: int


class Delivered(Enum):
    """What became of a message."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    PARKED = "parked"


async def deliver(
    engine: AsyncEngine, group: str, event: RecordedEvent, handler: Handler, message: StoredMessage
) -> Delivered:
    """Park behind the case's dead letter, skip a repeat, or apply the handler with the inbox."""
    async with engine.begin() as conn:
        await lock_case(conn, group, event.case_id)
        blocker = await open_blocker(conn, group, event.case_id)
        if blocker is not None:
            await park(conn, group, event.case_id, message, blocker)
            return Delivered.PARKED
        if not await apply_in(conn, group, event, handler):
            return Delivered.DUPLICATE
    return Delivered.APPLIED


async def admit_batch(conn: AsyncConnection, group: str, arrivals: Sequence[Arrival]) -> Admitted:
    """Park, skip repeats and enter the inbox for a partition's batch, as `deliver` would each.

    Every case of the batch is locked first, in one order (so two batches never deadlock); a
    message of a case with an open dead letter is parked; the others enter the inbox in one
    statement, and those it had not seen before are due, in partition order. A repeat inside
    the batch (the broker has no idempotent producer) is due once, at its first arrival. The
    caller applies the due ones in `conn` before it commits.
    """
    cases = sorted({a.event.case_id for a in arrivals})
    await lock_cases(conn, group, cases)
    blockers = await open_blockers(conn, group, cases)
    for arrival in arrivals:
        case = arrival.event.case_id
        if case in blockers:
            await park(conn, group, case, arrival.stored(), blockers[case])
    clear = [a for a in arrivals if a.event.case_id not in blockers]
    unseen = await enter_inbox(conn, group, [a.event.event_id for a in clear])
    due: list[Arrival] = []
    for arrival in clear:
        if arrival.event.event_id in unseen:
            unseen.discard(arrival.event.event_id)
            due.append(arrival)
    return Admitted(due, len(arrivals) - len(clear))


async def enter_inbox(
    conn: AsyncConnection, group: str, event_ids: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    """Record events in the inbox in one statement; the ids that were not there before."""
    if not event_ids:
        return set()
    inserted = await conn.execute(
        text(
            "INSERT INTO inbox (consumer_group, event_id)"
            " SELECT :g, e FROM unnest(CAST(:ids AS uuid[])) AS e"
            " ON CONFLICT DO NOTHING RETURNING event_id"
        ),
        {"g": group, "ids": list(event_ids)},
    )
    return set(inserted.scalars())


async def apply_in(
    conn: AsyncConnection, group: str, event: RecordedEvent, handler: Handler
) -> bool:
    """Record the event in the inbox and run the handler in `conn`; False if it was there."""
    if not await enter_inbox(conn, group, [event.event_id]):
        return False
    await handler(event, conn)
    return True


async def lock_case(conn: AsyncConnection, group: str, case_key: str) -> None:
    """Serialise dead-letter decisions about one case of one group until the transaction ends."""
    await conn.execute(
        text("SELECT pg_advisory_xact_lock(hashtext(:g), hashtext(:c))"),
        {"g": group, "c": case_key},
    )


async def lock_cases(conn: AsyncConnection, group: str, case_keys: Sequence[str]) -> None:
    """`lock_case` for many cases in one statement, in the order of their lock keys.

    PostgreSQL evaluates a volatile function of the select list after the sort, so the locks are
    taken in key order whatever the batch: batches of two partitions sharing cases wait for each
    other and never deadlock.
    """
    await conn.execute(
        text(
            "SELECT pg_advisory_xact_lock(hashtext(:g), k) FROM (SELECT DISTINCT hashtext(c) AS k"
            " FROM unnest(CAST(:cases AS text[])) AS c) AS keys ORDER BY k"
        ),
        {"g": group, "cases": list(case_keys)},
    )


async def open_blocker(conn: AsyncConnection, group: str, case_key: str) -> int | None:
    """The case's dead letter (or, while it is being replayed, its oldest parked message)."""
    return (await open_blockers(conn, group, [case_key])).get(case_key)


async def open_blockers(
    conn: AsyncConnection, group: str, case_keys: Sequence[str]
) -> dict[str, int]:
    """`open_blocker` of each case that has one, in one statement."""
    rows = await conn.execute(
        text(
            "SELECT DISTINCT ON (case_key) case_key, id FROM dead_letters"
            " WHERE consumer_group = :g AND case_key = ANY(CAST(:cases AS text[]))"
            " AND status <> 'resolved' ORDER BY case_key, (status = 'dead') DESC, id"
        ),
        {"g": group, "cases": list(case_keys)},
    )
    return {row.case_key: int(row.id) for row in rows}


async def park(
    conn: AsyncConnection, group: str, case_key: str, message: StoredMessage, blocker: int
) -> None:
    """Keep a message of a blocked case behind the case's dead letter (once per event)."""
    reason = f"parked behind dead letter #{blocker}"
    await insert_letter(conn, group, case_key, message, "parked", reason, 0)


async def insert_letter(
    conn: AsyncConnection,
    group: str,
    case_key: str,
    message: StoredMessage,
    status: str,
    reason: str,
    attempts: int,
) -> int | None:
    """Keep a message in the dead-letter table (once per group and event); its id if new."""
    result = await conn.execute(
        text(
            "INSERT INTO dead_letters (consumer_group, event_id, case_key, event_type, topic,"
            ' partition, "offset", status, reason, attempts, headers, value)'
            " VALUES (:g, :e, :c, :t, :topic, :p, :o, :s, :r, :a, :h, :v)"
            " ON CONFLICT (consumer_group, event_id) DO NOTHING RETURNING id"
        ).bindparams(bindparam("h", type_=JSONB)),
        {
            "g": group,
            "e": message.event_id,
            "c": case_key,
            "t": message.event_type,
            "topic": message.topic,
            "p": message.partition,
            "o": message.offset,
            "s": status,
            "r": reason,
            "a": attempts,
            "h": headers_to_json(message.headers),
            "v": message.value,
        },
    )
    row = result.first()
    return None if row is None else int(row.id)


def headers_to_json(headers: Sequence[tuple[str, bytes]]) -> list[dict[str, str]]:
    """Headers as JSON: UTF-8 text where possible, base64 otherwise."""
    out: list[dict[str, str]] = []
    for name, raw in headers:
        try:
            value = raw.decode("utf-8")
            if "\x00" in value:
                raise ValueError("NUL")
            out.append({"name": name, "value": value})
        except ValueError:
            out.append({"name": name, "base64": base64.b64encode(raw).decode("ascii")})
    return out


def headers_from_json(stored: Sequence[dict[str, str]]) -> list[tuple[str, bytes]]:
    """The original header bytes back from their JSON form."""
    return [
        (h["name"], h["value"].encode("utf-8") if "value" in h else base64.b64decode(h["base64"]))
        for h in stored
    ]
