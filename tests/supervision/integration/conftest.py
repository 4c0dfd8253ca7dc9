"""Supervision in-process on a fresh real database, with a manual clock and real tokens."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from services.embedded import EmbeddedPostgres, drop_database, ensure_database
from shared.clock import CHINA, ManualClock
from shared.db import create_engine, migrate
from shared.eventstore.envelope import Actor, EventMetadata, NewEvent, RecordedEvent
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime
from supervision.bootstrap import build
from supervision.reactions.audit_trail import record_in_audit_trail
from tests.support import standing_division

# The instant the `clock` fixture pins: the population's periods (the month before and this one,
# a death reported before next month) and every test's dates are reckoned against it.
PINNED = datetime(2026, 11, 30, 9, 0, tzinfo=CHINA)


@dataclass
class Supervision:
    """The wired service, its clock and a token signer."""

    runtime: ServiceRuntime
    clock: ManualClock
    signer: TokenSigner
    source: EventStore  # a stand-in for another service's own log, in a database of its own

    def client(self) -> httpx.AsyncClient:
        """An HTTP client on the in-process app."""
        transport = httpx.ASGITransport(app=self.runtime.app)
        return httpx.AsyncClient(transport=transport, base_url="http://supervision")

    def headers(self, role: str, division: str, subject: str | None = None) -> dict[str, str]:
        """Bearer token plus a fresh Idempotency-Key."""
        division = standing_division(role, division)
        token = self.signer.mint(subject or f"{role}-{division}", role, division, "督查机构")
        return {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}

    async def copy_in(self, service: str, stream_id: str, type_: str, data: dict) -> RecordedEvent:
        """Record an event in a stand-in source log and copy it into the audit trail."""
        metadata = EventMetadata(
            Actor("officer-1", "township_officer", "城关区某街道", "620102001"),
            "api:test",
            "测试",
            case_id=stream_id,
        )
        recorded = await self.source.append(
            f"{service}:{stream_id}", [NewEvent(type_, data, metadata)], None
        )
        async with self.runtime.engine.begin() as conn:
            for event in recorded:
                await record_in_audit_trail(event, conn)
        return recorded[-1]

    async def feed(self, type_: str, data: dict) -> None:
        """Publish an event from a stand-in source and hand it to the detectors' consumer."""
        case_id = data.get("case_id") or data.get("application_id") or "none"
        metadata = EventMetadata(Actor.system("source"), "kafka", "测试", case_id=case_id)
        service = type_.split(".", 1)[0]
        recorded = await self.source.append(
            f"{service}:{case_id}", [NewEvent(type_, data, metadata)], None
        )
        await self.detect(recorded)

    async def detect(self, recorded: list[RecordedEvent]) -> None:
        """Run the detectors' consumer handler on recorded events, one transaction each."""
        handler = self.runtime.handlers["supervision.detectors"]
        for event in recorded:
            async with self.runtime.engine.begin() as conn:
                await handler(event, conn)

    async def catch_up(self) -> None:
        """Run the projections over everything appended so far."""
        await self.runtime.projections.catch_up_all()


@pytest.fixture
def clock() -> ManualClock:
    """The clock of supervision and of the services whose events it is fed (one stack, one time).

    The population's periods (October and November 2026, a death reported before December) are
    reckoned against it.
    """
    return ManualClock(PINNED)


@pytest.fixture
async def source_store(
    embedded_postgres: EmbeddedPostgres, clock: ManualClock
) -> AsyncIterator[EventStore]:
    """An event store in a database of its own, as another service would have."""
    name = f"src_{uuid.uuid4().hex[:12]}"
    await ensure_database(embedded_postgres.server_url, name)
    url = make_url(embedded_postgres.server_url).set(database=name)
    engine = create_engine(url.render_as_string(hide_password=False))
    await migrate(engine, KERNEL_MIGRATIONS)
    yield EventStore(engine, clock=clock)
    await engine.dispose()
    await drop_database(embedded_postgres.server_url, name)


@pytest.fixture
async def supervision(
    database_url: str, tmp_path: Path, source_store: EventStore, clock: ManualClock
) -> AsyncIterator[Supervision]:
    private, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    config = ServiceConfig(
        service="supervision",
        database_url=database_url,
        kafka=KafkaConfig("127.0.0.1:1", False, "test"),
        token_public_key_pem=public,
        jwt_issuer="test",
        jwt_audience="safetynet",
    )
    runtime = build(replace(config, clock=clock))
    await runtime.migrate()
    yield Supervision(runtime, clock, TokenSigner(private, "test", "safetynet"), source_store)
    await runtime.engine.dispose()
