"""Distributed mode: two replicas per service on one broker; SIGKILL one of each under load."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from services import status, verify_audit
from services.embedded import EmbeddedBroker, EmbeddedPostgres
from services.settings import SERVICES, Settings
from shared.clock import today
from shared.db import create_engine
from shared.identity import check_char
from shared.messaging.dead_letters import list_dead_letters
from tests.reliability.replicas import Replicas, running_replicas
from tests.support import eventually

TOWNSHIP = "620102001"
CASES_BEFORE_KILL = 12
CASES_AFTER_KILL = 12
REACHED_THE_TRAIL = ("intake.ApplicationSubmitted", "verification.CaseOpened")


@pytest.fixture(scope="module")
def replicas(
    embedded_postgres: EmbeddedPostgres,
    broker: EmbeddedBroker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Replicas]:
    """Every service twice, against one broker and the services' own databases."""
    data_dir: Path = tmp_path_factory.mktemp("replicas")
    with running_replicas(embedded_postgres.server_url, broker.bootstrap_servers, data_dir) as rs:
        yield rs


def resident_id(n: int) -> str:
    """A valid resident ID of someone born in 1960 in Chengguan district, sequence n."""
    first17 = f"62010219600101{n:03d}"
    return first17 + check_char(first17)


def application(n: int, signed_on: date) -> dict[str, object]:
    """A one-person urban dibao application of applicant n, authorised on `signed_on`."""
    applicant = resident_id(n)
    return {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": [{"resident_id": applicant, "name": f"申请人{n}", "relation": "self"}],
        "declared_monthly_income_fen": 30_000,
        "declared_assets_fen": 0,
        "authorisation": {
            "signed_by_resident_id": applicant,
            "signed_on": signed_on.isoformat(),
            "document_ref": f"城关区-授权-{n:04d}",
        },
    }


async def submit(client: httpx.AsyncClient, rs: Replicas, n: int, replicas: list[str]) -> str:
    """Submit application n to the first replica that answers, retrying with the same key."""
    key = str(uuid.uuid4())
    body = application(n, today(rs.clock) - timedelta(days=15))
    headers = {**rs.auth("township_officer", TOWNSHIP), "Idempotency-Key": key}
    for replica in replicas:
        try:
            url = f"{rs.urls[('intake', replica)]}/v1/applications"
            answer = await client.post(url, json=body, headers=headers)
        except httpx.TransportError:
            continue  # that replica was killed mid-request: the same key goes to the other one
        assert answer.status_code in (200, 201), answer.text
        return str(answer.json()["application_id"])
    raise AssertionError(f"no intake replica accepted application {n}")


async def trail_counts(rs: Replicas) -> dict[tuple[str, str], int]:
    """How many entries of each type each case has in supervision's audit trail."""
    engine = create_engine(rs.database_urls["supervision"])
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT case_id, type, count(*) AS n FROM audit_trail GROUP BY case_id, type")
            )
            return {(r.case_id, r.type): int(r.n) for r in rows}
    finally:
        await engine.dispose()


async def count_case_opened(rs: Replicas) -> dict[str, int]:
    """How many CaseOpened events verification's store holds per case."""
    engine = create_engine(rs.database_urls["verification"])
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT metadata->>'case_id' AS case_id, count(*) AS n FROM events"
                    " WHERE type = 'verification.CaseOpened' GROUP BY 1"
                )
            )
            return {r.case_id: int(r.n) for r in rows}
    finally:
        await engine.dispose()


@pytest.mark.slow
@pytest.mark.req("GEN-10")
async def test_killing_one_replica_of_each_group_under_load_loses_and_doubles_nothing(
    replicas: Replicas,
) -> None:
    async with httpx.AsyncClient(timeout=15) as client:
        await replicas.wait_until_healthy(client)

        # given applications flowing through both intake replicas
        first = [
            asyncio.create_task(submit(client, replicas, n, ["a", "b"] if n % 2 else ["b", "a"]))
            for n in range(CASES_BEFORE_KILL)
        ]
        # when replica "a" of every service is SIGKILLed while some of them are still in flight
        await eventually(lambda: sum(t.done() for t in first) >= 3, message="no first answers")
        replicas.kill("a")
        rest = [
            asyncio.create_task(submit(client, replicas, n, ["b"]))
            for n in range(CASES_BEFORE_KILL, CASES_BEFORE_KILL + CASES_AFTER_KILL)
        ]
        cases = set(await asyncio.gather(*first, *rest))
        assert len(cases) == CASES_BEFORE_KILL + CASES_AFTER_KILL

        # then the surviving replicas take over: every case reaches supervision's audit trail
        async def all_cases_in_the_trail() -> bool:
            counts = await trail_counts(replicas)
            return all((c, t) in counts for c in cases for t in REACHED_THE_TRAIL)

        try:
            await eventually(all_cases_in_the_trail, timeout=120, interval=0.5)
        except AssertionError:
            counts = await trail_counts(replicas)
            wanted = [(c, t) for c in cases for t in REACHED_THE_TRAIL]
            missing = sorted(pair for pair in wanted if pair not in counts)
            raise AssertionError(f"not in the audit trail after 120 s: {missing}") from None

    # and none twice: one submission and one opened verification case per application
    counts = await trail_counts(replicas)
    assert {counts[(c, t)] for c in cases for t in REACHED_THE_TRAIL} == {1}
    opened = await count_case_opened(replicas)  # other modules' cases may share the broker
    assert {c: opened.get(c) for c in cases} == dict.fromkeys(cases, 1)


@pytest.mark.slow
@pytest.mark.req("GEN-9")
async def test_status_and_audit_of_the_running_replicas_show_every_service_caught_up(
    replicas: Replicas, tmp_path: Path
) -> None:
    # given the replicas' databases (after the load of the previous test, or a fresh start)
    env = {f"{s.upper()}_DATABASE_URL": u for s, u in replicas.database_urls.items()}
    settings = Settings.from_env({**env, "SAFETYNET_DATA_DIR": str(tmp_path)})

    # when the status is taken once the relays have published everything
    async def outboxes_drained() -> bool:
        report = await status.status(settings)
        return all(figures["outbox"]["lag"] == 0 for figures in report.values())

    await eventually(outboxes_drained, timeout=60, interval=0.5, message="outbox never drained")
    report = await status.status(settings)

    # then all four services answer with consumer partitions, dead letters and checkpoints
    assert set(report) == set(SERVICES)
    assert {c["group"] for c in report["supervision"]["consumers"]} >= {"supervision.audit"}
    dead = {service: f["dead_letters"] for service, f in report.items() if f["dead_letters"]}
    assert dead == {}, await _dead_letter_reasons(settings, dead)
    assert report["verification"]["projections"], "verification has a projection checkpoint"
    printed = status.render(report)
    assert all(f"== {s} ==" in printed for s in SERVICES)
    # and every chain in every store is intact
    audit = await verify_audit.verify_audit(settings)
    assert audit.ok and audit.streams["intake"] > 0, verify_audit.render(audit)


async def _dead_letter_reasons(settings: Settings, dead: dict[str, object]) -> str:
    """The reasons of the dead letters, for the failure message."""
    lines = [str(dead)]
    for service in dead:
        engine = create_engine(settings.database_url_for(service))
        try:
            for letter in await list_dead_letters(engine):
                lines.append(f"{service} #{letter.id} {letter.event_type}: {letter.reason}")
        finally:
            await engine.dispose()
    return "\n".join(lines)
