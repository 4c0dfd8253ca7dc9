"""The household's assistance paid by partner agencies themselves (ADR 0032)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import text

from payments.entrypoints.common import READERS
from payments.schemas import PaidByPartnerHistory, PaidByPartnerRead
from shared.domain.errors import NotFound
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine

router = APIRouter(prefix="/v1", tags=["beneficiaries 保障对象"])
READ = require_roles("township_officer", *READERS)
_ROWS = text("SELECT * FROM paid_by_partner_view WHERE case_id = :c ORDER BY programme")


@router.get(
    "/cases/{case_id}/paid-by-partner",
    response_model=PaidByPartnerHistory,
    summary="部门自行发放记录 Assistance of a case that partner agencies pay themselves",
    responses=problem_responses(401, 403, 404),
)
async def get_paid_by_partner_history(
    case_id: str, engine: Engine, principal: Principal = Depends(READ)
) -> PaidByPartnerHistory:
    """Beside the case's payments (`/v1/cases/{case_id}/payments`): what the partner agencies
    decided and pay, so that the same need is not paid twice."""
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(_ROWS, {"c": case_id})]
    if not rows:
        raise NotFound(
            f"no assistance paid by a partner for case {case_id}", "该案件暂无部门发放记录"
        )
    ensure_jurisdiction(principal, rows[0]["division_code"])
    fields = PaidByPartnerRead.model_fields
    items = [PaidByPartnerRead(**{k: v for k, v in row.items() if k in fields}) for row in rows]
    return PaidByPartnerHistory(case_id=case_id, items=items)
