"""Digests of the audit trail and tamper checks, province-wide (SUP-1)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.fields import Instant, Int64
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command
from shared.http.idempotency import StoredResponse
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Registry, ServiceClock, Store
from supervision.application.digest import Finding, list_digests, seal_digest
from supervision.application.tamper import compare_source, verify_digests
from supervision.domain.digest import TrailDigestSealed

router = APIRouter(prefix="/v1/audit", tags=["audit 审计追溯"])
PROVINCE = "62"
PROVINCE_AUDITORS = require_roles("auditor", "inspector", "province_officer", "ops")


def _province_wide(principal: Principal) -> Principal:
    ensure_jurisdiction(principal, PROVINCE)  # digests span every division
    return principal


class FindingOut(BaseModel):
    """A position where history was changed, and how."""

    service: str
    position: int
    stream_id: str | None
    stream_version: int | None
    problem: str
    digest_sequence: int | None = None


class DigestVerificationOut(BaseModel):
    """The verdict of re-deriving every digest from today's copies."""

    ok: bool
    digest_chain_ok: bool
    digests_checked: int
    events_checked: int
    findings: list[FindingOut]


class SourceEvent(BaseModel):
    """One event row exactly as the source service's database holds it (columns the check does
    not read, such as `trace_context`, may come with it and are ignored)."""

    event_id: str
    stream_id: str
    stream_version: Int64
    position: Int64
    type: str
    schema_version: Int64
    occurred_at: Instant
    recorded_at: Instant
    data: dict[str, Any]
    metadata: dict[str, Any]
    prev_hash: str
    hash: str


class SourceCheck(BaseModel):
    """A service's event log (or a slice of it) to check against supervision's copies."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "service": "payments",
                    "events": [
                        {
                            "event_id": "5b0f7c1e-3d2a-4e8b-9f61-2c7d8a4e1b93",
                            "stream_id": "run-620105-2027-03",
                            "stream_version": 1,
                            "position": 1042,
                            "type": "payments.RunStarted",
                            "schema_version": 1,
                            "occurred_at": "2027-03-10T09:30:00+08:00",
                            "recorded_at": "2027-03-10T09:30:00.125000+08:00",
                            "data": {"county_code": "620105", "period": "2027-03"},
                            "metadata": {"reason": "2027年3月城乡低保金按月发放"},
                            "prev_hash": "0" * 64,
                            "hash": (
                                "9c1e5a7f3b2d4e6a8c0f1b3d5e7a9c2e4f6a8b0d2c4e6f8a1b3c5d7e9f0a2b4c"
                            ),
                        },
                    ],
                }
            ]
        },
    )
    service: str = Field(pattern=r"^(intake|verification|payments|supervision)$")
    events: list[SourceEvent] = Field(max_length=100_000)


class SourceCheckOut(BaseModel):
    """Where the source's log disagrees with its own chains or with supervision's copy."""

    service: str
    events_checked: int
    ok: bool
    findings: list[FindingOut]


class SealedRangeRead(BaseModel):
    """The events of one service a digest seals, and their Merkle root."""

    service: str
    from_position: int
    to_position: int
    events: int
    merkle_root: str


class DigestRead(BaseModel):
    """A sealed digest of the audit trail, chained to the previous one by its root."""

    digest_id: str
    sequence: int
    period_start: str = Field(description="ISO 8601 instant: the previous seal (or first event)")
    period_end: str = Field(description="ISO 8601 instant of this seal")
    ranges: list[SealedRangeRead]
    previous_root: str
    root: str


class SealedDigestRead(DigestRead):
    """A digest sealed just now."""

    sealed: Literal[True]


class NothingSealedRead(BaseModel):
    """No event was copied since the last seal: nothing to seal."""

    sealed: Literal[False]


def _out(finding: Finding) -> FindingOut:
    return FindingOut(**finding.__dict__)


@router.post(
    "/digests",
    status_code=201,
    response_model=SealedDigestRead,
    summary="封存留痕摘要 Seal the newly copied events into a chained digest now",
    responses={
        201: {"description": "Sealed: `sealed: true` and the digest"},
        200: {"description": 'Nothing new: `{"sealed": false}`', "model": NothingSealedRead},
        **problem_responses(400, 401, 403),
    },
)
async def seal_audit_digest(
    command: Command, store: Store, registry: Registry, clock: ServiceClock
) -> JSONResponse:
    """Seal at once (the periodic loop does the same); 201 with the digest, 200 when nothing new."""
    reason = f"封存：{_province_wide(command.principal).subject}"

    async def operation(conn: AsyncConnection) -> StoredResponse:
        digest = await seal_digest(conn, store, registry, clock, reason)
        if digest is None:
            return StoredResponse(200, {"sealed": False}, {})
        return StoredResponse(201, {"sealed": True, **_plain(digest)}, {})

    return await command.respond(operation)


def _plain(digest: TrailDigestSealed) -> dict[str, Any]:
    """The digest as the API shows it, its instants in ISO 8601 text."""
    period = {
        "period_start": digest.period_start.isoformat(),
        "period_end": digest.period_end.isoformat(),
    }
    return {**asdict(digest), **period}


@router.get(
    "/digests",
    response_model=list[DigestRead],
    summary="留痕摘要列表 Every sealed digest",
    responses=problem_responses(401, 403),
)
async def list_audit_digests(
    store: Store, registry: Registry, principal: Principal = Depends(PROVINCE_AUDITORS)
) -> list[dict[str, Any]]:
    """The digests sealed so far, oldest first: sequence, period, ranges, roots."""
    _province_wide(principal)
    return [_plain(d) for d in await list_digests(store, registry)]


@router.get(
    "/digests/verify",
    response_model=DigestVerificationOut,
    summary="校验留痕摘要 Re-derive every digest; name each altered position",
    responses=problem_responses(401, 403),
)
async def verify_audit_digests(
    engine: Engine,
    store: Store,
    registry: Registry,
    principal: Principal = Depends(PROVINCE_AUDITORS),
) -> DigestVerificationOut:
    """Check the digest chain and every sealed event against today's copies."""
    _province_wide(principal)
    verdict = await verify_digests(engine, store, registry)
    return DigestVerificationOut(
        ok=verdict.ok,
        digest_chain_ok=verdict.digest_chain_ok,
        digests_checked=verdict.digests_checked,
        events_checked=verdict.events_checked,
        findings=[_out(f) for f in verdict.findings],
    )


@router.post(
    "/source-checks",
    response_model=SourceCheckOut,
    summary="核对源库 Check a service's own event log against supervision's copies",
    responses=problem_responses(400, 401, 403, 422),
)
async def check_source_log(
    body: SourceCheck,
    command: Command,
    engine: Engine,
) -> JSONResponse:
    """Walk the submitted log's chains and compare each event with the copy held here."""
    _province_wide(command.principal)
    rows = [event.model_dump() for event in body.events]

    async def operation(conn: AsyncConnection) -> StoredResponse:
        findings = await compare_source(engine, body.service, rows)
        out = SourceCheckOut(
            service=body.service,
            events_checked=len(rows),
            ok=not findings,
            findings=[_out(f) for f in findings],
        )
        return StoredResponse(200, out.model_dump(mode="json"), {})

    return await command.respond(operation)
