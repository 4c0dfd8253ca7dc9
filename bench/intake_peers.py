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
- `folded_app`: the unit's statements in one round trip, a PL/pgSQL function (`FOLDED_FUNCTION`)
  called once outside any explicit transaction, so no BEGIN or COMMIT either: the floor of a
  design that moved intake's unit of work into the database (ADR 0057).

Both read `BENCH_BARE_DSN`; the envelope also `BENCH_JWT_PUBLIC_KEY` (the PEM file of the key the
bench signs its tokens with).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

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
from shared.eventstore.append import INSERT_PENDING_IF_HEAD, ChainedBatch, chain
from shared.eventstore.envelope import EventMetadata, NewEvent
from shared.http.app import create_app
from shared.http.auth import current_principal
from shared.http.commands import request_metadata
from shared.http.idempotency import _ANSWER, _CLAIM, fingerprint_of, idempotency_key
from shared.http.tokens import Principal, TokenVerifier

BARE_DSN_ENV = "BENCH_BARE_DSN"
UNIT_DSN_ENV = "BENCH_UNIT_DSN"
FOLDED_DSN_ENV = "BENCH_FOLDED_DSN"
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


@dataclass(frozen=True)
class Submission:
    """What one submission writes, prepared in Python before any statement."""

    application_id: str
    fingerprint: str
    residents: list[str]
    pairs: list[tuple[str, str]]
    answer: dict[str, str]
    events: ChainedBatch


def prepared(body: ApplicationCreate, fingerprint: str, metadata: EventMetadata) -> Submission:
    """The submission of `body`: a new application id, its INT-9 pairs and its chained events."""
    application_id = str(uuid.uuid4())
    residents = [m.resident_id for m in body.members]
    events = _events(body, application_id, metadata)
    return Submission(
        application_id,
        fingerprint,
        residents,
        [(r, p) for p in body.programmes for r in residents],
        {"application_id": application_id, "status": "submitted"},
        chain(Application.stream_id_for(application_id), events, 0, None, _CLOCK.now()),
    )


async def _request_unit(
    body: ApplicationCreate, request: Request, principal: Principal
) -> Submission:
    fingerprint = fingerprint_of(request.method, request.url.path, await request.body())
    return prepared(body, fingerprint, request_metadata(principal, "受理登记申请"))


@unit_routes.post("/applications", status_code=201)
async def unit_create(
    body: ApplicationCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Claim the key, register the household (INT-9), append two events, store the answer."""
    unit = await _request_unit(body, request, principal)
    async with request.app.state.pool.acquire() as conn, conn.transaction():
        if await conn.fetchval(_CLAIM, principal.client_id, key, unit.fingerprint) is None:
            return JSONResponse({"detail": "replayed"}, status_code=409)
        await conn.fetchval(registry._LOCK_RESIDENTS, sorted(set(unit.residents)))
        await conn.fetch(
            registry._REGISTER,
            [r for r, _ in unit.pairs],
            [p for _, p in unit.pairs],
            unit.application_id,
            unit.residents,
            unit.residents[0],
            body.division_code,
        )
        await conn.fetch(INSERT_PENDING_IF_HEAD, *unit.events.insert_args())
        await conn.execute(
            _ANSWER, principal.client_id, key, 201, canonical_json(unit.answer), canonical_json({})
        )
    return JSONResponse(unit.answer, status_code=201)


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


# ---------------------------------------------------------------------------------------------
# The folded floor: the unit's statements in one round trip, a function in the database.

# the unit's statements in order, each its own snapshot (READ COMMITTED, a VOLATILE function), so
# the register reads after the locks are held as in the unit; a refusal raises, undoing it all
FOLDED_FUNCTION = """
CREATE OR REPLACE FUNCTION bench_submit(
    p_client text, p_key text, p_fingerprint text, p_lock text[], p_pair_r text[],
    p_pair_p text[], p_application text, p_members text[], p_head text, p_division text,
    p_stream text, p_recorded timestamptz, p_ids uuid[], p_versions int[], p_types text[],
    p_schemas int[], p_occurred timestamptz[], p_data text[], p_metadata text[], p_prev text[],
    p_hashes text[], p_base int, p_traces text[], p_status int, p_body text, p_headers text)
RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE claimed text; n int;
BEGIN
  INSERT INTO idempotency_keys (client_id, key, fingerprint)
  VALUES (p_client, p_key, p_fingerprint) ON CONFLICT DO NOTHING RETURNING key INTO claimed;
  IF claimed IS NULL THEN RETURN false; END IF;
  PERFORM count(pg_advisory_xact_lock(hashtext(k)))
  FROM (SELECT 'household:' || r AS k FROM unnest(p_lock) AS r ORDER BY 1) AS keys;
  SELECT count(*) INTO n FROM household_members
  WHERE resident_id = ANY(p_members) AND household_head <> p_head;
  IF n > 0 THEN RAISE EXCEPTION 'a member belongs to another household'; END IF;
  INSERT INTO household_members (resident_id, application_id, household_head, division_code)
  SELECT unnest(p_members), p_application, p_head, p_division;
  INSERT INTO open_claims (resident_id, programme, application_id)
  SELECT r, p, p_application FROM unnest(p_pair_r, p_pair_p) AS t(r, p) ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n < cardinality(p_pair_r) THEN RAISE EXCEPTION 'a claim is held elsewhere'; END IF;
  INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version,
      occurred_at, recorded_at, data, metadata, prev_hash, hash, trace_context)
  SELECT -nextval('events_pending_position'), e.event_id, p_stream, e.stream_version, e.type,
      e.schema_version, e.occurred_at, p_recorded, e.data::jsonb, e.metadata::jsonb,
      e.prev_hash, e.hash, e.trace_context
  FROM unnest(p_ids, p_versions, p_types, p_schemas, p_occurred, p_data, p_metadata, p_prev,
              p_hashes, p_traces) AS e(event_id, stream_version, type, schema_version,
                                       occurred_at, data, metadata, prev_hash, hash, trace_context)
  WHERE coalesce((SELECT max(stream_version) FROM events WHERE stream_id = p_stream), 0) = p_base;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n = 0 THEN RAISE EXCEPTION 'the stream moved'; END IF;
  UPDATE idempotency_keys SET status_code = p_status, response_body = p_body::jsonb,
      response_headers = p_headers::jsonb
  WHERE client_id = p_client AND key = p_key;
  RETURN true;
END $fn$
"""
SUBMIT = f"SELECT bench_submit({', '.join(f'${i}' for i in range(1, 27))})"


def submit_args(unit: Submission, client_id: str, key: str, division_code: str) -> tuple[Any, ...]:
    """The parameters of SUBMIT for `unit`, the key of `client_id`, answered 201."""
    return (
        client_id,
        key,
        unit.fingerprint,
        sorted(set(unit.residents)),
        [r for r, _ in unit.pairs],
        [p for _, p in unit.pairs],
        unit.application_id,
        unit.residents,
        unit.residents[0],
        division_code,
        *unit.events.insert_args(),
        201,
        canonical_json(unit.answer),
        canonical_json({}),
    )


folded_routes = APIRouter(prefix="/v1")


@folded_routes.post("/applications", status_code=201)
async def folded_create(
    body: ApplicationCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """The unit's statements in one call of `bench_submit`: one round trip, no BEGIN or COMMIT."""
    unit = await _request_unit(body, request, principal)
    stored = await request.app.state.pool.fetchval(
        SUBMIT, *submit_args(unit, principal.client_id, key, body.division_code)
    )
    if not stored:
        return JSONResponse({"detail": "replayed"}, status_code=409)
    return JSONResponse(unit.answer, status_code=201)


folded_app = _enveloped(
    "intake's unit of work in one round trip inside the service envelope",
    "The unit's statements folded into one PL/pgSQL function, called once per request.",
    folded_routes,
    FOLDED_DSN_ENV,
)
