"""`driver_transaction`: a pooled connection's driver inside one transaction (ADR 0012)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db import driver_transaction
from tests.support import eventually


async def _names(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as conn:
        return list((await conn.execute(text("SELECT name FROM notes ORDER BY name"))).scalars())


@pytest.fixture
async def notes(engine: AsyncEngine) -> AsyncEngine:
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE notes (name text PRIMARY KEY)"))
    return engine


async def test_the_work_commits_and_the_connection_goes_back_to_the_pool(
    notes: AsyncEngine,
) -> None:
    async with driver_transaction(notes) as conn:
        await conn.execute("INSERT INTO notes VALUES ('kept')")
        assert conn.is_in_transaction()
    assert await _names(notes) == ["kept"]
    assert notes.sync_engine.pool.checkedout() == 0  # type: ignore[attr-defined]


async def test_an_error_rolls_everything_back(notes: AsyncEngine) -> None:
    with pytest.raises(LookupError):
        async with driver_transaction(notes) as conn:
            await conn.execute("INSERT INTO notes VALUES ('half-written')")
            raise LookupError("refused after writing")
    assert await _names(notes) == []
    # the pooled connection is clean: the next unit of work on it starts a fresh transaction
    async with driver_transaction(notes) as conn:
        await conn.execute("INSERT INTO notes VALUES ('next')")
    assert await _names(notes) == ["next"]


async def test_a_unit_of_work_cancelled_mid_statement_leaves_nothing_behind(
    notes: AsyncEngine,
) -> None:
    # given a unit of work cancelled while its statement runs on the server
    started = asyncio.Event()

    async def slow() -> None:
        async with driver_transaction(notes) as conn:
            await conn.execute("INSERT INTO notes VALUES ('cancelled')")
            started.set()
            await conn.execute("SELECT pg_sleep(30)")

    task = asyncio.create_task(slow())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # then nothing it wrote remains, its connection is not left checked out, and the pool works
    assert notes.sync_engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    await eventually(lambda: _nobody_sleeping(notes), message="the cancelled statement still runs")
    assert await _names(notes) == []
    async with driver_transaction(notes) as conn:
        assert await conn.fetchval("SELECT 1") == 1


async def _nobody_sleeping(engine: AsyncEngine) -> bool:
    async with engine.connect() as conn:
        found = await conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'"
            )
        )
        return int(found.scalar_one()) == 0
