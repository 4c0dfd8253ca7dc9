"""A tiny service on the HTTP kernel, for the kernel's integration tests."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from typing import Any

import asyncpg
import httpx
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.domain.errors import ConcurrencyConflict, DomainError, NotFound
from shared.http.app import create_app
from shared.http.auth import (
    Principal,
    TokenSigner,
    TokenVerifier,
    current_principal,
    ensure_jurisdiction,
    require_roles,
)
from shared.http.etag import etag_for, expected_version_from_if_match, precondition_failed_from
from shared.http.idempotency import (
    StoredResponse,
    idempotency_key,
    respond_idempotently,
    respond_idempotently_on_driver,
)
from shared.identity import DivisionCodeStr, ResidentIdStr

ISSUER, AUDIENCE, SERVICE = "safetynet-test", "safetynet", "kernel-test"
VALID_ID = "11010519491231002X"


class Member(BaseModel):
    resident_id: ResidentIdStr


class Household(BaseModel):
    members: list[Member]


class ThingCreate(BaseModel):
    name: str
    division: DivisionCodeStr
    household: Household


class Rename(BaseModel):
    name: str


class Refused(DomainError):
    code = "thing-refused"
    title_en = "Refused"
    title_zh = "拒绝"


router = APIRouter(prefix="/v1")


@router.post("/things", status_code=201)
async def create_thing(
    body: ThingCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    ensure_jurisdiction(principal, body.division)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        thing_id = uuid.uuid4()
        await conn.execute(
            text("INSERT INTO things (id, name, division) VALUES (:id, :name, :division)"),
            {"id": thing_id, "name": body.name, "division": body.division},
        )
        return await _created(body, thing_id)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )


@router.post("/driver-things", status_code=201)
async def create_thing_on_driver(
    body: ThingCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """The same command with its unit of work on the driver (ADR 0012)."""
    ensure_jurisdiction(principal, body.division)

    async def operation(conn: asyncpg.Connection) -> StoredResponse:
        thing_id = uuid.uuid4()
        await conn.execute(
            "INSERT INTO things (id, name, division) VALUES ($1, $2, $3)",
            thing_id,
            body.name,
            body.division,
        )
        return await _created(body, thing_id)

    return await respond_idempotently_on_driver(
        request, client_id=principal.client_id, key=key, operation=operation
    )


async def _created(body: ThingCreate, thing_id: uuid.UUID) -> StoredResponse:
    if body.name == "slow":
        await asyncio.sleep(0.3)  # widens the window in which a duplicate runs concurrently
    if body.name == "explode":
        raise Refused("refused after writing", "写入后拒绝")
    headers = {"ETag": etag_for(1), "Location": f"/v1/things/{thing_id}"}
    return StoredResponse(201, {"id": thing_id, "name": body.name}, headers)


async def _thing(engine: AsyncEngine, thing_id: uuid.UUID) -> Any:
    async with engine.connect() as conn:
        row = (
            await conn.execute(text("SELECT * FROM things WHERE id = :id"), {"id": thing_id})
        ).first()
    if row is None:
        raise NotFound(f"no thing {thing_id}", "无此事物")
    return row


@router.get("/things/{thing_id}")
async def read_thing(
    thing_id: uuid.UUID, request: Request, _: Principal = Depends(current_principal)
) -> JSONResponse:
    row = await _thing(request.app.state.engine, thing_id)
    body = {"id": str(row.id), "name": row.name, "version": row.version}
    return JSONResponse(body, headers={"ETag": etag_for(row.version)})


@router.put("/things/{thing_id}/name")
async def rename_thing(
    thing_id: uuid.UUID, body: Rename, request: Request, _: Principal = Depends(current_principal)
) -> JSONResponse:
    expected = expected_version_from_if_match(request)
    row = await _thing(request.app.state.engine, thing_id)
    if row.version != expected:
        raise precondition_failed_from(ConcurrencyConflict(str(thing_id), expected, row.version))
    async with request.app.state.engine.begin() as conn:
        await conn.execute(
            text("UPDATE things SET name = :name, version = version + 1 WHERE id = :id"),
            {"name": body.name, "id": thing_id},
        )
    return JSONResponse({"name": body.name}, headers={"ETag": etag_for(row.version + 1)})


@router.get("/divisions/{code}/things")
async def things_of_division(
    code: str, principal: Principal = Depends(require_roles("county_officer"))
) -> dict[str, Any]:
    ensure_jurisdiction(principal, code)
    return {"division": code, "items": []}


@router.get("/boom")
async def boom() -> None:
    raise RuntimeError("secret connection string postgres://admin:hunter2@db")


def build_app(engine: AsyncEngine, keys: tuple[bytes, bytes], **checks: Any) -> FastAPI:
    """The tiny service of this module, with the readiness checks given."""
    return kernel_app(engine, keys[1], [router], **checks)


def kernel_app(
    engine: AsyncEngine, public_key: bytes, routers: Sequence[APIRouter], **checks: Any
) -> FastAPI:
    """A service made by `create_app` with only `routers`, accepting tokens of ISSUER."""
    return create_app(
        SERVICE,
        title="Kernel test",
        version="0.0.1",
        description="test app",
        routers=list(routers),
        engine=engine,
        verifier=TokenVerifier(ISSUER, AUDIENCE, public_key_pem=public_key),
        readiness_checks=checks,
    )


def in_process_client(app: FastAPI) -> httpx.AsyncClient:
    """A client of `app` in this process; an exception the app lets out is answered 500, as a
    server would answer it."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


def bearer(
    signer: TokenSigner, role: str = "county_officer", division: str = "620102"
) -> dict[str, str]:
    return {"Authorization": f"Bearer {signer.mint('desk-1', role, division, '城关区民政局')}"}


def thing(name: str = "first", resident_id: str = VALID_ID) -> dict[str, Any]:
    return {
        "name": name,
        "division": "620102001",
        "household": {"members": [{"resident_id": resident_id}]},
    }


async def count(engine: AsyncEngine, sql: str) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text(sql))).scalar_one())


def post_headers(signer: TokenSigner, key: str | None) -> dict[str, str]:
    return bearer(signer) | ({"Idempotency-Key": key} if key else {})
