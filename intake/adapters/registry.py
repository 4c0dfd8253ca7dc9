"""The open-claims registry (INT-9), written in the same transaction as the application's append.

`open_claims` has one row per (resident, programme) held by an open application or an active
benefit: its primary key is the unique index that makes a second claim impossible, whatever the
jurisdiction. `household_members` says which household (its applicant) each open member belongs
to; per-resident advisory locks serialise the check-then-insert of concurrent submissions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.domain.duplicates import DuplicateOpenApplication, MemberInAnotherHousehold


@dataclass(frozen=True)
class HouseholdConflict:
    """A resident already in another open household."""

    index: int
    resident_id: str
    application_id: str
    division_code: str


async def claim(
    conn: AsyncConnection,
    application_id: str,
    division_code: str,
    head: str,
    residents: list[str],
    programmes: list[str],
) -> None:
    """Register the household and its claims, or raise naming the first conflicting member."""
    for resident in sorted(set(residents)):
        await conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"household:{resident}"}
        )
    conflict = await household_conflict(conn, head, residents)
    if conflict is not None:
        raise MemberInAnotherHousehold(
            f"members.{conflict.index}.resident_id is already a member of another household"
            f" (application {conflict.application_id})",
            f"members.{conflict.index}.resident_id 已登记在其他家庭"
            f"（申请 {conflict.application_id}）中",
            field=f"members.{conflict.index}.resident_id",
            existing_application_id=conflict.application_id,
        )
    await _insert_members(conn, application_id, division_code, head, residents)
    await _insert_claims(conn, application_id, residents, programmes)


async def household_conflict(
    conn: AsyncConnection, head: str, residents: list[str]
) -> HouseholdConflict | None:
    """The first resident already in an open household with another applicant."""
    rows = (
        await conn.execute(
            text(
                "SELECT resident_id, application_id, division_code FROM household_members"
                " WHERE resident_id = ANY(:ids) AND household_head <> :head"
            ),
            {"ids": residents, "head": head},
        )
    ).all()
    found = {r.resident_id: r for r in rows}
    for index, resident in enumerate(residents):
        if resident in found:
            row = found[resident]
            return HouseholdConflict(index, resident, row.application_id, row.division_code)
    return None


async def _insert_members(
    conn: AsyncConnection, application_id: str, division_code: str, head: str, residents: list[str]
) -> None:
    await conn.execute(
        text(
            "INSERT INTO household_members (resident_id, application_id, household_head,"
            " division_code) SELECT unnest(CAST(:ids AS text[])), :app, :head, :division"
        ),
        {"ids": residents, "app": application_id, "head": head, "division": division_code},
    )


async def _insert_claims(
    conn: AsyncConnection, application_id: str, residents: list[str], programmes: list[str]
) -> None:
    pairs = [(r, p) for p in programmes for r in residents]
    inserted = (
        await conn.execute(
            text(
                "INSERT INTO open_claims (resident_id, programme, application_id)"
                " SELECT r, p, :app"
                " FROM unnest(CAST(:rs AS text[]), CAST(:ps AS text[])) AS t(r, p)"
                " ON CONFLICT DO NOTHING RETURNING resident_id, programme"
            ),
            {"app": application_id, "rs": [r for r, _ in pairs], "ps": [p for _, p in pairs]},
        )
    ).all()
    taken = set(pairs) - {(r.resident_id, r.programme) for r in inserted}
    if taken:
        resident, programme = min(taken, key=lambda pair: residents.index(pair[0]))
        index = residents.index(resident)
        raise DuplicateOpenApplication(
            f"members.{index}.resident_id already holds an open application or benefit for"
            f" {programme}",
            f"members.{index}.resident_id 已有“{programme}”的在办申请或在享待遇",
            field=f"members.{index}.resident_id",
            programme=programme,
        )


async def release(conn: AsyncConnection, application_id: str, programmes: list[str]) -> None:
    """Free the claims of rejected or withdrawn programmes; the household once none is left."""
    await conn.execute(
        text("DELETE FROM open_claims WHERE application_id = :app AND programme = ANY(:ps)"),
        {"app": application_id, "ps": programmes},
    )
    remaining = (
        await conn.execute(
            text("SELECT 1 FROM open_claims WHERE application_id = :app LIMIT 1"),
            {"app": application_id},
        )
    ).first()
    if remaining is None:
        await conn.execute(
            text("DELETE FROM household_members WHERE application_id = :app"),
            {"app": application_id},
        )
