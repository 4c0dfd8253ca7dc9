"""What the green channel (INT-7) needs beside the urgent case's stream.

`urban_standards` holds the monthly urban dibao standards per person that payments published
(`payments.StandardSet`, read through its contract by intake.reactions.standards):
the cap of prior assistance is the multiple of the standard in force, the same figure payments
checks again when it pays. `prior_grants` makes a second grant of one programme to one person in a
month impossible across urgent cases: its primary key, written in the grant's transaction.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

PROVINCE = "62"  # a provincial guidance minimum, used by a county without its own standard


async def keep_urban_standard(
    conn: AsyncConnection, division_code: str, effective_from: date, monthly_per_person_fen: int
) -> None:
    """Keep one published version of the urban dibao standard (idempotent: its key is division
    and date)."""
    await conn.execute(
        text(
            "INSERT INTO urban_standards (division_code, effective_from, monthly_per_person_fen)"
            " VALUES (:d, :f, :m) ON CONFLICT (division_code, effective_from)"
            " DO UPDATE SET monthly_per_person_fen = EXCLUDED.monthly_per_person_fen"
        ),
        {"d": division_code, "f": effective_from, "m": monthly_per_person_fen},
    )


async def urban_standard_in_force(conn: AsyncConnection, county: str, on: date) -> int | None:
    """The county's standard in force on the day — as payments reads it: the county's own
    versions, or the provincial guidance when the county has none (分); None when unknown."""
    row = (
        await conn.execute(
            text(
                "SELECT monthly_per_person_fen FROM urban_standards WHERE division_code = ("
                " SELECT division_code FROM urban_standards WHERE division_code IN (:c, :p)"
                " ORDER BY length(division_code) DESC LIMIT 1)"
                " AND effective_from <= :on ORDER BY effective_from DESC LIMIT 1"
            ),
            {"c": county, "p": PROVINCE, "on": on},
        )
    ).first()
    return int(row.monthly_per_person_fen) if row else None


async def claim_prior_grant(
    conn: AsyncConnection, resident_id: str, programme: str, month: str, urgent_case_id: str
) -> str | None:
    """Claim the (person, programme, month) grant; the urgent case that holds it when taken."""
    inserted = await conn.execute(
        text(
            "INSERT INTO prior_grants (resident_id, programme, month, urgent_case_id)"
            " VALUES (:r, :p, :m, :u) ON CONFLICT DO NOTHING RETURNING urgent_case_id"
        ),
        {"r": resident_id, "p": programme, "m": month, "u": urgent_case_id},
    )
    if inserted.first() is not None:
        return None
    held = await conn.execute(
        text(
            "SELECT urgent_case_id FROM prior_grants"
            " WHERE resident_id = :r AND programme = :p AND month = :m"
        ),
        {"r": resident_id, "p": programme, "m": month},
    )
    return str(held.scalar_one())
