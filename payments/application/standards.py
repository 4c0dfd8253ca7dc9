"""Setting a standard: load the guidance and the local dibao, guard, append (PAY-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.domain.standards import PROVINCE, Standard, StandardSet
from shared.eventstore.envelope import EventMetadata, RecordedEvent


@dataclass(frozen=True)
class SetStandard:
    """Set a division's standard for a programme from a date."""

    standard: StandardSet
    metadata: EventMetadata
    expected_version: int | None
    occurred_at: datetime | None = None  # a migrated standard: its effective date; else now


async def set_standard(
    cmd: SetStandard, repos: Repositories, conn: AsyncConnection
) -> list[RecordedEvent]:
    """Guard against the provincial guidance and the 1.3× rule, then append StandardSet."""
    new = cmd.standard
    aggregate_id = Standard.id_for(new.division_code, new.programme)
    standard = await repos.standards.find(aggregate_id, conn) or Standard(aggregate_id)
    await set_version(standard, new, repos, conn)
    return await repos.standards.save(
        standard, cmd.metadata, conn, cmd.expected_version, occurred_at=cmd.occurred_at
    )


async def set_version(
    standard: Standard, new: StandardSet, repos: Repositories, conn: AsyncConnection
) -> None:
    """Record the new version on the standard, checked against the provincial guidance and, for
    extreme poverty, the higher of the local urban and rural dibao in force on its effective
    date (one extreme-poverty standard serves both registrations)."""
    guidance = await standard_in_force(repos, conn, PROVINCE, new.programme, new)
    dibao = None
    if new.programme == "extreme_poverty":
        local = [
            await standard_in_force(repos, conn, new.division_code, programme, new)
            for programme in ("rural_dibao", "urban_dibao")
        ]
        in_force = [d for d in local if d is not None]
        dibao = max(in_force, key=lambda d: d.monthly_per_person_fen, default=None)
    standard.set(new, guidance, dibao)


async def standard_in_force(
    repos: Repositories, conn: AsyncConnection, division: str, programme: str, at: StandardSet
) -> StandardSet | None:
    """The version of a division's standard in force on the new standard's effective date."""
    found = await repos.standards.find(Standard.id_for(division, programme), conn)
    return found.in_force(at.effective_from) if found else None
