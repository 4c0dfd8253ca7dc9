"""Import a standards file as standard versions set the ordinary way (ADR 0037, docs/migration.md).

Every row is validated first; each valid row is then set through `set_standard`, the function
behind `POST /v1/standards` (the provincial guidance, the 1.3× dibao rule and "never lowered
without a reason" all apply), one row per transaction, dated on its effective date and marked
`migrated` with the file's SHA-256 and the row. A row whose marker is already on its standard's
stream was imported by an earlier run of the same file and is skipped: a re-run appends nothing,
and a run stopped anywhere is finished by running the same file again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum

from sqlalchemy.ext.asyncio import AsyncEngine

from payments.application.context import Repositories
from payments.application.standards import SetStandard, set_standard
from payments.application.standards_file import (
    STANDARDS,
    Reject,
    StandardRow,
    column_of,
    validate_rows,
)
from payments.domain.standards import PROVINCE, Standard, StandardMigration
from shared import tabular
from shared.clock import CHINA, Clock
from shared.domain.errors import DomainError
from shared.eventstore.envelope import Actor, EventMetadata


class Outcome(Enum):
    """What became of one valid row."""

    IMPORTED = "imported"
    IMPORTED_BEFORE = "imported_before"


@dataclass
class StandardsImport:
    """An import's summary: rows read, versions set now or by an earlier run, rows refused."""

    file_name: str
    source_sha256: str
    file_format: str
    rows_total: int = 0
    imported: int = 0
    imported_before: int = 0
    rejects: list[Reject] = field(default_factory=list)

    @property
    def rows_rejected(self) -> int:
        """Rows with at least one refused cell."""
        return len({r.row for r in self.rejects})


@dataclass(frozen=True)
class StandardsImporter:
    """Runs standards imports into payments' store."""

    repos: Repositories
    engine: AsyncEngine
    clock: Clock

    async def run(
        self, opener: tabular.Opener, file_name: str, county: str | None, actor: Actor, channel: str
    ) -> StandardsImport:
        """Validate every row, then set each valid one (or find it set by an earlier run)."""
        source = tabular.inspect(opener, STANDARDS)
        rows = list(tabular.rows(opener, source, STANDARDS))
        valid, rejects = validate_rows(rows, county)
        result = StandardsImport(file_name, source.sha256, source.file_format, len(rows))
        result.rejects += rejects
        for row in sorted(valid, key=_setting_order):
            outcome = await self._set(row, source.sha256, actor, channel)
            if isinstance(outcome, Reject):
                result.rejects.append(outcome)
            elif outcome is Outcome.IMPORTED:
                result.imported += 1
            else:
                result.imported_before += 1
        result.rejects.sort(key=lambda r: (r.row, r.field))
        return result

    async def _set(
        self, row: StandardRow, sha256: str, actor: Actor, channel: str
    ) -> Outcome | Reject:
        """One row in its own transaction: skipped when its marker is on the stream already."""
        aggregate_id = Standard.id_for(row.division_code, row.programme)
        async with self.engine.begin() as conn:
            found = await self.repos.standards.find(aggregate_id, conn)
            if found and any(_from_row(v.migrated, sha256, row.row) for v in found.versions):
                return Outcome.IMPORTED_BEFORE
            command = SetStandard(
                row.standard(sha256),
                EventMetadata(actor, channel, row.document_ref),
                found.version if found else 0,
                occurred_at=self._dated(row),
            )
            try:
                await set_standard(command, self.repos, conn)
            except DomainError as refused:  # a standards rule, or a concurrent change
                return Reject(
                    row.row,
                    row.division_code,
                    row.programme,
                    column_of(refused),
                    refused.detail_zh,
                    refused.detail_en,
                )
        return Outcome.IMPORTED

    def _dated(self, row: StandardRow) -> datetime:
        """The start of its effective day in China, or now for a standard decided ahead."""
        return min(datetime.combine(row.effective_from, time(0), CHINA), self.clock.now())


def _setting_order(row: StandardRow) -> tuple[bool, bool, date, int]:
    """The provincial guidance first, extreme poverty after the dibao standards it is checked
    against (1.3×), each standard's versions by date: file order does not matter."""
    return (
        row.division_code != PROVINCE,
        row.programme == "extreme_poverty",
        row.effective_from,
        row.row,
    )


def _from_row(marker: StandardMigration | None, sha256: str, row: int) -> bool:
    return marker is not None and marker.source_sha256 == sha256 and marker.row == row
