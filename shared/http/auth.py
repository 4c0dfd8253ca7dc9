"""Authentication, role checks, jurisdiction checks and the audit of every denial (GEN-6).

Wiring: `create_app` stores the `TokenVerifier` on `app.state.token_verifier`, so routes write
`Depends(current_principal)` (or `Depends(require_roles(...))`) with no factory. `authenticated
(verifier)` builds an equivalent dependency bound to an explicit verifier, for apps built by hand.
Denials are audited where they are rendered: the problem handlers call `record_denial` for every
401/403, whichever code raised it (a dependency, a route, a domain rule).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.domain.errors import Forbidden
from shared.http.metrics import ACCESS_DENIALS
from shared.http.tokens import (
    ROLES,
    Principal,
    TokenSigner,
    TokenVerifier,
    Unauthenticated,
    ensure_dev_keypair,
)
from shared.identity import parse_division
from shared.privacy import scrub

__all__ = [
    "ROLES",
    "OutOfJurisdiction",
    "Principal",
    "RoleNotAllowed",
    "TokenSigner",
    "TokenVerifier",
    "Unauthenticated",
    "authenticated",
    "current_principal",
    "ensure_dev_keypair",
    "ensure_jurisdiction",
    "record_denial",
    "require_roles",
]

log = logging.getLogger(__name__)
_bearer = HTTPBearer(auto_error=False, scheme_name="bearerAuth", bearerFormat="JWT")
_AUDIT_TIMEOUT_S = 2.0
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class RoleNotAllowed(Forbidden):
    """The caller's role may not perform this action."""

    code = "role-not-allowed"
    title_en = "Your role may not do this"
    title_zh = "当前角色无权执行此操作"


class OutOfJurisdiction(Forbidden):
    """The addressed division lies outside the caller's jurisdiction."""

    code = "out-of-jurisdiction"
    title_en = "Outside your jurisdiction"
    title_zh = "超出管辖范围"


async def _authenticate(
    request: Request, verifier: TokenVerifier, credentials: HTTPAuthorizationCredentials | None
) -> Principal:
    if credentials is None or not credentials.credentials:
        raise Unauthenticated(
            "a bearer token is required (Authorization: Bearer <token>)",
            "需要提供访问令牌（Authorization: Bearer <令牌>）",
            error=None,
        )
    if verifier.uses_jwks:
        principal = await asyncio.to_thread(verifier.verify, credentials.credentials)
    else:
        principal = verifier.verify(credentials.credentials)
    request.state.principal = principal
    return principal


async def current_principal(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)
) -> Principal:
    """The caller named by the bearer token, verified with `app.state.token_verifier`."""
    return await _authenticate(request, request.app.state.token_verifier, credentials)


def authenticated(verifier: TokenVerifier) -> Callable[..., Awaitable[Principal]]:
    """A `current_principal` dependency bound to an explicit verifier."""

    async def principal_of(
        request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)
    ) -> Principal:
        return await _authenticate(request, verifier, credentials)

    return principal_of


def require_roles(*roles: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency admitting only callers with one of `roles` (403 `role-not-allowed`)."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"unknown or missing roles: {sorted(unknown)}")

    async def with_role(principal: Principal = Depends(current_principal)) -> Principal:
        if principal.role not in roles:
            allowed = ", ".join(roles)
            raise RoleNotAllowed(
                f"role {principal.role} may not do this; allowed roles: {allowed}",
                f"角色 {principal.role} 无权执行此操作；允许的角色：{allowed}",
                role=principal.role,
                allowed_roles=list(roles),
            )
        return principal

    return with_role


def ensure_jurisdiction(principal: Principal, division_code: str) -> None:
    """Refuse (403 `out-of-jurisdiction`) a division outside the caller's; 422 if malformed."""
    parse_division(division_code)
    if not principal.covers(division_code):
        raise OutOfJurisdiction(
            f"division {division_code} is outside your jurisdiction {principal.division}",
            f"行政区划 {division_code} 不在您的管辖范围 {principal.division} 内",
            division=division_code,
            jurisdiction=principal.division,
        )


async def record_denial(
    engine: AsyncEngine | None,
    principal: Principal | None,
    request: Request,
    code: str,
    detail: str,
) -> None:
    """Audit a 401/403 in `access_denials` and count it; a failing audit write is only logged."""
    service = getattr(request.app.state, "service", "unknown")
    ACCESS_DENIALS.labels(service, code).inc()
    row = {
        "client_id": _storable(principal.client_id) if principal else None,
        "role": principal.role if principal else None,
        "division": principal.division if principal else None,
        "method": request.method,
        "path": _storable(scrub(request.url.path)),
        "code": code,
        "detail": _storable(scrub(detail)),
    }
    log.warning("access denied", extra={"denial": row})
    if engine is None:
        return
    try:
        await asyncio.wait_for(_insert_denial(engine, row), _AUDIT_TIMEOUT_S)
    except Exception:
        log.exception("could not record an access denial", extra={"denial": row})


def _storable(value: str) -> str:
    """The text with what PostgreSQL cannot store (NUL, lone surrogates) replaced, so a hostile
    path or detail never costs the denial its audit row."""
    return _UNSTORABLE.sub("\ufffd", value)


async def _insert_denial(engine: AsyncEngine, row: dict[str, str | None]) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO access_denials (client_id, role, division, method, path, code, detail)"
                " VALUES (:client_id, :role, :division, :method, :path, :code, :detail)"
            ),
            row,
        )
