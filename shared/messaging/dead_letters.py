"""Operators' view of dead letters: list them, look at one, retry it and the case's parked ones."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.messaging.cloudevents import decode
from shared.messaging.delivery import Handler, apply_in, headers_from_json, lock_case
from shared.messaging.public import is_public
from shared.messaging.public_events import decode_public


@dataclass(frozen=True)
class DeadLetter:
    """A message a consumer gave up on ('dead'), held back behind one ('parked'), or resolved."""

    id: int
    consumer_group: str
    event_id: uuid.UUID
    case_key: str
    event_type: str
    topic: str
    partition: int
    offset: int
    status: str
    reason: str
    attempts: int
    headers: list[tuple[str, bytes]]
    value: bytes
    created_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True)
class RetryOutcome:
    """What a retry did: the letters it resolved, in order, and the one still dead (if any)."""

    resolved: list[int] = field(default_factory=list)
    dead: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the retried letter and every parked message behind it were applied."""
        return self.dead is None


class DeadLetterNotFound(LookupError):
    """No open dead letter with that id in that group."""


_COLUMNS = (
    'id, consumer_group, event_id, case_key, event_type, topic, partition, "offset", status,'
    " reason, attempts, headers, value, created_at, resolved_at"
)


async def list_dead_letters(
    engine: AsyncEngine, group: str | None = None, status: str | None = None
) -> list[DeadLetter]:
    """Dead letters, oldest first, optionally of one consumer group and one status."""
    query = f"SELECT {_COLUMNS} FROM dead_letters"
    query += " WHERE (CAST(:g AS text) IS NULL OR consumer_group = :g)"
    query += " AND (CAST(:s AS text) IS NULL OR status = :s) ORDER BY id"
    async with engine.connect() as conn:
        rows = await conn.execute(text(query), {"g": group, "s": status})
        return [_letter(r._mapping) for r in rows]


async def count_dead_letters(engine: AsyncEngine, group: str) -> dict[str, int]:
    """How many dead letters a group has in each status (every status named, 0 when none)."""
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT status, count(*) AS n FROM dead_letters"
                " WHERE consumer_group = :g GROUP BY status"
            ),
            {"g": group},
        )
        counted = {r.status: int(r.n) for r in rows}
    return {s: counted.get(s, 0) for s in ("dead", "parked", "resolved")}


async def get_dead_letter(engine: AsyncEngine, id: int) -> DeadLetter | None:
    """One dead letter by id."""
    async with engine.connect() as conn:
        return await _get(conn, id)


async def retry_dead_letter(
    engine: AsyncEngine, id: int, handler: Handler, group: str
) -> RetryOutcome:
    """Re-run a dead letter; on success replay its case's parked messages in order."""
    letter = await get_dead_letter(engine, id)
    if letter is None or letter.consumer_group != group or letter.status == "resolved":
        raise DeadLetterNotFound(f"no open dead letter #{id} in group {group}")
    if letter.status == "parked" and await _dead_of_case(engine, group, letter.case_key):
        raise DeadLetterNotFound(f"#{id} is parked behind a dead letter: retry that one")
    resolved: list[int] = []
    current: int | None = id
    while current is not None:
        error = await _rerun(engine, current, handler, group)
        if error is not None:
            return RetryOutcome(resolved, current, error)
        resolved.append(current)
        current = await _next_parked(engine, group, letter.case_key)
    return RetryOutcome(resolved)


async def _rerun(engine: AsyncEngine, id: int, handler: Handler, group: str) -> str | None:
    """Apply one stored message through the inbox; resolve it, or mark it dead and say why."""
    try:
        async with engine.begin() as conn:
            letter = await _get(conn, id)
            if letter is None:
                raise DeadLetterNotFound(f"dead letter #{id} vanished")
            await lock_case(conn, group, letter.case_key)
            read = decode_public if is_public(letter.headers) else decode  # webhooks' group
            event = read(letter.headers, letter.value).event
            await apply_in(conn, group, event, handler)
            await conn.execute(
                text(
                    "UPDATE dead_letters SET status = 'resolved', resolved_at = now()"
                    " WHERE id = :id"
                ),
                {"id": id},
            )
        return None
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
        await _still_dead(engine, id, reason)
        return reason


async def _still_dead(engine: AsyncEngine, id: int, reason: str) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE dead_letters SET status = 'dead', reason = :r, attempts = attempts + 1"
                " WHERE id = :id"
            ),
            {"id": id, "r": reason},
        )


async def _dead_of_case(engine: AsyncEngine, group: str, case_key: str) -> bool:
    async with engine.connect() as conn:
        row = await conn.execute(
            text(
                "SELECT 1 FROM dead_letters WHERE consumer_group = :g AND case_key = :c"
                " AND status = 'dead'"
            ),
            {"g": group, "c": case_key},
        )
        return row.first() is not None


async def _next_parked(engine: AsyncEngine, group: str, case_key: str) -> int | None:
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT id FROM dead_letters WHERE consumer_group = :g AND case_key = :c"
                    " AND status = 'parked' ORDER BY id LIMIT 1"
                ),
                {"g": group, "c": case_key},
            )
        ).first()
    return None if row is None else int(row.id)


async def _get(conn: AsyncConnection, id: int) -> DeadLetter | None:
    row = (
        await conn.execute(text(f"SELECT {_COLUMNS} FROM dead_letters WHERE id = :id"), {"id": id})
    ).first()
    return None if row is None else _letter(row._mapping)


def _letter(row: Any) -> DeadLetter:
    fields = dict(row)
    fields["headers"] = headers_from_json(fields["headers"])
    fields["value"] = bytes(fields["value"])
    return DeadLetter(**fields)
