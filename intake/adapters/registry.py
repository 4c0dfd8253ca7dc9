"""The open-claims registry (INT-9), written in the same transaction as the application's append.

`open_claims` has one row per (resident, programme) held by an open application or an active
benefit: its primary key is the unique index that makes a second claim impossible, whatever the
jurisdiction. `household_members` says which household (its applicant, in one township) each
open member belongs to; per-resident advisory locks serialise the check-then-insert of
concurrent submissions.
"""

from __future__ import annotations

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.domain.duplicates import DuplicateOpenApplication, MemberInAnotherHousehold
from shared.db import Connection, driver_in_transaction

_LOCK_RESIDENTS = """
SELECT count(pg_advisory_xact_lock(hashtext(k)))
FROM (SELECT 'household:' || r AS k FROM unnest($1::text[]) AS r ORDER BY 1) AS keys
"""
# in one statement, after the locks: the members of other households among these residents (a
# household is its head in one township: the same head in another township heads another one),
# or, when there are none, the household's members and its (resident, programme) claims
# inserted — a claim another open application or benefit holds is left out of what comes back
_REGISTER = """
WITH conflicts AS (
    SELECT CASE WHEN household_head <> $5 THEN 'household' ELSE 'head' END AS kind,
        resident_id, application_id, division_code
    FROM household_members
    WHERE resident_id = ANY($4::text[])
    AND (household_head <> $5 OR left(division_code, 9) <> left($6, 9))
), members AS (
    INSERT INTO household_members (resident_id, application_id, household_head, division_code)
    SELECT unnest($4::text[]), $3, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM conflicts)
), claims AS (
    INSERT INTO open_claims (resident_id, programme, application_id)
    SELECT r, p, $3 FROM unnest($1::text[], $2::text[]) AS t(r, p)
    WHERE NOT EXISTS (SELECT 1 FROM conflicts)
    ON CONFLICT DO NOTHING RETURNING resident_id, programme
)
SELECT kind, resident_id, application_id AS detail, division_code FROM conflicts
UNION ALL
SELECT 'claimed', resident_id, programme, NULL FROM claims
"""

# the (resident, programme) claims among these that open applications or benefits hold
_HELD = """
SELECT resident_id, programme FROM open_claims
WHERE (resident_id, programme) IN (SELECT * FROM unnest($1::text[], $2::text[]))
"""


async def claim(
    conn: Connection,
    application_id: str,
    division_code: str,
    head: str,
    residents: list[str],
    programmes: list[str],
) -> None:
    """Register the household and its claims, or raise naming the first conflicting member."""
    raw = await driver_in_transaction(conn)
    # per-resident locks in one sorted order (no deadlock), in a statement of their own: the
    # conflict check after it then reads in a snapshot that sees what the lock waited for
    await raw.fetchval(_LOCK_RESIDENTS, sorted(set(residents)))
    pairs = [(r, p) for p in programmes for r in residents]
    rows = await raw.fetch(
        _REGISTER,
        [r for r, _ in pairs],
        [p for _, p in pairs],
        application_id,
        residents,
        head,
        division_code,
    )
    _refuse_another_household(residents, _of_kind(rows, "household"), division_code)
    if heads_elsewhere := _of_kind(rows, "head"):  # the programme's own refusal comes first
        held = await raw.fetch(_HELD, [r for r, _ in pairs], [p for _, p in pairs])
        _refuse_duplicate_claims(residents, {(r["resident_id"], r["programme"]) for r in held})
        _refuse_another_household(residents, heads_elsewhere, division_code)
    claimed = {(r["resident_id"], r["detail"]) for r in _of_kind(rows, "claimed")}
    _refuse_duplicate_claims(residents, set(pairs) - claimed)


def _of_kind(rows: list[asyncpg.Record], kind: str) -> list[asyncpg.Record]:
    return [r for r in rows if r["kind"] == kind]


def _refuse_another_household(
    residents: list[str], conflicts: list[asyncpg.Record], division_code: str
) -> None:
    """Raise naming the first member of another household; the other application is named to
    the caller only where it lies in the division applied in (one the caller may read): an
    answer from elsewhere would tell any township where in the province a person is assisted."""
    found = {r["resident_id"]: r for r in conflicts}
    for index, resident in enumerate(residents):
        if resident in found:
            existing = found[resident]["detail"]
            seen = str(found[resident]["division_code"]).startswith(division_code)
            named = {"existing_application_id": existing} if seen else {}
            raise MemberInAnotherHousehold(
                f"members.{index}.resident_id is already a member of another household"
                + (f" (application {existing})" if seen else ""),
                f"members.{index}.resident_id 已登记在其他家庭"
                + (f"（申请 {existing}）" if seen else "")
                + "中",
                existing,
                index,
                field=f"members.{index}.resident_id",
                **named,
            )


def _refuse_duplicate_claims(residents: list[str], taken: set[tuple[str, str]]) -> None:
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


_HOLD_MIGRATED = """
WITH members AS (
    INSERT INTO household_members (resident_id, application_id, household_head, division_code)
    SELECT unnest($1::text[]), $2, $3, $4 ON CONFLICT DO NOTHING
)
INSERT INTO open_claims (resident_id, programme, application_id)
SELECT unnest($1::text[]), $5, $2 ON CONFLICT DO NOTHING
"""


async def hold_migrated(
    conn: Connection,
    case_id: str,
    division_code: str,
    head: str,
    residents: list[str],
    programme: str,
) -> None:
    """A household migrated into verification (ADR 0037) holds its household and its claim at
    the desk too, as an application would; a claim held already stays with its holder (the
    import refuses those members, so only a race leaves one)."""
    raw = await driver_in_transaction(conn)
    await raw.execute(_HOLD_MIGRATED, residents, case_id, head, division_code, programme)


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
