"""INT-4 over the real broker: verification's decision, relayed to Kafka, marks the programme."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from intake.bootstrap import build
from services.embedded import EmbeddedPostgres, drop_database, ensure_database
from shared.clock import ManualClock
from shared.db import create_engine, migrate
from shared.eventstore.envelope import Actor, EventMetadata, NewEvent
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.messaging.relay import OutboxRelay
from shared.runtime import ServiceConfig
from tests.intake.conftest import FRIDAY_MORNING, Intake, body
from tests.intake.integration.verification_support import approval_data
from tests.support import eventually


@pytest.fixture
async def wired_intake(
    database_url: str, tmp_path: Path, kafka_bootstrap: str
) -> AsyncIterator[Intake]:
    """Intake whose consumer listens on the session broker."""
    private, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    config = ServiceConfig(
        service="intake",
        database_url=database_url,
        kafka=KafkaConfig(kafka_bootstrap, False, f"intake-{uuid.uuid4().hex[:6]}"),
        token_public_key_pem=public,
        jwt_issuer="test",
        jwt_audience="safetynet",
        consumer_backoff_base_s=0.05,
    )
    runtime = build(replace(config, clock=ManualClock(FRIDAY_MORNING)))
    await runtime.migrate()
    yield Intake(runtime, TokenSigner(private, "test", "safetynet"), runtime.app.state.clock)
    await runtime.close()


@pytest.fixture
async def verification_store(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[EventStore]:
    """A stand-in verification event store (its own database), the source of the decisions."""
    name = f"t_ver_{uuid.uuid4().hex[:10]}"
    await ensure_database(embedded_postgres.server_url, name)
    url = make_url(embedded_postgres.server_url).set(database=name)
    engine = create_engine(url.render_as_string(hide_password=False))
    await migrate(engine, KERNEL_MIGRATIONS)
    yield EventStore(engine)
    await engine.dispose()
    await drop_database(embedded_postgres.server_url, name)


@pytest.mark.req("INT-4", "GEN-3")
async def test_a_verification_approval_on_kafka_marks_the_programme_decided(
    wired_intake: Intake, verification_store: EventStore, kafka_bootstrap: str
) -> None:
    intake = wired_intake
    # given an application for dibao and education assistance
    async with intake.client() as client:
        created = await client.post(
            "/v1/applications",
            json=body(programmes=["urban_dibao", "education_assistance"]),
            headers=intake.headers(),
        )
    case_id = created.json()["application_id"]
    # when verification approves dibao and its relay publishes the event
    approved = NewEvent(
        "verification.CaseApproved",
        approval_data(case_id, "urban_dibao"),
        EventMetadata(Actor("c-1", "county_officer", "城关区民政局", "620102"), "api",
                      "审批通过", case_id=case_id),
    )  # fmt: skip
    await verification_store.append(f"verification-{case_id}-urban_dibao", [approved], 0)
    relay = OutboxRelay(
        "verification",
        verification_store.engine,
        verification_store,
        KafkaConfig(kafka_bootstrap, False, "verification-test"),
    )
    stop = asyncio.Event()
    tasks = [asyncio.create_task(relay.run(stop))]
    tasks += [asyncio.create_task(c.run(stop)) for c in intake.runtime.consumers]
    try:
        # then intake's consumer tracks the decision on the application, caused by that event
        await eventually(
            lambda: _decided(intake), timeout=60, message="the decision never reached intake"
        )
    finally:
        stop.set()
        for task in tasks:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 15)
        await relay.close()
    decided = await intake.events_of("intake.ProgrammeDecided")
    assert [(d["data"]["programme"], d["data"]["outcome"]) for d in decided] == [
        ("urban_dibao", "approved")
    ]
    assert decided[0]["metadata"]["causation_id"] == str(approved.event_id)


async def _decided(intake: Intake) -> bool:
    return bool(await intake.events_of("intake.ProgrammeDecided"))
