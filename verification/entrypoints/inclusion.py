"""Disabled persons screened against the extreme-poverty rules and flagged for inclusion in
extreme-poverty support (VER-10, 将符合规定的残疾人纳入救助供养): the township screens, the county
sees the flagged persons and acts on each."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Command, change, create
from shared.http.etag import etag_for
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import jurisdiction_prefix
from verification.care_schemas import (
    InclusionDecisionIn,
    ScreeningIn,
    ScreeningSummary,
    ScreeningView,
    screening_view,
)
from verification.domain.inclusion import (
    DisabledPerson,
    ExtremePovertyInclusionDecided,
    InclusionScreening,
)
from verification.entrypoints.care_common import READ_REGISTER, division_of
from verification.entrypoints.common import COUNTY, TOWNSHIP, at_level, ensure_level
from verification.entrypoints.wiring import Register

router = APIRouter(prefix="/v1", tags=["extreme-poverty inclusion 残疾人纳入特困供养"])
BASE = "/extreme-poverty-inclusions"
SCREENED = "残疾人特困供养条件甄别 (disabled person screened against the extreme-poverty rules)"
_LIST = text(
    "SELECT * FROM inclusion_view WHERE division_code LIKE :prefix AND screening_id > :after"
    " AND (CAST(:status AS text) IS NULL OR status = :status)"
    " ORDER BY screening_id LIMIT :limit"
)


@router.post(
    BASE,
    status_code=201,
    response_model=ScreeningView,
    summary="残疾人甄别 Screen a disabled person against the extreme-poverty rules (VER-10)",
    responses=problem_responses(400, 401, 403, 422),
)
async def screen_disabled_person(
    body: ScreeningIn, command: Command, register: Register
) -> JSONResponse:
    """The person's township records what it found; a person meeting every rule is flagged for
    the county, any other is kept with the conditions not met."""
    ensure_level(command.principal, TOWNSHIP, body.division_code)
    person = DisabledPerson(
        body.resident_id,
        body.name,
        body.division_code,
        body.disability_kind,
        body.disability_grade,
        body.has_living_source,
        body.supporter,
    )
    screening = InclusionScreening(str(uuid.uuid4()))
    screening.screen(person, register.today())
    return await create(
        command,
        register.screenings,
        screening,
        reason=SCREENED,
        answer=screening_view,
        location=f"/v1{BASE}/{screening.id}",
    )


@router.get(
    BASE,
    response_model=Page[ScreeningSummary],
    summary="纳入特困供养标记 Screened disabled persons within your division, flagged or not",
    responses=problem_responses(400, 401, 403),
)
async def list_screenings(
    engine: Engine,
    status: Literal["flagged", "not_met", "include", "decline"] | None = Query(
        None, description="flagged: waiting for the county's action"
    ),
    principal: Principal = Depends(READ_REGISTER),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[ScreeningSummary]:
    """The screenings within the caller's division, resident IDs masked."""
    params = {
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "after": str((cursor or {}).get("s", "")),
        "status": status,
        "limit": limit + 1,
    }
    async with engine.connect() as conn:
        rows = (await conn.execute(_LIST, params)).all()
    items = [ScreeningSummary.model_validate(dict(r._mapping)) for r in rows[:limit]]
    more = len(rows) > limit
    return Page[ScreeningSummary](
        items=items, next_cursor=encode_cursor({"s": items[-1].screening_id}) if more else None
    )


@router.get(
    BASE + "/{screening_id}",
    response_model=ScreeningView,
    summary="查询甄别记录 A screening, its outcome and the county's action",
    responses=problem_responses(401, 403, 404),
)
async def get_screening(
    screening_id: str,
    register: Register,
    response: Response,
    principal: Principal = Depends(READ_REGISTER),
) -> ScreeningView:
    """The screening as its stream says now; ETag for the county's decision."""
    screening = await register.screening(screening_id)
    assert screening.screened is not None
    ensure_jurisdiction(principal, screening.screened.division_code)
    response.headers["ETag"] = etag_for(screening.version)
    return screening_view(screening)


@router.post(
    BASE + "/{screening_id}/decision",
    response_model=ScreeningView,
    summary="纳入特困供养 The county includes the flagged person or declines, with the reason",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def decide_inclusion(
    screening_id: str, body: InclusionDecisionIn, command: Command, register: Register
) -> JSONResponse:
    """Once per flag, by the person's county; who, when and why are recorded."""

    def act(screening: InclusionScreening, _: AsyncConnection) -> None:
        screening.decide(
            ExtremePovertyInclusionDecided(
                screening.id,
                division_of(screening),
                body.decision,
                body.reason,
                command.principal.subject,
                register.today(),
                body.application_ref,
            )
        )

    return await change(
        command,
        register.screenings,
        screening_id,
        authorise=at_level(command, COUNTY, division_of),
        act=act,
        reason=body.reason,
        answer=screening_view,
    )
