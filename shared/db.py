"""Database engines and the migration runner: ordered, recorded, idempotent, serialised."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeAlias

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.util import greenlet_spawn

from shared.canonical import canonical_json

MIGRATION_LOCK_KEY = 7_310_001

Connection: TypeAlias = AsyncConnection | asyncpg.Connection
"""A unit of work's connection: SQLAlchemy's, or on a hot path the driver's own (ADR 0012)."""


@dataclass(frozen=True)
class Migration:
    """One schema change: a stable id (`kernel-0001`, `intake-0001`) and the SQL that applies it."""

    id: str
    statements: tuple[str, ...]


def create_engine(url: str, pool_size: int = 10) -> AsyncEngine:
    """An async SQLAlchemy engine on asyncpg that writes JSON canonically (unescaped Unicode)."""
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=False,  # saves a round trip per checkout; broken connections are dropped
        pool_recycle=1800,
        json_serializer=canonical_json,
        json_deserializer=json.loads,
    )


# after these the connection's state is unknown (broken, or cancelled mid-statement): not reused
_CONNECTION_IN_DOUBT = (
    asyncpg.InterfaceError,
    asyncpg.PostgresConnectionError,
    OSError,
    asyncio.CancelledError,
)


@asynccontextmanager
async def driver_connection(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A connection from `engine`'s pool, on the driver, outside any transaction.

    For hot reads of one statement (a statement is atomic on its own): no BEGIN before it and no
    ROLLBACK when the connection goes back to the pool, so one round trip instead of three, and
    the rows come back as the driver decodes them (jsonb already parsed by the engine's codec).
    A connection that failed at the driver level is invalidated, not pooled again.
    """
    pooled = await engine.raw_connection()
    try:
        driver = pooled.driver_connection
        assert isinstance(driver, asyncpg.Connection), "SafetyNet runs on the asyncpg driver"
        yield driver
    except _CONNECTION_IN_DOUBT:
        pooled.invalidate()
        raise
    finally:
        await greenlet_spawn(pooled.close)  # back to the pool; closing an overflow one awaits


@asynccontextmanager
async def driver_transaction(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A connection from `engine`'s pool, on the driver, inside BEGIN … COMMIT (ROLLBACK on error).

    For the hottest commands (ADR 0012): the same pool and the same transaction semantics as
    `engine.begin()`, without SQLAlchemy's connection, transaction and greenlet layers around
    every step.
    """
    async with driver_connection(engine) as driver, driver.transaction():
        yield driver


async def fetch_dicts(engine: AsyncEngine, sql: str, *args: object) -> list[dict[str, Any]]:
    """The rows of one read-only statement (`$1`… parameters) as dicts, on the driver."""
    async with driver_connection(engine) as driver:
        return [dict(row) for row in await driver.fetch(sql, *args)]


async def driver_in_transaction(conn: Connection) -> asyncpg.Connection:
    """The asyncpg connection under `conn`, with the SQLAlchemy transaction's BEGIN sent.

    Hot paths run their statements on the driver directly (no statement compilation, no greenlet
    hop). SQLAlchemy's asyncpg adapter sends BEGIN lazily, on its own first statement; a raw
    statement issued before that would run outside the transaction, so it is begun here first.
    A driver connection (from `driver_transaction`) is its own answer.
    """
    if isinstance(conn, asyncpg.Connection):
        return conn
    sync = conn.sync_connection
    if sync is not None and not sync.closed and not sync.invalidated:
        fairy = sync.connection  # checked out already: an attribute read, no I/O to await
    else:
        fairy = await conn.get_raw_connection()
    adapted: Any = fairy.dbapi_connection
    if adapted._transaction is None and conn.in_transaction():
        await adapted._start_transaction()  # what the adapter does before its own first statement
    driver = fairy.driver_connection
    assert isinstance(driver, asyncpg.Connection), "SafetyNet runs on the asyncpg driver"
    return driver


async def migrate(engine: AsyncEngine, migrations: Sequence[Migration]) -> list[str]:
    """Apply the migrations not yet recorded, in order, under an advisory lock; return them."""
    applied: list[str] = []
    async with engine.begin() as conn:
        await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        await conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
        )
        done = set((await conn.execute(text("SELECT id FROM schema_migrations"))).scalars())
        for migration in migrations:
            if migration.id in done:
                continue
            for statement in migration.statements:
                await conn.execute(text(statement))
            await conn.execute(
                text("INSERT INTO schema_migrations (id) VALUES (:id)"), {"id": migration.id}
            )
            applied.append(migration.id)
    return applied
