"""One embedded PostgreSQL (fsync on) and one broker for the run; a fresh database per peer."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.engine import make_url

from services.embedded import EmbeddedBroker, EmbeddedPostgres, ensure_database, free_port
from services.settings import PROJECT_ROOT

DATA_DIR = PROJECT_ROOT / ".data"
PG_DIR = DATA_DIR / "bench-pg"
BROKER_LOG = DATA_DIR / "bench-broker.log"


@dataclass(frozen=True)
class Runtime:
    """The running server and broker."""

    postgres: EmbeddedPostgres
    broker: EmbeddedBroker

    @property
    def bootstrap(self) -> str:
        """The broker's bootstrap address."""
        return self.broker.bootstrap_servers

    async def fresh_database(self, name: str) -> str:
        """Create an empty database `name`; return its asyncpg SQLAlchemy URL."""
        await ensure_database(self.postgres.server_url, name)
        return database_url(self.postgres.server_url, name)


def database_url(server_url: str, name: str) -> str:
    """The server URL pointed at database `name`."""
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def plain_dsn(sqlalchemy_url: str) -> str:
    """A libpq-style DSN (for raw asyncpg) from a SQLAlchemy URL."""
    url = make_url(sqlalchemy_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


@contextmanager
def started() -> Iterator[Runtime]:
    """Start PostgreSQL (fsync on) under .data/bench-pg and a broker; remove both afterwards."""
    shutil.rmtree(PG_DIR, ignore_errors=True)
    postgres = EmbeddedPostgres(PG_DIR, free_port(), fast=False)
    broker = EmbeddedBroker(free_port(), BROKER_LOG)
    postgres.start()
    try:
        broker.start()
        try:
            yield Runtime(postgres, broker)
        finally:
            broker.stop()
    finally:
        postgres.stop()
        shutil.rmtree(PG_DIR, ignore_errors=True)
