"""Caseload migration over HTTP: a county uploads its caseload file; anyone may follow an import
the command line runs (ADR 0037, docs/migration.md)."""

from __future__ import annotations

import io
import uuid

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.errors import DomainError, NotFound
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.body_limit import body_limit
from shared.http.commands import Command
from shared.http.idempotency import StoredResponse
from shared.http.openapi import IF_MATCH_UNUSED, LOCATION_HEADER
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Store
from verification.application.migration import progress
from verification.application.migration.importer import Importer
from verification.application.migration.progress import MigrationRecord
from verification.entrypoints.common import COUNTY, ensure_level
from verification.entrypoints.wiring import VerificationService
from verification.migration_schemas import (
    CASELOAD_FILE_BODY,
    CSV_TYPE,
    REJECTS_SHOWN,
    XLSX_TYPE,
    MigrationRead,
    migration_read,
)

router = APIRouter(prefix="/v1", tags=["migration 历史数据迁移"])
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # about 100,000 member rows; larger files: the ops command


class CaseloadUploadRefused(DomainError):
    """The upload is not a caseload file this route takes (its type; its size is the body
    limit's, a 413)."""

    code = "caseload-upload-refused"
    status = 415
    title_en = "Send the caseload as text/csv or XLSX"
    title_zh = "迁移文件须为 text/csv 或 XLSX"


@router.post(
    "/migrations",
    status_code=201,
    response_model=MigrationRead,
    summary="导入历史数据 Import a county's caseload file as migrated approved cases",
    responses={
        200: {
            "model": MigrationRead,
            "description": "the file had been imported already",
            "headers": {"Location": LOCATION_HEADER},
        },
        **problem_responses(400, 401, 403, 409, 415, 422),
    },
    openapi_extra={**CASELOAD_FILE_BODY, **IF_MATCH_UNUSED, **body_limit(MAX_UPLOAD_BYTES)},
)
async def import_caseload(
    command: Command,
    verification: VerificationService,
    file_name: str = Query(
        default="upload", min_length=1, max_length=200, description="the file's name, as recorded"
    ),
) -> JSONResponse:
    """Validate every row and import each valid household as one approved case, marked migrated
    (payments enrols it as any approval); a household with a bad row is refused whole, and the
    answer lists the rejects by row and field. The same file again imports nothing twice: an
    import stopped half way is finished by sending it again. 201 for an import done now, 200
    when the file had been imported before."""
    principal = command.principal
    ensure_level(principal, COUNTY, principal.division)
    content = await _caseload_file(command.request)
    store, registry = verification.cases.store, verification.cases.registry
    importer = Importer(store, registry, verification.clock)
    actor = command.metadata("历史数据迁移 (caseload migration)").actor
    starts: list[MigrationRecord] = []

    def first_seen(record: MigrationRecord) -> None:
        starts.append(record)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        record = await importer.run(
            lambda: io.BytesIO(content),
            file_name,
            principal.division[:6],
            actor,
            f"api:{principal.client_id}",
            first_seen,
        )
        rejects = await progress.rejects_of(store.engine, record.migration_id, REJECTS_SHOWN)
        status = 200 if starts[0].status == progress.COMPLETED else 201
        body = migration_read(record, rejects).model_dump(mode="json")
        return StoredResponse(status, body, {"Location": f"/v1/migrations/{record.migration_id}"})

    return await command.respond(operation)


@router.get(
    "/migrations/{migration_id}",
    response_model=MigrationRead,
    summary="查询迁移进度 An import's progress and its rejects by row and field",
    responses=problem_responses(401, 403, 404),
)
async def get_caseload_migration(
    migration_id: str, store: Store, principal: Principal = Depends(current_principal)
) -> MigrationRead:
    """Where an import stands (also one the command line is running) and its first rejects."""
    async with store.engine.connect() as conn:
        record = await progress.find(conn, migration_id) if _uuid(migration_id) else None
    if record is None:
        raise NotFound(f"no import {migration_id}", f"未找到迁移 {migration_id}")
    ensure_jurisdiction(principal, record.scope)
    rejects = await progress.rejects_of(store.engine, migration_id, REJECTS_SHOWN)
    return migration_read(record, rejects)


async def _caseload_file(request: Request) -> bytes:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type not in (CSV_TYPE, XLSX_TYPE):
        raise CaseloadUploadRefused(
            f"send the file as {CSV_TYPE} or {XLSX_TYPE}, not {media_type[:60] or 'nothing'}",
            "请以 text/csv 或 XLSX 上传迁移文件",
        )
    return await request.body()  # at most MAX_UPLOAD_BYTES: the body limit answers 413 past it


def _uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
