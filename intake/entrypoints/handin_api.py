"""INT-3: a village or residents' committee helps a household hand its application in."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.domain.handed_in import ApplicationHandedIn, HandedIn
from intake.entrypoints.wiring import HandIns
from intake.schemas import HandedInRead, HandInCreate
from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Command
from shared.http.etag import etag_for
from shared.http.idempotency import StoredResponse
from shared.http.openapi import sends
from shared.http.problems import problem_responses

router = APIRouter(prefix="/v1", tags=["applications 申请"])


@router.post(
    "/assisted-submissions",
    status_code=201,
    response_model=HandedInRead,
    summary="村（居）委会代为提交 Hand an application in on a household's behalf",
    responses={**problem_responses(400, 401, 403, 422), **sends(201, "ETag")},
)
async def hand_in_application(
    body: HandInCreate,
    hand_ins: HandIns,
    command: Command,
) -> JSONResponse:
    """Recorded as assisted; only the township office then accepts it (POST /v1/applications)."""
    principal = command.principal
    ensure_jurisdiction(principal, body.division_code)
    handed = HandedIn(str(uuid.uuid4()))
    handed.hand_in(
        ApplicationHandedIn(
            handed_in_id=handed.id,
            division_code=body.division_code,
            township_code=body.division_code[:9],
            applicant_resident_id=body.applicant_resident_id,
            programmes=tuple(body.programmes),
            committee=principal.org,
            note=body.note,
        )
    )
    metadata = command.metadata(body.note, handed.id)

    # not the kernel's `create`: a hand-in has no URL of its own to name in Location; the
    # township finds it by its id when it accepts the application
    async def operation(conn: AsyncConnection) -> StoredResponse:
        await hand_ins.save(handed, metadata, conn, expected_version=0)
        answer = HandedInRead(handed_in_id=handed.id, status="awaiting_acceptance")
        return StoredResponse(201, answer.model_dump(mode="json"), {"ETag": etag_for(1)})

    return await command.respond(operation)
