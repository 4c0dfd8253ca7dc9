"""Township routes of the notice period (VER-6): publish the notice, record objections."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.idempotency import idempotency_key
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from verification.domain.case import VerificationCase
from verification.entrypoints.common import TOWNSHIP, run_case_command, service_of
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
async def notice(
    case_id: str,
    programme: str,
    body: NoticeIn,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """The township posts the proposal; the notice period starts today."""
    verification = service_of(request)

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        assert case.opened is not None
        village = body.village_code or case.opened.division_code
        ensure_jurisdiction(principal, village)
        days = verification.policy.notice_period_days
        case.publish_notice(village, verification.today(), days)

    return await run_case_command(
        request,
        principal=principal,
        key=key,
        case_id=case_id,
        programme=programme,
        level=TOWNSHIP,
        reason="在居住地公示 (public notice)",
        action=action,
    )


@router.post(
    "/objections",
    response_model=CaseDetail,
    summary="公示异议 Raise an objection during the notice (reopens investigation)",
    responses=ERRORS,
)
async def objection(
    case_id: str,
    programme: str,
    body: ObjectionIn,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Anyone may object, anonymously; whoever receives it records it (If-Match optional)."""
    verification = service_of(request)

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.raise_objection(str(uuid.uuid4()), body.anonymous, body.content, verification.today())

    return await run_case_command(
        request,
        principal=principal,
        key=key,
        case_id=case_id,
        programme=programme,
        level=None,
        reason="公示期收到异议，重新调查 (objection: re-investigate)",
        action=action,
        if_match_required=False,
    )
