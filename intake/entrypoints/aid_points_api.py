"""Open aid points and temporary shelters (开放式救助点、临时庇护场所, INT-11) and their seasons."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.application.changes import change
from intake.domain.rough_sleeper_events import AidPointOpened, Season
from intake.domain.rough_sleepers import AidPoint
from intake.entrypoints.common import READING_ROLES, accepted, ensure_role
from intake.entrypoints.wiring import AidPoints
from intake.schemas import CommandAccepted
from intake.schemas_rough_sleepers import (
    AidPointClosure,
    AidPointCreate,
    AidPointRead,
    SeasonAddition,
)
from shared.application.repository import Repository
from shared.domain.errors import NotFound
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import request_metadata
from shared.http.etag import etag_for, expected_version_from_if_match
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today

router = APIRouter(prefix="/v1", tags=["rough sleepers 流浪乞讨人员救助"])
OFFICER_ROLES = ("township_officer", "county_officer")
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
    request: Request,
    repository: AidPoints,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """A point of a county or township, open in its seasons (winter 避寒, summer 避暑…)."""
    ensure_role(principal, OFFICER_ROLES, "设立救助点")
    ensure_jurisdiction(principal, body.division_code)
    point = AidPoint(str(uuid.uuid4()))
    seasons = tuple(Season(**s.model_dump()) for s in body.seasons)
    point.open(AidPointOpened(point.id, **{**body.model_dump(), "seasons": seasons}))
    metadata = request_metadata(principal, f"设立救助点：{body.label}", point.id)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        await repository.save(point, metadata, conn, expected_version=0)
        read = AidPointRead(**body.model_dump(), aid_point_id=point.id, version=1)
        headers = {"Location": f"/v1/aid-points/{point.id}", "ETag": etag_for(1)}
        return StoredResponse(201, read.model_dump(mode="json"), headers)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
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
    request: Request,
    points: AidPoints,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Next winter's or this summer's window, with why it opens."""
    season = Season(body.kind, body.starts_on, body.ends_on)
    return await _command(
        request, points, principal, key, aid_point_id, body.reason, lambda p: p.add_season(season)
    )


@router.post(
    "/aid-points/{aid_point_id}/closure",
    response_model=CommandAccepted,
    summary="关闭救助点 Close the point for good (If-Match)",
    responses=_COMMANDS,
)
async def close_aid_point(
    aid_point_id: str,
    body: AidPointClosure,
    request: Request,
    points: AidPoints,
    day: Today,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """No help is recorded at a closed point."""
    return await _command(
        request, points, principal, key, aid_point_id, body.reason, lambda p: p.close(day)
    )


async def _command(
    request: Request,
    repository: Repository[AidPoint],
    principal: Principal,
    key: str,
    aid_point_id: str,
    reason: str,
    action: Callable[[AidPoint], None],
) -> JSONResponse:
    ensure_role(principal, OFFICER_ROLES, "管理救助点")
    expected = expected_version_from_if_match(request)
    assert expected is not None
    metadata = request_metadata(principal, reason, aid_point_id)

    def guarded(point: AidPoint) -> None:
        ensure_jurisdiction(principal, point.division_code)
        action(point)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        point, recorded = await change(repository, aid_point_id, expected, metadata, conn, guarded)
        return accepted(aid_point_id, point.version, recorded)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )
