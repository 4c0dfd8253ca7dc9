"""The bank's return file (回盘文件) of a run, uploaded by the county (PAY-3, ADR 0038)."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.bank_returns import ImportBankReturn, import_bank_return
from payments.entrypoints.api_runs import PAYMENTS_VIEW, _run_row
from payments.entrypoints.wiring import Projections, Repos
from payments.schemas import RETURN_FILE_BODY, BankReturnRead
from shared.domain.errors import ConcurrencyConflict, DomainError
from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Command
from shared.http.etag import etag_for, precondition_failed_from
from shared.http.idempotency import StoredResponse
from shared.http.problems import problem_responses
from shared.http.wiring import Engine, ServiceClock

router = APIRouter(prefix="/v1", tags=["payment runs 社会化发放"])


class ReturnFileNotCsv(DomainError):
    """A return file is uploaded as `text/csv`."""

    code = "return-file-not-csv"
    status = 415
    title_en = "The return file must be sent as text/csv"
    title_zh = "回盘文件须以 text/csv 上传"


@router.post(
    "/runs/{run_id}/bank-returns",
    response_model=BankReturnRead,
    summary="导入银行回盘文件 Import the bank's return file of the run",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 415, 422, 428),
    openapi_extra=RETURN_FILE_BODY,
)
async def import_bank_return_file(
    run_id: str,
    command: Command,
    repos: Repos,
    projections: Projections,
    engine: Engine,
    clock: ServiceClock,
) -> JSONResponse:
    """Check the whole file against the run, then settle or fail each payment it answers, all at
    once or not at all; the same file again changes nothing (`already_imported`)."""
    # its own unit of work: the run and every payment the file answers, together
    row = await _run_row(engine, projections, run_id)
    ensure_jurisdiction(command.principal, row["county_code"])
    expected = command.expected_version()
    content = await _return_file(command.request)
    await projections.catch_up(PAYMENTS_VIEW)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        reason = f"导入银行回盘文件 (bank return file of run {run_id} imported)"
        cmd = ImportBankReturn(run_id, content, expected, command.metadata(reason))
        try:
            outcome = await import_bank_return(cmd, repos, conn, clock.now())
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        body = BankReturnRead(
            **asdict(outcome.imported), already_imported=outcome.already_imported
        ).model_dump()
        return StoredResponse(200, body, {"ETag": etag_for(outcome.run_version)})

    return await command.respond(operation)


async def _return_file(request: Request) -> bytes:
    """The uploaded file, sent as `text/csv` (else 415)."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "text/csv":
        raise ReturnFileNotCsv(
            f"send the file as text/csv, not {media_type[:60] or 'nothing'}",
            "请以 text/csv 上传回盘文件",
        )
    return await request.body()
