"""Decisions of the competent agencies (INT-4) and the staff-relative register (INT-10)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.adapters import registry as claims
from intake.domain.agency_decision import AgencyDecision, ensure_competent, frees_claim
from intake.domain.application import Application
from intake.domain.programmes import PartnerDecision, Programme
from intake.entrypoints.common import READING_ROLES, Accepted, ensure_role
from intake.entrypoints.reads import cursor_position, keyset_cursor, page_of
from intake.entrypoints.wiring import Applications
from intake.schemas import CommandAccepted, ProgrammeDecision, StaffRelativeRead
from shared.http.auth import current_principal
from shared.http.commands import Command, change, in_jurisdiction
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import jurisdiction_prefix
from shared.privacy import mask_resident_id

router = APIRouter(prefix="/v1", tags=["routing 协同办理"])


async def competent_role(
    programme: Programme, principal: Principal = Depends(current_principal)
) -> PartnerDecision:
    """The programme's rule once the caller holds its deciding role: refused (409 for
    verification's programmes, 403 naming the role) before the body is read."""
    return ensure_competent(programme, principal.role)


@router.post(
    "/applications/{application_id}/programmes/{programme}/decision",
    response_model=CommandAccepted,
    summary="协同部门决定 The competent agency decides the programme routed to it (If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def decide_programme(
    application_id: str,
    programme: Programme,
    body: ProgrammeDecision,
    applications: Applications,
    today: Today,
    command: Command,
    rule: PartnerDecision = Depends(competent_role),
) -> JSONResponse:
    """Only the programme's own role decides it (health insurance medical assistance, education
    education assistance …); the event says who, when, why, under which rule and how much."""
    principal = command.principal
    decision = AgencyDecision(
        programme=programme,
        outcome=body.outcome,
        reason=body.reason,
        policy_basis=body.policy_basis,
        amount_fen=body.amount_fen,
        persons=body.persons,
        decided_by_role=principal.role,
        decided_by_staff_id=principal.subject,
        decided_by_org=principal.org,
        decided_on=today,
    )

    async def decide(application: Application, conn: AsyncConnection) -> None:
        application.decide_by_agency(decision)
        if frees_claim(decision, rule):  # INT-9: nothing of it stays open here
            await claims.release(conn, application_id, [str(programme)])

    accepted = Accepted(decide)
    return await change(
        command,
        applications,
        application_id,
        authorise=in_jurisdiction(command, lambda a: a.division_code),
        act=accepted.act,
        reason=body.reason,
        answer=accepted.answer,
    )


@router.get(
    "/staff-relatives",
    response_model=Page[StaffRelativeRead],
    summary="近亲属备案登记 List households declared as relatives of cadres or staff",
    responses=problem_responses(400, 401, 403),
)
async def list_staff_relatives(
    engine: Engine,
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(current_principal),
) -> Page[StaffRelativeRead]:
    """The separate register of INT-10, scoped to the caller's division."""
    ensure_role(principal, READING_ROLES, "查阅近亲属备案")
    params: dict[str, Any] = {
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "limit": limit + 1,
    }
    where = "division_code LIKE :prefix"
    if cursor is not None:
        where += " AND (declared_at, application_id || member_resident_id) > (:at, :after)"
        params.update(cursor_position(cursor))
    async with engine.connect() as conn:
        result = await conn.execute(
            text(
                f"SELECT * FROM staff_relatives_view WHERE {where}"
                " ORDER BY declared_at, application_id || member_resident_id LIMIT :limit"
            ),
            params,
        )
        rows = [dict(r._mapping) for r in result]
    return page_of(rows, limit, _relative_out, _cursor_of)


def _cursor_of(row: dict[str, Any]) -> str:
    return keyset_cursor(row["declared_at"], row["application_id"] + row["member_resident_id"])


def _relative_out(row: dict[str, Any]) -> StaffRelativeRead:
    return StaffRelativeRead(
        application_id=row["application_id"],
        division_code=row["division_code"],
        member_resident_id_masked=mask_resident_id(row["member_resident_id"]),
        official_name=row["official_name"],
        official_role=row["official_role"],
        official_org=row["official_org"],
        kinship=row["kinship"],
        declared_at=row["declared_at"],
    )
