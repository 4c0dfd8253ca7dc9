"""Request body and response models of the caseload migration routes (ADR 0037)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from verification.application.migration.progress import MigrationRecord
from verification.application.migration.rules import Reject

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CSV_EXAMPLE = (
    "household_ref,programme,division_code,registration,rural_class,approved_on,effective_from,"
    "next_review_due,assessed_monthly_income_fen,monthly_amount_fen,bank_account,"
    "bank_account_holder_resident_id,care_arrangement,member_resident_id,member_name,"
    "member_relation,member_disability_grade,member_self_care\r\n"
    "CG-2019-00871,urban_dibao,620102001,urban,,2019-06-18,2019-07-01,,32000,,"
    "6228480012345678901,,,11010519491231002X,张桂兰,self,,\r\n"
    "CG-2019-00871,urban_dibao,620102001,urban,,2019-06-18,2019-07-01,,32000,,"
    "6228480012345678901,,,620102198003150013,李建国,child,2,\r\n"
)
CASELOAD_FILE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "迁移文件 the caseload file itself: one row per household member, CSV "
        "(UTF-8 or GB18030) or XLSX (first sheet), the layout of docs/migration.md",
        "content": {
            CSV_TYPE: {"schema": {"type": "string", "format": "binary"}, "example": _CSV_EXAMPLE},
            XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}},
        },
    }
}
"""`openapi_extra=` of the caseload upload: the body is the file."""
REJECTS_SHOWN = 1000


class MigrationReject(BaseModel):
    """A refused cell, or a row refused with its household: never personal data in clear."""

    row: int = Field(description="row number as a spreadsheet shows it (the header is row 1)")
    household_ref: str = Field(description="the household's number in the old system")
    field: str = Field(description="the column refused, or `household` for a row refused with it")
    reason_zh: str
    reason_en: str


class ImportedBy(BaseModel):
    """Who imported the file."""

    id: str
    role: str
    org: str
    division: str


class MigrationRead(BaseModel):
    """An import of a caseload file: its progress, what it imported and what it refused."""

    migration_id: str
    source_sha256: str = Field(description="SHA-256 of the file, as the migrated events carry it")
    scope: str = Field(description="the county imported into (62: the province)")
    file_name: str
    file_format: str = Field(description="csv | xlsx")
    status: str = Field(description="running | completed")
    imported_by: ImportedBy
    rows_total: int | None
    rows_done: int
    households_done: int = Field(description="households committed, in file order")
    households_imported: int
    households_rejected: int
    rows_rejected: int = Field(description="refused cells (rows × fields) in the report")
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    rejects: list[MigrationReject] = Field(description=f"the first {REJECTS_SHOWN} rejects")
    rejects_truncated: bool


def migration_read(record: MigrationRecord, rejects: list[Reject]) -> MigrationRead:
    """The response for an import and (the first of) its rejects."""
    fields = {name: getattr(record, name) for name in MigrationRecord.__dataclass_fields__}
    return MigrationRead(
        **fields,
        rejects=[MigrationReject(**asdict(r)) for r in rejects[:REJECTS_SHOWN]],
        rejects_truncated=record.rows_rejected > REJECTS_SHOWN,
    )
