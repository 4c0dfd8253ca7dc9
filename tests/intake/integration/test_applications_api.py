"""Intake's API on the real PostgreSQL: clear errors, nothing half-written, idempotent POSTs."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from intake.bootstrap import build
from shared.clock import ManualClock
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime
from tests.intake.conftest import FRIDAY_MORNING, SIGNED_ON

APPLICANT = "11010519491231002X"
TOWNSHIP = "620102001"


def body(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": [{"resident_id": APPLICANT, "name": "张桂兰", "relation": "self"}],
        "declared_monthly_income_fen": 45_000,
        "declared_assets_fen": 0,
        "authorisation": {
            "signed_by_resident_id": APPLICANT,
            "signed_on": SIGNED_ON,
            "document_ref": "授权-1",
        },
    }
    return {**base, **changes}


@pytest.fixture
async def intake(
    database_url: str, tmp_path: Path
) -> AsyncIterator[tuple[ServiceRuntime, TokenSigner]]:
    private, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    config = ServiceConfig(
        service="intake",
        database_url=database_url,
        kafka=KafkaConfig("127.0.0.1:1", False, "test"),
        token_public_key_pem=public,
        jwt_issuer="test",
        jwt_audience="safetynet",
    )
    runtime = build(replace(config, clock=ManualClock(FRIDAY_MORNING)))  # the pinned clock
    await runtime.migrate()
    yield runtime, TokenSigner(private, "test", "safetynet")
    await runtime.engine.dispose()


async def _event_count(runtime: ServiceRuntime) -> int:
    async with runtime.engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM events"))).scalar_one())


def _client(runtime: ServiceRuntime) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=runtime.app), base_url="http://t")


def _headers(
    signer: TokenSigner, role: str = "township_officer", division: str = TOWNSHIP
) -> dict[str, str]:
    token = signer.mint("client-1", role, division, "城关区民政")
    return {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}


@pytest.mark.req("INT-2", "GEN-7", "GEN-8")
async def test_bad_input_names_every_bad_field_and_writes_nothing(
    intake: tuple[ServiceRuntime, TokenSigner],
) -> None:
    runtime, signer = intake
    bad = body(
        members=[{"resident_id": "110105194912310021", "name": "张", "relation": "self"}],
        declared_monthly_income_fen=-1,
    )
    async with _client(runtime) as client:
        answer = await client.post("/v1/applications", json=bad, headers=_headers(signer))
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    fields = {e["field"] for e in answer.json()["errors"]}
    assert fields == {"body.members.0.resident_id", "body.declared_monthly_income_fen"}
    assert await _event_count(runtime) == 0


@pytest.mark.req("INT-2")
async def test_an_inconsistent_household_is_refused_with_its_rule_and_writes_nothing(
    intake: tuple[ServiceRuntime, TokenSigner],
) -> None:
    runtime, signer = intake
    bad = body(
        authorisation={
            "signed_by_resident_id": "110105194805160011",
            "signed_on": SIGNED_ON,
            "document_ref": "x",
        }
    )
    async with _client(runtime) as client:
        answer = await client.post("/v1/applications", json=bad, headers=_headers(signer))
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid-application"
    assert answer.json()["field"] == "authorisation.signed_by_resident_id"
    assert await _event_count(runtime) == 0


@pytest.mark.req("INT-2", "GEN-8")
async def test_a_household_rule_names_the_field_it_is_about(
    intake: tuple[ServiceRuntime, TokenSigner],
) -> None:
    runtime, signer = intake
    member = body()["members"][0]  # type: ignore[index]
    twice_a_member = body(members=[member, {**member, "relation": "spouse"}])
    twice_a_programme = body(programmes=["urban_dibao", "education_assistance", "urban_dibao"])
    async with _client(runtime) as client:
        answers = [
            await client.post("/v1/applications", json=bad, headers=_headers(signer))
            for bad in (twice_a_member, twice_a_programme)
        ]
    assert [(a.status_code, a.json().get("field")) for a in answers] == [
        (422, "members.1.resident_id"),
        (422, "programmes.2"),
    ]
    assert await _event_count(runtime) == 0


@pytest.mark.req("GEN-8")
async def test_a_repeated_post_with_the_same_key_registers_one_application(
    intake: tuple[ServiceRuntime, TokenSigner],
) -> None:
    runtime, signer = intake
    headers = _headers(signer)
    async with _client(runtime) as client:
        first = await client.post("/v1/applications", json=body(), headers=headers)
        again = await client.post("/v1/applications", json=body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["application_id"] == first.json()["application_id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    async with runtime.engine.connect() as conn:
        streams = await conn.execute(text("SELECT count(DISTINCT stream_id) FROM events"))
        assert streams.scalar_one() == 1


@pytest.mark.req("INT-3", "GEN-6")
@pytest.mark.parametrize(
    ("role", "division", "code"),
    [
        ("village_committee", "620102001001", "village-committee-cannot-accept"),
        ("township_officer", "620103001", "out-of-jurisdiction"),
    ],
)
async def test_only_the_township_office_of_the_residence_accepts(
    intake: tuple[ServiceRuntime, TokenSigner], role: str, division: str, code: str
) -> None:
    runtime, signer = intake
    async with _client(runtime) as client:
        answer = await client.post(
            "/v1/applications", json=body(), headers=_headers(signer, role, division)
        )
    assert answer.status_code == 403
    assert answer.json()["code"] == code
    assert await _event_count(runtime) == 0
    async with runtime.engine.connect() as conn:
        denials = (await conn.execute(text("SELECT code FROM access_denials"))).scalars().all()
    assert code in denials
