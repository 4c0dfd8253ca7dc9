"""The folded floor of `make bench-intake` writes what intake's unit of work writes, and refuses
what it refuses, or its figure would be the floor of some other work (ADR 0057)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bench.intake_http import prepare_floor_database
from bench.intake_peers import FOLDED_FUNCTION, SUBMIT, Submission, prepared, submit_args
from bench.runtime import plain_dsn
from intake.schemas import ApplicationCreate
from shared.eventstore import Actor, EventMetadata
from tests.intake.conftest import body

METADATA = EventMetadata(Actor("officer-1", "township_officer", "城关区民政", "620102001"), "test")
COUNTS = """
SELECT (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM household_members) AS members,
       (SELECT count(*) FROM open_claims) AS claims,
       (SELECT count(*) FROM idempotency_keys WHERE status_code = 201) AS answers
"""


@pytest.fixture
async def conn(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    await prepare_floor_database(database_url, FOLDED_FUNCTION)
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        yield connection
    finally:
        await connection.close()


def _submission() -> Submission:
    return prepared(ApplicationCreate.model_validate(body()), "fingerprint", METADATA)


async def _submit(conn: asyncpg.Connection, submission: Submission, key: str) -> bool:
    return bool(await conn.fetchval(SUBMIT, *submit_args(submission, "bench", key, "620102001")))


async def test_one_call_writes_the_events_the_register_and_the_answer(
    conn: asyncpg.Connection,
) -> None:
    submission = _submission()
    assert await _submit(conn, submission, "key-1")
    counts = dict(await conn.fetchrow(COUNTS))
    assert counts == {"events": 2, "members": 1, "claims": 1, "answers": 1}
    stream = await conn.fetch("SELECT DISTINCT stream_id FROM events")
    assert [r["stream_id"] for r in stream] == [submission.events.stream_id]


async def test_a_replayed_key_writes_nothing_more(conn: asyncpg.Connection) -> None:
    assert await _submit(conn, _submission(), "key-1")
    assert not await _submit(conn, _submission(), "key-1")
    assert (await conn.fetchrow(COUNTS))["events"] == 2


async def test_a_claim_held_by_another_application_undoes_the_whole_call(
    conn: asyncpg.Connection,
) -> None:
    assert await _submit(conn, _submission(), "key-1")
    with pytest.raises(asyncpg.RaiseError, match="a claim is held elsewhere"):
        await _submit(conn, _submission(), f"key-{uuid.uuid4()}")
    counts = dict(await conn.fetchrow(COUNTS))
    assert counts == {"events": 2, "members": 1, "claims": 1, "answers": 1}
    assert await conn.fetchval("SELECT count(*) FROM idempotency_keys") == 1
