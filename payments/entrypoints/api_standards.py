"""Standards routes (PAY-1): set a version with If-Match, read every version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application import standards
from payments.domain.standards import PROVINCE, Standard, StandardSet
from payments.entrypoints.common import within
from payments.entrypoints.wiring import Repos
from payments.schemas import StandardCreate, StandardRead, StandardVersion
from shared.domain.errors import NotFound
from shared.eventstore.envelope import RecordedEvent
from shared.http.auth import RoleNotAllowed, ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, create_or_change, no_case
from shared.http.etag import etag_for
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import DIVISION_CODE

router = APIRouter(prefix="/v1", tags=["standards 保障标准"])
READERS = require_roles(
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
)


def _may_set(command: CommandRequest, division_code: str) -> Callable[[object], None]:
    """The province sets its guidance; a county its own standards (403 before any load)."""
    if division_code == PROVINCE and command.principal.role != "province_officer":
        raise RoleNotAllowed(
            "only a province_officer sets the provincial guidance standard",
            "省级指导标准只能由省级民政部门设定",
        )
    return within(command, division_code)


@router.post(
    "/standards",
    status_code=201,
    response_model=StandardRead,
    summary="设定保障标准 Set a standard version",
    responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def set_standard(body: StandardCreate, command: Command, repos: Repos) -> JSONResponse:
    """Record a new version of a standard from its effective date; refused below the minimums.

    Answers with every version recorded so far, the new one last, as the read shows them."""
    new = StandardSet(
        body.division_code,
        body.programme,
        body.effective_from,
        body.monthly_per_person_fen,
        body.floor_per_person_fen,
        body.class_amounts_fen,
        body.care_amounts_fen,
        body.lowering_reason,
    )
    aggregate_id = Standard.id_for(body.division_code, body.programme)
    earlier: list[RecordedEvent] = []

    async def act(standard: Standard, conn: AsyncConnection) -> None:
        earlier[:] = await repos.standards.store.read_stream(standard.stream_id, conn)
        await standards.set_version(standard, new, repos, conn)

    def answer(standard: Standard) -> StandardRead:
        recorded = [*earlier, *standard.appended]
        return StandardRead(
            division_code=body.division_code,
            programme=body.programme,
            version=standard.version,
            versions=[_version_of(event) for event in recorded],
        )

    return await create_or_change(
        command,
        repos.standards,
        aggregate_id,
        new=lambda: Standard(aggregate_id),
        authorise=_may_set(command, body.division_code),
        act=act,
        reason=body.reason,
        answer=answer,
        case_of=no_case,
        status=201,
        location=f"/v1/standards/{body.division_code}/{body.programme}",
    )


def _version_of(event: RecordedEvent) -> StandardVersion:
    """A recorded StandardSet as the read model shows it (payments/projections: standards_view)."""
    data = event.data
    return StandardVersion(
        version=event.stream_version,
        effective_from=data["effective_from"],
        monthly_per_person_fen=data["monthly_per_person_fen"],
        floor_per_person_fen=data["floor_per_person_fen"],
        class_amounts_fen=data["class_amounts_fen"],
        care_amounts_fen=data.get("care_amounts_fen", {}),
        set_by=event.metadata.actor.id,
        reason=event.metadata.reason,
        recorded_at=event.recorded_at.astimezone(UTC),  # as the database gives it back
    )


@router.get(
    "/standards/{division_code}/{programme}",
    response_model=StandardRead,
    summary="查询保障标准 Get a standard and its versions",
    responses=problem_responses(401, 403, 404),
)
async def get_standard(
    division_code: Annotated[str, DIVISION_CODE],
    programme: str,
    engine: Engine,
    response: Response,
    principal: Principal = Depends(READERS),
) -> StandardRead:
    """Every version of the standard, newest last, with the stream version as ETag."""
    if division_code != PROVINCE:
        ensure_jurisdiction(principal, division_code)
    async with engine.connect() as conn:
        rows = list(
            await conn.execute(
                text(
                    "SELECT * FROM standards_view WHERE division_code = :d AND programme = :p"
                    " ORDER BY version"
                ),
                {"d": division_code, "p": programme},
            )
        )
    if not rows:
        raise NotFound(f"no {programme} standard for {division_code}", "未找到该保障标准")
    versions = [
        StandardVersion(**{k: r._mapping[k] for k in StandardVersion.model_fields}) for r in rows
    ]
    response.headers["ETag"] = etag_for(versions[-1].version)
    return StandardRead(
        division_code=division_code,
        programme=programme,
        version=versions[-1].version,
        versions=versions,
    )
