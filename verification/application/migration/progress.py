"""An import's record: started once per file and scope, moved on with every batch (ADR 0037)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.domain.errors import DomainError
from shared.eventstore.envelope import Actor
from verification.application.migration.layout import SourceFile
from verification.application.migration.rules import Reject

RUNNING, COMPLETED = "running", "completed"
COLUMNS = (
    "migration_id, source_sha256, scope, file_name, file_format, imported_by, rows_total, status,"
    " households_done, rows_done, households_imported, households_rejected, rows_rejected,"
    " started_at, updated_at, finished_at"
)


class MigrationRaced(DomainError):
    """Another import of the same file moved its progress meanwhile: this one stops."""

    code = "migration-running-elsewhere"
    status = 409
    title_en = "The same file is being imported by another process"
    title_zh = "同一文件正由另一进程导入"


@dataclass(frozen=True)
class MigrationRecord:
    """Where an import stands: households done in file order, imported and refused."""

    migration_id: str
    source_sha256: str
    scope: str
    file_name: str
    file_format: str
    imported_by: dict[str, Any]
    rows_total: int | None
    status: str
    households_done: int
    rows_done: int
    households_imported: int
    households_rejected: int
    rows_rejected: int
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, row: Any) -> MigrationRecord:
        """From a selected row (SQLAlchemy or asyncpg)."""
        values = dict(row._mapping) if hasattr(row, "_mapping") else dict(row)
        values["migration_id"] = str(values["migration_id"])
        by = values["imported_by"]
        values["imported_by"] = json.loads(by) if isinstance(by, str) else by
        return cls(**values)


@dataclass(frozen=True)
class BatchDone:
    """What one committed batch adds to the record."""

    households: int
    rows: int
    imported: int
    rejected_households: int
    rejects: list[Reject]


_START = """
INSERT INTO caseload_migrations (migration_id, source_sha256, scope, file_name, file_format,
    imported_by, rows_total, status, started_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 'running', $8, $8)
ON CONFLICT (source_sha256, scope) DO NOTHING
"""
_BY_FILE = f"SELECT {COLUMNS} FROM caseload_migrations WHERE source_sha256 = $1 AND scope = $2"
_ADVANCE = f"""
UPDATE caseload_migrations SET households_done = households_done + $3, rows_done = rows_done + $4,
    households_imported = households_imported + $5, households_rejected = households_rejected + $6,
    rows_rejected = rows_rejected + $7, updated_at = $8
WHERE migration_id = $1 AND households_done = $2
RETURNING {COLUMNS}
"""
_REJECTS = """
INSERT INTO caseload_migration_rejects
    (migration_id, row_number, field, household_ref, reason_zh, reason_en)
SELECT $1, r.row_number, r.field, r.household_ref, r.reason_zh, r.reason_en
FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
    AS r(row_number, field, household_ref, reason_zh, reason_en)
ON CONFLICT DO NOTHING
"""
_FINISH = f"""
UPDATE caseload_migrations SET status = 'completed', finished_at = $2, updated_at = $2
WHERE migration_id = $1 RETURNING {COLUMNS}
"""


async def start(
    raw: asyncpg.Connection,
    source: SourceFile,
    scope: str,
    file_name: str,
    actor: Actor,
    at: datetime,
) -> MigrationRecord:
    """The file's record in this scope: a new one, or the one a previous run left."""
    by = json.dumps(
        {"id": actor.id, "role": actor.role, "org": actor.org, "division": actor.division},
        ensure_ascii=False,
    )
    await raw.execute(
        _START,
        uuid.uuid4(),
        source.sha256,
        scope,
        file_name[:200],
        source.file_format,
        by,
        source.rows_total,
        at,
    )
    return MigrationRecord.of(await raw.fetchrow(_BY_FILE, source.sha256, scope))


async def advance(
    raw: asyncpg.Connection, record: MigrationRecord, done: BatchDone, at: datetime
) -> MigrationRecord:
    """Record a batch's rejects and move the progress on, in the batch's transaction."""
    if done.rejects:
        rejects = done.rejects
        await raw.execute(
            _REJECTS,
            uuid.UUID(record.migration_id),
            [r.row for r in rejects],
            [r.field for r in rejects],
            [r.household_ref for r in rejects],
            [r.reason_zh for r in rejects],
            [r.reason_en for r in rejects],
        )
    row = await raw.fetchrow(
        _ADVANCE,
        uuid.UUID(record.migration_id),
        record.households_done,
        done.households,
        done.rows,
        done.imported,
        done.rejected_households,
        len(done.rejects),
        at,
    )
    if row is None:
        raise MigrationRaced(
            f"import {record.migration_id} moved on elsewhere; stopped without writing",
            f"导入 {record.migration_id} 已由另一进程推进，本进程停止且未写入",
        )
    return MigrationRecord.of(row)


async def finish(raw: asyncpg.Connection, record: MigrationRecord, at: datetime) -> MigrationRecord:
    """Mark the import complete."""
    return MigrationRecord.of(await raw.fetchrow(_FINISH, uuid.UUID(record.migration_id), at))


async def find(conn: AsyncConnection, migration_id: str) -> MigrationRecord | None:
    """An import by its id."""
    row = (
        await conn.execute(
            text(f"SELECT {COLUMNS} FROM caseload_migrations WHERE migration_id = :id"),
            {"id": migration_id},
        )
    ).first()
    return MigrationRecord.of(row) if row else None


async def rejects_of(
    engine: AsyncEngine, migration_id: str, limit: int | None = None
) -> list[Reject]:
    """An import's rejects in row order (the first `limit` of them)."""
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT row_number, household_ref, field, reason_zh, reason_en"
                " FROM caseload_migration_rejects WHERE migration_id = :id"
                " ORDER BY row_number, field LIMIT :limit"
            ),
            {"id": migration_id, "limit": limit},
        )
        return [Reject(*r) for r in rows]
