"""Supervision's HTTP routes: a case's audit trail and the verification of its chains (SUP-1)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.domain.errors import NotFound
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.pagination import encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Registry, Store
from supervision.application.audit import (
    case_division,
    load_trail,
    load_trail_page,
    load_whole_streams,
    seals_of,
    services_of,
    verify_trail,
)
from supervision.application.digest import list_digests
from supervision.application.export import export_entry, trail_html
from supervision.schemas import AuditTrail, ChainVerdict, TrailVerification, entry_of

router = APIRouter(prefix="/v1", tags=["audit 审计追溯"])

AUDITORS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)


async def _authorised_trail(engine: AsyncEngine, case_id: str, principal: Principal) -> list[dict]:
    trail = await load_trail(engine, case_id)
    if not trail:
        raise NotFound(f"no events recorded for case {case_id}", "未找到该案件的任何记录")
    division = await case_division(engine, case_id)
    ensure_jurisdiction(principal, division or "62")
    return trail


@router.get(
    "/cases/{case_id}/audit-trail",
    response_model=AuditTrail,
    summary="案件全程留痕 The case's audit trail across all services",
    responses=problem_responses(401, 403, 404),
)
async def get_case_audit_trail(
    case_id: str,
    engine: Engine,
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(AUDITORS),
) -> AuditTrail:
    """The case's events from every service in recorded order, a page at a time."""
    rows = await load_trail_page(engine, case_id, cursor, limit)
    if not rows and cursor is None:
        raise NotFound(f"no events recorded for case {case_id}", "未找到该案件的任何记录")
    division = await case_division(engine, case_id)
    ensure_jurisdiction(principal, division or "62")
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = (
        encode_cursor(
            {
                "at": last["recorded_at"].isoformat(),
                "service": last["service"],
                "position": last["position"],
            }
        )
        if last
        else None
    )
    return AuditTrail(
        case_id=case_id,
        division_code=division,
        services=await services_of(engine, case_id),
        entries=[entry_of(row) for row in rows[:limit]],
        next_cursor=next_cursor,
    )


@router.get(
    "/cases/{case_id}/audit-trail/verify",
    response_model=TrailVerification,
    summary="校验哈希链 Verify the hash chains of the case's trail",
    responses=problem_responses(401, 403, 404),
)
async def verify_case_audit_trail(
    case_id: str, engine: Engine, principal: Principal = Depends(AUDITORS)
) -> TrailVerification:
    """Re-walk each stream's chain from the copies held here; name the first bad position."""
    trail = await _authorised_trail(engine, case_id, principal)
    chains = [
        ChainVerdict(
            service=report.service,
            stream_id=report.verification.stream_id,
            events_checked=report.verification.checked,
            ok=report.verification.ok,
            first_bad_version=report.verification.first_bad_version,
            problem=report.verification.problem,
        )
        for report in verify_trail(await load_whole_streams(engine, trail))
    ]
    return TrailVerification(case_id=case_id, ok=all(c.ok for c in chains), chains=chains)


@router.get(
    "/cases/{case_id}/audit-trail/export",
    summary="导出案件留痕 Export the case's full trail (JSON, or printable Chinese HTML)",
    responses={
        **problem_responses(401, 403, 404),
        200: {"content": {"application/json": {}, "text/html": {}}},
    },
)
async def export_case_audit_trail(
    case_id: str,
    engine: Engine,
    store: Store,
    registry: Registry,
    format: Literal["json", "html"] = Query("json", description="json or html (printable)"),
    principal: Principal = Depends(AUDITORS),
) -> Response:
    """The whole trail with event data (personal data masked), hashes and the chain verdict."""
    trail = await _authorised_trail(engine, case_id, principal)
    division = await case_division(engine, case_id)
    streams = await load_whole_streams(engine, trail)
    ok = all(report.verification.ok for report in verify_trail(streams))
    seals = await seals_of(engine, case_id)
    roots = {d.sequence: d.root for d in await list_digests(store, registry)}
    entries = []
    for row in trail:
        sequence = seals.get((row["service"], row["position"]))
        sealed = {"sequence": sequence, "root": roots.get(sequence)} if sequence else None
        entries.append({**export_entry(row), "sealed_in_digest": sealed})
    if format == "html":
        return HTMLResponse(trail_html(case_id, division, entries, ok))
    body: dict[str, Any] = {
        "case_id": case_id,
        "division_code": division,
        "chains_ok": ok,
        "entries": entries,
    }
    filename = f"audit-trail-{case_id}.json"
    return JSONResponse(body, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
