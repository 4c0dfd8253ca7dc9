"""The envelope peer of `bench.intake_http`: the bare peer's one INSERT, inside what every
SafetyNet service wears around its routes.

`shared.http.app.create_app` (tracing, correlation id, metrics and problem+json middleware), the
bearer token verified by the same `TokenVerifier`, the Idempotency-Key header read, and intake's own
body schema (`ApplicationCreate`: GB 11643 resident IDs, division codes, programmes). Then it does
no more than the bare peer: one asyncpg INSERT of the body as JSONB. No idempotency record, no
INT-9 claims, no events.

What it measures: the share of a request that is the service envelope (GEN-1…GEN-8) and the
validated body, which intake cannot shed. Its rate over the bare peer's is the ceiling of intake's
ratio on this machine.

Served by `uvicorn bench.intake_envelope:envelope_app` with `BENCH_BARE_DSN` and
`BENCH_JWT_PUBLIC_KEY` (the PEM file of the key the bench signs its tokens with).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import create_async_engine

from intake.schemas import ApplicationCreate
from shared.http.app import create_app
from shared.http.auth import current_principal
from shared.http.idempotency import idempotency_key
from shared.http.tokens import Principal, TokenVerifier

BARE_DSN_ENV = "BENCH_BARE_DSN"
PUBLIC_KEY_ENV = "BENCH_JWT_PUBLIC_KEY"
ISSUER, AUDIENCE = "safetynet-dev", "safetynet"
INSERT = "INSERT INTO bare_applications (id, payload) VALUES ($1, $2::jsonb)"

router = APIRouter(prefix="/v1")


@router.post("/applications", status_code=201)
async def envelope_create(
    body: ApplicationCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Insert the validated body as one JSONB row, as the bare peer does."""
    new_id = uuid.uuid4()
    await request.app.state.pool.execute(INSERT, new_id, body.model_dump_json())
    return JSONResponse({"application_id": str(new_id)}, status_code=201)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.pool = await asyncpg.create_pool(os.environ[BARE_DSN_ENV], min_size=10, max_size=20)
    try:
        yield
    finally:
        await app.state.pool.close()
        await app.state.engine.dispose()


def _app() -> FastAPI:
    dsn = os.environ.get(BARE_DSN_ENV, "postgresql://localhost/unused")
    key = os.environ.get(PUBLIC_KEY_ENV)
    return create_app(
        "bench-envelope",
        title="bare INSERT inside the service envelope",
        version="bench",
        description=__doc__ or "",
        routers=[router],
        engine=create_async_engine(dsn.replace("postgresql://", "postgresql+asyncpg://", 1)),
        verifier=TokenVerifier(ISSUER, AUDIENCE, Path(key).read_bytes() if key else b"unset"),
        readiness_checks={},
        lifespan=_lifespan,
    )


envelope_app = _app()
