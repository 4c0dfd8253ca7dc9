"""Runs projections over the service's own log: batch + checkpoint in one transaction; rebuilds.

Each projection declares the event types it handles; the runner hands it only those, in log order,
and moves its checkpoint past the others all the same (a batch with none of them just moves it).

A rebuild replays from position zero into fresh copies of the projection's tables in a scratch
schema (the projection's SQL uses unqualified names, so `search_path` redirects it), then swaps
them in under the projection's lock: readers see the old model until the new one is complete.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.store import EventStore

Progress = Callable[[int, int], None]
ProjectionHandler = Callable[[RecordedEvent, AsyncConnection], Awaitable[None]]


class Projection:
    """A read model: the tables it owns and, for each event type it applies, how one event of
    that type changes them (idempotent upserts)."""

    name: ClassVar[str]
    tables: ClassVar[tuple[str, ...]]
    handlers: Mapping[str, ProjectionHandler]
    """Event type → its handler: the one dispatch of every projection. The runner hands the
    projection only these types, so a handler may assume its type. A class attribute, or set
    in `__init__` where a handler needs a wired part (a key, a clock)."""

    @property
    def handles(self) -> frozenset[str]:
        """The event types it applies."""
        return frozenset(self.handlers)

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Apply one event of a handled type."""
        await self.handlers[event.type](event, conn)

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        """Apply a batch of handled events in log order; override with set-based SQL where one
        statement will do."""
        for event in batch:
            await self.handle(event, conn)


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild replayed."""

    projection: str
    events_replayed: int
    position: int


class ProjectionRunner:
    """Keeps a service's projections caught up with its event store."""

    def __init__(
        self,
        engine: AsyncEngine,
        store: EventStore,
        projections: list[Projection],
        batch_size: int = 1000,
    ) -> None:
        for projection in projections:
            _check_declared(projection)
        self.engine = engine
        self.store = store
        self.projections = {p.name: p for p in projections}
        self.batch_size = batch_size

    async def checkpoint(self, name: str) -> int:
        """The last position the projection has applied."""
        async with self.engine.connect() as conn:
            return await _checkpoint(conn, name)

    async def catch_up(self, name: str, wait: bool = True) -> int:
        """Apply every event after the checkpoint; return how many the checkpoint moved past
        (the projection's types applied, the others skipped).

        With `wait=False` a catch-up already under way elsewhere (it reads the same log) is left
        to finish the work: this one returns at once instead of queueing for the lock.
        """
        projection, applied = self.projections[name], 0
        while True:
            async with self.engine.begin() as conn:
                if wait:
                    await _lock(conn, name)
                elif not await _try_lock(conn, name):
                    return applied
                position = await _checkpoint(conn, name)
                batch = await self.store.read_all(position, self.batch_size)
                if not batch:
                    return applied
                await _apply(projection, batch, conn)
                await _save_checkpoint(conn, name, batch[-1].position)
            applied += len(batch)

    async def catch_up_all(self) -> int:
        """Catch up every projection, reading each batch of the log once for all of them.

        Each batch is applied to every projection still behind its end, in one transaction
        holding every projection's lock (taken in name order, so no deadlock with `catch_up`).
        A batch shorter than `batch_size` reached the log's end: the pass stops there, without
        a further transaction to find the log empty.
        """
        names, applied = sorted(self.projections), 0
        while True:
            async with self.engine.begin() as conn:
                for name in names:
                    await _lock(conn, name)
                checkpoints = await _checkpoints(conn, names)
                batch = await self.store.read_all(min(checkpoints.values()), self.batch_size)
                if not batch:
                    return applied
                for name in names:
                    behind = [e for e in batch if e.position > checkpoints[name]]
                    if behind:
                        await _apply(self.projections[name], behind, conn)
                        await _save_checkpoint(conn, name, batch[-1].position)
                        applied += len(behind)
            if len(batch) < self.batch_size:
                return applied

    async def run(self, stop: asyncio.Event, poll_interval_s: float = 0.2) -> None:
        """Catch up, then wait `poll_interval_s`, until `stop` is set.

        The wait follows every pass that reached the log's end, not only an empty one: under a
        steady stream of appends a pass then takes what arrived in the interval in one
        transaction, instead of passes back to back each taking the one or two events that
        arrived during the last (each pass pays the locks, checkpoints and a read). The read
        models trail the log by at most the interval and a pass, as they did when idle."""
        while not stop.is_set():
            await self.catch_up_all()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), poll_interval_s)

    async def rebuild(self, name: str, progress: Progress | None = None) -> RebuildReport:
        """Replay from zero into fresh tables, then swap them in atomically."""
        projection = self.projections[name]
        scratch = f"rebuild_{uuid.uuid4().hex[:12]}"
        await self._create_scratch(projection, scratch)
        position, replayed = await self._replay_into(projection, scratch, 0, progress)
        async with self.engine.begin() as conn:
            await _lock(conn, name)
            position, tail = await self._replay_tail(projection, scratch, position, conn)
            await _swap(conn, projection, scratch)
            await _save_checkpoint(conn, name, position)
        return RebuildReport(name, replayed + tail, position)

    async def _create_scratch(self, projection: Projection, scratch: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{scratch}"'))
            for table in projection.tables:
                await conn.execute(
                    text(
                        f'CREATE TABLE "{scratch}"."{table}" (LIKE public."{table}" INCLUDING ALL)'
                    )
                )

    async def _replay_into(
        self, projection: Projection, scratch: str, position: int, progress: Progress | None
    ) -> tuple[int, int]:
        head, replayed = await self.store.head_position(), 0
        while True:
            batch = await self.store.read_all(position, self.batch_size)
            if not batch:
                return position, replayed
            async with self.engine.begin() as conn:
                await conn.execute(text(f'SET LOCAL search_path TO "{scratch}", public'))
                await _apply(projection, batch, conn)
            position, replayed = batch[-1].position, replayed + len(batch)
            if progress:
                progress(position, max(head, position))

    async def _replay_tail(
        self, projection: Projection, scratch: str, position: int, conn: AsyncConnection
    ) -> tuple[int, int]:
        await conn.execute(text(f'SET LOCAL search_path TO "{scratch}", public'))
        tail = 0
        while batch := await self.store.read_all(position, self.batch_size):
            await _apply(projection, batch, conn)
            position, tail = batch[-1].position, tail + len(batch)
        await conn.execute(text("SET LOCAL search_path TO public"))
        return position, tail


def _check_declared(projection: Projection) -> None:
    handlers = getattr(projection, "handlers", None)
    if not isinstance(handlers, Mapping) or not handlers:
        raise TypeError(
            f"projection {projection.name!r} must declare its handlers:"
            " a non-empty mapping of event type → handler"
        )


async def _apply(projection: Projection, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
    """Hand the projection the batch's events of its types, in log order; none, no call."""
    handled = [event for event in batch if event.type in projection.handles]
    if handled:
        await projection.handle_batch(handled, conn)


async def _swap(conn: AsyncConnection, projection: Projection, scratch: str) -> None:
    for table in projection.tables:
        await conn.execute(text(f'DROP TABLE public."{table}"'))
        await conn.execute(text(f'ALTER TABLE "{scratch}"."{table}" SET SCHEMA public'))
    await conn.execute(text(f'DROP SCHEMA "{scratch}"'))


def lock_key(name: str) -> str:
    """The advisory lock a projection's catch-ups and rebuilds take (hashed by PostgreSQL)."""
    return f"projection:{name}"


async def _lock(conn: AsyncConnection, name: str) -> None:
    await conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": lock_key(name)})


async def _try_lock(conn: AsyncConnection, name: str) -> bool:
    held = await conn.scalar(
        text("SELECT pg_try_advisory_xact_lock(hashtext(:k))"), {"k": lock_key(name)}
    )
    return bool(held)


async def _checkpoint(conn: AsyncConnection, name: str) -> int:
    result = await conn.execute(
        text("SELECT position FROM projection_checkpoints WHERE projection = :p"), {"p": name}
    )
    return int(result.scalar_one_or_none() or 0)


async def _checkpoints(conn: AsyncConnection, names: list[str]) -> dict[str, int]:
    rows = await conn.execute(
        text("SELECT projection, position FROM projection_checkpoints WHERE projection = ANY(:ps)"),
        {"ps": names},
    )
    found = {r.projection: int(r.position) for r in rows}
    return {name: found.get(name, 0) for name in names}


async def _save_checkpoint(conn: AsyncConnection, name: str, position: int) -> None:
    await conn.execute(
        text(
            "INSERT INTO projection_checkpoints (projection, position) VALUES (:p, :pos)"
            " ON CONFLICT (projection) DO UPDATE SET position = :pos, updated_at = now()"
        ),
        {"p": name, "pos": position},
    )
