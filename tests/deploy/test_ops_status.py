"""`status` and `verify-audit` against real PostgreSQL databases, one per service."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from services import status, verify_audit
from services.embedded import EmbeddedPostgres, drop_database, ensure_database
from services.settings import SERVICES, Settings
from shared.db import create_engine, migrate
from shared.eventstore import Actor, EventMetadata, EventStore, NewEvent
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import NO_STREAM

CLERK = Actor(id="clerk-1", role="township_officer", org="城关镇", division="620102001")


@pytest.fixture
async def ops_settings(
    embedded_postgres: EmbeddedPostgres, tmp_path: Path
) -> AsyncIterator[Settings]:
    """Settings whose four service databases are fresh and migrated with the kernel tables."""
    server = embedded_postgres.server_url
    names = {s: f"ops_{uuid.uuid4().hex[:8]}_{s}" for s in SERVICES}
    env = {"SAFETYNET_DATA_DIR": str(tmp_path), "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9"}
    for service, name in names.items():
        await ensure_database(server, name)
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
        env[f"{service.upper()}_DATABASE_URL"] = url
        engine = create_engine(url)
        await migrate(engine, KERNEL_MIGRATIONS)
        await engine.dispose()
    try:
        yield Settings.from_env(env)
    finally:
        for name in names.values():
            await drop_database(server, name)


async def append_case(settings: Settings, service: str, case_id: str, events: int) -> None:
    """Append `events` events to one case stream of a service's store."""
    engine = create_engine(settings.database_url_for(service))
    meta = EventMetadata(actor=CLERK, channel="counter", reason="受理", case_id=case_id)
    batch = [NewEvent(f"{service}.Happened", {"n": n}, meta) for n in range(events)]
    await EventStore(engine).append(case_id, batch, NO_STREAM)
    await engine.dispose()


async def run_sql(settings: Settings, service: str, statement: str) -> None:
    """One statement on a service's database."""
    engine = create_engine(settings.database_url_for(service))
    async with engine.begin() as conn:
        await conn.execute(text(statement))
    await engine.dispose()


@pytest.mark.req("GEN-9")
async def test_status_reports_outbox_lag_consumer_lag_dead_letters_and_checkpoints(
    ops_settings: Settings,
) -> None:
    # given 3 events in intake, 2 of them relayed, a consumer 4 behind, a dead letter, a projection
    await append_case(ops_settings, "intake", "case-1", 3)
    await run_sql(
        ops_settings,
        "intake",
        "INSERT INTO relay_checkpoints VALUES ('safetynet.intake.events', 2, 0, now())",
    )
    await run_sql(
        ops_settings,
        "verification",
        "INSERT INTO consumer_partitions VALUES "
        "('verification-intake', 'safetynet.intake.events', 3, 0, 6, 10, now())",
    )
    await run_sql(
        ops_settings,
        "verification",
        "INSERT INTO dead_letters (consumer_group,"
        ' event_id, case_key, event_type, topic, partition, "offset", status, reason,'
        " attempts, headers, value) VALUES ('verification-intake',"
        f" '{uuid.uuid4()}', 'case-1', 'intake.Happened', 'safetynet.intake.events',"
        " 3, 5, 'dead', 'boom', 5, '[]', '\\x00')",
    )
    await run_sql(
        ops_settings,
        "intake",
        "INSERT INTO projection_checkpoints VALUES ('applications', 1, now())",
    )

    # when the status is read
    report = await status.status(ops_settings)

    # then each figure is as stored, and the table prints them
    assert report["intake"]["outbox"] == {"relayed_to": 2, "lag": 1}
    assert report["intake"]["projections"] == {"applications": {"position": 1, "behind": 2}}
    [partition] = report["verification"]["consumers"]
    assert (partition["group"], partition["partition"], partition["lag"]) == (
        "verification-intake",
        3,
        4,
    )
    assert report["verification"]["dead_letters"] == {"verification-intake": {"dead": 1}}
    assert set(report) == set(SERVICES)
    table = status.render(report)
    assert "outbox lag" in table and "verification-intake" in table


async def test_status_names_a_database_it_cannot_reach(ops_settings: Settings) -> None:
    await run_sql(ops_settings, "payments", "DROP TABLE relay_checkpoints")
    report = await status.status(ops_settings)
    assert "relay_checkpoints" in report["payments"]["error"]
    assert "error" not in report["intake"]


@pytest.mark.req("SUP-1", "GEN-9")
async def test_verify_audit_walks_every_chain_and_names_an_altered_event(
    ops_settings: Settings,
) -> None:
    # given two cases in intake and one in payments, all intact
    await append_case(ops_settings, "intake", "case-a", 3)
    await append_case(ops_settings, "intake", "case-b", 2)
    await append_case(ops_settings, "payments", "case-a", 2)
    seen: list[tuple[str, int, int]] = []
    intact = await verify_audit.verify_audit(ops_settings, progress=lambda *p: seen.append(p))
    assert intact.ok and intact.streams == {
        "intake": 2,
        "verification": 0,
        "payments": 1,
        "supervision": 0,
    }
    assert ("intake", 2, 2) in seen

    # when version 2 of case-a is altered in payments' database
    await run_sql(
        ops_settings,
        "payments",
        "UPDATE events SET data = '{\"n\": 99}' WHERE stream_id = 'case-a' AND stream_version = 2",
    )

    # then the audit of that case fails and names service, stream and version
    verdict = await verify_audit.verify_audit(ops_settings, "case-a")
    assert not verdict.ok
    [(service, broken)] = verdict.broken
    assert (service, broken.stream_id, broken.first_bad_version) == ("payments", "case-a", 2)
    printed = verify_audit.render(verdict)
    assert "BROKEN" in printed and "case-a" in printed and "AUDIT FAILED" in printed
