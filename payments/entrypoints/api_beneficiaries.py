"""Beneficiary routes (PAY-2): the entitlement with its explanation, and the payment ledger."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from payments.domain.beneficiary import Beneficiary
from payments.entrypoints.api_runs import _payment
from payments.entrypoints.common import READERS
from payments.entrypoints.wiring import Repos
from payments.schemas import BankAccountChange, BankAccountRead, BeneficiaryRead, PaymentRead
from shared.domain.errors import NotFound
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, change, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import division_code_pattern
from shared.privacy import mask_bank_account, mask_name

router = APIRouter(prefix="/v1", tags=["beneficiaries 保障对象"])
READ = require_roles("township_officer", *READERS)


@router.get(
    "/beneficiaries",
    response_model=Page[BeneficiaryRead],
    summary="保障对象名册 Beneficiaries of a county (or township), one page at a time",
    responses=problem_responses(400, 401, 403, 422),
)
async def list_beneficiaries(
    engine: Engine,
    division_code: str = Query(
        description="county (6) or township (9 digits)",
        json_schema_extra={"pattern": division_code_pattern()},
    ),
    status: Literal["active", "suspended", "terminated"] | None = None,
    principal: Principal = Depends(READ),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[BeneficiaryRead]:
    """The roll in (case, programme) order, names masked."""
    ensure_jurisdiction(principal, division_code)
    after = (cursor or {}).get("after", ["", ""])
    async with engine.connect() as conn:
        rows = [
            dict(r._mapping)
            for r in await conn.execute(
                _ROLL,
                {
                    "prefix": f"{division_code}%",
                    "status": status,
                    "c": str(after[0]),
                    "p": str(after[1]),
                    "n": limit + 1,
                },
            )
        ]
    more = len(rows) > limit
    last = rows[limit - 1] if more else None
    next_cursor = encode_cursor({"after": [last["case_id"], last["programme"]]}) if last else None
    return Page(items=[_beneficiary(r) for r in rows[:limit]], next_cursor=next_cursor)


_ROLL = text(
    "SELECT * FROM beneficiaries_view WHERE division_code LIKE :prefix"
    " AND (CAST(:status AS text) IS NULL OR status = :status) AND (case_id, programme) > (:c, :p)"
    " ORDER BY case_id, programme LIMIT :n"
)


def _beneficiary(row: dict[str, Any]) -> BeneficiaryRead:
    fields = {k: row[k] for k in BeneficiaryRead.model_fields if k in row}
    return BeneficiaryRead(**fields, payee_name_masked=mask_name(row["payee_name"]))


@router.get(
    "/beneficiaries/{case_id}/{programme}",
    response_model=BeneficiaryRead,
    summary="查询保障对象 Get a beneficiary's entitlement and its explanation",
    responses=problem_responses(401, 403, 404),
)
async def get_beneficiary(
    case_id: str,
    programme: str,
    engine: Engine,
    response: Response,
    principal: Principal = Depends(READ),
) -> BeneficiaryRead:
    """Status, the amount in force and how it was computed."""
    row = await _row(engine, case_id, programme)
    ensure_jurisdiction(principal, row["division_code"])
    response.headers["ETag"] = etag_for(row["version"])
    return _beneficiary(row)


@router.put(
    "/beneficiaries/{case_id}/{programme}/bank-account",
    response_model=BankAccountRead,
    summary="变更发放账户 Change the account a benefit is paid into",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def change_bank_account(
    case_id: str, programme: str, body: BankAccountChange, command: Command, repos: Repos
) -> JSONResponse:
    """The next run pays into this account; answers and events show it masked."""
    masked = mask_bank_account(body.bank_account)
    return await change(
        command,
        repos.beneficiaries,
        Beneficiary.id_for(case_id, programme),
        authorise=in_jurisdiction(command, lambda beneficiary: beneficiary.division_code),
        act=lambda beneficiary, _: beneficiary.change_account(body.bank_account, masked),
        reason=body.reason,
        answer=lambda _: BankAccountRead(
            case_id=case_id, programme=programme, bank_account_masked=masked
        ),
        case_of=lambda beneficiary: beneficiary.case_id,
    )


@router.get(
    "/beneficiaries/{case_id}/{programme}/payments",
    response_model=Page[PaymentRead],
    summary="发放台账 The beneficiary's payment ledger",
    responses=problem_responses(400, 401, 403, 404),
)
async def list_beneficiary_payments(
    case_id: str,
    programme: str,
    engine: Engine,
    principal: Principal = Depends(READ),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[PaymentRead]:
    """Every payment of the benefit, by period, one page at a time."""
    row = await _row(engine, case_id, programme)
    ensure_jurisdiction(principal, row["division_code"])
    where = "case_id = :c AND programme = :p"
    return await _page(engine, where, {"c": case_id, "p": programme}, limit, cursor)


async def _row(engine: AsyncEngine, case_id: str, programme: str) -> dict[str, Any]:
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT * FROM beneficiaries_view WHERE case_id = :c AND programme = :p"),
                {"c": case_id, "p": programme},
            )
        ).first()
    if row is None:
        raise NotFound(f"no beneficiary {case_id} in {programme}", "未找到该保障对象")
    return dict(row._mapping)


@router.get(
    "/cases/{case_id}/payments",
    response_model=Page[PaymentRead],
    summary="案件发放台账 Every payment of a case (monthly and one-off)",
    responses=problem_responses(400, 401, 403, 404),
)
async def list_case_payments(
    case_id: str,
    engine: Engine,
    principal: Principal = Depends(READ),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[PaymentRead]:
    """The case's payments in every programme, by programme and period."""
    async with engine.connect() as conn:
        first = (
            await conn.execute(
                text("SELECT division_code FROM payments_view WHERE case_id = :c LIMIT 1"),
                {"c": case_id},
            )
        ).first()
    if first is None:
        raise NotFound(f"no payment for case {case_id}", "该案件暂无发放记录")
    ensure_jurisdiction(principal, first.division_code)
    return await _page(engine, "case_id = :c", {"c": case_id}, limit, cursor)


async def _page(
    engine: AsyncEngine,
    where: str,
    params: dict[str, Any],
    limit: int,
    cursor: dict[str, Any] | None,
) -> Page[PaymentRead]:
    after = str((cursor or {}).get("after", ""))
    query = text(
        f"SELECT * FROM payments_view WHERE {where} AND payment_key > :after"
        " ORDER BY payment_key LIMIT :n"
    )
    async with engine.connect() as conn:
        rows = [
            dict(r._mapping)
            for r in await conn.execute(query, {**params, "after": after, "n": limit + 1})
        ]
    more = len(rows) > limit
    next_cursor = encode_cursor({"after": rows[limit - 1]["payment_key"]}) if more else None
    return Page(items=[_payment(r) for r in rows[:limit]], next_cursor=next_cursor)
