"""Fixtures on the embedded runtime: one PostgreSQL server and one broker per test session."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from services.embedded import (
    EmbeddedBroker,
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    free_port,
)
from services.settings import PROJECT_ROOT, Settings
from shared.db import create_engine, migrate
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore

DATA_DIR = PROJECT_ROOT / ".data"
REQUIREMENT_ID = re.compile(r"^(GEN|INT|VER|PAY|SUP)-\d+$")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a `req` marker that names no requirement or a malformed id."""
    for item in items:
        for marker in item.iter_markers("req"):
            bad = [i for i in marker.args if not isinstance(i, str) or not REQUIREMENT_ID.match(i)]
            if not marker.args or bad:
                raise pytest.UsageError(f"{item.nodeid}: bad req marker {marker.args!r}")


@pytest.fixture(scope="session")
def embedded_postgres() -> Iterator[EmbeddedPostgres]:
    """A throw-away PostgreSQL server for the session (fsync off)."""
    data_dir = DATA_DIR / f"test-pg-{os.getpid()}"
    shutil.rmtree(data_dir, ignore_errors=True)
    server = EmbeddedPostgres(data_dir, free_port(), fast=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    """A memory-only Kafka-protocol broker for the session."""
    embedded = EmbeddedBroker(free_port(), DATA_DIR / "test-broker.log")
    embedded.start()
    try:
        yield embedded
    finally:
        embedded.stop()


@pytest.fixture
def kafka_bootstrap(broker: EmbeddedBroker) -> str:
    """The session broker's bootstrap address."""
    return broker.bootstrap_servers


@pytest.fixture
async def database_url(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[str]:
    """The asyncpg URL of a fresh, empty database, dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    server_url = embedded_postgres.server_url
    await ensure_database(server_url, name)
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        await drop_database(server_url, name)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the fresh database with the kernel tables migrated."""
    created = create_engine(database_url)
    await migrate(created, KERNEL_MIGRATIONS)
    try:
        yield created
    finally:
        await created.dispose()


@pytest.fixture
def event_store(engine: AsyncEngine) -> EventStore:
    """The event store on the fresh database."""
    return EventStore(engine)


@pytest.fixture
def settings(
    embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker, tmp_path: Path
) -> Settings:
    """Settings pointing at the embedded server and broker, with a private data directory."""
    return Settings.from_env(
        {
            "SAFETYNET_DATA_DIR": str(tmp_path),
            "DATABASE_URL": embedded_postgres.server_url,
            "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
            "KAFKA_ENABLE_IDEMPOTENCE": "false",
        }
    )
