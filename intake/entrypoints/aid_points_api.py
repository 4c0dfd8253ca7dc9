"""Open aid points and temporary shelters (开放式救助点、临时庇护场所, INT-11) and their seasons."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text

from intake.domain.rough_sleeper_events import AidPointOpened, Season
from intake.domain.rough_sleepers import AidPoint
from intake.entrypoints.common import READING_ROLES, Accepted, ensure_role
from intake.entrypoints.wiring import AidPoints
from intake.schemas import CommandAccepted
from intake.schemas_rough_sleepers import (
    AidPointClosure,
    AidPointCreate,
    AidPointRead,
    SeasonAddition,
)
from shared.domain.errors import NotFound
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import Command, CommandRequest, change, create, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today

router = APIRouter(prefix="/v1", tags=["rough sleepers 流浪乞讨人员救助"])
_COMMANDS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


@router.post(
    "/aid-points",
    status_code=201,
    response_model=AidPointRead,
    summary="设立救助点、临时庇护场所 Open an aid point or shelter with its seasons",
    responses=problem_responses(400, 401, 403, 422),
)
async def open_aid_point(
    body: AidPointCreate,
    points: AidPoints,
    command: Command,
) -> JSONResponse:
    """A point of a county or township, open in its seasons (winter 避寒, summer 避暑…)."""
    ensure_jurisdiction(command.principal, body.division_code)
    point = AidPoint(str(uuid.uuid4()))
    seasons = tuple(Season(**s.model_dump()) for s in body.seasons)
    point.open(AidPointOpened(point.id, **{**body.model_dump(), "seasons": seasons}))
    return await create(
        command,
        points,
        point,
        reason=f"设立救助点：{body.label}",
        answer=lambda p: AidPointRead(**body.model_dump(), aid_point_id=p.id, version=p.version),
        location=f"/v1/aid-points/{point.id}",
    )


@router.get(
    "/aid-points/{aid_point_id}",
    response_model=AidPointRead,
    summary="查询救助点 Get an aid point with its seasons",
    responses=problem_responses(401, 403, 404),
)
async def get_aid_point(
    aid_point_id: str,
    response: Response,
    engine: Engine,
    principal: Principal = Depends(current_principal),
) -> AidPointRead:
    """The point as the read model holds it, with its version as ETag."""
    ensure_role(principal, READING_ROLES, "查阅救助点")
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT * FROM aid_points_view WHERE aid_point_id = :id"), {"id": aid_point_id}
        )
        row = found.first()
    if row is None:
        raise NotFound(f"aid point {aid_point_id} not found", "未找到该救助点")
    ensure_jurisdiction(principal, row.division_code)
    response.headers["ETag"] = etag_for(row.version)
    return AidPointRead(**{k: getattr(row, k) for k in AidPointRead.model_fields})


@router.post(
    "/aid-points/{aid_point_id}/seasons",
    response_model=CommandAccepted,
    summary="增加开放季节 Open the point for another season (If-Match)",
    responses=_COMMANDS,
)
async def add_aid_point_season(
    aid_point_id: str,
    body: SeasonAddition,
    points: AidPoints,
    command: Command,
) -> JSONResponse:
    """Next winter's or this summer's window, with why it opens."""
    season = Season(body.kind, body.starts_on, body.ends_on)
    accepted = Accepted[AidPoint](lambda point, _: point.add_season(season))
    return await _change(command, points, aid_point_id, body.reason, accepted)


@router.post(
    "/aid-points/{aid_point_id}/closure",
    response_model=CommandAccepted,
    summary="关闭救助点 Close the point for good (If-Match)",
    responses=_COMMANDS,
)
async def close_aid_point(
    aid_point_id: str,
    body: AidPointClosure,
    points: AidPoints,
    day: Today,
    command: Command,
) -> JSONResponse:
    """No help is recorded at a closed point."""
    accepted = Accepted[AidPoint](lambda point, _: point.close(day))
    return await _change(command, points, aid_point_id, body.reason, accepted)


async def _change(
    command: CommandRequest,
    points: AidPoints,
    aid_point_id: str,
    reason: str,
    accepted: Accepted[AidPoint],
) -> JSONResponse:
    """A step on the point, by an officer of the county or township that runs it."""
    return await change(
        command,
        points,
        aid_point_id,
        authorise=in_jurisdiction(command, lambda point: point.division_code),
        act=accepted.act,
        reason=reason,
        answer=accepted.answer,
    )
