"""The peers `bench.intake_http` measures intake against, each served by one uvicorn worker.

- `bare_app`: a plain pydantic model of intake's body and one asyncpg INSERT of it as JSONB.
- `envelope_app`: the same INSERT inside what every SafetyNet service wears around its routes —
  `shared.http.app.create_app` (tracing, correlation id, metrics and problem+json middleware), the
  bearer token verified by the same `TokenVerifier`, the Idempotency-Key header read, and intake's
  own body schema (`ApplicationCreate`: GB 11643 resident IDs, division codes, programmes). No
  idempotency record, no INT-9 claims, no events. Its rate over the bare peer's is the ceiling of
  intake's ratio on this machine: the share of a request that is the service envelope (GEN-6…9)
  and the validated body, which intake cannot shed (ADR 0015).
- `unit_app`: the envelope peer's request plus intake's unit of work, statement for statement,
  with the least Python between them: in one transaction on the driver, the idempotency claim,
  the INT-9 resident locks and register (intake's own SQL), the two hash-chained events
  (`ApplicationSubmitted`, `ProgrammeRouted`: the kernel's `chain` and insert) and the stored
  answer. No domain model, repository, response model or dependency wiring; no relay or
  projections in the process. What any implementation of the route must pay on this stack: the
  floor intake is measured against where the envelope's target is out of reach (issue #19).

Both read `BENCH_BARE_DSN`; the envelope also `BENCH_JWT_PUBLIC_KEY` (the PEM file of the key the
bench signs its tokens with).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Literal

import asyncpg
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import create_async_engine

from intake.adapters import registry
from intake.domain.application import Application
from intake.schemas import ApplicationCreate
from shared.canonical import canonical_json
from shared.clock import SystemClock
from shared.eventstore.append import INSERT_PENDING_IF_HEAD, chain
from shared.eventstore.envelope import EventMetadata, NewEvent
from shared.http.app import create_app
from shared.http.auth import current_principal
from shared.http.commands import request_metadata
from shared.http.idempotency import _ANSWER, _CLAIM, fingerprint_of, idempotency_key
from shared.http.tokens import Principal, TokenVerifier

BARE_DSN_ENV = "BENCH_BARE_DSN"
UNIT_DSN_ENV = "BENCH_UNIT_DSN"
PUBLIC_KEY_ENV = "BENCH_JWT_PUBLIC_KEY"
ISSUER, AUDIENCE = "safetynet-dev", "safetynet"
BARE_TABLE = (
    "CREATE TABLE IF NOT EXISTS bare_applications ("
    " id uuid PRIMARY KEY, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())"
)
INSERT = "INSERT INTO bare_applications (id, payload) VALUES ($1, $2::jsonb)"


def _pooled(dsn_env: str) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan giving the peer an asyncpg pool on the database `dsn_env` names, above the 16
    requests in flight."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = await asyncpg.create_pool(os.environ[dsn_env], min_size=10, max_size=20)
        try:
            yield
        finally:
            await app.state.pool.close()

    return lifespan


async def _insert(app: FastAPI, body: BaseModel) -> JSONResponse:
    """Insert the validated body as one JSONB row; answer its new id."""
    new_id = uuid.uuid4()
    await app.state.pool.execute(INSERT, new_id, body.model_dump_json())
    return JSONResponse({"application_id": str(new_id)}, status_code=201)


# ---------------------------------------------------------------------------------------------
# The bare peer: validate a comparable body with pydantic, insert one row with asyncpg.


class BareMember(BaseModel):
    """A member: the same fields and simple constraints, no domain checks."""

    model_config = ConfigDict(extra="forbid")

    resident_id: str = Field(pattern=r"^\d{17}[\dX]$")
    name: str = Field(min_length=1, max_length=50)
    relation: Literal[
        "self", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other"
    ]
    disability_grade: int | None = Field(default=None, ge=1, le=4)


class BareAuthorisation(BaseModel):
    """The signed authorisation."""

    model_config = ConfigDict(extra="forbid")

    signed_by_resident_id: str = Field(pattern=r"^\d{17}[\dX]$")
    signed_on: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    document_ref: str = Field(min_length=1, max_length=200)


class BareApplication(BaseModel):
    """The intake body's shape with plain pydantic types."""

    model_config = ConfigDict(extra="forbid")

    division_code: str = Field(pattern=r"^\d{9}(\d{3})?$")
    registration: Literal["urban", "rural"]
    programmes: list[str] = Field(min_length=1)
    members: list[BareMember] = Field(min_length=1, max_length=30)
    declared_monthly_income_fen: int = Field(ge=0)
    declared_assets_fen: int = Field(ge=0)
    authorisation: BareAuthorisation
    channel: str = "counter"


bare_app = FastAPI(title="bare FastAPI + asyncpg", lifespan=_pooled(BARE_DSN_ENV))


@bare_app.post("/v1/applications", status_code=201)
async def bare_create(body: BareApplication) -> JSONResponse:
    """Insert the validated body as one JSONB row."""
    return await _insert(bare_app, body)


@bare_app.get("/healthz")
async def bare_health() -> dict[str, str]:
    """Liveness."""
    return {"status": "ok"}


# ---------------------------------------------------------------------------------------------
# The envelope peer: the same INSERT inside the service envelope, with intake's body schema.

envelope_routes = APIRouter(prefix="/v1")


@envelope_routes.post("/applications", status_code=201)
async def envelope_create(
    body: ApplicationCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Insert the validated body as one JSONB row, as the bare peer does."""
    return await _insert(request.app, body)


def _enveloped(title: str, description: str, routes: APIRouter, dsn_env: str) -> FastAPI:
    dsn = os.environ.get(BARE_DSN_ENV, "postgresql://localhost/unused")
    key = os.environ.get(PUBLIC_KEY_ENV)
    return create_app(
        "bench-envelope",
        title=title,
        version="bench",
        description=description,
        routers=[routes],
        engine=create_async_engine(dsn.replace("postgresql://", "postgresql+asyncpg://", 1)),
        verifier=TokenVerifier(ISSUER, AUDIENCE, Path(key).read_bytes() if key else b"unset"),
        readiness_checks={},  # its engine serves /readyz only and is never otherwise connected
        lifespan=_pooled(dsn_env),
    )


envelope_app = _enveloped(
    "bare INSERT inside the service envelope",
    "The bare peer's INSERT inside the envelope every SafetyNet service wears.",
    envelope_routes,
    BARE_DSN_ENV,
)


# ---------------------------------------------------------------------------------------------
# The unit-of-work floor: the envelope's request plus intake's statements, and nothing else.

unit_routes = APIRouter(prefix="/v1")
_CLOCK = SystemClock()


@unit_routes.post("/applications", status_code=201)
async def unit_create(
    body: ApplicationCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Claim the key, register the household (INT-9), append two events, store the answer."""
    application_id = str(uuid.uuid4())
    fingerprint = fingerprint_of(request.method, request.url.path, await request.body())
    residents = [m.resident_id for m in body.members]
    pairs = [(r, p) for p in body.programmes for r in residents]
    answer = {"application_id": application_id, "status": "submitted"}
    async with request.app.state.pool.acquire() as conn, conn.transaction():
        if await conn.fetchval(_CLAIM, principal.client_id, key, fingerprint) is None:
            return JSONResponse({"detail": "replayed"}, status_code=409)
        await conn.fetchval(registry._LOCK_RESIDENTS, sorted(set(residents)))
        await conn.fetch(
            registry._REGISTER,
            [r for r, _ in pairs],
            [p for _, p in pairs],
            application_id,
            residents,
            residents[0],
            body.division_code,
        )
        events = _events(body, application_id, request_metadata(principal, "受理登记申请"))
        batch = chain(Application.stream_id_for(application_id), events, 0, None, _CLOCK.now())
        await conn.fetch(INSERT_PENDING_IF_HEAD, *batch.insert_args())
        await conn.execute(
            _ANSWER, principal.client_id, key, 201, canonical_json(answer), canonical_json({})
        )
    return JSONResponse(answer, status_code=201)


def _events(
    body: ApplicationCreate, application_id: str, metadata: EventMetadata
) -> list[NewEvent]:
    """The two events intake appends for a one-programme application, as plain JSON data."""
    submitted = {"application_id": application_id, **body.model_dump(mode="json")}
    routed = {
        "application_id": application_id,
        "programme": str(body.programmes[0]),
        "agency": "civil_affairs",
        "division_code": body.division_code,
        "competent_division": body.division_code[:6],
        "details": {},
    }
    return [
        NewEvent("intake.ApplicationSubmitted", submitted, metadata),
        NewEvent("intake.ProgrammeRouted", routed, metadata),
    ]


unit_app = _enveloped(
    "intake's unit of work inside the service envelope",
    "The envelope's request plus intake's statements, with the least Python between them.",
    unit_routes,
    UNIT_DSN_ENV,
)
