"""The HTTP kernel on a real database: idempotency, problems, access control, operations."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.http import app as app_module
from shared.http.auth import TokenSigner, ensure_dev_keypair
from tests.shared.integration.http_kernel_app import (
    AUDIENCE,
    ISSUER,
    SERVICE,
    VALID_ID,
    bearer,
    build_app,
    count,
    in_process_client,
    post_headers,
    thing,
)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder: Path = tmp_path_factory.mktemp("keys")
    return ensure_dev_keypair(folder / "private.pem", folder / "public.pem")


@pytest.fixture
def signer(keys: tuple[bytes, bytes]) -> TokenSigner:
    return TokenSigner(keys[0], ISSUER, AUDIENCE)


# the same command on SQLAlchemy's unit of work, and on the driver's (ADR 0012)
UNITS_OF_WORK = pytest.mark.parametrize("things", ["/v1/things", "/v1/driver-things"])


@pytest.fixture
async def client(
    engine: AsyncEngine, keys: tuple[bytes, bytes]
) -> AsyncIterator[httpx.AsyncClient]:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "CREATE TABLE things (id uuid PRIMARY KEY, name text NOT NULL,"
                " division text NOT NULL, version integer NOT NULL DEFAULT 1)"
            )
        )
    async with in_process_client(build_app(engine, keys)) as http:
        yield http


@UNITS_OF_WORK
@pytest.mark.req("GEN-8")
async def test_a_repeated_post_replays_the_answer_and_has_one_effect(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine, things: str
) -> None:
    # given a POST made with an idempotency key
    first = await client.post(things, json=thing(), headers=post_headers(signer, "k-1"))
    # when the same request is sent again with the same key (keys in another order)
    body = thing()
    again = await client.post(
        things, json=dict(reversed(body.items())), headers=post_headers(signer, "k-1")
    )
    # then the same answer comes back, marked as a replay, and the effect happened once
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["ETag"] == first.headers["ETag"] == '"1"'
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert await count(engine, "SELECT count(*) FROM things") == 1


@UNITS_OF_WORK
@pytest.mark.req("GEN-8")
async def test_a_key_reused_for_another_body_is_refused(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine, things: str
) -> None:
    await client.post(things, json=thing("a"), headers=post_headers(signer, "k-2"))
    reused = await client.post(things, json=thing("b"), headers=post_headers(signer, "k-2"))
    assert reused.status_code == 422
    assert reused.headers["content-type"] == "application/problem+json"
    assert reused.json()["code"] == "idempotency-key-reused"
    assert await count(engine, "SELECT count(*) FROM things") == 1


@pytest.mark.req("GEN-8")
async def test_a_post_without_a_key_is_refused(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine
) -> None:
    missing = await client.post("/v1/things", json=thing(), headers=post_headers(signer, None))
    too_long = await client.post(
        "/v1/things", json=thing(), headers=post_headers(signer, "k" * 201)
    )
    assert missing.status_code == 400
    assert missing.json()["code"] == "idempotency-key-required"
    assert too_long.status_code == 400
    assert too_long.json()["code"] == "invalid-idempotency-key"
    # each names the header, as a problem names any field
    assert {missing.json()["field"], too_long.json()["field"]} == {"header.idempotency-key"}
    assert await count(engine, "SELECT count(*) FROM things") == 0


@UNITS_OF_WORK
@pytest.mark.req("GEN-8")
async def test_a_failing_operation_leaves_neither_key_nor_effect(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine, things: str
) -> None:
    # given an operation that writes and then refuses
    failed = await client.post(things, json=thing("explode"), headers=post_headers(signer, "k-3"))
    # then the refusal is answered and nothing was kept
    assert failed.status_code == 422
    assert failed.json()["code"] == "thing-refused"
    assert await count(engine, "SELECT count(*) FROM things") == 0
    assert await count(engine, "SELECT count(*) FROM idempotency_keys") == 0
    # and the key is free for a corrected request
    retried = await client.post(things, json=thing("fixed"), headers=post_headers(signer, "k-3"))
    assert retried.status_code == 201


@UNITS_OF_WORK
@pytest.mark.req("GEN-8")
async def test_concurrent_duplicates_have_one_effect(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine, things: str
) -> None:
    # given two identical requests in flight at the same time
    headers = post_headers(signer, "k-4")
    one, two = await asyncio.gather(
        client.post(things, json=thing("slow"), headers=headers),
        client.post(things, json=thing("slow"), headers=headers),
    )
    # then both get the same answer, one of them a replay, and there is one effect
    assert one.status_code == two.status_code == 201
    assert one.json() == two.json()
    replays = sorted(str(r.headers.get("Idempotent-Replayed")) for r in (one, two))
    assert replays == ["None", "true"]
    assert await count(engine, "SELECT count(*) FROM things") == 1


@pytest.mark.req("GEN-8")
async def test_reads_carry_an_etag_and_writes_need_if_match(
    client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    created = await client.post("/v1/things", json=thing(), headers=post_headers(signer, "k-5"))
    location = created.headers["Location"]
    read = await client.get(location, headers=bearer(signer))
    assert read.headers["ETag"] == '"1"'
    url = f"{location}/name"
    missing = await client.put(url, json={"name": "n"}, headers=bearer(signer))
    malformed = await client.put(
        url, json={"name": "n"}, headers=bearer(signer) | {"If-Match": 'W/"1"'}
    )
    renamed = await client.put(
        url, json={"name": "n"}, headers=bearer(signer) | {"If-Match": '"1"'}
    )
    stale = await client.put(url, json={"name": "m"}, headers=bearer(signer) | {"If-Match": '"1"'})
    assert (missing.status_code, missing.json()["code"]) == (428, "precondition-required")
    assert (malformed.status_code, malformed.json()["code"]) == (400, "invalid-if-match")
    assert {missing.json()["field"], malformed.json()["field"]} == {"header.if-match"}
    assert renamed.status_code == 200 and renamed.headers["ETag"] == '"2"'
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition-failed")
    assert stale.json()["current_etag"] == '"2"'


@pytest.mark.req("GEN-8")
async def test_a_missing_resource_is_a_bilingual_problem(
    client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    missing = await client.get(f"/v1/things/{uuid.uuid4()}", headers=bearer(signer))
    problem = missing.json()
    assert missing.status_code == 404
    assert problem["type"] == "https://safetynet.gansu.gov.cn/problems/not-found"
    assert problem["title_zh"] == "资源不存在"
    assert problem["instance"].startswith("/v1/things/")
    no_route = await client.delete("/v1/things")
    assert (no_route.status_code, no_route.json()["code"]) == (405, "method-not-allowed")


@pytest.mark.req("GEN-6")
async def test_no_token_is_401_with_a_challenge_and_audited(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine
) -> None:
    anonymous = await client.get(f"/v1/things/{uuid.uuid4()}")
    forged = await client.get(
        f"/v1/things/{uuid.uuid4()}", headers={"Authorization": "Bearer x.y.z"}
    )
    assert anonymous.status_code == forged.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].startswith("Bearer")
    assert 'error="invalid_token"' in forged.headers["WWW-Authenticate"]
    assert anonymous.json()["code"] == "unauthenticated"
    assert (
        await count(engine, "SELECT count(*) FROM access_denials WHERE code = 'unauthenticated'")
        == 2
    )


@pytest.mark.req("GEN-6", "GEN-8")
async def test_a_wrong_role_is_403_naming_role_and_allowed_roles(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine
) -> None:
    refused = await client.get("/v1/divisions/620102/things", headers=bearer(signer, "bank"))
    problem = refused.json()
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert problem["code"] == "role-not-allowed"
    assert problem["title_zh"] == "当前角色无权执行此操作"
    assert problem["role"] == "bank" and problem["allowed_roles"] == ["county_officer"]
    assert "bank" in problem["detail"] and "county_officer" in problem["detail_zh"]


@pytest.mark.req("GEN-6")
async def test_out_of_jurisdiction_is_403_and_recorded(
    client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine
) -> None:
    # given a county officer of 城关区 (620102)
    allowed = await client.get("/v1/divisions/620102001/things", headers=bearer(signer))
    # when asking for 七里河区 (620103)
    refused = await client.get("/v1/divisions/620103/things", headers=bearer(signer))
    # then it is refused and the denial is on record with who asked for what
    assert allowed.status_code == 200
    assert refused.status_code == 403
    assert refused.json()["code"] == "out-of-jurisdiction"
    async with engine.connect() as conn:
        row = (await conn.execute(text("SELECT * FROM access_denials"))).one()
    assert (row.client_id, row.role, row.division) == ("desk-1", "county_officer", "620102")
    assert (row.method, row.path, row.code) == (
        "GET",
        "/v1/divisions/620103/things",
        "out-of-jurisdiction",
    )


@pytest.mark.req("GEN-8", "GEN-7")
async def test_a_validation_error_names_the_field_path(
    client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    bad_id = VALID_ID[:17] + "1"
    invalid = await client.post(
        "/v1/things", json=thing(resident_id=bad_id), headers=post_headers(signer, "k-6")
    )
    problem = invalid.json()
    assert invalid.status_code == 422
    assert problem["code"] == "invalid-request"
    assert problem["errors"][0]["field"] == "body.household.members.0.resident_id"
    assert "check character" in problem["errors"][0]["message"]
    assert bad_id not in invalid.text


@pytest.mark.req("GEN-8")
async def test_an_unexpected_error_is_a_500_that_leaks_nothing(
    client: httpx.AsyncClient,
) -> None:
    crashed = await client.get("/v1/boom", headers={"X-Correlation-Id": "corr-500"})
    assert crashed.status_code == 500
    assert crashed.json()["code"] == "internal-error"
    assert "hunter2" not in crashed.text and "RuntimeError" not in crashed.text
    assert crashed.headers["X-Correlation-Id"] == "corr-500"
    assert crashed.json()["correlation_id"] == "corr-500"


@pytest.mark.req("GEN-9")
async def test_health_readiness_and_correlation(client: httpx.AsyncClient) -> None:
    health = await client.get("/healthz")
    ready = await client.get("/readyz")
    assert health.json() == {"status": "ok", "service": SERVICE}
    assert ready.status_code == 200 and ready.json()["checks"] == {"database": True}
    assert len(health.headers["X-Correlation-Id"]) == 36
    echoed = await client.get("/healthz", headers={"X-Correlation-Id": "abc-123"})
    assert echoed.headers["X-Correlation-Id"] == "abc-123"


@pytest.mark.req("GEN-9")
async def test_readiness_fails_naming_the_failed_checks(
    engine: AsyncEngine, keys: tuple[bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "READINESS_TIMEOUT_S", 0.2)

    async def broker_down() -> bool:
        return False

    async def hangs() -> bool:
        await asyncio.sleep(3600)
        return True

    app = build_app(engine, keys, broker=broker_down, projections=hangs)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        ready = await c.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["failed"] == ["broker", "projections"]
    assert ready.json()["checks"]["database"] is True


@pytest.mark.req("GEN-9", "GEN-6")
async def test_metrics_use_route_templates_and_count_denials(
    client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    thing_id = uuid.uuid4()
    await client.get(f"/v1/things/{thing_id}", headers=bearer(signer))
    await client.get("/v1/divisions/620103/things", headers=bearer(signer))
    metrics = await client.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    text_ = metrics.text
    assert 'route="/v1/things/{thing_id}"' in text_
    assert str(thing_id) not in text_
    assert (
        f'safetynet_access_denials_total{{code="out-of-jurisdiction",service="{SERVICE}"}}' in text_
    )
    for name in ("events_appended_total", "outbox_lag_events", "consumer_lag", "dlq_messages"):
        assert f"safetynet_{name}" in text_


@pytest.mark.req("GEN-8")
async def test_the_openapi_document_is_3_1_with_bearer_auth_and_idempotency_key(
    client: httpx.AsyncClient,
) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert spec["openapi"].startswith("3.1")
    assert spec["components"]["securitySchemes"]["bearerAuth"]["bearerFormat"] == "JWT"
    post = spec["paths"]["/v1/things"]["post"]
    assert {"bearerAuth": []} in post["security"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in post["parameters"])
