"""Payment run routes (PAY-3): start, read, list payments, bank file, retry failures."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from payments.application.bank_file import bank_file, batch_no, ensure_instructed
from payments.application.runs import RetryFailed, StartRun, retry_failed, start_run
from payments.entrypoints.common import READERS
from payments.entrypoints.wiring import Projections, Repos
from payments.schemas import (
    BANK_FILE_RESPONSE,
    PaymentRead,
    RetryCreate,
    RunCreate,
    RunRead,
    UnpayableRead,
)
from shared.domain.errors import ConcurrencyConflict, Forbidden, NotFound
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command
from shared.http.etag import etag_for, precondition_failed_from
from shared.http.idempotency import StoredResponse
from shared.http.openapi import sends
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.privacy import mask_bank_account, mask_name
from shared.projections.runner import ProjectionRunner

router = APIRouter(prefix="/v1", tags=["payment runs 社会化发放"])
RUNNERS = require_roles("county_officer")
READ = require_roles(*READERS)
PAYMENTS_VIEW = "payments.payments_view"
OVERRIDE_SCOPE = "payments:funds-override"


class OverrideNotAuthorised(Forbidden):
    """Paying beyond the available funds needs an authorised officer."""

    code = "funds-override-not-authorised"
    title_en = "You are not authorised to pay beyond the available funds"
    title_zh = "无权超出可用资金发放"


class RunStarted(BaseModel):
    """A run just started: its id and status (its progress: `Location`, GET /v1/runs/{run_id})."""

    run_id: str
    status: str


@router.post(
    "/runs",
    status_code=201,
    response_model=RunStarted,
    summary="启动月度发放 Start a county's monthly payment run",
    responses={**problem_responses(400, 401, 403, 409, 422), **sends(201, "ETag")},
)
async def start_payment_run(
    body: RunCreate, command: Command, repos: Repos, projections: Projections, today: Today
) -> JSONResponse:
    """Start the run; the service then instructs, pays and reconciles it in the background."""
    # its own unit of work: the run starts against the funds position read in it (PAY-7)
    ensure_jurisdiction(command.principal, body.county_code)
    if body.funds_override_reason and OVERRIDE_SCOPE not in command.principal.scopes:
        raise OverrideNotAuthorised(
            f"funds_override_reason needs the scope {OVERRIDE_SCOPE}",
            f"funds_override_reason（超额发放理由）需要 {OVERRIDE_SCOPE} 授权",
            field="funds_override_reason",
        )
    await projections.catch_up_all()

    async def operation(conn: AsyncConnection) -> StoredResponse:
        metadata = command.metadata(body.reason)
        cmd = StartRun(
            body.county_code,
            body.period,
            today,
            metadata,
            body.funds_override_reason,
            body.channel,
            body.hold_short_programmes,
        )
        run = await start_run(cmd, repos, conn)
        headers = {"Location": f"/v1/runs/{run.id}", "ETag": etag_for(run.version)}
        return StoredResponse(201, {"run_id": run.id, "status": run.status}, headers)

    return await command.respond(operation)


class RetryStarted(BaseModel):
    """The run's failed payments sent again (its progress: GET /v1/runs/{run_id})."""

    run_id: str
    retried: int = Field(description="how many failed payments get a new attempt")


@router.post(
    "/runs/{run_id}/retries",
    status_code=202,
    response_model=RetryStarted,
    summary="重发失败支付 Retry the run's failed payments",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def retry_failed_payments(
    run_id: str,
    body: RetryCreate,
    command: Command,
    repos: Repos,
    projections: Projections,
    engine: Engine,
) -> JSONResponse:
    """Each failed payment gets a new attempt (new instruction id, same business key), paid out
    of the money available now: a failure's money went back to the funds, which a later run may
    have spent (409 `insufficient-funds` naming `short_programmes`, PAY-7)."""
    # its own unit of work: the payments retried and the run reopened, together
    row = await _run_row(engine, projections, run_id)
    ensure_jurisdiction(command.principal, row["county_code"])
    expected = command.expected_version()
    await projections.catch_up(PAYMENTS_VIEW)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        cmd = RetryFailed(run_id, expected, command.metadata(body.reason))
        try:
            recorded = await retry_failed(cmd, repos, conn)
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        version = recorded[-1].stream_version
        body_out = {"run_id": run_id, "retried": recorded[-1].data["payments"]}
        return StoredResponse(202, body_out, {"ETag": etag_for(version)})

    return await command.respond(operation)


@router.get(
    "/runs/{run_id}",
    response_model=RunRead,
    summary="查询发放批次 Get a run and its reconciliation",
    responses=problem_responses(401, 403, 404),
)
async def get_payment_run(
    run_id: str,
    engine: Engine,
    projections: Projections,
    response: Response,
    principal: Principal = Depends(READ),
) -> RunRead:
    """The run's status and totals; ETag is the run's stream version."""
    row = await _run_row(engine, projections, run_id)
    ensure_jurisdiction(principal, row["county_code"])
    response.headers["ETag"] = etag_for(row["version"])
    async with engine.connect() as conn:
        unpayable = [
            UnpayableRead(**r._mapping) for r in await conn.execute(_UNPAYABLE, {"r": run_id})
        ]
    return RunRead(**row, unpayable=unpayable)


_UNPAYABLE = text(
    "SELECT case_id, programme, division_code, reason FROM run_unpayable WHERE run_id = :r"
    " ORDER BY case_id, programme"
)


@router.get(
    "/runs/{run_id}/payments",
    response_model=Page[PaymentRead],
    summary="发放明细 The run's payments",
    responses=problem_responses(400, 401, 403, 404),
)
async def list_run_payments(
    run_id: str,
    engine: Engine,
    projections: Projections,
    principal: Principal = Depends(READ),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[PaymentRead]:
    """The run's payments in key order, masked, one page at a time."""
    row = await _run_row(engine, projections, run_id)
    ensure_jurisdiction(principal, row["county_code"])
    after = str((cursor or {}).get("after", ""))
    async with engine.connect() as conn:
        rows = list(
            await conn.execute(
                text(
                    "SELECT * FROM payments_view WHERE run_id = :r AND payment_key > :after"
                    " ORDER BY payment_key LIMIT :n"
                ),
                {"r": run_id, "after": after, "n": limit + 1},
            )
        )
    items = [_payment(dict(r._mapping)) for r in rows[:limit]]
    more = len(rows) > limit
    next_cursor = encode_cursor({"after": rows[limit - 1].payment_key}) if more else None
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/runs/{run_id}/bank-file",
    response_class=Response,
    summary="银行代发文件 The run's bank file (batch disbursement CSV)",
    responses={**problem_responses(401, 403, 404, 409), 200: BANK_FILE_RESPONSE},
)
async def get_bank_file(
    run_id: str,
    repos: Repos,
    engine: Engine,
    projections: Projections,
    today: Today,
    principal: Principal = Depends(RUNNERS),
) -> Response:
    """The batch disbursement file of the instructions awaiting the bank, once the run's round
    is instructed (docs/events/payments/bank-file.md); 409 while it is still being instructed."""
    row = await _run_row(engine, projections, run_id)
    ensure_jurisdiction(principal, row["county_code"])
    run = await repos.runs.get(run_id)
    async with engine.connect() as conn:
        await ensure_instructed(conn, run)
        content = await bank_file(conn, run, today)
    name = batch_no(run.id, run.round)
    return Response(
        content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


async def _run_row(
    engine: AsyncEngine, projections: ProjectionRunner, run_id: str
) -> dict[str, Any]:
    """The run's row of runs_view; a run started a moment ago (its `Location` followed at once)
    may not be in the view yet, so a miss catches the view up before answering 404."""
    row = await _read_run_row(engine, run_id)
    if row is None:
        await projections.catch_up(PAYMENTS_VIEW)
        row = await _read_run_row(engine, run_id)
    if row is None:
        raise NotFound(f"run {run_id} not found", f"未找到发放批次{run_id}")
    return row


async def _read_run_row(engine: AsyncEngine, run_id: str) -> dict[str, Any] | None:
    async with engine.connect() as conn:
        row = (
            await conn.execute(text("SELECT * FROM runs_view WHERE run_id = :r"), {"r": run_id})
        ).first()
    return None if row is None else dict(row._mapping)


def _payment(row: dict[str, Any]) -> PaymentRead:
    return PaymentRead(
        **{k: row[k] for k in PaymentRead.model_fields if k in row},
        payee_name_masked=mask_name(row["payee_name"]),
        bank_account_masked=mask_bank_account(row["bank_account"]),
    )
