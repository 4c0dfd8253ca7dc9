"""Township routes of the notice period (VER-6): publish the notice, record objections."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Command, change, in_jurisdiction
from shared.http.problems import problem_responses
from verification.domain.case import VerificationCase
from verification.domain.policy_book import NOTICE_PERIOD_DAYS
from verification.entrypoints.common import (
    TOWNSHIP,
    at_level,
    case_division,
    case_id_of,
    detail_of,
)
from verification.entrypoints.views import CaseDetail
from verification.entrypoints.wiring import VerificationService
from verification.schemas import NoticeIn, ObjectionIn

router = APIRouter(prefix="/v1/cases/{case_id}/programmes/{programme}", tags=["notices 公示"])
ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


@router.post(
    "/notice",
    response_model=CaseDetail,
    summary="公示 Publish the pre-approval notice at the place of residence (VER-6)",
    responses=ERRORS,
)
async def publish_notice(
    case_id: str,
    programme: str,
    body: NoticeIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """The township posts the proposal; the notice period starts today."""

    async def act(case: VerificationCase, conn: AsyncConnection) -> None:
        village = body.village_code or case_division(case)
        ensure_jurisdiction(command.principal, village)
        today = verification.today()
        period = await verification.policies.in_force(NOTICE_PERIOD_DAYS, village, today, conn)
        case.publish_notice(village, today, int(period.value), period.version)

    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, TOWNSHIP, case_division),
        act=act,
        reason="在居住地公示 (public notice)",
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    "/objections",
    response_model=CaseDetail,
    summary="公示异议 Record an objection raised during the notice (reopens investigation)",
    responses=ERRORS,
)
async def record_objection(
    case_id: str,
    programme: str,
    body: ObjectionIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Anyone may object, anonymously, to the township or the county; the township officer of
    the case's township or the county officer of its county records it, with If-Match."""
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=in_jurisdiction(command, case_division),
        act=lambda case, _: case.raise_objection(
            str(uuid.uuid4()), body.anonymous, body.content, verification.today()
        ),
        reason="公示期收到异议，重新调查 (objection: re-investigate)",
        answer=detail_of(verification),
        case_of=case_id_of,
    )
