"""The FastAPI application every service starts from: problems, middleware, health, metrics."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.http.access import AccessTable, enforce_access
from shared.http.body_limit import BodyLimitMiddleware, BodyTooLarge, body_too_large_handler
from shared.http.correlation import CorrelationMiddleware
from shared.http.guard import InputGuardMiddleware, refuse_hostile_parameters
from shared.http.metrics import MetricsMiddleware, metrics_endpoint
from shared.http.openapi import make_truthful, operation_id, service_problem_codes
from shared.http.pagination import CursorListMiddleware
from shared.http.problems import install_problem_handlers, problem_response
from shared.http.textual import refuse_mistyped_values
from shared.http.tokens import TokenVerifier
from shared.http.tracing import FASTAPI_TELEMETRY_OFF, TracingMiddleware

ReadinessCheck = Callable[[], Awaitable[bool]]
READINESS_TIMEOUT_S = 2.0
BEARER_SCHEME = {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
log = logging.getLogger(__name__)


def create_app(
    service: str,
    *,
    title: str,
    version: str,
    description: str,
    routers: list[APIRouter],
    engine: AsyncEngine,
    verifier: TokenVerifier,
    readiness_checks: Mapping[str, ReadinessCheck],
    lifespan: Any = None,
    access: AccessTable | None = None,
    cursor_key: bytes | None = None,
) -> FastAPI:
    """A service's app: routers, problem+json errors, correlation ids, metrics, traces, health.

    A `database` readiness check (SELECT 1) is added unless one of that name is given. `access`
    is the service's authorisation table, enforced on every route before it runs (deny by
    default, `shared/http/access.py`); every service passes one (`wire`). `cursor_key` signs the
    lists' cursors (the deployment's secret, so every replica reads them; None: one per process).
    """
    app = FastAPI(
        title=title,
        version=version,
        description=description,
        lifespan=lifespan,
        telemetry=FASTAPI_TELEMETRY_OFF,
        generate_unique_id_function=operation_id,
        dependencies=[  # after routing, before the route's own dependencies and body
            Depends(refuse_hostile_parameters),  # before auth, before any
            Depends(enforce_access),  # the service's access table, deny by default
            Depends(refuse_mistyped_values),  # no Unix time for a date, no 0 for false
        ],
    )
    app.state.service = service
    app.state.engine = engine
    app.state.token_verifier = verifier
    app.state.access = access
    checks = {"database": _database_check(engine), **readiness_checks}
    install_problem_handlers(app)  # first added = innermost: inside metrics and correlation
    app.add_exception_handler(BodyTooLarge, body_too_large_handler)
    app.add_middleware(CursorListMiddleware, key=cursor_key)  # a cursor serves its own list
    app.add_middleware(InputGuardMiddleware)  # hostile input: 415/422 before any route runs
    app.add_middleware(BodyLimitMiddleware)  # 413 past a body's limit, whoever reads it
    app.add_middleware(MetricsMiddleware, service=service)
    app.add_middleware(CorrelationMiddleware)  # its id, no-store and nosniff on every answer
    app.add_middleware(TracingMiddleware, service=service)  # last added = outermost
    app.include_router(_operations_router(service, checks))
    for router in routers:
        app.include_router(router)
    _add_bearer_scheme(app, service)
    return app


class Liveness(BaseModel):
    """The process answers: `status` is always "ok"."""

    status: str
    service: str


class Readiness(BaseModel):
    """Every readiness check passed: `checks` names each and its outcome."""

    status: str
    service: str
    checks: dict[str, bool]


def _operations_router(service: str, checks: dict[str, ReadinessCheck]) -> APIRouter:
    router = APIRouter(tags=["operations 运维"])

    @router.get("/healthz", summary="存活检查 Liveness")
    async def check_liveness() -> Liveness:
        return Liveness(status="ok", service=service)

    @router.get(
        "/readyz",
        summary="就绪检查 Readiness",
        response_model=Readiness,
        responses={503: {"description": "Not ready"}},
    )
    async def check_readiness() -> JSONResponse:
        results = await _run_checks(checks)
        failed = sorted(name for name, ok in results.items() if not ok)
        if not failed:
            return JSONResponse({"status": "ready", "service": service, "checks": results})
        return problem_response(
            503,
            "not-ready",
            "Service not ready",
            "服务尚未就绪",
            f"failed readiness checks: {', '.join(failed)}",
            f"未通过的就绪检查：{', '.join(failed)}",
            "/readyz",
            service=service,
            checks=results,
            failed=failed,
        )

    router.add_api_route("/metrics", metrics_endpoint, methods=["GET"], include_in_schema=False)
    return router


async def _run_checks(checks: dict[str, ReadinessCheck]) -> dict[str, bool]:
    names = list(checks)
    outcomes = await asyncio.gather(*(_run_check(n, checks[n]) for n in names))
    return dict(zip(names, outcomes, strict=True))


async def _run_check(name: str, check: ReadinessCheck) -> bool:
    try:
        return bool(await asyncio.wait_for(check(), READINESS_TIMEOUT_S))
    except Exception as exc:  # a timeout or a crash both mean "not ready"
        log.warning("readiness check %s failed: %r", name, exc)
        return False


def _database_check(engine: AsyncEngine) -> ReadinessCheck:
    async def database() -> bool:
        async with engine.connect() as conn:
            answer: int = (await conn.execute(text("SELECT 1"))).scalar_one()
            return answer == 1

    return database


def _add_bearer_scheme(app: FastAPI, service: str) -> None:
    """The document `make_truthful` rewrote, with `bearerAuth` (JWT) in its components even if no
    route uses it yet."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version=app.openapi_version,
                description=app.description,
                routes=app.routes,
            )
            schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
            schemes.setdefault("bearerAuth", BEARER_SCHEME)
            app.openapi_schema = make_truthful(
                schema, service_problem_codes(service), app.state.access
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
