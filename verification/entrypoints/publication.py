"""Township routes of the notice period (VER-6): publish the notice, record objections."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.problems import problem_responses
from verification.domain.case import VerificationCase
from verification.domain.policy_book import NOTICE_PERIOD_DAYS
from verification.entrypoints.common import TOWNSHIP, CaseCommand, case_command
from verification.entrypoints.views import CaseDetail
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
    body: NoticeIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """The township posts the proposal; the notice period starts today."""
    verification = command.verification

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        assert case.opened is not None
        village = body.village_code or case.opened.division_code
        ensure_jurisdiction(command.principal, village)
        today = verification.today()
        period = await verification.policies.in_force(NOTICE_PERIOD_DAYS, village, today, conn)
        case.publish_notice(village, today, int(period.value), period.version)

    return await command.run(TOWNSHIP, "在居住地公示 (public notice)", action)


OBJECTION_RECEIVERS = ("township_officer", "county_officer")
"""Who records an objection: the township that posted the notice, or the county approving it."""


@router.post(
    "/objections",
    response_model=CaseDetail,
    summary="公示异议 Record an objection raised during the notice (reopens investigation)",
    responses=ERRORS,
    dependencies=[Depends(require_roles(*OBJECTION_RECEIVERS))],
)
async def record_objection(
    body: ObjectionIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """Anyone may object, anonymously, to the township or the county; the township officer of
    the case's township or the county officer of its county records it, with If-Match."""
    verification = command.verification

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.raise_objection(str(uuid.uuid4()), body.anonymous, body.content, verification.today())

    return await command.run(None, "公示期收到异议，重新调查 (objection: re-investigate)", action)
